"""The `wtfc` command: make, fill, inspect, export and serve workshops."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workbook.model import InputError
from workbook.tender_commands import add_tender_commands
from workbook.text import noun, plural


def _open(location: str):
    from workbook.workshop import Workshop

    return Workshop.open(location)


def cmd_new(args: argparse.Namespace) -> int:
    from workbook.workshop import Workshop

    if args.from_:  # the next event, started from the last (workbook/cycle)
        from workbook.cycle.command import new_from

        return new_from(args)
    ws = Workshop.create(args.dir, args.name, db_url=args.db)
    print(f"Made the workshop '{ws.name}' in {Path(args.dir).resolve()}")
    print(f"Next: wtfc import {args.dir} YOUR_SPREADSHEET.xlsx")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from workbook.io.decode import FileUnreadable
    from workbook.io.ingest import import_file
    from workbook.stages.collect import ImportReport

    ws = _open(args.dir)
    total, unreadable = ImportReport(), []
    restored = []
    for path in args.files:
        try:
            result = import_file(ws, path, actor="command line")
        except FileUnreadable as exc:
            unreadable.append({"file": Path(path).name, "reason": str(exc)})
            continue
        if getattr(result, "restored", None):  # a whole-workshop export, not statements
            what = ", ".join(f"{n:,} {table.replace('_', ' ')}"
                             for table, n in result.restored.items())
            restored.append(f"Restored the whole workshop from {Path(path).name} ({what}).")
            if args.json:
                total.merge(result)
            continue
        total.merge(result)
    for line in restored if not args.json else []:
        print(line)
    if args.json:
        out = total.as_dict()
        if unreadable:
            out["unreadable"] = unreadable
        print(json.dumps(out, ensure_ascii=False))
    elif not restored or total.added or total.rejected:
        print(f"Added {plural(total.added, 'statement')}; {total.skipped_duplicates} "
              f"{noun(total.skipped_duplicates, 'was')} already there.")
        if total.rejected:
            print(f"Rejected {plural(len(total.rejected), 'row')} "
                  "(fix them and import the file again):")
            for r in total.rejected:
                print(f"  {r['file']} row {r['row']}: {r['reason']}")
        if total.warnings:
            print(f"Worth a look ({plural(len(total.warnings), 'warning')}; "
                  "these were imported or skipped as said):")
            for warning in total.warnings:
                where = f" row {warning['row']}" if "row" in warning else ""
                print(f"  {warning['file']}{where}: {warning['reason']}")
    for u in unreadable if not args.json else []:
        print(f"Could not read {u['file']}: {u['reason']}", file=sys.stderr)
    return 1 if unreadable else 0


def cmd_stats(args: argparse.Namespace) -> int:
    stats = _open(args.dir).stats()
    if args.json:
        print(json.dumps(stats))
        return 0
    s = stats["statements"]
    print(
        f"{plural(stats['reviews'], 'review')}, {plural(sum(s.values()), 'statement')}: "
        f"{s['working']} working, "
        f"{s['not_working']} not working, {s['future']} for the future"
    )
    p = stats["perspectives"]
    print(
        f"Perspectives: {p['person']} person, {p['family']} family, {p['staff']} staff, "
        f"{p['other']} other"
    )
    print(
        f"{plural(stats['themes'], 'theme')}, {plural(stats['votes'], 'vote')}, "
        f"{plural(stats['causes'], 'cause')}, "
        f"{plural(stats['success_statements'], 'success statement')}, "
        f"{plural(stats['actions'], 'action')}"
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from workbook.io import exchange

    ws = _open(args.dir)
    out = Path(args.out)
    if out.suffix.lower() == ".xlsx":
        exchange.export_xlsx(ws, out)
    elif out.suffix.lower() == ".json":
        exchange.export_json(ws, out)
    else:
        raise InputError("Export to a file ending .xlsx or .json.")
    print(f"Exported '{ws.name}' to {out}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from workbook.report import write_report

    ws = _open(args.dir)
    out = write_report(ws, args.format, args.output)
    print(f"Wrote the {args.format} report of '{ws.name}' to {out}")
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    from workbook.consent.erasure import forget_review

    with _open(args.dir) as ws:
        erasure = forget_review(ws, args.review, actor=args.actor)
    print(erasure.sentence())
    return 0 if erasure.file_clean else 1


def cmd_template_reviews(args: argparse.Namespace) -> int:
    from workbook.forms.review_template import write_template

    out = write_template(args.out, args.review, overwrite=args.force)
    if out.suffix.lower() == ".xlsx":
        print(f"Wrote the review template to {out}. Filled in, it imports as it is: "
              f"wtfc import DIR {out.name}")
    else:
        print(f"Wrote the review template (Word, large print) to {out}. Reviewers return the "
              "Excel copy (wtfc template reviews review.xlsx): that is the one that imports.")
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    print(_open(args.dir).undo(args.actor))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from workbook.paths import notebooks_dir
    from workbook.serving import links, serve

    if getattr(args, "token", None):
        raise InputError(
            "A key on the command line is seen by every user of this machine (in the process "
            f"list). Set {links.FACILITATOR_KEY_ENV} / {links.TABLE_KEY_ENV} in the environment, "
            "use --facilitator-key-file / --table-key-file, or leave them out and strong keys "
            "are made for you.")
    ws = _open(args.dir)  # fail here, plainly, if the workshop cannot be opened
    port = args.port or serve.find_free_port()
    room = None
    try:
        if not serve.is_loopback(args.host):
            room = links.room_links(ws.store, args.host, port,
                                    facilitator_file=args.facilitator_key_file,
                                    table_file=args.table_key_file, renew=args.new_keys)
    finally:
        ws.close()
    location = args.dir if "://" in args.dir else str(Path(args.dir).resolve())
    return serve.serve(location, notebooks_dir(), port, host=args.host, theme=args.theme,
                       links=room, tables=args.tables)


def cmd_demo(args: argparse.Namespace) -> int:
    from workbook import sample

    folder = sample.demo_folder()
    ws = sample.build_sample(folder)
    print(f"Sample workshop '{ws.name}' ready in {folder}")
    print("(set WTFC_DEMO_DIR to keep it elsewhere; delete that folder to start afresh)")
    ws.close()
    args.dir = str(folder)
    args.host, args.token = "127.0.0.1", None
    args.facilitator_key_file = args.table_key_file = None
    args.new_keys = False
    from workbook.serving.serve import DEFAULT_TABLES

    args.tables = DEFAULT_TABLES
    return cmd_serve(args)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="wtfc", description="Working Together for Change workbook")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("new", help="make a workshop folder")
    s.add_argument("dir")
    s.add_argument("--name", required=True)
    s.add_argument("--db", help="PostgreSQL URL, without its password (give that in "
                                   "PGPASSWORD or ~/.pgpass); default: a SQLite file")
    s.add_argument("--from", dest="from_", metavar="LAST",
                   help="start from this workshop (folder or database URL): its themes, "
                        "success statements, open actions and indicators carry over")
    s.set_defaults(func=cmd_new)

    s = sub.add_parser("import", help="import CSV/XLSX statements or a workshop export")
    s.add_argument("dir")
    s.add_argument("files", nargs="+")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_import)

    s = sub.add_parser("stats", help="count what the workshop holds")
    s.add_argument("dir")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_stats)

    s = sub.add_parser("export", help="export the whole workshop to .xlsx or .json")
    s.add_argument("dir")
    s.add_argument("out")
    s.set_defaults(func=cmd_export)

    s = sub.add_parser("report", help="write the WTfC report (HTML, Word, or easy read "
                                          "with pictures)")
    s.add_argument("dir")
    s.add_argument("--format", choices=("html", "docx", "easy-read", "easy-read-docx"),
                   default="html")
    s.add_argument("--output", required=True,
                   help="the file to write (.html or .docx; easy read can be either)")
    s.set_defaults(func=cmd_report)

    s = sub.add_parser("forget", help="erase a review's words for good (consent withdrawn): "
                                      "its statements, their history, and the database file")
    s.add_argument("dir", help="workshop folder or database URL")
    s.add_argument("--review", required=True, metavar="REF",
                   help="the review's reference, e.g. R-017")
    s.add_argument("--actor", default="command line", help="who asked (kept in the log)")
    s.set_defaults(func=cmd_forget)

    s = sub.add_parser("template", help="blank forms to hand out")
    template = s.add_subparsers(dest="template_command", required=True)
    s = template.add_parser("reviews", help="the review template for reviewers: the two top "
                                            "things working and not working and for the "
                                            "future, per perspective (.xlsx imports as it "
                                            "is; .docx to read or fill by hand)")
    s.add_argument("out", help="the file to write: review.xlsx or review.docx")
    s.add_argument("--review", action="append", metavar="REF",
                   help="fill in this review reference (repeat for more; default: one blank "
                        "review)")
    s.add_argument("--force", action="store_true", help="write over a file already there")
    s.set_defaults(func=cmd_template_reviews)

    s = sub.add_parser("undo", help="undo the last action")
    s.add_argument("dir")
    s.add_argument("--actor", help="undo this person's or table's last action")
    s.set_defaults(func=cmd_undo)

    add_tender_commands(sub)  # wtfc tender results|export|summaries|template|load

    from workbook.cards.printing import add_cards_command

    add_cards_command(sub)  # wtfc cards DIR --output cards.pdf|cards.docx

    for name, func, helptext in (
        ("serve", cmd_serve, "serve a workshop's pages with Voila"),
        ("demo", cmd_demo, "build the sample workshop and serve it"),
    ):
        s = sub.add_parser(name, help=helptext)
        if name == "serve":
            from workbook.serving.serve import DEFAULT_TABLES

            s.add_argument("dir", help="workshop folder or database URL")
            s.add_argument("--host", default="127.0.0.1",
                           help="127.0.0.1: this machine only (you are the facilitator, no "
                                "key needed); 0.0.0.0: the room's network (keys for everyone)")
            s.add_argument("--token", help=argparse.SUPPRESS)  # refused with a message
            s.add_argument("--facilitator-key-file", metavar="FILE",
                           help="a private file (chmod 600) holding the facilitator's key; "
                                "default: WTFC_FACILITATOR_KEY, else one made for you")
            s.add_argument("--table-key-file", metavar="FILE",
                           help="a private file holding the tables' key; default: "
                                "WTFC_TABLE_KEY, else one made for you")
            s.add_argument("--new-keys", action="store_true",
                           help="make new keys: every link handed out before stops working")
            s.add_argument("--tables", type=int, default=DEFAULT_TABLES,
                           help="how many tables (laptops) will open the pages at once: "
                                "that many Collect pages are kept ready (default "
                                f"{DEFAULT_TABLES}; each costs about 80 MB)")
        s.add_argument("--port", type=int, default=0)
        s.add_argument("--theme", choices=("light", "dark"), default="light")
        s.set_defaults(func=func)
    return p


def _refuse_passwords(args: argparse.Namespace) -> None:
    """A database password on the command line is in every user's process list: refuse."""
    from workbook.store.urls import HOW_TO_GIVE_A_PASSWORD, has_password, mask_url

    for name in ("dir", "db", "source"):
        value = getattr(args, name, None)
        if isinstance(value, str) and has_password(value):
            raise InputError(
                f"The address {mask_url(value)} holds a password, which any user of this "
                f"machine can read on a command line. {HOW_TO_GIVE_A_PASSWORD}"
            )


def _password_refused(exc: Exception) -> str | None:
    """A plain message for PostgreSQL refusing us for want of a password, else None."""
    from sqlalchemy.exc import OperationalError

    from workbook.store.urls import HOW_TO_GIVE_A_PASSWORD

    if isinstance(exc, OperationalError) and "password" in str(exc.orig).lower():
        first = str(exc.orig).strip().splitlines()[-1] if str(exc.orig).strip() else ""
        return f"PostgreSQL refused the connection ({first}). {HOW_TO_GIVE_A_PASSWORD}"
    return None


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        _refuse_passwords(args)
        return args.func(args)
    except InputError as exc:
        print(f"wtfc: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        message = _password_refused(exc)
        if message is None:
            raise
        print(f"wtfc: {message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

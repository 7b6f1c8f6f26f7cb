"""`wtfc tender ...`: results, exports, summaries, the blank workbook and loading one."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def cmd_tender_results(args: argparse.Namespace) -> int:
    from workbook.tender.source import print_results

    return print_results(args.source, json_out=args.json)


def cmd_tender_export(args: argparse.Namespace) -> int:
    from workbook.tender.panel.panel_export import export_panel
    from workbook.tender.report import export_all
    from workbook.workshop import Workshop

    with Workshop.open(args.dir) as ws:
        for path in export_all(ws.tender, Path(args.out)):
            print(f"Wrote {path}")
        paths, notes = export_panel(ws.tender, Path(args.out))
        for line in [*(f"Wrote {p}" for p in paths), *notes]:
            print(line)
    return 0


def cmd_tender_summaries(args: argparse.Namespace) -> int:
    from workbook.tender.report import write_bidder_summaries
    from workbook.workshop import Workshop

    with Workshop.open(args.dir) as ws:
        out = Path(args.out) if args.out else ws.outputs
        for path in write_bidder_summaries(ws.tender, out):
            print(f"Wrote {path}")
    return 0


def cmd_tender_template(args: argparse.Namespace) -> int:
    from workbook.tender.bids.blank_book import write_template

    print(f"Wrote {write_template(args.out, force=args.force)}: fill it in, then "
          f"wtfc tender load DIR {Path(args.out).name}")
    return 0


def cmd_tender_load(args: argparse.Namespace) -> int:
    from workbook.tender.bids.loading import load_command

    return load_command(args.dir, args.workbook, fresh=args.fresh, replace=args.replace)


def add_tender_commands(sub: Any) -> None:
    """Add `tender` and its subcommands to the `wtfc` parser's subparsers."""
    s = sub.add_parser("tender", help="tender scoring by adult and young people's panels")
    tender = s.add_subparsers(dest="tender_command", required=True)
    s = tender.add_parser("results", help="totals and ranks from an evaluation workbook or "
                                          "a workshop folder")
    s.add_argument("source", help="evaluation workbook (.xlsx) or workshop folder")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_tender_results)
    s = tender.add_parser("export", help="the evaluation workbook (with history), each "
                                         "bidder's summary (XLSX and Word), the young people's "
                                         "payment sheet, certificates and, once final, their "
                                         "outcome")
    s.add_argument("dir", help="workshop folder or database URL")
    s.add_argument("out", help="folder to write the files into")
    s.set_defaults(func=cmd_tender_export)
    s = tender.add_parser("summaries", help="each bidder's assessment summary, its own Word "
                                            "file: its scores beside the winning bid's, panel "
                                            "members named by role (submitted scores only)")
    s.add_argument("dir", help="workshop folder or database URL")
    s.add_argument("--out", help="folder to write into (default: the workshop's outputs)")
    s.set_defaults(func=cmd_tender_summaries)
    s = tender.add_parser("template", help="a blank evaluation workbook: every sheet, a worked "
                                           "example row in each, and notes on each column")
    s.add_argument("out", help="the .xlsx file to write")
    s.add_argument("--force", action="store_true", help="write over a file already there")
    s.set_defaults(func=cmd_tender_template)
    s = tender.add_parser("load", help="check an evaluation workbook and load it into a "
                                       "workshop (nothing is written while a problem is left)")
    s.add_argument("dir", help="workshop folder or database URL")
    s.add_argument("workbook", help="evaluation workbook (.xlsx)")
    s.add_argument("--fresh", action="store_true", help="leave out the workbook's scores: "
                                                        "the panels score in the page")
    s.add_argument("--replace", action="store_true",
                   help="replace the workshop's current evaluation")
    s.set_defaults(func=cmd_tender_load)

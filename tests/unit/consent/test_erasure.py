"""Erasure: `wtfc forget` takes a review's words out of the rows, the history and the file."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.consent_room import SECRET, SECRET_TOO, SHOWN, fill, set_consent
from workbook import InputError, Workshop
from workbook.charts import stages as charts
from workbook.cli import main as cli
from workbook.consent.copies import quoting_files
from workbook.consent.erasure import forget_review
from workbook.io import exchange
from workbook.report import write_report
from workbook.stages.collect import fingerprint
from workbook.store import db

PHRASE = "giraffe umbrella"  # in SECRET: must be found nowhere after forgetting


def all_text(ws: Workshop) -> str:
    """Every table's every cell, as one string: what the store holds, deleted rows too."""
    parts = []
    with ws.store.read() as conn:
        for table in db.CONTENT_TABLES:
            for row in conn.execute(select(table)).all():
                parts.extend(str(v) for v in row)
        parts.extend(str(v) for row in conn.execute(select(db.meta)).all() for v in row)
    return "\n".join(parts)


def file_bytes(folder: Path) -> bytes:
    """The SQLite file and any journal beside it."""
    return b"".join(p.read_bytes() for p in folder.glob("workshop.sqlite*"))


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))


@pytest.fixture
def room(workshop):
    ids = fill(workshop)
    # History that holds the words: an edit, a delete (its summary quotes them), an undo.
    workshop.edit_statement(ids["secret"], text=SECRET + " and warm", actor="Table 1")
    workshop.edit_statement(ids["secret"], text=SECRET, actor="Table 1")
    workshop.delete_statement(ids["secret_too"], actor="Table 1")
    workshop.undo("Table 1")
    workshop.delete_statement(ids["secret_too"], actor="Table 1")  # marked deleted: words kept
    workshop.edit_statement(ids["shown"], text=SHOWN + " a lot", actor="Table 2")
    return ids


def test_forgetting_erases_rows_history_and_logs_without_words(workshop, room):
    prints = [fingerprint("R-NO", "not_working", "family", SECRET),
              fingerprint("R-NO", "future", "person", SECRET_TOO)]
    before = all_text(workshop)
    assert PHRASE in before and "zebra" in before and prints[0] in before
    erasure = forget_review(workshop, "r-no", actor="facilitator")
    assert erasure.review == "R-NO" and erasure.statements == 2
    assert erasure.by_kind == {"working": 0, "not_working": 1, "future": 1}
    assert erasure.history_rows >= 5
    assert "cannot be undone" in erasure.sentence() and PHRASE not in erasure.sentence()
    after = all_text(workshop)
    assert PHRASE not in after and "zebra" not in after
    assert not any(p in after for p in prints)
    with workshop.store.read() as conn:
        s, r = db.statements.c, db.reviews.c
        assert conn.execute(select(s.id).where(s.id.in_([room["secret"], room["secret_too"]]))
                            ).all() == []  # deleted for real, not marked
        assert conn.execute(select(r.consent).where(r.ref == "R-NO")).scalar() is False
    log = workshop.history.iloc[-1]
    assert log["actor"] == "facilitator"
    assert "R-NO" in log["summary"] and "2 statements" in log["summary"]
    # the other reviews' words and every figure from them are untouched
    assert SHOWN + " a lot" in workshop.statements["text"].tolist()
    assert workshop.stats()["reviews"] == 2


def test_undo_cannot_bring_it_back_and_still_works_for_others(workshop, room):
    forget_review(workshop, "R-NO")
    assert workshop.undo() == "Undone: Edited a statement for review R-YES"
    assert SHOWN in workshop.statements["text"].tolist()
    # keep undoing everything: nothing ever brings the words back, nothing breaks
    while True:
        try:
            workshop.undo()
        except InputError as exc:
            assert "nothing to undo" in str(exc).lower() or "changed since" in str(exc)
            break
        assert PHRASE not in all_text(workshop)
    assert PHRASE not in all_text(workshop)


def test_exports_and_reports_made_afterwards_hold_no_words(workshop, room, tmp_path):
    backup = exchange.export_json(workshop, tmp_path / "before.json")
    assert PHRASE in backup.read_text(encoding="utf-8")  # the backup kept them until now
    forget_review(workshop, "R-NO")
    js = exchange.export_json(workshop, tmp_path / "after.json").read_text(encoding="utf-8")
    xlsx = docx_text(exchange.export_xlsx(workshop, tmp_path / "after.xlsx"))
    html = write_report(workshop, "html", tmp_path / "r.html").read_text(encoding="utf-8")
    docx = docx_text(write_report(workshop, "docx", tmp_path / "r.docx"))
    for text in (js, xlsx, html, docx):
        assert PHRASE not in text and "zebra" not in text
    assert SHOWN in js


def test_the_sqlite_file_holds_no_words_afterwards(tmp_path):
    ws = Workshop.create(tmp_path / "ws", "Erasure")
    fill(ws)
    ws.delete_statement(int(ws.statements["statement_id"].iloc[0]), actor="Table 1")
    assert PHRASE.encode() in file_bytes(tmp_path / "ws")
    other = Workshop.open(tmp_path / "ws")  # another page reading the workshop meanwhile
    assert len(other.statements) == 3
    erasure = forget_review(ws, "R-NO")
    assert erasure.file_clean
    data = file_bytes(tmp_path / "ws")
    assert PHRASE.encode() not in data and b"zebra" not in data
    assert SHOWN.encode() in data
    assert len(other.statements) == 2  # the other page carries on
    other.close()
    ws.close()


def test_an_unknown_review_is_refused_plainly_and_nothing_changes(workshop, room):
    with pytest.raises(InputError, match="no review R-404"):
        forget_review(workshop, "R-404")
    with pytest.raises(InputError, match="missing review reference"):
        forget_review(workshop, "  ")
    assert PHRASE in all_text(workshop)


def test_wtfc_forget_on_the_command_line(tmp_path, capsys):
    folder = tmp_path / "ws"
    fill(Workshop.create(folder, "Erasure"))
    assert cli(["forget", str(folder), "--review", "R-NO", "--actor", "Sam"]) == 0
    out = capsys.readouterr().out
    assert "Erased the words of review R-NO: 2 statements" in out and PHRASE not in out
    assert PHRASE.encode() not in file_bytes(folder)
    with Workshop.open(folder) as ws:
        assert ws.history.iloc[-1]["actor"] == "Sam"
    assert cli(["forget", str(folder), "--review", "R-404"]) == 2
    assert "There is no review R-404" in capsys.readouterr().err


def test_copies_in_the_outputs_folder_that_quote_the_words_are_removed(tmp_path):
    ws = Workshop.create(tmp_path / "ws", "Erasure")
    fill(ws)
    set_consent(ws, "R-NO", True)  # agreed at first: the report quotes the person
    out = ws.outputs
    report = write_report(ws, "html", out / "erasure-report.html")
    word = write_report(ws, "docx", out / "erasure-report.docx")
    backup = exchange.export_xlsx(ws, out / "backup.xlsx")
    assert PHRASE in report.read_text(encoding="utf-8") and PHRASE in docx_text(word)
    (out / "notes.txt").write_text("Room booked till four", encoding="utf-8")
    png, csv = charts.collect_chart(ws.statements).save(out)
    erasure = forget_review(ws, "R-NO")
    assert sorted(erasure.files_removed) == sorted(p.name for p in (report, word, backup))
    assert "erasure-report.html" in erasure.sentence() and PHRASE not in erasure.sentence()
    assert sorted(p.name for p in out.iterdir()) == sorted(["notes.txt", png.name, csv.name])
    ws.close()


def test_a_quote_is_found_however_the_file_escapes_it(tmp_path):
    words = ["I can't get home after 6pm & it's dark", "No"]
    (tmp_path / "a.html").write_text("<p>“I can&#39;t get home\n after 6pm &amp; it&#x27;s "
                                     "dark”</p>", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>No, nothing here</p>", encoding="utf-8")  # too short
    (tmp_path / "c.docx").write_bytes(b"not a zip")  # unreadable: left alone
    assert [p.name for p in quoting_files(tmp_path, words)] == ["a.html"]
    assert quoting_files(tmp_path / "missing", words) == []

"""The `wtfc` command line, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_data"


def wtfc(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        [sys.executable, "-m", "workbook.cli", *args], capture_output=True, text=True, timeout=120
    )
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def test_new_import_stats_export(tmp_path):
    ws = tmp_path / "event"
    wtfc("new", str(ws), "--name", "Spring event")
    first = json.loads(wtfc("import", str(ws), str(SAMPLE / "reviews_long.csv"), "--json").stdout)
    assert first["added"] > 300 and first["skipped_duplicates"] == 0 and first["rejected"] == []
    again = json.loads(wtfc("import", str(ws), str(SAMPLE / "reviews_wide.xlsx"), "--json").stdout)
    # The wide workbook holds the same statements: all of them are already there.
    assert {k: again[k] for k in ("added", "skipped_duplicates", "rejected")} == {
        "added": 0, "skipped_duplicates": first["added"], "rejected": []}
    # Each skipped statement is a warning naming its file and row (the sample keeps to the
    # two top things, so nothing else is worth a look).
    assert len(again["warnings"]) == first["added"] and first["warnings"] == []
    assert {w["file"] for w in again["warnings"]} == {"reviews_wide.xlsx"}
    assert all("row" in w and "already has" in w["reason"] for w in again["warnings"])
    stats = json.loads(wtfc("stats", str(ws), "--json").stdout)
    assert sum(stats["statements"].values()) == first["added"]
    # The first release's keys stay; later stages add theirs after them.
    assert list(stats)[:8] == [
        "reviews",
        "statements",
        "perspectives",
        "themes",
        "votes",
        "causes",
        "success_statements",
        "actions",
    ]
    assert {"actions_by_status", "ideas", "happening_already", "indicators", "measurements",
            "you_said_we_did"} <= set(stats)
    wtfc("export", str(ws), str(tmp_path / "out.xlsx"))
    wtfc("export", str(ws), str(tmp_path / "out.json"))
    copy = tmp_path / "copy"
    wtfc("new", str(copy), "--name", "Copy")
    wtfc("import", str(copy), str(tmp_path / "out.json"))
    assert json.loads(wtfc("stats", str(copy), "--json").stdout) == stats


def test_messy_council_spreadsheet_reports_every_bad_row(tmp_path):
    expected = json.loads((SAMPLE / "messy_council_expected.json").read_text())
    for name in ("messy_council.xlsx", "messy_council.csv"):
        ws = tmp_path / name
        wtfc("new", str(ws), "--name", "Messy")
        out = json.loads(wtfc("import", str(ws), str(SAMPLE / name), "--json").stdout)
        assert out["added"] == expected["good"]
        got = sorted((r["row"], r["reason"]) for r in out["rejected"])
        want = sorted((r["row"], r["reason_contains"]) for r in expected["rejected"])
        assert [g[0] for g in got] == [w[0] for w in want]
        for (_, reason), (_, fragment) in zip(got, want, strict=True):
            assert fragment in reason
        assert all(r["file"] == name for r in out["rejected"])


def test_council_template_wording_imports_and_unclear_kinds_are_named(tmp_path):
    expected = json.loads((SAMPLE / "council_template_expected.json").read_text())
    ws = tmp_path / "template"
    wtfc("new", str(ws), "--name", "Template")
    out = json.loads(
        wtfc("import", str(ws), str(SAMPLE / "council_template.csv"), "--json").stdout
    )
    assert out["added"] == sum(expected["by_kind"].values())
    assert json.loads(wtfc("stats", str(ws), "--json").stdout)["statements"] == expected["by_kind"]
    got = [(r["row"], r["reason"]) for r in out["rejected"]]
    assert [row for row, _ in got] == [r["row"] for r in expected["rejected"]]
    for (_, reason), want in zip(got, expected["rejected"], strict=True):
        assert want["reason_contains"] in reason
        assert reason.endswith("use Working, Not working or Future")


def test_import_json_warnings_name_file_row_or_review_and_reason(tmp_path):
    ws = tmp_path / "w"
    wtfc("new", str(ws), "--name", "W")
    data = tmp_path / "four.csv"
    data.write_text("Review,Whose view,Kind,Statement\n"
                    "R-4,person,not working,Too many staff changes\n"
                    "R-4,person,not working,I cannot get to church\n\n"
                    "R-4,person,not working,My money runs out\n"
                    "R-4,person,not working,Too many staff changes\n", encoding="utf-8")
    out = json.loads(wtfc("import", str(ws), str(data), "--json").stdout)
    assert (out["added"], out["skipped_duplicates"], out["rejected"]) == (3, 1, [])
    assert [(w["file"], w.get("row"), w.get("review")) for w in out["warnings"]] == [
        ("four.csv", 4, None), ("four.csv", 6, None), ("four.csv", None, "R-4")]
    assert "blank" in out["warnings"][0]["reason"] and "row 2" in out["warnings"][1]["reason"]
    assert {k: out["warnings"][2][k] for k in ("kind", "perspective", "count")} == {
        "kind": "not_working", "perspective": "person", "count": 3}
    text = wtfc("import", str(ws), str(data)).stdout  # and in words, without --json
    assert "Worth a look (6 warnings" in text  # 4 already there, a blank row, R-4
    assert "four.csv: review R-4 has 3 'Not working' statements from the person" in text


def test_template_reviews_writes_excel_that_imports_filled_in_and_word(tmp_path):
    import openpyxl

    ws = tmp_path / "w"
    wtfc("new", str(ws), "--name", "W")
    xlsx, docx = tmp_path / "review.xlsx", tmp_path / "review.docx"
    assert "imports as it is" in wtfc("template", "reviews", str(xlsx), "--review", "R-1",
                                      "--review", "R-2").stdout
    assert "Excel copy" in wtfc("template", "reviews", str(docx)).stdout and docx.stat().st_size
    book = openpyxl.load_workbook(xlsx)
    sheet = book.active
    found = [(c.row, c.column) for row in sheet.iter_rows() for c in row
             if c.value == "What is not working 1"]
    (head, column), = found
    sheet.cell(row=head + 1, column=column, value="Nobody asks me what I want")  # R-1 person
    sheet.cell(row=head + 7, column=column, value="Too many forms")  # R-2 staff
    book.save(xlsx)
    out = json.loads(wtfc("import", str(ws), str(xlsx), "--json").stdout)
    assert out == {"added": 2, "skipped_duplicates": 0, "rejected": [], "warnings": []}
    stats = json.loads(wtfc("stats", str(ws), "--json").stdout)
    assert stats["reviews"] == 2 and stats["statements"]["not_working"] == 2
    assert stats["perspectives"]["person"] == 1 and stats["perspectives"]["staff"] == 1
    proc = wtfc("template", "reviews", str(xlsx), check=False)  # never over a filled copy
    assert proc.returncode == 2 and "--force" in proc.stderr and "Traceback" not in proc.stderr


def test_unreadable_file_exits_1_and_keeps_good_files(tmp_path):
    ws = tmp_path / "w"
    wtfc("new", str(ws), "--name", "W")
    fake = tmp_path / "photo.csv"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    proc = wtfc("import", str(ws), str(fake), str(SAMPLE / "reviews_long.csv"), check=False)
    assert proc.returncode == 1
    assert "photo.csv" in proc.stderr and "Traceback" not in proc.stderr
    assert json.loads(wtfc("stats", str(ws), "--json").stdout)["reviews"] > 0


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["stats", "nowhere", "--json"], "no workshop"),
        (["export", "{ws}", "out.pdf"], ".xlsx or .json"),
    ],
)
def test_plain_errors_not_tracebacks(tmp_path, args, fragment):
    ws = tmp_path / "w"
    wtfc("new", str(ws), "--name", "W")
    proc = wtfc(*[a.format(ws=ws) for a in args], check=False)
    assert proc.returncode == 2
    assert fragment in proc.stderr.lower() and "Traceback" not in proc.stderr


def test_postgres_workshop_via_db_flag(tmp_path, pg_databases):
    url = pg_databases()
    ws = tmp_path / "pg"
    wtfc("new", str(ws), "--name", "On PostgreSQL", "--db", url)
    wtfc("import", str(ws), str(SAMPLE / "reviews_long.csv"))
    stats = json.loads(wtfc("stats", str(ws), "--json").stdout)
    assert stats["reviews"] > 50

"""Counting and shortening words: the helpers, and "1 statement" wherever a count is said."""

from __future__ import annotations

import re

import pytest

from workbook import Workshop
from workbook.cli import main as wtfc
from workbook.report import write_report
from workbook.text import listed, noun, plural, plural_of, quantity, shorten

# "1 statements", "1 rows", "1 dots", …: a count of one followed by a plural noun.
ONE_PLURAL = re.compile(r"(?<![\d,.])1 (statements|reviews|themes|votes|causes|actions|dots|rows|"
                        r"files|cards|ideas|indicators|measurements|scenarios|members|bids|"
                        r"questions|panels|success statements|entries|people)\b")


@pytest.mark.parametrize(("n", "word", "said"), [
    (0, "statement", "0 statements"), (1, "statement", "1 statement"),
    (2, "statement", "2 statements"), (30_000, "card", "30,000 cards"),
    (1, "entry", "1 entry"), (3, "entry", "3 entries"), (2, "person", "2 people"),
    (2, "success statement", "2 success statements"), (2, "box", "2 boxes"),
    (2, "day", "2 days"),
])
def test_plural(n, word, said):
    assert plural(n, word) == said


def test_noun_alone_and_a_given_plural():
    assert noun(1, "is") == "is" and noun(2, "is") == "are"
    assert plural(2, "thing to finish", "things to finish") == "2 things to finish"
    assert plural_of("dot") == "dots"


def test_shorten_keeps_one_line_and_says_where_it_cut():
    assert shorten("x" * 100, 10) == "x" * 9 + "…"
    assert shorten("short\nand   spaced", 40) == "short and spaced"
    assert len(shorten("y" * 500)) == 80


def test_listed_and_quantity():
    assert listed(["a", "b", "c", "d"]) == "a, b, c, …"
    assert listed(["a", "b"]) == "a, b"
    assert quantity(12.0, "%") == "12%" and quantity(2.5, "people") == "2.5 people"
    assert quantity(None, "%") == "–" and quantity(float("nan")) == "–"


@pytest.fixture
def one_of_each(tmp_path):
    """A workshop holding exactly one of everything that is counted."""
    ws = Workshop.create(tmp_path / "one", "One of each")
    s = ws.add_statement("R-1", "not_working", "person", "The bus stops at six", actor="T")
    t = ws.add_theme("Getting out", "I go out when I want", actor="T")
    ws.assign([s], t, actor="T")
    ws.vote("Table 1", theme_id=t, actor="T")
    cause = ws.add_cause(t, "Support ends at 6pm", actor="T")
    ws.vote("Table 1", cause_id=cause, actor="T")
    ok = ws.add_success(t, "person", "I get home when I want", cause_id=cause, actor="T")
    ws.add_action(t, "Evening bus", "Transport lead", "2027-06-30", cause_id=cause,
                  success_ids=(ok,), actor="T")
    yield ws
    ws.close()


def test_the_command_line_says_one_of_each(one_of_each, capsys):
    assert wtfc(["stats", str(one_of_each.folder)]) == 0
    out = capsys.readouterr().out
    assert "1 review, 1 statement:" in out
    assert "1 theme, 2 votes, 1 cause, 1 success statement, 1 action" in out
    assert not ONE_PLURAL.search(out), out


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_the_report_says_one_of_each(one_of_each, tmp_path, fmt):
    out = write_report(one_of_each, fmt, tmp_path / f"report.{fmt}")
    if fmt == "html":
        text = re.sub(r"<[^>]+>", " ", out.read_text(encoding="utf-8"))
    else:
        from docx import Document

        text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    text = " ".join(text.split())
    assert "1 review gave 1 statement" in text
    assert "(1 dot)" in text or "1 dot" in text
    assert not ONE_PLURAL.search(text), ONE_PLURAL.search(text)

"""The report's "you said, we did": three columns with status, and who we have told (HTML, Word)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from docx import Document

from workbook import Workshop
from workbook.report import write_report

EVIL = "<script>alert('x')</script> & <img src=x onerror=alert(1)>"


class Tables(HTMLParser):
    """Each table of an HTML page as rows of cell texts, with its caption."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict] = []
        self._cell: list[str] | None = None
        self._caption = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append({"caption": "", "rows": []})
        elif tag == "tr":
            self.tables[-1]["rows"].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "caption":
            self._caption = True

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1]["rows"][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "caption":
            self._caption = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        elif self._caption:
            self.tables[-1]["caption"] += data


@pytest.fixture
def ws(tmp_path):
    w = Workshop.create(tmp_path / "ws", "Feedback report")
    t = w.add_theme("Getting out", "I go out when I want")
    w.add_feedback(t, "You could not get home after 6pm.", "We run a bus until 10pm.",
                   impact="Twelve people used it in May.", status="done", given_on="2026-06-01")
    w.add_feedback(t, f"No club {EVIL}", "A youth club on Fridays.", status="not done",
                   reason=f"No hall free until spring {EVIL}", given_on="2026-07-01")
    w.add_feedback(t, "Nothing in the evenings.", "Travel training.", given_on="2026-07-02")
    w.record_told("Staff", "2026-07-10", "Meeting")
    w.add_hear_back_group("Youth council")
    w.remove_hear_back_group("Providers")
    yield w
    w.close()


def table(tables: list[dict], caption_start: str) -> list[list[str]]:
    [found] = [t["rows"] for t in tables if t["caption"].startswith(caption_start)]
    return found


def test_html_has_the_three_columns_with_status_and_who_we_have_told(ws, tmp_path):
    out = write_report(ws, "html", tmp_path / "r.html")
    raw = out.read_text(encoding="utf-8")
    assert "<script>alert" not in raw
    page = Tables()
    page.feed(raw)
    rows = table(page.tables, "You said, we did")
    assert rows[0] == ["You said", "What we did and how we are taking it forward",
                       "Impact and next steps", "Status"]
    assert rows[1] == ["You could not get home after 6pm. (theme: Getting out)",
                       "We run a bus until 10pm.", "Twelve people used it in May.",
                       "Done (2026-06-01)"]
    assert rows[2] == [f"No club {EVIL} (theme: Getting out)",
                       f"What has not been done: A youth club on Fridays. Why: No hall free "
                       f"until spring {EVIL}", "Not written yet", "Not done (2026-07-01)"]
    assert rows[3][3] == "In progress (2026-07-02)"
    told = table(page.tables, "Who we have told")
    assert told == [
        ["Who must hear back", "Told on", "How", "Still to do"],
        ["People whose reviews were used", "Not yet", "–", "Tell them"],
        ["Families and carers", "Not yet", "–", "Tell them"],
        ["Staff", "2026-07-10", "Meeting", "Nothing: told"],
        ["The board", "Not yet", "–", "Tell them"],
        ["Youth council", "Not yet", "–", "Tell them"]]
    text = " ".join(raw.split())
    assert "3 entries: 1 done, 1 in progress and 1 not done." in text
    assert ("Still to tell: People whose reviews were used, Families and carers, The board and "
            "Youth council.") in text


def test_word_has_the_same_tables_and_lines(ws, tmp_path):
    doc = Document(write_report(ws, "docx", tmp_path / "r.docx"))
    cells = [[[c.text for c in r.cells] for r in t.rows] for t in doc.tables]
    [entries] = [t for t in cells if t[0][1] == "What we did and how we are taking it forward"]
    assert entries[2][1].startswith("What has not been done: A youth club on Fridays. Why:")
    assert [r[3] for r in entries[1:]] == ["Done (2026-06-01)", "Not done (2026-07-01)",
                                          "In progress (2026-07-02)"]
    [told] = [t for t in cells if t[0][0] == "Who must hear back"]
    assert [r[0] for r in told if r[3] == "Tell them"] == [
        "People whose reviews were used", "Families and carers", "The board", "Youth council"]
    lines = [p.text for p in doc.paragraphs]
    assert "3 entries: 1 done, 1 in progress and 1 not done." in lines
    assert any(line.startswith("Still to tell: People whose reviews") for line in lines)


def test_no_entries_yet_still_lists_who_is_to_hear_back(tmp_path):
    with Workshop.create(tmp_path / "empty", "Empty") as ws:
        ws.record_told("The board", "2026-01-05", "Meeting")
        raw = write_report(ws, "html", tmp_path / "e.html").read_text(encoding="utf-8")
        assert "No “you said, we did” feedback has been written yet." in raw
        page = Tables()
        page.feed(raw)
        told = table(page.tables, "Who we have told")
        assert told[5] == ["The board", "2026-01-05", "Meeting", "Nothing: told"]
        doc = Document(write_report(ws, "docx", tmp_path / "e.docx"))
        assert any("Still to tell: People whose reviews were used" in p.text
                   for p in doc.paragraphs)

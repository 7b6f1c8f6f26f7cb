"""The easy read with pictures: what it says, its pictures and alt text, large print, choices."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from docx import Document

from workbook import InputError, Workshop
from workbook.cli import main as cli
from workbook.easyread.choices import META_KEY, choose_picture, picture_choices
from workbook.easyread.document import build
from workbook.easyread.pictures import CREDIT
from workbook.easyread.sentences import EASY_WORDS
from workbook.io.exchange import dump, export_json, export_xlsx, load_export, restore
from workbook.report import write_report
from workbook.store import db

EVIL = "<script>alert('x')</script> & <img src=x onerror=alert(1)>"
LONG = ("When the bus stops at six o'clock in the evening I cannot get home from my club "
        "on any day of the week.")


class Page(HTMLParser):
    """Paragraph texts, images, and the point each image and paragraph is in."""

    def __init__(self) -> None:
        super().__init__()
        self.images: list[dict[str, str]] = []
        self.paragraphs: list[str] = []
        self.headings: list[str] = []
        self.points = 0
        self._buf: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "img":
            self.images.append(a)
        elif tag in ("p", "h1", "h2"):
            self._buf = []
        elif tag == "div" and "data-point" in a:
            self.points += 1

    def handle_endtag(self, tag):
        if tag in ("p", "h1", "h2") and self._buf is not None:
            text = " ".join("".join(self._buf).split())
            (self.paragraphs if tag == "p" else self.headings).append(text)
            self._buf = None

    def handle_data(self, data):
        if self._buf is not None:
            self._buf.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


@pytest.fixture
def logged(workshop):
    """Three entries, one of each status, one with a long sentence and one with an impact."""
    ws = workshop
    bus = ws.add_theme("Getting out", "I go out when I want", actor="t")
    home = ws.add_theme("My home", "My home is mine", actor="t")
    ids = {
        "done": ws.add_feedback(bus, LONG, "We changed the bus times.", status="done",
                                impact="We will ask you again next year.", actor="t"),
        "going": ws.add_feedback(home, "Your house was too cold.",
                                 "We are fixing the heating.", status="in progress", actor="t"),
        "not": ws.add_feedback(home, "You want your own key.", "Give everyone a key.",
                               status="not done", reason="The landlord has not agreed yet.",
                               actor="t"),
    }
    ws.add_statement("R-1", "working", "person", "I like my flat", actor="t")
    return ws, ids


def test_the_easy_read_says_what_was_done_what_was_not_and_why_and_what_next(logged):
    ws, ids = logged
    doc = build(ws)
    sections = {s.key: s for s in doc.sections}
    assert [s.heading for s in doc.sections] == [
        "About this paper", "What you told us", "What we did",
        "What has not been done yet, and why", "What happens next"]
    about = " ".join(line for p in sections["about"].points for line in p.lines)
    assert "You may not have been at the event." in about  # not "thank you for coming"
    assert "We read 1 review." in about and "Test workshop" in about
    assert [p.key for p in sections["did"].points] == [f"did:{ids['done']}"]
    not_yet = {p.key: p.lines for p in sections["notyet"].points}
    assert "We are still working on it." in not_yet[f"notyet:{ids['going']}"]
    lines = not_yet[f"notyet:{ids['not']}"]
    assert lines[0] == "We have not done this yet."
    assert "Why: The landlord has not agreed yet." in lines
    assert sections["next"].points[0].lines == ["We will ask you again next year."]
    tell = next(p for p in sections["next"].points if p.key == "next:tell").lines
    assert "We will also tell the board." in tell and not any("reviews" in t for t in tell)
    ws.record_told("Staff", "2026-03-01", "Meeting", actor="t")
    tell = next(p for p in build(ws).points if p.key == "next:tell").lines
    assert "We have told staff." in tell and "We will also tell staff." not in tell
    # one idea a line, none over the limit; the long sentence flagged as written
    assert all(len(line.split()) <= EASY_WORDS for p in doc.points for line in p.lines)
    assert [p.key for p in doc.flagged] == [f"said:{ids['done']}"]
    assert doc.flagged[0].long == [LONG]
    # a picture for every point, from its words, else its section's neutral default
    pictures = {p.key: p.picture for p in doc.points}
    assert pictures[f"said:{ids['done']}"] == "travel"  # "bus", its first word with one
    assert pictures[f"said:{ids['going']}"] == "home"  # "house"
    assert pictures[f"notyet:{ids['going']}"] == "home"  # no word of its own: its theme's
    assert pictures["next:check"] == "look"
    assert all(p.alt for p in doc.points)


def test_html_has_a_described_picture_beside_every_point_large_print_and_the_credit(
        logged, tmp_path):
    ws, _ = logged
    html = write_report(ws, "easy-read", tmp_path / "e.html").read_text(encoding="utf-8")
    page = parse(html)
    assert page.headings[0] == "What you told us, and what we did"
    assert page.points == len(build(ws).points) == len(page.images)
    assert all(i["alt"].strip() and i["src"].startswith("data:image/png;base64,")
               for i in page.images)
    assert CREDIT in page.paragraphs and "CC BY-SA 4.0" in CREDIT
    sizes = [int(n) for n in re.findall(r"font-size:\s*(\d+)px", html)]
    assert sizes and min(sizes) >= 19  # 14 pt is 18.7 px
    assert max(len(p.split()) for p in page.paragraphs if p != CREDIT) <= EASY_WORDS
    # the pictures were made once and kept in the workshop's outputs folder
    kept = sorted(p.name for p in (ws.outputs / "easy-read-pictures").glob("*.png"))
    assert kept and len(kept) == len({p.picture for p in build(ws).points})


def test_word_has_a_described_picture_beside_every_point_in_large_print(logged, tmp_path):
    ws, _ = logged
    path = tmp_path / "e.docx"
    assert cli(["report", str(ws.folder),
                "--format", "easy-read-docx", "--output", str(path)]) == 0
    doc = Document(path)
    points = build(ws).points
    descr = [el.get("descr") for el in doc.element.body.iter() if el.tag.endswith("docPr")]
    assert len(descr) == len(points) and all(descr)
    assert descr == [p.alt for p in points]
    ids = [el.get("id") for el in doc.element.body.iter() if el.tag.endswith("docPr")]
    assert len(set(ids)) == len(ids)  # each drawing its own id, as Word requires
    assert len(doc.inline_shapes) == len(points)
    for shape in doc.inline_shapes:  # each points at a stored PNG
        rid = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
        assert doc.part.related_parts[rid].content_type == "image/png"
    cells = [p for t in doc.tables for r in t.rows for p in r.cells[1].paragraphs]
    said = [p.text for p in cells]
    assert "Why: The landlord has not agreed yet." in said
    assert all(len(t.split()) <= EASY_WORDS for t in said)
    assert doc.styles["Normal"].font.size.pt >= 16
    sizes = [r.font.size.pt for p in doc.paragraphs for r in p.runs if r.font.size]
    assert sizes and min(sizes) >= 14
    assert any(p.text == CREDIT for p in doc.paragraphs)


def test_the_facilitators_picture_choice_is_saved_used_and_exported(logged, tmp_path):
    ws, ids = logged
    key = f"did:{ids['done']}"
    choose_picture(ws, key, "happy", actor="facilitator")
    choose_picture(ws, "about:you", "family", actor="facilitator")
    assert picture_choices(ws) == {key: "happy", "about:you": "family"}
    doc = build(ws)
    chosen = next(p for p in doc.points if p.key == key)
    assert chosen.picture == "happy" and chosen.alt == "A smiling face"
    assert chosen.picked != "happy"  # what its words picked is still known
    html = write_report(ws, "easy-read", tmp_path / "e.html").read_text(encoding="utf-8")
    assert 'alt="A smiling face"' in html
    # travels in a whole-workshop export and comes back in a new workshop
    data = load_export(export_json(ws, tmp_path / "export.json"))
    assert json.loads(data["meta"][META_KEY]) == {key: "happy", "about:you": "family"}
    fresh = Workshop.create(tmp_path / "fresh", "Fresh")
    restore(fresh, data)
    assert picture_choices(fresh) == {key: "happy", "about:you": "family"}
    fresh.close()
    again = Workshop.create(tmp_path / "again", "Again")  # and through the Excel export
    restore(again, load_export(export_xlsx(ws, tmp_path / "export.xlsx")))
    assert picture_choices(again) == {key: "happy", "about:you": "family"}
    again.close()
    choose_picture(ws, "about:you", None, actor="facilitator")  # back to what its words pick
    assert picture_choices(ws) == {key: "happy"}


def test_a_bad_choice_is_refused_plainly_and_nothing_is_written(logged, tmp_path):
    ws, ids = logged
    rev = ws.revision
    with pytest.raises(InputError, match="not one of the easy read's pictures"):
        choose_picture(ws, f"did:{ids['done']}", "<b>bomb</b>", actor="f")
    with pytest.raises(InputError, match="Choose the point"):
        choose_picture(ws, "not a key", "home", actor="f")
    assert ws.revision == rev and picture_choices(ws) == {}
    # an export whose choices name a picture we do not have is refused, nothing written
    data = dump(ws)
    data["meta"][META_KEY] = json.dumps({"did:1": "<script>"})
    fresh = Workshop.create(tmp_path / "fresh", "Fresh")
    with pytest.raises(InputError, match=META_KEY):
        restore(fresh, data)
    with fresh.store.read() as conn:
        assert conn.execute(db.statements.select()).first() is None
    fresh.close()


def test_participants_words_are_escaped_in_the_easy_read(workshop, tmp_path):
    theme = workshop.add_theme("Evil <b>theme</b>", "", actor="t")
    workshop.add_feedback(theme, EVIL, EVIL, status="done", impact=EVIL, actor="t")
    html = write_report(workshop, "easy-read", tmp_path / "e.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html
    assert EVIL in " ".join(parse(html).paragraphs)


def test_an_event_without_feedback_says_so_and_still_has_pictures(tmp_path):
    ws = Workshop.create(tmp_path / "new", "Just started")
    page = parse(write_report(ws, "easy-read", tmp_path / "e.html").read_text(
        encoding="utf-8"))
    assert "We have not written this part yet." in page.paragraphs
    assert page.images and page.points == len(page.images)
    ws.close()

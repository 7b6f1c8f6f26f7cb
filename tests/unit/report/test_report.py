"""The WTfC report: HTML read back with an HTML parser, DOCX with python-docx, easy read checked."""

from __future__ import annotations

import base64
from html.parser import HTMLParser

import pytest
from docx import Document

from workbook import InputError, Workshop
from workbook.cli import main as cli
from workbook.report import write_report
from workbook.report.render import EASY_WORDS, easy_lines
from workbook.sample import build_sample

EVIL = "<script>alert('x')</script> & <img src=x onerror=alert(1)>"


class Page(HTMLParser):
    """Headings, images, tables' header cells, scripts and all text of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[str, str]] = []
        self.paragraphs: list[tuple[str, str]] = []
        self.images: list[dict[str, str]] = []
        self.th = 0
        self.scripts = 0
        self.text: list[str] = []
        self._in: str | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("h1", "h2", "h3", "p"):
            self._in, self._buf = tag, []
        elif tag == "img":
            self.images.append(a)
        elif tag == "th":
            self.th += 1
        elif tag == "script":
            self.scripts += 1

    def handle_endtag(self, tag):
        if tag == self._in:
            (self.paragraphs if tag == "p" else self.headings).append(
                (tag, "".join(self._buf).strip()))
            self._in = None

    def handle_data(self, data):
        self.text.append(data)
        if self._in:
            self._buf.append(data)

    @property
    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())


def parse(path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    ws = build_sample(tmp_path_factory.mktemp("report") / "demo")
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def html_page(sample, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "report.html"
    write_report(sample, "html", out, today="2027-03-01")
    return parse(out)


def test_html_has_every_section_heading_figures_and_tables(html_page):
    h2 = [t for tag, t in html_page.headings if tag == "h2"]
    assert h2[1:] == [  # after the contents: the sections, each headed by its step
        "Step 1 · Prepare: who was involved, and the reviews used", "Event summary",
        "Step 3 · Theme: the themes", "Step 3 · Theme: priorities and votes",
        "Step 4 · Understand: root causes", "Step 5 · Identify success: what success looks like",
        "Step 6 · Plan: the action plan", "Step 8 · Review: progress against the indicators",
        "The golden thread", "Step 8 · Review: you said, we did", "How the event went"]
    assert [t for tag, t in html_page.headings if tag == "h1"] == [
        "Riverside supported living — spring review event"]
    # seven charts (the evaluation's last) and three cause trees, each embedded (no outside
    # file) with alt text stating its figures
    assert len(html_page.images) == 10
    for img in html_page.images:
        assert img["src"].startswith("data:image/png;base64,")
        base64.b64decode(img["src"].split(",", 1)[1], validate=True)
        assert len(img["alt"]) > 20
    alts = " ".join(i["alt"] for i in html_page.images)
    assert "9 actions by status: 5 not started, 3 in progress, 1 done" in alts
    assert html_page.th > 20
    assert html_page.scripts == 0
    assert "Not reached yet" not in html_page.all_text  # the sample reached every stage


def test_html_states_the_figures_and_the_thread(sample, html_page):
    text = html_page.all_text
    s = sample.stats()
    assert f"{s['reviews']} reviews gave {sum(s['statements'].values())} statements" in text
    assert "I know who is coming to support me each day because I have a picture rota" in text
    assert "We set a contract rate that lets providers pay at least the real living wage" in text
    # the golden thread: an action, its cause chain and people's own words
    h3 = [t for tag, t in html_page.headings if tag == "h3"]
    assert "Pilot evening community transport until 10pm on Fridays and Saturdays" in h3
    assert ("Getting anywhere after 6pm depends on taxis people can't afford → Community "
            "transport stops at 6pm and the buses to the estates stop at 7pm") in text
    one = next(t for t in sample.statements.itertuples()
               if t.theme == "Getting out in the evenings" and t.kind == "not_working")
    assert one.text in text
    assert "Every house now has a picture rota" in text


def test_participant_html_stays_text_in_html_and_docx(tmp_path):
    ws = Workshop.create(tmp_path / "evil", "Evil <b>event</b>")
    t = ws.add_theme(EVIL, EVIL)
    st = ws.add_statement("R-1", "not_working", "person", EVIL)
    ws.assign([st], t)
    ws.vote("T1", theme_id=t)
    c = ws.add_cause(t, EVIL)
    s = ws.add_success(t, "person", EVIL, c)
    a = ws.add_action(t, EVIL, "Owner <i>", "2027-01-01", cause_id=c, success_ids=[s])
    ws.add_feedback(t, EVIL, EVIL, action_id=a)
    out = write_report(ws, "html", tmp_path / "r.html")
    raw = out.read_text(encoding="utf-8")
    page = parse(out)
    assert page.scripts == 0 and "<script>alert" not in raw
    assert not [i for i in page.images if i.get("src") == "x"]
    assert EVIL in page.all_text  # shown as the words people typed
    assert [t for tag, t in page.headings if tag == "h1"] == ["Evil <b>event</b>"]
    easy = write_report(ws, "easy-read", tmp_path / "e.html")
    assert "<script>alert" not in easy.read_text(encoding="utf-8")
    doc = Document(write_report(ws, "docx", tmp_path / "r.docx"))
    assert any(EVIL in p.text for p in doc.paragraphs)
    ws.close()


def test_docx_has_heading_styles_tables_and_described_images(sample, tmp_path):
    doc = Document(write_report(sample, "docx", tmp_path / "r.docx", today="2027-03-01"))
    headings = [(p.style.name, p.text) for p in doc.paragraphs
                if p.style.name.startswith(("Heading", "Title"))]
    assert ("Title", sample.name) in headings
    for title in ("Event summary", "Step 3 · Theme: the themes", "Step 4 · Understand: root "
                  "causes", "Step 5 · Identify success: what success looks like",
                  "Step 6 · Plan: the action plan",
                  "Step 8 · Review: progress against the indicators", "The golden thread",
                  "Step 8 · Review: you said, we did"):
        assert ("Heading 1", title) in headings
    assert ("Heading 2", "Make a picture rota for each house, shared every Friday for the "
            "week ahead, with photos of who is on each shift") in headings
    assert len(doc.tables) >= 6
    # the statements' summary table (Step 1's tables of people and reviews come before it)
    first = next(t for t in doc.tables if t.rows[0].cells[0].text == "Whose view")
    assert first.rows[0]._tr.trPr is not None  # the header row is marked as one
    assert [c.text for c in first.rows[0].cells][1:4] == ["Working", "Not working",
                                                          "For the future"]
    descrs = [el.get("descr") for el in doc.element.body.iter()
              if el.tag.endswith("}docPr")]
    assert len(descrs) == 10 and all(d and len(d) > 20 for d in descrs)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "We hold reviews where and when the person chooses" in "\n".join(
        c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "What people said: 3 of" in text


def test_every_chart_prints_its_smallest_text_at_8pt_or_more(sample):
    from workbook.report.content import MIN_PRINT_PT, gather

    report = gather(sample, today="2027-03-01")
    figures = {**report.figures}
    figures.update({f"tree {t.theme}": t.figure for t in report.causes if t.figure})
    assert {"collect", "themes", "status", "owner", "due", "progress"} <= set(figures)
    small = {name: f.print_pt for name, f in figures.items() if f.print_pt < MIN_PRINT_PT}
    assert not small, f"text under {MIN_PRINT_PT} pt on the A4 page: {small}"


def test_easy_read_has_short_sentences_one_a_line(sample, tmp_path):
    page = parse(write_report(sample, "easy-read", tmp_path / "e.html"))
    paragraphs = [p for _, p in page.paragraphs]
    assert paragraphs
    assert max(len(p.split()) for p in paragraphs) <= EASY_WORDS
    assert "Every house now has a picture rota." in page.all_text
    doc = Document(write_report(sample, "easy-read", tmp_path / "e.docx"))
    body = [p for p in doc.paragraphs if p.style.name == "Normal"]
    assert body and all(len(p.text.split()) <= EASY_WORDS for p in body)
    assert doc.styles["Normal"].font.size.pt >= 16
    assert ("Heading 1", "What we did") in [(p.style.name, p.text) for p in doc.paragraphs]


def test_easy_lines_break_long_sentences():
    long = ("When the bus stops at six o'clock in the evening, I cannot get home from my "
            "club, and my mum has to drive across town to fetch me every single week.")
    lines = easy_lines(long + " Short one.")
    assert all(len(x.split()) <= EASY_WORDS for x in lines)
    assert " ".join(lines) == long + " Short one."
    assert lines[-1] == "Short one."
    assert len(easy_lines(" ".join(["word"] * 40))) == 3


def test_a_workshop_not_far_along_says_so_plainly(tmp_path):
    ws = Workshop.create(tmp_path / "new", "Just started")
    ws.add_statement("R-1", "working", "person", "I like my flat")
    page = parse(write_report(ws, "html", tmp_path / "r.html"))
    text = page.all_text
    assert "1 reviews gave 1 statements" in text or "1 review" in text
    for words in ("not reached theming yet", "not reached root causes yet",
                  "not reached success statements yet", "not reached the action plan yet",
                  "not reached implementation yet", "no golden thread"):
        assert words in text
    easy = parse(write_report(ws, "easy-read", tmp_path / "e.html")).all_text
    assert "We have not written this part yet." in easy
    doc = Document(write_report(ws, "docx", tmp_path / "r.docx"))
    assert sum(p.text.startswith("Not reached yet.") for p in doc.paragraphs) >= 6
    ws.close()


def test_report_command_and_plain_errors(sample, tmp_path, capsys):
    out = tmp_path / "board.html"
    assert cli(["report", str(sample.folder), "--format", "html", "--output", str(out)]) == 0
    assert out.exists() and "Wrote the html report" in capsys.readouterr().out
    assert cli(["report", str(sample.folder), "--format", "docx", "--output",
                str(tmp_path / "x.html")]) == 2
    assert "ending .docx" in capsys.readouterr().err
    with pytest.raises(InputError, match="format must be one of"):
        write_report(sample, "pdf", tmp_path / "x.pdf")

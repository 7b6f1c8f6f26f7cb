"""The report's cause trees: a chart per theme with causes, in HTML and Word, sized for a page."""

from __future__ import annotations

import base64
import re

import pytest
from docx import Document
from docx.shared import Cm
from test_report import EVIL, Page

from workbook import Workshop
from workbook.report import write_report
from workbook.report.content import PRINT_WIDTH_CM, cause_tree
from workbook.sample import build_sample
from workbook.stages.thread import priority_themes

PRINT_MIN_PT = 9  # the smallest tree text on the A4 page (the report's other charts: 8 pt+)
LAPTOP = (1072, 768)  # the report's text column at 1366x768 (70rem less padding), screen height


class Sections(Page):
    """The page as it reads: each tree image and paragraph under the h3 it follows."""

    def __init__(self) -> None:
        super().__init__()
        self.under: dict[str, list[tuple[str, object]]] = {}
        self._h3 = ""

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        if tag == "figcaption":
            self._in, self._buf = tag, []
        if tag == "img" and self._h3:
            self.under[self._h3].append(("img", dict(attrs)))
        elif tag == "h2":
            self._h3 = ""

    def handle_endtag(self, tag):
        text = "".join(self._buf).strip() if tag == self._in else None
        if tag == "figcaption" and tag == self._in:
            self._in = None  # not a heading: the base parser files it only as text
        else:
            super().handle_endtag(tag)
        if text is None:
            return
        if tag == "h3":
            self._h3 = text
            self.under[text] = []
        elif tag in ("p", "figcaption") and self._h3:
            self.under[self._h3].append(("p", text))

    def trees(self) -> list[tuple[str, dict]]:
        return [(h, item) for h, items in self.under.items() for kind, item in items
                if kind == "img" and item["alt"].startswith("Cause tree")]


def read(path) -> Sections:
    page = Sections()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def png_size(img: dict) -> tuple[int, int]:
    png = base64.b64decode(img["src"].split(",", 1)[1])
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def docx_pictures(doc) -> list[tuple[str, int]]:
    """Each inline picture's alt text (Word's descr) and width in EMU, in document order."""
    return [(s._inline.docPr.get("descr"), s.width) for s in doc.inline_shapes]


def text_width(doc) -> int:
    s = doc.sections[0]
    return s.page_width - s.left_margin - s.right_margin


def why(theme: str) -> str:
    return f"Why is “{theme}” not working?"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    ws = build_sample(tmp_path_factory.mktemp("causes") / "demo")
    yield ws
    ws.close()


def themes_with_causes(ws) -> list[tuple[str, int]]:
    causes = ws.causes
    return [(r.name, int((causes["theme_id"] == r.theme_id).sum()))
            for r in priority_themes(ws.themes).itertuples()
            if (causes["theme_id"] == r.theme_id).any()]


def test_sample_html_has_a_tree_per_theme_with_causes_sized_for_a_laptop(sample, tmp_path):
    expected = themes_with_causes(sample)
    assert len(expected) == 3
    page = read(write_report(sample, "html", tmp_path / "r.html", today="2027-03-01"))
    trees = page.trees()
    assert [h for h, _ in trees] == [why(name) for name, _ in expected]
    for (name, n), (heading, img) in zip(expected, trees, strict=True):
        assert f"Cause tree for the theme {name}: {n} causes" in img["alt"]
        assert "The list below gives every cause in full." in img["alt"]
        width, height = png_size(img)
        assert width <= LAPTOP[0] and height <= LAPTOP[1]  # whole, unscaled, on one screen
        # the tree comes first, its caption, then the list that holds every word
        paragraphs = [x for kind, x in page.under[heading] if kind == "p"]
        assert paragraphs[0] == img["alt"]
        assert paragraphs[1] == "Every cause, in the words the room wrote:"
    words = page.all_text
    for text in sample.causes["text"]:
        assert text in words


def test_sample_docx_has_a_described_tree_per_theme_within_the_a4_text_width(sample, tmp_path):
    expected = themes_with_causes(sample)
    doc = Document(write_report(sample, "docx", tmp_path / "r.docx", today="2027-03-01"))
    section = doc.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    pictures = docx_pictures(doc)
    assert len(pictures) == 6 + 1 + len(expected)  # the stages, the evaluation, a tree per theme
    for _, width in pictures:  # every chart, not only the trees, stays inside the margins
        assert width <= text_width(doc)
    trees = [d for d, _ in pictures if d.startswith("Cause tree")]
    assert len(trees) == len(expected)
    for (name, n), descr in zip(expected, trees, strict=True):
        assert f"Cause tree for the theme {name}: {n} causes" in descr
    pictures = [p for p in doc.paragraphs if p._p.xpath(".//pic:pic")]
    assert all(p.paragraph_format.keep_with_next for p in pictures)  # kept with the caption
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    for name, _ in expected:
        assert why(name) in headings


def test_tree_text_on_the_a4_page_is_no_smaller_than_print_needs(sample):
    causes = sample.causes
    for name, _ in themes_with_causes(sample):
        chart, left_out = cause_tree(name, causes[causes["theme"] == name])
        assert left_out == 0  # the sample's trees are drawn whole
        printed = chart.smallest_font_pt() * (PRINT_WIDTH_CM / 2.54) / chart.figure.get_figwidth()
        assert printed >= PRINT_MIN_PT, f"{name}: {printed:.1f} pt on the page"


@pytest.fixture
def big(tmp_path):
    """A theme with 35 causes: seven first-level causes, three whys each, one why deeper."""
    ws = Workshop.create(tmp_path / "big", "Many causes")
    tid = ws.add_theme("Getting out in the evenings", "I want to go out after 6pm")
    ws.assign([ws.add_statement("R-1", "not_working", "person", "No bus after 6")], tid)
    ws.vote("T1", theme_id=tid)
    deep = None
    for i in range(7):
        first = ws.add_cause(tid, f"First-level cause number {i}")
        for k in range(3):
            second = ws.add_cause(tid, f"Why {k} behind cause {i}", first)
            if k == 2:
                deep = ws.add_cause(tid, f"Deeper why under cause {i}", second)
    ws.vote("T1", cause_id=deep)  # the last branch's deepest cause: a top cause
    yield ws, tid, deep
    ws.close()


def test_a_theme_with_many_causes_draws_a_page_sized_tree_and_says_what_is_left_out(
        big, tmp_path):
    ws, tid, deep = big
    causes = ws.causes
    assert len(causes) == 35
    chart, left_out = cause_tree("Getting out in the evenings", causes)
    drawn = chart.data[chart.data["drawn"]]
    assert left_out == 35 - len(drawn) > 0
    assert deep in set(drawn["cause_id"])  # the top cause is drawn, with the causes above it
    assert chart.figure.get_figwidth() <= 10  # four boxes wide at most
    # each box says how many causes beneath it are not drawn: together, all that is left out
    marked = [re.search(r"\+(\d+) more in the list$", t.get_text())
              for t in chart.figure.axes[0].texts]
    assert sum(int(m.group(1)) for m in marked if m) == left_out
    printed = chart.smallest_font_pt() * (PRINT_WIDTH_CM / 2.54) / chart.figure.get_figwidth()
    assert printed >= PRINT_MIN_PT
    more = f"{left_out} more causes are in the list below"

    page = read(write_report(ws, "html", tmp_path / "r.html"))
    [(heading, img)] = page.trees()
    assert heading == why("Getting out in the evenings")
    assert "Cause tree for the theme Getting out in the evenings: 35 causes" in img["alt"]
    assert more in img["alt"]
    assert any(more in x for kind, x in page.under[heading] if kind == "p")  # the caption
    width, height = png_size(img)
    assert width <= LAPTOP[0] and height <= LAPTOP[1]
    for text in causes["text"]:  # every word is still in the list
        assert text in page.all_text

    doc = Document(write_report(ws, "docx", tmp_path / "r.docx"))
    [(descr, width)] = [p for p in docx_pictures(doc) if p[0].startswith("Cause tree")]
    assert more in descr and width <= text_width(doc) and width == Cm(PRINT_WIDTH_CM)
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert any(more in c for c in captions)
    # Each level of the outline has a list style of its own, three deep as Word's go.
    [deepest] = [p for p in doc.paragraphs if p.text.startswith(causes.set_index(
        "cause_id").loc[deep, "text"])]
    assert deepest.style.name == "List Bullet 3"


def test_a_theme_with_no_causes_has_no_chart_and_says_so(tmp_path):
    ws = Workshop.create(tmp_path / "some", "Some causes")
    names = ["Money", "Friends", "Home"]
    ids = {}
    for n in names:
        ids[n] = ws.add_theme(n, f"I want {n.lower()}")
        ws.assign([ws.add_statement(f"R-{n}", "not_working", "person", f"{n} is hard")], ids[n])
    ws.vote("A", theme_id=ids["Money"])
    ws.vote("B", theme_id=ids["Money"])
    ws.vote("A", theme_id=ids["Friends"])
    ws.add_cause(ids["Money"], "Benefits were cut")
    ws.add_cause(ids["Home"], "Repairs take months")  # a theme with causes but no dots
    page = read(write_report(ws, "html", tmp_path / "r.html"))
    assert [h for h, _ in page.trees()] == [why("Money"), why("Home")]
    said = [x for kind, x in page.under[why("Friends")]]
    assert said == ["No causes have been written for this theme yet, so there is no cause tree."]
    doc = Document(write_report(ws, "docx", tmp_path / "r.docx"))
    trees = [d for d, _ in docx_pictures(doc) if d.startswith("Cause tree")]
    assert len(trees) == 2 and "Money" in trees[0] and "Home" in trees[1]
    texts = [p.text for p in doc.paragraphs]
    at = texts.index(why("Friends"))
    assert texts[at + 1].startswith("No causes have been written for this theme yet")
    ws.close()


def test_participant_words_in_a_tree_stay_text(tmp_path):
    ws = Workshop.create(tmp_path / "evil", "Evil")
    tid = ws.add_theme(EVIL, "I want $5 to $10 back")
    ws.assign([ws.add_statement("R-1", "not_working", "person", "x")], tid)
    ws.vote("T1", theme_id=tid)
    first = ws.add_cause(tid, EVIL)
    ws.add_cause(tid, r"Taxis cost $5 to $10 \frac{ each way", first)
    out = write_report(ws, "html", tmp_path / "r.html")
    raw = out.read_text(encoding="utf-8")
    page = read(out)
    assert page.scripts == 0 and "<script>alert" not in raw
    assert not [i for i in page.images if i.get("src") == "x"]
    [(_, img)] = page.trees()
    assert f"Cause tree for the theme {EVIL}: 2 causes" in img["alt"]  # escaped, read back
    doc = Document(write_report(ws, "docx", tmp_path / "r.docx"))
    assert any(d.startswith(f"Cause tree for the theme {EVIL}") for d, _ in docx_pictures(doc))
    ws.close()


def test_dollar_signs_in_people_s_words_do_not_stop_the_report(tmp_path):
    # matplotlib reads "$...$" as a formula: this one would raise while drawing a chart
    tex = r"Costs $\frac{ $ a trip"
    ws = Workshop.create(tmp_path / "tex", "Money")
    tid = ws.add_theme(tex, tex)
    ws.assign([ws.add_statement("R-1", "not_working", "person", tex)], tid)
    ws.vote("T1", theme_id=tid)
    cause = ws.add_cause(tid, tex)
    ws.add_action(tid, tex, tex, "2027-01-01", cause_id=cause)
    page = read(write_report(ws, "html", tmp_path / "r.html"))
    [(_, img)] = page.trees()
    assert f"Cause tree for the theme {tex}: 1 cause" in img["alt"]
    doc = Document(write_report(ws, "docx", tmp_path / "r.docx"))
    assert len(docx_pictures(doc)) == 6  # statements, themes, the tree, three plan charts
    ws.close()

"""The Review page's easy read tab, driven headless: pictures shown and changed, long sentences
flagged, files written; a table may look but not change pictures."""

from __future__ import annotations

from docx import Document

from widgets.stages.review.page import ReviewView
from workbook.access.roles import Access, Role
from workbook.easyread.choices import picture_choices
from workbook.easyread.document import build
from workbook.easyread.pictures import PICTURES

EVIL = "<img src=x onerror=alert(1)>"
LONG = ("Every single evening the last bus leaves before my club finishes so I have to "
        "leave early and miss the end.")


def entries(ws) -> dict[str, int]:
    bus = ws.add_theme("Getting out", "I go out when I want", actor="setup")
    return {
        "bus": ws.add_feedback(bus, LONG, "We asked for a later bus.", status="done",
                               actor="setup"),
        "evil": ws.add_feedback(bus, f"You said {EVIL}.", "We are looking at it.",
                                status="in progress", actor="setup"),
    }


def test_the_facilitator_sees_the_points_changes_a_picture_and_writes_both_files(ws):
    ids = entries(ws)
    view = ReviewView(ws)
    section = view.easy_read
    doc = build(ws)
    preview = section.preview.value
    assert preview.count("<img ") == len(doc.points)
    assert all(f"alt='{p.alt}'" in preview for p in doc.points)
    assert EVIL not in preview and "&lt;img src=x" in preview  # escaped
    # the long sentence is flagged, shown whole, so the facilitator can rewrite it
    assert "1 sentence(s) over 15 words" in section.long_list.value
    assert LONG in section.long_list.value
    # choose a point: its picture is shown; choose another and use it
    key = f"said:{ids['bus']}"
    section.point_select.value = key
    assert section.picture_select.value == "night"  # "evening", its first word with a picture
    section.picture_select.value = "sport"
    section.use_picture_button.click()
    assert picture_choices(ws) == {key: "sport"}
    assert "is now Sport" in view.messages.text and view.messages.kind == "ok"
    assert f"alt='{PICTURES['sport'].alt}'" in section.preview.value
    assert "Picture: Sport (changed on this page)" in section.preview.value
    section.words_picture_button.click()  # and back to the one its words pick
    assert picture_choices(ws) == {} and section.picture_select.value == "night"
    assert "is now Evening and night (from its words)" in view.messages.text
    section.picture_select.value = "sport"
    section.use_picture_button.click()
    assert picture_choices(ws) == {key: "sport"}
    assert section.point_select.value == key  # still on the same point after the redraw
    # another screen's choice reaches this page through the live refresh
    from workbook.easyread.choices import choose_picture

    choose_picture(ws, f"said:{ids['evil']}", "question", actor="Table 2")
    view.live.sync()
    assert f"alt='{PICTURES['question'].alt}'" in section.preview.value

    section.write_html_button.click()
    section.write_docx_button.click()
    assert view.messages.kind == "ok"
    html = ws.outputs / "test-easy-read-section-easy-read.html"
    word = ws.outputs / "test-easy-read-section-easy-read.docx"
    assert 'alt="A football"' in html.read_text(encoding="utf-8")
    descr = [el.get("descr") for el in Document(word).element.body.iter()
             if el.tag.endswith("docPr")]
    assert "A football" in descr and len(descr) == len(build(ws).points)
    assert section.links.value.count("<a ") == 2  # both downloads offered


def test_a_table_sees_the_easy_read_but_cannot_change_its_pictures(ws):
    ids = entries(ws)
    view = ReviewView(ws)  # built for the big screen while its kernel waits in the pool,
    view.set_access(Access(Role.TABLE, "aaaaaaaa11", "Red"))  # then handed to a table
    section = view.easy_read
    assert section.use_picture_button.disabled and section.picture_select.disabled
    assert section.words_picture_button.disabled
    assert "Only the facilitator" in section.role_note.value
    section.point_select.value = f"said:{ids['bus']}"
    section.use_picture()  # a crafted call reaches the kernel: refused there too
    assert "Only the facilitator" in view.messages.text and view.messages.kind == "error"
    assert picture_choices(ws) == {}
    # the facilitator's page at a table may change them
    view.set_access(Access(Role.FACILITATOR, "", "Red"))
    assert not section.use_picture_button.disabled and section.role_note.value == ""


def test_choosing_no_point_says_what_to_do(ws):
    entries(ws)
    view = ReviewView(ws)
    rev = ws.revision
    view.easy_read.use_picture_button.click()
    assert "Choose the point" in view.messages.text and ws.revision == rev

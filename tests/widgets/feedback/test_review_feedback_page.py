"""The Review page's "you said, we did" in three columns and who must hear back, driven
headless through the public controls; every result checked in the store."""

from __future__ import annotations

from datetime import date

from widgets.stages.review.page import ReviewView
from workbook.access.roles import Access, Role

EVIL = "<img src=x onerror=alert(1)>"
TABLE = Access(Role.TABLE, "laptop-1", "Table 1")


def test_add_an_entry_in_three_columns_with_status_and_date(ws, room):
    view = ReviewView(ws, table="Table 3")
    view.theme_select.value = room["theme"]
    view.you_said.value = f"You could not get home after 6pm {EVIL}"
    view.we_did.value = "We run a bus until 10pm."
    view.impact.value = "Twelve people used it in May."
    view.fb_status.value = "done"
    view.fb_given_on.value = date(2026, 6, 1)
    view.add_feedback_button.click()
    row = ws.feedback.iloc[0]
    assert (row["you_said"], row["we_did"], row["impact"], row["status"], row["given_on"]) == (
        f"You could not get home after 6pm {EVIL}", "We run a bus until 10pm.",
        "Twelve people used it in May.", "done", "2026-06-01")
    html = view.feedback_list.value
    assert EVIL not in html and "&lt;img" in html
    for words in ("You said, we did (1: 1 done)",
                  "What we did and how we are taking it forward", "Impact and next steps",
                  "Done", "2026-06-01", "Twelve people used it in May."):
        assert words in html
    assert view.you_said.value == view.we_did.value == view.impact.value == ""


def test_not_done_without_the_reason_is_refused_and_every_box_keeps_its_words(ws, room):
    view = ReviewView(ws)
    view.theme_select.value = room["theme"]
    view.you_said.value = "There is no bus home."
    view.we_did.value = "An evening minibus."
    view.fb_status.value = "not done"
    view.add_feedback_button.click()
    assert ws.feedback.empty
    assert "needs the reason" in view.messages.text
    assert view.we_did.value == "An evening minibus."
    view.fb_reason.value = "The contract cannot change until April."
    view.add_feedback_button.click()
    row = ws.feedback.iloc[0]
    assert (row["status"], row["reason"]) == ("not done", "The contract cannot change until "
                                                          "April.")
    html = view.feedback_list.value
    assert "Not done:" in html and "Why:" in html and "until April" in html


def test_change_an_entrys_status_and_impact_in_the_drawer_then_undo(ws, room):
    fid = ws.add_feedback(room["theme"], "No bus home.", "We asked for a bus.",
                          given_on="2026-02-01", actor="setup")
    view = ReviewView(ws, table="Table 2")
    view.fb_edit_select.value = fid
    assert (view.fb_edit_status.value, view.fb_edit_given_on.value) == (
        "in progress", date(2026, 2, 1))
    view.fb_edit_status.value = "not done"
    view.save_feedback_button.click()
    assert "needs the reason" in view.messages.text
    assert ws.feedback.iloc[0]["status"] == "in progress"
    view.fb_edit_reason.value = "No money this year."
    view.fb_edit_impact.value = "We will ask again in April."
    view.save_feedback_button.click()
    row = ws.feedback.iloc[0]
    assert (row["status"], row["reason"], row["impact"], row["we_did"]) == (
        "not done", "No money this year.", "We will ask again in April.", "We asked for a bus.")
    assert "changed: “impact and next steps”, the status and the reason" in view.messages.text
    view.undo_button.click()
    assert ws.feedback.iloc[0]["status"] == "in progress"
    assert view.fb_edit_status.value == "in progress"  # the drawer shows what is stored


def test_record_who_has_been_told_and_take_it_back(ws, room):
    view = ReviewView(ws, access=TABLE)
    assert [v for _, v in view.told_group.options] == [
        "People whose reviews were used", "Families and carers", "Staff", "Providers",
        "The board"]
    assert "5 still to tell" in view.hear_back_list.value
    view.told_group.value = "Families and carers"
    view.told_on.value = date(2026, 3, 2)
    view.told_how.value = "Easy read"
    view.told_note.value = f"Posted {EVIL}"
    view.record_told_button.click()
    row = ws.hear_back.set_index("group").loc["Families and carers"]
    assert (row["told"], row["told_on"], row["how"], row["note"]) == (
        True, "2026-03-02", "Easy read", f"Posted {EVIL}")
    html = view.hear_back_list.value
    assert "✔ Told 2026-03-02" in html and EVIL not in html and "4 still to tell" in html
    assert view.told_group.value == "Families and carers"
    view.not_told_button.click()
    assert not ws.hear_back.set_index("group").loc["Families and carers", "told"]
    view.undo_button.click()
    assert ws.hear_back.set_index("group").loc["Families and carers", "told"]


def test_telling_needs_how_and_a_date_not_in_the_future(ws, room):
    view = ReviewView(ws)
    view.told_group.value = "Staff"
    view.told_how.value = ""
    view.record_told_button.click()
    assert "Say how they were told" in view.messages.text
    view.told_how.value = "Meeting"
    view.told_on.value = date(date.today().year + 1, 1, 1)
    view.record_told_button.click()
    assert "is in the future" in view.messages.text
    assert not ws.hear_back["told"].any()


def test_only_the_facilitator_adds_or_takes_off_groups(ws, room):
    table = ReviewView(ws, access=TABLE)
    assert table._group_tools.layout.display == "none"
    table.new_group.value = "Youth council"
    table.add_group_button.click()
    assert "Only the facilitator" in table.messages.text
    assert "Youth council" not in set(ws.hear_back["group"])
    view = ReviewView(ws)
    assert view._group_tools.layout.display is None
    view.new_group.value = "  Youth council "
    view.add_group_button.click()
    assert list(ws.hear_back["group"])[-1] == "Youth council"
    assert view.told_group.value == "Youth council"
    view.told_group.value = "Providers"
    view.remove_group_button.click()
    assert "Providers" not in set(ws.hear_back["group"])
    assert "Providers" not in [v for _, v in view.told_group.options]
    view.new_group.value = "staff"
    view.add_group_button.click()
    assert "“Staff” is already on the list" in view.messages.text


def test_write_you_said_we_did_on_its_own_as_word_and_web_page(ws, room):
    from docx import Document

    ws.add_feedback(room["theme"], f"No bus home {EVIL}", "An evening minibus.",
                    status="not done", reason="No money until April.", given_on="2026-03-01")
    view = ReviewView(ws)
    view.send_you_said.toggle.value = True
    view.send_you_said.write_button.click()
    assert view.send_you_said.saved.name.endswith("-you-said-we-did.docx")
    assert view.send_you_said.saved.parent == ws.outputs
    doc = Document(view.send_you_said.saved)
    cells = [[c.text for c in r.cells] for r in doc.tables[0].rows]
    assert cells[0] == ["You said", "What we did and how we are taking it forward",
                        "Impact and next steps", "Status"]
    assert cells[1][1] == "What has not been done: An evening minibus. Why: No money until April."
    assert "Download the Word file" in view.send_you_said.link.value
    assert "you-said-we-did.docx" in view.send_you_said.link.value
    assert "ready as a Word file" in view.messages.text
    view.send_you_said.send_format.value = (".html", "text/html")
    view.send_you_said.write_button.click()
    html = view.send_you_said.saved.read_text(encoding="utf-8")
    assert EVIL not in html and "&lt;img" in html and "Not done (2026-03-01)" in html

"""The "you said, we did" log in three columns: status, reason when not done, date, undo."""

from __future__ import annotations

from datetime import date

import pytest

from workbook import InputError, Workshop
from workbook.feedback.vocab import parse_status


@pytest.fixture
def ws(tmp_path, db_url):
    w = Workshop.create(tmp_path / "ws", "Feedback", db_url=db_url)
    yield w
    w.close()


@pytest.fixture
def theme(ws):
    return ws.add_theme("Getting out", "I go out when I want")


def test_an_entry_keeps_its_three_columns_status_and_date(ws, theme):
    fid = ws.add_feedback(theme, "You could not get home after 6pm.", "We run a bus until 10pm.",
                          impact="Twelve people used it in May. Next: weekends.",
                          status="Done", given_on="2027-05-31", actor="Table 1")
    row = ws.feedback.set_index("feedback_id").loc[fid]
    assert (row["you_said"], row["we_did"], row["impact"], row["status"], row["reason"],
            row["given_on"]) == ("You could not get home after 6pm.", "We run a bus until 10pm.",
                                 "Twelve people used it in May. Next: weekends.", "done", "",
                                 "2027-05-31")
    assert list(ws.feedback.columns) == ["feedback_id", "theme_id", "theme", "action_id",
                                         "you_said", "we_did", "impact", "status", "reason",
                                         "given_on"]


def test_defaults_are_in_progress_today_and_no_impact_yet(ws, theme):
    ws.add_feedback(theme, "No bus home.", "We asked the council for a bus.")
    row = ws.feedback.iloc[0]
    assert (row["status"], row["impact"], row["given_on"]) == (
        "in progress", "", date.today().isoformat())


def test_not_done_needs_the_reason_and_nothing_is_written_without_it(ws, theme):
    with pytest.raises(InputError, match="needs the reason: say what has not been done and why"):
        ws.add_feedback(theme, "No bus home.", "An evening bus.", status="not done")
    assert ws.feedback.empty
    fid = ws.add_feedback(theme, "No bus home.", "An evening bus.", status="not done",
                          reason="The contract cannot change until April.")
    assert ws.feedback.iloc[0]["reason"] == "The contract cannot change until April."
    # Done now: the reason no longer applies and is not shown beside "done".
    ws.edit_feedback(fid, status="done", impact="The bus runs on Fridays.")
    row = ws.feedback.iloc[0]
    assert (row["status"], row["reason"], row["impact"]) == ("done", "",
                                                           "The bus runs on Fridays.")
    with pytest.raises(InputError, match="needs the reason"):
        ws.edit_feedback(fid, status="not done")  # no reason stored any more, none given
    assert ws.feedback.iloc[0]["status"] == "done"


@pytest.mark.parametrize(("changes", "match"), [
    ({"status": "finished"}, "The status 'finished' is not one of: Done, In progress, Not done"),
    ({"given_on": "31/05/2027"}, "is not a date: write it as 2027-03-31"),
    ({"we_did": "   "}, "“we did” is blank"),
    ({"you_said": ""}, "“you said” is blank"),
    ({"impact": "x" * 2001}, "the limit is 2,000"),
    ({"theme_id": 3}, "Cannot change theme_id of an entry"),
])
def test_bad_edits_say_what_to_fix_and_change_nothing(ws, theme, changes, match):
    fid = ws.add_feedback(theme, "No bus home.", "We asked for a bus.", given_on="2027-01-02")
    before = ws.feedback
    with pytest.raises(InputError, match=match):
        ws.edit_feedback(fid, **changes)
    assert ws.feedback.equals(before)


def test_an_edit_is_undone_as_one_change(ws, theme):
    fid = ws.add_feedback(theme, "No bus home.", "We asked for a bus.", given_on="2027-01-02",
                          actor="Table 2")
    ws.edit_feedback(fid, status="not done", reason="No money this year.",
                     given_on="2027-02-01", actor="Table 2")
    assert ws.feedback.iloc[0]["status"] == "not done"
    assert "Undone" in ws.undo("Table 2")
    row = ws.feedback.iloc[0]
    assert (row["status"], row["reason"], row["given_on"]) == ("in progress", "", "2027-01-02")


def test_status_words_are_forgiving():
    assert [parse_status(s) for s in ("In progress", "in_progress", "NOT-DONE", " done ")] == [
        "in progress", "in progress", "not done", "done"]


def test_statuses_are_counted_in_words():
    from workbook.feedback.vocab import status_summary

    assert status_summary(["done", "not done", "done", "in progress"]) == (
        "2 done, 1 in progress and 1 not done")
    assert status_summary(["not done"]) == "1 not done"
    assert status_summary([]) == ""


def test_an_edit_that_changes_nothing_leaves_no_step_to_undo(ws, theme):
    fid = ws.add_feedback(theme, "No bus home.", "We asked for a bus.", actor="Table 2")
    rev = ws.store.revision()
    with pytest.raises(InputError, match="Nothing to save"):
        ws.edit_feedback(fid, we_did="  We asked for a bus. ", status="In progress",
                         actor="Table 2")
    assert ws.store.revision() == rev
    assert "Added" in ws.undo("Table 2")  # the last step is still the entry itself

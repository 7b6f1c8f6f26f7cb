"""The evaluation in the store: a person's answers, paper counts, undo, take back, tallies
(SQLite and PostgreSQL), and plain messages for bad input with nothing written."""

from __future__ import annotations

import pytest

from workbook import InputError
from workbook.evaluation.measures import STATEMENTS, measure
from workbook.evaluation.store import (
    add_paper_counts,
    asking,
    paper_entries,
    remove_sheet,
    save_answers,
    set_asking,
    sheets_count,
    tallies,
)
from workbook.evaluation.summaries import agreeing, all_sentences, average, mood_change


def people(ws, when, key):
    t = tallies(ws)
    rows = t[(t["moment"] == when) & (t["measure"] == key)]
    return {r.label: r.people for r in rows.itertuples() if r.people}


def test_the_statements_are_the_seeds_words_in_its_order():
    assert [m.number for m in STATEMENTS] == ["I 1", "I 2", "I 3", "I 4",
                                              "We 1", "We 2", "We 3", "We 4"]
    assert STATEMENTS[2].words == "I am treated with respect and dignity"
    assert STATEMENTS[5].words == "We work in partnership with others"


def test_each_person_at_a_table_is_one_sheet_and_undo_takes_back_theirs_only(workshop):
    save_answers(workshop, "start", {"mood": "Unhappy"}, place="Table 1", actor="T1")
    save_answers(workshop, "start", {"mood": 5}, place="Table 2", actor="T2")
    save_answers(workshop, "end", {"mood": "happy", "I1": "Strongly agree", "We4": 2,
                                   "I2": None, "I3": ""}, place="Table 1", actor="T1")
    assert people(workshop, "start", "mood") == {"Very happy": 1, "Unhappy": 1}
    assert people(workshop, "end", "I1") == {"Strongly agree": 1}
    assert people(workshop, "end", "We4") == {"Disagree": 1}
    assert people(workshop, "end", "I2") == {}
    assert workshop.undo("T1").startswith("Undone: Saved one person's evaluation")
    assert people(workshop, "end", "I1") == {} and people(workshop, "end", "mood") == {}
    assert people(workshop, "start", "mood") == {"Very happy": 1, "Unhappy": 1}
    assert sheets_count(workshop)["start_table"] == 2


def test_paper_counts_add_up_and_one_typed_twice_is_taken_back(workshop):
    add_paper_counts(workshop, "end", "I3", {5: "4", "Agree": 3, 3: "", 1: 0}, actor="f")
    second = add_paper_counts(workshop, "end", "I3", {5: 4}, actor="f")
    save_answers(workshop, "end", {"I3": 4}, place="Table 1", actor="T1")
    assert people(workshop, "end", "I3") == {"Strongly agree": 8, "Agree": 4}
    assert [(e.measure, e.people) for e in paper_entries(workshop)] == [("I3", 4), ("I3", 7)]
    remove_sheet(workshop, second, actor="f")
    assert people(workshop, "end", "I3") == {"Strongly agree": 4, "Agree": 4}
    assert agreeing(tallies(workshop), measure("I3")) == (8, 8)
    workshop.undo("f")  # the take-back undone: it counts again
    assert people(workshop, "end", "I3")["Strongly agree"] == 8


@pytest.mark.parametrize(("call", "says"), [
    (lambda ws: save_answers(ws, "start", {}), "No answer is chosen yet"),
    (lambda ws: save_answers(ws, "start", {"mood": None}), "No answer is chosen yet"),
    (lambda ws: save_answers(ws, "start", {"I1": 5}), "I 1 is answered at the end"),
    (lambda ws: save_answers(ws, "lunch", {"mood": 5}), "'lunch' is not a time"),
    (lambda ws: save_answers(ws, "end", {"mood": 6}), "'6' is not an answer to Mood"),
    (lambda ws: save_answers(ws, "end", {"I9": 5}), "'I9' is not a question"),
    (lambda ws: add_paper_counts(ws, "end", "We1", {5: "lots"}), "'lots' .* is not a number"),
    (lambda ws: add_paper_counts(ws, "end", "We1", {5: -2}), "from 0 to 10,000"),
    (lambda ws: add_paper_counts(ws, "end", "We1", {5: "", 4: 0}), "Every count is 0"),
    (lambda ws: add_paper_counts(ws, "start", "We1", {5: 1}), "We 1 is answered at the end"),
    (lambda ws: remove_sheet(ws, 99), "That count no longer exists"),
])
def test_bad_input_says_what_to_fix_and_writes_nothing(workshop, call, says):
    with pytest.raises(InputError, match=says):
        call(workshop)
    assert int(tallies(workshop)["people"].sum()) == 0


def test_the_figures_in_words(workshop):
    for mood in (2, 3, 3):
        save_answers(workshop, "start", {"mood": mood}, place="T", actor="T")
    add_paper_counts(workshop, "end", "mood", {5: 2, 4: 1}, actor="f")
    add_paper_counts(workshop, "end", "We2", {4: 1, 1: 2}, actor="f")
    t = tallies(workshop)
    assert average(t, "start", measure("mood")) == pytest.approx(8 / 3)
    assert mood_change(t) == ("The average mood rose from 2.7 at the start to 4.7 at the end "
                              "(out of 5).")
    lines = all_sentences(t)
    assert lines[0] == ("At the start of the event, 3 people said how they felt: 2 in between, "
                        "1 unhappy (on average 2.7 out of 5, where 5 is very happy).")
    assert ("We 2 “We work in partnership with others”: 1 of 3 people agreed or strongly "
            "agreed (1 agree, 2 strongly disagree).") in lines
    assert any(line.endswith("nobody has answered yet.") for line in lines)


def test_the_tables_are_asked_about_the_start_until_moved_on_and_undo_moves_back(workshop):
    assert asking(workshop) == "start"
    set_asking(workshop, "end", actor="f")
    set_asking(workshop, "end", actor="f")  # again: still one setting
    assert asking(workshop) == "end"
    workshop.undo("f")
    workshop.undo("f")
    assert asking(workshop) == "start"
    with pytest.raises(InputError, match="'lunch' is not a time"):
        set_asking(workshop, "lunch")

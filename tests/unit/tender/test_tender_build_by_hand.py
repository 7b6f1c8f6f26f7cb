"""Setting up an evaluation by hand (Set up in the page), the blank template and
`wtfc tender load`: every action saved at once, refused plainly, undone like any other."""

from __future__ import annotations

from fractions import Fraction

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook import InputError, Workshop
from workbook.cli import main
from workbook.tender import as_json
from workbook.tender.bids.blank_book import NOTES, template_sheets, write_template
from workbook.tender.bids.builder import EvaluationBuilder
from workbook.tender.xlsx import COLUMNS, read_evaluation

ACTOR = "facilitator"


def built(ws: Workshop) -> EvaluationBuilder:
    """A small evaluation typed in: one adult and one young people's panel, two questions,
    two bids, an answer and a profile, a member on each panel."""
    b = EvaluationBuilder(ws.store)
    b.start("Youth service 2027", 70, 30, ACTOR)
    b.add_panel("Adults", 1, False, ACTOR)
    b.add_panel("Young people", "1", True, ACTOR)
    b.add_question("Q1", "How will you keep us safe?", 2, None, ACTOR)
    b.add_question("Q2", "Show us the activity", "1", "Young people", ACTOR)
    b.add_bidder("B1", "North Trust", "£100,000", ACTOR)
    b.add_bidder("B2", "", 80000, ACTOR)
    ws.tender.add_member("Adults", "Ann", ACTOR)
    ws.tender.add_member("Young people", "Yas", ACTOR)
    b.set_answer("B1", "Q1", "We train every member of staff.\r\n\r\nThen we ask you.", ACTOR)
    b.set_profile("B1", "A local trust, 12 years old.", ACTOR)
    return b


def test_an_evaluation_typed_in_is_stored_and_can_be_scored(workshop):
    built(workshop)
    ev, problems = workshop.tender.evaluation(everyone=True)
    assert (ev.name, ev.quality_weight, ev.price_weight) == ("Youth service 2027", 70, 30)
    assert [(p.panel, p.share, p.young_people) for p in ev.panels] == [
        ("Adults", 1, False), ("Young people", 1, True)]
    assert [(q.question, q.weight, q.panel) for q in ev.questions] == [
        ("Q1", 2, None), ("Q2", 1, "Young people")]
    assert [(b.bidder, b.name, b.price) for b in ev.bidders] == [
        ("B1", "North Trust", 100000), ("B2", "B2", 80000)]
    assert ev.bids == {("B1", "Q1"): "We train every member of staff.\n\nThen we ask you."}
    assert ev.profiles == {"B1": "A local trust, 12 years old."}
    assert not any(p.blocks for p in problems)
    # Scored end to end: each member scores every bid on their panel's questions, submits.
    t = workshop.tender
    for bidder, adult, young in (("B1", 4, (5, 4)), ("B2", 3, (2, 3))):
        t.score("Ann", bidder, "Q1", adult, "Clear plan")
        t.score("Yas", bidder, "Q1", young[0], "We liked it")
        t.score("Yas", bidder, "Q2", young[1], "Fun")
    t.submit("Ann")
    t.submit("Yas")
    ev, problems = t.evaluation()
    assert problems == []
    out = as_json(ev, problems)
    assert out["complete"] and [b["bidder"] for b in sorted(out["bidders"],
                                                            key=lambda b: b["rank"])][0] == "B1"


def test_edits_are_saved_and_undone_like_any_other_action(workshop):
    b = built(workshop)
    b.edit_bidder("B2", "Southside CIC", "75000", ACTOR)
    b.edit_question("Q1", "How will you keep us safe online?", 3, None, ACTOR)
    b.edit_panel("Young people", 2, True, ACTOR)
    b.set_answer("B1", "Q1", "Changed answer", ACTOR)
    ev, _ = workshop.tender.evaluation()
    assert [(x.bidder, x.name, x.price) for x in ev.bidders][1] == ("B2", "Southside CIC",
                                                                    75000)
    assert ev.questions[0].weight == 3 and ev.panel("Young people").share == 2
    assert ev.bids[("B1", "Q1")] == "Changed answer"
    workshop.undo(ACTOR)  # the answer goes back to what it was
    assert workshop.tender.evaluation()[0].bids[("B1", "Q1")].startswith("We train")
    assert b.set_answer("B1", "Q1", "   ", ACTOR) == "removed"
    assert workshop.tender.evaluation()[0].bids == {}
    b.set_profile("B1", "", ACTOR)
    assert workshop.tender.evaluation()[0].profiles == {}


@pytest.mark.parametrize(("action", "says"), [
    (lambda b: b.add_panel("adults", 1, False, ACTOR), "already a panel called adults"),
    (lambda b: b.add_panel("", 1, False, ACTOR), "Type the panel's name"),
    (lambda b: b.add_panel("P" * 41, 1, False, ACTOR), "keep it to 40"),
    (lambda b: b.add_panel("P3", -1, False, ACTOR), "share must be a number of 0 or more"),
    (lambda b: b.add_question("Q1", "Again", 1, None, ACTOR), "already a question Q1"),
    (lambda b: b.add_question("Q3", "Why?", 0, None, ACTOR), "weight must be a number above 0"),
    (lambda b: b.add_question("Q3", "Why?", "lots", None, ACTOR), "weight must be a number"),
    (lambda b: b.add_question("Q3", "", 1, None, ACTOR), "Type the question"),
    (lambda b: b.add_question("Q3", "Why?", 1, "Nobody", ACTOR), "no panel 'Nobody'"),
    (lambda b: b.add_bidder("b1", "Again", 5, ACTOR), "already a bidder b1"),
    (lambda b: b.add_bidder("B3", "New", "1e999", ACTOR), "price or amount requested"),
    (lambda b: b.add_bidder("B3", "New", 0, ACTOR), "must be a number above 0"),
    (lambda b: b.set_answer("B9", "Q1", "Hi", ACTOR), "no bidder 'B9'"),
    (lambda b: b.set_answer("B1", "Q9", "Hi", ACTOR), "no question 'Q9'"),
    (lambda b: b.set_answer("B1", "Q1", "a" * 8001, ACTOR), "limit is 8,000"),
    (lambda b: b.set_profile("B1", "a" * 4001, ACTOR), "limit is 4,000"),
    (lambda b: b.delete_panel("Adults", ACTOR), "still has 1 member"),
    (lambda b: b.start("Another", 60, 30, ACTOR), "add up to 90"),
    (lambda b: b.start("Another", 70, 30, ACTOR), "already an evaluation"),
])
def test_bad_set_up_is_refused_plainly_and_nothing_is_written(workshop, action, says):
    b = built(workshop)
    snapshot = workshop.tender.evaluation(everyone=True)[0]
    with pytest.raises(InputError, match=says):
        action(b)
    assert workshop.tender.evaluation(everyone=True)[0] == snapshot


def test_scored_rows_are_kept_for_the_record(workshop):
    b = built(workshop)
    workshop.tender.score("Ann", "B1", "Q1", 4, "Clear plan")
    with pytest.raises(InputError, match="has been scored or ranked already"):
        b.delete_bidder("B1", ACTOR)
    with pytest.raises(InputError, match="has been scored already"):
        b.delete_question("Q1", ACTOR)
    with pytest.raises(InputError, match="Ann has already scored"):
        b.delete_member("Ann", ACTOR)
    with pytest.raises(InputError, match="which panel scores it cannot change"):
        b.edit_question("Q1", "Safe?", 2, "Adults", ACTOR)
    # Not yet scored: deleted, with its answers and profile, and undone in one step.
    b.set_answer("B2", "Q1", "Our answer", ACTOR)
    b.delete_bidder("B2", ACTOR)
    b.delete_member("Yas", ACTOR)
    b.delete_question("Q2", ACTOR)
    ev, _ = workshop.tender.evaluation(everyone=True)
    assert [x.bidder for x in ev.bidders] == ["B1"] and ("B2", "Q1") not in ev.bids
    assert [q.question for q in ev.questions] == ["Q1"]
    b.delete_panel("Young people", ACTOR)
    assert [p.panel for p in workshop.tender.evaluation()[0].panels] == ["Adults"]
    for _ in range(4):
        workshop.undo(ACTOR)
    ev, _ = workshop.tender.evaluation(everyone=True)
    assert [x.bidder for x in ev.bidders] == ["B1", "B2"]
    assert ev.bids[("B2", "Q1")] == "Our answer"


def test_starting_again_replaces_the_evaluation_and_undo_brings_it_back(workshop):
    built(workshop)
    EvaluationBuilder(workshop.store).start("Second round", 100, 0, ACTOR, replace=True)
    ev, _ = workshop.tender.evaluation()
    assert (ev.name, ev.panels, ev.bidders) == ("Second round", [], [])
    assert ev.price_weight == Fraction(0)
    workshop.undo(ACTOR)
    assert workshop.tender.evaluation()[0].name == "Youth service 2027"


# --- the blank template and `wtfc tender load` ------------------------------------------------
def test_the_template_has_every_sheet_and_column_and_loads_back(tmp_path):
    path = write_template(tmp_path / "blank.xlsx")
    book = openpyxl.load_workbook(path)
    assert set(COLUMNS) | {"Setup", "Notes"} <= set(book.sheetnames)
    for sheet, columns in COLUMNS.items():
        header = [c.value for c in book[sheet][1]]
        assert header[:len(columns)] == list(columns), sheet
        assert book[sheet].max_row == 2, f"{sheet}: one worked example row"
    assert "stage" in [c.value for c in book["Questions"][1]]
    assert [r[0].value for r in book["Setup"].iter_rows()][1:] == [
        "quality_weight", "price_weight", "budget", "shortlist"]
    notes = {(r[0].value, r[1].value) for r in book["Notes"].iter_rows(min_row=2)}
    for sheet, columns in COLUMNS.items():  # every column is explained on the Notes sheet
        for column in columns:
            assert any(s == sheet and column in c.split(", ") for s, c in notes), (sheet, column)
    ev, problems = read_evaluation(path)
    assert problems == []
    assert ev.bids and ev.profiles and len(ev.bidders) == 1
    assert len(NOTES) == len(template_sheets()["Notes"]) - 1
    with pytest.raises(InputError, match="already there"):
        write_template(path)


def test_wtfc_tender_template_and_load(tmp_path, capsys):
    blank = tmp_path / "evaluation.xlsx"
    assert main(["tender", "template", str(blank)]) == 0
    assert "Wrote" in capsys.readouterr().out
    assert main(["new", str(tmp_path / "ws"), "--name", "Panel day"]) == 0
    capsys.readouterr()
    assert main(["tender", "load", str(tmp_path / "ws"), str(blank), "--fresh"]) == 0
    out = capsys.readouterr().out
    assert "Loaded 'evaluation' from evaluation.xlsx: 1 bid, 1 question, 1 panel, 1 member, " \
           "1 answer and 1 profile to read (scoring starts afresh)." in out
    with Workshop.open(tmp_path / "ws") as ws:
        ev, _ = ws.tender.evaluation(everyone=True)
        assert ev.scores == [] and ev.bids and ev.members == {"Young people": ["Sam"]}
    # Loading again needs --replace: nothing is written without it.
    assert main(["tender", "load", str(tmp_path / "ws"), str(blank)]) == 1
    assert "add --replace" in capsys.readouterr().out


def test_wtfc_tender_load_lists_every_problem_and_writes_nothing(tmp_path, capsys):
    blank = write_template(tmp_path / "evaluation.xlsx")
    book = openpyxl.load_workbook(blank)
    book["Bids"].append(["B7", "Q1", "Who is this?"])
    book["Profiles"].append(["B1", "A second profile"])
    book["Questions"].append(["Q2", "Why?", "lots"])
    book.save(blank)
    ws = Workshop.create(tmp_path / "ws", "Panel day")
    ws.close()
    assert main(["tender", "load", str(tmp_path / "ws"), str(blank)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "To fix: Questions row 3: weight 'lots' is not a positive number: type a weight "
        "above 0, e.g. 1.",
        "To fix: Bids row 3: bidder 'B7' is not on the Bidders sheet: use one of B1.",
        "To fix: Profiles row 3: bidder 'B1' already has a profile on row 2: keep one row.",
        "Nothing was loaded: fix the 3 problems above in evaluation.xlsx, then run this again.",
    ]
    with Workshop.open(tmp_path / "ws") as again:
        assert again.tender.current_id() is None


def test_wtfc_tender_load_refuses_a_file_that_is_not_a_workbook(tmp_path, capsys):
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    Workshop.create(tmp_path / "ws", "Panel day").close()
    assert main(["tender", "load", str(tmp_path / "ws"), str(tmp_path / "notes.csv")]) == 2
    assert "not an Excel workbook" in capsys.readouterr().err


def test_questions_go_in_stages_without_gaps(workshop):
    b = built(workshop)
    with pytest.raises(InputError, match="no stage 2 before stage 3"):
        b.add_question("Q3", "Tell us in person", 1, None, ACTOR, stage=3)
    with pytest.raises(InputError, match="whole number from 1 to 5"):
        b.add_question("Q3", "Tell us in person", 1, None, ACTOR, stage=6)
    b.add_question("Q3", "Tell us in person", 1, None, ACTOR, stage=2)
    b.add_question("Q4", "Show us", 1, None, ACTOR, stage="3")
    with pytest.raises(InputError, match="no stage 2 before stage 3"):  # Q3 was stage 2 alone
        b.edit_question("Q3", "Tell us in person", 1, None, ACTOR, stage=1)
    ev, _ = workshop.tender.evaluation()
    assert [(q.question, q.stage) for q in ev.questions] == [
        ("Q1", 1), ("Q2", 1), ("Q3", 2), ("Q4", 3)]
    workshop.tender.score("Ann", "B1", "Q1", 4, "Clear plan")
    with pytest.raises(InputError, match="its stage cannot change"):
        b.edit_question("Q1", "How will you keep us safe?", 2, None, ACTOR, stage=2)
    b.edit_question("Q1", "How will you keep us safe, day and night?", 2, None, ACTOR)
    assert workshop.tender.evaluation()[0].questions[0].stage == 1


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["B1", "B2"]), st.sampled_from(["Q1", "Q2"]),
                          st.sampled_from(["", "  ", "Plan A", "Plan B\n\nmore", "x" * 8001])),
                max_size=8))
def test_answers_typed_in_any_order_end_as_the_last_good_one(tmp_path_factory, actions):
    """A property: after any run of saves (blank takes away, too long is refused and changes
    nothing), the store holds exactly what a dictionary kept the same way holds."""
    ws = Workshop.create(tmp_path_factory.mktemp("prop") / "ws", "Property")
    b = built(ws)
    b.set_answer("B1", "Q1", "", ACTOR)  # start from no answers at all
    model: dict = {}
    for bidder, question, text in actions:
        try:
            b.set_answer(bidder, question, text, ACTOR)
        except InputError:
            assert len(text) > 8000
            continue
        if text.strip():
            model[(bidder, question)] = text
        else:
            model.pop((bidder, question), None)
    assert ws.tender.evaluation()[0].bids == model
    ws.close()


def test_a_price_may_be_left_blank_only_when_price_counts_for_nothing(workshop):
    b = EvaluationBuilder(workshop.store)
    b.start("Quality only", 100, 0, ACTOR)
    b.add_bidder("B1", "North Trust", "", ACTOR)  # price weight 0, no budget: no price
    assert workshop.tender.evaluation()[0].bidders[0].price == 0
    b.start("Priced", 70, 30, ACTOR, replace=True)
    with pytest.raises(InputError, match="may be left blank only when the price weight is 0"):
        b.add_bidder("B1", "North Trust", "", ACTOR)
    assert workshop.tender.evaluation()[0].bidders == []

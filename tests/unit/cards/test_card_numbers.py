"""Typing card numbers from a paper wall: reading them, and moving those cards in one change."""

from __future__ import annotations

import pandas as pd
import pytest

from workbook import InputError
from workbook.cards import move_by_numbers, parse_numbers
from workbook.cards.card_numbers import numbered


@pytest.mark.parametrize("typed, numbers", [
    ("12 15 40", [12, 15, 40]),
    ("12, 15 40", [12, 15, 40]),
    ("12,15;40.", [12, 15, 40]),
    ("No. 12, no 15 and #40", [12, 15, 40]),
    ("20-23", [20, 21, 22, 23]),
    ("20 – 22, 5", [20, 21, 22, 5]),
    ("7 7 8 7", [7, 8]),
    ("１２ １５", [12, 15]),  # full-width digits from a phone keyboard
    ("  3\n4\t5 ", [3, 4, 5]),
])
def test_numbers_are_read_as_people_write_them(typed, numbers):
    assert parse_numbers(typed) == numbers


@pytest.mark.parametrize("typed, named", [
    ("12 abc 1x", ["“abc”", "“1x”"]),
    ("12 to 15", ["“to”"]),
    ("<b>4</b>", ["“<b>4</b>”"]),
])
def test_junk_is_named_back(typed, named):
    with pytest.raises(InputError) as err:
        parse_numbers(typed)
    message = str(err.value)
    assert all(n in message for n in named) and "Nothing was moved" in message


@pytest.mark.parametrize("typed, says", [
    ("", "Type the numbers written on the cards first"),
    ("  , ; ", "Type the numbers written on the cards first"),
    ("15-12", "“15-12” is not a run of cards"),
    ("1-1000", "at most 500 cards"),
    ("1 " * 3000, "type at most 5,000"),
])
def test_empty_backwards_and_oversized_input_says_what_to_fix(typed, says):
    with pytest.raises(InputError, match=says):
        parse_numbers(typed)


def test_numbers_are_listed_plainly():
    assert numbered([12]) == "No. 12"
    assert numbered([12, 15]) == "No. 12 and 15"
    assert numbered([12, 15, 40]) == "No. 12, 15 and 40"
    assert numbered(list(range(1, 26))).endswith("19, 20 and 5 more")


@pytest.fixture
def wall(workshop):
    ids = [workshop.add_statement(f"R-{i % 3}", kind, "person", f"Statement {i}", actor="setup")
           for i, kind in enumerate(["working", "not_working", "future", "not_working",
                                     "working"], start=1)]
    home = workshop.add_theme("Home", actor="setup")
    money = workshop.add_theme("Money", actor="setup")
    return {"ids": ids, "home": home, "money": money}


def theme_of(workshop, sid):
    st = workshop.statements.set_index("statement_id")
    value = st.loc[sid, "theme_id"]
    return None if pd.isna(value) else int(value)


def test_typed_numbers_move_in_one_undoable_change(workshop, wall):
    a, b, c, *_ = wall["ids"]
    done = move_by_numbers(workshop, f"{a}, {b} {c}", wall["home"], actor="Table 1")
    assert done.moved == [a, b, c] and done.already == []
    assert done.sentence() == f"Moved 3 cards (No. {a}, {b} and {c}) to “Home”."
    assert [theme_of(workshop, s) for s in (a, b, c)] == [wall["home"]] * 3
    history = workshop.history
    assert history.iloc[-1]["summary"] == "Moved 3 cards to 'Home'"
    workshop.undo("Table 1")  # one undo takes back the whole move
    assert [theme_of(workshop, s) for s in (a, b, c)] == [None] * 3


def test_cards_already_there_are_named_and_the_rest_move(workshop, wall):
    a, b, c, *_ = wall["ids"]
    move_by_numbers(workshop, str(a), wall["home"], actor="t")
    done = move_by_numbers(workshop, f"{a} {b}", wall["home"], actor="t")
    assert done.moved == [b] and done.already == [a]
    assert done.sentence() == (f"Moved 1 card (No. {b}) to “Home”. No. {a} was already there.")
    nothing = move_by_numbers(workshop, f"{a} {b}", wall["home"], actor="t")
    assert nothing.moved == [] and nothing.sentence() == (
        f"Nothing moved: No. {a} and {b} were already in “Home”.")
    # From one theme to another, and back to not yet in a theme.
    move_by_numbers(workshop, f"{a}", wall["money"], actor="t")
    assert theme_of(workshop, a) == wall["money"]
    back = move_by_numbers(workshop, f"{a} {c}", None, actor="t")
    assert back.moved == [a] and back.already == [c]
    assert back.sentence() == (f"Moved 1 card (No. {a}) back to not yet in a theme. "
                               f"No. {c} was already not in a theme.")
    assert theme_of(workshop, a) is None


@pytest.mark.parametrize("typed, says", [
    ("{a} 999", "There is no card No. 999"),
    ("{a} 99999999999", "There is no card No. 99999999999"),  # past any SQL integer
    ("{a} {gone}", "No. {gone} was deleted"),
    ("{a} 0 {gone}", "There is no card No. 0 and No. {gone} was deleted"),
    ("{a} x", "This is not a card number: “x”"),
])
def test_a_wrong_number_moves_nothing_and_is_named(workshop, wall, typed, says):
    a, gone = wall["ids"][0], wall["ids"][4]
    workshop.delete_statement(gone, actor="setup")
    before = workshop.revision
    with pytest.raises(InputError) as err:
        move_by_numbers(workshop, typed.format(a=a, gone=gone), wall["home"], actor="t")
    assert says.format(gone=gone) in str(err.value) and "Nothing was moved" in str(err.value)
    assert workshop.revision == before and theme_of(workshop, a) is None


def test_a_theme_deleted_meanwhile_moves_nothing(workshop, wall):
    a = wall["ids"][0]
    workshop.delete_theme(wall["money"], actor="setup")
    with pytest.raises(InputError, match="That theme no longer exists"):
        move_by_numbers(workshop, str(a), wall["money"], actor="t")
    assert theme_of(workshop, a) is None

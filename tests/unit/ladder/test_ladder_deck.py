"""Scenario decks: the sample deck is whole, and a deck with bad rows says which and why."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from workbook import InputError
from workbook.ladder.deck import load_deck, sample_deck
from workbook.ladder.models import MODELS, STAGES

SAMPLE = Path(__file__).resolve().parents[3] / "sample_data"


def test_sample_deck_is_about_twelve_complete_scenarios():
    deck = load_deck(SAMPLE / "ladder_scenarios.csv")
    assert deck.problems == [] and deck.rows_read == 12 and len(deck.scenarios) == 12
    titles = [s.title for s in deck.scenarios]
    assert len(set(titles)) == 12
    for s in deck.scenarios:
        assert s.stage in STAGES
        assert len(s.situation) > 80 and "?" in s.note
        # a suggestion on every ladder; each suggestion is a real rung of its model
        assert {"hart", "arnstein", "tlap", "spectrum", "levels"} <= set(s.suggestions)
        for key, number in s.suggestions.items():
            MODELS[key].rung(number)
    # the deck spans the ladder, not just its middle
    hart = [s.suggestions["hart"] for s in deck.scenarios]
    assert min(hart) <= 2 and max(hart) >= 7
    assert [s.title for s in sample_deck()] == titles


def test_sample_deck_names_faces_cells_and_rcpch_degrees():
    deck = load_deck(SAMPLE / "ladder_scenarios.csv").scenarios
    # the levels column names faces; they read as the positions the deck held as numbers
    assert [s.suggestions["levels"] for s in deck] == [2, 6, 4, 6, 6, 4, 8, 4, 6, 3, 1, 6]
    assert all("rcpch" in s.suggestions for s in deck)
    assert {MODELS["rcpch"].rung(s.suggestions["rcpch"]).name for s in deck} == {
        "Inform", "Consult", "Involve", "Represent"}
    # no suggestion on a cell the source leaves unnamed
    assert all(MODELS["matrix"].rung(s.suggestions["matrix"]).named
               for s in deck if "matrix" in s.suggestions)


def test_no_contact_details_in_the_sample_deck():
    text = (SAMPLE / "ladder_scenarios.csv").read_text(encoding="utf-8")
    assert "@" not in text and "http" not in text
    assert not any(ch.isdigit() and len(w) > 6 for w in text.split() for ch in w[:1])


def write_deck(tmp_path, rows, suffix=".csv"):
    df = pd.DataFrame(rows)
    path = tmp_path / f"deck{suffix}"
    if suffix == ".csv":
        df.to_csv(path, index=False)
    else:
        df.to_excel(path, index=False)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_bad_rows_reported_good_rows_kept(tmp_path, suffix):
    rows = [
        {"Title": "Good one", "Situation": "Young people run a panel.", "Stage": "Do",
         "Hart": "6", "TLAP": "Co-design", "Discussion note": "Why?", "Colour": "red"},
        {"Title": "", "Situation": "No title here", "Stage": "", "Hart": "", "TLAP": "",
         "Discussion note": "", "Colour": ""},
        {"Title": "Rung too high", "Situation": "Text", "Stage": "plan", "Hart": "9",
         "TLAP": "", "Discussion note": "", "Colour": ""},
        {"Title": "Bad stage", "Situation": "Text", "Stage": "party", "Hart": "",
         "TLAP": "", "Discussion note": "", "Colour": ""},
        {"Title": "Bad name", "Situation": "Text", "Stage": "", "Hart": "",
         "TLAP": "Shouting", "Discussion note": "", "Colour": ""},
        {"Title": "", "Situation": "", "Stage": "", "Hart": "", "TLAP": "",
         "Discussion note": "", "Colour": ""},
    ]
    deck = load_deck(write_deck(tmp_path, rows, suffix))
    assert [s.title for s in deck.scenarios] == ["Good one"]
    good = deck.scenarios[0]
    assert good.stage == "do" and good.suggestions == {"hart": 6, "tlap": 6}
    assert good.note == "Why?"
    assert deck.rows_read == 5
    assert deck.problems == [
        "Column 'Colour' was not recognised and was ignored.",
        "Row 3: title is blank: type something first",
        "Row 4: Hart's ladder of participation has no rung 9: choose 1 to 8.",
        "Row 5: Stage 'party' is not one of: analyse, plan, do, review.",
        "Row 6: 'Shouting' is not a step of Ladder of co-production: give its number "
        "(1 to 7) or its name.",
    ]
    assert deck.summary.startswith("Read 1 scenario from 5 rows. 5 left out or partly read:")


def test_missing_columns_and_wrong_files(tmp_path):
    path = write_deck(tmp_path, [{"Name": "x", "Hart": 2}])
    with pytest.raises(InputError, match="needs a column for situation"):
        load_deck(path)
    other = tmp_path / "deck.txt"
    other.write_text("hello")
    with pytest.raises(InputError, match="must be a .csv or .xlsx"):
        load_deck(other)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="could not be read"):
        load_deck(broken)

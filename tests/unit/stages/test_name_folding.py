"""Names compared and searched with Unicode case folding, the same on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from workbook import InputError
from workbook.report.content import gather
from workbook.stages.search import StatementFilter, find_statements
from workbook.stages.theme_board import BoardFilter, board_data, unthemed_cards
from workbook.store import db
from workbook.text import fold

# (first name, the same name written another way); both orders are tried, because SQL
# lower() folded whichever side it was given differently.
SAME = [
    ("École", "école"),
    ("École", "ÉCOLE"),
    ("Straße", "STRASSE"),
    ("ΟΔΟΣ", "οδος"),  # final sigma
    ("Zoë  Smith", "ZOË SMITH"),
]
SAME_BOTH_WAYS = [*SAME, *[(b, a) for a, b in SAME]]
IDS = [f"{a}-{b}" for a, b in SAME_BOTH_WAYS]


@pytest.mark.parametrize(("first", "second"), [
    ("École", "ÉCOLE"), ("école", "ÉCOLE"), ("Straße", "STRASSE"), ("straße", "Strasse"),
    ("ΟΔΟΣ", "οδος"), ("ΟΔΌΣ", "οδός"), ("ﬁle", "FILE"), ("a\u00adb", "AB"), (" x \n y", "X Y"),
])
def test_fold_makes_these_one_name(first, second):
    assert fold(first) == fold(second)


@pytest.mark.parametrize(("first", "second"), [
    ("École", "Ecole"), ("école", "ecole"), ("οδός", "οδος"), ("Straße", "Strase"),
])
def test_fold_keeps_accents_apart(first, second):
    assert fold(first) != fold(second)


# --- themes -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("first", "second"), SAME_BOTH_WAYS, ids=IDS)
def test_a_theme_name_written_another_way_is_refused(workshop, first, second):
    workshop.add_theme(first)
    with pytest.raises(InputError, match="already a theme called"):
        workshop.add_theme(second)
    assert len(workshop.themes) == 1


@pytest.mark.parametrize(("first", "second"), SAME_BOTH_WAYS, ids=IDS)
def test_rename_and_split_refuse_a_name_written_another_way(workshop, first, second):
    workshop.add_theme(first)
    other = workshop.add_theme("Something else")
    with pytest.raises(InputError, match="already a theme called"):
        workshop.rename_theme(other, second)
    sid = workshop.add_statement("R-1", "not_working", "person", "No bus after six")
    workshop.assign([sid], other)
    with pytest.raises(InputError, match="already a theme called"):
        workshop.split_theme(other, [sid], second)
    assert sorted(workshop.themes["name"]) == sorted([first, "Something else"])


def test_a_theme_may_be_renamed_to_its_own_name_in_another_case(workshop):
    tid = workshop.add_theme("École")
    workshop.rename_theme(tid, "ÉCOLE")
    assert list(workshop.themes["name"]) == ["ÉCOLE"]


def test_accents_still_make_a_different_theme(workshop):
    workshop.add_theme("École")
    workshop.add_theme("Ecole")
    assert len(workshop.themes) == 2


# --- review references --------------------------------------------------------------------------
@pytest.mark.parametrize(("first", "second"), SAME_BOTH_WAYS, ids=IDS)
def test_a_review_reference_written_another_way_is_the_same_review(workshop, first, second):
    workshop.add_statement(first, "working", "person", "I like my keyworker")
    workshop.add_statement(second, "future", "person", "A job at the café")
    assert list(workshop.reviews["review"]) == [first]
    assert list(workshop.reviews["statements"]) == [2]
    page = find_statements(workshop.store, StatementFilter(review=second))
    assert page.total == 2


def test_an_import_with_one_reference_written_two_ways_makes_one_review(workshop):
    from workbook import StatementIn

    workshop.import_statements([
        StatementIn.parse("Straße-1", "working", "person", "Good"),
        StatementIn.parse("STRASSE-1", "future", "staff", "Better"),
        StatementIn.parse("R-2", "working", "family", "Fine"),
    ], source="test")
    assert sorted(workshop.reviews["review"]) == ["R-2", "Straße-1"]
    workshop.add_statement("strasse-1", "not_working", "other", "Late")
    assert len(workshop.reviews) == 2


# --- finding words ------------------------------------------------------------------------------
WORDS = ["A job at the café", "The Straße is noisy", "Η οδος είναι ήσυχη", "Plain words"]


@pytest.mark.parametrize(("typed", "found"), [
    ("CAFÉ", "A job at the café"), ("Café", "A job at the café"),
    ("STRASSE", "The Straße is noisy"), ("straße", "The Straße is noisy"),
    ("ΟΔΟΣ", "Η οδος είναι ήσυχη"), ("PLAIN  WORDS", "Plain words"),
])
def test_the_board_filter_and_the_finder_fold_alike(workshop, typed, found):
    for i, words in enumerate(WORDS):
        workshop.add_statement(f"R-{i}", "not_working", "person", words)
    cards, matching, total = unthemed_cards(workshop.store, BoardFilter(search=typed))
    assert [c["text"] for c in cards] == [found] and matching == 1 and total == len(WORDS)
    assert [r.text for r in find_statements(workshop.store, StatementFilter(text=typed)).rows] \
        == [found]


def test_the_board_filter_folds_inside_themes_too(workshop):
    tid = workshop.add_theme("Getting about")
    ids = [workshop.add_statement("R-1", "not_working", "person", w) for w in WORDS]
    workshop.assign(ids, tid)
    data = board_data(workshop.store, workshop.themes, BoardFilter(search="CAFÉ"))
    theme = data["themes"][0]
    assert theme["matching"] == 1
    assert [c["text"] for c in theme["cards"]] == ["A job at the café"]


# --- the report on an old workshop ----------------------------------------------------------------
def _old_theme(workshop, name: str) -> int:
    """A theme written as an older version could: without today's name check."""
    with workshop.store.write("old version", f"Made the theme '{name}'") as tx:
        return tx.insert(db.themes, name=name, i_statement="")


def test_the_report_keeps_apart_themes_whose_names_fold_alike(workshop):
    names = ["École", "école", "Same name", "Same name"]
    ids = [_old_theme(workshop, n) for n in names]
    for n, tid in enumerate(ids):
        sid = workshop.add_statement(f"R-{n}", "not_working", "person", f"Problem {n}")
        workshop.assign([sid], tid)
        for voter in range(n + 1):
            workshop.vote(f"Voter {n}.{voter}", theme_id=tid)
        workshop.add_success(tid, "person", f"I am happy about {n}")
    report = gather(workshop, charts_too=False)  # stopped with a ValueError before
    sections = {(name, tuple(row[2] for row in table.rows)) for name, table, _ in report.success}
    assert sections == {(name, (f"I am happy about {n}",)) for n, name in enumerate(names)}
    assert len(report.success) == 4
    assert all(missing for _, _, missing in report.success)  # each theme's own gaps

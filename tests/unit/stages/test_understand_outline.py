"""Root-cause page logic: theme choices, cause outline order, top causes and ranking."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook import Workshop
from workbook.charts.stages import cause_tree_chart
from workbook.stages.understand_outline import (
    any_theme_voted,
    dots_left_sentence,
    indented_label,
    outline,
    ranked,
    theme_choices,
    top_cause_ids,
    tree_selection,
)
from workbook.text import shorten


@pytest.fixture
def ws(tmp_path):
    w = Workshop.create(tmp_path / "ws", "Causes test")
    yield w
    w.close()


def theme_with(ws, name, not_working=1, working=0, actor="T1"):
    tid = ws.add_theme(name, f"I want {name.lower()}", actor=actor)
    ids = [ws.add_statement(f"R-{name[:3]}{i}", "not_working", "person", f"{name} bad {i}",
                            actor=actor) for i in range(not_working)]
    ids += [ws.add_statement(f"R-{name[:3]}w{i}", "working", "person", f"{name} good {i}",
                             actor=actor) for i in range(working)]
    if ids:
        ws.assign(ids, tid, actor=actor)
    return tid


def causes_frame(rows):
    """rows: (cause_id, parent_id, votes) with theme 1."""
    return pd.DataFrame({
        "cause_id": [r[0] for r in rows],
        "theme_id": [1] * len(rows),
        "theme": ["T"] * len(rows),
        "parent_id": pd.array([r[1] for r in rows], dtype="Int64"),
        "text": [f"cause {r[0]}" for r in rows],
        "depth": [1] * len(rows),
        "votes": [r[2] for r in rows],
    })


def test_prioritised_themes_first_labelled_with_rank_and_dots(ws):
    money = theme_with(ws, "Money", 2)
    who = theme_with(ws, "Knowing who supports me", 3)
    friends = theme_with(ws, "Friends", 5)
    theme_with(ws, "Home", 0, working=4)  # nothing not working: not offered
    for voter in ("A", "B"):
        ws.vote(voter, theme_id=who)
    ws.vote("A", theme_id=money)
    choices = theme_choices(ws.themes, ws.causes)
    assert [c.theme_id for c in choices] == [who, money, friends]
    assert choices[0].label == "1. Knowing who supports me (2 dots)"
    assert choices[1].label == "2. Money (1 dot)"
    assert choices[2].label == "Friends (no dots yet)"
    assert [c.prioritised for c in choices] == [True, True, False]
    assert any_theme_voted(ws.themes)


def test_unvoted_themes_listed_by_not_working_count_and_a_theme_with_causes_stays(ws):
    small = theme_with(ws, "Small", 1)
    big = theme_with(ws, "Big", 4)
    kept = theme_with(ws, "Kept", 0, working=1)
    ws.add_cause(kept, "Because of reasons")
    assert not any_theme_voted(ws.themes)
    choices = theme_choices(ws.themes, ws.causes)
    assert [c.theme_id for c in choices] == [big, small, kept]
    assert all(not c.prioritised for c in choices)
    assert [c.theme_id for c in theme_choices(ws.themes)] == [big, small]


def test_no_themes_at_all():
    empty = pd.DataFrame(columns=["theme_id", "name", "not_working", "votes", "priority"])
    assert not any_theme_voted(empty)
    assert theme_choices(empty) == []


def test_outline_puts_children_after_their_parent_depth_first(ws):
    tid = theme_with(ws, "Staff")
    a = ws.add_cause(tid, "Staff leave")
    b = ws.add_cause(tid, "Rotas change")
    a1 = ws.add_cause(tid, "Pay is low", a)
    a1x = ws.add_cause(tid, "Rate not raised", a1)
    a2 = ws.add_cause(tid, "Induction rushed", a)
    rows = outline(ws.causes)
    assert [(r.cause_id, r.level) for r in rows] == [(a, 1), (a1, 2), (a1x, 3), (a2, 2), (b, 1)]
    assert indented_label(rows[2]) == "— — — Rate not raised"
    assert indented_label(rows[0]) == "— Staff leave"
    assert [r.level for r in rows] == list(ws.causes.set_index("cause_id").loc[
        [r.cause_id for r in rows], "depth"])


def test_outline_keeps_a_cause_whose_parent_is_missing():
    df = causes_frame([(1, None, 0), (2, 99, 0), (3, 2, 0)])
    rows = outline(df)
    assert [(r.cause_id, r.level) for r in rows] == [(1, 1), (2, 1), (3, 2)]


def test_outline_survives_a_cycle_without_losing_causes():
    df = causes_frame([(1, None, 0), (2, 3, 0), (3, 2, 0)])
    assert sorted(r.cause_id for r in outline(df)) == [1, 2, 3]


def test_top_causes_are_the_three_with_most_dots_and_match_the_chart():
    df = causes_frame([(1, None, 1), (2, 1, 4), (3, 1, 1), (4, None, 2), (5, None, 0)])
    assert top_cause_ids(df) == {2, 4, 1}  # the tie at 1 dot goes to the earlier cause
    chart = cause_tree_chart("T", df)
    assert set(chart.data.loc[chart.data["top_cause"], "cause_id"]) == top_cause_ids(df)
    assert [r.cause_id for r in ranked(df)] == [2, 4, 1, 3, 5]
    assert [r.top for r in ranked(df)] == [True, True, True, False, False]


def test_no_dots_means_no_top_causes():
    df = causes_frame([(1, None, 0), (2, 1, 0)])
    assert top_cause_ids(df) == set()
    assert not any(r.top for r in outline(df))


def test_short_and_sentences():
    assert shorten("a  b\nc") == "a b c"
    assert shorten("x" * 100, 10) == "x" * 9 + "…"
    assert dots_left_sentence("Table 2", 2, 3) == "Table 2 has 2 of 3 dots left for causes"


def _width(rows, shown):
    """Boxes side by side in a tree of the shown causes: its leaves (the theme if none)."""
    parents = {r.parent_id if r.level > 1 else None for r in rows if r.cause_id in shown}
    return max(1, sum(1 for c in shown if c not in parents))


def test_tree_selection_keeps_the_first_levels_within_the_width():
    # Six first-level causes, each with two whys: only four boxes fit side by side.
    rows_in = [(i, None, 0) for i in range(1, 7)]
    rows_in += [(10 * i + k, i, 0) for i in range(1, 7) for k in (1, 2)]
    rows = outline(causes_frame(rows_in))
    shown = tree_selection(rows, max_leaves=4, max_levels=3)
    assert shown == [1, 11, 2, 21, 3, 31, 4, 41]  # four first causes, one why under each
    assert _width(rows, set(shown)) == 4


def test_tree_selection_draws_top_causes_with_the_causes_above_them_first():
    # A deep chain whose last cause has most dots, beside many undotted first-level causes.
    rows_in = [(1, None, 0), (2, 1, 0), (3, 2, 5), *[(i, None, 0) for i in range(4, 10)]]
    rows = outline(causes_frame(rows_in))
    shown = tree_selection(rows, max_leaves=3, max_levels=3)
    assert {1, 2, 3} <= set(shown)
    assert shown == [1, 2, 3, 4, 5]
    assert _width(rows, set(shown)) == 3
    # Too deep to draw: the chain is cut at the level limit, never drawn without its parent.
    assert tree_selection(rows, max_leaves=3, max_levels=2) == [1, 2, 4, 5]


def test_tree_selection_draws_everything_that_fits():
    rows = outline(causes_frame([(1, None, 1), (2, 1, 0), (3, None, 2)]))
    assert tree_selection(rows, 4, 3) == [r.cause_id for r in rows]
    assert tree_selection([], 4, 3) == []


def test_cause_tree_chart_draws_only_what_it_is_asked_and_says_so():
    df = causes_frame([(1, None, 0), (2, 1, 3), (3, None, 0), (4, None, 1)])
    chart = cause_tree_chart("T", df, show=[1, 2, 3])
    assert chart.data.set_index("cause_id")["drawn"].to_dict() == {
        1: True, 2: True, 3: True, 4: False}
    assert "4 causes" in chart.alt and "The chart shows 3 of the 4 causes." in chart.alt
    # The top causes are the workshop's, drawn or not: cause 4 stays a top cause in the alt.
    assert "cause 4 (1 dot)" in chart.alt
    # The theme's box says a first-level cause is not drawn; a fully drawn box says nothing.
    boxes = {t.get_text().split("\n")[0]: t.get_text() for t in chart.figure.axes[0].texts}
    assert boxes["T"] == "T\n+1 more in the list"
    assert "more in the list" not in boxes["cause 1"]
    assert "drawn" not in cause_tree_chart("T", df).data.columns


def test_cause_tree_chart_shows_dollar_signs_as_words():
    df = causes_frame([(1, None, 0), (2, 1, 0)])
    df["text"] = ["Taxis cost $5 to $10 a trip", r"odd $\frac{ $ text"]
    chart = cause_tree_chart("Money $x$", df)
    assert chart.png()[:4] == b"\x89PNG"  # mathtext would raise on the second cause


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 4)), max_size=30),
       st.integers(1, 6), st.integers(1, 4))
def test_tree_selection_stays_in_bounds_keeps_parents_and_fills_what_fits(spec, leaves, levels):
    # spec[i] = (parent index, dots): cause i+1 hangs from an earlier cause, or from the theme
    rows_in = [(i + 1, (p % (i + 1)) or None, dots) for i, (p, dots) in enumerate(spec)]
    rows = outline(causes_frame(rows_in))
    shown = set(tree_selection(rows, leaves, levels))
    by_id = {r.cause_id: r for r in rows}
    assert _width(rows, shown) <= leaves
    for c in shown:
        assert by_id[c].level <= levels
        assert by_id[c].level == 1 or by_id[c].parent_id in shown
    # Nothing that would fit is left out: each missing cause that could hang from a drawn box
    # would widen a tree that is already as wide as allowed.
    for r in rows:
        if r.cause_id in shown or r.level > levels:
            continue
        parent = None if r.level == 1 else r.parent_id
        if parent is None or parent in shown:
            siblings = [c for c in shown if (None if by_id[c].level == 1
                                             else by_id[c].parent_id) == parent]
            assert siblings and _width(rows, shown) == leaves

"""The commissioners' questions (workbook.explore) and the later sample event they compare."""

from __future__ import annotations

import pytest

from workbook import Workshop, explore
from workbook.sample import build_later_sample


@pytest.fixture
def ws(tmp_path):
    w = Workshop.create(tmp_path / "a", "A")
    t = w.add_theme("Getting out", "I go out")
    m = w.add_theme("Money", "I understand money")
    ids = [w.add_statement("R-1", "not_working", "person", "No bus"),
           w.add_statement("R-2", "not_working", "family", "I drive her"),
           w.add_statement("R-3", "working", "staff", "Friday club")]
    w.assign(ids, t)
    w.assign([w.add_statement("R-4", "not_working", "person", "No cash")], m)
    w.vote("T1", theme_id=t)
    w.vote("T2", theme_id=t)
    w.vote("T1", theme_id=m)
    yield w
    w.close()


def test_crosstab_most_voted_and_charts_state_their_figures(ws):
    table = explore.themes_by_perspective(ws)
    assert table.loc["Getting out"][["person", "family", "staff", "other", "total"]].tolist() \
        == [1, 1, 1, 0, 3]
    assert list(table.index) == ["Getting out", "Money"]
    assert "Getting out: 1 the person, 1 family carer, 1 staff, 0 other" in \
        explore.crosstab_chart(table).alt
    top = explore.most_voted(ws)
    assert top[["name", "votes"]].values.tolist() == [["Getting out", 2], ["Money", 1]]
    assert "Getting out 2 dots; Money 1 dot." in explore.votes_chart(top).alt
    assert "Money: 0 working, 1 not working, 0 future" in explore.kinds_chart(ws).alt


def test_two_events_compared_per_review_by_theme_name(ws, tmp_path):
    # A: 4 reviews, "Getting out" 3 statements (2 not working); B: 1 review, 1 statement
    b = Workshop.create(tmp_path / "b", "B")
    t = b.add_theme("GETTING OUT", "I go out")
    b.assign([b.add_statement("R-1", "working", "person", "Bus now")], t)
    b.add_theme("New theme")
    df = explore.compare(ws, b)
    assert df.loc["GETTING OUT", ["per_review_last", "per_review_this",
                                  "not_working_per_review_last",
                                  "not_working_per_review_this"]].tolist() == [0.75, 1.0, 0.5, 0]
    assert df.loc["New theme", "statements_last"] == 0
    assert df.loc["Money", "statements_this"] == 0
    chart = explore.compare_chart(df, "Spring", "Autumn")
    assert "Spring (4 reviews) then Autumn (1 review). GETTING OUT: 0.75 then 1.00" in chart.alt
    # the facilitator's mapping: A's "Money" is B's "New theme"
    df = explore.compare(ws, b, {"Money": "New theme"})
    assert df.loc["New theme", "last_names"] == "Money"
    b.close()


def test_later_sample_event_is_smaller_and_better_on_staff(tmp_path):
    from workbook.sample import build_sample

    spring = build_sample(tmp_path / "spring", worked=False)
    later = build_later_sample(tmp_path / "later")
    assert later.stats()["reviews"] == 40 < spring.stats()["reviews"]
    assert later.name != spring.name
    t = later.themes.set_index("name")
    assert t.loc["Knowing who supports me", "working"] >= 3
    assert int(t["votes"].sum()) == 9
    assert build_later_sample(tmp_path / "later").name == later.name  # reused, not rebuilt
    spring.close()
    later.close()

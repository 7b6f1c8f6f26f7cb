"""The theme board's data: bounded card lists, filters, counts and the browser's move message."""

from __future__ import annotations

import json

import pytest

from workbook import InputError, StatementIn
from workbook.stages.theme_board import (
    MAX_MOVE,
    BoardFilter,
    board_data,
    card_label,
    parse_move,
    theme_cards,
    unthemed_cards,
)

PERSPECTIVES = ("person", "family carer", "staff", "other")
KINDS = ("working", "not working", "future")


def fill(ws, n: int, text: str = "Statement {i}") -> list[int]:
    items = [StatementIn.parse(f"R-{i // 5:03d}", KINDS[i % 3], PERSPECTIVES[i % 4],
                               text.format(i=i)) for i in range(n)]
    ws.import_statements(items, source="test")
    return ws.statements["statement_id"].tolist()


def test_unthemed_cards_are_bounded_and_counted(workshop):
    ids = fill(workshop, 100)
    cards, matching, total = unthemed_cards(workshop.store, limit=60)
    assert [c["id"] for c in cards] == ids[:60]  # review order
    assert (matching, total) == (100, 100)
    data = board_data(workshop.store, workshop.themes, unthemed_limit=60)
    assert data["unthemed"]["summary"] == "Showing 60 of 100 cards not yet in a theme."
    assert len(data["unthemed"]["cards"]) == 60


def test_a_card_carries_its_kind_in_words_and_symbol(workshop):
    fill(workshop, 3)
    card = unthemed_cards(workshop.store)[0][1]
    assert card["kind"] == "not_working"
    assert (card["kind_label"], card["kind_symbol"]) == ("Not working", "✖")
    assert card["perspective_label"] == "Family carer" and card["review"] == "R-000"


def test_perspective_filter_and_search(workshop):
    fill(workshop, 40)
    workshop.add_statement("R-900", "working", "family", "The BUS pass works 50% of days")
    family = BoardFilter("family")
    cards, matching, total = unthemed_cards(workshop.store, family)
    assert {c["perspective"] for c in cards} == {"family"}
    assert matching == 11 and total == 41
    found, n, _ = unthemed_cards(workshop.store, BoardFilter(search="bus"))
    assert n == 1 and found[0]["text"].startswith("The BUS")
    # % and _ are looked for literally, not as wildcards
    assert unthemed_cards(workshop.store, BoardFilter(search="50%"))[1] == 1
    assert unthemed_cards(workshop.store, BoardFilter(search="5_%"))[1] == 0
    summary = board_data(workshop.store, workshop.themes, family)["unthemed"]["summary"]
    assert summary == "Showing all 11 cards not yet in a theme (family carer only)."


def test_filter_describes_itself_and_rejects_unknown_perspectives():
    assert BoardFilter().describe() == "" and not BoardFilter().active
    assert BoardFilter("staff", "  late   again ").describe() == "staff only, with “late again”"
    with pytest.raises(ValueError):
        BoardFilter("martian")


def test_theme_shows_the_card_just_moved_in_first(workshop):
    ids = fill(workshop, 12)
    tid = workshop.add_theme("Getting out")
    workshop.assign(ids[1:11], tid)
    workshop.assign([ids[0]], tid)  # the oldest card, moved in last
    shown = theme_cards(workshop.store, [tid], limit=6)[tid]
    assert len(shown) == 6
    assert shown[0]["id"] == ids[0]


def test_theme_cards_fill_up_beyond_recent_changes(workshop, monkeypatch):
    import workbook.stages.theme_board as board

    ids = fill(workshop, 12)
    tid = workshop.add_theme("Getting out")
    workshop.assign(ids, tid)
    monkeypatch.setattr(board, "RECENT_CHANGES", 0)  # nothing counts as recent
    shown = board.theme_cards(workshop.store, [tid], limit=5)[tid]
    assert [c["id"] for c in shown] == sorted(ids, reverse=True)[:5]


def test_board_data_counts_kinds_per_theme_and_is_json(workshop):
    ids = fill(workshop, 9)
    a = workshop.add_theme("Knowing who supports me", "I know who is coming")
    b = workshop.add_theme("Empty theme")
    gone = workshop.add_theme("Gone")
    workshop.assign(ids[:5], a)
    workshop.delete_theme(gone)
    data = board_data(workshop.store, workshop.themes, per_theme=3)
    json.dumps(data)  # plain values only: it is synced to the browser as JSON
    assert [t["id"] for t in data["themes"]] == [a, b]
    first = data["themes"][0]
    assert first["i_statement"] == "I know who is coming"
    assert {c["kind"]: c["n"] for c in first["counts"]} == {
        "working": 2, "not_working": 2, "future": 1}
    assert first["total"] == 5 and len(first["cards"]) == 3
    assert first["summary"] == "Showing 3 of 5 cards in this theme."
    assert data["themes"][1]["cards"] == [] and data["themes"][1]["summary"].startswith("No ")
    assert data["unthemed"]["total"] == 4
    assert data["summary"] == "2 themes; 4 cards not yet in a theme."


def test_filtered_board_counts_matching_cards_per_theme(workshop):
    ids = fill(workshop, 8)
    tid = workshop.add_theme("Staff")
    workshop.assign(ids, tid)
    data = board_data(workshop.store, workshop.themes, BoardFilter("staff"))
    theme = data["themes"][0]
    assert theme["matching"] == 2 and theme["total"] == 8
    assert {c["perspective"] for c in theme["cards"]} == {"staff"}


def test_card_label_is_one_plain_line():
    card = {"text": "I  like\nmy garden " + "x" * 200, "kind_symbol": "✔",
            "kind_label": "Working", "review": "R-001"}
    label = card_label(card, where="in Home", width=30)
    assert label.startswith("✔ Working: I like my garden")
    assert "…" in label and label.endswith("(R-001) [in Home]") and "\n" not in label
    assert card_label({**card, "id": 12}).startswith("No. 12 ✔ Working: I like")


@pytest.mark.parametrize("msg, expected", [
    ({"ids": [3, "4"], "theme_id": 2}, ([3, 4], 2)),
    ({"ids": [5], "theme_id": None}, ([5], None)),
])
def test_parse_move_accepts_what_the_board_sends(msg, expected):
    assert parse_move({"type": "move", **msg}) == expected


@pytest.mark.parametrize("msg", [
    {}, {"ids": []}, {"ids": "1,2"}, {"ids": [1.5]}, {"ids": [True]}, {"ids": ["x"]},
    {"ids": [0]}, {"ids": [-3]}, {"ids": [1], "theme_id": "x"}, {"ids": [1], "theme_id": [2]},
    {"ids": list(range(1, MAX_MOVE + 2))},
])
def test_parse_move_refuses_anything_else_plainly(msg):
    with pytest.raises(InputError) as err:
        parse_move(msg)
    assert str(err.value)[0].isupper()

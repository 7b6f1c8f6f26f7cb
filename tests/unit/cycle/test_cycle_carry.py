"""The next event started from the last: what carries over, what stays behind, all or nothing."""

from __future__ import annotations

import pytest
from cycle_cases import EVIL, last_event

from workbook import Workshop
from workbook.cycle import carry
from workbook.cycle.carry import start_next
from workbook.cycle.origin import last_themes, origin
from workbook.model import InputError


def test_themes_success_open_actions_and_indicators_carry_over(workshop, tmp_path, backend):
    last_event(workshop)
    target = backend()  # the new event on the same kind of store as the last
    started = start_next(workshop, tmp_path / "next", "Autumn event", db_url=target,
                         actor="facilitator")
    assert (started.themes, started.success, started.actions, started.done_left,
            started.indicators, started.rebased, started.target_moved) == (2, 3, 1, 1, 3, 2, 1)
    nxt = Workshop.open(target or tmp_path / "next")
    try:
        assert nxt.name == "Autumn event"
        themes = nxt.themes.set_index("name")
        assert sorted(themes.index) == ["Getting out", "Économie"]
        assert themes.loc["Économie", "i_statement"] == EVIL
        assert int(themes["statements"].sum()) == 0 and int(themes["votes"].sum()) == 0
        stats = nxt.stats()
        assert stats["reviews"] == 0 and sum(stats["statements"].values()) == 0
        assert stats["causes"] == 0 and stats["measurements"] == 0
        success = nxt.success_statements
        assert sorted(success["text"]) == ["I get home safely after the club",
                                           "I know what she spends",
                                           "We plan rotas around evenings"]
        actions = nxt.actions
        assert actions["text"].tolist() == ["Evening taxi scheme"]
        assert actions["status"].tolist() == ["in progress"]
        linked = set(success.set_index("success_id").loc[list(actions["success_ids"][0]),
                                                         "text"])
        assert linked == {"I get home safely after the club", "We plan rotas around evenings"}
        ind = nxt.indicators.set_index("name")
        # the latest measurement is the new baseline; unmeasured keeps its own
        assert (ind.loc["People home after 9pm", "baseline"],
                ind.loc["People home after 9pm", "baseline_on"]) == (11, "2026-09-01")
        assert ind.loc["People home after 9pm", "target_on"] == "2027-12-31"
        assert (ind.loc["Evening rotas", "baseline"], ind.loc["Evening rotas", "target_on"]) \
            == (4, "2026-10-01")  # its target date had passed: moved to the new baseline
        assert (ind.loc["Statements read", "baseline"], ind.loc["Statements read", "unit"]) \
            == (1, "%")
        found = origin(nxt)
        assert (found.workshop, found.reviews, found.statements, found.actor) == (
            "Test workshop", 4, 4, "facilitator")
        assert found.location and "password" not in found.location
        last = {t.name: t for t in last_themes(nxt)}
        assert set(last) == {"Getting out", "Économie"}  # the deleted theme is not there
        assert (last["Getting out"].statements, last["Getting out"].not_working,
                last["Getting out"].votes) == (3, 2, 1)
        assert last["Getting out"].theme_id == int(themes.loc["Getting out", "theme_id"])
        # undo cannot empty the new event of what it carries
        with pytest.raises(InputError, match="nothing to undo"):
            nxt.undo()
    finally:
        nxt.close()
    assert workshop.stats()["reviews"] == 4  # the last event is untouched


def test_a_folder_that_exists_and_is_not_empty_is_refused(workshop, tmp_path):
    last_event(workshop)
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match="already exists and is not empty"):
        start_next(workshop, tmp_path / "taken", "Next")
    assert [p.name for p in (tmp_path / "taken").iterdir()] == ["notes.txt"]
    (tmp_path / "empty").mkdir()
    started = start_next(workshop, tmp_path / "empty", "Next")
    assert (started.folder / "workshop.json").exists()


def test_a_failure_leaves_no_half_made_folder(workshop, tmp_path, monkeypatch):
    last_event(workshop)

    def broken(tx, last, started, actor):
        tx.conn.execute(carry.db.meta.insert().values(key="half", value="made"))
        raise RuntimeError("disk full")

    monkeypatch.setattr(carry, "_carry", broken)
    with pytest.raises(RuntimeError):
        start_next(workshop, tmp_path / "deep" / "er" / "next", "Next")
    assert list(tmp_path.iterdir()) == [tmp_path / "ws"]  # no folder, no parents, no temp


def test_a_database_that_holds_a_workshop_is_refused(workshop, tmp_path, pg_databases):
    last_event(workshop)
    url = pg_databases()
    Workshop.create(tmp_path / "other", "Someone else's", db_url=url).close()
    with pytest.raises(InputError, match="already holds the workshop 'Someone else's'"):
        start_next(workshop, tmp_path / "next", "Next", db_url=url)
    assert not (tmp_path / "next").exists()


def test_a_blank_name_is_refused_before_anything_is_made(workshop, tmp_path):
    with pytest.raises(InputError, match="workshop name"):
        start_next(workshop, tmp_path / "next", "   ")
    assert not (tmp_path / "next").exists()


def test_an_empty_last_event_makes_an_empty_next_one(workshop, tmp_path):
    started = start_next(workshop, tmp_path / "next", "Next")
    assert started.themes == started.actions == started.indicators == 0
    assert "Statements, votes and reviews start empty." in started.sentences()
    with Workshop.open(tmp_path / "next") as nxt:
        assert origin(nxt).reviews == 0 and last_themes(nxt) == []


def test_a_postgresql_event_starts_a_sqlite_one(tmp_path, pg_databases):
    url = pg_databases()
    with Workshop.create(tmp_path / "pg", "On the server", db_url=url) as last:
        last_event(last)
        started = start_next(last, tmp_path / "next", "On a laptop")
    assert started.themes == 2 and started.indicators == 3
    with Workshop.open(tmp_path / "next") as nxt:
        assert nxt.store.dialect == "sqlite" and len(nxt.success_statements) == 3
        assert origin(nxt).location == str((tmp_path / "pg").resolve())  # its folder
    with Workshop.open(url) as last:  # opened by its address: the address, no password
        start_next(last, tmp_path / "by-url", "By address")
    with Workshop.open(tmp_path / "by-url") as nxt:
        assert origin(nxt).location.startswith("postgresql") and "@" in origin(nxt).location

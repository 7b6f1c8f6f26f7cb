"""Store, model and undo: every test runs on SQLite, and on PostgreSQL when one is given."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from workbook import InputError, StatementIn, Workshop
from workbook.store import db


def add(ws, text="I like my flat", kind="working", ref="R-001", persp="person", actor="T1"):
    return ws.add_statement(ref, kind, persp, text, actor=actor)


def test_create_and_reopen_keeps_everything(workshop, tmp_path):
    sid = add(workshop, "Buses stop at six <img src=x> & then?")
    again = Workshop.open(workshop.folder)
    row = again.statements.set_index("statement_id").loc[sid]
    assert row["text"] == "Buses stop at six <img src=x> & then?"
    assert again.name == "Test workshop"
    assert (workshop.folder / "outputs").is_dir()
    again.close()


def test_open_missing_folder_says_how_to_make_one(tmp_path):
    with pytest.raises(InputError, match="wtfc new"):
        Workshop.open(tmp_path / "nothing")


def test_create_twice_refused(workshop):
    with pytest.raises(InputError, match="already a workshop"):
        Workshop.create(workshop.folder, "Again")


@pytest.mark.parametrize(
    "args, message",
    [
        (("R-1", "maybe", "person", "x"), "unknown kind"),
        (("", "working", "person", "x"), "missing review reference"),
        (("R-1", "working", "person", "   "), "blank"),
        (("R-1", "working", "person", "x" * 1001), "1,001 characters"),
        (("R-1", "working", "cat", "x"), "unknown perspective"),
    ],
)
def test_bad_statement_is_refused_with_a_reason_and_nothing_written(workshop, args, message):
    before = workshop.revision
    with pytest.raises(InputError, match=message):
        workshop.add_statement(*args)
    assert workshop.revision == before
    assert workshop.statements.empty


def test_synonyms_and_trimming():
    item = StatementIn.parse(" 17 ", "What's not working", "Parent", "  Too many\tforms \n")
    assert (item.review_ref, item.kind, item.perspective, item.text) == (
        "17",
        "not_working",
        "family",
        "Too many\tforms",
    )
    assert StatementIn.parse(17.0, "future", "Support worker", "x").review_ref == "17"
    assert StatementIn.parse("R", "future", "Provider", "a\x00b").perspective == "staff"


def test_revision_moves_on_every_write_and_names_tables(workshop):
    r0 = workshop.revision
    sid = add(workshop)
    r1 = workshop.revision
    tid = workshop.add_theme("Home")
    workshop.assign([sid], tid)
    assert r0 < r1 < workshop.revision
    assert workshop.store.changed_tables(r1) == {"themes", "statements"}
    assert workshop.store.changed_tables(workshop.revision) == set()


def test_edit_and_undo_restores_exact_text(workshop):
    sid = add(workshop, "Original words")
    workshop.edit_statement(sid, text="Changed words", kind="future", actor="T1")
    row = workshop.statements.iloc[0]
    assert (row["text"], row["kind"]) == ("Changed words", "future")
    assert workshop.undo("T1").startswith("Undone: Edited a statement")
    row = workshop.statements.iloc[0]
    assert (row["text"], row["kind"]) == ("Original words", "working")


def test_delete_keeps_history_and_undo_brings_back(workshop):
    sid = add(workshop, "Keep me")
    workshop.delete_statement(sid, actor="T2")
    assert workshop.statements.empty
    with workshop.store.read() as conn:
        assert conn.execute(select(db.statements.c.deleted)).scalar() is True
    workshop.undo("T2")
    assert list(workshop.statements["text"]) == ["Keep me"]
    hist = workshop.history
    assert list(hist["summary"].tail(2)) == [
        "Deleted the statement 'Keep me'",
        "Undo: Deleted the statement 'Keep me'",
    ]
    assert hist["undone"].tolist()[-2] and hist["is_undo"].tolist()[-1]


def test_undo_is_per_actor_and_steps_back(workshop):
    a = add(workshop, "From table one", actor="T1")
    add(workshop, "From table two", actor="T2")
    workshop.undo("T1")
    assert workshop.statements["text"].tolist() == ["From table two"]
    with pytest.raises(InputError, match="nothing to undo"):
        workshop.undo("T1")
    assert a not in workshop.statements["statement_id"].tolist()


def test_undo_refuses_to_overwrite_a_later_edit_elsewhere(workshop):
    sid = add(workshop, "First", actor="T1")
    workshop.edit_statement(sid, text="Second", actor="T1")
    workshop.edit_statement(sid, text="Third", actor="T2")
    with pytest.raises(InputError, match="changed since"):
        workshop.undo("T1")
    assert workshop.statements["text"].tolist() == ["Third"]


def test_failed_action_writes_nothing(workshop):
    a, b = add(workshop, "one"), add(workshop, "two")
    tid = workshop.add_theme("Home")
    workshop.delete_statement(b)
    rev = workshop.revision
    with pytest.raises(InputError, match="deleted"):
        workshop.assign([a, b], tid)
    assert workshop.revision == rev
    assert workshop.statements["theme_id"].isna().all()


def test_themes_names_unique_rename_merge_split(workshop):
    ids = [add(workshop, f"s{i}", kind="not working") for i in range(4)]
    t1 = workshop.add_theme("Transport", "I can get out")
    with pytest.raises(InputError, match="already a theme"):
        workshop.add_theme(" transport ".strip())
    t2 = workshop.add_theme("Buses")
    workshop.assign(ids[:2], t1)
    workshop.assign(ids[2:], t2)
    workshop.vote("Table 1", theme_id=t2)
    workshop.merge_themes(t1, [t2], actor="F")
    th = workshop.themes
    assert th["name"].tolist() == ["Transport"]
    assert int(th.iloc[0]["not_working"]) == 4 and int(th.iloc[0]["votes"]) == 1
    new = workshop.split_theme(t1, ids[:1], "Evening buses")
    assert workshop.statements.set_index("statement_id").loc[ids[0], "theme"] == "Evening buses"
    workshop.rename_theme(new, "Late buses")
    workshop.set_i_statement(new, "I can get home after 6")
    assert workshop.themes.set_index("theme_id").loc[new, "i_statement"] == "I can get home after 6"
    workshop.undo("F")  # F only merged: undoing it brings Buses back, split untouched
    assert sorted(workshop.themes["name"]) == ["Buses", "Late buses", "Transport"]


def test_delete_theme_unthemes_cards_and_undo_restores(workshop):
    sid = add(workshop, "No buses", kind="not working")
    tid = workshop.add_theme("Transport")
    workshop.assign([sid], tid)
    workshop.vote("V", theme_id=tid)
    workshop.delete_theme(tid, actor="F")
    assert workshop.themes.empty and workshop.votes.empty
    assert workshop.statements["theme_id"].isna().all()
    workshop.undo("F")
    assert workshop.statements["theme"].tolist() == ["Transport"]
    assert len(workshop.votes) == 1


def test_dot_voting_budget_and_taking_back(workshop):
    sid = add(workshop, "No buses", kind="not working")
    ok = add(workshop, "Nice staff", kind="working")
    t = workshop.add_theme("Transport")
    good = workshop.add_theme("Staff")
    workshop.assign([sid], t)
    workshop.assign([ok], good)
    workshop.set_dots_per_voter(2)
    workshop.vote("Ann", theme_id=t)
    workshop.vote("Ann", theme_id=t)
    with pytest.raises(InputError, match="used all 2 dots"):
        workshop.vote("Ann", theme_id=t)
    with pytest.raises(InputError, match="no not-working"):
        workshop.vote("Bob", theme_id=good)
    assert workshop.dots_left("Ann") == 0
    workshop.unvote("Ann", theme_id=t)
    assert workshop.dots_left("Ann") == 1
    with pytest.raises(InputError, match="no dot there"):
        workshop.unvote("Bob", theme_id=t)
    assert workshop.themes.set_index("name").loc["Transport", "priority"] == 1
    with pytest.raises(InputError, match="between 1 and 20"):
        workshop.set_dots_per_voter(0)


def test_cause_tree_delete_subtree_and_undo(workshop):
    sid = add(workshop, "No buses", kind="not working")
    t = workshop.add_theme("Transport")
    workshop.assign([sid], t)
    root = workshop.add_cause(t, "No evening buses")
    child = workshop.add_cause(t, "Route was cut", parent_id=root)
    workshop.add_cause(t, "Budget fell", parent_id=child)
    workshop.vote("Ann", cause_id=child)
    causes = workshop.causes
    assert causes["depth"].tolist() == [1, 2, 3]
    assert causes["votes"].tolist() == [0, 1, 0]
    assert workshop.delete_cause(root, actor="F") == 3
    assert workshop.causes.empty and workshop.votes.empty
    workshop.undo("F")
    assert len(workshop.causes) == 3 and len(workshop.votes) == 1
    other = workshop.add_theme("Other")
    with pytest.raises(InputError, match="same theme"):
        workshop.add_cause(other, "Wrong", parent_id=root)


def test_success_and_actions_validate_and_link(workshop):
    t = workshop.add_theme("Transport")
    c = workshop.add_cause(t, "No evening buses")
    s = workshop.add_success(t, "person", "I get home safely after 6", c)
    workshop.add_success(t, "commissioner", "We fund evening transport")
    a = workshop.add_action(
        t, "Pilot a minibus", "Transport lead", "2027-03-31", cause_id=c, success_id=s
    )
    assert workshop.success_statements["voice"].tolist() == ["I", "We"]
    assert workshop.actions.set_index("action_id").loc[a, "cause_id"] == c
    with pytest.raises(InputError, match="not a date"):
        workshop.add_action(t, "x", "y", "next Tuesday")
    with pytest.raises(InputError, match="Perspective must be"):
        workshop.add_success(t, "cat", "x")
    workshop.edit_action(a, status="done")
    assert workshop.actions["status"].tolist() == ["done"]


def test_import_twice_adds_nothing_second_time_and_undo_takes_batch_back(workshop):
    items = [StatementIn.parse(f"R-{i}", "working", "person", f"text {i}") for i in range(50)]
    first = workshop.import_statements(items, source="a.csv", actor="F")
    second = workshop.import_statements(items, source="a.csv", actor="F")
    assert (first.added, first.skipped_duplicates) == (50, 0)
    assert (second.added, second.skipped_duplicates) == (0, 50)
    assert workshop.stats()["reviews"] == 50
    workshop.undo("F")
    assert workshop.statements.empty


def test_stats_shape(workshop):
    add(workshop, "a", kind="future", persp="staff")
    assert workshop.stats() == {
        "reviews": 1,
        "statements": {"working": 0, "not_working": 0, "future": 1},
        "perspectives": {"person": 0, "family": 0, "staff": 1, "other": 0},
        "themes": 0,
        "votes": 0,
        "causes": 0,
        "success_statements": 0,
        "actions": 0,
        "actions_by_status": {"not started": 0, "in progress": 0, "done": 0},
        "happening_already": 0,
        "ideas": 0,
        "indicators": 0,
        "measurements": 0,
        "you_said_we_did": 0,
    }


def test_dataframe_columns_are_stable(workshop):
    assert list(workshop.statements.columns) == [
        "statement_id",
        "review",
        "perspective",
        "kind",
        "text",
        "theme_id",
        "theme",
        "source",
        "created_at",
        "updated_at",
        "words_withheld",  # schema 7: True where the review has no consent (workbook.consent)
    ]
    assert list(workshop.themes.columns) == [
        "theme_id",
        "name",
        "i_statement",
        "statements",
        "working",
        "not_working",
        "future",
        "main_kind",
        "votes",
        "priority",
    ]
    assert list(workshop.causes.columns) == [
        "cause_id",
        "theme_id",
        "theme",
        "parent_id",
        "text",
        "depth",
        "votes",
    ]


def test_newer_schema_is_refused_plainly(tmp_path):
    ws = Workshop.create(tmp_path / "w", "W")
    with ws.store.engine.begin() as conn:
        conn.execute(db.meta.update().where(db.meta.c.key == "schema_version").values(value="99"))
    ws.close()
    with pytest.raises(InputError, match="newer version"):
        Workshop.open(tmp_path / "w")


def test_forward_migration_runs_once(tmp_path, monkeypatch):
    ws = Workshop.create(tmp_path / "w", "W")
    ws.close()
    calls = []

    def v_next(conn):
        calls.append(1)
        conn.execute(db.meta.insert().values(key="migrated", value="yes"))

    monkeypatch.setitem(db.MIGRATIONS, db.SCHEMA_VERSION + 1, v_next)
    Workshop.open(tmp_path / "w").close()
    Workshop.open(tmp_path / "w").close()
    assert calls == [1]
    assert Workshop.open(tmp_path / "w")._meta(ws.store, "migrated") == "yes"


def test_line_breaks_are_stored_as_newlines(workshop):
    add(workshop, "one\r\ntwo\rthree")
    assert workshop.statements["text"].tolist() == ["one\ntwo\nthree"]

"""Whole-workshop export to XLSX and JSON, and the round trip back into a new workshop."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook import InputError, Workshop
from workbook.io import exchange
from workbook.io.ingest import import_file

_counter = itertools.count()

texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60
).filter(lambda s: s.strip() and not set(s.strip()) <= set("\x00\x01\x02\x0b\x0c\x1f\x7f"))

statement = st.tuples(
    st.sampled_from(["R-1", "R-2", "007", "=1+1"]),
    st.sampled_from(["working", "not working", "future"]),
    st.sampled_from(["person", "family", "staff", "other"]),
    texts,
)


def build(ws: Workshop, rows, theme_names, moves, deletes) -> None:
    ids = []
    for ref, kind, persp, text in rows:
        try:
            ids.append(ws.add_statement(ref, kind, persp, text, actor="T"))
        except InputError:
            pass  # e.g. text that is only control characters: refused, as users are told
    themes = []
    for name in theme_names:
        try:
            themes.append(ws.add_theme(name, f"I {name}"))
        except InputError:
            pass
    for i, (s, t) in enumerate(moves):
        if ids and themes:
            ws.assign([ids[s % len(ids)]], themes[t % len(themes)], actor=f"T{i % 2}")
    if themes:
        cause = ws.add_cause(themes[0], "Why? Because <b>&</b>")
        ws.add_cause(themes[0], "And why?", parent_id=cause)
        s = ws.add_success(themes[0], "family", "I feel heard", cause)
        s2 = ws.add_success(themes[0], "commissioner", f"We {theme_names[0]}")
        idea = ws.add_idea(themes[0], "idea", f"Idea {theme_names[-1]}", actor="T1")
        ws.add_idea(themes[0], "already", "Happening <now>", actor="T1")
        action = ws.add_action(themes[0], "=HYPERLINK(x)", "Manager", "2027-01-31",
                               success_ids=[s, s2], idea_id=idea)
        ind = ws.add_indicator(s, f"Count {theme_names[0]}", 1.5, 9, baseline_on="2026-01-01",
                               target_on="2027-01-01", unit="%")
        ws.add_measurement(ind, "2026-06-01", 4.25, note=theme_names[-1])
        ws.add_feedback(themes[0], f"You said {theme_names[0]}", "We did <it>", action_id=action)
    for d in deletes:
        if ids:
            try:
                ws.delete_statement(ids[d % len(ids)])
            except InputError:
                pass
    try:
        ws.undo("T0")
    except InputError:
        pass


def round_trip(ws: Workshop, tmp_path, suffix: str, db_url=None) -> Workshop:
    n = next(_counter)
    out = tmp_path / f"export{n}{suffix}"
    (exchange.export_xlsx if suffix == ".xlsx" else exchange.export_json)(ws, out)
    fresh = Workshop.create(tmp_path / f"copy{n}", "Placeholder", db_url=db_url)
    import_file(fresh, out)
    return fresh


def same(a: Workshop, b: Workshop) -> None:
    """The same content; the history is not restored, nor the import batches it names."""
    da, db_ = exchange.dump(a), exchange.dump(b)
    assert db_["meta"] == da["meta"]
    for name, rows in da["tables"].items():
        if name in ("changes", "change_rows"):
            continue
        if name == "statements":
            rows = [{**r, "batch": None} for r in rows]
        assert db_["tables"][name] == rows, name
    for attr in ("statements", "themes", "causes", "success_statements", "actions", "votes",
                 "ideas", "indicators", "measurements", "feedback"):
        assert getattr(a, attr).equals(getattr(b, attr)), attr


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rows=st.lists(statement, min_size=0, max_size=12),
    theme_names=st.lists(texts, max_size=4),
    moves=st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), max_size=8),
    deletes=st.lists(st.integers(0, 50), max_size=3),
    suffix=st.sampled_from([".json", ".xlsx"]),
)
def test_export_then_import_gives_back_the_same_workshop(
    tmp_path, rows, theme_names, moves, deletes, suffix
):
    ws = Workshop.create(tmp_path / f"orig{next(_counter)}", "Round trip")
    build(ws, rows, theme_names, moves, deletes)
    copy = round_trip(ws, tmp_path, suffix)
    same(ws, copy)
    # The copy is a working workshop: its history starts with the restore, and writes go on.
    assert copy.history["summary"].iloc[-1].startswith("Restored the whole workshop from")
    sid = copy.add_statement("R-9", "future", "person", "after the copy")
    assert copy.undo() == "Undone: Added a statement for review R-9"
    assert sid not in set(copy.statements["statement_id"])
    ws.close()
    copy.close()


@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def test_round_trip_on_each_backend(tmp_path, backend, suffix):
    ws = Workshop.create(tmp_path / "orig", "Backend trip", db_url=backend())
    build(
        ws,
        [
            ("R-1", "not working", "person", "Buses <stop> & go"),
            ("R-2", "working", "staff", "Good team"),
        ],
        ["Transport", "Team"],
        [(0, 0), (1, 1)],
        [],
    )
    copy = round_trip(ws, tmp_path, suffix, db_url=backend())
    same(ws, copy)
    # Sequences are past the restored ids, so new rows do not collide.
    copy.add_theme("New after restore")
    ws.close()
    copy.close()


def test_restore_into_a_busy_workshop_is_refused(tmp_path):
    ws = Workshop.create(tmp_path / "a", "A")
    ws.add_statement("R", "working", "person", "x")
    out = exchange.export_json(ws, tmp_path / "a.json")
    with pytest.raises(InputError, match="new, empty workshop"):
        import_file(ws, out)


def test_formulas_in_text_stay_text_in_excel(tmp_path):
    from openpyxl import load_workbook

    ws = Workshop.create(tmp_path / "a", "A")
    ws.add_statement("R", "working", "person", "=1+1")
    out = exchange.export_xlsx(ws, tmp_path / "a.xlsx")
    sheet = load_workbook(out)["Statements"]
    assert sheet["E2"].value == "=1+1" and sheet["E2"].data_type == "s"

"""Fixtures the widget tests share: an empty workshop, and a room ready for WTfC steps 5-8."""

from __future__ import annotations

import pytest

from workbook import Workshop


@pytest.fixture
def ws(tmp_path, request):
    """An empty workshop on SQLite, named after the test module (modules may seed their own)."""
    workshop = Workshop.create(tmp_path / "ws", request.module.__name__.rsplit(".", 1)[-1])
    yield workshop
    workshop.close()


@pytest.fixture
def room(ws):
    """Two themes with statements, one voted for and with a cause: where steps 5-8 begin."""
    t = ws.add_theme("Getting out", "I go out when I want", actor="setup")
    money = ws.add_theme("Money", "I understand my money", actor="setup")
    ids = [ws.add_statement("R-1", "not_working", "person", "I can't get home after 6pm",
                            actor="setup"),
           ws.add_statement("R-2", "not_working", "family", "I drive her everywhere",
                            actor="setup")]
    ws.assign(ids, t, actor="setup")
    m = ws.add_statement("R-3", "not_working", "person", "I never have cash", actor="setup")
    ws.assign([m], money, actor="setup")
    ws.vote("A", theme_id=t, actor="setup")
    cause = ws.add_cause(t, "Support ends at 6pm", actor="setup")
    return {"theme": t, "money": money, "cause": cause}

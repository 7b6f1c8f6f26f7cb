"""A whole-workshop export carries the Prepare tables and each review's details; a restore
brings them all back, and refuses bad ones in plain words."""

from __future__ import annotations

import json

import pytest

from workbook import InputError, Workshop
from workbook.io import exchange
from workbook.io.ingest import import_file


def _prepare(ws: Workshop) -> None:
    ws.set_event(held_on="2026-06-01", place="Community hall", facilitators="Two leads",
                 reviews_planned=12, review_age_months=18, actor="facilitator")
    ws.add_invitee("Self-advocate", "person", support_needs=True, theming=True)
    gone = ws.add_invitee("Provider manager", "provider")
    ws.remove_invitee(gone)
    ws.tick_access("doors")
    ws.tick_access("travel")
    ws.tick_access("travel", False)
    ws.add_statement("R-1", "working", "person", "I like my garden")
    ws.edit_reviews({"R-1": {"reviewed_on": "2025-01-02", "review_type": "Annual",
                             "consent": False}})


def _seen(ws: Workshop) -> tuple:
    return (ws.event, ws.invitees(), ws.access_checklist(), ws.prepare_reviews())


@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def test_an_export_restores_the_event_invitees_checklist_and_review_details(workshop, tmp_path,
                                                                            suffix, backend):
    _prepare(workshop)
    path = tmp_path / f"export{suffix}"
    (exchange.export_json if suffix == ".json" else exchange.export_xlsx)(workshop, path)
    again = Workshop.create(tmp_path / "again", "Again", db_url=backend())
    restored = import_file(again, path).restored
    assert {"prepare_event", "prepare_invitees", "prepare_access"} <= set(restored)
    assert _seen(again) == _seen(workshop)
    again.tick_access("lifts")  # new rows after a restore get their own ids (PostgreSQL too)
    again.add_invitee("Parent carer", "family")
    assert len(again.invitees()) == 2
    again.close()


@pytest.mark.parametrize(("table", "change", "says"), [
    ("prepare_event", {"reviews_planned": -3}, "prepare_event row 1: The number of reviews"),
    ("prepare_invitees", {"role": "mayor"}, "prepare_invitees row 1: 'mayor' is not a role"),
    ("prepare_access", {"item": "moat"}, "prepare_access row 1: item 'moat' is not an item"),
    ("reviews", {"reviewed_on": "soon"}, "reviews row 1: The review date 'soon'"),
])
def test_a_bad_prepare_row_in_an_export_is_refused_and_nothing_written(workshop, tmp_path,
                                                                         table, change, says):
    _prepare(workshop)
    data = exchange.dump(workshop)
    data["tables"][table][0].update(change)
    target = Workshop.create(tmp_path / "target", "Target")
    with pytest.raises(InputError, match=says):
        exchange.restore(target, json.loads(json.dumps(data)))
    assert target.event.place == "" and target.invitees() == []
    target.close()

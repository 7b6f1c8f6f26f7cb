"""Restoring a whole workshop from the Collect page's upload is the facilitator's action only."""

from __future__ import annotations

import datetime as dt

import pytest

from widgets.stages.collect.page import CollectView
from workbook import Workshop
from workbook.access.roles import Access, Role
from workbook.io import exchange


@pytest.fixture
def export_bytes(tmp_path) -> bytes:
    with Workshop.create(tmp_path / "source", "Last spring") as src:
        src.add_statement("R-1", "working", "person", "My keyworker listens")
        src.add_statement("R-2", "not_working", "family", "Nobody rings back")
        return exchange.export_json(src, tmp_path / "backup.json").read_bytes()


def upload_and_import(view: CollectView, name: str, data: bytes) -> None:
    view.upload.value = ({"name": name, "type": "application/json", "size": len(data),
                          "content": memoryview(data),
                          "last_modified": dt.datetime(2025, 5, 1, tzinfo=dt.UTC)},)
    view.import_button.click()


def test_a_tables_page_refuses_a_whole_workshop_export(ws, export_bytes):
    view = CollectView(ws, access=Access(Role.TABLE, "laptop-1", "Table 1"))
    before = ws.revision
    upload_and_import(view, "backup.json", export_bytes)
    assert ws.revision == before and ws.statements.empty
    assert "only the facilitator can restore" in view.import_report.value
    view.close()


def test_the_facilitators_page_restores_it(ws, export_bytes):
    view = CollectView(ws)  # outside a served room the person at the machine is the facilitator
    assert view.is_facilitator
    upload_and_import(view, "backup.json", export_bytes)
    assert len(ws.statements) == 2 and ws.name == "Last spring"
    assert "restored the whole workshop" in view.import_report.value
    view.close()


def test_a_table_still_imports_statement_spreadsheets(ws):
    view = CollectView(ws, access=Access(Role.TABLE, "laptop-1", "Table 1"))
    csv = b"review,kind,perspective,text\nR-1,working,person,Good bus\n"
    upload_and_import(view, "council.csv", csv)
    assert len(ws.statements) == 1
    view.close()

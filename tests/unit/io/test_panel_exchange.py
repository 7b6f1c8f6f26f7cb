"""A whole-workshop export carries the young people's panel (settings, briefing ticks,
practice scores, recognition); a restore brings it back and refuses bad rows in plain words."""

from __future__ import annotations

import pytest

from workbook import InputError, Workshop
from workbook.io import exchange
from workbook.io.ingest import import_file
from workbook.paths import sample_dir
from workbook.tender.panel import briefing
from workbook.tender.panel.practice import practice_scores
from workbook.tender.panel.recognition import recognition
from workbook.tender.sample import load_tender_sample

TABLES = {"tender_panel_settings", "tender_briefings", "tender_practice", "tender_recognition"}


def _seen(ws: Workshop) -> tuple:
    return (briefing.settings(ws.tender), briefing.briefing_state(ws.tender, "Frankie"),
            practice_scores(ws.tender, "Amani"), recognition(ws.tender),
            [(a["member"], a["item"], a["ticked"]) for a in briefing.briefing_audit(ws.tender)])


@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def test_an_export_restores_the_panel(workshop, tmp_path, suffix, backend):
    load_tender_sample(workshop.tender, sample_dir() / "tender_evaluation.xlsx", demo=True)
    briefing.tick(workshop.tender, "Frankie", "conflict", False, actor="Frankie")
    path = tmp_path / f"export{suffix}"
    (exchange.export_json if suffix == ".json" else exchange.export_xlsx)(workshop, path)
    again = Workshop.create(tmp_path / "again", "Again", db_url=backend())
    restored = import_file(again, path).restored
    assert TABLES <= set(restored)
    assert _seen(again) == _seen(workshop)
    briefing.tick(again.tender, "Frankie", "conflict", True, actor="Frankie")  # new ids work
    assert briefing.is_briefed(again.tender, "Frankie")
    again.close()


@pytest.mark.parametrize(("table", "change", "says"), [
    ("tender_panel_settings", {"reward_kind": "gold"}, "tender_panel_settings row 1: Choose"),
    ("tender_panel_settings", {"half_day_rate": "-3"}, "tender_panel_settings row 1: The "
                                                       "half_day_rate must be from 0"),
    ("tender_briefings", {"item": "moat"}, "tender_briefings row 1: item 'moat'"),
    ("tender_practice", {"question": "P9"}, "tender_practice row 1: There is no practice"),
    ("tender_practice", {"score": 9}, "tender_practice row 1: score 9"),
    ("tender_recognition", {"hours_day": "1.1"}, "tender_recognition row 1: Give the hours_day"),
    ("tender_recognition", {"member_id": 999}, "tender_recognition row 1: member_id 999"),
])
def test_a_bad_panel_row_is_refused_and_nothing_written(workshop, tmp_path, table, change,
                                                         says):
    load_tender_sample(workshop.tender, sample_dir() / "tender_evaluation.xlsx", demo=True)
    data = exchange.dump(workshop)
    data["tables"][table][0].update(change)
    target = Workshop.create(tmp_path / "target", "Target")
    with pytest.raises(InputError, match=says):
        exchange.restore(target, data)
    assert target.tender.current_id() is None
    target.close()

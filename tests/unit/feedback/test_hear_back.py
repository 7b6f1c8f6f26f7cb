"""Who must hear back: the usual groups, groups added, when and how each was told, undo."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from workbook import InputError, Workshop
from workbook.feedback.vocab import STANDARD_GROUPS


@pytest.fixture
def ws(tmp_path, db_url):
    w = Workshop.create(tmp_path / "ws", "Hear back", db_url=db_url)
    yield w
    w.close()


def test_the_usual_groups_are_listed_untold_from_the_start(ws):
    hb = ws.hear_back
    assert list(hb["group"]) == list(STANDARD_GROUPS)
    assert not hb["told"].any() and set(hb["told_on"]) == {""}
    assert list(hb.columns) == ["hear_back_id", "group", "standard", "told", "told_on", "how",
                                "note"]


def test_telling_a_group_is_saved_and_undone(ws):
    ws.record_told("families and carers", "2026-04-02", "Letter", "With the newsletter",
                   actor="Table 1")
    row = ws.hear_back.set_index("group").loc["Families and carers"]
    assert (row["told"], row["told_on"], row["how"], row["note"]) == (
        True, "2026-04-02", "Letter", "With the newsletter")
    ws.record_told("Families and carers", "2026-05-01", "Meeting", actor="Table 1")
    assert ws.hear_back.set_index("group").loc["Families and carers", "how"] == "Meeting"
    assert ws.undo("Table 1") == "Undone: Recorded that “Families and carers” heard back"
    assert ws.hear_back.set_index("group").loc["Families and carers", "how"] == "Letter"
    ws.mark_not_told("Families and carers")
    row = ws.hear_back.set_index("group").loc["Families and carers"]
    assert (row["told"], row["told_on"], row["how"]) == (False, "", "")


def test_groups_are_added_and_taken_off(ws):
    assert ws.add_hear_back_group("  Youth   council ") == "Youth council"
    with pytest.raises(InputError, match="“Youth council” is already on the list"):
        ws.add_hear_back_group("YOUTH COUNCIL")
    with pytest.raises(InputError, match="“Staff” is already on the list"):
        ws.add_hear_back_group("staff")
    ws.remove_hear_back_group("Providers")  # a usual group: not needed at this event
    ws.record_told("Youth council", "2026-01-10", "Email")
    assert list(ws.hear_back["group"]) == [
        "People whose reviews were used", "Families and carers", "Staff", "The board",
        "Youth council"]
    with pytest.raises(InputError, match="“Providers” is not on the list"):
        ws.record_told("Providers", "2026-01-10", "Email")
    assert ws.add_hear_back_group("providers") == "Providers"  # back, in its usual place
    ws.remove_hear_back_group("Youth council")
    assert list(ws.hear_back["group"]) == list(STANDARD_GROUPS)
    ws.undo()
    assert ws.hear_back.set_index("group").loc["Youth council", "told_on"] == "2026-01-10"


@pytest.mark.parametrize(("args", "match"), [
    (("Staff", None, "Email"), "Choose the date they were told"),
    (("Staff", "next week", "Email"), "is not a date"),
    (("Staff", (date.today() + timedelta(days=1)).isoformat(), "Email"), "is in the future"),
    (("Staff", "2026-01-01", " "), "Say how they were told"),
    (("Nobody here", "2026-01-01", "Email"), "“Nobody here” is not on the list"),
    (("", "2026-01-01", "Email"), "group name is blank"),
])
def test_bad_telling_says_what_to_fix_and_writes_nothing(ws, args, match):
    rev = ws.store.revision()
    with pytest.raises(InputError, match=match):
        ws.record_told(*args)
    assert ws.store.revision() == rev


def test_taking_back_a_telling_that_never_was_is_refused(ws):
    with pytest.raises(InputError, match="has not been recorded as told"):
        ws.mark_not_told("Staff")

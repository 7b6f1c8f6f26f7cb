"""The eight steps: their numbers, names and pages, the old page names, and who may open what."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from workbook.access.roles import MEMBER_PAGE, Access, Role, table_may_open
from workbook.paths import CHECKOUT_DIR
from workbook.serving import room
from workbook.steps import FACILITATOR_PAGES, OLD_PAGES, STEPS, new_page, step

NOTEBOOKS = CHECKOUT_DIR / "notebooks"


def test_the_eight_steps_as_facilitators_learn_them():
    assert [(s.number, s.name) for s in STEPS] == [
        (1, "Prepare"), (2, "Collect"), (3, "Theme"), (4, "Understand"),
        (5, "Identify success"), (6, "Plan"), (7, "Implement"), (8, "Review")]
    assert [s.page for s in STEPS] == [
        "01_prepare.ipynb", "02_collect.ipynb", "03_theme.ipynb", "04_understand.ipynb",
        "05_success.ipynb", "06_plan.ipynb", "07_implement.ipynb", "08_review.ipynb"]
    assert step(4).title == "Step 4 · Understand"
    assert step(6).header == "Step 6 · Plan: who will do what, by when?"
    assert step(8).heading("you said, we did") == "Step 8 · Review: you said, we did"
    assert all(s.asks.endswith(".") and len(s.asks) < 160 for s in STEPS)
    assert FACILITATOR_PAGES == {"01_prepare.ipynb"}


@pytest.mark.parametrize("old, new", [
    ("01_collect.ipynb", "02_collect.ipynb"), ("02_theme.ipynb", "03_theme.ipynb"),
    ("03_root_cause.ipynb", "04_understand.ipynb"), ("04_success.ipynb", "05_success.ipynb"),
    ("05_action_plan.ipynb", "06_plan.ipynb"), ("06_review.ipynb", "08_review.ipynb")])
def test_old_page_names_lead_to_their_steps_page(old, new):
    assert new_page(old) == new
    assert not (NOTEBOOKS / old).exists() and (NOTEBOOKS / new).exists()
    # the whole query goes along (a key, a table, a theme), as it came
    assert room.moved_to(old, "key=K1&table=Table%202") == f"{new}?key=K1&table=Table%202"
    assert room.moved_to(old, "") == new


def test_only_old_names_at_the_top_move():
    assert set(OLD_PAGES) & {s.page for s in STEPS} == set()  # a redirect never loops
    for path in ("02_collect.ipynb", "tender_scoring.ipynb", "sub/01_collect.ipynb",
                 "01_collect", "x01_collect.ipynb"):
        assert room.moved_to(path, "table=Red") is None


class FakeHandler:
    def __init__(self, access: Access, table: str | None = None):
        self.current_user = room.user_for(access)
        self._args = {"table": table}
        self.identity_provider = SimpleNamespace(
            remember_label=lambda _h, label: room.user_for(access, label))

    def get_argument(self, name, default=None):
        return self._args.get(name) or default


def test_a_table_may_not_open_the_facilitators_pages():
    assert not table_may_open("01_prepare.ipynb") and not table_may_open(MEMBER_PAGE)
    assert table_may_open("02_collect.ipynb") and table_may_open("00_workshop.ipynb")
    table = Access(Role.TABLE, "a1b2c3", "Red")
    with pytest.raises(room.Refused) as refused:
        room.page_access(FakeHandler(table), "01_prepare.ipynb")
    assert refused.value.status == 403 and "facilitator" in refused.value.message
    assert room.page_access(FakeHandler(table), "02_collect.ipynb").label == "Red"
    boss = Access(Role.FACILITATOR)
    assert room.page_access(FakeHandler(boss), "01_prepare.ipynb").is_facilitator

"""Consent on the pages (Collect, Theme) and the facilitator's panel that erases a review."""

from __future__ import annotations

import html
import json

import pytest
from sqlalchemy import select

from tests.consent_room import SECRET, SECRET_TOO, SHOWN, fill
from tests.widgets.helpers import html_values
from widgets.stages.collect.page import CollectView
from widgets.stages.prepare.forget import ONLY_FACILITATOR, ForgetPanel
from widgets.stages.theme.page import ThemeView
from workbook.access.roles import Access, Role
from workbook.consent.rule import WITHHELD
from workbook.store import db

WORDS = ("giraffe", "zebra")


def page_text(view) -> str:
    return html.unescape("\n".join(html_values(view)))


@pytest.fixture
def room(ws):
    return fill(ws)


@pytest.mark.parametrize("table", [None, "Table 1"])  # the big screen and a table
def test_collect_page_shows_a_placeholder_not_the_words(ws, room, table):
    view = CollectView(ws, table=table)
    try:
        text = page_text(view)
        assert SHOWN in text and WITHHELD in text
        assert not any(word in text for word in WORDS)
        assert not any(word in label for label, _ in view.edit_select.options
                       for word in WORDS)
        # chosen to change: the words are not put in the box, which cannot be typed in
        view.edit_select.value = room["secret"]
        assert "giraffe" not in view.edit_text.value and view.edit_text.disabled
        view.edit_kind.value = "working"  # kind and whose view can still be put right
        view.save_button.click()
        assert ws.statements.set_index("statement_id").loc[room["secret"], "kind"] == "working"
        with ws.store.read() as conn:
            assert conn.execute(select(db.statements.c.text).where(
                db.statements.c.id == room["secret"])).scalar() == SECRET
        # a search by the words finds nothing, so it cannot tell the room what they say
        view.search.value = "giraffe"
        assert "No statements" in view.list_html.value
    finally:
        view.close()


@pytest.mark.parametrize("table", [None, "Table 1"])
def test_theme_page_shows_a_placeholder_not_the_words(ws, room, table):
    view = ThemeView(ws, table=table)
    try:
        text = page_text(view) + json.dumps(view.board.data, ensure_ascii=False)
        text += "\n".join(label for label, _ in view.card_select.options)
        assert SHOWN in text and WITHHELD in text
        assert not any(word in text for word in WORDS)
        assert view.board.data["themes"][0]["total"] == 4  # still counted
    finally:
        view.close()


def test_the_panel_erases_a_review_once_confirmed(ws, room):
    panel = ForgetPanel(ws)
    labels = [label for label, _ in panel.review.options]
    assert "R-NO (2 statements)" in labels and "cannot be undone" in page_text(panel)
    panel.review.value = "R-NO"
    assert panel.erase_button.disabled  # not until the reference is typed again
    panel.confirm.value = "R-N0"  # a slip: nothing happens
    panel.erase()
    assert "type the review's reference exactly: R-NO" in panel.messages.text
    assert len(ws.statements) == 4
    panel.confirm.value = " r-no "
    assert not panel.erase_button.disabled
    panel.erase_button.click()
    assert "Erased the words of review R-NO: 2 statements" in panel.messages.text
    assert "cannot be undone" in panel.messages.text
    with ws.store.read() as conn:
        left = conn.execute(select(db.statements.c.text)).scalars().all()
        history = " ".join(str(v) for row in conn.execute(select(db.change_rows)).all()
                           for v in row)
    assert SECRET not in left and SECRET_TOO not in left and len(left) == 2
    assert "giraffe" not in history
    assert "R-NO (" not in " ".join(label for label, _ in panel.review.options)
    assert panel.review.value == "" and panel.confirm.value == ""
    assert ws.history.iloc[-1]["actor"] == "Big screen"


def test_nothing_chosen_says_what_to_do(ws, room):
    panel = ForgetPanel(ws)
    panel.erase()
    assert "Choose the review to erase first" in panel.messages.text
    assert len(ws.statements) == 4


def test_only_the_facilitator_may_erase(ws, room):
    table = Access(Role.TABLE, "abc123", "Table 1")
    panel = ForgetPanel(ws, access=table)
    assert ONLY_FACILITATOR in page_text(panel)
    assert "R-NO" not in page_text(panel)  # not even the list of reviews
    panel.review.options = [("R-NO", "R-NO")]  # a crafted message still gets nowhere
    panel.review.value = "R-NO"
    panel.confirm.value = "R-NO"
    panel.erase()
    assert ONLY_FACILITATOR in panel.messages.text
    assert len(ws.statements) == 4

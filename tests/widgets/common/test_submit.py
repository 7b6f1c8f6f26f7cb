"""Nothing typed is lost: add buttons save what the browser showed when clicked, recognise a
repeated click by what it carries (never by a clock), and clear a box only if it still holds
the words saved. `receive` is the message a browser click sends (widgets/common/submit.py)."""

from __future__ import annotations

import itertools

import pytest

from widgets.stages.collect.page import CollectView
from widgets.stages.plan.page import ActionPlanView
from widgets.stages.review.page import ReviewView
from widgets.stages.success import SuccessView
from widgets.stages.theme.page import ThemeView
from widgets.stages.understand.page import RootCauseView

_seq = itertools.count(1)


def sent(button) -> list[dict]:
    """Messages the kernel sends to the button's browser side (recorded by the fixture)."""
    return button.sent_for_test


def watch_sends(button) -> None:
    button.sent_for_test = []
    button.send = lambda msg, buffers=None: button.sent_for_test.append(msg)


def browser_click(button, values: dict, form: str = "page-1", edits: int | None = None,
                  seq: int | None = None) -> None:
    """What the browser sends: the fields' values as the browser shows them."""
    carried = {}
    for widget, value in values.items():
        if hasattr(widget, "_options_values"):
            carried[widget.model_id] = {"index": list(widget._options_values).index(value)}
        else:
            carried[widget.model_id] = {"value": value}
    button.receive({"event": "submit", "form": form, "seq": next(_seq) if seq is None else seq,
                    "edits": next(_seq) if edits is None else edits, "values": carried})


@pytest.fixture
def collect(ws):
    v = CollectView(ws, table="Table 1")
    v.review_ref.value, v.kind.value = "R-001", "working"
    watch_sends(v.add_button)
    yield v
    v.close()


def form_of(v: CollectView, text: str) -> dict:
    return {v.review_ref: "R-001", v.perspective: "person", v.kind: "working", v.text: text}


def texts(ws) -> list[str]:
    return list(ws.statements["text"])


def test_a_click_that_overtakes_its_words_saves_the_words(collect, ws):
    """The browser sends the click at once and the box's words a moment later: the kernel's
    box is still empty (cleared after the last save) when the click comes. Today's form
    dropped that click in silence; the click now carries the words."""
    collect.text.value = "First"
    collect.add_button.click()
    assert collect.text.value == ""
    browser_click(collect.add_button, form_of(collect, "Second, typed fast"))
    assert texts(ws) == ["First", "Second, typed fast"]
    assert "Added statement No." in collect.messages.text
    # The browser is told which words were saved, to empty the box if it still holds them.
    told = sent(collect.add_button)[-1]
    assert told["event"] == "saved"
    assert told["clear"] == {collect.text.model_id: "Second, typed fast"}


def test_words_typed_between_save_and_clear_stay(collect, ws):
    """The kernel already holds the next statement when the click for the one before comes:
    that one is saved, the next stays in its box."""
    collect.text.value = "Typed after pressing Add"
    browser_click(collect.add_button, form_of(collect, "Pressed Add with this"))
    assert texts(ws) == ["Pressed Add with this"]
    assert collect.text.value == "Typed after pressing Add"  # the kernel never wipes it


def test_empty_click_right_after_a_success_is_told_not_silent(collect, ws):
    collect.text.value = "Something working"
    collect.add_button.click()
    browser_click(collect.add_button, form_of(collect, ""))
    assert texts(ws) == ["Something working"]
    assert collect.messages.kind == "info"
    assert "Nothing was added: the box is empty" in collect.messages.text


def test_a_double_click_is_recognised_by_what_it_carries(collect, ws):
    """Two clicks with no change to the form in the browser between them (same edit count):
    one statement, and a message saying the second did not add it again."""
    browser_click(collect.add_button, form_of(collect, "Once only"), edits=7)
    browser_click(collect.add_button, form_of(collect, "Once only"), edits=7)
    assert texts(ws) == ["Once only"]
    assert "Already saved" in collect.messages.text
    # The same words typed again on purpose (the form changed in between) are a new statement.
    browser_click(collect.add_button, form_of(collect, "Once only"), edits=9)
    assert texts(ws) == ["Once only", "Once only"]


def test_a_refused_click_keeps_the_words_and_says_why(collect, ws):
    collect.kind.value = None
    collect.text.value = "Kept in the box"
    collect.add_button.click()
    assert texts(ws) == []
    assert collect.text.value == "Kept in the box"
    assert collect.messages.kind == "error" and "Choose the kind" in collect.messages.text


# --- every other add form that clears its box ------------------------------------------------
def _cause(room, ws):
    v = RootCauseView(ws, table="Table 2")
    v.theme_select.value = room["theme"]
    return v, v.add_cause_button, v.cause_text, lambda: list(ws.causes["text"])


def _success(room, ws):
    v = SuccessView(ws, table="Table 2")
    v.theme_select.value = room["theme"]
    return v, v.add_button, v.success_text, lambda: list(ws.success_statements["text"])


def _idea(room, ws):
    v = ActionPlanView(ws, table="Table 2")
    v.theme_select.value = room["theme"]
    return v, v.add_idea_button, v.idea_text, lambda: list(ws.ideas["text"])


def _theme(room, ws):
    v = ThemeView(ws, table="Table 2")
    return v, v.add_theme_button, v.new_theme_name, lambda: list(ws.themes["name"])


def _feedback(room, ws):
    v = ReviewView(ws, table="Table 2")
    v.theme_select.value = room["theme"]
    v.you_said.value = "You said the bus was late"
    return v, v.add_feedback_button, v.we_did, lambda: list(ws.feedback["we_did"])


@pytest.mark.parametrize("make", [_cause, _success, _idea, _theme, _feedback],
                         ids=["cause", "success", "idea", "theme", "you-said-we-did"])
def test_every_add_form_saves_what_was_clicked_and_keeps_later_words(room, ws, make):
    view, button, box, saved = make(room, ws)
    watch_sends(button)
    try:
        box.value = "Typed after pressing"
        browser_click(button, {box: "Words when pressed"})
        assert "Words when pressed" in saved(), view.messages.text
        assert box.value == "Typed after pressing"
        # An empty click after a save is told, never silent, and adds nothing.
        before = saved()
        browser_click(button, {box: ""})
        assert saved() == before
        assert view.messages.text
        assert view.messages.kind in ("info", "error")
    finally:
        view.close()

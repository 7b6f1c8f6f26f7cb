"""A panel member's scoring screen: one bid, one question, a score 0-5 and a reason."""

from __future__ import annotations

from datetime import datetime

import ipywidgets as w

from widgets.common.cards import esc
from widgets.common.controls import STYLE, labelled_box, set_options, wide
from widgets.common.messages import guarded
from widgets.common.page import Drawer, Hush
from widgets.tender.bids.bid_pane import BidPane
from widgets.tender.parts import (
    bidder_options,
    question_options,
    score_buttons,
    score_options,
    scroll_box,
    table_html,
)
from workbook import InputError
from workbook.tender.funding.scope import cells, open_bidders
from workbook.tender.model import Evaluation
from workbook.tender.panel.briefing import require_briefed
from workbook.tender.views import member_progress, next_unscored, what_changed

PLACES = ["1st (favourite)", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th"]


class ScoringSection:
    """Built for one member at a time; their scores are hidden from others until they submit."""

    def __init__(self, page):
        self.page = page
        self.messages = page.messages
        self.quiet = Hush()
        self.ev: Evaluation | None = None
        self.roster: list[dict] = []
        self.who = w.Dropdown(description="Who is scoring?", options=[], layout=wide(60),
                              style=STYLE)
        self.who.observe(lambda _c: None if self.quiet.on else self.page.redraw(set()), "value")
        self.bidder_select = w.Dropdown(description="Bid", layout=w.Layout(width="48%"),
                                        style=STYLE)
        self.question_select = w.Dropdown(description="Question", layout=w.Layout(width="48%"),
                                          style=STYLE)
        for control in (self.bidder_select, self.question_select):
            control.observe(self._on_cell, "value")
        # Beside the score: the question, its weight, what a 5 looks like, the bid's answer
        # and the bidder's profile (stacked under the question on a phone).
        self.bid_pane = BidPane()
        self.question_html = self.bid_pane.card
        self.score_buttons = score_buttons("Your score")
        self.reason = w.Textarea(description="Why? (needed)", layout=wide(60, height="5rem"),
                                 style=STYLE, placeholder="Say why you gave this score")
        self.save_button = w.Button(description="Save score", button_style="primary",
                                    tooltip="Save this score and its reason")
        self.save_button.on_click(lambda _b: self.save())
        self.progress = w.HTML()
        self.submit_button = w.Button(description="Submit my scores", button_style="success",
                                      tooltip="Hand in: then the panel can see your scores")
        self.submit_button.on_click(lambda _b: self.submit())
        self.mine = w.HTML()
        self.order = [w.Dropdown(description=PLACES[i] if i < len(PLACES) else f"{i + 1}th",
                                 style=STYLE, layout=wide(60)) for i in range(10)]
        self.order_box = w.VBox()
        self.order_button = w.Button(description="Save my order", tooltip="Save your "
                                     "favourite to least favourite order of the bids")
        self.order_button.on_click(lambda _b: self.save_order())
        # One laptop screen (1366x768): the question, the score buttons, the reason and Save.
        # The list so far and the favourite order open on demand, beside Submit.
        self.mine_drawer = Drawer("My scores so far", [self.mine])
        self.order_drawer = Drawer("My favourite to least favourite",
                                   [self.order_box, w.HBox([self.order_button])])
        self.box = w.VBox([
            self.who,
            labelled_box("Score a bid", [
                w.HBox([self.bidder_select, self.question_select],
                       layout=w.Layout(width="100%", grid_gap="1rem")),
                w.HBox([self.bid_pane.box, w.VBox([
                    self.score_buttons, self.reason,
                    w.HBox([self.save_button, self.progress],
                           layout=w.Layout(align_items="center", grid_gap="1rem"))],
                    layout=w.Layout(flex="3 1 26rem", min_width="0"))],
                    layout=w.Layout(width="100%", flex_flow="row wrap", grid_gap="1rem",
                                    align_items="flex-start"))]),
            w.HBox([self.submit_button, self.mine_drawer, self.order_drawer],
                   layout=w.Layout(width="100%", grid_gap="1rem", align_items="flex-start")),
        ])
        self.box.add_class("wtfc-tender-scoring")
        # A submitted sheet is final for the member: a note and the scores they handed in
        # take the form's place (read-only); only the facilitator can reopen it.
        self.sheet_note = w.HTML()
        self.sheet_note.add_class("wtfc-tender-sheet-note")
        self.form_parts = list(self.box.children[1:])
        self.box.children = [self.box.children[0], self.sheet_note, *self.form_parts]
        self._undo_hidden = False

    # --- who, and what they may see ----------------------------------------------------------
    @property
    def member(self) -> str | None:
        return self.who.value

    def _me(self) -> dict | None:
        return next((m for m in self.roster if m["name"] == self.member), None)

    def redraw(self, roster: list[dict]) -> None:
        self.roster = roster
        names = [(f"{m['name']} ({m['panel']})", m["name"]) for m in roster]
        fixed = self.page.table in {m["name"] for m in roster}
        with self.quiet():
            set_options(self.who, names, self.page.table if fixed else self.who.value)
        self.who.layout.display = "none" if fixed else None
        me = self._me()
        for part in self.box.children[1:]:
            part.layout.display = None if me else "none"
        self._show_undo(me is None or not me["submitted_at"])
        if me is None:
            return
        self.ev, _ = self.page.workshop.tender.evaluation(viewer=me["name"])
        ev = self.ev
        with self.quiet():
            self.score_buttons.options = score_options(ev.descriptors)
            set_options(self.question_select, question_options(ev, me["panel"]),
                        self.question_select.value)
            self._offer_bids()
        self._fill_cell()
        self._draw_mine(me)
        self._draw_order(me)
        self._draw_sheet(me)

    def _own(self) -> dict[tuple[str, str], tuple[int, str]]:
        if self.ev is None:
            return {}
        return {(s.bidder, s.question): (s.score, s.reason) for s in self.ev.scores
                if s.member == self.member}

    def _offer_bids(self) -> None:
        """The bids scored on the chosen question: in a later stage, the shortlisted only."""
        if self.ev is not None:
            shown = set(open_bidders(self.ev, self.question_select.value))
            set_options(self.bidder_select, [o for o in bidder_options(self.ev)
                                             if o[1] in shown], self.bidder_select.value)

    def _on_cell(self, change=None) -> None:
        if not self.quiet.on:
            if change is not None and change.get("owner") is self.question_select:
                with self.quiet():
                    self._offer_bids()
            self._fill_cell()

    def _fill_cell(self) -> None:
        ev, me = self.ev, self._me()
        if ev is None or me is None:
            return
        self.bid_pane.show(ev, me["panel"], self.bidder_select.value,
                           self.question_select.value)
        score, reason = self._own().get((self.bidder_select.value, self.question_select.value),
                                        (None, ""))
        with self.quiet():
            self.score_buttons.value = score
            self.reason.value = reason
        locked = bool(me["submitted_at"])
        for control in (self.score_buttons, self.reason, self.save_button, self.submit_button,
                        self.order_button):
            control.disabled = locked

    def _draw_mine(self, me: dict) -> None:
        ev = self.ev
        done, total = member_progress(ev, me["panel"], me["name"])
        state = (f"Submitted: thank you, {me['name']}." if me["submitted_at"] else
                 "All scored: check them, then submit." if done == total else
                 f"{total - done} still to score.")
        changed = (f"<p class='wtfc-tender-changed'>{esc(what_changed(ev))}</p>"
                   if me["submitted_at"] else "")
        self.progress.value = (f"<p class='wtfc-tender-progress' role='status'>"
                               f"<strong>{done} of {total} scored.</strong> {esc(state)}</p>"
                               + changed)
        own = self._own()
        rows = [(b, q, *own[(b, q)]) for b, q in cells(ev, me["panel"]) if (b, q) in own]
        self.mine.value = scroll_box(table_html(
            ("Bid", "Question", "Score", "Reason"), rows,
            f"{len(rows)} of {total} scored by {me['name']}"), "My scores so far",
            noun="score")

    def _show_undo(self, on: bool) -> None:
        """Undo never takes back a submit (the store skips it and keeps submitted scores),
        so a submitted member's page has no Undo at all: the note says who can reopen."""
        button = getattr(self.page, "undo_button", None)
        if button is None or (on and not self._undo_hidden):
            return
        button.layout.display = None if on else "none"
        button.disabled = not on
        self._undo_hidden = not on

    def _draw_sheet(self, me: dict) -> None:
        """Submitted: the note and the submitted scores, read-only, instead of the form.
        Reopened: why, then the form as before."""
        locked = bool(me["submitted_at"])
        for part in self.form_parts:
            part.layout.display = "none" if locked else None
        last = next((h for h in reversed(self.page.workshop.tender.submissions())
                     if h["member"] == me["name"]), None)
        if locked:
            ev = self.ev
            own = self._own()
            rows = [(b, q, *own[(b, q)]) for b, q in cells(ev, me["panel"]) if (b, q) in own]
            order = next((r.order for r in ev.rankings if r.member == me["name"]), ())
            order_html = (f"<p>Your order of the bids, favourite first: "
                          f"{esc(', '.join(order))}.</p>" if order else "")
            self.sheet_note.value = (
                f"<p class='wtfc-tender-sealed' role='status'><strong>Submitted "
                f"{esc(when(me['submitted_at']))}: your scores are final.</strong> They cannot "
                "be changed or undone from this page. If something needs changing, ask the "
                "facilitator: only the facilitator can reopen your score sheet.</p>"
                f"<p class='wtfc-tender-changed'>{esc(what_changed(ev))}</p>{order_html}"
                + scroll_box(table_html(("Bid", "Question", "Score", "Reason"), rows,
                                        f"The {len(rows)} scores {me['name']} submitted"),
                             "My submitted scores", noun="score"))
        elif last is not None and last["action"] == "reopened":
            self.sheet_note.value = (
                f"<p class='wtfc-tender-reopened' role='status'><strong>The facilitator "
                f"reopened your score sheet {esc(when(last['at']))}</strong> because: "
                f"{esc(last['reason'])}. Change what you need to, then submit again: until "
                "you do, your scores do not count.</p>")
        self.sheet_note.layout.display = None if locked or (
            last is not None and last["action"] == "reopened") else "none"

    def _draw_order(self, me: dict) -> None:
        ev = self.ev
        options = [("Choose a bid", None)] + bidder_options(ev)
        current = next((r.order for r in ev.rankings if r.member == me["name"]), ())
        n = len(ev.bidders)
        with self.quiet():
            for i, dd in enumerate(self.order[:n]):
                set_options(dd, options, current[i] if i < len(current) else dd.value)
        self.order_box.children = self.order[:n]

    # --- actions -------------------------------------------------------------------------------
    @guarded
    def save(self) -> None:
        require_briefed(self.page.workshop.tender, self.member)
        if self.score_buttons.value is None:
            raise InputError("Choose a score from 0 to 5 first.")
        b, q = self.bidder_select.value, self.question_select.value
        self.page.workshop.tender.score(self.member, b, q, self.score_buttons.value,
                                        self.reason.value, actor=self.page.actor)
        self.page.after_write(f"Saved: {b} {q} scored {self.score_buttons.value}.")
        me = self._me()
        nxt = next_unscored(self.ev, me["panel"], me["name"]) if me and self.ev else None
        if nxt:  # move on to the next bid and question still to score
            with self.quiet():  # the question first: it decides which bids are offered
                self.question_select.value = nxt[1]
                self._offer_bids()
                self.bidder_select.value = nxt[0]
            self._fill_cell()

    @guarded
    def submit(self) -> None:
        require_briefed(self.page.workshop.tender, self.member)
        self.page.workshop.tender.submit(self.member, actor=self.page.actor)
        self.page.after_write("Submitted. Your scores are final and your panel can now see "
                              "them; only the facilitator can reopen your sheet.")

    @guarded
    def save_order(self) -> None:
        n = len(self.ev.bidders) if self.ev else 0
        chosen = [dd.value for dd in self.order[:n]]
        if None in chosen:
            raise InputError("Choose a bid for every place, favourite first.")
        self.page.workshop.tender.rank(self.member, chosen, actor=self.page.actor)
        self.page.after_write("Saved your order of the bids.")


def when(at: str | None) -> str:
    """'on 1 April 2026 at 14:05' (this machine's time) from a stored ISO time."""
    if not at:
        return ""
    try:
        t = datetime.fromisoformat(at).astimezone()
    except ValueError:
        return ""
    return f"on {t.day} {t:%B %Y} at {t:%H:%M}"

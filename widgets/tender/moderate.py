"""Moderation on the big screen: each member's score, the spread, flags, and the agreed score."""

from __future__ import annotations

import ipywidgets as w

from widgets.common.cards import esc
from widgets.common.controls import STYLE, labelled_box, set_options, wide
from widgets.common.messages import guarded
from widgets.common.page import Drawer, Hush
from widgets.tender.parts import (
    bidder_options,
    question_options,
    score_buttons,
    score_options,
    scroll_box,
    table_html,
)
from workbook import InputError
from workbook.tender.model import Evaluation
from workbook.tender.views import FLAG_SPREAD, ModerationCell, moderation

FACILITATOR_ONLY = "Only the facilitator can {what}, from the facilitator's page."


def facilitator(page) -> bool:
    """Whether this page is the facilitator's (the page's role, else the big screen)."""
    return bool(getattr(page, "is_facilitator", page.table is None))


def need_facilitator(page, what: str) -> None:
    if not facilitator(page):
        raise InputError(FACILITATOR_ONLY.format(what=what))


class ModerationSection:
    """Choose a panel and a cell; see what each submitted member gave; agree a score."""

    def __init__(self, page):
        self.page = page
        self.messages = page.messages
        self.quiet = Hush()
        self.ev: Evaluation | None = None
        self.cells: list[ModerationCell] = []
        self.panel_select = w.Dropdown(description="Panel", style=STYLE,
                                       layout=wide(34))
        self.panel_select.observe(lambda _c: self._redraw_panel(), "value")
        self.bidder_select = w.Dropdown(description="Bid", layout=wide(60), style=STYLE)
        self.question_select = w.Dropdown(description="Question", layout=wide(60), style=STYLE)
        for control in (self.bidder_select, self.question_select):
            control.observe(lambda _c: None if self.quiet.on else self._draw_cell(), "value")
        self.next_flag_button = w.Button(description="Next flagged",
                                         layout=w.Layout(flex="0 0 auto"),
                                         tooltip="Go to the next score with members two or "
                                                 "more points apart")
        self.next_flag_button.on_click(lambda _b: self.next_flagged())
        self.cell_html = w.HTML()
        self.flags_html = w.HTML()
        self.waiting = w.HTML()
        self.agreed_buttons = score_buttons("Agreed score")
        self.agreed_reason = w.Textarea(description="Why the panel agreed it (needed)",
                                        layout=wide(60, height="4rem"), style=STYLE)
        self.agree_button = w.Button(description="Save agreed score", button_style="primary")
        self.agree_button.on_click(lambda _b: self.agree())
        # Reopening a submitted sheet is rare and needs a reason: it opens on demand, below
        # the members' scores (where the left column has room).
        self.reopen_member = w.Dropdown(description="Score sheet of", style=STYLE,
                                        layout=wide(34))
        self.reopen_reason = w.Textarea(description="Why reopen it? (needed, kept in the "
                                        "record)", layout=wide(60, height="4rem"), style=STYLE)
        self.reopen_button = w.Button(description="Reopen score sheet", button_style="warning",
                                      tooltip="Let this member change their submitted scores; "
                                              "they count again when the member submits again")
        self.reopen_button.on_click(lambda _b: self.reopen())
        self.trail_html = w.HTML()
        self.reopen_drawer = Drawer("Reopen a submitted score sheet", [
            self.reopen_member, self.reopen_reason, w.HBox([self.reopen_button]),
            self.trail_html])
        self.box = w.HBox([
            labelled_box("Moderate a score", [
                w.HBox([self.panel_select, self.next_flag_button],
                       layout=w.Layout(grid_gap="1rem")),
                self.bidder_select, self.question_select, self.cell_html,
                self.reopen_drawer]),
            w.VBox([
                labelled_box("Agree the panel's score", [
                    self.agreed_buttons, self.agreed_reason, w.HBox([self.agree_button])]),
                labelled_box("Flagged for discussion", [self.waiting, self.flags_html]),
            ], layout=w.Layout(width="100%")),
        ], layout=w.Layout(width="100%", grid_gap="1rem"))
        self.box.add_class("wtfc-tender-moderation")

    def redraw(self, ev: Evaluation, roster: list[dict]) -> None:
        self.ev, self.roster = ev, roster
        with self.quiet():
            set_options(self.panel_select, [(p.panel, p.panel) for p in ev.panels],
                        self.panel_select.value)
            self.agreed_buttons.options = score_options(ev.descriptors)
        self._redraw_panel()

    def _redraw_panel(self) -> None:
        if self.quiet.on or self.ev is None or self.panel_select.value is None:
            return
        ev, panel = self.ev, self.panel_select.value
        with self.quiet():
            set_options(self.bidder_select, bidder_options(ev), self.bidder_select.value)
            set_options(self.question_select, question_options(ev, panel),
                        self.question_select.value)
        self.cells = moderation(ev, panel)
        flagged = [c for c in self.cells if c.flagged]
        pending = [c for c in flagged if c.agreed is None]
        rows = [(c.bidder, c.question, ", ".join(str(g.score) for g in c.given), c.spread,
                 "✔ agreed " + str(c.agreed) if c.agreed is not None else "⚑ to discuss")
                for c in flagged]
        self.flags_html.value = (
            f"<p><strong>{len(pending)} to discuss</strong>, {len(flagged) - len(pending)} "
            f"agreed, of {len(flagged)} flagged ({FLAG_SPREAD} or more points apart).</p>"
            + scroll_box(table_html(("Bid", "Question", "Scores", "Spread", "Status"), rows,
                                    f"{len(flagged)} flagged scores for {panel}"),
                         f"Flagged scores for {panel}", noun="flagged score",
                         nouns="flagged scores"))
        self._draw_reopen(panel)
        waiting = [m["name"] for m in self.roster if m["panel"] == panel and
                   not m["submitted_at"]]
        self.waiting.value = (
            f"<p class='wtfc-tender-waiting'>Waiting for {len(waiting)} to submit: "
            f"{esc(', '.join(waiting))}. Their scores stay hidden until they do.</p>"
            if waiting else "<p>Everyone on this panel has submitted.</p>")
        self._draw_cell()

    def _draw_reopen(self, panel: str) -> None:
        sent = [(m["name"], m["name"]) for m in self.roster
                if m["panel"] == panel and m["submitted_at"]]
        with self.quiet():
            set_options(self.reopen_member, sent, self.reopen_member.value)
        self.reopen_button.disabled = not sent
        trail = [h for h in self.page.workshop.tender.submissions() if h["panel"] == panel]
        rows = [(h["at"][:16].replace("T", " "), h["who"], h["member"],
                 "submitted" if h["action"] == "submitted" else "reopened",
                 h["scores"], h["reason"]) for h in reversed(trail)]
        self.trail_html.value = scroll_box(table_html(
            ("When (UTC)", "Who", "Member", "What", "Scores", "Reason"), rows,
            f"Score sheets of {panel}: each submit and reopening, newest first"),
            f"Submits and reopenings for {panel}", noun="entry", nouns="entries")

    def _cell(self) -> ModerationCell | None:
        key = (self.bidder_select.value, self.question_select.value)
        return next((c for c in self.cells if (c.bidder, c.question) == key), None)

    def _draw_cell(self) -> None:
        cell = self._cell()
        if cell is None:
            self.cell_html.value = ""
            return
        rows = [(g.member, g.score, g.reason) for g in cell.given]
        if cell.spread is None:
            summary = "No submitted scores yet."
        else:
            flag = (f" <strong class='wtfc-tender-flag'>⚑ {cell.spread} points apart: "
                    "discuss before agreeing.</strong>" if cell.flagged else "")
            summary = (f"Mean {cell.mean:.2f}; spread {cell.spread} (lowest "
                       f"{min(g.score for g in cell.given)}, highest "
                       f"{max(g.score for g in cell.given)}).{flag}")
        agreed = (f"<p>Agreed so far: <strong>{cell.agreed}</strong>: "
                  f"{esc(cell.agreed_reason)}</p>" if cell.agreed is not None else
                  "<p>No agreed score yet: the members' mean counts until there is one.</p>")
        self.cell_html.value = (
            f"<p>{summary}</p>{agreed}"
            + scroll_box(table_html(("Member", "Score", "Reason"), rows,
                                    f"{cell.panel}: {cell.bidder} on {cell.question}, "
                                    f"{len(rows)} submitted scores"),
                         "Each member's score", noun="member"))
        with self.quiet():
            self.agreed_buttons.value = cell.agreed
            self.agreed_reason.value = cell.agreed_reason

    def next_flagged(self) -> None:
        flagged = [c for c in self.cells if c.flagged and c.agreed is None] or [
            c for c in self.cells if c.flagged]
        if not flagged:
            self.messages.info("Nothing is flagged on this panel.")
            return
        now = (self.bidder_select.value, self.question_select.value)
        keys = [(c.bidder, c.question) for c in flagged]
        target = next((k for k in keys if k > now), keys[0])
        with self.quiet():
            self.bidder_select.value, self.question_select.value = target
        self._draw_cell()

    @guarded
    def reopen(self) -> None:
        need_facilitator(self.page, "reopen a submitted score sheet")
        member = self.reopen_member.value
        if member is None:
            raise InputError("Choose whose submitted score sheet to reopen.")
        self.page.workshop.tender.reopen(member, self.reopen_reason.value,
                                         actor=self.page.actor)
        self.reopen_reason.value = ""
        self.page.after_write(f"Reopened {member}'s score sheet. Their scores count again when "
                              "they submit again; the earlier submit stays in the record.")

    @guarded
    def agree(self) -> None:
        need_facilitator(self.page, "agree a panel's score")
        if self.agreed_buttons.value is None:
            raise InputError("Choose the agreed score from 0 to 5 first.")
        b, q = self.bidder_select.value, self.question_select.value
        self.page.workshop.tender.agree(self.panel_select.value, b, q, self.agreed_buttons.value,
                                        self.agreed_reason.value, actor=self.page.actor)
        self.page.after_write(f"Saved the agreed score for {b} {q}: "
                              f"{self.agreed_buttons.value}.")

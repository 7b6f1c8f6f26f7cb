"""A member's screen before and beside scoring: the briefing to tick, words explained, and
the practice round."""

from __future__ import annotations

import ipywidgets as w

from widgets.common.cards import esc
from widgets.common.controls import STYLE, labelled_box, set_options, wide
from widgets.common.messages import guarded
from widgets.common.page import Drawer, Hush
from widgets.tender.parts import score_buttons, score_options, table_html
from workbook import InputError
from workbook.tender.panel import briefing as core
from workbook.tender.panel.glossary import GLOSSARY
from workbook.tender.panel.outcome import panel_outcome
from workbook.tender.panel.practice import PRACTICE, PRACTICE_BID, compare, practise, question
from workbook.tender.report import ordinal

# A checkbox's words are one line cut short by default: the briefing's lines wrap instead.
WRAP_TICKS = ("<style>.wtfc-tender-briefing .widget-checkbox, .wtfc-tender-briefing "
              ".widget-checkbox label {height: auto !important; white-space: normal "
              "!important; overflow: visible !important; text-overflow: clip !important; "
              "line-height: 1.4}</style>")


def glossary_html() -> str:
    rows = "".join(f"<dt><strong>{esc(word)}</strong></dt><dd>{esc(meaning)}</dd>"
                   for word, meaning in GLOSSARY)
    # Its own scrolling region (keyboard-reachable), so a phone's page stays short.
    return ("<div class='wtfc-tender-glossary' role='region' tabindex='0' aria-label='Words "
            "explained' style='max-height: 55vh; overflow-y: auto'>"
            f"<dl>{rows}</dl></div>")


class MemberPrep:
    """Above the scoring form on a member's page; the form waits until the briefing is
    ticked (once the facilitator has named the independent person on Set up)."""

    def __init__(self, page):
        self.page = page
        self.messages = page.messages
        self.quiet = Hush()
        self.intro = w.HTML()
        self.ticks = {item: w.Checkbox(value=False, description=text, indent=False,
                                       layout=wide(None))
                      for item, text in core.briefing_items(core.PanelSettings())}
        for item, box in self.ticks.items():
            box.observe(lambda change, item=item: self._ticked(item, change), "value")
        self.status = w.HTML()
        self.checklist = labelled_box("Before you score: your briefing",
                                      [self.intro, *self.ticks.values(), self.status],
                                      css="wtfc-tender-briefing")
        self.done_note = w.HTML()
        self.words = Drawer("Words explained", [w.HTML(glossary_html())])
        self.practice_question = w.Dropdown(
            description="Practice question", style=STYLE, layout=wide(60),
            options=[(f"{q.code} {q.text}", q.code) for q in PRACTICE])
        self.practice_question.observe(lambda _c: None if self.quiet.on else self._fill(),
                                       "value")
        self.practice_answer = w.HTML()
        self.practice_score = score_buttons("Your practice score")
        self.practice_reason = w.Textarea(description="Why? (needed)", style=STYLE,
                                          layout=wide(60, height="4rem"),
                                          placeholder="Say why you gave this score")
        self.practice_button = w.Button(description="Save practice score",
                                        tooltip="Practice scores never count")
        self.practice_button.on_click(lambda _b: self.save_practice())
        self.compare_html = w.HTML()
        self.practice = Drawer("Practice round", [
            w.HTML(f"<p><strong>{esc(PRACTICE_BID)}.</strong> Practice scores never count: "
                   "they are not in any result or export. Score it, then see how a worked "
                   "answer scored it and why.</p>"),
            self.practice_question, self.practice_answer, self.practice_score,
            self.practice_reason, w.HBox([self.practice_button]), self.compare_html])
        self.help = Drawer("Worried? Who to talk to", [self.done_note])
        self.outcome = w.HTML()
        self.told = Drawer("What happened", [self.outcome])  # once the results are final
        # Beside Undo on the member's page (page.py), so every member screen reaches them
        # and the scoring form keeps the laptop's screen.
        self.header_tools = [self.told, self.words, self.practice, self.help]
        for drawer in self.header_tools:  # as tall as Undo beside them: no margin of its own
            drawer.layout.margin = "0"
        self.box = w.VBox([self.checklist], layout=w.Layout(width="100%"))
        self.box.add_class("wtfc-tender-prep")
        self._fill()

    @property
    def member(self) -> str | None:
        return self.page.scoring.member

    def redraw(self) -> None:
        """Show the checklist until ticked; hide the scoring form meanwhile."""
        tender = self.page.workshop.tender
        member = self.member
        if not member:
            self.box.layout.display = "none"
            return
        s = core.settings(tender)
        state = core.briefing_state(tender, member)
        with self.quiet():
            for (item, text), box in zip(core.briefing_items(s), self.ticks.values(),
                                         strict=True):
                box.description, box.value = text, state[item]
        briefed = not s.briefing_on or all(state.values())
        self.intro.value = (
            WRAP_TICKS + "<p>Read each line and tick it when it is true for you. Then you can "
            "score. Open <strong>Words explained</strong> for any word you are not sure of.</p>")
        left = sum(1 for v in state.values() if not v)
        self.status.value = f"<p role='status'>{left} still to tick.</p>" if left else ""
        self.box.layout.display = None if s.briefing_on and not briefed else "none"
        self.done_note.value = (
            f"<p class='wtfc-tender-briefed'>✔ Briefing done. Worried or unhappy? Talk to "
            f"{esc(s.contact)}.</p>")
        self.help.layout.display = None if s.briefing_on else "none"
        if not briefed:
            self.page.scoring.box.layout.display = "none"
        self._draw_compare()
        self._draw_outcome()

    def _draw_outcome(self) -> None:
        """The outcome, told on the member's own page once the results are final."""
        try:
            o = panel_outcome(self.page.workshop.tender)
        except InputError:
            self.told.layout.display = "none"
            return
        self.told.layout.display = None
        self.outcome.value = (
            f"<div class='wtfc-tender-told' role='region' tabindex='0' aria-label='What "
            f"happened' style='max-height: 60vh; overflow-y: auto'><p>{esc(o.final)}</p>"
            f"<p><strong>{esc(o.chosen)}</strong></p>"
            + "".join(f"<p>{esc(line)}</p>" for line in o.how)
            + table_html(("Place", "Bid", "Place without your panel", "Change"),
                         [(ordinal(p), bid, without, change) for p, bid, without, change
                          in o.rows], "Each bid's place, with your panel and without it")
            + f"<p><strong>What happens next:</strong> {esc(o.next_steps)}</p></div>")

    def _ticked(self, item: str, change) -> None:
        if not self.quiet.on:
            self.tick(item, bool(change["new"]))

    @guarded
    def tick(self, item: str, value: bool) -> None:
        core.tick(self.page.workshop.tender, self.member, item, value, actor=self.page.actor)
        self.page.after_write("Ticked." if value else "Unticked.")

    def _fill(self) -> None:
        q = question(self.practice_question.value)
        self.practice_answer.value = (
            f"<p class='wtfc-tender-qtext'><span class='wtfc-tender-bid'>Question:</span> "
            f"{esc(q.text)}</p><blockquote class='wtfc-tender-answer'>The bid says: "
            f"{esc(q.answer)}</blockquote>")
        self.practice_score.options = score_options(self.page.workshop.tender.evaluation(
            viewer=self.member)[0].descriptors if self.member else {})
        self.practice_score.value = None
        self.practice_reason.value = ""

    def _draw_compare(self) -> None:
        rows = compare(self.page.workshop.tender, self.member) if self.member else []
        self.compare_html.value = table_html(
            ("Question", "Your score", "Your reason", "Worked answer", "Why", "Difference"),
            [(r["question"], r["score"], r["reason"], r["worked"], r["why"], r["gap"])
             for r in rows],
            "Your practice scores beside the worked answer's") if rows else ""

    @guarded
    def save_practice(self) -> None:
        if self.practice_score.value is None:
            raise InputError("Choose a practice score from 0 to 5 first.")
        code = self.practice_question.value
        practise(self.page.workshop.tender, self.member, code, self.practice_score.value,
                 self.practice_reason.value, actor=self.page.actor)
        self.page.after_write(f"Saved your practice score for {code}: it never counts.")
        with self.quiet():
            options = [q.code for q in PRACTICE]
            nxt = options[(options.index(code) + 1) % len(options)]
            set_options(self.practice_question, self.practice_question.options, nxt)
        self._fill()

"""A person's evaluation at a table: how they feel (start and end), and the "I"/"We" statements."""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as w

from widgets.common.cards import esc
from widgets.common.controls import button, labelled_box, note
from widgets.common.messages import guarded
from widgets.evaluation.faces import faces_html
from workbook.evaluation.measures import (
    AGREE,
    I_INTRO,
    MOMENTS,
    MOOD,
    MOOD_MEASURE,
    STATEMENTS,
    WE_INTRO,
)
from workbook.evaluation.store import save_answers

if TYPE_CHECKING:
    from widgets.common.page import StageView

BUTTONS = {"description_width": "initial", "button_width": "auto"}


def _choice(description: str, scale: tuple[tuple[int, str], ...]) -> w.ToggleButtons:
    return w.ToggleButtons(description=description, options=[(words, p) for p, words in scale],
                           value=None, style=BUTTONS)


class AnswerForm(w.VBox):
    """One person at a time: choose, save, and the form clears for the next person (answers
    are not linked to anyone: the table's name says only where they were typed)."""

    def __init__(self, view: StageView):
        super().__init__(layout=w.Layout(width="100%"))
        self.view = view
        self.messages = view.messages  # for @guarded
        self.moment = w.ToggleButtons(
            description="When", options=[(words, key) for key, words in MOMENTS.items()],
            value="start", style=BUTTONS)
        self.moment.observe(lambda _c: self._show_statements(), "value")
        self.mood = _choice(MOOD_MEASURE.words, MOOD)
        self.statements = {m.key: _choice(m.number, AGREE) for m in STATEMENTS}
        self.save_button = button("Save my answers", "Save this person's answers, then pass "
                                  "the laptop on", "primary")
        self.save_button.on_click(lambda _b: self.save())
        self.clear_button = button("Clear my choices", "Start this person's answers again")
        self.clear_button.on_click(lambda _b: self.clear())
        rows: list[w.Widget] = []
        for title, intro, group in (("“I” statements", I_INTRO, "I"),
                                    ("“We” statements", WE_INTRO, "We")):
            rows.append(w.HTML(f"<h3 class='wtfc-section-title'>{esc(title)}</h3>"))
            rows.append(note(intro))
            for m in STATEMENTS:
                if m.group == group:
                    rows.append(w.HTML(f"<p class='wtfc-eval-statement'><strong>"
                                       f"{esc(m.number)}</strong> “{esc(m.words)}”</p>"))
                    rows.append(self.statements[m.key])
        self.statement_box = w.VBox(rows)
        self.children = [labelled_box("How did the event go? One person at a time", [
            note("Your answers are not linked to your name. Choose what is true for you, "
                 "press Save my answers, then pass the laptop to the next person. You can "
                 "leave any question out."),
            self.moment,
            w.HTML(faces_html()), self.mood,
            self.statement_box,
            w.HBox([self.save_button, self.clear_button],
                   layout=w.Layout(flex_flow="row wrap", grid_gap="0.5rem")),
        ])]
        self._show_statements()

    def _show_statements(self) -> None:
        # The statements look back on the event: asked at the end only.
        self.statement_box.layout.display = None if self.moment.value == "end" else "none"

    def choices(self) -> dict[str, int | None]:
        chosen: dict[str, int | None] = {MOOD_MEASURE.key: self.mood.value}
        if self.moment.value == "end":
            chosen.update({key: box.value for key, box in self.statements.items()})
        return chosen

    def clear(self) -> None:
        self.mood.value = None
        for box in self.statements.values():
            box.value = None

    @guarded
    def save(self) -> None:
        save_answers(self.view.workshop, self.moment.value, self.choices(),
                     place=self.view.table or "Big screen", actor=self.view.actor)
        self.clear()
        self.view.after_write("Saved. Thank you! Pass the laptop to the next person.")

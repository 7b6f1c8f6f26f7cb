"""The facilitator's tools: counts typed in from paper forms, and taking back one typed twice."""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as w

from widgets.common.controls import STYLE, button, note, set_options, wide
from widgets.common.messages import guarded
from workbook import InputError
from workbook.evaluation.measures import MEASURES, MOMENTS, MOOD_MEASURE, STATEMENTS, measure
from workbook.evaluation.store import add_paper_counts, paper_entries, remove_sheet
from workbook.text import plural

if TYPE_CHECKING:
    from widgets.common.page import StageView

POINTS = (5, 4, 3, 2, 1)  # the scales' points, in the order the pages list them
ONLY_FACILITATOR = "Only the facilitator can type in or take back counts from paper forms."


class PaperPanel(w.VBox):
    """When, which question, then how many paper forms gave each answer."""

    def __init__(self, view: StageView):
        super().__init__()
        self.view = view
        self.messages = view.messages  # for @guarded
        self.moment = w.ToggleButtons(
            description="When", options=[(words, key) for key, words in MOMENTS.items()],
            value="end", style={"description_width": "initial", "button_width": "auto"})
        self.question = w.Dropdown(description="Question", layout=wide(34), style=STYLE)
        self.counts = {p: w.Text(description="", placeholder="0", layout=wide(10), style=STYLE)
                       for p in POINTS}
        self.add_button = button("Add paper counts", "Add these counts to the tallies",
                                 "primary")
        self.add_button.on_click(lambda _b: self.add())
        self.entries = w.Dropdown(description="Typed in", layout=wide(34), style=STYLE)
        self.remove_button = button("Take back this count", "It no longer counts (Undo "
                                    "brings it back)", "danger")
        self.remove_button.on_click(lambda _b: self.remove())
        self.moment.observe(lambda _c: self._questions(), "value")
        self.question.observe(lambda _c: self._labels(), "value")
        self.children = [
            note("Type how many paper forms gave each answer to one question; blank is none. "
                 "Each count is added to what is there."),
            self.moment, self.question, *self.counts.values(),
            self.add_button,
            note("Typed a count twice? Choose it and take it back."),
            self.entries, self.remove_button,
        ]
        self._questions()

    def _questions(self) -> None:
        asked = [MOOD_MEASURE] + (list(STATEMENTS) if self.moment.value == "end" else [])
        set_options(self.question, [(f"{m.number}: {m.words}", m.key) for m in asked])
        self._labels()

    def _labels(self) -> None:
        m = measure(self.question.value or MOOD_MEASURE.key)
        words = dict(m.scale)
        for p, box in self.counts.items():
            box.description = f"{words[p]} (people)"

    def refresh(self) -> None:
        set_options(self.entries, [(e.label, e.sheet_id) for e in paper_entries(
            self.view.workshop)])
        self.remove_button.disabled = not self.entries.options

    def _check_role(self) -> None:
        if not self.view.is_facilitator:
            raise InputError(ONLY_FACILITATOR)

    @guarded
    def add(self) -> None:
        self._check_role()
        m = MEASURES[self.question.value]
        add_paper_counts(self.view.workshop, self.moment.value, m.key,
                         {p: box.value for p, box in self.counts.items()},
                         actor=self.view.actor)
        total = sum(int(box.value.strip() or 0) for box in self.counts.values())
        for box in self.counts.values():
            box.value = ""
        self.view.after_write(f"Added {plural(total, 'paper answer')} to {m.number} "
                              f"({MOMENTS[self.moment.value].lower()}).")

    @guarded
    def remove(self) -> None:
        self._check_role()
        if self.entries.value is None:
            raise InputError("There is no count from paper to take back.")
        remove_sheet(self.view.workshop, self.entries.value, actor=self.view.actor)
        self.view.after_write("Taken back: that count no longer counts. Undo brings it back.")

"""A table's own page (?table=NAME): read the scenario, choose a rung, send the vote."""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as w

from widgets.common.chart import ChartView
from widgets.common.controls import STYLE, labelled_box, wide
from widgets.common.messages import guarded
from widgets.ladder import parts as lp
from workbook import InputError
from workbook.ladder.export import round_chart
from workbook.ladder.models import MODELS

if TYPE_CHECKING:
    from widgets.ladder.page import LadderView


class VotePanel(w.VBox):
    """The current round for a table: its scenario, the rungs top first, and the vote."""

    def __init__(self, page: LadderView):
        super().__init__(layout=w.Layout(width="100%"))
        self.page = page
        self.workshop = page.workshop
        self.messages = page.messages
        self.actor = page.actor
        self.round_id: int | None = None
        self._drawn: object = None
        self.scenario_html = w.HTML()
        self.voter = w.Text(value=page.table or "", description="Voter name",
                            style=STYLE, layout=wide(40))
        self.rung = w.RadioButtons(description="Your rung", options=[], style=STYLE,
                                   layout=w.Layout(width="100%"))
        self.vote_button = w.Button(description="Send my vote", button_style="primary")
        self.vote_button.on_click(lambda _b: self.vote())
        self.mine = w.HTML()
        self.status = w.HTML()
        self.chart = ChartView(layout=w.Layout(width="100%"))
        self.children = [
            labelled_box("The scenario", [self.scenario_html, self.status]),
            labelled_box("Where does it sit?", [self.voter, self.rung, self.vote_button,
                                                self.mine]),
            self.chart,
        ]

    @guarded
    def vote(self) -> None:
        if self.round_id is None:
            raise InputError("There is nothing to vote on yet: wait for the trainer.")
        if self.rung.value is None:
            raise InputError("Choose a rung first, then press Send my vote.")
        self.workshop.cast_ladder_vote(self.round_id, self.voter.value, self.rung.value,
                                       actor=self.actor)
        model = MODELS[self.workshop.get_round(self.round_id)["model"]]
        self.page.after_write(f"Vote sent: {model.rung(self.rung.value).label}. You can "
                              "change it until the trainer reveals the votes.")

    def redraw(self, tables: set[str]) -> None:
        rnd = self.workshop.current_round()
        if rnd is None:
            self.round_id = None
            self.scenario_html.value = ("<p>Waiting for the trainer to put the first scenario "
                                        "to the room…</p>")
            self.rung.options, self.status.value, self.mine.value = [], "", ""
            self.vote_button.disabled = True
            return
        model = MODELS[rnd["model"]]
        counts = self.workshop.round_counts(rnd["id"])
        revealed = rnd["state"] == "revealed"
        if self.round_id != rnd["id"]:
            self.round_id = rnd["id"]
            self.scenario_html.value = lp.scenario_html(
                rnd["title"], rnd["situation"], rnd["stage"], rnd["model"]) + lp.model_html(model)
            self.rung.options = lp.rung_options(model, top_first=True)
            self.rung.value = None
            self.rung.description = f"Your {model.unit}"
        mine = self.workshop.my_ladder_vote(rnd["id"], self.voter.value.strip())
        self.mine.value = (f"<p role='status'>✔ Your vote: {lp.esc(model.rung(mine).label)}"
                           "</p>" if mine else "<p>You have not voted on this one yet.</p>")
        self.status.value = lp.status_html(rnd["state"], sum(counts.values()),
                                           rnd["suggested"], model, rnd["note"])
        self.vote_button.disabled = revealed
        self.rung.disabled = revealed
        key = (rnd["id"], revealed, tuple(sorted(counts.items())))
        if revealed and key != self._drawn:
            self.chart.show(round_chart(self.workshop, rnd["id"], size=lp.PAGE_FIGURE),
                            save=False)
        elif not revealed:
            self.chart.value = ""
        self._drawn = key

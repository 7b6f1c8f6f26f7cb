"""Trainer mode: put scenarios to the room on a model, collect votes hidden, reveal the spread."""

from __future__ import annotations

import asyncio
import logging
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import ipywidgets as w

from widgets.common.chart import ChartView
from widgets.common.controls import STYLE, labelled_box, set_options, wide
from widgets.common.messages import guarded
from widgets.ladder import parts as lp
from workbook import InputError
from workbook.ladder.charts import model_chart
from workbook.ladder.export import round_chart
from workbook.ladder.models import MODELS, STAGE_LABELS
from workbook.text import plural

if TYPE_CHECKING:
    from widgets.ladder.page import LadderView

log = logging.getLogger("wtfc.widgets.ladder.page")
REVEAL_STEPS = (0.2, 0.45, 0.7, 1.0)  # the bars grow in these steps, then the numbers show
REVEAL_PAUSE = 0.35  # seconds between steps


class TrainerPanel:
    """`left`: model, scenario, round controls, tools on demand. `right`: the ladder, large."""

    def __init__(self, page: LadderView):
        self.page = page
        self.workshop = page.workshop
        self.messages = page.messages
        self.actor = page.actor
        self._quiet = page.quiet
        self.shown_round: int | None = None
        self._followed_round: int | None = None  # the room's round the controls last followed
        self._shown_key: object = None
        self._task: asyncio.Task | None = None

        self.model = w.Dropdown(description="Model", options=lp.model_options(), value="hart",
                                layout=wide(None), style=STYLE)
        self.model.observe(self._on_model, "value")
        # the chosen model in words, with the levels' context a trainer points at
        self.model_about = w.HTML(lp.model_html(MODELS[self.model.value]))
        self.scenario = w.Dropdown(description="Scenario", options=[], layout=wide(None),
                                   style=STYLE)
        self.start_button = w.Button(description="Put to the room", button_style="primary",
                                     tooltip="Start a round: the room votes on this scenario")
        self.start_button.on_click(lambda _b: self.start())
        self.reveal_button = w.Button(description="Reveal votes", button_style="success",
                                      tooltip="Show the spread of votes on the ladder")
        self.reveal_button.on_click(lambda _b: self.reveal())
        self.next_button = w.Button(description="Next scenario",
                                    tooltip="Put the next scenario in the deck to the room")
        self.next_button.on_click(lambda _b: self.next())
        self.round_html = w.HTML()
        self.status_html = w.HTML()
        self.round_select = w.Dropdown(description="Round shown", options=[], layout=wide(None),
                                       style=STYLE)
        self.round_select.observe(self._on_round, "value")
        self.sample_button = w.Button(description="Load the sample deck",
                                      tooltip="Twelve scenarios from the case studies")
        self.sample_button.on_click(lambda _b: self.load_sample())

        # on demand: the room's tally, own scenarios, a deck file
        self.tally_box = w.VBox()
        self.tally_inputs: dict[int, w.BoundedIntText] = {}
        self.tally_button = w.Button(description="Save tally", button_style="primary")
        self.tally_button.on_click(lambda _b: self.save_tally())
        self.new_title = w.Text(description="Title", layout=wide(None), style=STYLE)
        self.new_situation = w.Textarea(description="Situation", layout=w.Layout(
            width="100%", height="5rem"), style=STYLE)
        self.new_stage = w.Dropdown(description="Stage", options=[("(any)", "")] + [
            (label, key) for key, label in STAGE_LABELS.items()], style=STYLE)
        self.new_suggested = w.Dropdown(description="Suggested rung", layout=wide(None),
                                        style=STYLE)
        self.new_note = w.Textarea(description="Discussion note", layout=w.Layout(
            width="100%", height="4rem"), style=STYLE)
        self.add_button = w.Button(description="Add scenario", button_style="primary")
        self.add_button.on_click(lambda _b: self.add_scenario())
        self.upload = w.FileUpload(description="Choose deck file", accept=".csv,.xlsx", icon="",
                                   multiple=False)
        self.load_button = w.Button(description="Load deck", button_style="primary")
        self.load_button.on_click(lambda _b: self.load_deck())
        self.deck_report = w.HTML()
        self.tools = lp.accordion([
            ("How the session works", w.HTML(
                "<p>Choose a model and a scenario, then press <strong>Put to the room</strong>. "
                "Each table opens this page with <code>?table=NAME</code> at the end of the "
                "address and votes; or count hands and type the tally below. The votes stay "
                "hidden until you press <strong>Reveal votes</strong>. Every round is kept: "
                "choose one under <strong>Round shown</strong> to see it again.</p>")),
            ("Type the room's tally", w.VBox([
                w.HTML("<p>Count hands for each rung, type the counts, then save. "
                       "Saving again replaces the last tally.</p>"),
                self.tally_box, self.tally_button])),
            ("Add your own scenario", w.VBox([
                self.new_title, self.new_situation, self.new_stage, self.new_suggested,
                self.new_note, self.add_button])),
            ("Load a deck of scenarios (CSV or Excel)", w.VBox([
                w.HTML("<p>Columns: title, situation, stage, note, and a column per model "
                       f"({', '.join(MODELS)}) holding the suggested rung's number or "
                       "name; for the levels of engagement the level and its face (such as "
                       "<em>3 negative</em>) or the face's name (such as <em>Appeasement</em>)."
                       "</p>"),
                w.HBox([self.upload, self.load_button]), self.deck_report])),
        ])
        self.chart = ChartView(outputs=self.workshop.outputs, layout=wide(None))
        self.chart.add_class("wtfc-ladder-figure")

        side = labelled_box("Run the session", [
            w.HBox([self.start_button, self.reveal_button, self.next_button],
                   layout=w.Layout(flex_flow="row wrap")),
            self.status_html, self.round_html,
            self.model, self.model_about, self.scenario, self.round_select, self.sample_button,
            self.tools])
        side.add_class("wtfc-ladder-side")
        self.left = side
        self.right = w.Box([self.chart], layout=w.Layout(width="100%", overflow="visible"))

    def show(self, on: bool) -> None:
        for part in (self.left, self.right):
            part.layout.display = "" if on else "none"

    # --- actions -------------------------------------------------------------------------------
    @guarded
    def start(self) -> None:
        if self.scenario.value is None:
            raise InputError("There are no scenarios yet: load the sample deck, load a deck "
                             "file or add your own scenario first.")
        self.workshop.start_round(self.scenario.value, self.model.value, actor=self.actor)
        self.shown_round = None  # follow the new round
        self.page.after_write("Put to the room: the tables can vote now.")

    @guarded
    def next(self) -> None:
        values = [v for _, v in self.scenario.options]
        if not values:
            raise InputError("There are no scenarios yet: load a deck first.")
        current = self.workshop.current_round()
        at = values.index(current["scenario_id"]) if current and \
            current["scenario_id"] in values else -1
        if at + 1 >= len(values):
            raise InputError("That was the last scenario in the deck.")
        with self._quiet():
            self.scenario.value = values[at + 1]
        self.start()

    @guarded
    def reveal(self) -> None:
        current = self.workshop.current_round()
        if current is None:
            raise InputError("Put a scenario to the room first.")
        self.workshop.reveal_round(current["id"], actor=self.actor)
        self.shown_round = current["id"]
        self.animate_reveal(current["id"])  # first, so the redraw below leaves the chart to it
        self.page.after_write("Votes revealed.")

    @guarded
    def save_tally(self) -> None:
        current = self.workshop.current_round()
        if current is None:
            raise InputError("Put a scenario to the room first, then type its tally.")
        if current["model"] != self._tally_model:
            raise InputError("The round changed model: look at the rungs again and retype.")
        tallies = {n: box.value for n, box in self.tally_inputs.items()}
        self.workshop.set_tally(current["id"], tallies, actor=self.actor)
        self.page.after_write(f"Tally saved: {sum(tallies.values())} hands counted.")

    @guarded
    def add_scenario(self) -> None:
        suggested = self.new_suggested.value
        sid = self.workshop.add_scenario(
            self.new_title.value, self.new_situation.value, self.new_stage.value,
            {self.model.value: suggested} if suggested else {}, self.new_note.value,
            actor=self.actor)
        for box in (self.new_title, self.new_situation, self.new_note):
            box.value = ""
        self.page.after_write("Scenario added at the end of the deck.")
        with self._quiet():
            self.scenario.value = sid

    @guarded
    def load_deck(self) -> None:
        files = list(self.upload.value)
        if not files:
            raise InputError("Choose a deck file first (CSV or Excel), then press Load deck.")
        item = files[0]
        name = Path(str(item["name"])).name
        try:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / name
                path.write_bytes(bytes(item["content"]))
                deck = self.workshop.load_scenarios(path, actor=self.actor, origin=name)
        finally:
            self.upload.value = ()
        problems = "".join(f"<li>{lp.esc(p)}</li>" for p in deck.problems)
        n = len(deck.scenarios)
        self.deck_report.value = (f"<p>{plural(n, 'scenario')} added from "
                                  f"{lp.esc(name)}.</p>" +
                                  (f"<p>Left out:</p><ul>{problems}</ul>" if problems else ""))
        self.page.after_write(deck.summary)

    @guarded
    def load_sample(self) -> None:
        from workbook.paths import sample_dir

        deck = self.workshop.load_scenarios(sample_dir() / "ladder_scenarios.csv",
                                            actor=self.actor, origin="sample deck")
        self.page.after_write(deck.summary)

    # --- drawing -------------------------------------------------------------------------------
    def _on_model(self, _change: object) -> None:
        self.model_about.value = lp.model_html(MODELS[self.model.value])
        if not self._quiet.on:
            self._draw_new_scenario_rungs()
            self._draw_chart(force=True)

    def _on_round(self, change: dict) -> None:
        if not self._quiet.on:
            self.shown_round = change["new"]
            self._draw_round()

    def redraw(self, tables: set[str]) -> None:
        everything = not tables
        with self._quiet():
            if everything or "ladder_scenarios" in tables:
                self._draw_scenarios()
            if everything or "ladder_rounds" in tables:
                self._draw_rounds()
        if everything:
            self._draw_new_scenario_rungs()
        if everything or tables & {"ladder_rounds", "ladder_votes", "ladder_scenarios"}:
            self._draw_round()

    def _draw_scenarios(self) -> None:
        df = self.workshop.ladder_scenarios
        options = [(f"{i}. {t}", int(s)) for i, (t, s) in
                   enumerate(zip(df["title"], df["scenario_id"], strict=True), 1)]
        set_options(self.scenario, options, self.scenario.value)
        self.sample_button.layout.display = "none" if options else ""

    def _draw_rounds(self) -> None:
        rounds = self.workshop.ladder_rounds
        options = [(f"Round {i} · {MODELS[r.model].name} · {r.title}"
                    + (" (revealed)" if r.state == "revealed" else " (voting)"), int(r.round_id))
                   for i, r in enumerate(rounds.itertuples(), 1)]
        latest = options[-1][1] if options else None
        keep = self.shown_round if self.shown_round in [v for _, v in options] else latest
        set_options(self.round_select, list(reversed(options)), keep)
        self.shown_round = keep
        current = self.workshop.current_round()
        # The controls follow the room's round when a new one starts, not on every redraw:
        # a vote at a table redraws this page, and must not undo the model or scenario the
        # trainer has just chosen for the next round.
        if current is not None and current["id"] != self._followed_round:
            self._followed_round = current["id"]
            if self.model.value != current["model"]:
                self.model.value = current["model"]
            if current["scenario_id"] in [v for _, v in self.scenario.options]:
                self.scenario.value = current["scenario_id"]

    def _draw_new_scenario_rungs(self) -> None:
        model = MODELS[self.model.value]
        self.new_suggested.options = lp.rung_options(model, "(none)", top_first=True)
        self.new_suggested.description = f"Suggested {model.unit}"
        self._tally_model = model.key
        self.tally_inputs = {r.number: w.BoundedIntText(
            value=0, min=0, max=10_000, description=r.label, style=STYLE,
            layout=w.Layout(width="100%")) for r in model.options()}
        self.tally_box.children = list(self.tally_inputs.values())

    def _draw_round(self) -> None:
        rid = self.shown_round
        if rid is None:
            self.round_html.value = ("<p>No round yet: choose a model and a scenario, then "
                                     "press <strong>Put to the room</strong>.</p>")
            self.status_html.value = ""
            self._draw_chart()
            return
        rnd = self.workshop.get_round(rid)
        model = MODELS[rnd["model"]]
        counts = self.workshop.round_counts(rid)
        self.round_html.value = lp.scenario_html(rnd["title"], rnd["situation"], rnd["stage"],
                                                 rnd["model"])
        self.status_html.value = lp.status_html(rnd["state"], sum(counts.values()),
                                                rnd["suggested"], model, rnd["note"])
        voting = rnd["state"] == "voting" and rid == (self.workshop.current_round() or {}).get(
            "id")
        self.reveal_button.disabled = not voting
        self._draw_chart()

    def _draw_chart(self, force: bool = False) -> None:
        if self._task is not None and not self._task.done():
            return  # the reveal animation is drawing
        if self.shown_round is None:
            key: object = ("model", self.model.value)
            if key != self._shown_key or force:
                self.chart.show(model_chart(MODELS[self.model.value], size=lp.PAGE_FIGURE),
                                save=False)
        else:
            rnd = self.workshop.get_round(self.shown_round)
            counts = self.workshop.round_counts(self.shown_round)
            key = (self.shown_round, rnd["state"], tuple(sorted(counts.items()))
                   if rnd["state"] == "revealed" else None)
            if key != self._shown_key or force:
                self.chart.show(round_chart(self.workshop, self.shown_round,
                                            size=lp.PAGE_FIGURE), save=False)
                if rnd["state"] == "revealed":  # the 1920x1080 picture and its data
                    round_chart(self.workshop, self.shown_round).save(self.workshop.outputs)
        self._shown_key = key

    def animate_reveal(self, round_id: int) -> None:
        """Grow the bars in steps, so the room sees the spread appear (served pages only)."""
        if not self.page.served:
            return  # nbval and headless tests: the final picture is already drawn
        self._shown_key = None

        async def run() -> None:
            try:
                for step in REVEAL_STEPS[:-1]:
                    chart = round_chart(self.workshop, round_id, reveal=step,
                                        size=lp.PAGE_FIGURE)
                    self.chart.show(chart, save=False)
                    await asyncio.sleep(REVEAL_PAUSE)
            except Exception:  # noqa: BLE001 - the final picture still comes below
                log.exception("reveal animation failed")
            finally:
                self._task = None
                self._draw_chart(force=True)

        self._task = asyncio.get_event_loop().create_task(run())

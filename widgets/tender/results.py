"""Results on the big screen: totals, the ranking with and without young people, and charts."""

from __future__ import annotations

import ipywidgets as w

from widgets.common.cards import esc
from widgets.common.chart import ChartView
from widgets.common.controls import STYLE, labelled_box, set_options
from widgets.common.messages import guarded
from widgets.common.page import Hush
from widgets.tender.moderate import need_facilitator
from widgets.tender.parts import scroll_box, table_html
from workbook.tender import charts as tc
from workbook.tender.funding.control import start_stage
from workbook.tender.funding.wording import budget_line, money, stage_ranks_words, stages_line
from workbook.tender.model import Evaluation, Problem
from workbook.tender.panel.outcome import final_reason
from workbook.tender.read import roster
from workbook.tender.report import ordinal, write_bidder_summaries
from workbook.tender.rules import results, young_panels_scored
from workbook.tender.views import result_rows, submitted_count, what_changed
from workbook.text import plural, shorten

CHARTS = [("What changed", "change"), ("Totals", "totals"), ("Share", "share"),
          ("Favourites", "borda")]


def effect(row: dict) -> str:
    """'▲ up 3 (4th without)': the move and the rank it would have had."""
    without = row["rank_without_young_people"]
    if without is None:
        return "not yet: no scores"
    if row["move"] == "= same":
        return "= same"
    return f"{row['move']} ({ordinal(without)} without)"


def results_table(ev: Evaluation) -> str:
    """Best first; a grant round adds whether each bid is funded (in words) and what it asks
    for, and stages add each stage's rank. With no price weight the total is the quality."""
    grant = ev.budget is not None
    stages = len({q.stage for q in ev.questions})
    priced = bool(ev.price_weight)
    head = ["Rank", "Bidder", *(["Quality", "Price"] if priced else []), "Total",
            *(["Funding, asks"] if grant else []), *(["By stage"] if stages > 1 else []),
            "Young people's effect"]
    width = 21 - 4 * grant - 5 * (stages > 1)  # cells do not wrap: the table fits its half
    rows = []
    for r in result_rows(ev):
        asks = next(b.price for b in ev.bidders if b.bidder == r["bidder"])
        rows.append([r["rank"], shorten(f"{r['bidder']} {r['name']}", width),
                     *([f"{r['quality']:.2f}", f"{r['price']:.2f}"] if priced else []),
                     f"{r['total']:.2f}", *([f"{r['funded']} {money(asks)}"] if grant else []),
                     *([stage_ranks_words(ev, r["bidder"])] if stages > 1 else []),
                     effect(r)])
    return table_html(head, rows, "Points out of 100, best first, from submitted scores only")


class ResultsSection:
    """A results table and one chart at a time, chosen with big buttons."""

    def __init__(self, page):
        self.page = page
        self.messages = page.messages
        self.quiet = Hush()
        self.ev: Evaluation | None = None
        self.problems: list[Problem] = []
        self.changed = w.HTML()
        self.changed.add_class("wtfc-tender-changed")
        self.table = w.HTML()
        self.status = w.HTML()
        self.submitted: tuple[str, str] = ("", "")
        self.summaries_button = w.Button(
            description="Assessment summaries for bidders",
            tooltip="Write each bidder's assessment summary, its own Word file, into the "
                    "workshop's outputs folder: its scores beside the winning bid's, panel "
                    "members named by role")
        self.summaries_button.on_click(lambda _b: self.make_summaries())
        self.funding = w.HTML()  # a grant round's budget and stages, under the table
        self.funding.add_class("wtfc-tender-funding")
        self.stage_button = w.Button(
            description="Start the next stage",
            tooltip="Fix the shortlist and let only those bids into the next stage: every "
                    "submitted score sheet is reopened so its member can score them")
        self.stage_button.on_click(lambda _b: self.start_next_stage())
        self.stage_button.layout.display = "none"
        self.chart_choice = w.ToggleButtons(options=CHARTS, value="change",
                                            description="Chart", style=STYLE)
        self.chart_choice.observe(lambda _c: self._draw_chart(), "value")
        self.borda_panel = w.Dropdown(description="Favourites of", style=STYLE)
        self.borda_panel.observe(lambda _c: None if self.quiet.on else self._draw_chart(),
                                 "value")
        self.chart = ChartView(outputs=page.workshop.outputs)
        left = labelled_box("Results", [self.table, self.funding, self.stage_button,
                                        self.status])
        # The summaries button sits on the title's row: the results still fit one screen.
        left.children = [w.HBox([left.children[0], self.summaries_button],
                                layout=w.Layout(justify_content="space-between",
                                                align_items="center", flex_flow="row wrap")),
                         *left.children[1:]]
        right = labelled_box("Charts", [w.HBox([self.chart_choice, self.borda_panel]),
                                        self.chart])
        left.layout.width, right.layout.width = "50%", "48%"
        left.add_class("wtfc-tender-results")
        right.add_class("wtfc-tender-charts")
        self.box = w.VBox([
            self.changed,
            w.HBox([left, right], layout=w.Layout(width="100%", grid_gap="1rem")),
        ])

    def redraw(self, ev: Evaluation, problems: list[Problem]) -> None:
        self.ev, self.problems = ev, problems
        tender = self.page.workshop.tender
        with self.page.workshop.store.read() as conn:
            people = roster(conn, tender.current_id(conn))
        self.submitted = submitted_count(people)
        with self.quiet():
            set_options(self.borda_panel, [(p.panel, p.panel) for p in ev.panels],
                        self.borda_panel.value)
        waiting = sorted(k for k, bids in ev.shortlists.items() if not bids)
        self.stage_button.description = f"Start stage {waiting[0]}" if waiting else ""
        self.stage_button.layout.display = None if waiting else "none"
        if any(p.blocks for p in problems) or not ev.bidders:
            self.changed.value = ""
            self.funding.value = ""
            self.table.value = "<p>No results yet.</p>"
            self._draw_status()
            self.chart.value = ""
            return
        self.changed.value = f"<p role='status'>{esc(what_changed(ev))}</p>"
        self.table.value = results_table(ev)
        lines = [budget_line(ev, results(ev)), stages_line(ev)]
        self.funding.value = "".join(f"<p>{esc(line)}</p>" for line in lines if line)
        self._draw_status()
        self._draw_chart()

    def _draw_status(self) -> None:
        count, by_panel = self.submitted
        if not self.problems:
            self.status.value = (f"<p class='wtfc-tender-complete'>✔ Complete: every score is "
                                 f"in; {esc(count)}.</p>")
            return
        items = "".join(f"<li>{esc(p)}</li>" for p in self.problems)
        if by_panel:
            items = (f"<li>Submitted so far: {esc(by_panel)}. Only submitted scores count: a "
                     "score still being worked on never does.</li>" + items)
        final = final_reason(self.page.workshop.tender, self.problems)
        if final:  # the facilitator closed it with things unfinished: say both
            head = (f"<p class='wtfc-tender-complete'>✔ Final: {esc(final)} "
                    f"{esc(count)}; {plural(len(self.problems), 'thing')} left unfinished, "
                    "not counted.</p>")
        else:
            head = (f"<p class='wtfc-tender-incomplete'>⚠ Not final: "
                    f"{plural(len(self.problems), 'thing')} to finish; {esc(count)}.</p>")
        what = "Left unfinished" if final else "What is still to finish"
        self.status.value = head + scroll_box(
            f"<ul>{items}</ul>", what, rows="li", noun="thing to finish",
            nouns="things to finish")

    @guarded
    def start_next_stage(self) -> None:
        need_facilitator(self.page, "start the next stage")
        waiting = sorted(k for k, bids in (self.ev.shortlists if self.ev else {}).items()
                         if not bids)
        if not waiting:
            return
        let_in = start_stage(self.page.workshop.tender, waiting[0], self.page.actor)
        self.page.after_write(f"Stage {waiting[0]} has started with the shortlisted bids "
                              f"{', '.join(let_in)}; every submitted score sheet is open again "
                              "for them.")

    @guarded
    def make_summaries(self) -> None:
        need_facilitator(self.page, "make the bidders' assessment summaries")
        paths = write_bidder_summaries(self.page.workshop.tender, self.page.workshop.outputs)
        self.page.after_write(f"Wrote {plural(len(paths), 'assessment summary')} to the "
                              "outputs folder, one Word file per bidder: "
                              + ", ".join(p.name for p in paths) + ".")

    @guarded
    def _draw_chart(self) -> None:
        if self.quiet.on or self.ev is None or not self.table.value.startswith("<table"):
            return
        choice = self.chart_choice.value
        self.borda_panel.layout.display = None if choice == "borda" else "none"
        if choice == "change" and not young_panels_scored(self.ev):
            self.chart.value = ("<p class='wtfc-tender-nochart'>This chart will show what the "
                                "young people's scores change once their panel has scored. "
                                "Until then, see <strong>Totals</strong>.</p>")
            return
        if choice == "totals":
            chart = tc.totals_chart(self.ev)
        elif choice == "change":
            chart = tc.rank_change_chart(self.ev)
        elif choice == "share":
            chart = tc.young_share_chart(self.ev)
        else:
            chart = tc.borda_chart(self.ev, self.borda_panel.value)
        self.chart.show(chart)

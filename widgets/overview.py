"""The landing page: the workshop's counts and a link to each of the eight steps."""

from __future__ import annotations

from urllib.parse import quote

import ipywidgets as w

from widgets.common.cards import esc
from widgets.common.messages import guarded
from widgets.common.page import StageView
from widgets.cycle.cycle_panel import cycle_drawer
from workbook.steps import STEPS
from workbook.text import plural


def stage_links(table: str | None) -> str:
    """The eight steps in order, each linking to its page (workbook/steps.py names them)."""
    query = f"?table={quote(table)}" if table else ""
    items = "".join(
        f'<li><a class="wtfc-stage-link" href="{esc(s.page + query)}">{esc(s.title)}</a>'
        + ("" if s.for_tables else " <span class='wtfc-card-meta'>(the facilitator's page)"
           "</span>")
        + f" — {esc(s.asks)}</li>"
        for s in STEPS
    )
    return f'<nav aria-label="The eight steps"><ol class="wtfc-stages">{items}</ol></nav>'


def evaluation_link(table: str | None) -> str:
    """How the event went (the I/We statements and the mood barometer): its own page."""
    query = f"?table={quote(table)}" if table else ""
    return (f'<p><a class="wtfc-stage-link" href="{esc("evaluation.ipynb" + query)}">'
            "Evaluation: how is the event going?</a> — the mood at the start and the end, and "
            "the I and We statements, answered at each table or typed in from paper.</p>")


class OverviewView(StageView):
    """Counts of what the workshop holds, and where to go next."""

    stage = "Working Together for Change"

    def build(self) -> list[w.Widget]:
        self.counts = w.HTML()
        self.table_name = w.Text(
            value=self.table or "",
            description="Our table's name",
            placeholder="e.g. Table 2",
            style={"description_width": "initial"},
            layout=w.Layout(width="32em"),
        )
        self.table_name.observe(lambda _c: self.show_links(), names="value")
        self.links = w.HTML()
        self.show_links()
        return [self.counts, w.HTML("<h2>The eight steps</h2>"), self.table_name, self.links,
                cycle_drawer(self)]  # last time (per review) and the next event

    def table_changed(self) -> None:
        if not self.table_name.value.strip():
            self.table_name.value = self.table or ""

    @guarded
    def show_links(self) -> None:
        name = " ".join(self.table_name.value.split())[:40] or None
        self.links.value = stage_links(name) + evaluation_link(name)

    def redraw(self, tables: set[str]) -> None:
        s = self.workshop.stats()
        k, p = s["statements"], s["perspectives"]
        total = sum(k.values())
        rows = [
            ("Reviews", s["reviews"]),
            (
                "Statements",
                f"{total}: ✔ {k['working']} working, ✖ {k['not_working']} not "
                f"working, ➜ {k['future']} for the future",
            ),
            (
                "Whose view",
                f"{p['person']} the person, {p['family']} family carers, "
                f"{p['staff']} staff, {p['other']} other",
            ),
            ("Themes", s["themes"]),
            ("Dots placed", s["votes"]),
            ("Causes", s["causes"]),
            ("Success statements", s["success_statements"]),
            ("Actions", s["actions"]),
            ("Ideas", f"{plural(s['ideas'], 'idea')}, {s['happening_already']} happening already"),
            ("Indicators", f"{s['indicators']} with {plural(s['measurements'], 'measurement')}"),
            ("You said, we did", s["you_said_we_did"]),
        ]
        body = "".join(f"<tr><th scope='row'>{esc(a)}</th><td>{esc(b)}</td></tr>" for a, b in rows)
        self.counts.value = (
            f"<table class='wtfc-counts'><caption>What this workshop holds</caption>{body}</table>"
        )

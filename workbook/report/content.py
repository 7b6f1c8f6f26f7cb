"""What the report says, gathered once from the store: sections, tables, charts and the thread."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pandas as pd

from workbook.charts import plan as plan_charts
from workbook.charts import stages as charts
from workbook.charts.base import Chart
from workbook.evaluation.report_section import EvaluationSection, gather_evaluation
from workbook.model import KIND_LABELS, PERSPECTIVE_LABELS, SUCCESS_PERSPECTIVES, Kind, Perspective
from workbook.report.feedback_section import FeedbackSection, gather_feedback
from workbook.report.prepare_section import PrepareSection, gather_prepare
from workbook.report.since_section import SinceSection, gather_since
from workbook.stages.plan import IDEA_LABELS
from workbook.stages.thread import Thread, golden_thread, priority_themes, success_gaps
from workbook.stages.understand_outline import outline, tree_selection
from workbook.text import noun, quantity

if TYPE_CHECKING:
    from workbook.workshop import Workshop

SUCCESS_LABELS = {"person": "The person", "family": "Family carer", "staff": "Staff",
                  "provider": "Provider", "commissioner": "Commissioner"}
STATUS_LABELS = {"not started": "Not started", "in progress": "In progress", "done": "Done"}


@dataclass
class Figure:
    """A chart ready for any format: PNG bytes, alt text stating its figures, and a caption."""

    name: str
    png: bytes
    alt: str
    print_pt: float = 0.0  # its smallest text, in points, printed PRINT_WIDTH_CM wide

    @property
    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


@dataclass
class Table:
    caption: str
    header: list[str]
    rows: list[list[str]]


@dataclass
class CauseLine:
    level: int
    text: str
    votes: int
    top: bool


# A cause tree in the report is at most this many boxes wide and levels deep: 10 inches wide,
# so its text is 9 pt on an A4 page and about 16 px on a laptop; three levels keep it within
# one laptop screen.
TREE_LEAVES = 4
TREE_LEVELS = 3
PRINT_WIDTH_CM = 16.0  # every chart's width on the Word report's A4 page (its text width)
MIN_PRINT_PT = 8.0  # no chart text smaller than this on that page
THEME_PRINT_WIDTH = 900  # px: the Theme page's 1500 px chart printed its text at 6 pt


@dataclass
class ThemeCauses:
    """One theme's causes: the outline (every word) and the tree chart, if there are causes."""

    theme: str
    lines: list[CauseLine]
    figure: Figure | None = None
    left_out: int = 0  # causes in the outline that the chart does not draw


@dataclass
class Report:
    """Everything the report shows, as plain strings and numbers (escaped by the renderers)."""

    name: str
    made_on: str
    stats: dict
    summary: Table
    figures: dict[str, Figure] = field(default_factory=dict)
    themes: Table | None = None
    priorities: list[tuple[str, str, int]] = field(default_factory=list)  # name, I, dots
    causes: list[ThemeCauses] = field(default_factory=list)  # report order; some may be empty
    success: list[tuple[str, Table, list[str]]] = field(default_factory=list)  # + gaps
    ideas: Table | None = None
    actions: Table | None = None
    indicators: Table | None = None
    threads: list[Thread] = field(default_factory=list)
    feedback: list[tuple[str, str, str]] = field(default_factory=list)  # theme, said, did
    prepare: PrepareSection | None = None  # step 1: who was involved, the reviews used
    since: SinceSection | None = None  # against the event this one was started from
    evaluation: EvaluationSection | None = None  # how the event went (mood, I/We)
    # step 8: the three published columns with status, and who must hear back
    you_said_we_did: FeedbackSection | None = None

    def reached(self, section: str) -> bool:
        """Whether the workshop has reached a stage (a section with something in it)."""
        s = self.stats
        return {
            "collect": sum(s["statements"].values()) > 0,
            "themes": s["themes"] > 0,
            "priorities": bool(self.priorities),
            "causes": s["causes"] > 0,
            "success": s["success_statements"] > 0,
            "plan": s["actions"] > 0 or s["ideas"] + s["happening_already"] > 0,
            "progress": s["indicators"] > 0,
            "thread": bool(self.threads),
            "feedback": bool(self.feedback),
        }[section]


NOT_YET = {
    "collect": "No statements have been collected yet.",
    "themes": "This workshop has not reached theming yet: there are no themes.",
    "priorities": "No dots have been placed on themes yet, so there are no priorities.",
    "causes": "This workshop has not reached root causes yet: no causes have been written.",
    "success": "This workshop has not reached success statements yet: none have been written.",
    "plan": "This workshop has not reached the action plan yet: there are no ideas or actions.",
    "progress": "This workshop has not reached implementation yet: no indicators have been "
                "set, so there is no progress to show.",
    "thread": "There are no actions yet, so there is no golden thread to show.",
    "feedback": "No “you said, we did” feedback has been written yet.",
}


def _figure(chart: Chart, dpi: int = 80) -> Figure:
    # Constrained layout already fits the figure: a "tight" bounding box would draw it twice.
    png = chart.png(dpi=dpi, tight=False)
    printed = chart.smallest_font_pt() * PRINT_WIDTH_CM / 2.54 / chart.figure.get_figwidth()
    chart.figure.clear()
    return Figure(chart.name, png, chart.alt, round(printed, 2))


def _int(v: object) -> str:
    return "" if v is None or pd.isna(v) else str(int(v))


def gather(ws: Workshop, *, charts_too: bool = True, today: str | None = None) -> Report:
    """Read the workshop once and lay out the report's content."""
    stats = ws.stats()
    k, p = stats["statements"], stats["perspectives"]
    statements = ws.statements
    counts = charts.counts_by_kind_and_perspective(statements)
    summary = Table(
        "Statements by kind and whose view",
        ["Whose view", *(KIND_LABELS[x] for x in Kind), "All"],
        [
            [PERSPECTIVE_LABELS[Perspective(per)],
             *(str(int(counts.loc[per, kind.value])) for kind in Kind), str(p[per])]
            for per in ("person", "family", "staff", "other")
        ] + [["All", str(k["working"]), str(k["not_working"]), str(k["future"]),
              str(sum(k.values()))]],
    )
    report = Report(ws.name, today or datetime.now(UTC).date().isoformat(), stats, summary)
    report.prepare = gather_prepare(ws)
    themes = ws.themes
    if charts_too and len(statements):
        report.figures["collect"] = _figure(charts.collect_chart(statements))
    if len(themes):
        report.themes = Table(
            "Themes: statements by kind, dots and priority",
            ["Theme", "“I” statement", "Statements", "Working", "Not working", "Future",
             "Dots", "Priority"],
            [[r.name, r.i_statement or "", str(r.statements), str(r.working),
              str(r.not_working), str(r.future), str(r.votes), _int(r.priority)]
             for r in themes.sort_values(["statements", "name"], ascending=[False, True])
             .itertuples()],
        )
        if charts_too:
            report.figures["themes"] = _figure(charts.theme_chart(themes, THEME_PRINT_WIDTH))
    report.since = gather_since(ws, _figure if charts_too else None)
    prio = priority_themes(themes) if len(themes) else themes
    report.priorities = [(r.name, r.i_statement or "", int(r.votes))
                         for r in prio.itertuples() if pd.notna(r.priority)]
    _causes(report, ws, themes, prio, charts_too)
    _success(report, ws, themes)
    _plan(report, ws, charts_too, today)
    _progress(report, ws, charts_too)
    report.threads = golden_thread(ws)
    report.evaluation = gather_evaluation(ws, charts_too)
    if report.evaluation.chart is not None:
        report.figures["evaluation"] = _figure(report.evaluation.chart)
        report.evaluation.chart = None
    report.feedback = [(r.theme, r.you_said, r.we_did) for r in ws.feedback.itertuples()]
    report.you_said_we_did = gather_feedback(ws)
    return report


def cause_tree(theme: str, causes: pd.DataFrame) -> tuple[Chart, int]:
    """One theme's cause tree sized for a page, and how many causes it leaves out."""
    rows = outline(causes)
    show = tree_selection(rows, TREE_LEAVES, TREE_LEVELS)
    chart = charts.cause_tree_chart(theme, causes, show=show)
    left_out = len(rows) - len(show)
    chart.alt += (
        f" It draws the top causes first, then the tree's first levels; {left_out} more "
        f"{noun(left_out, 'cause')} {noun(left_out, 'is')} in the "
        "list below, which gives every cause in full."
        if left_out else " The list below gives every cause in full."
    )
    return chart, left_out


def _causes(report: Report, ws: Workshop, themes: pd.DataFrame, prio: pd.DataFrame,
            charts_too: bool) -> None:
    """The priority themes in priority order, then any other theme that has causes."""
    causes = ws.causes
    if not len(causes):
        return
    rest = themes[~themes["theme_id"].isin(prio["theme_id"])
                  & themes["theme_id"].isin(causes["theme_id"])]
    rest = rest.assign(_key=rest["name"].str.casefold()).sort_values("_key")
    for r in [*prio.itertuples(), *rest.itertuples()]:
        mine = causes[causes["theme_id"] == r.theme_id]
        entry = ThemeCauses(r.name, [CauseLine(o.level, o.text, o.votes, o.top)
                                     for o in outline(mine)])
        if len(mine) and charts_too:
            chart, entry.left_out = cause_tree(r.name, mine)
            entry.figure = _figure(chart)
        report.causes.append(entry)


def _success(report: Report, ws: Workshop, themes: pd.DataFrame) -> None:
    success = ws.success_statements
    if not len(success):
        return
    # Keyed by theme id, never by name: an old workshop may hold two themes of one name (or
    # names that fold alike), and each keeps its own section.
    gaps = success_gaps(themes, success)
    gaps.index = list(priority_themes(themes)["theme_id"])  # its rows: the priority themes
    names = dict(zip(success["theme_id"], success["theme"], strict=True))
    names.update(zip(themes["theme_id"], themes["name"], strict=True))
    for tid in dict.fromkeys([*gaps.index, *success["theme_id"]]):
        name = names[tid]
        rows = success[success["theme_id"] == tid]
        rows = rows.assign(_o=rows["perspective"].map(SUCCESS_PERSPECTIVES.index))
        table = Table(f"Success statements for “{name}”", ["Whose voice", "I or We", "Statement"],
                      [[SUCCESS_LABELS.get(r.perspective, r.perspective), r.voice, r.text]
                       for r in rows.sort_values(["_o", "success_id"]).itertuples()])
        missing = ([SUCCESS_LABELS[x] for x in SUCCESS_PERSPECTIVES if gaps.loc[tid, x] == 0]
                   if tid in gaps.index else [])
        report.success.append((name, table, missing))


def _plan(report: Report, ws: Workshop, charts_too: bool, today: str | None) -> None:
    ideas = ws.ideas_with_dots()  # dots: the room's choice of ideas to become actions
    if len(ideas):
        report.ideas = Table(
            "What is happening already, and ideas",
            ["Theme", "Happening already or idea", "Words", "Became an action", "Dots"],
            [[r.theme, IDEA_LABELS[r.kind], r.text, "Yes" if pd.notna(r.action_id) else "No",
              str(r.dots) if r.kind == "idea" else ""]
             for r in ideas.sort_values(["theme_id", "kind", "idea_id"]).itertuples()],
        )
    actions = ws.actions
    if not len(actions):
        return
    report.actions = Table(
        "The action plan",
        ["Action", "Owner", "Due", "Status", "Theme"],
        [[r.text, r.owner, r.due, STATUS_LABELS.get(r.status, r.status), r.theme]
         for r in actions.sort_values(["due", "action_id"]).itertuples()],
    )
    if charts_too:
        report.figures["status"] = _figure(plan_charts.actions_by_status_chart(actions))
        report.figures["owner"] = _figure(plan_charts.actions_by_owner_chart(actions))
        report.figures["due"] = _figure(plan_charts.due_timeline_chart(actions, today=today))


def _progress(report: Report, ws: Workshop, charts_too: bool) -> None:
    ind = ws.indicators
    if not len(ind):
        return
    report.indicators = Table(
        "Indicators: baseline, target and the latest measurement",
        ["Success statement", "Indicator", "Baseline", "Target", "Latest", "Progress"],
        [[r.success, r.name, f"{quantity(r.baseline, r.unit)} "
          f"({r.baseline_on})",
          f"{quantity(r.target, r.unit)} by {r.target_on}",
          "not measured yet" if pd.isna(r.latest) else
          f"{quantity(r.latest, r.unit)} ({r.latest_on})",
          "–" if pd.isna(r.progress) else f"{r.progress * 100:.0f}%"]
         for r in ind.itertuples()],
    )
    if charts_too:
        report.figures["progress"] = _figure(plan_charts.progress_chart(ind))

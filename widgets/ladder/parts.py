"""Ladder page pieces: escaped HTML for a scenario and a round, options for rung lists."""

from __future__ import annotations

import ipywidgets as w

from widgets.common.cards import esc
from widgets.common.page import LazyAccordion
from workbook.ladder.models import LEVELS_CONTEXT, MODELS, STAGE_LABELS, Model
from workbook.text import plural

NOT_SET = 0  # option value for "not set" in rung lists (rungs start at 1)
# The drawing as the big screen shows it beside the controls (inches at 100 dpi): one PNG
# pixel per screen pixel, so 20 pt rung names stay 28 px. Saved files are 1920x1080.
PAGE_FIGURE = (1120, 960)
# The ladder drawing fills the height the page leaves it; its caption scrolls if long.
LADDER_CSS = """<style>
.wtfc-ladder-figure img { max-height: calc(100vh - 9rem); width: auto !important;
  max-width: 100% !important; display: block; margin: 0 auto; }
.wtfc-ladder-figure figcaption { font-size: 1rem; line-height: 1.25; }
.wtfc-scenario h2 { font-size: 1.6rem; margin: 0.2rem 0; }
.wtfc-scenario p { font-size: 1.2rem; line-height: 1.35; }
.wtfc-round-status { font-size: 1.3rem; font-weight: bold; }
.wtfc-ladder-side { overflow-y: auto; max-height: calc(100vh - 16rem); }
.wtfc-ladder-plan { max-height: 20rem; overflow: auto; }
.wtfc-model-about p { font-size: 1.1rem; line-height: 1.3; margin: 0.2rem 0; }
.wtfc-levels { font-size: 1.05rem; }
/* In a flex column of limited height, children would shrink and overlap: let it scroll. */
.wtfc-ladder-side > *, .wtfc-ladder-side .widget-vbox > * { flex-shrink: 0; }
</style>"""


def model_options() -> list[tuple[str, str]]:
    return [(m.name, key) for key, m in MODELS.items()]


def rung_options(model: Model, blank: str | None = None, top_first: bool = False) -> list:
    options = [(r.label, r.number) for r in model.options(top_first)]
    return ([(blank, NOT_SET)] if blank else []) + options


def model_html(model: Model) -> str:
    """The model in words beside its drawing: where it comes from, what to say about it, and
    for the levels of engagement the context a trainer points at, as the seed lays it out."""
    out = (f"<div class='wtfc-model-about'><p><strong>{esc(model.name)}</strong> · "
           f"<em>{esc(model.source)}</em></p><p>{esc(model.note)}</p>")
    if model.shape == "levels":
        (neg, neg_items), (pos, pos_items) = LEVELS_CONTEXT["negative"], LEVELS_CONTEXT[
            "positive"]
        faces = {(r.level, r.face): r.name for r in model.rungs}
        rows = "".join(
            f"<tr><td>− {esc(faces[(i, 'negative')])}</td><th scope='row'>{i}. {esc(g)}</th>"
            f"<td>+ {esc(faces[(i, 'positive')])}</td></tr>"
            for i, g in enumerate(model.groups, 1))
        out += (f"<table class='wtfc-grid wtfc-levels'><caption>Which level of engagement? "
                f"Each level has a negative and a positive face</caption><thead><tr>"
                f"<th scope='col'>{esc(neg)}: {esc(', '.join(neg_items))}</th>"
                f"<th scope='col'>Level of engagement</th>"
                f"<th scope='col'>{esc(pos)}: {esc(', '.join(pos_items))}</th></tr></thead>"
                f"<tbody>{rows}</tbody></table>")
    return out + "</div>"


def scenario_html(title: str, situation: str, stage: str = "", model: str = "") -> str:
    parts = [f"<div class='wtfc-scenario'><h2>{esc(title)}</h2>"]
    if stage or model:
        where = " · ".join(x for x in (STAGE_LABELS.get(stage, ""),
                                       MODELS[model].name if model else "") if x)
        parts.append(f"<p><em>{esc(where)}</em></p>")
    parts.append(f"<p>{esc(situation)}</p></div>")
    return "".join(parts)


def status_html(state: str, votes: int, suggested: int | None, model: Model,
                note: str = "") -> str:
    """How the round stands: votes in (hidden) or, once revealed, the suggestion and note."""
    count = f"{plural(votes, 'vote')}"
    if state != "revealed":
        return (f"<p class='wtfc-round-status' role='status'>🗳 {count} in. "
                "The votes stay hidden until the trainer reveals them.</p>")
    out = f"<p class='wtfc-round-status' role='status'>✔ Revealed: {count}.</p>"
    if suggested:
        out += (f"<p><strong>★ The trainer's suggestion:</strong> "
                f"{esc(model.rung(suggested).label)}</p>")
    if note:
        out += f"<p><strong>To discuss:</strong> {esc(note)}</p>"
    return out


def accordion(sections: list[tuple[str, w.Widget]]) -> w.Accordion:
    """Tools used once in a while, closed until opened (and drawn when first opened)."""
    return LazyAccordion(sections)

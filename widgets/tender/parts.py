"""Small shared pieces of the tender page: option lists, score buttons and escaped tables."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as w

from widgets.common.cards import MORE_NOTE, esc, more_attrs
from workbook.tender.model import Evaluation


def bidder_options(ev: Evaluation) -> list[tuple[str, str]]:
    return [(f"{b.bidder} {b.name}" if b.name != b.bidder else b.bidder, b.bidder)
            for b in ev.bidders]


def question_options(ev: Evaluation, panel: str) -> list[tuple[str, str]]:
    return [(f"{q.question} {q.text}"[:90] if q.text else q.question, q.question)
            for q in ev.questions_for(panel)]


def score_options(words: dict[int, str]) -> list[tuple[str, int]]:
    return [(f"{k} · {words.get(k, '')}", k) for k in range(6)]


def score_buttons(description: str) -> w.ToggleButtons:
    """Six big buttons, 0 to 5, each with its number and words (nothing chosen at first)."""
    buttons = w.ToggleButtons(options=score_options({}), value=None, description=description,
                              style={"button_width": "11rem", "description_width": "initial"})
    buttons.add_class("wtfc-score-buttons")
    return buttons


def table_html(headers: Sequence[str], rows: Sequence[Sequence[object]], caption: str,
               css: str = "wtfc-tender-table") -> str:
    """An escaped table with a caption and column headers."""
    head = "".join(f"<th scope='col'>{esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows)
    return (f"<table class='{css}'><caption>{esc(caption)}</caption><thead><tr>{head}</tr>"
            f"</thead><tbody>{body}</tbody></table>")


def scroll_box(inner_html: str, label: str, rows: str = "tbody tr", noun: str = "row",
               nouns: str | None = None) -> str:
    """A region that scrolls on its own (keyboard-reachable), so the page does not; below
    it, the page's script says how many of its `rows` are out of sight (cards.more_attrs)."""
    return (f"<div class='wtfc-tender-scroll' role='region' tabindex='0' "
            f"aria-label='{esc(label)}'{more_attrs(rows, noun, nouns)}>{inner_html}</div>"
            f"{MORE_NOTE}")

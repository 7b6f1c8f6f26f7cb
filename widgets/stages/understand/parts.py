"""Root-cause page pieces: escaped HTML for theme, outline and ranking; dropdowns kept as chosen."""

from __future__ import annotations

from collections.abc import Sequence

from widgets.common.cards import esc, scroll_region
from workbook.stages.understand_outline import OutlineRow
from workbook.text import plural

STAR = "★ top cause"


def theme_info_html(name: str, i_statement: str, not_working: int, votes: int,
                    priority: int | None, none_voted: bool) -> str:
    """The chosen theme: its "I" statement, its not-working count and its dots."""
    said = (f"<p class='wtfc-i-statement'><strong>“I” statement:</strong> {esc(i_statement)}</p>"
            if i_statement else
            "<p class='wtfc-i-statement'><strong>“I” statement:</strong> "
            "not written yet (write it on the Theme page).</p>")
    count = plural(not_working, 'not-working statement')
    rank = (f"Priority {priority} with {plural(votes, 'dot')}." if priority is not None
            else "No dots on this theme yet.")
    note = (no_votes_note() if none_voted else "")
    return (f"<div class='wtfc-theme-info'>{note}<h2>{esc(name)}</h2>{said}"
            f"<p><strong>{count}</strong> in this theme. {rank}</p></div>")


def no_votes_note() -> str:
    return ("<p class='wtfc-note' role='note'><strong>No theme has been voted on yet.</strong> "
            "Every theme with not-working statements is listed. Put dots on the themes on the "
            "Theme page to choose which to work on first.</p>")


def no_themes_html() -> str:
    return ("<div class='wtfc-theme-info'><p class='wtfc-note' role='note'><strong>There are no "
            "themes with not-working statements yet.</strong> Make themes and move the "
            "not-working statements into them on the Theme page first.</p></div>")


def _cause_line(row: OutlineRow) -> str:
    star = f" <strong class='wtfc-top-cause'>{STAR}</strong>" if row.top else ""
    dots = f" <span class='wtfc-dots'>(● {plural(row.votes, 'dot')})</span>"
    text = esc(row.text)
    if row.top:
        text = f"<strong>{text}</strong>"
    return f"<span class='wtfc-cause-text'>{text}</span>{dots}{star}"


def outline_html(theme: str, rows: Sequence[OutlineRow]) -> str:
    """The cause tree as nested lists: each cause's "why?" causes sit inside it."""
    title = f"<h3>Why is “{esc(theme)}” not working?</h3>"
    if not rows:
        return (f"<div class='wtfc-cause-outline'>{title}<p>No causes yet. Add the first "
                "answer to “why?” below.</p></div>")
    parts: list[str] = []
    level = 0
    for row in rows:
        if row.level > level:
            # Open one list per step down; a jump of more than one level never happens in
            # outline order, but nesting stays valid if it did.
            parts.extend(["<ul>"] + ["<li><ul>"] * (row.level - level - 1))
        else:
            parts.append("</li>")
            while level > row.level:
                parts.append("</ul></li>")
                level -= 1
        level = row.level
        parts.append(f"<li data-cause-id='{row.cause_id}'>{_cause_line(row)}")
    parts.append("</li>")
    while level > 1:
        parts.append("</ul></li>")
        level -= 1
    parts.append("</ul>")
    # The outline scrolls in its own box on the big screen: focusable, to scroll by keyboard.
    return scroll_region(f"{title}{''.join(parts)}", "The causes (scrolls)",
                         "li[data-cause-id]", "cause", "causes",
                         css="wtfc-cause-outline wtfc-scroll-box")


def ranking_html(rows: Sequence[OutlineRow]) -> str:
    """Causes by dots, most first, numbered; the top causes marked in words."""
    if not rows:
        return "<div class='wtfc-cause-ranking'><p>No causes to rank yet.</p></div>"
    if not any(r.votes for r in rows):
        head = "<p>No dots on these causes yet.</p>"
    else:
        head = ""
    items = "".join(f"<li>{_cause_line(r)}</li>" for r in rows)
    return f"<div class='wtfc-cause-ranking'>{head}<ol>{items}</ol></div>"

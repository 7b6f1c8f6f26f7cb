"""Root-cause page logic: which themes to offer, causes as an outline, and causes ranked by dots."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbook.text import plural, shorten

TOP_CAUSES = 3  # how many causes count as "top causes" (the chart marks the same ones)
INDENT = "— "


@dataclass(frozen=True)
class ThemeChoice:
    """One option in the theme dropdown."""

    theme_id: int
    name: str
    label: str
    prioritised: bool


@dataclass(frozen=True)
class OutlineRow:
    """One cause in outline order; level 1 sits directly under the theme."""

    cause_id: int
    parent_id: int | None
    text: str
    level: int
    votes: int
    top: bool


def any_theme_voted(themes: pd.DataFrame) -> bool:
    return bool(len(themes)) and bool(themes["priority"].notna().any())


def theme_choices(themes: pd.DataFrame, causes: pd.DataFrame | None = None) -> list[ThemeChoice]:
    """Prioritised themes first (by priority), then other themes with not-working statements.

    A theme that already has causes stays listed even if its not-working cards moved away,
    so no cause becomes unreachable.
    """
    with_causes = set() if causes is None else {int(t) for t in causes["theme_id"]}
    voted = themes[themes["priority"].notna()].sort_values("priority")
    choices = [
        ThemeChoice(int(r.theme_id), str(r.name),
                    f"{int(r.priority)}. {shorten(r.name)} ({plural(int(r.votes), 'dot')})", True)
        for r in voted.itertuples()
    ]
    rest = themes[themes["priority"].isna()]
    rest = rest[(rest["not_working"] > 0) | rest["theme_id"].isin(with_causes)]
    rest = rest.assign(_key=rest["name"].str.casefold()).sort_values(
        ["not_working", "_key"], ascending=[False, True])
    choices += [
        ThemeChoice(int(r.theme_id), str(r.name), f"{shorten(r.name)} (no dots yet)", False)
        for r in rest.itertuples()
    ]
    return choices


def top_cause_ids(causes: pd.DataFrame, top: int = TOP_CAUSES) -> set[int]:
    """The causes with most dots (ties to the earlier cause); causes with no dots never count."""
    voted = causes[causes["votes"] > 0].sort_values(["votes", "cause_id"], ascending=[False, True])
    return {int(c) for c in voted["cause_id"].head(top)}


def outline(causes: pd.DataFrame, top: int = TOP_CAUSES) -> list[OutlineRow]:
    """One theme's causes depth first: each cause followed by the causes beneath it.

    A cause whose parent is missing is shown at the top level rather than lost.
    """
    ids = {int(c) for c in causes["cause_id"]}
    rows = {int(r.cause_id): r for r in causes.itertuples()}
    children: dict[int | None, list[int]] = {}
    for cid, r in sorted(rows.items()):
        parent = None if pd.isna(r.parent_id) or int(r.parent_id) not in ids else int(r.parent_id)
        children.setdefault(parent, []).append(cid)
    tops = top_cause_ids(causes, top)
    out: list[OutlineRow] = []
    seen: set[int] = set()
    stack = [(cid, 1) for cid in reversed(children.get(None, []))]
    while stack:
        cid, level = stack.pop()
        if cid in seen:
            continue
        seen.add(cid)
        r = rows[cid]
        parent = None if pd.isna(r.parent_id) else int(r.parent_id)
        out.append(OutlineRow(cid, parent, str(r.text), level, int(r.votes), cid in tops))
        stack.extend((kid, level + 1) for kid in reversed(children.get(cid, [])))
    # A cycle (which the core never makes) would leave causes unseen: list them, not lose them.
    for cid in sorted(ids - seen):
        r = rows[cid]
        out.append(OutlineRow(cid, None, str(r.text), 1, int(r.votes), cid in tops))
    return out


def ranked(causes: pd.DataFrame, top: int = TOP_CAUSES) -> list[OutlineRow]:
    """Causes by dots, most first; equal dots keep the order the causes were added."""
    rows = outline(causes, top)
    return sorted(rows, key=lambda r: (-r.votes, r.cause_id))


def indented_label(row: OutlineRow) -> str:
    """A cause as a dropdown option, indented by its level: '— — Budget fell'."""
    return INDENT * row.level + shorten(row.text)


def dots_left_sentence(voter: str, left: int, per_voter: int) -> str:
    return f"{voter} has {left} of {plural(per_voter, 'dot')} left for causes"


def tree_selection(rows: list[OutlineRow], max_leaves: int, max_levels: int) -> list[int]:
    """The causes a page-sized cause tree draws, in outline order.

    The tree may be at most `max_leaves` boxes wide and `max_levels` causes deep. The top
    causes (with the causes above them) come first, then the rest level by level, so the
    tree's first levels are drawn whole before anything deeper; a cause is drawn only with
    its parent. Whatever is left out is still in the outline.
    """
    levels = {r.cause_id: r.level for r in rows}
    parent = {r.cause_id: (None if r.level == 1 else r.parent_id) for r in rows}
    kids: dict[int | None, int] = {}
    shown: set[int] = set()
    leaves = 1  # the theme alone is one box wide

    def fits(chain: list[int]) -> bool:
        # A chain hangs from one drawn node (or the theme): it widens the tree by one box
        # unless that node was a leaf; the rest of the chain hangs straight down.
        return leaves + (1 if kids.get(parent[chain[0]], 0) else 0) <= max_leaves

    def add(chain: list[int]) -> None:
        nonlocal leaves
        for cid in chain:
            p = parent[cid]
            leaves += 1 if kids.get(p, 0) else 0
            kids[p] = kids.get(p, 0) + 1
            shown.add(cid)

    def chain_to(cid: int) -> list[int]:
        chain: list[int] = []
        node: int | None = cid
        while node is not None and node not in shown and node in levels:
            chain.append(node)
            node = parent[node]
        return chain[::-1]

    for r in sorted((r for r in rows if r.top), key=lambda r: (-r.votes, r.cause_id)):
        chain = [c for c in chain_to(r.cause_id) if levels[c] <= max_levels]
        if chain and fits(chain):
            add(chain)
    order = {r.cause_id: i for i, r in enumerate(rows)}
    for r in sorted(rows, key=lambda r: (r.level, order[r.cause_id])):
        if r.cause_id in shown or r.level > max_levels:
            continue
        if (r.level == 1 or parent[r.cause_id] in shown) and fits([r.cause_id]):
            add([r.cause_id])
    return [r.cause_id for r in rows if r.cause_id in shown]

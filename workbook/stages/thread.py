"""The golden thread: each action traced to its success statements, cause, theme, people's words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from workbook.model import SUCCESS_PERSPECTIVES

if TYPE_CHECKING:
    from workbook.workshop import Workshop

EXAMPLES = 3  # people's statements quoted for each action
# The words that answer an action best come first: what is not working, then hopes.
KIND_ORDER = {"not_working": 0, "future": 1, "working": 2}
PERSPECTIVE_ORDER = {"person": 0, "family": 1, "staff": 2, "other": 3}
VOICE = {p: ("I" if p in ("person", "family") else "We") for p in SUCCESS_PERSPECTIVES}


@dataclass(frozen=True)
class Said:
    """One of the people's own statements."""

    statement_id: int
    review: str
    kind: str
    perspective: str
    text: str


@dataclass(frozen=True)
class Success:
    success_id: int
    perspective: str
    voice: str
    text: str


@dataclass(frozen=True)
class Thread:
    """One action and everything it answers, back to the words of the people."""

    action_id: int
    action: str
    owner: str
    due: str
    status: str
    theme_id: int
    theme: str
    i_statement: str
    causes: tuple[str, ...]  # the chain of "why?", from under the theme down to the cause
    success: tuple[Success, ...]
    said: tuple[Said, ...]
    said_total: int  # statements in the theme; `said` quotes a few of them

    @property
    def traced(self) -> bool:
        """True when the action reaches people's words (its theme holds statements)."""
        return self.said_total > 0


def ranked_statements(statements: pd.DataFrame) -> pd.DataFrame:
    """Statements ordered as the thread quotes them: not working first, the person's own
    view first, then oldest first."""
    if not len(statements):
        return statements
    return statements.assign(
        _k=statements["kind"].map(KIND_ORDER).fillna(9),
        _p=statements["perspective"].map(PERSPECTIVE_ORDER).fillna(9),
    ).sort_values(["_k", "_p", "statement_id"]).drop(columns=["_k", "_p"])


def statements_behind(workshop: Workshop, theme_id: int, n: int | None = None) -> pd.DataFrame:
    """The people's statements in a theme, in the order the thread quotes them."""
    st = workshop.statements
    df = ranked_statements(st[st["theme_id"] == theme_id])
    return df if n is None else df.head(n)


def cause_chain(causes: pd.DataFrame, cause_id: int | None) -> tuple[str, ...]:
    """The cause and its parents, top first: the "why?" chain from the theme to this cause."""
    if cause_id is None or pd.isna(cause_id) or not len(causes):
        return ()
    texts = dict(zip(causes["cause_id"], causes["text"], strict=True))
    parents = dict(zip(causes["cause_id"], causes["parent_id"], strict=True))
    chain: list[str] = []
    seen: set[int] = set()
    node = int(cause_id)
    while node in texts and node not in seen:
        seen.add(node)
        chain.append(str(texts[node]))
        parent = parents[node]
        if pd.isna(parent):
            break
        node = int(parent)
    return tuple(reversed(chain))


def golden_thread(workshop: Workshop, examples: int = EXAMPLES) -> list[Thread]:
    """Every live action, each traced back to the people's words (read once, then joined)."""
    actions = workshop.actions
    if not len(actions):
        return []
    themes = workshop.themes.set_index("theme_id")
    causes = workshop.causes
    success = workshop.success_statements.set_index("success_id")
    statements = ranked_statements(workshop.statements.dropna(subset=["theme_id"]))
    by_theme = {int(k): g for k, g in statements.groupby("theme_id", sort=False)}
    out: list[Thread] = []
    for a in actions.itertuples():
        linked = [success.loc[s] for s in a.success_ids if s in success.index]
        cause_id = a.cause_id
        if pd.isna(cause_id):  # no cause on the action: take its success statement's
            cause_id = next((s["cause_id"] for s in linked if pd.notna(s["cause_id"])), None)
        theme = themes.loc[a.theme_id]
        said = by_theme.get(int(a.theme_id), statements.iloc[0:0])
        out.append(Thread(
            action_id=int(a.action_id), action=a.text, owner=a.owner, due=a.due,
            status=a.status, theme_id=int(a.theme_id), theme=str(theme["name"]),
            i_statement=str(theme["i_statement"] or ""),
            causes=cause_chain(causes, cause_id),
            success=tuple(
                Success(int(sid), s["perspective"], VOICE.get(s["perspective"], "We"), s["text"])
                for sid, s in zip(a.success_ids, linked, strict=False)
            ),
            said=tuple(
                Said(int(r.statement_id), r.review, r.kind, r.perspective, r.text)
                for r in said.head(examples).itertuples()
            ),
            said_total=len(said),
        ))
    return out


def thread_frame(threads: list[Thread]) -> pd.DataFrame:
    """The golden thread as a table: one row per action (for Excel and the explore notebook)."""
    rows = [
        {
            "action_id": t.action_id,
            "action": t.action,
            "owner": t.owner,
            "due": t.due,
            "status": t.status,
            "success": " | ".join(f"{s.voice}: {s.text}" for s in t.success),
            "cause": " → ".join(t.causes),
            "theme": t.theme,
            "i_statement": t.i_statement,
            "people_said": " | ".join(s.text for s in t.said),
            "statements_in_theme": t.said_total,
        }
        for t in threads
    ]
    cols = ["action_id", "action", "owner", "due", "status", "success", "cause", "theme",
            "i_statement", "people_said", "statements_in_theme"]
    return pd.DataFrame(rows, columns=cols)


def priority_themes(themes: pd.DataFrame) -> pd.DataFrame:
    """The themes success is written for: voted themes by priority; if nobody has voted yet,
    every theme with not-working statements."""
    voted = themes[themes["priority"].notna()].sort_values("priority")
    if len(voted):
        return voted
    return themes[themes["not_working"] > 0].sort_values("not_working", ascending=False)


def success_gaps(themes: pd.DataFrame, success: pd.DataFrame) -> pd.DataFrame:
    """Priority themes x success perspectives: how many statements each has (0 is a gap)."""
    prio = priority_themes(themes)
    counts = (
        success.groupby(["theme_id", "perspective"]).size().unstack(fill_value=0)
        if len(success) else pd.DataFrame()
    )
    counts = counts.reindex(index=list(prio["theme_id"]), columns=list(SUCCESS_PERSPECTIVES),
                            fill_value=0).fillna(0).astype(int)
    counts.index = pd.Index(list(prio["name"]), name="theme")
    return counts

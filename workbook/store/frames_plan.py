"""DataFrames of the later stages: ideas, indicators with progress, measurements, feedback."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
from sqlalchemy import select

from workbook.stages.review import progress
from workbook.store import db
from workbook.store.frames import _frame, _nullable_int

if TYPE_CHECKING:
    from workbook.store.transactions import Store


def ideas(store: Store) -> pd.DataFrame:
    """idea_id, theme_id, theme, kind ('already' or 'idea'), text, author, action_id (set once
    the idea was chosen to become an action)."""
    i, t, a = db.ideas.c, db.themes.c, db.actions.c
    query = (
        select(i.id, i.theme_id, t.name, i.kind, i.text, i.author, a.id)
        .join(db.themes, t.id == i.theme_id)
        .outerjoin(db.actions, (a.id == i.action_id) & a.deleted.is_(False))
        .where(i.deleted.is_(False), t.deleted.is_(False))
        .order_by(i.id)
    )
    cols = ["idea_id", "theme_id", "theme", "kind", "text", "author", "action_id"]
    return _nullable_int(_frame(store, query, cols), "action_id")


def measurements(store: Store) -> pd.DataFrame:
    """measurement_id, indicator_id, taken_on, value, note (live, by indicator then date)."""
    m, n = db.measurements.c, db.indicators.c
    query = (
        select(m.id, m.indicator_id, m.taken_on, m.value, m.note)
        .join(db.indicators, n.id == m.indicator_id)
        .where(m.deleted.is_(False), n.deleted.is_(False))
        .order_by(m.indicator_id, m.taken_on, m.id)
    )
    return _frame(store, query, ["measurement_id", "indicator_id", "taken_on", "value", "note"])


def indicators(store: Store) -> pd.DataFrame:
    """indicator_id, success_id, success (its words), theme_id, theme, name, unit, baseline,
    baseline_on, target, target_on, measurements (count), latest, latest_on, progress
    (0 = baseline, 1 = target reached; empty until measured)."""
    n, s, t = db.indicators.c, db.success_statements.c, db.themes.c
    query = (
        select(n.id, n.success_id, s.text, s.theme_id, t.name, n.name, n.unit, n.baseline,
               n.baseline_on, n.target, n.target_on)
        .join(db.success_statements, s.id == n.success_id)
        .join(db.themes, t.id == s.theme_id)
        .where(n.deleted.is_(False), s.deleted.is_(False), t.deleted.is_(False))
        .order_by(n.id)
    )
    cols = ["indicator_id", "success_id", "success", "theme_id", "theme", "name", "unit",
            "baseline", "baseline_on", "target", "target_on"]
    df = _frame(store, query, cols)
    m = measurements(store)
    last = m.groupby("indicator_id").tail(1).set_index("indicator_id") if len(m) else None
    counts = m.groupby("indicator_id").size() if len(m) else pd.Series(dtype=int)
    df["measurements"] = df["indicator_id"].map(counts).fillna(0).astype(int)
    df["latest"] = df["indicator_id"].map(last["value"]) if last is not None else None
    df["latest_on"] = df["indicator_id"].map(last["taken_on"]) if last is not None else None
    df["progress"] = [
        progress(b, t_, None if pd.isna(v) else float(v))
        for b, t_, v in zip(df["baseline"], df["target"], df["latest"], strict=True)
    ]
    df["progress"] = pd.to_numeric(df["progress"], errors="coerce").astype("Float64")
    return df


def feedback(store: Store) -> pd.DataFrame:
    """feedback_id, theme_id, theme, action_id, you_said, we_did."""
    f, t = db.feedback.c, db.themes.c
    query = (
        select(f.id, f.theme_id, t.name, f.action_id, f.you_said, f.we_did)
        .join(db.themes, t.id == f.theme_id)
        .where(f.deleted.is_(False), t.deleted.is_(False))
        .order_by(f.id)
    )
    cols = ["feedback_id", "theme_id", "theme", "action_id", "you_said", "we_did"]
    return _nullable_int(_frame(store, query, cols), "action_id")

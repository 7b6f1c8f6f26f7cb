"""Tidy pandas DataFrames of a workshop's live records, with stable column names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select

from workbook.consent.rule import shown_frame
from workbook.store import db

if TYPE_CHECKING:
    import pandas as pd

    from workbook.store.transactions import Store

KINDS = ("working", "not_working", "future")


def _frame(store: Store, query, columns: list[str]) -> pd.DataFrame:
    import pandas as pd
    with store.read() as conn:
        rows = conn.execute(query).all()
    return pd.DataFrame([tuple(r) for r in rows], columns=columns)


def _nullable_int(df: pd.DataFrame, *cols: str) -> pd.DataFrame:
    for col in cols:
        df[col] = df[col].astype("Int64")
    return df


def statements(store: Store, *, all_words: bool = False) -> pd.DataFrame:
    """One row per live statement: statement_id, review, perspective, kind, text, theme_id,
    theme, source, created_at, updated_at, words_withheld.

    `text` is the words as others may see them (workbook.consent): a review without consent
    gives a placeholder instead, unless `all_words` (the facilitator's own use, never a page,
    a report or an export for others)."""
    import pandas as pd
    s, r, t = db.statements.c, db.reviews.c, db.themes.c
    query = (
        select(
            s.id,
            r.ref,
            s.perspective,
            s.kind,
            s.text,
            s.theme_id,
            t.name,
            s.source,
            s.created_at,
            s.updated_at,
            r.consent,
        )
        .join(db.reviews, r.id == s.review_id)
        .outerjoin(db.themes, (t.id == s.theme_id) & t.deleted.is_(False))
        .where(s.deleted.is_(False))
        .order_by(s.id)
    )
    cols = [
        "statement_id",
        "review",
        "perspective",
        "kind",
        "text",
        "theme_id",
        "theme",
        "source",
        "created_at",
        "updated_at",
        "consent",
    ]
    df = _nullable_int(_frame(store, query, cols), "theme_id")
    df.loc[df["theme"].isna(), "theme_id"] = pd.NA  # a card in a deleted theme is unthemed
    consent = df.pop("consent")
    if all_words:
        return df.assign(words_withheld=False)
    return shown_frame(df, consent)


def reviews(store: Store) -> pd.DataFrame:
    """review_id, review (the pseudonymous reference) and its count of live statements."""
    s, r = db.statements.c, db.reviews.c
    n = func.count(s.id)
    query = (
        select(r.id, r.ref, n)
        .join(db.statements, (s.review_id == r.id) & s.deleted.is_(False))
        .group_by(r.id, r.ref)
        .order_by(r.ref)
    )
    return _frame(store, query, ["review_id", "review", "statements"])


def votes(store: Store) -> pd.DataFrame:
    """vote_id, voter, target ('theme' or 'cause'), target_id, created_at."""
    v = db.votes.c
    query = (
        select(v.id, v.voter, v.target, v.target_id, v.created_at)
        .where(v.deleted.is_(False))
        .order_by(v.id)
    )
    return _frame(store, query, ["vote_id", "voter", "target", "target_id", "created_at"])


def _vote_counts(store: Store, target: str) -> dict[int, int]:
    v = db.votes.c
    query = (
        select(v.target_id, func.count())
        .where(v.target == target, v.deleted.is_(False))
        .group_by(v.target_id)
    )
    with store.read() as conn:
        return {int(k): int(n) for k, n in conn.execute(query)}


def themes(store: Store) -> pd.DataFrame:
    """theme_id, name, i_statement, statements, working, not_working, future, main_kind,
    votes, priority (1 = most dots among voted themes; empty when unvoted)."""
    t = db.themes.c
    base = _frame(
        store,
        select(t.id, t.name, t.i_statement).where(t.deleted.is_(False)).order_by(t.id),
        ["theme_id", "name", "i_statement"],
    )
    s = db.statements.c
    # Counted in the database: a redraw after each card move must stay cheap at 30,000 cards.
    counted = _frame(
        store,
        select(s.theme_id, s.kind, func.count())
        .where(s.deleted.is_(False), s.theme_id.is_not(None))
        .group_by(s.theme_id, s.kind),
        ["theme_id", "kind", "n"],
    )
    counts = counted.pivot_table(index="theme_id", columns="kind", values="n", aggfunc="sum")
    counts = counts.reindex(columns=list(KINDS))
    df = base.join(counts, on="theme_id") if len(counts) else base.assign(**{k: 0 for k in KINDS})
    for kind in KINDS:
        df[kind] = df[kind].fillna(0).astype(int)
    df["statements"] = df[list(KINDS)].sum(axis=1)
    # The main kind; a tie goes to not working, since those are the themes prioritised.
    order = ["not_working", "working", "future"]
    df["main_kind"] = [
        max(order, key=lambda k, row=row: (row[k], -order.index(k))) if row["statements"] else ""
        for _, row in df.iterrows()
    ]
    df["votes"] = df["theme_id"].map(_vote_counts(store, "theme")).fillna(0).astype(int)
    voted = df[df["votes"] > 0].sort_values(["votes", "not_working"], ascending=False)
    df["priority"] = (
        df["theme_id"].map({tid: i + 1 for i, tid in enumerate(voted["theme_id"])}).astype("Int64")
    )
    cols = [
        "theme_id",
        "name",
        "i_statement",
        "statements",
        *KINDS,
        "main_kind",
        "votes",
        "priority",
    ]
    return df[cols]


def causes(store: Store) -> pd.DataFrame:
    """cause_id, theme_id, theme, parent_id, text, depth (1 = directly under the theme), votes."""
    import pandas as pd
    c, t = db.causes.c, db.themes.c
    query = (
        select(c.id, c.theme_id, t.name, c.parent_id, c.text)
        .join(db.themes, t.id == c.theme_id)
        .where(c.deleted.is_(False), t.deleted.is_(False))
        .order_by(c.id)
    )
    df = _nullable_int(
        _frame(store, query, ["cause_id", "theme_id", "theme", "parent_id", "text"]), "parent_id"
    )
    parents = dict(zip(df["cause_id"], df["parent_id"], strict=True))

    def depth(cid: int) -> int:
        d, seen = 1, {cid}
        while pd.notna(parents.get(cid)) and parents[cid] in parents and parents[cid] not in seen:
            cid = parents[cid]
            seen.add(cid)
            d += 1
        return d

    df["depth"] = [depth(cid) for cid in df["cause_id"]]
    df["votes"] = df["cause_id"].map(_vote_counts(store, "cause")).fillna(0).astype(int)
    return df


def success_statements(store: Store) -> pd.DataFrame:
    """success_id, theme_id, theme, cause_id, perspective, voice ('I' or 'We'), text."""
    s, t = db.success_statements.c, db.themes.c
    query = (
        select(s.id, s.theme_id, t.name, s.cause_id, s.perspective, s.text)
        .join(db.themes, t.id == s.theme_id)
        .where(s.deleted.is_(False), t.deleted.is_(False))
        .order_by(s.id)
    )
    df = _frame(
        store, query, ["success_id", "theme_id", "theme", "cause_id", "perspective", "text"]
    )
    df = _nullable_int(df, "cause_id")
    df.insert(5, "voice", ["I" if p in ("person", "family") else "We" for p in df["perspective"]])
    return df


def actions(store: Store) -> pd.DataFrame:
    """action_id, theme_id, theme, cause_id, success_id (the first linked), text, owner, due,
    status, success_ids (a tuple of every linked success statement)."""
    a, t = db.actions.c, db.themes.c
    query = (
        select(a.id, a.theme_id, t.name, a.cause_id, a.text, a.owner, a.due, a.status)
        .join(db.themes, t.id == a.theme_id)
        .where(a.deleted.is_(False), t.deleted.is_(False))
        .order_by(a.id)
    )
    cols = ["action_id", "theme_id", "theme", "cause_id", "text", "owner", "due", "status"]
    df = _frame(store, query, cols)
    links = action_links(store)
    df["success_ids"] = [links.get(int(i), ()) for i in df["action_id"]]
    df.insert(4, "success_id", [ids[0] if ids else None for ids in df["success_ids"]])
    return _nullable_int(df, "cause_id", "success_id")


def action_links(store: Store) -> dict[int, tuple[int, ...]]:
    """Each action's live success statements, in the order they were linked."""
    k, s = db.action_success.c, db.success_statements.c
    query = (
        select(k.action_id, k.success_id)
        .join(db.success_statements, s.id == k.success_id)
        .where(k.deleted.is_(False), s.deleted.is_(False))
        .order_by(k.id)
    )
    out: dict[int, list[int]] = {}
    with store.read() as conn:
        for action_id, success_id in conn.execute(query):
            out.setdefault(int(action_id), []).append(int(success_id))
    return {a: tuple(ids) for a, ids in out.items()}


def history(store: Store) -> pd.DataFrame:
    """change_id, at, actor, summary, undone (True once undone), is_undo."""
    c = db.changes.c
    query = select(c.id, c.at, c.actor, c.summary, c.undone_by, c.undo_of).order_by(c.id)
    df = _frame(store, query, ["change_id", "at", "actor", "summary", "undone_by", "undo_of"])
    df["undone"] = df["undone_by"].notna()
    df["is_undo"] = df["undo_of"].fillna(0).astype(int) > 0
    return df[["change_id", "at", "actor", "summary", "undone", "is_undo"]]


# --- the later steps: ideas, indicators with their progress, measurements, feedback -------


def progress(baseline: float, target: float, latest: float | None) -> float | None:
    """How far from baseline to target the latest measurement is: 0 at the baseline, 1 at the
    target (below 0 is worse than the baseline; above 1 beats the target). None if unmeasured
    or if baseline and target are the same."""
    if latest is None or target == baseline:
        return None
    return (latest - baseline) / (target - baseline)


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
    import pandas as pd
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
    """feedback_id, theme_id, theme, action_id, you_said, we_did (what we did and how we are
    taking it forward), impact (impact and next steps; may be ""), status ('done', 'in
    progress', 'not done'), reason (why not done; "" otherwise), given_on (ISO date)."""
    f, t = db.feedback.c, db.themes.c
    query = (
        select(f.id, f.theme_id, t.name, f.action_id, f.you_said, f.we_did, f.impact, f.status,
               f.reason, f.given_on)
        .join(db.themes, t.id == f.theme_id)
        .where(f.deleted.is_(False), t.deleted.is_(False))
        .order_by(f.id)
    )
    cols = ["feedback_id", "theme_id", "theme", "action_id", "you_said", "we_did", "impact",
            "status", "reason", "given_on"]
    return _nullable_int(_frame(store, query, cols), "action_id")

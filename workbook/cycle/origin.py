"""Where this event came from, the last event's themes, and the facilitator's theme mapping."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from workbook.cycle.schema import cycle_last_themes, cycle_origin
from workbook.model import MAX_NAME, InputError, clean_date, clean_text, optional_text
from workbook.store import db

if TYPE_CHECKING:
    from workbook.workshop import Workshop

BY_NAME = 0  # the mapping's "no theme chosen": matched by name (Unicode-folded) instead


@dataclass(frozen=True)
class Origin:
    """The last event, as it stood when this one was started from it."""

    workshop: str
    location: str
    held_on: str | None
    reviews: int
    statements: int
    started_at: str  # when this event was made from it (ISO, UTC)
    actor: str

    @property
    def started_on(self) -> str:
        return self.started_at[:10]

    def sentence(self) -> str:
        held = f" (held on {self.held_on})" if self.held_on else ""
        return (f"This event was started on {self.started_on} from '{self.workshop}'{held}, "
                f"which had {self.reviews:,} reviews and {self.statements:,} statements.")


@dataclass(frozen=True)
class LastTheme:
    """One of the last event's themes, with its counts then and what it maps to now."""

    id: int
    name: str
    i_statement: str
    statements: int
    working: int
    not_working: int
    future: int
    votes: int
    theme_id: int | None  # the facilitator's mapping: this event's theme (None: by name)


def origin(ws: Workshop) -> Origin | None:
    """The event this one was started from, or None."""
    o = cycle_origin.c
    with ws.store.read() as conn:
        row = conn.execute(select(cycle_origin).where(o.deleted.is_(False))
                           .order_by(o.id.desc()).limit(1)).mappings().first()
    if row is None:
        return None
    return Origin(row["workshop"], row["location"], row["held_on"], int(row["reviews"]),
                  int(row["statements"]), row["created_at"], row["actor"])


def last_themes(ws: Workshop) -> list[LastTheme]:
    """The last event's themes (of the latest origin), largest first; a mapping to a theme
    since deleted reads as None (matched by name)."""
    o, c, t = cycle_origin.c, cycle_last_themes.c, db.themes.c
    latest = (select(o.id).where(o.deleted.is_(False)).order_by(o.id.desc()).limit(1)
              .scalar_subquery())
    query = (select(c.id, c.name, c.i_statement, c.statements, c.working, c.not_working,
                    c.future, c.votes, c.theme_id, t.deleted)
             .outerjoin(db.themes, t.id == c.theme_id)
             .where(c.deleted.is_(False), c.origin_id == latest)
             .order_by(c.statements.desc(), c.id))
    with ws.store.read() as conn:
        rows = conn.execute(query).all()
    return [LastTheme(int(r[0]), r[1], r[2], *(int(v) for v in r[3:8]),
                      None if r[8] is None or r[9] else int(r[8])) for r in rows]


def set_mapping(ws: Workshop, last_theme_id: int, theme_id: int | None, *,
                actor: str = "") -> str:
    """Say which of this event's themes a last event's theme is (None or BY_NAME: match by
    name); one undoable change. Returns a sentence saying what was set."""
    target = None if not theme_id else int(theme_id)
    with ws.store.write(actor, "Matched a theme of the last event") as tx:
        old = tx.existing(cycle_last_themes, last_theme_id, "theme of the last event")
        if target is None:
            tx.update(cycle_last_themes, last_theme_id, theme_id=None)
            return f"'{old['name']}' from last time is now matched by its name."
        new = tx.existing(db.themes, target, "theme")
        tx.update(cycle_last_themes, last_theme_id, theme_id=target)
        tx.summary = f"Matched '{old['name'][:40]}' from last time to '{new['name'][:40]}'"
        return f"'{old['name']}' from last time is now compared with '{new['name']}'."


# --- restoring a whole-workshop export (io.restore_rules) --------------------------------------
def _count(row: dict[str, Any], column: str) -> None:
    if row[column] < 0:
        raise InputError(f"{column} {row[column]} must not be negative")


def _restore_origin(row: dict[str, Any], ctx: Any, n: int) -> None:
    row["workshop"] = clean_text(row["workshop"], "last event's name", MAX_NAME)
    row["location"] = optional_text(row["location"], "last event's location")
    row["actor"] = optional_text(row["actor"], "who started this event", MAX_NAME)
    if row["held_on"] is not None and str(row["held_on"]).strip():
        row["held_on"] = clean_date(row["held_on"], "last event's date")
    else:
        row["held_on"] = None
    for column in ("revision", "reviews", "statements"):
        _count(row, column)


def _restore_last_theme(row: dict[str, Any], ctx: Any, n: int) -> None:
    row["name"] = clean_text(row["name"], "theme name", 200)
    row["i_statement"] = optional_text(row["i_statement"], '"I" statement')
    for column in ("statements", "working", "not_working", "future", "votes"):
        _count(row, column)
    if row["statements"] != row["working"] + row["not_working"] + row["future"]:
        raise InputError("statements is not working + not_working + future")


def restore_rules() -> dict[str, Any]:
    """The checks a whole-workshop restore makes on the cycle tables (io.restore_rules)."""
    return {cycle_origin.name: _restore_origin, cycle_last_themes.name: _restore_last_theme}

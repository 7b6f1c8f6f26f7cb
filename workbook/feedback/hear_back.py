"""Who must hear back about what was done, by group, and when and how each group was told."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from workbook.feedback.tables import hear_back
from workbook.feedback.vocab import (
    STANDARD_GROUPS,
    clean_group,
    clean_how,
    clean_told_on,
    group_key,
)
from workbook.model import MAX_TEXT, InputError, optional_text

if TYPE_CHECKING:
    import pandas as pd
    from sqlalchemy import Connection

    from workbook.store.transactions import Store, Tx

COLUMNS = ["hear_back_id", "group", "standard", "told", "told_on", "how", "note"]
STANDARD_KEYS = {group_key(g): g for g in STANDARD_GROUPS}


def _rows(conn: Connection) -> dict[str, dict[str, Any]]:
    """Live rows by folded group name (one live row per group: the ops keep it so)."""
    rows = conn.execute(select(hear_back).where(hear_back.c.deleted.is_(False))
                        .order_by(hear_back.c.id)).mappings()
    return {group_key(r["audience"]): dict(r) for r in rows}


def _short(group: object) -> str:
    return " ".join(str(group).split())[:40]


def hear_back_frame(store: Store) -> pd.DataFrame:
    """One row per group that must hear back, the usual groups first (in STANDARD_GROUPS
    order, unless marked not needed), then the groups added, in the order added: hear_back_id
    (<NA> for a usual group nothing was recorded for), group, standard, told (bool), told_on
    (ISO date; "" until told), how ("" until told), note."""
    import pandas as pd

    with store.read() as conn:
        rows = _rows(conn)
    out = []
    for key, name in STANDARD_KEYS.items():
        row = rows.pop(key, None)
        if row is None:
            out.append((None, name, True, False, "", "", ""))
        elif row["needed"]:
            out.append(_entry(row, True))
    out += [_entry(row, False) for row in rows.values() if row["needed"]]
    df = pd.DataFrame(out, columns=COLUMNS)
    df["hear_back_id"] = df["hear_back_id"].astype("Int64")
    df["told"] = df["told"].astype(bool)
    return df


def _entry(row: dict[str, Any], standard: bool) -> tuple:
    told = row["told_on"] is not None
    return (row["id"], row["audience"], standard, told, row["told_on"] or "", row["how"],
            row["note"])


class HearBackOps:
    """Mixed into Workshop (through ReviewOps): the groups who must hear back, and telling."""

    store: Store

    @property
    def hear_back(self) -> pd.DataFrame:
        return hear_back_frame(self.store)

    def add_hear_back_group(self, name: object, *, actor: str = "") -> str:
        """Add a group who must hear back (a usual group marked not needed comes back)."""
        name = clean_group(name)
        key = group_key(name)
        with self.store.write(actor, f"Added “{name[:40]}” to who must hear back") as tx:
            row = _rows(tx.conn).get(key)
            if row is not None and row["needed"]:
                raise InputError(f"“{row['audience']}” is already on the list of who must "
                                 "hear back.")
            if row is None and key in STANDARD_KEYS:
                raise InputError(f"“{STANDARD_KEYS[key]}” is already on the list of who must "
                                 "hear back.")
            if row is not None:
                tx.update(hear_back, row["id"], needed=True)
                return str(row["audience"])
            tx.insert(hear_back, audience=name)
            return name

    def record_told(self, group: object, told_on: object, how: object, note: object = "", *,
                    actor: str = "") -> None:
        """Record when and how a group was told (telling again replaces the date and how;
        the history keeps the earlier ones)."""
        values = dict(told_on=clean_told_on(told_on), how=clean_how(how),
                      note=optional_text(note, "note", MAX_TEXT))
        with self.store.write(actor, f"Recorded that “{_short(group)}” heard back") as tx:
            row = self._group_row(tx, group)
            if row is None:
                tx.insert(hear_back, audience=STANDARD_KEYS[group_key(str(group))], **values)
            else:
                tx.update(hear_back, row["id"], **values)

    def mark_not_told(self, group: object, *, actor: str = "") -> None:
        """A group recorded as told by mistake: back to still to tell."""
        with self.store.write(actor, f"Marked “{_short(group)}” as not told yet") as tx:
            row = self._group_row(tx, group)
            if row is None or row["told_on"] is None:
                raise InputError(f"“{str(group).strip()}” has not been recorded as told, so "
                                 "there is nothing to take back.")
            tx.update(hear_back, row["id"], told_on=None, how="", note="")

    def remove_hear_back_group(self, group: object, *, actor: str = "") -> None:
        """Take a group off the list (a usual group: not needed at this event)."""
        with self.store.write(actor, f"Took “{_short(group)}” off who must hear back") as tx:
            row = self._group_row(tx, group)
            if row is None:
                tx.insert(hear_back, audience=STANDARD_KEYS[group_key(str(group))],
                          needed=False)
            elif group_key(row["audience"]) in STANDARD_KEYS:
                tx.update(hear_back, row["id"], needed=False)
            else:
                tx.delete(hear_back, row["id"])

    @staticmethod
    def _group_row(tx: Tx, group: object) -> dict[str, Any] | None:
        """The live, needed row of a group; None for a usual group with no row yet; an
        InputError for a group not on the list."""
        name = clean_group(group)
        row = _rows(tx.conn).get(group_key(name))
        if row is not None and row["needed"]:
            return row
        if row is None and group_key(name) in STANDARD_KEYS:
            return None
        raise InputError(f"“{name}” is not on the list of who must hear back (it may have "
                         "been taken off on another screen): add it first.")

"""The facilitator's picture choices for the easy read's points, kept as one workshop setting."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from sqlalchemy import select

from workbook.easyread.pictures import PICTURES, check_name
from workbook.model import InputError
from workbook.store import db

if TYPE_CHECKING:
    from workbook.workshop import Workshop

# One meta row: a JSON object {point key: picture name}. A setting (like dots per voter): it
# travels in the whole-workshop export, and a change is final (choose again to change it).
META_KEY = "setting.easy_read_pictures"
POINT_KEY = re.compile(r"[a-z]{2,10}:[a-z0-9_]{1,20}")
MAX_CHOICES = 1000  # so the setting fits in one spreadsheet cell of an export


def parse_choices(value: object) -> dict[str, str]:
    """The stored (or imported) choices, checked: point keys and curated picture names only."""
    try:
        data = json.loads(value) if isinstance(value, str) else value
    except ValueError:
        raise InputError("the easy read's picture choices are not readable JSON") from None
    if not isinstance(data, dict) or len(data) > MAX_CHOICES:
        raise InputError("the easy read's picture choices must be an object of point: picture")
    out: dict[str, str] = {}
    for key, name in data.items():
        if not isinstance(key, str) or not POINT_KEY.fullmatch(key):
            raise InputError(f"{key!r} is not an easy-read point")
        out[key] = check_name(name)
    return out


def check_setting(value: object) -> str:
    """The export's check for META_KEY (workbook/io/exchange.py): the JSON as it is stored."""
    return json.dumps(parse_choices(value), sort_keys=True)


def picture_choices(ws: Workshop) -> dict[str, str]:
    """{point key: picture name} as the facilitator chose them (an unreadable row is ignored)."""
    with ws.store.read() as conn:
        value = conn.execute(select(db.meta.c.value).where(db.meta.c.key == META_KEY)).scalar()
    try:
        return parse_choices(value) if value else {}
    except InputError:
        return {}


def choose_picture(ws: Workshop, key: str, name: str | None, *, label: str = "",
                   actor: str = "") -> None:
    """Save one point's picture (None: back to the one its words pick), in one transaction;
    the other points' choices are kept."""
    if not POINT_KEY.fullmatch(str(key)):
        raise InputError("Choose the point whose picture you want to change.")
    if name is not None:
        check_name(name)
    what = label or key
    now = PICTURES[name].label if name else "the one its words pick"
    with ws.store.write(actor, f"Easy read: the picture for “{what[:60]}” is now {now}") as tx:
        # Read inside the write: the write lock is held, so no other screen's choice is lost.
        value = tx.conn.execute(
            select(db.meta.c.value).where(db.meta.c.key == META_KEY)).scalar()
        try:
            chosen = parse_choices(value) if value else {}
        except InputError:
            chosen = {}
        if name is None:
            chosen.pop(key, None)
        else:
            chosen[key] = name
        tx.conn.execute(db.meta.delete().where(db.meta.c.key == META_KEY))
        tx.conn.execute(db.meta.insert().values(key=META_KEY,
                                                value=json.dumps(chosen, sort_keys=True)))
        tx.touched.add("meta")
        tx.not_undoable = True

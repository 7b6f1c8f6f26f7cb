"""The next event made from the last: themes, success statements, open actions and indicators
carried over in one transaction, into a folder that appears whole or not at all."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from sqlalchemy import select

from workbook.cycle.schema import cycle_last_themes, cycle_origin
from workbook.model import MAX_NAME, InputError, clean_text
from workbook.store import db
from workbook.store.transactions import Store
from workbook.store.urls import without_password
from workbook.text import noun, plural

if TYPE_CHECKING:
    from workbook.store.transactions import Tx
    from workbook.workshop import Workshop

DONE = "done"  # an action with this status stays behind: the rest are still open


@dataclass
class Last:
    """What is carried, read from the last event before anything is made."""

    name: str
    location: str
    held_on: str | None
    revision: int
    reviews: int
    statements: int
    themes: pd.DataFrame
    success: pd.DataFrame
    actions: pd.DataFrame
    done_actions: int
    indicators: pd.DataFrame


@dataclass
class Started:
    """The new event's folder and what it holds from the last one."""

    folder: Path
    name: str
    last: str
    themes: int = 0
    success: int = 0
    actions: int = 0
    done_left: int = 0
    indicators: int = 0
    rebased: int = 0  # indicators whose latest measurement is the new baseline
    target_moved: int = 0  # target dates already passed, set to the new baseline's date

    def sentences(self) -> list[str]:
        lines = [
            f"Made the workshop '{self.name}' in {self.folder}, started from '{self.last}'.",
            f"Carried over: {plural(self.themes, 'theme')} with their “I” statements, "
            f"{plural(self.success, 'success statement')}, "
            f"{plural(self.actions, 'open action')} and {plural(self.indicators, 'indicator')}"
            f" ({self.rebased} with the latest measurement as the new baseline).",
        ]
        if self.done_left:
            lines.append(f"{plural(self.done_left, 'action')} marked done "
                         f"{noun(self.done_left, 'was', 'were')} left behind.")
        if self.target_moved:
            lines.append(f"{plural(self.target_moved, 'indicator')}' target dates had passed: "
                         "each is set to its new baseline date. Set new target dates on "
                         "Step 7 · Implement.")
        lines.append("Statements, votes and reviews start empty.")
        return lines


def read_last(ws: Workshop, location: str) -> Last:
    """Everything the next event takes from `ws`, read before anything is made."""
    stats = ws.stats()
    actions = ws.actions
    with ws.store.read() as conn:
        held = conn.execute(
            select(db.prepare_event.c.held_on).where(db.prepare_event.c.deleted.is_(False))
            .order_by(db.prepare_event.c.id).limit(1)).scalar()
    return Last(
        name=ws.name, location=location, held_on=held, revision=ws.revision,
        reviews=int(stats["reviews"]), statements=int(sum(stats["statements"].values())),
        themes=ws.themes, success=ws.success_statements,
        actions=actions[actions["status"] != DONE], done_actions=int(
            (actions["status"] == DONE).sum()),
        indicators=ws.indicators)


def _empty(folder: Path) -> None:
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InputError(f"{folder} already exists and is not empty. Choose a new folder for "
                         "the next event (nothing was made).")


def _number(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _carry(tx: Tx, last: Last, started: Started, actor: str) -> None:
    """Every carried row, inserted through the transaction (so the history shows them)."""
    theme_ids: dict[int, int] = {}
    for t in last.themes.itertuples():
        theme_ids[int(t.theme_id)] = tx.insert(db.themes, name=t.name,
                                               i_statement=t.i_statement or "")
    success_ids: dict[int, int] = {}
    for s in last.success.itertuples():
        if int(s.theme_id) in theme_ids:  # causes stay behind: a new cycle finds its own
            success_ids[int(s.success_id)] = tx.insert(
                db.success_statements, theme_id=theme_ids[int(s.theme_id)], cause_id=None,
                perspective=s.perspective, text=s.text)
    for a in last.actions.itertuples():
        if int(a.theme_id) not in theme_ids:
            continue
        action_id = tx.insert(db.actions, theme_id=theme_ids[int(a.theme_id)], cause_id=None,
                              success_id=None, text=a.text, owner=a.owner, due=a.due,
                              status=a.status)
        for sid in a.success_ids:
            if int(sid) in success_ids:
                tx.insert(db.action_success, action_id=action_id,
                          success_id=success_ids[int(sid)])
        started.actions += 1
    for i in last.indicators.itertuples():
        if int(i.success_id) not in success_ids:
            continue
        baseline, baseline_on = float(i.baseline), str(i.baseline_on)
        latest = _number(i.latest)
        if latest is not None:
            baseline, baseline_on = latest, str(i.latest_on)
            started.rebased += 1
        target_on = str(i.target_on)
        if target_on < baseline_on:  # the target date has passed: the next cycle sets anew
            target_on = baseline_on
            started.target_moved += 1
        tx.insert(db.indicators, success_id=success_ids[int(i.success_id)], name=i.name,
                  unit=i.unit or "", baseline=baseline, baseline_on=baseline_on,
                  target=float(i.target), target_on=target_on)
        started.indicators += 1
    origin = tx.insert(cycle_origin, workshop=last.name[:MAX_NAME], location=last.location,
                       held_on=last.held_on, revision=last.revision, reviews=last.reviews,
                       statements=last.statements, actor=actor)
    for t in last.themes.itertuples():
        tx.insert(cycle_last_themes, origin_id=origin, name=t.name,
                  i_statement=t.i_statement or "", statements=int(t.statements),
                  working=int(t.working), not_working=int(t.not_working),
                  future=int(t.future), votes=int(t.votes), theme_id=theme_ids[int(t.theme_id)])
    started.themes, started.success = len(theme_ids), len(success_ids)
    started.done_left = last.done_actions


def start_next(last_ws: Workshop, folder: str | Path, name: object, *,
               db_url: str | None = None, actor: str = "command line") -> Started:
    """Make the next event's workshop in `folder` from `last_ws`. The folder must be new or
    empty; on any failure nothing is left behind (the folder is built under a temporary name
    and renamed into place; the database is written in one transaction)."""
    from workbook.workshop import CONFIG, ENV_URL, SQLITE_FILE

    name = clean_text(name, "workshop name", MAX_NAME)
    folder = Path(folder).expanduser().absolute()
    _empty(folder)
    location = (str(last_ws.folder.resolve()) if last_ws.folder is not None
                else last_ws.store.engine.url.set(password=None).render_as_string())
    last = read_last(last_ws, location)
    made_parents = [p for p in reversed(folder.parents) if not p.exists()]
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".making", dir=folder.parent))
    store = None
    started = Started(folder, name, last.name)
    try:
        url_from_env = db_url is None and bool(os.environ.get(ENV_URL))
        url = db_url or os.environ.get(ENV_URL) or db.sqlite_url(work / SQLITE_FILE)
        store = Store(db.make_engine(url))
        with store.read() as conn:
            existing = conn.execute(
                select(db.meta.c.value).where(db.meta.c.key == "name")).scalar()
        if existing:
            raise InputError(f"That database already holds the workshop '{existing}'. Give "
                             "the next event a database of its own (nothing was made).")
        # the folder's files first, as Workshop.create writes them: after the database's
        # one transaction only the rename is left to do
        config = {
            "format": "wtfc-workbook",
            "name": name,
            "db_url": None if (url_from_env or db_url is None) else without_password(db_url),
            "db_url_env": ENV_URL if url_from_env else None,
        }
        (work / CONFIG).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
        (work / "outputs").mkdir()
        with store.write(actor, f"Started this event from '{last.name}'") as tx:
            tx.conn.execute(db.meta.insert().values(key="name", value=name))
            _carry(tx, last, started, actor)
            tx.not_undoable = True  # undo must not empty the new event of what it carries
        store.engine.dispose()
        _empty(folder)  # checked again: another screen may have made it meanwhile
        if folder.exists():
            folder.rmdir()
        work.rename(folder)
    except BaseException:
        if store is not None:
            store.engine.dispose()
        shutil.rmtree(work, ignore_errors=True)
        for parent in reversed(made_parents):
            try:
                parent.rmdir()
            except OSError:
                pass
        raise
    return started

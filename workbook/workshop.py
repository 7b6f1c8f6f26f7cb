"""A workshop: a folder with its store and outputs, opened by path or database URL."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from workbook.ladder.store import LadderOps
from workbook.model import MAX_NAME, InputError, clean_text
from workbook.stages.collect import CollectOps
from workbook.stages.plan import PlanOps
from workbook.stages.prepare import PrepareOps
from workbook.stages.review import ReviewOps
from workbook.stages.success import SuccessOps
from workbook.stages.theme import ThemeOps
from workbook.stages.understand import CauseOps
from workbook.store import db, frames
from workbook.store.transactions import Store
from workbook.store.urls import without_password

CONFIG = "workshop.json"
SQLITE_FILE = "workshop.sqlite"
ENV_URL = "WTFC_DATABASE_URL"


def _is_url(location: str) -> bool:
    return "://" in location


class Workshop(PrepareOps, CollectOps, ThemeOps, CauseOps, SuccessOps, PlanOps, ReviewOps,
               LadderOps):
    """The workshop as a commissioner or a page sees it: DataFrames in, actions out."""

    def __init__(self, store: Store, folder: Path | None):
        self.store = store
        self.folder = folder

    # --- opening and creating -------------------------------------------------------------
    @classmethod
    def create(cls, folder: str | Path, name: str, db_url: str | None = None) -> Workshop:
        """Make a workshop folder (config, outputs/) and its store; SQLite unless a URL."""
        folder = Path(folder)
        name = clean_text(name, "workshop name", MAX_NAME)
        if (folder / CONFIG).exists():
            raise InputError(f"There is already a workshop in {folder}. Open it instead.")
        url_from_env = db_url is None and bool(os.environ.get(ENV_URL))
        url = db_url or os.environ.get(ENV_URL) or db.sqlite_url(folder / SQLITE_FILE)
        folder.mkdir(parents=True, exist_ok=True)
        store = Store(db.make_engine(url))
        existing = cls._meta(store, "name")
        if existing:
            raise InputError(f"That database already holds the workshop '{existing}'.")
        with store.write("setup", f"Created workshop '{name}'") as tx:
            tx.conn.execute(db.meta.insert().values(key="name", value=name))
        config = {
            "format": "wtfc-workbook",
            "name": name,
            # never a password: it comes from PGPASSWORD or ~/.pgpass (store/urls.py)
            "db_url": None if (url_from_env or db_url is None) else without_password(db_url),
            "db_url_env": ENV_URL if url_from_env else None,
        }
        (folder / CONFIG).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
        (folder / "outputs").mkdir(exist_ok=True)
        return cls(store, folder)

    @classmethod
    def open(cls, location: str | Path) -> Workshop:
        """Open a workshop folder, or a store by database URL (outputs go to ./outputs)."""
        text = str(location)
        if _is_url(text):
            return cls(Store(db.make_engine(text)), None)
        folder = Path(text)
        config_path = folder / CONFIG
        if config_path.exists():
            config = json.loads(config_path.read_text(encoding="utf-8"))
            url = config.get("db_url")
            if not url and config.get("db_url_env"):
                url = os.environ.get(config["db_url_env"])
                if not url:
                    raise InputError(
                        f"This workshop's database URL comes from {config['db_url_env']}, "
                        "which is not set. Set it and try again."
                    )
            url = url or db.sqlite_url(folder / SQLITE_FILE)
        elif (folder / SQLITE_FILE).exists():
            url = db.sqlite_url(folder / SQLITE_FILE)
        else:
            raise InputError(
                f"There is no workshop at {folder}. Make one with: wtfc new {folder} --name NAME"
            )
        return cls(Store(db.make_engine(url)), folder)

    @staticmethod
    def _meta(store: Store, key: str) -> str | None:
        with store.read() as conn:
            return conn.execute(select(db.meta.c.value).where(db.meta.c.key == key)).scalar()

    def close(self) -> None:
        self.store.engine.dispose()

    def __enter__(self) -> Workshop:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- facts -----------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self._meta(self.store, "name") or "Untitled workshop"

    @property
    def outputs(self) -> Path:
        """Where charts (PNG) and their data (CSV) are saved."""
        path = (self.folder or Path.cwd()) / "outputs"
        path.mkdir(parents=True, exist_ok=True)
        return path

    @property
    def revision(self) -> int:
        return self.store.revision()

    def undo(self, actor: str | None = None) -> str:
        """Reverse the last action (this actor's, if named); returns what was undone."""
        return self.store.undo(actor)

    def setting(self, key: str, default: str | None = None) -> str | None:
        return self._meta(self.store, f"setting.{key}") or default

    def _set_setting(self, key: str, value: str, actor: str, summary: str) -> None:
        with self.store.write(actor, summary) as tx:
            tx.conn.execute(db.meta.delete().where(db.meta.c.key == f"setting.{key}"))
            tx.conn.execute(db.meta.insert().values(key=f"setting.{key}", value=value))
            tx.touched.add("meta")
            tx.not_undoable = True

    @property
    def tender(self):
        """The tender evaluation in this workshop (scores, moderation, results)."""
        from workbook.tender.store import TenderStore

        return TenderStore(self.store)

    # --- DataFrames for commissioners -------------------------------------------------------
    @property
    def reviews(self):
        return frames.reviews(self.store)

    @property
    def statements(self):
        return frames.statements(self.store)

    @property
    def themes(self):
        return frames.themes(self.store)

    @property
    def votes(self):
        return frames.votes(self.store)

    @property
    def causes(self):
        return frames.causes(self.store)

    @property
    def success_statements(self):
        return frames.success_statements(self.store)

    @property
    def actions(self):
        return frames.actions(self.store)

    @property
    def ideas(self):
        return frames.ideas(self.store)

    @property
    def indicators(self):
        return frames.indicators(self.store)

    @property
    def measurements(self):
        return frames.measurements(self.store)

    @property
    def feedback(self):
        return frames.feedback(self.store)

    @property
    def history(self):
        return frames.history(self.store)

    def stats(self) -> dict[str, Any]:
        """Counts of everything live, in the shape `wtfc stats --json` prints."""
        s = db.statements.c
        live = s.deleted.is_(False)
        with self.store.read() as conn:
            by_kind = dict(
                conn.execute(select(s.kind, func.count()).where(live).group_by(s.kind)).all()
            )
            by_persp = dict(
                conn.execute(
                    select(s.perspective, func.count()).where(live).group_by(s.perspective)
                ).all()
            )
            n_reviews = conn.execute(
                select(func.count(func.distinct(s.review_id))).where(live)
            ).scalar()

            def count(table):
                return conn.execute(
                    select(func.count()).select_from(table).where(table.c.deleted.is_(False))
                ).scalar()

            return {
                "reviews": int(n_reviews or 0),
                "statements": {
                    k: int(by_kind.get(k, 0)) for k in ("working", "not_working", "future")
                },
                "perspectives": {
                    k: int(by_persp.get(k, 0)) for k in ("person", "family", "staff", "other")
                },
                "themes": int(count(db.themes)),
                "votes": int(count(db.votes)),
                "causes": int(count(db.causes)),
                "success_statements": int(count(db.success_statements)),
                "actions": int(count(db.actions)),
                **self._stage_stats(conn, count),
            }

    @staticmethod
    def _stage_stats(conn, count) -> dict[str, Any]:
        """Counts of the later stages (added in schema 2; the keys above never change)."""
        a, i = db.actions.c, db.ideas.c
        by_status = dict(
            conn.execute(
                select(a.status, func.count()).where(a.deleted.is_(False)).group_by(a.status)
            ).all()
        )
        by_kind = dict(
            conn.execute(
                select(i.kind, func.count()).where(i.deleted.is_(False)).group_by(i.kind)
            ).all()
        )
        return {
            "actions_by_status": {
                k: int(by_status.get(k, 0)) for k in ("not started", "in progress", "done")
            },
            "happening_already": int(by_kind.get("already", 0)),
            "ideas": int(by_kind.get("idea", 0)),
            "indicators": int(count(db.indicators)),
            "measurements": int(count(db.measurements)),
            "you_said_we_did": int(count(db.feedback)),
        }

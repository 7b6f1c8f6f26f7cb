"""Engines for SQLite and PostgreSQL, and forward schema migrations; the tables themselves
are defined by topic (store.schema, ladder.schema, tender.schema) and re-exported here."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import (  # noqa: F401 - Boolean: exchange tells column types apart by it
    Boolean,
    Connection,
    Engine,
    create_engine,
    event,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import make_url

from workbook.access.schema import access_keys, access_metadata  # noqa: F401 - re-exported
from workbook.access.secret_schema import create_secret_tables
from workbook.cycle.schema import CYCLE_TABLES, create_cycle_tables
from workbook.evaluation.schema import EVALUATION_TABLES, create_evaluation_tables
from workbook.feedback.tables import FEEDBACK_TABLES, add_feedback_columns, hear_back  # noqa: F401
from workbook.ladder.schema import (  # noqa: F401 - re-exported: db is where the store's code looks
    LADDER_TABLES,
    ladder_assessment_stages,
    ladder_assessments,
    ladder_metadata,
    ladder_plan_items,
    ladder_rounds,
    ladder_scenarios,
    ladder_votes,
)
from workbook.model import InputError
from workbook.store.prepare_tables import (  # noqa: F401 - re-exported
    PREPARE_TABLES,
    prepare_access,
    prepare_event,
    prepare_invitees,
)
from workbook.store.schema import (  # noqa: F401 - re-exported: db is where the store's code looks
    STAGES_TABLES,
    action_success,
    actions,
    causes,
    change_rows,
    changes,
    feedback,
    ideas,
    indicators,
    measurements,
    meta,
    metadata,
    reviews,
    revision,
    statements,
    success_statements,
    themes,
    votes,
)
from workbook.tender.bids.bid_tables import create_bid_tables
from workbook.tender.funding.grant_tables import add_grant_columns
from workbook.tender.panel.panel_tables import PANEL_TABLES, create_panel_tables
from workbook.tender.schema import (  # noqa: F401 - re-exported: db is where the store's code looks
    TENDER_TABLES,
    create_tender_submissions,
    tender_agreed,
    tender_bidders,
    tender_descriptors,
    tender_evaluations,
    tender_members,
    tender_panels,
    tender_questions,
    tender_rankings,
    tender_scores,
    tender_submissions,
)

# Tables holding workshop content, in an order that satisfies foreign keys on restore.
CONTENT_TABLES = (
    reviews,
    themes,
    statements,
    causes,
    votes,
    success_statements,
    actions,
    *STAGES_TABLES,
    *FEEDBACK_TABLES,
    *PREPARE_TABLES,
    *TENDER_TABLES,
    *PANEL_TABLES,
    *LADDER_TABLES,
    *EVALUATION_TABLES,
    *CYCLE_TABLES,
    changes,
    change_rows,
)


def normalise_url(url: str) -> str:
    """Accept postgres:// and postgresql:// URLs and use the psycopg 3 driver for them."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).resolve()}"


def make_engine(url: str) -> Engine:
    """An engine whose write transactions serialise cleanly on SQLite and PostgreSQL."""
    url = normalise_url(url)
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=60000")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            # IMMEDIATE takes the write lock up front, so concurrent writers wait on the
            # busy timeout instead of failing when a read lock cannot be upgraded.
            read_only = conn.get_execution_options().get("wtfc_read_only", False)
            conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

        return engine
    try:
        return create_engine(url, pool_pre_ping=True, pool_size=2, max_overflow=4)
    except ModuleNotFoundError as exc:  # psycopg missing
        raise InputError(
            "PostgreSQL needs the psycopg package: pip install 'wtfc-workbook[postgres]'"
        ) from exc


def read_only(engine: Engine) -> Engine:
    """The same engine, but its transactions do not take SQLite's write lock."""
    return engine.execution_options(wtfc_read_only=True)


def _create_v1(conn: Connection) -> None:
    # only the first release's tables: later ones come from their own migrations
    later = {*STAGES_TABLES, *TENDER_TABLES, *PREPARE_TABLES, *PANEL_TABLES}
    metadata.create_all(conn, tables=[t for t in metadata.sorted_tables if t not in later])
    conn.execute(revision.insert().values(id=1, n=0))


def link_actions_to_success(conn: Connection) -> None:
    """Carry each action's single success_id (schema 1) into the action_success links."""
    a, link = actions.c, action_success.c
    linked = select(link.action_id)
    rows = conn.execute(
        select(a.id, a.success_id, a.created_at).where(
            a.success_id.is_not(None), a.id.not_in(linked)
        )
    ).all()
    for action_id, success_id, at in rows:
        conn.execute(
            action_success.insert().values(
                action_id=action_id, success_id=success_id, created_at=at, updated_at=at,
                deleted=False,
            )
        )


def _create_stages_tables(conn: Connection) -> None:
    # checkfirst: a store made by this version's _create_v1 has them already.
    metadata.create_all(conn, tables=list(STAGES_TABLES), checkfirst=True)
    link_actions_to_success(conn)



def _create_tender_tables(conn: Connection) -> None:
    metadata.create_all(conn, tables=list(TENDER_TABLES))  # skips any v1 already made


def _create_access_tables(conn: Connection) -> None:
    """The keys behind the room's links (roles: facilitator, table, panel member)."""
    access_metadata.create_all(conn)


def _create_ladder_tables(conn: Connection) -> None:
    """Ladder of participation: scenarios, rounds, votes, assessments, the planning tool."""
    ladder_metadata.create_all(conn)


def add_review_details(conn: Connection) -> None:
    """Schema 7: a review's date, type and consent to use its words (all unknown until set)."""
    have = {column["name"] for column in inspect(conn).get_columns("reviews")}
    for name, kind in (("reviewed_on", "VARCHAR(10)"), ("review_type", "VARCHAR(64)"),
                       ("consent", "BOOLEAN")):
        if name not in have:  # a store made by this version's _create_v1 has them already
            conn.execute(text(f"ALTER TABLE reviews ADD COLUMN {name} {kind}"))


def _create_prepare_tables(conn: Connection) -> None:
    """Schema 8 (step 1, Prepare): the event, who is invited, the access checklist."""
    metadata.create_all(conn, tables=list(PREPARE_TABLES), checkfirst=True)


# Forward migrations: MIGRATIONS[n] takes a store at version n-1 to version n.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    1: _create_v1,
    2: _create_tender_tables,
    3: _create_ladder_tables,
    4: _create_stages_tables,
    5: _create_access_tables,
    6: create_tender_submissions,
    7: add_review_details,
    8: _create_prepare_tables,
    9: add_feedback_columns,
    10: create_evaluation_tables,
    11: create_cycle_tables,
    12: create_bid_tables,
    13: add_grant_columns,
    14: create_panel_tables,
    15: create_secret_tables,  # the room's login cookie secret, kept across restarts
}
SCHEMA_VERSION = max(MIGRATIONS)


def stored_version(conn: Connection) -> int:
    if not inspect(conn).has_table("meta"):
        return 0
    value = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
    return int(value) if value is not None else 0


def migrate(engine: Engine) -> int:
    """Bring the store up to SCHEMA_VERSION in one transaction; return the version found."""
    target = max(MIGRATIONS)
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            # Two processes opening a new store at once must not both create it.
            conn.execute(text("SELECT pg_advisory_xact_lock(720331)"))
        found = stored_version(conn)
        if found > target:
            raise InputError(
                f"This workshop was saved by a newer version of wtfc-workbook (schema {found}; "
                f"this version knows up to {target}). Upgrade wtfc-workbook to open it."
            )
        for version in range(found + 1, target + 1):
            MIGRATIONS[version](conn)
            conn.execute(meta.delete().where(meta.c.key == "schema_version"))
            conn.execute(meta.insert().values(key="schema_version", value=str(version)))
    return found

"""Database schema, engines for SQLite and PostgreSQL, and forward schema migrations."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import make_url

from .model import InputError

metadata = MetaData()


def _ts(name: str) -> Column:
    # ISO-8601 UTC text: sorts correctly and round-trips identically through JSON and Excel.
    return Column(name, String(40), nullable=False)


def _live() -> Column:
    return Column("deleted", Boolean, nullable=False, default=False, server_default=text("false"))


meta = Table("meta", metadata, Column("key", String(64), primary_key=True), Column("value", Text))
revision = Table(
    "revision",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("n", BigInteger, nullable=False),
)
reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("ref", String(64), nullable=False, unique=True),
    _ts("created_at"),
)
themes = Table(
    "themes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("i_statement", Text, nullable=False, default=""),
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
statements = Table(
    "statements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("review_id", Integer, ForeignKey("reviews.id"), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("perspective", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("theme_id", Integer, ForeignKey("themes.id"), nullable=True),
    Column("source", String(300), nullable=False, default=""),
    Column("batch", Integer, nullable=True),
    Column("fingerprint", String(40), nullable=False),
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
Index("ix_statements_fingerprint", statements.c.fingerprint)
Index("ix_statements_theme", statements.c.theme_id)
causes = Table(
    "causes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("theme_id", Integer, ForeignKey("themes.id"), nullable=False),
    Column("parent_id", Integer, ForeignKey("causes.id"), nullable=True),
    Column("text", Text, nullable=False),
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
votes = Table(
    "votes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("voter", String(120), nullable=False),
    Column("target", String(16), nullable=False),  # "theme" or "cause"
    Column("target_id", Integer, nullable=False),
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
Index("ix_votes_target", votes.c.target, votes.c.target_id)
success_statements = Table(
    "success_statements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("theme_id", Integer, ForeignKey("themes.id"), nullable=False),
    Column("cause_id", Integer, ForeignKey("causes.id"), nullable=True),
    Column("perspective", String(16), nullable=False),
    Column("text", Text, nullable=False),
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
actions = Table(
    "actions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("success_id", Integer, ForeignKey("success_statements.id"), nullable=True),
    Column("theme_id", Integer, ForeignKey("themes.id"), nullable=False),
    Column("cause_id", Integer, ForeignKey("causes.id"), nullable=True),
    Column("text", Text, nullable=False),
    Column("owner", String(200), nullable=False),
    Column("due", String(10), nullable=False),
    Column("status", String(20), nullable=False, default="not started"),
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
# --- stages 5-8 (success, plan, implement, review): added by migration _create_stages_tables ---
# Step 6: "what is happening already" notes and ideas per theme; a chosen idea becomes an action.
ideas = Table(
    "ideas",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("theme_id", Integer, ForeignKey("themes.id"), nullable=False),
    Column("kind", String(16), nullable=False),  # "already" (happening already) or "idea"
    Column("text", Text, nullable=False),
    Column("author", String(120), nullable=False, default=""),  # the table that wrote it
    Column("action_id", Integer, ForeignKey("actions.id"), nullable=True),  # once chosen
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
Index("ix_ideas_theme", ideas.c.theme_id)
# An action may serve several success statements (and one statement many actions).
action_success = Table(
    "action_success",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("action_id", Integer, ForeignKey("actions.id"), nullable=False),
    Column("success_id", Integer, ForeignKey("success_statements.id"), nullable=False),
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
Index("ix_action_success_action", action_success.c.action_id)
# Step 7: indicators of each success statement, with a baseline and a target.
indicators = Table(
    "indicators",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("success_id", Integer, ForeignKey("success_statements.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("unit", String(60), nullable=False, default=""),
    Column("baseline", Float, nullable=False),
    Column("baseline_on", String(10), nullable=False),
    Column("target", Float, nullable=False),
    Column("target_on", String(10), nullable=False),
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
# Step 8: dated measurements of an indicator.
measurements = Table(
    "measurements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("indicator_id", Integer, ForeignKey("indicators.id"), nullable=False),
    Column("taken_on", String(10), nullable=False),
    Column("value", Float, nullable=False),
    Column("note", Text, nullable=False, default=""),
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
Index("ix_measurements_indicator", measurements.c.indicator_id)
# Step 8: "you said, we did" feedback to the people who took part.
feedback = Table(
    "feedback",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("theme_id", Integer, ForeignKey("themes.id"), nullable=False),
    Column("action_id", Integer, ForeignKey("actions.id"), nullable=True),
    Column("you_said", Text, nullable=False),
    Column("we_did", Text, nullable=False),
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
STAGES_TABLES = (ideas, action_success, indicators, measurements, feedback)
# --- end of stages 5-8 ------------------------------------------------------------------------
# One row per user action: what undo reverses and what the history shows.
changes = Table(
    "changes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("rev", BigInteger, nullable=False),
    Column("at", String(40), nullable=False),
    Column("actor", String(120), nullable=False),
    Column("summary", Text, nullable=False),
    Column("tables", String(300), nullable=False, default=""),
    Column("batch", Integer, nullable=True),  # an import: its statements carry this batch
    Column("undo_of", Integer, nullable=True),
    Column("undone_by", Integer, nullable=True),
)
Index("ix_changes_rev", changes.c.rev)
change_rows = Table(
    "change_rows",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("change_id", Integer, ForeignKey("changes.id"), nullable=False),
    Column("tbl", String(40), nullable=False),
    Column("row_id", Integer, nullable=False),
    Column("before", Text, nullable=True),  # JSON of the row before; null for an insert
    Column("after", Text, nullable=True),  # JSON of the row after
)
Index("ix_change_rows_change", change_rows.c.change_id)

# --- Tender scoring (issue 10) ------------------------------------------------------------
# Numbers are exact fractions as text ("70", "1/3"); scores and agreed scores are
# append-only: a change is a new row, and the newest live row is the current one.
tender_evaluations = Table(
    "tender_evaluations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("quality_weight", String(40), nullable=False),
    Column("price_weight", String(40), nullable=False),
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
tender_panels = Table(
    "tender_panels",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("evaluation_id", Integer, ForeignKey("tender_evaluations.id"), nullable=False),
    Column("code", String(120), nullable=False),
    Column("share", String(40), nullable=False),
    Column("young_people", Boolean, nullable=False),
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
tender_members = Table(
    "tender_members",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("panel_id", Integer, ForeignKey("tender_panels.id"), nullable=False),
    Column("name", String(120), nullable=False),
    Column("submitted_at", String(40), nullable=True),  # scores hidden from others until set
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
tender_questions = Table(
    "tender_questions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("evaluation_id", Integer, ForeignKey("tender_evaluations.id"), nullable=False),
    Column("code", String(120), nullable=False),
    Column("text", Text, nullable=False),
    Column("weight", String(40), nullable=False),
    Column("panel_id", Integer, ForeignKey("tender_panels.id"), nullable=True),
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
tender_bidders = Table(
    "tender_bidders",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("evaluation_id", Integer, ForeignKey("tender_evaluations.id"), nullable=False),
    Column("code", String(120), nullable=False),
    Column("name", String(300), nullable=False),
    Column("price", String(40), nullable=False),
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
tender_scores = Table(
    "tender_scores",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("member_id", Integer, ForeignKey("tender_members.id"), nullable=False),
    Column("bidder_id", Integer, ForeignKey("tender_bidders.id"), nullable=False),
    Column("question_id", Integer, ForeignKey("tender_questions.id"), nullable=False),
    Column("score", Integer, nullable=False),
    Column("reason", Text, nullable=False),
    Column("actor", String(120), nullable=False),
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
Index("ix_tender_scores_member", tender_scores.c.member_id)
tender_agreed = Table(
    "tender_agreed",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("panel_id", Integer, ForeignKey("tender_panels.id"), nullable=False),
    Column("bidder_id", Integer, ForeignKey("tender_bidders.id"), nullable=False),
    Column("question_id", Integer, ForeignKey("tender_questions.id"), nullable=False),
    Column("score", Integer, nullable=False),
    Column("reason", Text, nullable=False),
    Column("actor", String(120), nullable=False),
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
tender_rankings = Table(
    "tender_rankings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("member_id", Integer, ForeignKey("tender_members.id"), nullable=False),
    Column("bidder_order", Text, nullable=False),  # JSON list of bidder codes, favourite first
    Column("actor", String(120), nullable=False),
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
tender_descriptors = Table(
    "tender_descriptors",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("evaluation_id", Integer, ForeignKey("tender_evaluations.id"), nullable=False),
    Column("score", Integer, nullable=False),
    Column("words", String(200), nullable=False),
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
TENDER_TABLES = (
    tender_evaluations,
    tender_panels,
    tender_members,
    tender_questions,
    tender_bidders,
    tender_scores,
    tender_agreed,
    tender_rankings,
    tender_descriptors,
)
# --- end of tender scoring tables -----------------------------------------------------------


# --- ladder of participation tables (schema version: see _create_ladder_tables) ----------------
# Their own MetaData, so the version-1 migration (metadata.create_all) does not make them.
ladder_metadata = MetaData()
ladder_scenarios = Table(
    "ladder_scenarios",
    ladder_metadata,
    Column("id", Integer, primary_key=True),
    Column("title", String(200), nullable=False),
    Column("situation", Text, nullable=False),
    Column("stage", String(16), nullable=False, default=""),
    Column("suggestions", Text, nullable=False, default="{}"),  # JSON: model key -> rung
    Column("note", Text, nullable=False, default=""),
    Column("origin", String(200), nullable=False, default=""),  # sample deck, a file, typed
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
ladder_rounds = Table(
    "ladder_rounds",
    ladder_metadata,
    Column("id", Integer, primary_key=True),
    Column("model", String(16), nullable=False),
    Column("scenario_id", Integer, ForeignKey("ladder_scenarios.id"), nullable=False),
    Column("suggested", Integer, nullable=True),  # the trainer's rung when the round began
    Column("state", String(16), nullable=False, default="voting"),  # voting / revealed
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
ladder_votes = Table(
    "ladder_votes",
    ladder_metadata,
    Column("id", Integer, primary_key=True),
    Column("round_id", Integer, ForeignKey("ladder_rounds.id"), nullable=False),
    Column("voter", String(120), nullable=False),  # a table's name, or the trainer's tally
    Column("rung", Integer, nullable=False),
    Column("n", Integer, nullable=False, default=1),  # 1 for a vote; a typed tally's count
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
Index("ix_ladder_votes_round", ladder_votes.c.round_id)
ladder_assessments = Table(
    "ladder_assessments",
    ladder_metadata,
    Column("id", Integer, primary_key=True),
    Column("title", String(200), nullable=False),
    Column("model", String(16), nullable=False),
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
ladder_assessment_stages = Table(
    "ladder_assessment_stages",
    ladder_metadata,
    Column("id", Integer, primary_key=True),
    Column("assessment_id", Integer, ForeignKey("ladder_assessments.id"), nullable=False),
    Column("stage", String(16), nullable=False),  # analyse / plan / do / review
    Column("now_rung", Integer, nullable=True),
    Column("target_rung", Integer, nullable=True),
    Column("note", Text, nullable=False, default=""),
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
ladder_plan_items = Table(
    "ladder_plan_items",
    ladder_metadata,
    Column("id", Integer, primary_key=True),
    Column("assessment_id", Integer, ForeignKey("ladder_assessments.id"), nullable=False),
    Column("area", Integer, nullable=False),  # 1..10: the self-assessment tool's key areas
    Column("doing_now", Text, nullable=False, default=""),
    Column("need_to_do", Text, nullable=False, default=""),
    Column("who", String(200), nullable=False, default=""),
    Column("by_when", String(10), nullable=False, default=""),
    Column("how_we_know", Text, nullable=False, default=""),
    _ts("created_at"),
    _ts("updated_at"),
    _live(),
)
LADDER_TABLES = (
    ladder_scenarios,
    ladder_rounds,
    ladder_votes,
    ladder_assessments,
    ladder_assessment_stages,
    ladder_plan_items,
)
# --- end of ladder tables -------------------------------------------------------------------


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
    *TENDER_TABLES,
    *LADDER_TABLES,
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
    later = {*STAGES_TABLES, *TENDER_TABLES}
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


def _create_ladder_tables(conn: Connection) -> None:
    """Ladder of participation: scenarios, rounds, votes, assessments, the planning tool."""
    ladder_metadata.create_all(conn)


# Forward migrations: MIGRATIONS[n] takes a store at version n-1 to version n.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    1: _create_v1,
    2: _create_tender_tables,
    3: _create_ladder_tables,
    4: _create_stages_tables,
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

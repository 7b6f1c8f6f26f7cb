"""The workshop's tables, from reviews and statements through themes and causes to feedback."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
)

metadata = MetaData()


def timestamp(name: str) -> Column:
    # ISO-8601 UTC text: sorts correctly and round-trips identically through JSON and Excel.
    return Column(name, String(40), nullable=False)


def deleted_flag() -> Column:
    """Rows are marked deleted, never removed, so history and undo can bring them back."""
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
    timestamp("created_at"),
    # Schema 7 (Prepare): when the review was held (ISO date), its type (annual review,
    # person-centred review, ...), and whether the person agreed to their words being used:
    # True, False (their words never shown to others), None (not recorded).
    Column("reviewed_on", String(10), nullable=True),
    Column("review_type", String(64), nullable=True),
    Column("consent", Boolean, nullable=True),
)
themes = Table(
    "themes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("i_statement", Text, nullable=False, default=""),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
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
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
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
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
votes = Table(
    "votes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("voter", String(120), nullable=False),
    Column("target", String(16), nullable=False),  # "theme" or "cause"
    Column("target_id", Integer, nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
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
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
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
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
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


# --- steps 6 to 8: ideas, action links, indicators, measurements, you said we did --------
# Added by migration _create_stages_tables (schema 4).
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
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
Index("ix_ideas_theme", ideas.c.theme_id)
# An action may serve several success statements (and one statement many actions).
action_success = Table(
    "action_success",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("action_id", Integer, ForeignKey("actions.id"), nullable=False),
    Column("success_id", Integer, ForeignKey("success_statements.id"), nullable=False),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
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
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
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
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
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
    # "What we did and how we are taking it forward" (or, when not done, what has not been).
    Column("we_did", Text, nullable=False),
    # Schema 9 (workbook/feedback): "Impact and next steps", a status (done, in progress,
    # not done), the reason when not done, and the entry's date.
    Column("impact", Text, nullable=False, default=""),
    Column("status", String(16), nullable=False, default="in progress"),
    Column("reason", Text, nullable=False, default=""),
    Column("given_on", String(10), nullable=True),
    timestamp("created_at"),
    timestamp("updated_at"),
    deleted_flag(),
)
STAGES_TABLES = (ideas, action_success, indicators, measurements, feedback)

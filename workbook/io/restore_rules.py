"""Whole-workshop restore, part two: each table's domain rules and references between rows."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from fractions import Fraction
from typing import Any

from sqlalchemy import Table

from workbook.cycle.origin import restore_rules as cycle_rules
from workbook.evaluation.restore import restore_rules as evaluation_rules
from workbook.feedback.restore import restore_rules as feedback_rules
from workbook.io.restore_columns import HISTORY_TABLES, RESTORED_TABLES, Context, show, typed
from workbook.ladder.models import KEY_AREAS, MODELS, STAGES, stage
from workbook.ladder.store import MAX_TALLY
from workbook.model import (
    MAX_NAME,
    SUCCESS_PERSPECTIVES,
    InputError,
    clean_date,
    clean_review_ref,
    clean_text,
    optional_text,
    parse_kind,
    parse_perspective,
)
from workbook.stages.collect import fingerprint
from workbook.stages.plan import ACTION_STATUSES, IDEA_KINDS
from workbook.stages.prepare import restore_rules as prepare_rules
from workbook.stages.prepare_values import clean_review_type, parse_review_date
from workbook.stages.review import MAX_UNIT
from workbook.store import db
from workbook.tender.bids.bid_tables import restore_rules as bid_restore_rules
from workbook.tender.funding.grant_tables import check_restored
from workbook.tender.model import MAX_SCORE
from workbook.tender.panel.panel_restore import restore_rules as panel_rules
from workbook.tender.store import clean_reason

# An exact number as the tender store writes it: str(Fraction), e.g. "70", "1/3".
FRACTION = re.compile(r"-?\d{1,18}(/[1-9]\d{0,17}|\.\d{1,18})?")

Rule = Callable[[dict[str, Any], Context, int], None]


def one_of(row: dict[str, Any], column: str, allowed: tuple[str, ...] | list[str]) -> None:
    value = row[column]
    if value not in allowed:
        raise InputError(f"{column} {show(value)} is not one of {', '.join(allowed)}")


def when(row: dict[str, Any], column: str, what: str) -> None:
    row[column] = clean_date(row[column], what)


def rung(model: str, column: str, value: int | None) -> None:
    if value is not None and not 1 <= value <= len(MODELS[model].rungs):
        raise InputError(f"{column} {value} is not a {MODELS[model].unit} of {MODELS[model].name}"
                         f" (1 to {len(MODELS[model].rungs)})")


def fraction(row: dict[str, Any], column: str, positive: bool = False) -> None:
    value = row[column].strip()
    if not FRACTION.fullmatch(value):
        raise InputError(f"{column} {show(value)} is not a number such as 70 or 1/3")
    if value.startswith("-") or positive and not Fraction(value):
        raise InputError(f"{column} {show(value)} must be more than 0" if positive
                         else f"{column} {show(value)} must not be negative")
    row[column] = value


def non_blank(row: dict[str, Any], column: str) -> None:
    if not row[column].strip():
        raise InputError(f"{column} is blank")


def _reviews(row: dict, ctx: Context, n: int) -> None:
    row["ref"] = clean_review_ref(row["ref"])
    ctx.once("review", row["ref"], n, f"the review reference {show(row['ref'])}")
    row["reviewed_on"] = parse_review_date(row["reviewed_on"])  # schema 7: as Prepare sets
    row["review_type"] = clean_review_type(row["review_type"])


def _themes(row: dict, ctx: Context, n: int) -> None:
    row["name"] = clean_text(row["name"], "theme name", MAX_NAME)
    row["i_statement"] = optional_text(row["i_statement"], '"I" statement')
    if not row["deleted"]:  # the pages refuse a second live theme of the same name
        ctx.once("theme", row["name"].casefold(), n, f"the theme name {show(row['name'])}")


def _statements(row: dict, ctx: Context, n: int) -> None:
    kind = row["kind"]
    try:
        row["kind"] = parse_kind(kind).value
    except InputError:
        raise InputError(f"kind {show(kind)} is not one of working, not working, future") from None
    if not row["perspective"].strip():
        raise InputError("perspective is blank")
    row["perspective"] = parse_perspective(row["perspective"]).value
    row["text"] = clean_text(row["text"], "statement text")
    row["batch"] = None  # an import batch is a step of the history, which is not restored
    ref = ctx.row("reviews", row["review_id"])["ref"]
    row["fingerprint"] = fingerprint(ref, row["kind"], row["perspective"], row["text"])


def _causes(row: dict, ctx: Context, n: int) -> None:
    row["text"] = clean_text(row["text"], "cause")
    parent = row["parent_id"]
    if parent is not None:
        if parent >= row["id"]:  # the pages add a parent first; this also rules out loops
            raise InputError(f"parent_id {parent} is not an earlier cause (its id is smaller)")
        if ctx.row("causes", parent)["theme_id"] != row["theme_id"]:
            raise InputError(f"parent_id {parent} is a cause of another theme")


def _votes(row: dict, ctx: Context, n: int) -> None:
    row["voter"] = clean_text(row["voter"], "voter name", MAX_NAME)
    one_of(row, "target", ("theme", "cause", "idea"))  # "idea": a dot in Plan (step 6)
    if row["target_id"] not in ctx.rows[row["target"] + "s"]:
        raise InputError(f"target_id {row['target_id']}: there is no {row['target']} with "
                         "that id in the file")


def _success(row: dict, ctx: Context, n: int) -> None:
    one_of(row, "perspective", SUCCESS_PERSPECTIVES)
    row["text"] = clean_text(row["text"], "success statement")


def _actions(row: dict, ctx: Context, n: int) -> None:
    row["text"] = clean_text(row["text"], "action")
    row["owner"] = clean_text(row["owner"], "owner", MAX_NAME)
    when(row, "due", "due date")
    one_of(row, "status", ACTION_STATUSES)


def _ideas(row: dict, ctx: Context, n: int) -> None:
    one_of(row, "kind", IDEA_KINDS)
    row["text"] = clean_text(row["text"], "idea")


def _indicators(row: dict, ctx: Context, n: int) -> None:
    row["name"] = clean_text(row["name"], "indicator")
    row["unit"] = optional_text(row["unit"], "unit", MAX_UNIT)
    when(row, "baseline_on", "baseline date")
    when(row, "target_on", "target date")
    if row["target_on"] < row["baseline_on"]:
        raise InputError("the target date comes before the baseline date")


def _measurements(row: dict, ctx: Context, n: int) -> None:
    when(row, "taken_on", "measurement date")
    row["note"] = optional_text(row["note"], "note", MAX_NAME * 4)


def _evaluation_of(ctx: Context, table: str, row_id: int) -> int:
    """The tender evaluation a panel, member, question or bidder belongs to."""
    row = ctx.row(table, row_id)
    if table == "tender_members":
        return _evaluation_of(ctx, "tender_panels", row["panel_id"])
    return row["evaluation_id"]


def _same_evaluation(row: dict, ctx: Context, refs: dict[str, str]) -> None:
    found = {_evaluation_of(ctx, table, row[col]) for col, table in refs.items()
             if row[col] is not None}
    if len(found) > 1:
        raise InputError(f"{', '.join(refs)} belong to different tender evaluations")


def _tender(row: dict, ctx: Context, n: int, table: str) -> None:
    for col in ("name", "code", "words"):  # codes and names say who and what: never blank
        if col in row:
            non_blank(row, col)
    for col in ("quality_weight", "price_weight", "share", "weight", "price"):
        if col in row:  # a question's weight divides: above nothing; no price given is "0"
            fraction(row, col, positive=col == "weight")
    if "score" in row and not 0 <= row["score"] <= MAX_SCORE:
        raise InputError(f"score {row['score']} is not from 0 to {MAX_SCORE}")
    if "reason" in row:
        row["reason"] = clean_reason(row["reason"])
    check_restored(row)  # budget, shortlist, stage (schema 13)
    if table == "tender_rankings":
        order = _json(row, "bidder_order")
        if not isinstance(order, list) or not all(isinstance(c, str) for c in order):
            raise InputError("bidder_order is not a list of bidder codes")
    refs = {"panel_id": "tender_panels", "member_id": "tender_members",
            "bidder_id": "tender_bidders", "question_id": "tender_questions"}
    if table in ("tender_questions", "tender_scores", "tender_agreed"):
        _same_evaluation(row, ctx, {c: t for c, t in refs.items() if c in row})


def _submissions(row: dict, ctx: Context, n: int) -> None:
    one_of(row, "action", ("submitted", "reopened"))
    for col, table in (("score_upto", "tender_scores"), ("ranking_upto", "tender_rankings")):
        if row[col] is not None and row[col] not in ctx.rows.get(table, {}):
            raise InputError(f"{col} {row[col]}: there is no {table} row with that id in the "
                             "file")
    if row["scores"] < 0:
        raise InputError(f"scores {row['scores']} is below 0")


def _links(row: dict, ctx: Context, n: int) -> None:
    """An action's link to a success statement: its references are all there is to it."""


def _json(row: dict, column: str) -> Any:
    try:
        return json.loads(row[column])
    except (ValueError, RecursionError):
        raise InputError(f"{column} is not readable JSON") from None


def _scenarios(row: dict, ctx: Context, n: int) -> None:
    row["title"] = clean_text(row["title"], "title", MAX_NAME)
    row["situation"] = clean_text(row["situation"], "situation")
    row["note"] = optional_text(row["note"], "discussion note")
    if row["stage"]:
        row["stage"] = stage(row["stage"])
    suggestions = _json(row, "suggestions")
    if not isinstance(suggestions, dict):
        raise InputError("suggestions is not an object of model: rung")
    for key, number in suggestions.items():
        if key not in MODELS or type(number) is not int:
            raise InputError(f"suggestions: {show(key)}: {show(number)} is not a model and "
                             "its rung")
        rung(key, f"suggestions {key}", number)


def _rounds(row: dict, ctx: Context, n: int) -> None:
    one_of(row, "model", list(MODELS))
    one_of(row, "state", ("voting", "revealed"))
    rung(row["model"], "suggested", row["suggested"])


def _ladder_votes(row: dict, ctx: Context, n: int) -> None:
    row["voter"] = clean_text(row["voter"], "voter name", MAX_NAME)
    rung(ctx.row("ladder_rounds", row["round_id"])["model"], "rung", row["rung"])
    if not 0 <= row["n"] <= MAX_TALLY:
        raise InputError(f"n {row['n']} is not a count from 0 to {MAX_TALLY:,}")


def _assessments(row: dict, ctx: Context, n: int) -> None:
    row["title"] = clean_text(row["title"], "assessment name", MAX_NAME)
    one_of(row, "model", list(MODELS))


def _assessment_stages(row: dict, ctx: Context, n: int) -> None:
    one_of(row, "stage", STAGES)
    model = ctx.row("ladder_assessments", row["assessment_id"])["model"]
    rung(model, "now_rung", row["now_rung"])
    rung(model, "target_rung", row["target_rung"])
    row["note"] = optional_text(row["note"], "note")


def _plan_items(row: dict, ctx: Context, n: int) -> None:
    if not 1 <= row["area"] <= len(KEY_AREAS):
        raise InputError(f"area {row['area']} is not a key area from 1 to {len(KEY_AREAS)}")
    for col, what in (("doing_now", "what we are doing now"), ("need_to_do", "what we need to "
                      "do"), ("how_we_know", "how we will know")):
        row[col] = optional_text(row[col], what)
    row["who"] = optional_text(row["who"], "who is responsible", MAX_NAME)
    if row["by_when"].strip():
        when(row, "by_when", "by when")


RULES: dict[str, Rule] = {
    "reviews": _reviews, "themes": _themes, "statements": _statements, "causes": _causes,
    "votes": _votes, "success_statements": _success, "actions": _actions, "ideas": _ideas,
    "indicators": _indicators, "measurements": _measurements,
    "ladder_scenarios": _scenarios, "ladder_rounds": _rounds, "ladder_votes": _ladder_votes,
    "ladder_assessments": _assessments, "ladder_assessment_stages": _assessment_stages,
    "ladder_plan_items": _plan_items,
    "action_success": _links,
    **prepare_rules(),
    **panel_rules(),
    **cycle_rules(),
    **feedback_rules(),
    **{t.name: (lambda row, ctx, n, name=t.name: _tender(row, ctx, n, name))
       for t in db.TENDER_TABLES},
}
RULES["tender_submissions"] = _submissions  # its reason is blank for a submit
RULES.update(evaluation_rules())  # evaluation_sheets, evaluation_answers (schema 10)
RULES.update(bid_restore_rules())  # tender_bids, tender_profiles (schema 12)


def _references(table: Table, row: dict[str, Any], ctx: Context) -> None:
    for col in table.columns:
        for fk in col.foreign_keys:
            value, target = row[col.name], fk.column.table.name
            if value is not None and value not in ctx.rows[target]:
                raise InputError(f"{col.name} {value}: there is no {target} row with that id "
                                 "in the file")


def check_table(table: Table, rows: object, ctx: Context) -> list[dict[str, Any]]:
    """A table's rows, checked and cleaned, in id order; raises naming the table and row."""
    if not isinstance(rows, list):
        raise InputError(f"{table.name} must be a list of rows, not {show(rows)}")
    found: dict[int, tuple[int, dict[str, Any]]] = {}
    for n, raw in enumerate(rows, 1):
        try:
            row = typed(table, raw)
            if row["id"] in found:
                raise InputError(f"id {row['id']} is already used by row {found[row['id']][0]}")
        except InputError as exc:
            raise InputError(f"{table.name} row {n}: {exc}") from None
        found[row["id"]] = (n, row)
    ctx.rows[table.name] = {row_id: row for row_id, (_, row) in found.items()}
    for row_id in sorted(found):  # parents first: a cause's parent has a smaller id
        n, row = found[row_id]
        try:
            _references(table, row, ctx)
            # A table added without rules still gets the column and reference checks (and
            # test_restore_rules fails until its rules are written).
            RULES.get(table.name, _links)(row, ctx, n)
        except InputError as exc:
            raise InputError(f"{table.name} row {n}: {exc}") from None
    return [found[row_id][1] for row_id in sorted(found)]


def check_tables(tables: object) -> dict[str, list[dict[str, Any]]]:
    """Every table a restore writes, checked and cleaned; history tables are set aside."""
    if not isinstance(tables, dict):
        raise InputError(f"tables must be an object of table names and rows, not {show(tables)}")
    known = {t.name for t in RESTORED_TABLES} | HISTORY_TABLES
    unknown = [name for name in tables if name not in known]
    if unknown:
        raise InputError(f"tables: {show(unknown[0])} is not a table this version of "
                         "wtfc-workbook knows")
    ctx = Context()
    # A table missing from an older export (made before it existed) is restored empty. Votes
    # are checked last: a dot may be on an idea, and ideas come after votes in the tables.
    order = sorted(RESTORED_TABLES, key=lambda t: t.name == "votes")
    checked = {t.name: check_table(t, tables.get(t.name, []), ctx) for t in order}
    return {t.name: checked[t.name] for t in RESTORED_TABLES}

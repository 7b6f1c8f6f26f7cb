"""Implement and review: indicators with baseline and target, measurements, "you said, we did"."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from workbook.feedback.entries import FeedbackOps
from workbook.feedback.hear_back import HearBackOps
from workbook.model import MAX_NAME, InputError, clean_date, clean_text, optional_text
from workbook.store import db

if TYPE_CHECKING:
    from workbook.store.transactions import Store

MAX_UNIT = 60


def _number(value: object, what: str) -> float:
    try:
        number = float(str(value).strip().replace(",", ""))
    except (TypeError, ValueError):
        raise InputError(f"The {what} must be a number, e.g. 12 or 40.5.") from None
    if not math.isfinite(number):
        raise InputError(f"The {what} must be an ordinary number.")
    return number


class ReviewOps(FeedbackOps, HearBackOps):
    """Mixed into Workshop: indicators and measurements; the "you said, we did" log and who
    must hear back come from workbook.feedback."""

    store: Store

    def add_indicator(
        self,
        success_id: int,
        name: object,
        baseline: object,
        target: object,
        *,
        baseline_on: object,
        target_on: object,
        unit: object = "",
        actor: str = "",
    ) -> int:
        values = dict(
            success_id=success_id,
            name=clean_text(name, "indicator"),
            unit=optional_text(unit, "unit", MAX_UNIT),
            baseline=_number(baseline, "baseline"),
            baseline_on=clean_date(baseline_on, "baseline date"),
            target=_number(target, "target"),
            target_on=clean_date(target_on, "target date"),
        )
        if values["target_on"] < values["baseline_on"]:
            raise InputError("The target date comes before the baseline date: check the dates.")
        with self.store.write(actor, f"Added the indicator '{values['name'][:40]}'") as tx:
            tx.existing(db.success_statements, success_id, "success statement")
            return tx.insert(db.indicators, **values)

    def edit_indicator(self, indicator_id: int, *, actor: str = "", **changes: object) -> None:
        checks = {
            "name": lambda v: clean_text(v, "indicator"),
            "unit": lambda v: optional_text(v, "unit", MAX_UNIT),
            "baseline": lambda v: _number(v, "baseline"),
            "target": lambda v: _number(v, "target"),
            "baseline_on": lambda v: clean_date(v, "baseline date"),
            "target_on": lambda v: clean_date(v, "target date"),
        }
        unknown = set(changes) - checks.keys()
        if unknown:
            raise InputError(f"Cannot change {', '.join(sorted(unknown))} of an indicator.")
        values = {k: checks[k](v) for k, v in changes.items()}
        with self.store.write(actor, "Edited an indicator") as tx:
            row = tx.existing(db.indicators, indicator_id, "indicator")
            # Checked against what is stored, so changing one date alone cannot cross them.
            if values.get("target_on", row["target_on"]) < values.get("baseline_on",
                                                                       row["baseline_on"]):
                raise InputError("The target date comes before the baseline date: check the "
                                 "dates.")
            tx.update(db.indicators, indicator_id, **values)

    def delete_indicator(self, indicator_id: int, *, actor: str = "") -> None:
        with self.store.write(actor, "Deleted an indicator") as tx:
            tx.existing(db.indicators, indicator_id, "indicator")
            tx.delete(db.indicators, indicator_id)

    def add_measurement(
        self, indicator_id: int, taken_on: object, value: object, note: object = "", *,
        actor: str = "",
    ) -> int:
        values = dict(
            indicator_id=indicator_id,
            taken_on=clean_date(taken_on, "measurement date"),
            value=_number(value, "measurement"),
            note=optional_text(note, "note", MAX_NAME * 4),
        )
        with self.store.write(actor, "Added a measurement") as tx:
            tx.existing(db.indicators, indicator_id, "indicator")
            return tx.insert(db.measurements, **values)

    def delete_measurement(self, measurement_id: int, *, actor: str = "") -> None:
        with self.store.write(actor, "Deleted a measurement") as tx:
            tx.existing(db.measurements, measurement_id, "measurement")
            tx.delete(db.measurements, measurement_id)

"""What each young panel member gave: hours (preparation too), reward at the council's rates,
expenses; the payment sheet (XLSX, formula-safe)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from workbook.model import InputError
from workbook.store import db
from workbook.tender.panel.briefing import (
    REWARD_KINDS,
    PanelSettings,
    clean_kind,
    clean_money,
    read_settings,
)
from workbook.tender.panel.panel_tables import tender_recognition
from workbook.tender.read import live_rows, roster
from workbook.tender.xlsx import write_workbook

if TYPE_CHECKING:
    from workbook.tender.store import TenderStore

HALF_DAY_HOURS = Decimal("4")  # a half day is up to four hours; a full day is two halves
MAX_HOURS = Decimal("100")


@dataclass(frozen=True)
class Recognition:
    member: str
    panel: str
    hours_day: Decimal
    hours_prep: Decimal
    expenses: Decimal
    reward_kind: str
    half_days: int
    reward: Decimal
    entered: bool  # False: nothing entered yet for this member

    @property
    def hours(self) -> Decimal:
        return self.hours_day + self.hours_prep

    @property
    def to_pay(self) -> Decimal:
        return self.reward + self.expenses


def clean_hours(value: object, what: str) -> Decimal:
    text = str(value if value is not None else "").strip()
    try:
        hours = Decimal(text or "0")
    except InvalidOperation:
        raise InputError(f"The {what} '{value}' is not a number of hours: type it like "
                         "2.5.") from None
    if not hours.is_finite() or hours < 0 or hours > MAX_HOURS:
        raise InputError(f"The {what} must be from 0 to {MAX_HOURS} hours.")
    if (hours * 4) % 1:
        raise InputError(f"Give the {what} to the nearest quarter hour (like 2.25 or 2.5).")
    return hours.normalize() if hours % 1 else hours.quantize(Decimal("1"))


def half_days(hours: Decimal) -> int:
    """Each started half day (up to four hours) counts: 3 hours is 1, 5 hours is 2."""
    return int((hours / HALF_DAY_HOURS).to_integral_value(rounding=ROUND_CEILING))


def reward(hours: Decimal, s: PanelSettings) -> tuple[int, Decimal]:
    """(half days, reward): two half days make a full day at the full-day rate."""
    n = half_days(hours)
    return n, (n // 2) * s.full_day_rate + (n % 2) * s.half_day_rate


def young_members(tender: TenderStore, conn) -> list[dict]:
    ev_id = tender.current_id(conn)
    young = {p["code"] for p in live_rows(conn, db.tender_panels, evaluation_id=ev_id)
             if p["young_people"]} if ev_id is not None else set()
    return [m for m in roster(conn, ev_id) if m["panel"] in young]


def recognition(tender: TenderStore) -> list[Recognition]:
    """Every young people's panel member, in panel order, with what is owed to them."""
    with tender.store.read() as conn:
        s = read_settings(conn, tender.current_id(conn))
        people = young_members(tender, conn)
        t = tender_recognition.c
        rows = {r["member_id"]: r for r in conn.execute(select(tender_recognition).where(
            t.member_id.in_([m["id"] for m in people]), t.deleted.is_(False))
            .order_by(t.id)).mappings()}
    out = []
    for m in people:
        r = rows.get(m["id"])
        day = Decimal(r["hours_day"]) if r else Decimal(0)
        prep = Decimal(r["hours_prep"]) if r else Decimal(0)
        n, pay = reward(day + prep, s)
        out.append(Recognition(m["name"], m["panel"], day, prep,
                               Decimal(r["expenses"]) if r else Decimal(0),
                               r["reward_kind"] if r else s.reward_kind, n, pay, r is not None))
    return out


def record(tender: TenderStore, member: str, actor: str, *, hours_day: object,
           hours_prep: object, expenses: object, reward_kind: object = None) -> Recognition:
    """The facilitator enters a young member's hours, preparation and expenses."""
    values = {"hours_day": str(clean_hours(hours_day, "hours on the day")),
              "hours_prep": str(clean_hours(hours_prep, "preparation hours")),
              "expenses": str(clean_money(expenses, "expenses"))}
    with tender.store.write(actor, f"Recorded {member}'s hours and expenses") as tx:
        m = tender.member(tx.conn, member)
        if m["name"] not in {p["name"] for p in young_members(tender, tx.conn)}:
            raise InputError(f"{m['name']} is not on a young people's panel: rewards here are "
                             "for young panel members.")
        s = read_settings(tx.conn, tender.current_id(tx.conn))
        values["reward_kind"] = s.reward_kind if reward_kind in (None, "") else clean_kind(
            reward_kind)
        t = tender_recognition.c
        row = tx.conn.execute(select(t.id).where(t.member_id == m["id"], t.deleted.is_(False))
                              .order_by(t.id.desc()).limit(1)).scalar()
        if row is None:
            tx.insert(tender_recognition, member_id=m["id"], **values)
        else:
            tx.update(tender_recognition, row, **values)
    return next(r for r in recognition(tender) if r.member == m["name"])


def money(amount: Decimal) -> str:
    return f"£{amount:,.2f}"


def payment_rows(tender: TenderStore) -> list[list[object]]:
    """The payment sheet: a header, then one row per young member (numbers as numbers)."""
    s = read_settings_of(tender)
    head = ["member", "panel", "hours on the day", "preparation hours", "total hours",
            "half days", "reward kind", "reward (GBP)", "expenses (GBP)", "total to pay (GBP)"]
    rows: list[list[object]] = [head]
    for r in recognition(tender):
        rows.append([r.member, r.panel, float(r.hours_day), float(r.hours_prep),
                     float(r.hours), r.half_days, REWARD_KINDS.get(r.reward_kind, r.reward_kind),
                     float(r.reward), float(r.expenses), float(r.to_pay)])
    rules = [["rule", "value"], ["half-day rate (GBP)", float(s.half_day_rate)],
             ["full-day rate (GBP)", float(s.full_day_rate)],
             ["a half day is up to (hours)", float(HALF_DAY_HOURS)],
             ["hours include preparation", "yes"]]
    return rows + [[]] + rules


def read_settings_of(tender: TenderStore) -> PanelSettings:
    with tender.store.read() as conn:
        return read_settings(conn, tender.current_id(conn))


def write_payments(tender: TenderStore, path: Path) -> Path:
    """The payment sheet as XLSX; names are text cells, never formulas (tender.xlsx)."""
    if not recognition(tender):
        raise InputError("There is no young people's panel member to pay in this evaluation.")
    return write_workbook({"Payments": payment_rows(tender)}, Path(path))

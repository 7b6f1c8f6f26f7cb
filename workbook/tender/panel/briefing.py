"""The panel's settings and each member's briefing checklist, ticked before they may score."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, select

from workbook.model import InputError, clean_text, optional_text
from workbook.tender.panel.panel_tables import tender_briefings, tender_panel_settings
from workbook.tender.read import roster

if TYPE_CHECKING:
    from workbook.tender.store import TenderStore

REWARD_KINDS = {"cash": "Cash", "vouchers": "Vouchers"}
MAX_MONEY = Decimal("10000")
DEFAULT_NEXT = ("The council's leaders agree the decision. Then the chosen group is told, and "
                "so are the groups not chosen. The new service starts after that. We will "
                "tell you when it starts and how you can visit it.")
# What each member confirms before scoring (seed 003: confidentiality, the day's briefing and
# an independent person to turn to). {contact} is filled from the settings.
BRIEFING = {
    "confidential": "I will keep the bids and everyone's scores private: I will not talk "
                    "about them outside the panel.",
    "the_day": "I know what happens today: I read each bid, score each question from 0 to "
               "5 with a reason, then the panel talks about scores far apart.",
    "own_view": "I know my scores are my own view, and I can ask for a break or help at any "
                "time.",
    "conflict": "I have told the facilitator if I know anyone who works for a group that has "
                "bid (a conflict of interest).",
    "contact": "I know who to talk to if I am worried or unhappy: {contact}.",
}


@dataclass(frozen=True)
class PanelSettings:
    """What the facilitator sets for the young people's panel; defaults until saved."""

    contact_role: str = ""
    contact_details: str = ""
    reward_kind: str = "vouchers"
    half_day_rate: Decimal = Decimal("25")
    full_day_rate: Decimal = Decimal("50")
    next_steps: str = DEFAULT_NEXT
    final_at: str | None = None
    saved: bool = False

    @property
    def contact(self) -> str:
        """'the participation officer (07700 900123)': who to turn to, as the briefing says it."""
        if not self.contact_role:
            return ""
        return self.contact_role + (f" ({self.contact_details})" if self.contact_details else "")

    @property
    def briefing_on(self) -> bool:
        """The checklist applies once the facilitator has named the independent person: a
        member cannot confirm who to turn to before anyone is named."""
        return bool(self.contact_role)


def clean_money(value: object, what: str) -> Decimal:
    """Pounds and pence from 0 to 10,000, e.g. '25' or '12.50'; '£' and commas allowed."""
    text = str(value if value is not None else "").strip().replace("£", "").replace(",", "")
    try:
        amount = Decimal(text or "0")
    except InvalidOperation:
        raise InputError(f"The {what} '{value}' is not an amount of money: type it like "
                         "12.50.") from None
    if not amount.is_finite() or amount < 0 or amount > MAX_MONEY:
        raise InputError(f"The {what} must be from 0 to {MAX_MONEY:,}.")
    if amount != amount.quantize(Decimal("0.01")):
        raise InputError(f"The {what} has more than two places after the point: pounds and "
                         "pence, like 12.50.")
    return amount.quantize(Decimal("0.01")) if amount % 1 else amount.quantize(Decimal("1"))


def clean_kind(value: object) -> str:
    kind = str(value or "").strip().casefold()
    if kind not in REWARD_KINDS:
        raise InputError(f"Choose how the reward is given: {' or '.join(REWARD_KINDS)}.")
    return kind


def settings_row(conn: Connection, ev_id: int | None) -> dict[str, Any] | None:
    if ev_id is None:
        return None
    t = tender_panel_settings.c
    row = conn.execute(select(tender_panel_settings).where(
        t.evaluation_id == ev_id, t.deleted.is_(False)).order_by(t.id.desc()).limit(1)).first()
    return dict(row._mapping) if row is not None else None


def read_settings(conn: Connection, ev_id: int | None) -> PanelSettings:
    row = settings_row(conn, ev_id)
    if row is None:
        return PanelSettings()
    return PanelSettings(row["contact_role"], row["contact_details"], row["reward_kind"],
                         Decimal(row["half_day_rate"]), Decimal(row["full_day_rate"]),
                         row["next_steps"], row["final_at"], saved=True)


def settings(tender: TenderStore) -> PanelSettings:
    with tender.store.read() as conn:
        return read_settings(conn, tender.current_id(conn))


def need_evaluation(tender: TenderStore, conn: Connection) -> int:
    ev_id = tender.current_id(conn)
    if ev_id is None:
        raise InputError("There is no tender evaluation yet: load or set one up first.")
    return ev_id


def write_settings(tx, tender: TenderStore, **values: Any) -> None:
    """Insert the evaluation's settings row the first time, update it after."""
    ev_id = need_evaluation(tender, tx.conn)
    row = settings_row(tx.conn, ev_id)
    if row is None:
        base = PanelSettings()
        fresh = {"contact_role": base.contact_role, "contact_details": base.contact_details,
                 "reward_kind": base.reward_kind, "half_day_rate": str(base.half_day_rate),
                 "full_day_rate": str(base.full_day_rate), "next_steps": base.next_steps,
                 "final_at": None}
        tx.insert(tender_panel_settings, evaluation_id=ev_id, **{**fresh, **values})
    else:
        tx.update(tender_panel_settings, row["id"], **values)


def save_settings(tender: TenderStore, actor: str, *, contact_role: object,
                  contact_details: object, reward_kind: object, half_day_rate: object,
                  full_day_rate: object, next_steps: object) -> PanelSettings:
    """The independent person to contact, the council's reward rates and what happens next."""
    values = {
        "contact_role": clean_text(contact_role, "The independent person's role", 120),
        "contact_details": optional_text(contact_details, "How to contact them", 200),
        "reward_kind": clean_kind(reward_kind),
        "half_day_rate": str(clean_money(half_day_rate, "half-day rate")),
        "full_day_rate": str(clean_money(full_day_rate, "full-day rate")),
        "next_steps": optional_text(next_steps, "What happens next", 1500) or DEFAULT_NEXT,
    }
    if Decimal(values["full_day_rate"]) < Decimal(values["half_day_rate"]):
        raise InputError("The full-day rate should not be less than the half-day rate.")
    with tender.store.write(actor, "Saved the young people's panel settings") as tx:
        write_settings(tx, tender, **values)
    return settings(tender)


# --- the checklist ---------------------------------------------------------------------------
def briefing_items(s: PanelSettings) -> list[tuple[str, str]]:
    """(item, what the member confirms), the independent person named in the last."""
    return [(k, text.format(contact=s.contact or "the person the facilitator names"))
            for k, text in BRIEFING.items()]


def ticked_items(conn: Connection, member_id: int) -> set[str]:
    """The items this member has ticked now (the newest row per item says)."""
    b = tender_briefings.c
    newest = select(func.max(b.id)).where(b.member_id == member_id, b.deleted.is_(False)
                                           ).group_by(b.item)
    rows = conn.execute(select(b.item, b.ticked).where(b.id.in_(newest))).all()
    return {item for item, ticked in rows if ticked}


def member_row(tender: TenderStore, conn: Connection, name: str) -> dict[str, Any]:
    return tender.member(conn, name)


def briefing_state(tender: TenderStore, member: str) -> dict[str, bool]:
    """Each briefing item and whether this member has ticked it."""
    with tender.store.read() as conn:
        done = ticked_items(conn, member_row(tender, conn, member)["id"])
    return {k: k in done for k in BRIEFING}


def tick(tender: TenderStore, member: str, item: str, ticked: bool, actor: str) -> None:
    """A member ticks (or unticks) one item; each is a new row, kept in the audit trail."""
    if item not in BRIEFING:
        raise InputError(f"'{item}' is not on the briefing checklist.")
    verb = "ticked" if ticked else "unticked"
    with tender.store.write(actor, f"{member} {verb} '{item}' on the briefing") as tx:
        m = member_row(tender, tx.conn, member)
        if (item in ticked_items(tx.conn, m["id"])) == bool(ticked):
            tx.summary = "No change"
            return
        tx.insert(tender_briefings, member_id=m["id"], item=item, ticked=bool(ticked),
                  actor=actor)


def is_briefed(tender: TenderStore, member: str) -> bool:
    with tender.store.read() as conn:
        if not read_settings(conn, tender.current_id(conn)).briefing_on:
            return True
        return ticked_items(conn, member_row(tender, conn, member)["id"]) >= set(BRIEFING)


def require_briefed(tender: TenderStore, member: str) -> None:
    """Scoring waits for the briefing: refuse in plain words until every item is ticked."""
    if not is_briefed(tender, member):
        raise InputError("Before you score, read the briefing at the top of this page and "
                         "tick every line.")


def briefing_audit(tender: TenderStore) -> list[dict[str, Any]]:
    """Every tick and untick, oldest first: when, who, which member, which item."""
    with tender.store.read() as conn:
        people = {m["id"]: m for m in roster(conn, tender.current_id(conn))}
        b = tender_briefings.c
        rows = conn.execute(select(tender_briefings).where(
            b.member_id.in_(list(people)), b.deleted.is_(False)).order_by(b.id)).mappings()
        return [{"at": r["created_at"], "who": r["actor"],
                 "member": people[r["member_id"]]["name"],
                 "panel": people[r["member_id"]]["panel"], "item": r["item"],
                 "ticked": bool(r["ticked"])} for r in rows]

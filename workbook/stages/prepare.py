"""Step 1 (Prepare): the event, who is invited, the access checklist, and the reviews used."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from workbook.model import InputError, clean_date, clean_review_ref, optional_text
from workbook.stages.prepare_values import (
    CHECKLIST,
    CHECKLIST_ITEMS,
    MAX_AGE_MONTHS,
    MAX_PLACE,
    MAX_PLANNED,
    ROLES,
    clean_count,
    clean_invitee_name,
    clean_review_type,
    months_before,
    parse_consent,
    parse_review_date,
    parse_role,
)
from workbook.store import db
from workbook.store.prepare_tables import REVIEW_AGE_MONTHS
from workbook.text import plural

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from workbook.store.transactions import Store, Tx


@dataclass(frozen=True)
class Event:
    """The event being prepared; blank until the facilitator fills it in."""

    held_on: str | None = None
    place: str = ""
    facilitators: str = ""
    reviews_planned: int | None = None
    review_age_months: int = REVIEW_AGE_MONTHS


@dataclass(frozen=True)
class Invitee:
    id: int
    name: str
    role: str
    support_needs: bool
    theming: bool

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)


@dataclass(frozen=True)
class ReviewInfo:
    """A review as the Prepare page lists it, with what is worth a look about it."""

    id: int
    ref: str
    reviewed_on: str | None
    review_type: str | None
    consent: bool | None
    statements: int
    old: bool  # held longer ago than the set age, before the event (or today)

    @property
    def flags(self) -> list[str]:
        found = []
        if self.old:
            found.append("older than the set age")
        if self.reviewed_on is None:
            found.append("no date recorded")
        if self.consent is None:
            found.append("consent not recorded")
        elif self.consent is False:
            found.append("no consent to use words")
        return found


@dataclass(frozen=True)
class Involvement:
    """Who was involved, for the report: by role, with support needs, in theming."""

    by_role: dict[str, int]
    support_needs: int
    theming_by_role: dict[str, int]
    theming_support_needs: int

    @property
    def total(self) -> int:
        return sum(self.by_role.values())

    @property
    def theming(self) -> int:
        return sum(self.theming_by_role.values())


@dataclass(frozen=True)
class ReviewsUsed:
    """Which reviews were used: how many, with consent, not recorded, without consent."""

    total: int
    consent: int
    not_recorded: int
    no_consent: int
    old: int
    planned: int | None


_EVENT_FIELDS = ("held_on", "place", "facilitators", "reviews_planned", "review_age_months")
_INVITEE_FIELDS = ("name", "role", "support_needs", "theming")
_REVIEW_FIELDS = ("reviewed_on", "review_type", "consent")


def _clean_event(field: str, value: object) -> Any:
    if field == "held_on":
        blank = value is None or (isinstance(value, str) and not value.strip())
        return None if blank else clean_date(value, "date of the event")
    if field == "place":
        return optional_text(value, "place", MAX_PLACE)
    if field == "facilitators":
        return optional_text(value, "facilitators", MAX_PLACE)
    if field == "reviews_planned":
        blank = value is None or (isinstance(value, str) and not value.strip())
        return None if blank else clean_count(value, "number of reviews planned", 0, MAX_PLANNED)
    return clean_count(value, "age after which a review is flagged (months)", 1, MAX_AGE_MONTHS)


def _flag(value: object, what: str) -> bool:
    if not isinstance(value, bool):
        raise InputError(f"{what} must be ticked or not ticked.")
    return value


def _clean_review(field: str, value: object) -> Any:
    if field == "reviewed_on":
        return parse_review_date(value)
    if field == "review_type":
        return clean_review_type(value)
    return parse_consent(value)


def _unknown(changes: dict[str, object], allowed: tuple[str, ...], what: str) -> None:
    unknown = set(changes) - set(allowed)
    if unknown:
        raise InputError(f"Cannot change {', '.join(sorted(unknown))} of {what}.")


def event_row(conn: Connection) -> dict[str, Any] | None:
    e = db.prepare_event.c
    row = conn.execute(select(db.prepare_event).where(e.deleted.is_(False))
                       .order_by(e.id).limit(1)).mappings().first()
    return dict(row) if row else None


def read_event(conn: Connection) -> Event:
    row = event_row(conn)
    if row is None:
        return Event()
    return Event(**{k: row[k] for k in _EVENT_FIELDS})


def is_old(reviewed_on: str | None, event: Event, today: date | None = None) -> bool:
    """Whether a review was held more than the set age before the event (or today)."""
    if not reviewed_on:
        return False
    when = date.fromisoformat(event.held_on) if event.held_on else (today or date.today())
    return date.fromisoformat(reviewed_on) < months_before(when, event.review_age_months)


class PrepareOps:
    """Mixed into Workshop: step 1, Prepare."""

    store: Store

    # --- the event ----------------------------------------------------------------------------
    @property
    def event(self) -> Event:
        with self.store.read() as conn:
            return read_event(conn)

    def set_event(self, *, actor: str = "", **changes: object) -> Event:
        """Set any of held_on, place, facilitators, reviews_planned, review_age_months."""
        _unknown(changes, _EVENT_FIELDS, "the event")
        values = {k: _clean_event(k, v) for k, v in changes.items()}
        with self.store.write(actor, "Changed the event's details") as tx:
            row = event_row(tx.conn)
            if row is None:
                # an event undone earlier comes back, rather than a second one growing
                gone = tx.conn.execute(select(func.min(db.prepare_event.c.id))).scalar()
                if gone is None:
                    tx.insert(db.prepare_event, **{"place": "", "facilitators": "",
                                                   "review_age_months": REVIEW_AGE_MONTHS,
                                                   **values})
                else:
                    tx.update(db.prepare_event, gone, deleted=False, **values)
            else:
                tx.update(db.prepare_event, row["id"], **values)
            tx.summary = _event_summary(values)
            return read_event(tx.conn)

    # --- who is invited -----------------------------------------------------------------------
    def invitees(self) -> list[Invitee]:
        i = db.prepare_invitees.c
        with self.store.read() as conn:
            rows = conn.execute(select(db.prepare_invitees).where(i.deleted.is_(False))
                                .order_by(i.id)).mappings()
            return [Invitee(r["id"], r["name"], r["role"], r["support_needs"], r["theming"])
                    for r in rows]

    def add_invitee(self, name: object, role: object, *, support_needs: bool = False,
                    theming: bool = False, actor: str = "") -> int:
        clean = clean_invitee_name(name)
        key = parse_role(role)
        needs, themed = _flag(support_needs, "Support needs"), _flag(theming, "Theming")
        with self.store.write(actor, f"Invited {clean} ({ROLES[key]})") as tx:
            return tx.insert(db.prepare_invitees, name=clean, role=key, support_needs=needs,
                             theming=themed)

    def edit_invitee(self, invitee_id: int, *, actor: str = "", **changes: object) -> None:
        """Change any of name, role, support_needs, theming; each is checked first."""
        _unknown(changes, _INVITEE_FIELDS, "someone invited")
        values: dict[str, object] = {}
        if "name" in changes:
            values["name"] = clean_invitee_name(changes["name"])
        if "role" in changes:
            values["role"] = parse_role(changes["role"])
        for flag, what in (("support_needs", "Support needs"), ("theming", "Theming")):
            if flag in changes:
                values[flag] = _flag(changes[flag], what)
        with self.store.write(actor, "Changed someone invited") as tx:
            row = tx.existing(db.prepare_invitees, invitee_id, "person invited")
            tx.summary = f"Changed {row['name']} (invited)"
            tx.update(db.prepare_invitees, invitee_id, **values)

    def remove_invitee(self, invitee_id: int, *, actor: str = "") -> None:
        with self.store.write(actor, "Removed someone invited") as tx:
            row = tx.existing(db.prepare_invitees, invitee_id, "person invited",
                              "they may have been removed on another screen")
            tx.summary = f"Removed {row['name']} from who is invited"
            tx.delete(db.prepare_invitees, invitee_id)

    def involvement(self) -> Involvement:
        people = self.invitees()
        by_role = {k: sum(p.role == k for p in people) for k in ROLES}
        themed = [p for p in people if p.theming]
        return Involvement(
            by_role={k: n for k, n in by_role.items() if n},
            support_needs=sum(p.support_needs for p in people),
            theming_by_role={k: n for k in ROLES if (n := sum(p.role == k for p in themed))},
            theming_support_needs=sum(p.support_needs for p in themed),
        )

    # --- access requirements ------------------------------------------------------------------
    def access_checklist(self) -> list[tuple[str, str, str, bool]]:
        """Every item of the checklist: (key, group, label, ticked)."""
        a = db.prepare_access.c
        with self.store.read() as conn:
            ticked = set(conn.execute(select(a.item).where(a.deleted.is_(False),
                                                           a.ticked.is_(True))).scalars())
        return [(key, group, label, key in ticked) for key, group, label in CHECKLIST]

    def tick_access(self, item: str, ticked: bool = True, *, actor: str = "") -> None:
        if item not in CHECKLIST_ITEMS:
            raise InputError(f"{item!r} is not an item of the access checklist.")
        on = _flag(ticked, "An access requirement")
        verb = "Ticked" if on else "Unticked"
        with self.store.write(actor, f"{verb} '{CHECKLIST_ITEMS[item]}'") as tx:
            a = db.prepare_access.c
            row_id = tx.conn.execute(select(a.id).where(a.item == item)).scalar()
            if row_id is None:
                tx.insert(db.prepare_access, item=item, ticked=on)
            else:
                tx.update(db.prepare_access, row_id, ticked=on, deleted=False)

    # --- reviews to be used -------------------------------------------------------------------
    def prepare_reviews(self, today: date | None = None) -> list[ReviewInfo]:
        """Every review, in reference order, with its live statements counted and flags."""
        r, s = db.reviews.c, db.statements.c
        with self.store.read() as conn:
            event = read_event(conn)
            counts = dict(conn.execute(select(s.review_id, func.count())
                                       .where(s.deleted.is_(False)).group_by(s.review_id)).all())
            rows = conn.execute(select(r.id, r.ref, r.reviewed_on, r.review_type, r.consent)
                                .order_by(r.ref)).all()
        return [ReviewInfo(rid, ref, on, kind, consent, int(counts.get(rid, 0)),
                           is_old(on, event, today))
                for rid, ref, on, kind, consent in rows]

    def add_review(self, ref: object, *, actor: str = "", **details: object) -> int:
        """A review to be used (before any of its statements come in), with its details."""
        clean = clean_review_ref(ref)
        _unknown(details, _REVIEW_FIELDS, "a review")
        values = {k: _clean_review(k, v) for k, v in details.items()}
        with self.store.write(actor, f"Added review {clean}") as tx:
            r = db.reviews.c
            taken = tx.conn.execute(select(r.ref)).scalars()
            if any(t.casefold() == clean.casefold() for t in taken):
                raise InputError(f"There is already a review {clean}: change its details in "
                                 "the list instead.")
            return tx.insert(db.reviews, ref=clean, **values)

    def edit_review(self, review_id: int, *, actor: str = "", **changes: object) -> None:
        """Change any of reviewed_on, review_type, consent (blank: not recorded)."""
        _unknown(changes, _REVIEW_FIELDS, "a review")
        values = {k: _clean_review(k, v) for k, v in changes.items()}
        with self.store.write(actor, "Changed a review's details") as tx:
            row = tx.get(db.reviews, review_id)
            if row is None:
                raise InputError("That review no longer exists.")
            tx.summary = f"Changed the details of review {row['ref']}"
            tx.update(db.reviews, review_id, **values)

    def edit_reviews(self, details: dict[str, dict[str, object]], *, actor: str = "") -> int:
        """Set several reviews' details, by reference, in one change; returns how many."""
        cleaned = {}
        for ref, changes in details.items():
            _unknown(changes, _REVIEW_FIELDS, f"review {ref}")
            try:
                cleaned[ref] = {k: _clean_review(k, v) for k, v in changes.items()}
            except InputError as exc:
                raise InputError(f"Review {ref}: {exc}") from None
        with self.store.write(actor, f"Changed the details of {plural(len(cleaned), 'review')}"
                              ) as tx:
            r = db.reviews.c
            ids = dict(tx.conn.execute(select(r.ref, r.id)).all())
            missing = [ref for ref in cleaned if ref not in ids]
            if missing:
                raise InputError(f"There is no review {missing[0]} in this workshop.")
            for ref, values in cleaned.items():
                tx.update(db.reviews, ids[ref], **values)
        return len(cleaned)

    def reviews_used(self, today: date | None = None) -> ReviewsUsed:
        """The reviews with statements in the workshop, by consent, for the report."""
        used = [r for r in self.prepare_reviews(today) if r.statements]
        return ReviewsUsed(
            total=len(used),
            consent=sum(r.consent is True for r in used),
            not_recorded=sum(r.consent is None for r in used),
            no_consent=sum(r.consent is False for r in used),
            old=sum(r.old for r in used),
            planned=self.event.reviews_planned,
        )


def apply_review_details(tx: Tx, details: dict[int, dict[str, Any]]) -> None:
    """Set imported details on reviews (by id), recorded so undo takes them back."""
    for review_id, values in details.items():
        if values:
            tx.update(db.reviews, review_id, **values)


def _event_summary(values: dict[str, object]) -> str:
    names = {"held_on": "date", "place": "place", "facilitators": "facilitators",
             "reviews_planned": "reviews planned", "review_age_months": "age of reviews"}
    parts = [names[k] for k in values]
    return "Changed the event's " + (", ".join(parts) if parts else "details")


def progress_sentence(reviews_in: int, planned: int | None) -> str:
    """'31 of 40 planned reviews in' (or just how many, when no number is planned)."""
    if not planned:
        return f"{plural(reviews_in, 'review')} in"
    return f"{reviews_in} of {plural(planned, 'planned review')} in"


def _restore_event(row: dict[str, Any], ctx: object, n: int) -> None:
    for field in _EVENT_FIELDS:
        row[field] = _clean_event(field, row[field])


def _restore_invitee(row: dict[str, Any], ctx: object, n: int) -> None:
    row["name"] = clean_invitee_name(row["name"])
    row["role"] = parse_role(row["role"])


def _restore_access(row: dict[str, Any], ctx: Any, n: int) -> None:
    if row["item"] not in CHECKLIST_ITEMS:
        raise InputError(f"item {row['item']!r} is not an item of the access checklist")
    ctx.once("access item", row["item"], n, f"the access item {row['item']!r}")


def restore_rules() -> dict[str, Any]:
    """The checks a whole-workshop restore makes on the Prepare tables (io.restore_rules)."""
    return {"prepare_event": _restore_event, "prepare_invitees": _restore_invitee,
            "prepare_access": _restore_access}


def collect_progress(store: Store, reviews_in: int) -> str:
    """For Collect: reviews in so far against the number planned on the Prepare page."""
    with store.read() as conn:
        planned = read_event(conn).reviews_planned
    return progress_sentence(reviews_in, planned) if planned else ""

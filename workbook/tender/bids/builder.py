"""Setting up an evaluation by hand: panels, questions, bidders, bids and profiles, one
action at a time, each a transaction (history and undo as every other write)."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from sqlalchemy import Connection, func, select

from workbook.io.limits import read_number
from workbook.model import InputError
from workbook.store import db
from workbook.store.transactions import Store
from workbook.tender.bids.bid_tables import tender_bids, tender_profiles
from workbook.tender.bids.bid_text import (
    MAX_BIDDER_NAME,
    MAX_QUESTION_TEXT,
    clean_answer,
    clean_code,
    clean_profile,
)
from workbook.tender.funding.sheets import MAX_STAGES
from workbook.tender.model import Evaluation
from workbook.tender.store import TenderStore
from workbook.text import fold

MAX_EVALUATION_NAME = 200


def amount(value: object, what: str, positive: bool) -> Fraction:
    """A number typed or picked: 70, "£1,250.50"; refused plainly when it is not one."""
    try:
        n = read_number(value)
    except InputError as exc:
        raise InputError(f"The {what} {exc}: type a number.") from None
    if n is None or n < 0 or (positive and n == 0):
        wanted = "a number above 0" if positive else "a number of 0 or more"
        raise InputError(f"The {what} must be {wanted}.")
    return n


def _one_line(value: object, what: str, limit: int, blank_ok: bool = False) -> str:
    text = " ".join("".join(c if c.isprintable() else " " for c in str(value or "")).split())
    if not text and not blank_ok:
        raise InputError(f"Type the {what}: it is blank.")
    if len(text) > limit:
        raise InputError(f"The {what} is {len(text):,} characters long; keep it to {limit:,}.")
    return text


class EvaluationBuilder:
    """The facilitator's set-up actions on the current evaluation (the page checks the role)."""

    def __init__(self, store: Store):
        self.store = store
        self.tender = TenderStore(store)

    # --- finding rows ----------------------------------------------------------------------
    def _need(self, conn: Connection) -> int:
        ev_id = self.tender.current_id(conn)
        if ev_id is None:
            raise InputError("There is no tender evaluation yet: start a new one first.")
        return ev_id

    @staticmethod
    def _find(conn: Connection, table, ev_id: int, code: str, folded: bool = False) -> int | None:
        t = table.c
        rows = conn.execute(select(t.id, t.code).where(
            t.evaluation_id == ev_id, t.deleted.is_(False))).all()
        return next((r.id for r in rows if r.code == code or (folded and fold(r.code) ==
                                                               fold(code))), None)

    def _row(self, conn: Connection, table, code: str, what: str) -> tuple[int, int]:
        ev_id = self._need(conn)
        found = self._find(conn, table, ev_id, code)
        if found is None:
            raise InputError(f"There is no {what} '{code}' in this evaluation: it may have been "
                             "deleted on another screen.")
        return ev_id, found

    @staticmethod
    def _count(conn: Connection, table, **where: Any) -> int:
        t = table.c
        query = select(func.count()).select_from(table).where(t.deleted.is_(False))
        for k, v in where.items():
            query = query.where(t[k] == v)
        return int(conn.execute(query).scalar() or 0)

    def _scored(self, conn: Connection, **where: int) -> int:
        """How many scores and agreed scores (live) are on a bidder or question."""
        return self._count(conn, db.tender_scores, **where) + self._count(
            conn, db.tender_agreed, **where)

    # --- the evaluation ----------------------------------------------------------------------
    def start(self, name: object, quality: object, price: object, actor: str,
              replace: bool = False) -> int:
        """A new, empty evaluation (weights first); the current one is replaced only when
        `replace` is given: history keeps it and undo brings it back."""
        title = _one_line(name, "evaluation's name", MAX_EVALUATION_NAME)
        q, p = amount(quality, "quality weight", False), amount(price, "price weight", False)
        if q + p != 100:
            raise InputError(f"The quality weight {float(q):g} and price weight {float(p):g} "
                             f"add up to {float(q + p):g}: make them add up to 100.")
        if self.tender.current_id() is not None and not replace:
            raise InputError("There is already an evaluation: tick 'Replace the current "
                             "evaluation' to start a new one (the old one stays in the "
                             "history and Undo brings it back).")
        return self.tender.load(Evaluation(q, p, [], [], [], name=title), actor)

    # --- panels ------------------------------------------------------------------------------
    def add_panel(self, code: object, share: object, young_people: bool, actor: str) -> None:
        code = clean_code(code, "panel's name")
        s = amount(share, "panel's share", False)
        with self.store.write(actor, f"Added the panel {code}") as tx:
            ev_id = self._need(tx.conn)
            if self._find(tx.conn, db.tender_panels, ev_id, code, folded=True) is not None:
                raise InputError(f"There is already a panel called {code}: choose it from the "
                                 "list to change it.")
            tx.insert(db.tender_panels, evaluation_id=ev_id, code=code, share=str(s),
                      young_people=bool(young_people))

    def edit_panel(self, code: str, share: object, young_people: bool, actor: str) -> None:
        s = amount(share, "panel's share", False)
        with self.store.write(actor, f"Changed the panel {code}") as tx:
            _ev, pid = self._row(tx.conn, db.tender_panels, code, "panel")
            tx.update(db.tender_panels, pid, share=str(s), young_people=bool(young_people))

    def delete_panel(self, code: str, actor: str) -> None:
        with self.store.write(actor, f"Deleted the panel {code}") as tx:
            _ev, pid = self._row(tx.conn, db.tender_panels, code, "panel")
            members = self._count(tx.conn, db.tender_members, panel_id=pid)
            questions = self._count(tx.conn, db.tender_questions, panel_id=pid)
            if members or questions:
                raise InputError(f"The panel {code} still has {members} member(s) and "
                                 f"{questions} question(s) of its own: delete or move them "
                                 "first.")
            tx.delete(db.tender_panels, pid)

    def delete_member(self, name: str, actor: str) -> None:
        with self.store.write(actor, f"Took {name} off the panel") as tx:
            m = self.tender.member(tx.conn, name)
            if self._count(tx.conn, db.tender_scores, member_id=m["id"]):
                raise InputError(f"{name} has already scored, and scores are kept for the "
                                 "record: they stay on the panel.")
            tx.delete(db.tender_members, m["id"])

    # --- questions ---------------------------------------------------------------------------
    def _panel_id(self, conn: Connection, ev_id: int, panel: str | None) -> int | None:
        if not panel:
            return None
        pid = self._find(conn, db.tender_panels, ev_id, panel)
        if pid is None:
            raise InputError(f"There is no panel '{panel}': add it first, or choose every "
                             "panel.")
        return pid

    @staticmethod
    def _stage(conn: Connection, ev_id: int, stage: object, other_than: int | None) -> int:
        """A stage from 1 to MAX_STAGES that leaves no gap (stage 3 needs a stage 2)."""
        k = amount(stage, "stage", True)
        if k.denominator != 1 or k > MAX_STAGES:
            raise InputError(f"The stage must be a whole number from 1 to {MAX_STAGES}.")
        q = db.tender_questions.c
        used = {int(r.stage or 1) for r in conn.execute(select(q.id, q.stage).where(
            q.evaluation_id == ev_id, q.deleted.is_(False))) if r.id != other_than}
        used.add(int(k))
        gap = next((i for i in range(1, max(used)) if i not in used), None)
        if gap:
            raise InputError(f"There would be no stage {gap} before stage {max(used)}: number "
                             "the stages 1, 2, ... without gaps.")
        return int(k)

    def add_question(self, code: object, text: object, weight: object, panel: str | None,
                     actor: str, stage: object = 1) -> None:
        code = clean_code(code, "question's code")
        words = _one_line(text, "question", MAX_QUESTION_TEXT)
        w = amount(weight, "question's weight", True)
        with self.store.write(actor, f"Added the question {code}") as tx:
            ev_id = self._need(tx.conn)
            if self._find(tx.conn, db.tender_questions, ev_id, code) is not None:
                raise InputError(f"There is already a question {code}: choose it from the list "
                                 "to change it, or give this one another code.")
            tx.insert(db.tender_questions, evaluation_id=ev_id, code=code, text=words,
                      weight=str(w), panel_id=self._panel_id(tx.conn, ev_id, panel),
                      stage=self._stage(tx.conn, ev_id, stage, None))

    def edit_question(self, code: str, text: object, weight: object, panel: str | None,
                      actor: str, stage: object | None = None) -> None:
        words = _one_line(text, "question", MAX_QUESTION_TEXT)
        w = amount(weight, "question's weight", True)
        with self.store.write(actor, f"Changed the question {code}") as tx:
            ev_id, qid = self._row(tx.conn, db.tender_questions, code, "question")
            pid = self._panel_id(tx.conn, ev_id, panel)
            now = tx.get(db.tender_questions, qid)
            k = now["stage"] if stage is None else self._stage(tx.conn, ev_id, stage, qid)
            scored = self._scored(tx.conn, question_id=qid)
            if scored and pid != now["panel_id"]:
                raise InputError(f"Question {code} has been scored already, so which panel "
                                 "scores it cannot change now.")
            if scored and k != now["stage"]:
                raise InputError(f"Question {code} has been scored already, so its stage "
                                 "cannot change now.")
            tx.update(db.tender_questions, qid, text=words, weight=str(w), panel_id=pid,
                      stage=k)

    def delete_question(self, code: str, actor: str) -> None:
        with self.store.write(actor, f"Deleted the question {code}") as tx:
            _ev, qid = self._row(tx.conn, db.tender_questions, code, "question")
            if self._scored(tx.conn, question_id=qid):
                raise InputError(f"Question {code} has been scored already: its scores are "
                                 "kept for the record, so it stays.")
            for row in tx.conn.execute(select(tender_bids.c.id).where(
                    tender_bids.c.question_id == qid, tender_bids.c.deleted.is_(False))):
                tx.delete(tender_bids, row.id)
            tx.delete(db.tender_questions, qid)

    # --- bidders -----------------------------------------------------------------------------
    def _price(self, conn: Connection, price: object) -> Fraction:
        """Above 0; blank or 0 only when price counts for nothing (price weight 0, no
        budget), as the workbook allows: that bid then earns no price points."""
        e = db.tender_evaluations.c
        row = conn.execute(select(e.price_weight, e.budget).where(
            e.id == self._need(conn))).first()
        free = Fraction(row.price_weight) == 0 and row.budget is None
        if free and (price is None or not str(price).strip()):
            return Fraction(0)
        try:
            return amount(price, "price or amount requested", not free)
        except InputError as exc:
            raise InputError(f"{exc} It may be left blank only when the price weight is 0 and "
                             "there is no budget." if not free else str(exc)) from None

    def add_bidder(self, code: object, name: object, price: object, actor: str) -> None:
        code = clean_code(code, "bidder's code")
        title = _one_line(name, "bidder's name", MAX_BIDDER_NAME, blank_ok=True) or code
        with self.store.write(actor, f"Added the bidder {code}") as tx:
            ev_id = self._need(tx.conn)
            p = self._price(tx.conn, price)
            if self._find(tx.conn, db.tender_bidders, ev_id, code, folded=True) is not None:
                raise InputError(f"There is already a bidder {code}: choose it from the list "
                                 "to change it.")
            tx.insert(db.tender_bidders, evaluation_id=ev_id, code=code, name=title,
                      price=str(p))

    def edit_bidder(self, code: str, name: object, price: object, actor: str) -> None:
        title = _one_line(name, "bidder's name", MAX_BIDDER_NAME, blank_ok=True) or code
        with self.store.write(actor, f"Changed the bidder {code}") as tx:
            _ev, bid = self._row(tx.conn, db.tender_bidders, code, "bidder")
            p = self._price(tx.conn, price)
            tx.update(db.tender_bidders, bid, name=title, price=str(p))

    def delete_bidder(self, code: str, actor: str) -> None:
        with self.store.write(actor, f"Deleted the bidder {code}") as tx:
            _ev, bid = self._row(tx.conn, db.tender_bidders, code, "bidder")
            if self._scored(tx.conn, bidder_id=bid) or self._ranked(tx.conn, code):
                raise InputError(f"Bidder {code} has been scored or ranked already: the record "
                                 "is kept, so the bid stays.")
            for table in (tender_bids, tender_profiles):
                for row in tx.conn.execute(select(table.c.id).where(
                        table.c.bidder_id == bid, table.c.deleted.is_(False))):
                    tx.delete(table, row.id)
            tx.delete(db.tender_bidders, bid)

    def _ranked(self, conn: Connection, code: str) -> bool:
        r, m, p = db.tender_rankings.c, db.tender_members.c, db.tender_panels.c
        orders = conn.execute(
            select(r.bidder_order).join(db.tender_members, m.id == r.member_id)
            .join(db.tender_panels, p.id == m.panel_id)
            .where(p.evaluation_id == self._need(conn), r.deleted.is_(False))).scalars()
        return any(code in order for order in orders)  # JSON lists of codes: a cheap check

    # --- what the panel reads ------------------------------------------------------------------
    def set_answer(self, bidder: str, question: str, answer: object, actor: str) -> str:
        """The bid's answer to one question; blank takes it away. Returns what was done."""
        text = "" if answer is None or not str(answer).strip() else clean_answer(answer)
        with self.store.write(actor, f"Bid {bidder}: answer to {question}") as tx:
            _ev, bid = self._row(tx.conn, db.tender_bidders, bidder, "bidder")
            _ev, qid = self._row(tx.conn, db.tender_questions, question, "question")
            a = tender_bids.c
            row = tx.conn.execute(select(a.id).where(
                a.bidder_id == bid, a.question_id == qid, a.deleted.is_(False))).scalar()
            return self._put(tx, tender_bids, row, {"bidder_id": bid, "question_id": qid},
                             "answer", text)

    def set_profile(self, bidder: str, profile: object, actor: str) -> str:
        """The bidder's one-page profile; blank takes it away."""
        text = "" if profile is None or not str(profile).strip() else clean_profile(profile)
        with self.store.write(actor, f"Bid {bidder}: profile") as tx:
            _ev, bid = self._row(tx.conn, db.tender_bidders, bidder, "bidder")
            p = tender_profiles.c
            row = tx.conn.execute(select(p.id).where(
                p.bidder_id == bid, p.deleted.is_(False))).scalar()
            return self._put(tx, tender_profiles, row, {"bidder_id": bid}, "profile", text)

    @staticmethod
    def _put(tx, table, row: int | None, keys: dict[str, int], column: str, text: str) -> str:
        if row is None and not text:
            tx.summary = "No change"
            return "nothing to remove"
        if not text:
            tx.delete(table, row)
            return "removed"
        if row is None:
            tx.insert(table, **keys, **{column: text})
            return "saved"
        tx.update(table, row, **{column: text})
        return "saved"


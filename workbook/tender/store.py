"""Tender evaluations in the store: every score kept with who and when, never overwritten."""

from __future__ import annotations

import json
from collections.abc import Collection
from fractions import Fraction
from typing import Any

from sqlalchemy import Connection, select

from workbook.model import InputError
from workbook.store import db
from workbook.store.transactions import Store
from workbook.tender.bids.bid_rows import store_bids
from workbook.tender.funding.control import check_open
from workbook.tender.funding.grant_rows import stored_values
from workbook.tender.funding.scope import cells as open_cells
from workbook.tender.model import MAX_SCORE, PLAIN_DESCRIPTORS, Evaluation
from workbook.tender.read import evaluation_from_store
from workbook.tender.schema import newest_ids
from workbook.text import fold

MAX_REASON = 2000
MAX_WORDS = 60
MAX_REOPEN_REASON = 500


def clean_score(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_SCORE:
        raise InputError(f"Choose a score from 0 to {MAX_SCORE}.")
    return value


def clean_reason(value: object) -> str:
    text = "" if value is None else str(value).strip()
    if not text:
        raise InputError("Write a reason for this score: every score needs one.")
    if len(text) > MAX_REASON:
        raise InputError(f"The reason is {len(text)} characters long; keep it under "
                         f"{MAX_REASON}.")
    return text


def clean_reopen_reason(value: object) -> str:
    """Why a submitted sheet is reopened: required, one line, no control characters."""
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in str(value or "")).split())
    if not text:
        raise InputError("Say why the score sheet is reopened: the reason is kept in the "
                         "record.")
    if len(text) > MAX_REOPEN_REASON:
        raise InputError(f"The reason is {len(text)} characters long; keep it under "
                         f"{MAX_REOPEN_REASON}.")
    return text


class TenderStore:
    """Actions on the current tender evaluation; each is one transaction in the store."""

    def __init__(self, store: Store):
        self.store = store

    # --- finding things -----------------------------------------------------------------------
    def current_id(self, conn: Connection | None = None) -> int | None:
        """The newest evaluation still in use (a workshop usually holds one)."""
        t = db.tender_evaluations
        query = select(t.c.id).where(t.c.deleted.is_(False)).order_by(t.c.id.desc()).limit(1)
        if conn is not None:
            return conn.execute(query).scalar()
        with self.store.read() as c:
            return c.execute(query).scalar()

    def _need(self, conn: Connection) -> int:
        ev_id = self.current_id(conn)
        if ev_id is None:
            raise InputError("There is no tender evaluation yet: load an evaluation workbook "
                             "first.")
        return ev_id

    def _id(self, conn: Connection, table, column: str, value: str, what: str,
            **where: Any) -> int:
        query = select(table.c.id).where(table.c[column] == value, table.c.deleted.is_(False))
        for k, v in where.items():
            query = query.where(table.c[k] == v)
        found = conn.execute(query).scalar()
        if found is None:
            raise InputError(f"There is no {what} '{value}' in this evaluation.")
        return found

    def member(self, conn: Connection, name: str) -> dict[str, Any]:
        m, p = db.tender_members.c, db.tender_panels.c
        rows = conn.execute(
            select(m.id, m.name, m.submitted_at, p.code.label("panel"), p.id.label("panel_id"))
            .join(db.tender_panels, p.id == m.panel_id)
            .where(p.evaluation_id == self._need(conn), m.deleted.is_(False)).order_by(m.id)
        ).mappings().all()
        # Names fold ("ZOË" is "Zoë") in Python, the same on SQLite and PostgreSQL; an exact
        # match wins where an old evaluation holds two names that fold alike.
        wanted = fold(name)
        row = next((r for r in rows if r["name"] == name),
                   next((r for r in rows if fold(r["name"]) == wanted), None))
        if row is None:
            raise InputError(f"'{name}' is not a member of any panel in this evaluation.")
        return dict(row)

    def _cell(self, conn: Connection, ev_id: int, panel_id: int, bidder: str,
              question: str) -> tuple[int, int]:
        b = self._id(conn, db.tender_bidders, "code", bidder, "bidder", evaluation_id=ev_id)
        q = db.tender_questions.c
        row = conn.execute(select(q.id, q.panel_id).where(
            q.evaluation_id == ev_id, q.code == question, q.deleted.is_(False))).first()
        if row is None:
            raise InputError(f"There is no question '{question}' in this evaluation.")
        if row.panel_id not in (None, panel_id):
            raise InputError(f"Question '{question}' is not scored by this panel.")
        return b, row.id

    # --- setting up -----------------------------------------------------------------------------
    def load(self, ev: Evaluation, actor: str, submitted: bool | Collection[str] = True) -> int:
        """Store a whole evaluation (from a workbook) as the current one; returns its id.

        Scores from a workbook were given on paper or elsewhere: their members count as
        submitted unless `submitted` is False (or does not name them).
        """
        with self.store.write(actor, f"Loaded the tender evaluation '{ev.name}'") as tx:
            old = self.current_id(tx.conn)
            if old is not None:  # replaced, not destroyed: history and undo keep it
                tx.delete(db.tender_evaluations, old)
            ev_id = tx.insert(db.tender_evaluations, name=ev.name,
                              quality_weight=str(ev.quality_weight),
                              price_weight=str(ev.price_weight), **stored_values(ev))
            panels = {p.panel: tx.insert(db.tender_panels, evaluation_id=ev_id, code=p.panel,
                                         share=str(p.share), young_people=p.young_people)
                      for p in ev.panels}
            members = {}
            seen: dict[str, tuple[str, str]] = {}  # folded name -> (name, panel)
            for p in ev.panels:
                for name in ev.members_of(p.panel):
                    first, where = seen.get(fold(name), (name, ""))
                    if where and first == name:
                        raise InputError(f"'{name}' is on both the {where} and the "
                                         f"{p.panel}: give each member a different name.")
                    if where:  # members sign in by name: one written two ways is one name
                        raise InputError(f"'{first}' ({where}) and '{name}' ({p.panel}) are "
                                         "one name: give each member a different name.")
                    seen[fold(name)] = (name, p.panel)
                    members[(p.panel, name)] = tx.insert(
                        db.tender_members, panel_id=panels[p.panel], name=name,
                        submitted_at=tx.at if submitted is True or (
                            submitted and name in submitted) else None)
            questions = {q.question: tx.insert(
                db.tender_questions, evaluation_id=ev_id, code=q.question, text=q.text,
                weight=str(q.weight), panel_id=panels.get(q.panel) if q.panel else None,
                stage=q.stage)
                for q in ev.questions}
            bidders = {b.bidder: tx.insert(db.tender_bidders, evaluation_id=ev_id,
                                           code=b.bidder, name=b.name, price=str(b.price))
                       for b in ev.bidders}
            store_bids(tx, ev, bidders, questions)
            for s in ev.scores:
                tx.insert(db.tender_scores, member_id=members[(s.panel, s.member)],
                          bidder_id=bidders[s.bidder], question_id=questions[s.question],
                          score=s.score, reason=s.reason, actor=actor)
            for a in ev.agreed:
                tx.insert(db.tender_agreed, panel_id=panels[a.panel], bidder_id=bidders[a.bidder],
                          question_id=questions[a.question], score=a.score, reason=a.reason,
                          actor=actor)
            for r in ev.rankings:
                tx.insert(db.tender_rankings, member_id=members[(r.panel, r.member)],
                          bidder_order=json.dumps(list(r.order)), actor=actor)
            for (_panel, name), member_id in members.items():
                if submitted is True or (submitted and name in submitted):
                    self._record_submit(tx, member_id, actor, "scores loaded from the "
                                        "evaluation workbook")
            for score, words in sorted({**PLAIN_DESCRIPTORS, **ev.descriptors}.items()):
                tx.insert(db.tender_descriptors, evaluation_id=ev_id, score=score, words=words)
        return ev_id

    def add_member(self, panel: str, name: str, actor: str) -> None:
        """A new panel member; names are unique in the evaluation (they sign in by name)."""
        name = " ".join(str(name or "").split())
        if not name or len(name) > 40:
            raise InputError("Type the member's name (up to 40 characters).")
        with self.store.write(actor, f"Added {name} to the {panel}") as tx:
            ev_id = self._need(tx.conn)
            pid = self._id(tx.conn, db.tender_panels, "code", panel, "panel", evaluation_id=ev_id)
            try:
                self.member(tx.conn, name)
            except InputError:
                tx.insert(db.tender_members, panel_id=pid, name=name, submitted_at=None)
                return
            raise InputError(f"There is already a member called {name}: add a surname or "
                             "initial.")

    def set_weights(self, quality: Fraction, price: Fraction, actor: str) -> None:
        if quality < 0 or price < 0 or quality + price != 100:
            raise InputError("The quality and price weights must add up to 100.")
        with self.store.write(actor, f"Set weights: quality {quality}, price {price}") as tx:
            tx.update(db.tender_evaluations, self._need(tx.conn), quality_weight=str(quality),
                      price_weight=str(price))

    def set_share(self, panel: str, share: Fraction, actor: str) -> None:
        if share < 0:
            raise InputError("A panel's share cannot be below 0.")
        with self.store.write(actor, f"Set the {panel}'s share to {share}") as tx:
            pid = self._id(tx.conn, db.tender_panels, "code", panel, "panel",
                           evaluation_id=self._need(tx.conn))
            tx.update(db.tender_panels, pid, share=str(share))

    def set_descriptor(self, score: int, words: str, actor: str) -> None:
        self.set_descriptors({score: words}, actor)

    def set_descriptors(self, words: dict[int, str], actor: str) -> None:
        """The words shown on the score buttons; the commissioner can make them plainer."""
        clean = {}
        for score, text in words.items():
            clean_score(score)
            text = " ".join(str(text or "").split())
            if not text or len(text) > MAX_WORDS:
                raise InputError(f"Give score {score} a few words (up to {MAX_WORDS} "
                                 "characters).")
            clean[score] = text
        with self.store.write(actor, "Changed the words on the score buttons") as tx:
            d = db.tender_descriptors.c
            ev_id = self._need(tx.conn)
            for score, text in sorted(clean.items()):
                row = tx.conn.execute(select(d.id).where(
                    d.evaluation_id == ev_id, d.score == score, d.deleted.is_(False))).scalar()
                if row is None:
                    tx.insert(db.tender_descriptors, evaluation_id=ev_id, score=score,
                              words=text)
                else:
                    tx.update(db.tender_descriptors, row, words=text)

    # --- scoring ---------------------------------------------------------------------------------
    def score(self, member: str, bidder: str, question: str, score: int, reason: str,
              actor: str | None = None) -> None:
        """A member's score: a new row every time, so earlier scores stay in the record."""
        score, reason = clean_score(score), clean_reason(reason)
        with self.store.write(actor or member, f"{member} scored {bidder} {question}: "
                                               f"{score}") as tx:
            m = self.member(tx.conn, member)
            if m["submitted_at"]:
                raise InputError(f"{member} has submitted their scores, so they cannot change "
                                 "now: the facilitator can reopen the score sheet, or the "
                                 "panel can agree a different score in moderation.")
            b, q = self._cell(tx.conn, self._need(tx.conn), m["panel_id"], bidder, question)
            check_open(tx.conn, self._need(tx.conn), bidder, q)  # later stages: shortlist only
            s = db.tender_scores.c
            now = tx.conn.execute(select(s.score, s.reason).where(
                s.member_id == m["id"], s.bidder_id == b, s.question_id == q,
                s.deleted.is_(False)).order_by(s.id.desc()).limit(1)).first()
            if now is not None and (now.score, now.reason) == (score, reason):
                tx.summary = "No change"
                return
            tx.insert(db.tender_scores, member_id=m["id"], bidder_id=b, question_id=q,
                      score=score, reason=reason, actor=actor or member)

    def submit(self, member: str, actor: str | None = None) -> None:
        """Hand in: the member's scores become visible to others; all must be given first."""
        ev, _ = self.evaluation(viewer=member)
        with self.store.write(actor or member, f"{member} submitted their scores") as tx:
            m = self.member(tx.conn, member)
            if m["submitted_at"]:
                raise InputError(f"{member} has already submitted.")
            done = {(s.bidder, s.question) for s in ev.scores if s.member == member}
            missing = [f"{b} {q}" for b, q in open_cells(ev, m["panel"]) if (b, q) not in done]
            if missing:
                raise InputError(f"Score everything before you submit: {len(missing)} still "
                                 f"to do ({', '.join(missing[:4])}"
                                 f"{' and more' if len(missing) > 4 else ''}).")
            tx.not_undoable = True  # final for the member: only the facilitator reopens it
            tx.update(db.tender_members, m["id"], submitted_at=tx.at)
            self._record_submit(tx, m["id"], actor or member)

    @staticmethod
    def _record_submit(tx, member_id: int, actor: str, note: str = "") -> None:
        """The audit trail: which scores and order this submit handed in (the newest ids)."""
        score_upto, cells = newest_ids(tx.conn, db.tender_scores, member_id)
        ranking_upto, _ = newest_ids(tx.conn, db.tender_rankings, member_id)
        tx.insert(db.tender_submissions, member_id=member_id, action="submitted", reason=note,
                  score_upto=score_upto, ranking_upto=ranking_upto, scores=cells, actor=actor)

    def reopen(self, member: str, reason: str, actor: str) -> None:
        """The facilitator opens a submitted sheet again, saying why: the member may change
        their scores, which count again only when they submit again. The earlier submit, its
        scores and this reopening all stay in the record."""
        reason = clean_reopen_reason(reason)
        with self.store.write(actor, f"Reopened {member}'s score sheet: {reason}") as tx:
            m = self.member(tx.conn, member)
            if not m["submitted_at"]:
                raise InputError(f"{member} has not submitted, so there is nothing to reopen.")
            tx.not_undoable = True  # kept for the record, like the submit it reopens
            score_upto, cells = newest_ids(tx.conn, db.tender_scores, m["id"])
            ranking_upto, _ = newest_ids(tx.conn, db.tender_rankings, m["id"])
            tx.update(db.tender_members, m["id"], submitted_at=None)
            tx.insert(db.tender_submissions, member_id=m["id"], action="reopened",
                      reason=reason, score_upto=score_upto, ranking_upto=ranking_upto,
                      scores=cells, actor=actor)

    def agree(self, panel: str, bidder: str, question: str, score: int, reason: str,
              actor: str) -> None:
        """The panel's moderated score and why; a new row each time, never overwritten."""
        score, reason = clean_score(score), clean_reason(reason)
        with self.store.write(actor, f"{panel} agreed {bidder} {question}: {score}") as tx:
            ev_id = self._need(tx.conn)
            pid = self._id(tx.conn, db.tender_panels, "code", panel, "panel", evaluation_id=ev_id)
            b, q = self._cell(tx.conn, ev_id, pid, bidder, question)
            check_open(tx.conn, ev_id, bidder, q)
            tx.insert(db.tender_agreed, panel_id=pid, bidder_id=b, question_id=q, score=score,
                      reason=reason, actor=actor)

    def rank(self, member: str, order: list[str], actor: str | None = None) -> None:
        """A member's favourite-to-least-favourite order of every bidder."""
        with self.store.write(actor or member, f"{member} put the bidders in order") as tx:
            m = self.member(tx.conn, member)
            if m["submitted_at"]:
                raise InputError(f"{member} has submitted, so their order of the bids cannot "
                                 "change now; the facilitator can reopen the score sheet.")
            b = db.tender_bidders.c
            codes = set(tx.conn.execute(select(b.code).where(
                b.evaluation_id == self._need(tx.conn), b.deleted.is_(False))).scalars())
            if len(order) != len(codes) or set(order) != codes:
                raise InputError("Put every bidder in the order once, favourite first.")
            tx.insert(db.tender_rankings, member_id=m["id"], bidder_order=json.dumps(order),
                      actor=actor or member)

    # --- reading ---------------------------------------------------------------------------------
    def evaluation(self, viewer: str | None = None, everyone: bool = False):
        """(Evaluation, problems) as `viewer` may see it: submitted members' scores, plus the
        viewer's own. `everyone` (an export for the record) includes unsubmitted scores too."""
        with self.store.read() as conn:
            return evaluation_from_store(conn, self.current_id(conn), viewer, everyone)

    def submissions(self) -> list[dict[str, Any]]:
        """The audit trail of the score sheets: every submit and reopening, oldest first."""
        from workbook.tender.read import submissions

        with self.store.read() as conn:
            return submissions(conn, self.current_id(conn))

    def history(self) -> list[dict[str, Any]]:
        """Every score and agreed score ever given, oldest first, with who and when."""
        from workbook.tender.read import history

        with self.store.read() as conn:
            return history(conn, self.current_id(conn))


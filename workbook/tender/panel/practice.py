"""The practice round: a made-up bid scored in a table of its own, so it never counts,
then each practice score shown beside a worked answer's score and why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from workbook.model import InputError
from workbook.tender.panel.panel_tables import tender_practice
from workbook.tender.store import clean_reason, clean_score

if TYPE_CHECKING:
    from workbook.tender.store import TenderStore


@dataclass(frozen=True)
class PracticeQuestion:
    code: str
    text: str
    answer: str  # what the made-up bid says
    worked: int  # the worked answer's score
    why: str  # and why


PRACTICE_BID = "Riverside Youth Hub (a made-up bid, for practice only)"
PRACTICE: tuple[PracticeQuestion, ...] = (
    PracticeQuestion(
        "P1", "How will young people feel safe and listened to?",
        "We will have a suggestion box by the door. Staff will read it once a month.",
        2, "It has one idea, but a box read once a month is slow, and it does not say how "
           "young people will feel safe. A few worries: 2."),
    PracticeQuestion(
        "P2", "Where and when will the service be open?",
        "Open Monday to Friday 3pm to 9pm and Saturday 11am to 5pm, in the town centre next "
        "to the bus station, and once a week in each of the three villages.",
        5, "Clear times after school and at the weekend, near buses, and it goes out to the "
           "villages too. Brilliant: 5."),
    PracticeQuestion(
        "P3", "How will you tell young people what changed because of them?",
        "We will write a report every year for the council.",
        1, "A report for the council does not tell young people anything. Big worries: 1."),
)


def question(code: str) -> PracticeQuestion:
    found = next((q for q in PRACTICE if q.code == code), None)
    if found is None:
        raise InputError(f"There is no practice question '{code}'.")
    return found


def practise(tender: TenderStore, member: str, code: str, score: object, reason: object,
             actor: str) -> None:
    """Save a practice score (a new row each time): never part of any result or export."""
    q, score, reason = question(code), clean_score(score), clean_reason(reason)
    with tender.store.write(actor, f"{member} practised on {q.code}: {score}") as tx:
        m = tender.member(tx.conn, member)
        tx.insert(tender_practice, member_id=m["id"], question=q.code, score=score,
                  reason=reason, actor=actor)


def practice_scores(tender: TenderStore, member: str) -> dict[str, tuple[int, str]]:
    """This member's newest practice score and reason per question."""
    with tender.store.read() as conn:
        m = tender.member(conn, member)
        t = tender_practice.c
        newest = select(func.max(t.id)).where(t.member_id == m["id"], t.deleted.is_(False)
                                              ).group_by(t.question)
        rows = conn.execute(select(t.question, t.score, t.reason).where(t.id.in_(newest)))
        return {r.question: (r.score, r.reason) for r in rows}


def gap_words(mine: int, worked: int) -> str:
    """'the same', '1 higher', '2 lower': in words, never colour alone."""
    if mine == worked:
        return "the same as the worked answer"
    gap = abs(mine - worked)
    way = "higher" if mine > worked else "lower"
    close = " (close: scores often differ by 1)" if gap == 1 else (
        " (far apart: read why below)")
    return f"{gap} {way} than the worked answer{close}"


def compare(tender: TenderStore, member: str) -> list[dict[str, object]]:
    """Each practice question the member has scored: their score and reason beside the
    worked answer's score and why."""
    mine = practice_scores(tender, member)
    return [{"question": q.code, "text": q.text, "score": mine[q.code][0],
             "reason": mine[q.code][1], "worked": q.worked, "why": q.why,
             "gap": gap_words(mine[q.code][0], q.worked)}
            for q in PRACTICE if q.code in mine]

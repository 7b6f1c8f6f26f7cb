"""What the tender page shows, worked out without widgets: progress, moderation, result rows."""

from __future__ import annotations

from dataclasses import dataclass

from workbook.tender.funding.scope import cells as open_cells
from workbook.tender.funding.wording import funded_word, funding_change, stage_story
from workbook.tender.model import Evaluation
from workbook.tender.rules import results, young_panels_scored
from workbook.text import plural

FLAG_SPREAD = 2  # members this far apart discuss the score before agreeing one


@dataclass(frozen=True)
class MemberScore:
    member: str
    score: int
    reason: str


@dataclass(frozen=True)
class ModerationCell:
    """One bidder on one question for one panel: what each member gave, and any agreed score."""

    panel: str
    bidder: str
    question: str
    given: list[MemberScore]
    agreed: int | None
    agreed_reason: str

    @property
    def spread(self) -> int | None:
        scores = [g.score for g in self.given]
        return max(scores) - min(scores) if scores else None

    @property
    def flagged(self) -> bool:
        return self.spread is not None and self.spread >= FLAG_SPREAD

    @property
    def mean(self) -> float | None:
        return sum(g.score for g in self.given) / len(self.given) if self.given else None


def moderation(ev: Evaluation, panel: str) -> list[ModerationCell]:
    """Every cell the panel scores, in bidder then question order."""
    agreed = {(a.bidder, a.question): a for a in ev.agreed if a.panel == panel}
    out = []
    for bidder, question in open_cells(ev, panel):  # a later stage: the shortlist only
        given = [MemberScore(s.member, s.score, s.reason) for s in ev.scores
                 if (s.panel, s.bidder, s.question) == (panel, bidder, question)]
        a = agreed.get((bidder, question))
        out.append(ModerationCell(panel, bidder, question, given,
                                  a.score if a else None, a.reason if a else ""))
    return out


def member_progress(ev: Evaluation, panel: str, member: str) -> tuple[int, int]:
    """(scored, to score) for one member."""
    cells = set(open_cells(ev, panel))
    done = {(s.bidder, s.question) for s in ev.scores if s.member == member and s.panel == panel}
    return len(done & cells), len(cells)


def next_unscored(ev: Evaluation, panel: str, member: str) -> tuple[str, str] | None:
    """The first bidder and question this member has not scored yet."""
    done = {(s.bidder, s.question) for s in ev.scores if s.member == member and s.panel == panel}
    return next((c for c in open_cells(ev, panel) if c not in done), None)


def submitted_count(roster: list[dict]) -> tuple[str, str]:
    """('3 of 9 panel members have submitted', 'Adult panel 3 of 3; Young people's panel 0 of
    6'): results count only submitted scores, so the room sees how many are in."""
    if not roster:
        return "There are no panel members yet", ""
    panels: dict[str, list[int]] = {}
    for m in roster:
        done = panels.setdefault(m["panel"], [0, 0])
        done[0] += bool(m["submitted_at"])
        done[1] += 1
    n = sum(d for d, _ in panels.values())
    verb = "has" if len(roster) == 1 else "have"
    head = (f"all {plural(n, 'panel member')} {verb} submitted" if n == len(roster) > 1 else
            f"{n} of {plural(len(roster), 'panel member')} {verb} submitted")
    return head, "; ".join(f"{p} {d} of {t}" for p, (d, t) in panels.items())


def move_words(before: int | None, after: int) -> str:
    """'▲ up 3', '▼ down 1' or '= same': a symbol and words, never colour alone."""
    if before is None or before == after:
        return "= same"
    return f"▲ up {before - after}" if after < before else f"▼ down {after - before}"


def result_rows(ev: Evaluation) -> list[dict]:
    """The results table, best first, with each bidder's move due to the young people."""
    rows = []
    for r in sorted(results(ev), key=lambda r: (r.rank, r.bidder)):
        name = next(b.name for b in ev.bidders if b.bidder == r.bidder)
        rows.append({
            "rank": r.rank, "bidder": r.bidder, "name": name,
            "quality": float(r.quality), "price": float(r.price), "total": float(r.total),
            "rank_without_young_people": r.rank_without_young_people,
            "move": move_words(r.rank_without_young_people, r.rank),
            "funded": funded_word(ev, r), "stages": stage_story(ev, r.bidder),
        })
    return rows


def what_changed(ev: Evaluation) -> str:
    """One plain sentence for the young people: what their scores changed (in a grant round,
    and which bids they lifted into funding or out of it)."""
    said = _what_changed(ev)
    if ev.budget is None or not ev.young_panels or not young_panels_scored(ev):
        return said
    return " ".join(x for x in (said, funding_change(results(ev))) if x)


def _what_changed(ev: Evaluation) -> str:
    if not ev.young_panels:
        return "There is no young people's panel in this evaluation."
    if not any(s.panel in ev.young_panels for s in ev.scores) and not any(
            a.panel in ev.young_panels for a in ev.agreed):
        return ("The young people's panel has not submitted any scores yet: the results will "
                "show what their scores change.")
    rows = result_rows(ev)
    if not rows:
        return ""
    first = rows[0]
    before = min(rows, key=lambda r: (r["rank_without_young_people"] or 99, r["bidder"]))
    moved = [r for r in rows if r["move"] != "= same"]
    if first["bidder"] != before["bidder"]:
        return (f"Your scores changed who comes first: {first['name']} ({first['bidder']}) is "
                f"first with your panel; without it, {before['name']} ({before['bidder']}) "
                f"would be. {len(moved)} of {plural(len(rows), 'bidder')} moved.")
    if moved:
        return (f"{first['name']} comes first with or without your panel, but your scores "
                f"moved {len(moved)} of {plural(len(rows), 'bidder')}.")
    return "Your scores agreed with the adults': the order is the same with or without them."

"""Tender evaluation model: setup, panels, questions, bidders, scores, agreed scores, rankings."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

MAX_SCORE = 5
SCORES = range(0, MAX_SCORE + 1)

# The common formal scale, and plainer words a young people's panel may prefer; the
# commissioner can change the plain words for each evaluation.
FORMAL_DESCRIPTORS = {
    0: "Unacceptable",
    1: "Serious reservations",
    2: "Minor reservations",
    3: "Acceptable",
    4: "Good",
    5: "Excellent",
}
PLAIN_DESCRIPTORS = {
    0: "Not there at all",
    1: "Big worries",
    2: "A few worries",
    3: "OK",
    4: "Good",
    5: "Brilliant",
}


@dataclass(frozen=True)
class Problem:
    """Something to fix, and where: a sheet and a row as Excel shows it (0 = the whole sheet)."""

    sheet: str
    row: int
    message: str
    blocks: bool = False  # True: no fair result can be worked out until it is fixed

    def __str__(self) -> str:
        where = f"{self.sheet} row {self.row}" if self.row else self.sheet
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Panel:
    panel: str
    share: Fraction
    young_people: bool
    row: int = 0


@dataclass(frozen=True)
class Question:
    question: str
    text: str
    weight: Fraction
    panel: str | None = None  # None: every panel scores it
    row: int = 0
    stage: int = 1  # stages run in order; a later one scores only the shortlisted bids


@dataclass(frozen=True)
class Bidder:
    bidder: str
    name: str
    price: Fraction
    row: int = 0


@dataclass(frozen=True)
class Score:
    panel: str
    member: str
    bidder: str
    question: str
    score: int
    reason: str
    row: int = 0


@dataclass(frozen=True)
class Agreed:
    panel: str
    bidder: str
    question: str
    score: int
    reason: str
    row: int = 0


@dataclass(frozen=True)
class Ranking:
    """One member's order of the bidders, favourite first (for the Borda count)."""

    panel: str
    member: str
    order: tuple[str, ...]
    row: int = 0


@dataclass
class Evaluation:
    """Everything needed to work out a tender result, as read from a workbook or the store."""

    quality_weight: Fraction
    price_weight: Fraction
    panels: list[Panel]
    questions: list[Question]
    bidders: list[Bidder]
    scores: list[Score] = field(default_factory=list)
    agreed: list[Agreed] = field(default_factory=list)
    # panel -> its members; members listed here who scored nothing are incomplete.
    members: dict[str, list[str]] = field(default_factory=dict)
    rankings: list[Ranking] = field(default_factory=list)
    descriptors: dict[int, str] = field(default_factory=lambda: dict(PLAIN_DESCRIPTORS))
    name: str = "Tender evaluation"
    # What the panel reads while scoring: (bidder, question) -> the bid's answer; bidder ->
    # its one-page profile (schema 12; workbook sheets Bids and Profiles).
    bids: dict[tuple[str, str], str] = field(default_factory=dict)
    profiles: dict[str, str] = field(default_factory=dict)
    # A budget makes it a grant round: each bid's price is the amount it asks for.
    budget: Fraction | None = None
    shortlist: int | None = None  # how many bids go on to the next stage (ties all go on)
    # stage -> the bids let into it, as the facilitator fixed them; unset: worked out
    shortlists: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def panel(self, code: str) -> Panel | None:
        return next((p for p in self.panels if p.panel == code), None)

    def questions_for(self, panel: str) -> list[Question]:
        """The questions a panel scores: those for every panel and those for it alone."""
        return [q for q in self.questions if q.panel is None or q.panel == panel]

    def members_of(self, panel: str) -> list[str]:
        """Listed members, then anyone else who scored for the panel, in first-seen order."""
        out = list(self.members.get(panel, []))
        for s in self.scores:
            if s.panel == panel and s.member not in out:
                out.append(s.member)
        return out

    @property
    def young_panels(self) -> list[str]:
        return [p.panel for p in self.panels if p.young_people]

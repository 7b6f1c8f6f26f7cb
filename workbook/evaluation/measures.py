"""What the evaluation asks: the "I" and "We" statements and the mood barometer, with scales."""

from __future__ import annotations

from dataclasses import dataclass

from workbook.model import InputError


@dataclass(frozen=True)
class Measure:
    """One question of the evaluation: a key kept in the store, its words and its scale."""

    key: str  # "I1".."I4", "We1".."We4", "mood"
    words: str  # as the seed words it (002_291dc340d354f2da.txt), or the barometer's question
    short: str  # a chart's axis label
    group: str  # "I", "We" or "mood"

    @property
    def scale(self) -> tuple[tuple[int, str], ...]:
        return MOOD if self.group == "mood" else AGREE

    @property
    def number(self) -> str:
        """"I 1", "We 3": how the page, the chart and the report number it."""
        return "Mood" if self.group == "mood" else f"{self.group} {self.key[len(self.group):]}"


# The seed gives no scale for the statements: a five-point agree scale in plain words,
# most agreeing first (the order the page offers and the chart stacks).
AGREE: tuple[tuple[int, str], ...] = (
    (5, "Strongly agree"), (4, "Agree"), (3, "Not sure"), (2, "Disagree"),
    (1, "Strongly disagree"),
)
# The mood barometer is "a set of pictures where people relate to how they are feeling": five
# faces, each with a word, happiest first.
MOOD: tuple[tuple[int, str], ...] = (
    (5, "Very happy"), (4, "Happy"), (3, "In between"), (2, "Unhappy"), (1, "Very unhappy"),
)

MOMENTS = {"start": "At the start of the event", "end": "At the end of the event"}
SOURCES = {"table": "answered at a table", "paper": "typed in from paper"}

MOOD_MEASURE = Measure("mood", "How are you feeling right now?", "Mood", "mood")
# Measures of success from 002_291dc340d354f2da.txt, in its words and order.
I_STATEMENTS: tuple[Measure, ...] = (
    Measure("I1", "I am valued for the contribution I make to my community",
            "Valued for my contribution", "I"),
    Measure("I2", "I am supported by people who see me as a unique person with strengths, "
            "abilities and aspirations", "Seen as a unique person", "I"),
    Measure("I3", "I am treated with respect and dignity", "Treated with respect", "I"),
    Measure("I4", "I have opportunities to help shape the services the Council provide",
            "Can help shape services", "I"),
)
WE_STATEMENTS: tuple[Measure, ...] = (
    Measure("We1", "We work with people as equal partners and combine our respective "
            "knowledge and experience to support joint decision-making",
            "Equal partners, joint decisions", "We"),
    Measure("We2", "We work in partnership with others", "Partnership with others", "We"),
    Measure("We3", "We look for ways to involve people in their communities, so they feel "
            "included and valued for their contribution", "Involve people in communities",
            "We"),
    Measure("We4", "We have a ‘can do’ approach which focusses on what matters to people",
            "‘Can do’, what matters", "We"),
)
STATEMENTS: tuple[Measure, ...] = I_STATEMENTS + WE_STATEMENTS
MEASURES: dict[str, Measure] = {m.key: m for m in (MOOD_MEASURE, *STATEMENTS)}
I_INTRO = "How people feel when co-production is working well."
WE_INTRO = ("What organisations and their people need to do to make sure actual experience "
            "lives up to the ‘I’ statements.")


def measure(key: object) -> Measure:
    """The measure of ``key``; else a plain message naming the ones there are."""
    found = MEASURES.get(str(key).strip())
    if found is None:
        raise InputError(f"'{key}' is not a question of the evaluation: use mood, "
                         + ", ".join(m.key for m in STATEMENTS) + ".")
    return found


def moment(value: object) -> str:
    text = str(value).strip().lower()
    if text not in MOMENTS:
        raise InputError(f"'{value}' is not a time of the event: use start or end.")
    return text


def answer(m: Measure, value: object) -> int:
    """A point of ``m``'s scale (1 to 5), given as its number or its words."""
    for point, words in m.scale:
        if str(value).strip().casefold() in (str(point), words.casefold()):
            return point
    raise InputError(f"'{value}' is not an answer to {m.number}: choose one of "
                     + ", ".join(words for _, words in m.scale) + ".")


def label(m: Measure, point: int) -> str:
    return dict(m.scale)[point]


def check_pair(when: str, m: Measure) -> None:
    """The statements are answered at the end, looking back on the event; mood at both."""
    if m.group != "mood" and when != "end":
        raise InputError(f"{m.number} is answered at the end of the event, not at the start.")

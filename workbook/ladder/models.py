"""Ladders and models of participation as data: rungs, groups, plain-English descriptions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbook.model import InputError
from workbook.text import fold

# The commissioning cycle a commissioner assesses, stage by stage.
STAGES = ("analyse", "plan", "do", "review")
STAGE_LABELS = {
    "analyse": "Analyse (understand)",
    "plan": "Plan",
    "do": "Do (deliver and buy)",
    "review": "Review",
}


@dataclass(frozen=True)
class Rung:
    """One rung (or degree, step, level face or matrix cell) of a model."""

    number: int
    name: str
    group: str
    description: str
    face: str = ""  # levels of engagement: "negative" or "positive"
    cell: tuple[int, int] | None = None  # matrix: (who designs, who delivers), 0..2 each
    # Levels of engagement: the level's number as the seed numbers it (1 Citizen control at
    # the top). `number` stays the stored value, so stores made before keep their meaning.
    level: int = 0
    where: str = ""  # matrix: the cell's place in words, for cells the source leaves unnamed

    @property
    def named(self) -> bool:
        return bool(self.name)

    @property
    def label(self) -> str:
        if self.face:
            return f"{self.level}. {self.group}: {self.name} ({self.face})"
        if self.cell is not None:  # the source numbers no cell: name it, or say where it is
            return self.name or f"Unnamed cell ({self.where})"
        return f"{self.number}. {self.name}"

    def aliases(self) -> set[str]:
        """What a deck may write for this position, compared as _words does."""
        out = {_words(self.name)}
        if self.face:
            sign = "-" if self.face == "negative" else "+"
            out |= {_words(f"{self.level} {self.face}"), _words(f"{self.level}{sign}"),
                    _words(f"{self.group} {self.face}"), _words(self.label)}
        return out


def _words(text: str) -> str:
    """Folded, with hyphens and dashes as spaces: "Decision-making" matches "decision making",
    while a sign after a level number ("3-", "3 −", "3+") stays a sign."""
    text = fold(str(text)).replace("−", "-").replace("–", "-")
    text = re.sub(r"(\d)\s*([-+])\s*$", r"\1\2", text.strip())
    text = re.sub(r"(?<=\D)-|-(?=\D)", " ", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Model:
    """A model of participation: its rungs bottom to top, grouped, with where it comes from."""

    key: str
    name: str
    shape: str  # "ladder", "circle" or "matrix"
    source: str
    groups: tuple[str, ...]
    rungs: tuple[Rung, ...]
    note: str = ""
    unit: str = "rung"  # what one position is called on this model
    extra: dict[str, str] = field(default_factory=dict)
    # names older decks may hold, folded as _words folds them -> the position they meant
    former: dict[str, int] = field(default_factory=dict)

    def rung(self, number: int) -> Rung:
        """Any position, named or not: what a store holds is always read."""
        for r in self.rungs:
            if r.number == number:
                return r
        raise InputError(
            f"{self.name} has no {self.unit} {number}: choose 1 to {len(self.rungs)}."
        )

    def choosable(self, number: int) -> Rung:
        """A position a vote, a suggestion or an assessment may name: the source names it."""
        r = self.rung(number)
        if not r.named:
            names = ", ".join(c.name for c in self.options())
            raise InputError(f"The source leaves the cell where {r.where} unnamed, so it is "
                             f"not offered: choose one of {names}.")
        return r

    def options(self, top_first: bool = True) -> list[Rung]:
        """The positions to choose from, in the order the source draws them."""
        if any(r.level for r in self.rungs):  # levels: 1 at the top, negative face first
            return sorted(self.rungs, key=lambda r: (r.level, r.face != "negative"))
        rungs = [r for r in self.rungs if r.named]
        return list(reversed(rungs)) if top_first else rungs

    def group_rungs(self, group: str) -> list[Rung]:
        return [r for r in self.rungs if r.group == group]

    def parse(self, value: object) -> int | None:
        """A rung from a number or a name (as typed in a deck); None for blank.

        A Python int is a stored position (a page's choice); text is what a person typed."""
        if value is None:
            return None
        if isinstance(value, int):
            return self.choosable(value).number
        text = str(value).strip()
        if not text or text.lower() in ("nan", "none", "-", "n/a"):
            return None
        wanted = _words(text)
        for r in self.rungs:
            if r.named and wanted in r.aliases():
                return r.number
        if wanted in self.former:  # a name this project used before the source's own
            return self.former[wanted]
        try:
            number = int(float(text))
        except (ValueError, OverflowError):  # "inf", "1e999": not a rung number
            raise InputError(self._unknown(text)) from None
        if any(r.level for r in self.rungs):  # a level alone does not say which face
            faces = [r.name for r in self.options() if r.level == number]
            if not faces:
                raise InputError(f"'{text}' is not a level of {self.name}: levels run 1 to "
                                 f"{len(self.groups)}. Write the level and the face (such as "
                                 "'3 negative') or the face's name (such as Appeasement).")
            raise InputError(
                f"'{text}' names a level, not a face: write '{number} negative' or "
                f"'{number} positive', or the face's name ({' or '.join(faces)}).")
        return self.choosable(number).number

    def _unknown(self, text: str) -> str:
        if any(r.level for r in self.rungs):
            return (f"'{text}' is not a face of {self.name}: write the level and the face "
                    "(such as '3 negative') or the face's name (such as Appeasement).")
        return (f"'{text}' is not a {self.unit} of {self.name}: give its number "
                f"(1 to {len(self.rungs)}) or its name.")


def _rungs(groups: list[tuple[str, list[tuple[str, str]]]]) -> tuple[tuple, tuple]:
    """Number rungs 1.. bottom to top through the groups, in order."""
    out, n = [], 0
    for group, items in groups:
        for name, description in items:
            n += 1
            out.append(Rung(n, name, group, description))
    return tuple(g for g, _ in groups), tuple(out)


_hart_groups, _hart_rungs = _rungs([
    ("Non-participation", [
        ("Manipulation", "Young people are used to carry adults' messages, without "
         "understanding the issue or being told what happens to their views."),
        ("Decoration", "Young people are present, for example at an event or in a photo, "
         "to make it look good, but they have no say in it."),
        ("Tokenism", "Young people appear to be given a voice, but have little choice about "
         "what they say or how, and no real chance to shape the outcome."),
    ]),
    ("Degrees of participation", [
        ("Assigned but informed", "Adults decide the project and give young people a role; "
         "young people understand why it exists, who decided and why they are involved."),
        ("Consulted and informed", "Adults run the project, but young people's views are "
         "asked for, taken seriously, and they are told what difference they made."),
        ("Adult-initiated, shared decisions with children", "Adults start the work, then "
         "young people take part in making the decisions alongside them."),
        ("Child-initiated and directed", "Young people have the idea and run it themselves; "
         "adults support but do not take charge."),
        ("Child-initiated, shared decisions with adults", "Young people start the work and "
         "choose to bring adults in, sharing decisions as partners."),
    ]),
])

_arnstein_groups, _arnstein_rungs = _rungs([
    ("Non-participation", [
        ("Manipulation", "People are placed on boards or panels to be persuaded and to "
         "rubber-stamp what officials have already decided."),
        ("Therapy", "People's views are treated as a problem to be fixed: the aim is to "
         "change how they feel, not to change the service."),
    ]),
    ("Tokenism", [
        ("Informing", "People are told about plans and their rights, usually one way and "
         "late, with no route to reply or to change anything."),
        ("Consultation", "People are asked for their views through surveys or meetings, but "
         "nothing guarantees that their views will be acted on."),
        ("Placation", "A few people are given seats on a committee and may advise, but "
         "those in power still judge whether the advice is taken."),
    ]),
    ("Citizen power", [
        ("Partnership", "Power is shared by agreement: citizens and officials plan and "
         "decide together through joint structures."),
        ("Delegated power", "Citizens hold most of the seats or the final say on a plan or "
         "programme, and officials must negotiate with them."),
        ("Citizen control", "Citizens run a service or programme themselves, in charge of "
         "its policy, its management and its money."),
    ]),
])

_tlap_groups, _tlap_rungs = _rungs([
    ("Doing to", [
        ("Coercion", "People who use services attend as passive recipients; their views "
         "are not sought and do not count."),
        ("Educating", "Services help people understand what is already decided, so they "
         "can go along with it; it is still one way."),
    ]),
    ("Doing for", [
        ("Informing", "People are told what is happening and why, clearly and in time, "
         "but cannot change it."),
        ("Consultation", "People are asked for views at a set point; decisions are still "
         "made elsewhere and the feedback may or may not shape them."),
        ("Engagement", "People have more chances to give views and some influence, but the "
         "organisation still holds the decisions."),
    ]),
    ("Doing with", [
        ("Co-design", "People help design a service from their own experience, though they "
         "may not share in the final decisions or the delivery."),
        ("Co-production", "People who use services, carers and professionals share power "
         "and responsibility from start to finish, as equal partners."),
    ]),
])

TRESEDER_GROUP = "Degrees of participation (no one degree is best)"
_treseder_groups, _treseder_rungs = _rungs([
    (TRESEDER_GROUP, [
        ("Assigned but informed", "Adults decide on the work and give young people a "
         "clear role in it, explaining how and why they are involved."),
        ("Consulted and informed", "Adults design and run the work, but young people are "
         "asked for their views, understand the process and see their views counted."),
        ("Adult-initiated, shared decisions with young people", "Adults have the first "
         "idea, then young people share every step of planning and deciding."),
        ("Young people-initiated and directed", "Young people have the idea and decide how "
         "to carry it out; adults are there to help if asked."),
        ("Young people-initiated, shared decisions with adults", "Young people have the "
         "idea and invite adults to decide with them as partners."),
    ]),
])

_spectrum_groups, _spectrum_rungs = _rungs([
    ("Communication", [("Communication", "Giving people clear information about a "
                        "service or a decision; the flow is one way.")]),
    ("Consultation", [("Consultation", "Asking people for ideas, suggestions and feedback "
                       "that may shape what is decided.")]),
    ("Engagement", [("Engagement", "Working with people through a process to reach and "
                     "secure agreement on what will happen.")]),
    ("Co-production", [("Co-production", "Working together as equals from start to "
                        "finish, sharing the design, the decisions and the delivery.")]),
])

# The levels of engagement as the seed draws them (after Alain Thomas): four levels numbered
# from the top, each with a negative face on the left and a positive face on the right.
LEVELS_CONTEXT = {
    "negative": ("Negative context", ("Negative motivation", "Limited capacity",
                                      "Insufficient assurances")),
    "positive": ("Positive context", ("Positive motivation", "Sufficient capacity",
                                      "Sufficient assurances")),
}
LEVELS_NOTE = ("It depends: no absolute rights and wrongs, positives and negatives at every "
               "level. What tips a level to its negative or its positive face is the context: "
               "motivation, capacity and assurances.")
# Stored positions 1..8 run from Communication's negative face up to Citizen control's
# positive face, as stores made before this numbering hold them.
_LEVELS = [
    (4, "Communication", ("Manipulation", "Information is shaped to steer people to a "
                          "conclusion already reached."),
     ("Information", "People get honest, timely information they can use and act on.")),
    (3, "Consultation", ("Appeasement", "Views are gathered to calm people down, with no "
                         "intention of changing anything."),
     ("Influence", "Views are gathered openly and do change what is decided.")),
    (2, "Shared power", ("Tokenism", "A few people get seats at the table but no real power "
                         "over the decisions made there."),
     ("Co-operation", "People and organisations work together, each bringing something, "
      "and share the decisions.")),
    (1, "Citizen control", ("Abdication of responsibility", "An organisation hands a "
                            "problem over to people and walks away without support or "
                            "resources."),
     ("Decision making power", "People hold the power to decide, with the support and "
      "resources to do it well.")),
]
_levels_rungs = []
for _i, (_level, _group, (_neg, _neg_d), (_pos, _pos_d)) in enumerate(_LEVELS):
    _levels_rungs.append(Rung(2 * _i + 1, _neg, _group, _neg_d, face="negative",
                              level=_level))
    _levels_rungs.append(Rung(2 * _i + 2, _pos, _group, _pos_d, face="positive",
                              level=_level))
LEVELS_GROUPS = tuple(g for _, g, *_ in sorted(_LEVELS))  # 1 Citizen control first

# The matrix's axes in the seed's words (after the New Economics Foundation).
DESIGN_AXIS = ("Professionals design services", "People & professionals together",
               "People design services")
DELIVER_AXIS = ("Professionals deliver services", "Professionals & people together",
                "People deliver services")
# Cells numbered row by row from "professionals deliver" up to "people deliver", and within
# a row from "professionals design" to "people design" (the numbers stores hold). The seed
# names six cells and leaves three blank: blank here too, never offered as a choice.
_MATRIX = [
    ("Traditional service model", "Professionals design the service and deliver it; "
     "people receive it."),
    ("Co-designed services", "People and professionals design the service together, then "
     "professionals deliver it."),
    ("", ""),
    ("Co-delivered services", "Professionals design the service and deliver it together "
     "with the people who use it."),
    ("Co-produced services", "People and professionals design the service together and "
     "deliver it together."),
    ("", ""),
    ("People trained to deliver services", "Professionals design the service, then people "
     "are trained to deliver it themselves."),
    ("", ""),
    ("Self-organised community provision", "People design and run it themselves, as a "
     "community."),
]
_WHO = ("professionals", "people and professionals together", "people")
_matrix_rungs = tuple(
    Rung(i + 1, name, DELIVER_AXIS[i // 3], desc, cell=(i % 3, i // 3),
         where=f"{_WHO[i % 3]} design, {_WHO[i // 3]} deliver")
    for i, (name, desc) in enumerate(_MATRIX)
)

# RCPCH (2017), in the literature review: the degrees of participation of the Office of the
# Children's Commissioner (after Treseder) with a fourth degree, Represent, added by RCPCH.
_rcpch_groups, _rcpch_rungs = _rungs([
    ("Degrees of participation", [
        ("Inform", "Children and young people are told what is planned and decided, in ways "
         "they can understand."),
        ("Consult", "Children and young people are asked for their views, and their views "
         "are taken into account."),
        ("Involve", "Children and young people take part in the work and the decisions "
         "alongside adults."),
    ]),
    ("Added by RCPCH", [
        ("Represent", "Children and young people themselves represent the needs, wishes and "
         "views of their peers at strategic forums."),
    ]),
])

MODELS: dict[str, Model] = {
    m.key: m
    for m in (
        Model("hart", "Hart's ladder of participation", "ladder",
              "Roger Hart (1992), after Sherry Arnstein (1969)",
              _hart_groups, _hart_rungs, "For children and young people."),
        Model("arnstein", "Arnstein's ladder of citizen participation", "ladder",
              "Sherry Arnstein (1969)", _arnstein_groups, _arnstein_rungs, "For citizens."),
        Model("tlap", "Ladder of co-production", "ladder",
              "Think Local Act Personal (TLAP)", _tlap_groups, _tlap_rungs,
              "Seven steps from doing to, through doing for, to doing with.", unit="step"),
        Model("treseder", "Treseder's degrees of participation", "circle",
              "Phil Treseder (1997)", _treseder_groups, _treseder_rungs,
              "Five different degrees, none better than another: drawn as a circle.",
              unit="degree"),
        Model("spectrum", "Spectrum of involvement", "ladder",
              "Training slides on engaging people in commissioning", _spectrum_groups,
              _spectrum_rungs, "From giving information to working together.", unit="step"),
        Model("levels", "Levels of engagement, negative and positive", "levels",
              "Alain Thomas Consultancy (2001, adapted 2014), in training slides on "
              "engaging people in commissioning",
              LEVELS_GROUPS, tuple(_levels_rungs), LEVELS_NOTE, unit="face"),
        Model("matrix", "Who designs, who delivers", "matrix",
              "New Economics Foundation, after Tony Bovaird", DELIVER_AXIS, _matrix_rungs,
              "Who designs a service against who delivers it. The source names six of the "
              "nine cells and leaves three blank.", unit="cell",
              former={_words(n): i for n, i in (
                  ("Traditional professional service", 1), ("Co-designed service", 2),
                  ("Co-delivered service", 4), ("Co-produced service", 5),
                  ("People trained to deliver", 7))}),
        Model("rcpch", "RCPCH degrees of involvement", "ladder",
              "Royal College of Paediatrics and Child Health (2017), after the Office of the "
              "Children's Commissioner's degrees of participation", _rcpch_groups,
              _rcpch_rungs, "Inform, Consult and Involve, with Represent added by RCPCH: "
              "children and young people speaking for their peers at strategic forums.",
              unit="degree"),
    )
}


def get_model(key: str) -> Model:
    try:
        return MODELS[key]
    except KeyError:
        names = ", ".join(MODELS)
        raise InputError(f"There is no model called '{key}'. Choose one of: {names}.") from None


_STAGE_ALIASES = {"understand": "analyse", "analyze": "analyse", "deliver": "do",
                  "delivery": "do", "procure": "do", "monitor": "review"}


def stage(value: object) -> str:
    """A commissioning-cycle stage from its key, label or a common other word for it."""
    text = str(value or "").strip().casefold()
    for key, label in STAGE_LABELS.items():
        if text in (key, label.casefold()):
            return key
    if text in _STAGE_ALIASES:
        return _STAGE_ALIASES[text]
    raise InputError(f"Stage '{value}' is not one of: {', '.join(STAGES)}.")


# The self-assessment and planning tool: ten key areas of effective participation in
# commissioning (after the East Midlands report's appendix 2), in our words.
KEY_AREAS = (
    "Our commissioning strategy says why we value children and young people's involvement "
    "and how we will achieve it.",
    "Our commissioning staff have the knowledge and skills to involve people well.",
    "Enough money and people are set aside for meaningful involvement.",
    "Enough time is planned into the commissioning cycle for meaningful involvement.",
    "Involvement is informed, honest and open: people know how much influence they have.",
    "We build on what recent involvement already told us, so people are not asked the same "
    "thing twice.",
    "People regularly help judge how well and how inclusively we involved them, and we "
    "learn from it.",
    "Our methods suit the age, understanding and development of the people taking part.",
    "We involve children, young people and families at every stage of the cycle by default; "
    "leaving them out is the exception.",
    "The services we commission must reach and keep the level of participation our strategy "
    "sets, and show evidence of it.",
)
PLAN_FIELDS = {
    "doing_now": "What are we doing now?",
    "need_to_do": "What do we need to do?",
    "who": "Who is responsible",
    "by_when": "By when",
    "how_we_know": "We will know we have done this when…",
}

"""The eight steps of Working Together for Change: their one source of numbers, names, pages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    """One step as facilitators are trained on it (002_291dc340d354f2da.txt)."""

    number: int
    name: str
    page: str  # the notebook that serves it, under notebooks/
    question: str  # the page header's question, after the step's number and name
    asks: str  # what the step asks of the room, in one line
    for_tables: bool = True  # False: the facilitator's page only (tables are refused)

    @property
    def title(self) -> str:
        """"Step 4 · Understand": how pages, links and the report name the step."""
        return f"Step {self.number} · {self.name}"

    @property
    def header(self) -> str:
        """The page's header: its title and its question."""
        return f"{self.title}: {self.question}"

    def heading(self, what: str) -> str:
        """A report heading for part of this step, e.g. "Step 6 · Plan: the action plan"."""
        return f"{self.title}: {what}"


STEPS: tuple[Step, ...] = (
    Step(1, "Prepare", "01_prepare.ipynb", "who, when, where, and which reviews?",
         "Agree how, when and where to work together and who takes part; make sure each "
         "person has a recent person-centred review.", for_tables=False),
    Step(2, "Collect", "02_collect.ipynb", "what people said",
         "From each review, gather the two top things working and not working for the "
         "person, and what they want for the future."),
    Step(3, "Theme", "03_theme.ipynb", "what goes together",
         "With people who use services in the group, find the themes and give each an "
         "“I” statement."),
    Step(4, "Understand", "04_understand.ipynb", "why is it not working?",
         "Work out together the root causes of what is not working, and choose the top "
         "ones to address."),
    Step(5, "Identify success", "05_success.ipynb", "what would good look like?",
         "Say what success would look like if the causes were addressed, from different "
         "perspectives."),
    Step(6, "Plan", "06_plan.ipynb", "who will do what, by when?",
         "See what is happening already, think of other ways to make change, and agree "
         "which ideas become action plans."),
    Step(7, "Implement", "07_implement.ipynb", "baselines and indicators",
         "Set where you are now (the baseline) and how you will know it worked (the "
         "indicators), share them, and start the action plans."),
    Step(8, "Review", "08_review.ipynb", "are things getting better?",
         "Measure progress against the indicators, write the report, and tell everyone "
         "involved what changed and what comes next."),
)

BY_NUMBER: dict[int, Step] = {s.number: s for s in STEPS}
BY_PAGE: dict[str, Step] = {s.page: s for s in STEPS}

# Page files before the pages took the steps' numbers (an address in an old link, a QR code
# printed for an earlier event): each still opens the page of its step.
OLD_PAGES: dict[str, str] = {
    "01_collect.ipynb": "02_collect.ipynb",
    "02_theme.ipynb": "03_theme.ipynb",
    "03_root_cause.ipynb": "04_understand.ipynb",
    "04_success.ipynb": "05_success.ipynb",
    "05_action_plan.ipynb": "06_plan.ipynb",
    "06_review.ipynb": "08_review.ipynb",
}


# Pages a table's link never opens: the server refuses them, and the page's kernel checks too.
FACILITATOR_PAGES: frozenset[str] = frozenset(s.page for s in STEPS if not s.for_tables)


def step(number: int) -> Step:
    """The step by its number (1 to 8)."""
    return BY_NUMBER[number]


def new_page(name: str) -> str | None:
    """The page an old page file now lives at, or None when ``name`` is not an old one."""
    return OLD_PAGES.get(name)

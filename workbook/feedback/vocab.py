"""The words of the feedback log: statuses, the usual groups who must hear back, and how."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from workbook.model import InputError, clean_date, clean_text, optional_text
from workbook.text import fold

# An entry's status as councils publish it; "not done" needs the reason it has not been done.
STATUSES = ("done", "in progress", "not done")
STATUS_LABELS = {"done": "Done", "in progress": "In progress", "not done": "Not done"}
NOT_DONE = "not done"
DEFAULT_STATUS = "in progress"  # also what an entry saved before schema 9 becomes

# Who must hear back: the usual groups, listed for every event (a facilitator adds others).
STANDARD_GROUPS = (
    "People whose reviews were used",
    "Families and carers",
    "Staff",
    "Providers",
    "The board",
)
# How a group was told: offered as choices; anything else may be typed.
HOW_CHOICES = ("Letter", "Email", "Meeting", "Easy read", "Phone call", "Newsletter",
               "Website")
MAX_GROUP = 120
MAX_HOW = 40
MAX_WORDS = 2000  # characters in one of the three columns, or a reason


def parse_status(value: object) -> str:
    """A status as stored ('done', 'in progress', 'not done'); accepts 'In progress',
    'in_progress', 'not-done' and the like; else an InputError listing the choices."""
    token = " ".join(str(value or "").replace("_", " ").replace("-", " ").lower().split())
    if token not in STATUSES:
        raise InputError(f"The status {str(value)!r} is not one of: "
                         f"{', '.join(STATUS_LABELS.values())}.")
    return token


def status_summary(statuses: Iterable[str]) -> str:
    """How many entries have each status, in words: "2 done, 1 in progress and 1 not done"."""
    counts = Counter(statuses)
    parts = [f"{counts[s]} {STATUS_LABELS[s].lower()}" for s in STATUSES if counts[s]]
    return ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else "".join(parts)


def entry_values(*, we_did: object, status: object, reason: object, impact: object,
                 given_on: object) -> dict[str, object]:
    """The middle and third columns, status, reason and date of an entry, checked together."""
    status = parse_status(status)
    why = optional_text(reason, "reason it has not been done", MAX_WORDS)
    if status == NOT_DONE and not why:
        raise InputError("An entry that is not done needs the reason: say what has not been "
                         "done and why.")
    return dict(
        we_did=clean_text(we_did, "“we did”", MAX_WORDS),
        impact=optional_text(impact, "“impact and next steps”", MAX_WORDS),
        status=status,
        # Kept only while not done: a reason beside "done" would mislead the reader.
        reason=why if status == NOT_DONE else "",
        given_on=clean_date(given_on, "date of the entry"),
    )


def clean_group(value: object) -> str:
    """A group's name on one line, its spaces single (a name is shown in tables)."""
    return " ".join(clean_text(value, "group name", MAX_GROUP).split())


def group_key(name: str) -> str:
    """Two group names that differ only in case, accents or spacing are the same group."""
    return fold(name)


def clean_how(value: object) -> str:
    how = optional_text(value, "how they were told", MAX_HOW)
    if not how:
        raise InputError("Say how they were told: a letter, an email, a meeting, easy read...")
    return how


def clean_told_on(value: object, today: date | None = None) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InputError("Choose the date they were told.")
    told = clean_date(value, "date they were told")
    if told > (today or date.today()).isoformat():
        raise InputError(f"The date they were told ({told}) is in the future: record it once "
                         "they have been told.")
    return told

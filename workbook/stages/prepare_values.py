"""Step 1 (Prepare): the roles invited, the access checklist, and reading a review's details."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from workbook.model import MAX_NAME, InputError, clean_text, optional_text

# Who is invited, by role, in the words of the issue and the seeds' membership list.
ROLES: dict[str, str] = {
    "person": "Person who uses services",
    "family": "Family carer",
    "staff": "Staff",
    "provider": "Provider",
    "commissioner": "Commissioner",
}
ROLE_PLURALS: dict[str, str] = {
    "person": "people who use services",
    "family": "family carers",
    "staff": "staff",
    "provider": "providers",
    "commissioner": "commissioners",
}

# The access-requirements checklist of 002_291dc340d354f2da.txt, grouped as the seed groups it.
CHECKLIST: tuple[tuple[str, str, str], ...] = (
    ("doors", "Access", "Door frames wide enough for wheelchairs and mobility aids"),
    ("ground_floor", "Access", "Meeting room on the ground floor"),
    ("lifts", "Access", "If not, enough lifts for several wheelchairs"),
    ("emergency", "Access", "Emergency plans (such as fire evacuation) thought through"),
    ("signage", "Access", "Signs in place so people can find the meeting room"),
    ("times", "Location and frequency", "Preferred meeting times discussed with all parties"),
    ("venue", "Location and frequency", "Venue suitable for, and local to, most people coming"),
    ("travel", "Location and frequency", "Travel (such as taxis) arranged for those who need it"),
    ("alternatives", "Location and frequency", "Alternatives to a formal meeting considered"),
    ("introductions", "Duration", "Time at the start for people to introduce themselves"),
    ("ice_breaker", "Duration", "An ice breaker ready (for example a mood barometer)"),
    ("shorter_sessions", "Duration", "Shorter sessions for carers and people short of time"),
)
# (Short enough to show whole beside a tick box in half the big screen's width.)
CHECKLIST_ITEMS = {key: label for key, _group, label in CHECKLIST}

MAX_REVIEW_TYPE = 64
MAX_PLACE = 300
MAX_AGE_MONTHS = 120
MAX_PLANNED = 100_000
_EXCEL_EPOCH = date(1899, 12, 30)  # Excel's day 0 (after its 1900 leap-year slip)
_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}


def parse_role(value: object) -> str:
    """A role key from its key or label ("Family carer", "family carers"); else InputError."""
    token = re.sub(r"\s+", " ", str(value or "")).strip().casefold()
    for key, label in ROLES.items():
        if token in (key, label.casefold(), ROLE_PLURALS[key]):
            return key
    raise InputError(f"{str(value)!r} is not a role: choose one of "
                     f"{', '.join(ROLES.values())}.")


def parse_review_date(value: object, what: str = "review date") -> str | None:
    """A review's date as ISO text, from 2026-03-01, 01/03/2026 (day first) or an Excel date
    (a date cell or its day number); None when blank; else a plain InputError."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 1 <= value <= 2958465:  # Excel's range of days
            return (_EXCEL_EPOCH + timedelta(days=int(value))).isoformat()
    text = str(value).strip()
    if text.isdigit() and len(text) == 5:  # an Excel day number that came through as text
        return parse_review_date(int(text), what)
    if text[10:].strip() in ("", "00:00:00") or text[10:11] == "T":
        try:  # "2026-03-01", or "2026-03-01 00:00:00" (a date cell saved as text)
            return date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            pass
    match = _DMY.fullmatch(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            pass
    return _bad(value, what)


def _bad(value: object, what: str) -> str:
    raise InputError(f"The {what} {str(value)!r} is not a date: write it as 2026-03-01 or "
                     "01/03/2026.")


def parse_consent(value: object, what: str = "consent to use words") -> bool | None:
    """Yes or no (y/n, true/false) as True or False; blank as None (not recorded)."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    token = str(value).strip().casefold()
    if not token:
        return None
    if token in _YES:
        return True
    if token in _NO:
        return False
    raise InputError(f"The {what} {str(value)!r} is not yes or no: write yes, no, or leave it "
                     "blank if it was not recorded.")


def clean_review_type(value: object) -> str | None:
    """A review's type (annual review, person-centred review, ...); None when blank."""
    text = optional_text(value, "review type", MAX_REVIEW_TYPE)
    return text or None


def clean_count(value: object, what: str, low: int, high: int) -> int:
    """A whole number from low to high, typed or picked; else a plain InputError."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        number = None
    if number is None or isinstance(value, bool) or not low <= number <= high:
        raise InputError(f"The {what} {str(value)!r} is not a whole number from {low} to "
                         f"{high:,}.")
    return number


def clean_invitee_name(value: object) -> str:
    return clean_text(value, "who is invited (a name or a description)", MAX_NAME)


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the 31st becomes the month's last day)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # every month has a 28th

"""Domain vocabulary: statement kinds, perspectives, limits and validation of user input."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from workbook.io.wording import USE_KINDS, read_kind


class Kind(StrEnum):
    """What a review statement says: working, not working, or wanted for the future."""

    WORKING = "working"
    NOT_WORKING = "not_working"
    FUTURE = "future"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]

    @property
    def symbol(self) -> str:
        # A symbol as well as a colour, so kind is never shown by colour alone.
        return KIND_SYMBOLS[self]


KIND_LABELS = {
    Kind.WORKING: "Working",
    Kind.NOT_WORKING: "Not working",
    Kind.FUTURE: "For the future",
}
KIND_SYMBOLS = {Kind.WORKING: "✔", Kind.NOT_WORKING: "✖", Kind.FUTURE: "➜"}
# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
KIND_COLOURS = {Kind.WORKING: "#009E73", Kind.NOT_WORKING: "#D55E00", Kind.FUTURE: "#0072B2"}


class Perspective(StrEnum):
    """Whose view a statement gives."""

    PERSON = "person"
    FAMILY = "family"
    STAFF = "staff"
    OTHER = "other"

    @property
    def label(self) -> str:
        return PERSPECTIVE_LABELS[self]


PERSPECTIVE_LABELS = {
    Perspective.PERSON: "The person",
    Perspective.FAMILY: "Family carer",
    Perspective.STAFF: "Staff",
    Perspective.OTHER: "Other",
}

# Success statements are written in several voices (step 5 of WTfC).
SUCCESS_PERSPECTIVES = ("person", "family", "staff", "provider", "commissioner")

MAX_TEXT = 1000  # characters in one statement, theme statement, cause, action
MAX_NAME = 120  # characters in a theme name, review reference, voter name
MAX_REVIEW_REF = 64


class InputError(ValueError):
    """Bad input from a user; the message is plain English and says what to fix."""


# Invisible control characters (not tab or newline) break Excel files and carry no meaning.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _norm_token(value: str) -> str:
    value = unicodedata.normalize("NFKC", str(value)).casefold()
    value = value.replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", " ", value).strip()


_PERSPECTIVE_SYNONYMS = {
    "person": Perspective.PERSON,
    "the person": Perspective.PERSON,
    "self": Perspective.PERSON,
    "service user": Perspective.PERSON,
    "individual": Perspective.PERSON,
    "young person": Perspective.PERSON,
    "client": Perspective.PERSON,
    "family": Perspective.FAMILY,
    "family carer": Perspective.FAMILY,
    "family member": Perspective.FAMILY,
    "parent": Perspective.FAMILY,
    "parent carer": Perspective.FAMILY,
    "carer": Perspective.FAMILY,
    "unpaid carer": Perspective.FAMILY,
    "relative": Perspective.FAMILY,
    "staff": Perspective.STAFF,
    "support worker": Perspective.STAFF,
    "provider": Perspective.STAFF,
    "worker": Perspective.STAFF,
    "professional": Perspective.STAFF,
    "social worker": Perspective.STAFF,
    "key worker": Perspective.STAFF,
    "other": Perspective.OTHER,
    "friend": Perspective.OTHER,
    "advocate": Perspective.OTHER,
}


def parse_kind(value: object) -> Kind:
    """Read a kind by its words ("What isn't working for me"); raise InputError if unclear."""
    reading = read_kind(value)
    if reading.kind is None:
        raise InputError(f"{reading.reason}: {USE_KINDS}")
    return Kind(reading.kind)


def parse_perspective(value: object) -> Perspective:
    """Read a perspective (blank means the person); raise InputError if unknown."""
    token = _norm_token(str(value or ""))
    if not token:
        return Perspective.PERSON
    if token in _PERSPECTIVE_SYNONYMS:
        return _PERSPECTIVE_SYNONYMS[token]
    raise InputError(
        f"unknown perspective {str(value)!r}: use Person, Family carer, Staff or Other"
    )


def clean_text(value: object, what: str = "text", limit: int = MAX_TEXT) -> str:
    """Trim text and check it is neither blank nor over the limit; keep it otherwise as given."""
    text = "" if value is None else str(value)
    # One kind of line break: Excel and browsers do not keep a lone carriage return.
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not text:
        raise InputError(f"{what} is blank: type something first")
    if len(text) > limit:
        raise InputError(
            f"{what} is {len(text):,} characters long; the limit is {limit:,}. Shorten it."
        )
    return text


def optional_text(value: object, what: str = "text", limit: int = MAX_TEXT) -> str:
    """Text that may be left blank (a note, a unit): "" when nothing but spaces or control
    characters was typed, else cleaned and checked as clean_text does."""
    text = "" if value is None else _CONTROL.sub("", str(value)).strip()
    return clean_text(text, what, limit) if text else ""


def clean_date(value: object, what: str = "date") -> str:
    """A date typed or picked, as ISO text (2027-03-31); else an InputError saying how."""
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise InputError(f"The {what} {value!r} is not a date: write it as 2027-03-31.") from None


def clean_review_ref(value: object) -> str:
    """A review reference is pseudonymous (e.g. R-017); blank is not allowed."""
    ref = "" if value is None else str(value).strip()
    if isinstance(value, float) and value.is_integer():
        ref = str(int(value))  # Excel gives 17.0 for a cell typed 17
    if not ref:
        raise InputError("missing review reference: every statement needs the review it came from")
    if len(ref) > MAX_REVIEW_REF:
        raise InputError(
            f"review reference is {len(ref)} characters; the limit is {MAX_REVIEW_REF}"
        )
    return ref


@dataclass(frozen=True)
class StatementIn:
    """One statement ready to store: validated, from an import or a table's laptop."""

    review_ref: str
    kind: Kind
    perspective: Perspective
    text: str

    @classmethod
    def parse(cls, review_ref: object, kind: object, perspective: object, text: object):
        return cls(
            clean_review_ref(review_ref),
            parse_kind(kind),
            parse_perspective(perspective),
            clean_text(text, "statement text"),
        )

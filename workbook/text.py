"""Small wording helpers every message, chart and report shares: counts and shortened text."""

from __future__ import annotations

import unicodedata

IRREGULAR = {"person": "people", "is": "are", "was": "were"}  # nouns, and verbs after a count
ELLIPSIS = "…"


def plural_of(word: str) -> str:
    """The plural of one of our nouns: "statement" -> "statements", "entry" -> "entries"."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def noun(n: int, word: str, many: str | None = None) -> str:
    """The word alone, singular for one and plural otherwise: noun(1, "row") -> "row"."""
    return word if n == 1 else (many or plural_of(word))


def plural(n: int, word: str, many: str | None = None) -> str:
    """A count with its noun: plural(1, "statement") -> "1 statement"; 2,000 with a comma."""
    return f"{n:,} {noun(n, word, many)}"


def one_line(text: object) -> str:
    """The text with every run of white space (newlines too) folded to one space."""
    return " ".join(str(text).split())


def fold(text: object) -> str:
    """The key two names are compared by: "École", "ÉCOLE" and "école" fold alike, as do
    "Straße" and "STRASSE" or "ΟΔΌΣ" and "οδός"; accents still count ("école" is not "ecole").

    NFKC, full case folding, NFKC again (folding can undo normal form), invisible format
    characters (soft hyphen, zero-width space) dropped, white space runs made one space.
    """
    value = str(text)
    if value.isascii():  # the common case, and a search folds every row: keep it quick
        return " ".join(value.lower().split())
    value = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", value).casefold())
    return " ".join("".join(c for c in value if unicodedata.category(c) != "Cf").split())


LABEL_LIMIT = 80  # characters of a name or statement in a dropdown option


def shorten(text: object, limit: int = LABEL_LIMIT) -> str:
    """At most `limit` characters on one line, ending in "…" where it was cut."""
    flat = one_line(text)
    return flat if len(flat) <= limit else flat[: max(limit - 1, 0)] + ELLIPSIS


def listed(items: list[str], most: int = 3) -> str:
    """The first `most` items joined by commas, with ", …" if there were more."""
    return ", ".join(items[:most]) + (f", {ELLIPSIS}" if len(items) > most else "")


def quantity(value: object, unit: object = "") -> str:
    """A measured figure as people read it: 12, 2.5, "40%", "3 people"; "–" when missing."""
    try:
        f = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "–"
    if f != f:  # not a number: a missing figure
        return "–"
    number = str(int(f)) if f.is_integer() else f"{f:g}"
    u = str(unit or "")
    return number if not u else number + (u if u == "%" else f" {u}")

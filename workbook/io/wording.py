"""Read the words of a heading or cell, and which statement kind those words name."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from workbook.text import listed, shorten

# The values of model.Kind; this module stands alone so that model.py can use it.
WORKING, NOT_WORKING, FUTURE = "working", "not_working", "future"
KIND_NAMES = {WORKING: "Working", NOT_WORKING: "Not working", FUTURE: "Future"}
USE_KINDS = "use Working, Not working or Future"
LONGEST_KIND = 120  # characters: longer text in a kind cell is a statement, not a kind

_APOSTROPHES = str.maketrans("", "", "'’‘‛`´ʼ′")
# Each run of letters or of digits is a word. One pass and no nested repeats, so any text
# is read in linear time (nested repeats once hung the import on "000…0x").
_WORD = re.compile(r"[a-z]+|[0-9]+")

# The rule reads these words; any other word makes a kind unclear, so a stray phrase such as
# "Working hours" or "Future review date" is never taken for a kind.
_NOT = frozenset(
    "not no non never nt isnt isn arent aren wasnt wasn werent weren doesnt doesn dont don "
    "didnt didn hasnt hasn havent haven cant cannot wont stopped".split()
)
_WORKS = frozenset("working work works worked good".split())
_WELL_AFTER = frozenset("going goes went doing does done".split()) | _WORKS
_BAD = frozenset("bad badly poor poorly wrong".split())
_FUTURE = frozenset("future hopes hope dreams wishes aspirations goals".split())
_FILLER = frozenset(
    # "What is / what's / what isn't ... for me / to me / in my life / at the moment"
    "what whats which that thats is are was were be been being has have had do does did "
    "its it i im me my mine we us our you your they them their he she him her his "
    "for to in of at on with about from the a an and or so far now currently still "
    "right moment present things thing really very quite important life going goes doing "
    "longer will would like want wants need needs s t".split()
)
# Whole values that are abbreviations; anywhere else these letters are not kind words.
_ABBREVIATIONS = {("w",): WORKING, ("nw",): NOT_WORKING, ("n", "w"): NOT_WORKING, ("f",): FUTURE}
_JOINED = {"notworking": ("not", "working")}


def words(value: object) -> list[str]:
    """'What’s Working (2)' -> ['whats', 'working', '2']: case and punctuation dropped."""
    if value is None:
        return []
    text = unicodedata.normalize("NFKC", str(value)).casefold().translate(_APOSTROPHES)
    return _WORD.findall(text)


@dataclass(frozen=True)
class KindReading:
    """The kind a text names (a model.Kind value), or None and the plain reason why not."""

    kind: str | None
    reason: str = ""


def read_kind(value: object) -> KindReading:
    """'What isn’t working for me (2)' -> not working; 'Not sure' -> unclear, with a reason."""
    text = "" if value is None else str(value)
    if len(text) > LONGEST_KIND:
        return KindReading(None, f"kind is {len(text):,} characters long, too long for a kind")
    tokens: list[str] = []
    for word in words(text):
        if not word.isdigit():  # numbering: "Working 1", "(2) Future", "NW2"
            tokens.extend(_JOINED.get(word, (word,)))
    abbreviation = _ABBREVIATIONS.get(tuple(tokens))
    if abbreviation is not None:
        return KindReading(abbreviation)
    return _read_words(tokens, _shown(text))


def _read_words(tokens: list[str], shown: str) -> KindReading:
    found: list[str] = []  # the kind each kind phrase names, in order
    unknown: list[str] = []
    misplaced: str | None = None  # a "not" that negates nothing the rule can read
    negation: str | None = None  # a "not" waiting for the words it negates
    in_phrase = previous = ""
    for word in tokens:
        if word == "well" and in_phrase:
            pass  # "working well", "not working well": one phrase, read once
        elif word in _WORKS or (word == "well" and previous in _WELL_AFTER):
            in_phrase = NOT_WORKING if negation else WORKING
            found.append(in_phrase)
            negation = None
        elif word in _NOT:
            if negation:  # "not not working"
                misplaced = misplaced or negation
            negation, in_phrase = word, ""
        elif word in _BAD or word in _FUTURE:
            misplaced = misplaced or negation  # "not bad", "not for the future"
            found.append(NOT_WORKING if word in _BAD else FUTURE)
            negation, in_phrase = None, ""
        else:
            if word not in _FILLER:
                unknown.append(word)
            in_phrase = ""
        previous = word
    misplaced = misplaced or negation  # "working not", "not sure"
    kinds = list(dict.fromkeys(found))
    if not kinds:
        return KindReading(None, f"unknown kind {shown}")
    if len(kinds) > 1:
        named = " and ".join(KIND_NAMES[k] for k in kinds)
        return KindReading(None, f"kind {shown} is unclear: it says both {named}")
    if misplaced:
        return KindReading(
            None, f"kind {shown} is unclear: cannot tell what {misplaced!r} refers to"
        )
    if unknown:
        odd = list(dict.fromkeys(unknown))
        named = listed([repr(w) for w in odd])
        verb = "is not a word" if len(odd) == 1 else "are not words"
        return KindReading(None, f"kind {shown} is unclear: {named} {verb} used for kinds")
    return KindReading(kinds[0])


def _shown(text: str, limit: int = 40) -> str:
    """The value as quoted in a message: one line, cut short if long."""
    return repr(shorten(text, limit))

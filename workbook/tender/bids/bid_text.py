"""Limits and cleaning for a bid's answers and a bidder's one-page profile."""

from __future__ import annotations

from workbook.model import InputError, clean_text

# A bid answer is often limited to about 1,000 words; a profile is one page (issue 19:
# Northamptonshire's young people asked for a one-page profile of each provider).
MAX_ANSWER = 8000  # characters: about 1,200 words
MAX_PROFILE = 4000  # characters: about 600 words, one printed page
MAX_CODE = 40  # a panel, question or bidder code: short, it is shown on buttons and lists
MAX_BIDDER_NAME = 300  # the store's column
MAX_QUESTION_TEXT = 1000


def clean_answer(value: object, what: str = "The answer") -> str:
    """A bid's answer to one question: paragraphs kept, blank or too long refused plainly."""
    return _long_text(value, what, MAX_ANSWER)


def clean_profile(value: object, what: str = "The profile") -> str:
    return _long_text(value, what, MAX_PROFILE)


def _long_text(value: object, what: str, limit: int) -> str:
    raw = "" if value is None else str(value)
    text = clean_text(raw, what, limit=max(limit, len(raw)))  # control characters out
    text = "\n\n".join(p.strip() for p in text.split("\n\n") if p.strip())
    if len(text) > limit:
        raise InputError(f"{what} is {len(text):,} characters long; the limit is {limit:,} "
                         f"(about {limit // 7:,} words). Shorten it.")
    return text


def clean_code(value: object, what: str) -> str:
    """A short code (panel, question, bidder): one line, not blank, at most MAX_CODE."""
    text = " ".join(str(value if value is not None else "").split())
    if not text:
        raise InputError(f"Type the {what}: it is blank.")
    if len(text) > MAX_CODE:
        raise InputError(f"The {what} '{text[:MAX_CODE]}...' is {len(text)} characters long; "
                         f"keep it to {MAX_CODE}.")
    return text

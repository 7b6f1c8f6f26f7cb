"""Success-statement page logic: prompts and examples per voice, and the grid of who is heard."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from workbook.model import SUCCESS_PERSPECTIVES


@dataclass(frozen=True)
class Voice:
    perspective: str
    label: str
    voice: str  # "I" or "We"
    prompt: str
    example: str


# Examples written for this project in the style of WTfC success statements (synthetic).
VOICES = {
    "person": Voice("person", "The person", "I",
                    "If this were fixed, what would your life be like? Start with “I”.",
                    "I know who is coming to support me each day."),
    "family": Voice("family", "Family carer", "I",
                    "As a family carer, what would be different for you? Start with “I”.",
                    "I can ring the house and whoever answers knows my son well."),
    "staff": Voice("staff", "Staff", "We",
                   "What would staff be doing differently? Start with “We”.",
                   "We have time to get to know people before we support them."),
    "provider": Voice("provider", "Provider", "We",
                      "What would the organisation do? Start with “We”.",
                      "We work with people as equal partners in every decision."),
    "commissioner": Voice("commissioner", "Commissioner", "We",
                          "What would the council or commissioner do? Start with “We”.",
                          "We pay a rate that lets providers keep good staff."),
}
assert tuple(VOICES) == SUCCESS_PERSPECTIVES


def voice_warning(perspective: str, text: str) -> str | None:
    """A gentle note when an "I" statement does not start with I (or a "We" with We)."""
    words = text.strip().split()
    if not words:
        return None
    want = VOICES[perspective].voice
    first = words[0].strip("“\"'‘").casefold()
    ok = {"i": ("i", "i'm", "i’m", "my"), "we": ("we", "we're", "we’re", "our")}[want.casefold()]
    if first not in ok:
        return f"Saved. Tip: {VOICES[perspective].label} statements usually start with “{want}”."
    return None


def gaps_sentence(gaps: pd.DataFrame) -> str:
    """One plain sentence naming the priority themes with a voice not yet heard."""
    missing = []
    for theme, row in gaps.iterrows():
        absent = [VOICES[p].label.lower() for p in SUCCESS_PERSPECTIVES if row[p] == 0]
        if absent:
            missing.append(f"{theme} (from {', '.join(absent)})")
    if not len(gaps):
        return "There are no priority themes yet."
    if not missing:
        return "Every priority theme has a success statement from every perspective."
    return "Not heard yet: " + "; ".join(missing) + "."

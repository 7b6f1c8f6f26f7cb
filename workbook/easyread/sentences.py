"""Easy-read sentences: one idea a line, at most EASY_WORDS words, and the long ones flagged."""

from __future__ import annotations

import re

EASY_WORDS = 15  # an easy-read sentence has at most this many words

_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_BREAK = re.compile(r"(?<=[,;:])\s+|\s+(?=(?:and|but|so|because|then)\s)")


def sentences(text: str) -> list[str]:
    """The sentences of a text, whitespace collapsed."""
    return [s for s in _SENTENCE.split(" ".join(str(text).split())) if s]


def easy_lines(text: str, limit: int = EASY_WORDS) -> list[str]:
    """One sentence a line, each at most `limit` words: long sentences are broken at commas
    and joining words, and only if that is not enough, every `limit` words."""
    lines: list[str] = []
    for sentence in sentences(text):
        if len(sentence.split()) <= limit:
            lines.append(sentence)
            continue
        line: list[str] = []
        for part in _BREAK.split(sentence):
            words = part.split()
            if line and len(line) + len(words) > limit:
                lines.append(" ".join(line))
                line = []
            line += words
            while len(line) > limit:
                lines.append(" ".join(line[:limit]))
                line = line[limit:]
        if line:
            lines.append(" ".join(line))
    return lines


def long_sentences(text: str, limit: int = EASY_WORDS) -> list[str]:
    """The sentences over `limit` words, as written: the facilitator rewrites these."""
    return [s for s in sentences(text) if len(s.split()) > limit]

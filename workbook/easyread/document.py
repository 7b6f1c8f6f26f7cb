"""What the easy read says, point by point, to the people whose reviews were used."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from workbook.easyread.choices import picture_choices
from workbook.easyread.pictures import CREDIT, PICTURES, pick
from workbook.easyread.sentences import easy_lines, long_sentences
from workbook.text import plural, shorten

if TYPE_CHECKING:
    from workbook.workshop import Workshop

TITLE = "What you told us, and what we did"
NONE_YET = ["We have not written this part yet.", "We will tell you when it is ready."]
# Feedback statuses as the Review page keeps them; an entry without one reads as done.
DONE, IN_PROGRESS, NOT_DONE = "done", "in_progress", "not_done"


@dataclass
class Point:
    """One point: its lines (one short sentence each) and the picture beside them."""

    key: str  # stable: the section and the feedback entry ("did:12"); picture choices use it
    label: str  # how the point reads in the page's chooser
    lines: list[str]
    picked: str  # the picture its words pick
    picture: str = ""  # the picture used: the facilitator's choice, else `picked`
    long: list[str] = field(default_factory=list)  # its sentences over the limit, as written

    @property
    def alt(self) -> str:
        return PICTURES[self.picture].alt


@dataclass
class Section:
    key: str
    heading: str
    points: list[Point]


@dataclass
class EasyRead:
    title: str
    name: str  # the event's name
    sections: list[Section]
    credit: str = CREDIT

    @property
    def points(self) -> list[Point]:
        return [p for s in self.sections for p in s.points]

    @property
    def flagged(self) -> list[Point]:
        """Points with a sentence over the limit: the facilitator rewrites those words."""
        return [p for p in self.points if p.long]


def status_of(value: object) -> str:
    """done / in_progress / not_done from what the Review page saved (blank: done)."""
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    text = text.strip().lower().replace(" ", "_").replace("-", "_")
    return text if text in (IN_PROGRESS, NOT_DONE) else DONE


def when(value: object) -> str:
    """A date as people read it: "3 March 2027" ("" when there is none)."""
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return ""
    try:
        day = pd.Timestamp(value)
    except (ValueError, TypeError):
        return str(value)
    if pd.isna(day):
        return ""
    return f"{day.day} {day:%B %Y}" if isinstance(day, dt.date) else str(value)


def _text(row: object, column: str) -> str:
    value = getattr(row, column, "")
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _point(key: str, label: str, texts: list[str], *, topic: str = "",
           default: str = "info", extra: list[str] | None = None) -> Point:
    """A point from the words people wrote (checked for long sentences) and fixed words."""
    written = " ".join(t for t in texts if t)
    lines = [ln for t in texts if t for ln in easy_lines(t)] + (extra or [])
    # Its own words first (the most particular), then its theme, then the section's default.
    return Point(key, label, lines, pick(written, topic, default=default),
                 long=[s for t in texts for s in long_sentences(t)])


def _telling(ws: Workshop) -> list[str]:
    """Who else hears about this (the Review page's hear-back list), one group a line; the
    readers' own group is left out: this paper is how they hear."""
    lines = []
    for r in ws.hear_back.itertuples():
        if str(r.group).lower().startswith("people whose reviews"):
            continue
        name = str(r.group)
        name = name[0].lower() + name[1:] if r.standard else name
        lines.append(f"We have told {name}." if r.told else f"We will also tell {name}.")
    return [ln for line in lines for ln in easy_lines(line)]


def build(ws: Workshop) -> EasyRead:
    """The easy read of this workshop, with the facilitator's picture choices applied."""
    feedback = ws.feedback
    reviews = len(ws.reviews)
    about = [
        Point("about:you", "About: your review", [
            "You had a review.",
            "In your review you said what is working for you.",
            "You said what is not working.",
            "You said what you want for the future."], "person"),
        Point("about:event", "About: the event", [
            *([f"We read {plural(reviews, 'review')}."] if reviews else []),
            f"We used your words at an event called {ws.name}.",
            "You may not have been at the event.",
            "Your words were still heard."], "people"),
        Point("about:this", "About: this paper", [
            "This paper tells you what we did with your words.",
            "It tells you what is not done yet, and why.",
            "It tells you what happens next."], "paper"),
    ]
    said, did, not_yet, nxt = [], [], [], []
    for r in feedback.itertuples():
        fid, theme = int(r.feedback_id), str(r.theme)
        said.append(_point(f"said:{fid}", f"You said: {shorten(r.you_said, 50)}",
                           [str(r.you_said)], topic=theme, default="talk"))
        status = status_of(getattr(r, "status", ""))
        on = when(getattr(r, "given_on", None))
        label = f"We did: {shorten(r.we_did, 50)}"
        if status == DONE:
            did.append(_point(f"did:{fid}", label, [str(r.we_did)], topic=theme,
                              default="done", extra=[f"Date: {on}."] if on else []))
        elif status == IN_PROGRESS:
            not_yet.append(_point(
                f"notyet:{fid}", f"Not done yet: {shorten(r.we_did, 50)}", [str(r.we_did)],
                topic=theme, default="in_progress",
                extra=["We have started this.", "We are still working on it."]
                + ([f"Date: {on}."] if on else [])))
        else:
            reason = _text(r, "reason")
            point = _point(f"notyet:{fid}", f"Not done: {shorten(r.we_did, 50)}",
                           [str(r.we_did), *([f"Why: {reason}"] if reason else [])],
                           topic=theme, default="not_done")
            point.lines.insert(0, "We have not done this yet.")
            point.lines += [f"Date: {on}."] if on else []
            not_yet.append(point)
        impact = _text(r, "impact")
        if impact:
            nxt.append(_point(f"next:{fid}", f"Next: {shorten(impact, 50)}", [impact],
                              topic=theme, default="next"))
    if len(feedback) and not not_yet:
        not_yet.append(Point("notyet:none", "Not done yet: nothing", [
            "Everything in this paper has been done."], "done"))
    tell = _telling(ws)
    if tell:
        nxt.append(Point("next:tell", "Next: who else we tell", tell, "letter"))
    nxt.append(Point("next:check", "Next: we keep checking", [
        "We will keep checking how things are going.",
        "We will tell you what changes."], "look"))
    sections = [Section("about", "About this paper", about)]
    if len(feedback):
        sections += [Section("said", "What you told us", said),
                     Section("did", "What we did", did),
                     Section("notyet", "What has not been done yet, and why", not_yet),
                     Section("next", "What happens next", nxt)]
    else:
        sections.append(Section("said", "What you told us and what we did", [
            Point("said:none", "Not written yet", list(NONE_YET), "write")]))
    doc = EasyRead(TITLE, ws.name, [s for s in sections if s.points])
    chosen = picture_choices(ws)
    for p in doc.points:
        p.picture = chosen.get(p.key, p.picked)
    return doc

"""What a member reads while scoring: the question with its weight and what a 5 looks like,
the bid's answer to it, and the bidder's one-page profile (all participant text escaped)."""

from __future__ import annotations

from fractions import Fraction

import ipywidgets as w

from widgets.common.cards import esc
from workbook.tender.model import MAX_SCORE, Evaluation, Question

# Long words (a web address in a bid) break rather than push a phone's page sideways.
WRAP = "overflow-wrap:anywhere;word-break:break-word;min-width:0"


def paragraphs(text: str) -> str:
    """Escaped paragraphs, a single line break kept as <br>."""
    return "".join(f"<p>{'<br>'.join(esc(line) for line in part.split(chr(10)))}</p>"
                   for part in text.split("\n\n") if part.strip())


def _number(x: Fraction) -> str:
    return f"{float(x):g}"


def weight_words(ev: Evaluation, panel: str, q: Question) -> str:
    """"2 of 5 (40% of your panel's quality score)": the share among the panel's questions."""
    total = sum(x.weight for x in ev.questions_for(panel)) or q.weight
    share = round(float(q.weight / total) * 100)
    return f"{_number(q.weight)} of {_number(total)} ({share}% of your panel's quality score)"


def question_card(ev: Evaluation, panel: str, bidder: str | None, question: str | None) -> str:
    """The question, its weight, what a 5 looks like, and this bid's answer to it."""
    q = next((x for x in ev.questions if x.question == question), None)
    b = next((x for x in ev.bidders if x.bidder == bidder), None)
    if q is None or b is None:
        return "<p class='wtfc-tender-qtext'>Choose a bid and a question.</p>"
    top = ev.descriptors.get(MAX_SCORE, "")
    answer = ev.bids.get((b.bidder, q.question))
    said = (f"<div class='wtfc-bid-answer' role='region' tabindex='0' "
            f"aria-label='{esc(b.name)}: answer to {esc(q.question)}' "
            f"style='max-height:14rem;overflow-y:auto;border:1px solid #505a5f;"
            f"padding:0 0.6rem;{WRAP}'>{paragraphs(answer)}</div>" if answer else
            f"<p class='wtfc-bid-none'>No written answer from {esc(b.name)} to this question "
            "was loaded: score what you heard or saw, or ask the facilitator.</p>")
    return (f"<div class='wtfc-bid-card' style='{WRAP}'>"
            f"<p class='wtfc-tender-qtext'><span class='wtfc-tender-bid'>{esc(b.name)}:</span> "
            f"{esc(q.question)} {esc(q.text)}</p>"
            f"<p class='wtfc-bid-facts'><strong>Weight:</strong> "
            f"{esc(weight_words(ev, panel, q))}. <strong>What a {MAX_SCORE} looks like:</strong> "
            f"{esc(top)}.</p>"
            f"<p class='wtfc-bid-heading'><strong>Their answer</strong></p>{said}</div>")


def profile_card(ev: Evaluation, bidder: str | None) -> str:
    """The bidder's one-page profile, opened on demand (a disclosure a keyboard can open)."""
    b = next((x for x in ev.bidders if x.bidder == bidder), None)
    if b is None:
        return ""
    profile = ev.profiles.get(b.bidder)
    if not profile:
        return (f"<p class='wtfc-bid-none'>There is no one-page profile of {esc(b.name)}."
                "</p>")
    return (f"<details class='wtfc-bid-profile' style='{WRAP}'><summary>About "
            f"{esc(b.name)}: their one-page profile</summary>{paragraphs(profile)}</details>")


class BidPane:
    """The reading side of the scoring screen: redrawn when the bid or question changes."""

    def __init__(self) -> None:
        self.card = w.HTML()
        self.card.add_class("wtfc-tender-question")
        self.profile = w.HTML()
        self.profile.add_class("wtfc-bid-profile-box")
        self.box = w.VBox([self.card, self.profile],
                          layout=w.Layout(flex="2 1 20rem", min_width="0"))
        self.box.add_class("wtfc-bid-read")

    def show(self, ev: Evaluation, panel: str, bidder: str | None,
             question: str | None) -> None:
        self.card.value = question_card(ev, panel, bidder, question)
        html = profile_card(ev, bidder)
        if self.profile.value != html:  # the same bid: an opened profile stays open
            self.profile.value = html

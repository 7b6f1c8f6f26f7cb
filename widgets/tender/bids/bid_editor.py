"""Set up by hand (facilitator only): each bid's answers and its one-page profile, typed or
pasted in; and taking a member off a panel. Saved at once; blank takes a text away."""

from __future__ import annotations

import ipywidgets as w

from widgets.common.controls import STYLE, labelled_box, set_options, wide
from widgets.common.messages import guarded
from widgets.common.page import Hush
from widgets.tender.bids.editors import WHAT
from widgets.tender.moderate import need_facilitator
from workbook import InputError
from workbook.tender.bids.bid_text import MAX_ANSWER, MAX_PROFILE
from workbook.tender.bids.builder import EvaluationBuilder
from workbook.tender.model import Evaluation


class BidTextSection:
    """Choose a bid and a question: its answer; the bid alone: its profile."""

    def __init__(self, page):
        self.page = page
        self.messages = page.messages
        self.quiet = Hush()
        self.ev: Evaluation | None = None
        self.bidder = w.Dropdown(description="Bid", style=STYLE, layout=wide(30))
        self.question = w.Dropdown(description="Question", style=STYLE, layout=wide(30))
        self.answer = w.Textarea(description=f"Their answer (up to {MAX_ANSWER:,} characters)",
                                 style=STYLE, layout=wide(44, height="8rem"))
        self.answer_save = w.Button(description="Save answer", button_style="primary",
                                    tooltip="Save this bid's answer to this question (blank: "
                                            "take it away)")
        self.answer_save.on_click(lambda _b: self.save_answer())
        self.profile = w.Textarea(description=f"One-page profile (up to {MAX_PROFILE:,} "
                                              "characters)", style=STYLE,
                                  layout=wide(44, height="8rem"))
        self.profile_save = w.Button(description="Save profile",
                                     tooltip="Save this bid's one-page profile (blank: take "
                                             "it away)")
        self.profile_save.on_click(lambda _b: self.save_profile())
        self.member = w.Dropdown(description="Member", style=STYLE, layout=wide(30))
        self.member_remove = w.Button(description="Take off the panel",
                                      tooltip="Only a member who has not scored yet")
        self.member_remove.on_click(lambda _b: self.remove_member())
        for pick in (self.bidder, self.question):
            pick.observe(lambda _c: None if self.quiet.on else self.fill(), "value")
        self.box = w.VBox([
            labelled_box("What the panel reads: answers and profiles", [
                self.bidder, self.question, self.answer, w.HBox([self.answer_save]),
                self.profile, w.HBox([self.profile_save])]),
            labelled_box("Take a member off a panel", [self.member,
                                                       w.HBox([self.member_remove])]),
        ], layout=w.Layout(width="100%"))

    def redraw(self, ev: Evaluation, roster: list[dict]) -> None:
        self.ev = ev
        with self.quiet():
            set_options(self.bidder, [(f"{b.bidder} {b.name}" if b.name != b.bidder
                                       else b.bidder, b.bidder) for b in ev.bidders])
            set_options(self.question, [(f"{q.question} {q.text}"[:60], q.question)
                                        for q in ev.questions])
            set_options(self.member, [(f"{m['name']} ({m['panel']})", m["name"])
                                      for m in roster])
        self.fill()

    def fill(self) -> None:
        if self.ev is None:
            return
        with self.quiet():
            self.answer.value = self.ev.bids.get((self.bidder.value, self.question.value), "")
            self.profile.value = self.ev.profiles.get(self.bidder.value, "")

    @guarded
    def save_answer(self) -> None:
        need_facilitator(self.page, WHAT)
        b, q = self.bidder.value, self.question.value
        if b is None or q is None:
            raise InputError("Add a bidder and a question first, then their answer.")
        done = EvaluationBuilder(self.page.workshop.store).set_answer(b, q, self.answer.value,
                                                                       self.page.actor)
        self.page.after_write(f"Answer of {b} to {q}: {done}.")

    @guarded
    def save_profile(self) -> None:
        need_facilitator(self.page, WHAT)
        b = self.bidder.value
        if b is None:
            raise InputError("Add a bidder first, then its profile.")
        done = EvaluationBuilder(self.page.workshop.store).set_profile(b, self.profile.value,
                                                                        self.page.actor)
        self.page.after_write(f"Profile of {b}: {done}.")

    @guarded
    def remove_member(self) -> None:
        need_facilitator(self.page, WHAT)
        name = self.member.value
        if name is None:
            raise InputError("There is no member to take off.")
        EvaluationBuilder(self.page.workshop.store).delete_member(name, self.page.actor)
        self.page.after_write(f"Took {name} off the panel. Undo puts them back.")

"""Set up by hand (facilitator only): start an evaluation, then its panels, questions and
bidders, each chosen from a list to change or delete, or added new; saved at once."""

from __future__ import annotations

import ipywidgets as w

from widgets.common.controls import STYLE, labelled_box, set_options, wide
from widgets.common.messages import guarded
from widgets.common.page import Hush
from widgets.tender.moderate import need_facilitator
from workbook.tender.bids.builder import EvaluationBuilder
from workbook.tender.funding.control import set_grant
from workbook.tender.funding.sheets import MAX_STAGES
from workbook.tender.model import Evaluation

NEW = "new"  # the list's first choice: a new panel, question or bidder
WHAT = "set up the evaluation"


def _number(x) -> float:
    return float(x)


class BuildSection:
    """Start a new evaluation; add, change or delete its panels, questions and bidders."""

    def __init__(self, page):
        self.page = page
        self.messages = page.messages
        self.quiet = Hush()
        self.ev: Evaluation | None = None
        # A new evaluation.
        self.name = w.Text(description="Evaluation's name", style=STYLE, layout=wide(30),
                           placeholder="e.g. Youth service 2027")
        self.quality = w.BoundedIntText(value=70, min=0, max=100, style=STYLE,
                                        description="Quality weight (%)")
        self.price = w.BoundedIntText(value=30, min=0, max=100, style=STYLE,
                                      description="Price weight (%)")
        self.replace = w.Checkbox(description="Replace the current evaluation (Undo brings it "
                                              "back)", indent=False)
        self.start_button = w.Button(description="Start a new evaluation")
        self.start_button.on_click(lambda _b: self.start())
        # Panels.
        self.panel_pick = w.Dropdown(description="Panel", style=STYLE, layout=wide(30))
        self.panel_code = w.Text(description="New panel's name", style=STYLE, layout=wide(30))
        self.panel_share = w.BoundedFloatText(value=1, min=0, max=1000, style=STYLE,
                                              description="Share of the quality score")
        self.panel_young = w.Checkbox(description="A young people's panel", indent=False)
        self.panel_save = w.Button(description="Save panel", button_style="primary")
        self.panel_delete = w.Button(description="Delete panel")
        self.panel_save.on_click(lambda _b: self.save_panel())
        self.panel_delete.on_click(lambda _b: self.delete_panel())
        # Questions.
        self.question_pick = w.Dropdown(description="Question", style=STYLE, layout=wide(30))
        self.question_code = w.Text(description="New question's code", style=STYLE,
                                    layout=wide(30), placeholder="e.g. Q1")
        self.question_text = w.Textarea(description="The question", style=STYLE,
                                        layout=wide(44, height="4rem"))
        self.question_weight = w.BoundedFloatText(value=1, min=0, max=1000, style=STYLE,
                                                  description="Weight")
        self.question_panel = w.Dropdown(description="Scored by", style=STYLE, layout=wide(30))
        self.question_stage = w.BoundedIntText(value=1, min=1, max=MAX_STAGES, style=STYLE,
                                               description="Stage (1: written bids, 2: "
                                                           "interviews)")
        self.question_save = w.Button(description="Save question", button_style="primary")
        self.question_delete = w.Button(description="Delete question")
        self.question_save.on_click(lambda _b: self.save_question())
        self.question_delete.on_click(lambda _b: self.delete_question())
        # Bidders.
        self.bidder_pick = w.Dropdown(description="Bidder", style=STYLE, layout=wide(30))
        self.bidder_code = w.Text(description="New bidder's code", style=STYLE, layout=wide(30),
                                  placeholder="e.g. B1")
        self.bidder_name = w.Text(description="Organisation's name", style=STYLE,
                                  layout=wide(30))
        self.bidder_price = w.Text(description="Price or amount requested (£)", style=STYLE,
                                   layout=wide(30), placeholder="e.g. 125000")
        self.bidder_save = w.Button(description="Save bidder", button_style="primary")
        self.bidder_delete = w.Button(description="Delete bidder")
        self.bidder_save.on_click(lambda _b: self.save_bidder())
        self.bidder_delete.on_click(lambda _b: self.delete_bidder())
        # A grant round (a budget) and stages (how many bids go on to the next).
        self.budget = w.Text(description="Budget for a grant round (£; blank: a tender)",
                             style=STYLE, layout=wide(30), placeholder="e.g. 50000")
        self.shortlist = w.Text(description="Bids that go on to stage 2 (blank: one stage)",
                                style=STYLE, layout=wide(30), placeholder="e.g. 3")
        self.grant_save = w.Button(description="Save budget and shortlist")
        self.grant_save.on_click(lambda _b: self.save_grant())
        for pick in (self.panel_pick, self.question_pick, self.bidder_pick):
            pick.observe(lambda c: None if self.quiet.on else self.fill(c["owner"]), "value")
        self.box = w.VBox([
            labelled_box("Start a new evaluation", [
                self.name, self.quality, self.price, self.replace,
                w.HBox([self.start_button])]),
            labelled_box("Panels", [
                self.panel_pick, self.panel_code, self.panel_share, self.panel_young,
                w.HBox([self.panel_save, self.panel_delete])]),
            labelled_box("Questions", [
                self.question_pick, self.question_code, self.question_text,
                self.question_weight, self.question_panel, self.question_stage,
                w.HBox([self.question_save, self.question_delete])]),
            labelled_box("Bidders", [
                self.bidder_pick, self.bidder_code, self.bidder_name, self.bidder_price,
                w.HBox([self.bidder_save, self.bidder_delete])]),
            labelled_box("Grant round and stages", [
                self.budget, self.shortlist, w.HBox([self.grant_save])]),
        ], layout=w.Layout(width="100%"))

    @property
    def builder(self) -> EvaluationBuilder:
        return EvaluationBuilder(self.page.workshop.store)

    def redraw(self, ev: Evaluation) -> None:
        self.ev = ev
        with self.quiet():
            set_options(self.panel_pick, [("New panel", NEW)] + [
                (p.panel, p.panel) for p in ev.panels])
            set_options(self.question_pick, [("New question", NEW)] + [
                (f"{q.question} {q.text}"[:60], q.question) for q in ev.questions])
            set_options(self.bidder_pick, [("New bidder", NEW)] + [
                (f"{b.bidder} {b.name}" if b.name != b.bidder else b.bidder, b.bidder)
                for b in ev.bidders])
            set_options(self.question_panel, [("Every panel", "")] + [
                (p.panel, p.panel) for p in ev.panels])
            self.budget.value = "" if ev.budget is None else f"{float(ev.budget):g}"
            self.shortlist.value = "" if ev.shortlist is None else str(ev.shortlist)
        self.fill()

    def fill(self, picked: w.Dropdown | None = None) -> None:
        """Show the chosen row's values to change; `picked` just set to a new one: blank
        boxes (a redraw from another screen never clears what is being typed)."""
        ev = self.ev
        if ev is None:
            return
        p = ev.panel(self.panel_pick.value)
        q = next((x for x in ev.questions if x.question == self.question_pick.value), None)
        b = next((x for x in ev.bidders if x.bidder == self.bidder_pick.value), None)
        with self.quiet():
            if p is not None:
                self.panel_share.value, self.panel_young.value = _number(p.share), p.young_people
            if q is not None:
                self.question_text.value = q.text
                self.question_weight.value = _number(q.weight)
                self.question_panel.value = q.panel or ""
                self.question_stage.value = q.stage
            if b is not None:
                self.bidder_name.value, self.bidder_price.value = b.name, f"{float(b.price):g}"
            if picked is self.panel_pick and p is None:
                self.panel_share.value, self.panel_young.value = 1, False
            if picked is self.question_pick and q is None:
                self.question_text.value, self.question_weight.value = "", 1
                self.question_panel.value, self.question_stage.value = "", 1
            if picked is self.bidder_pick and b is None:
                self.bidder_name.value = self.bidder_price.value = ""
        for code, item, delete in ((self.panel_code, p, self.panel_delete),
                                   (self.question_code, q, self.question_delete),
                                   (self.bidder_code, b, self.bidder_delete)):
            code.layout.display = "none" if item is not None else None
            delete.disabled = item is None

    # --- actions ---------------------------------------------------------------------------
    @guarded
    def start(self) -> None:
        need_facilitator(self.page, WHAT)
        self.builder.start(self.name.value, self.quality.value, self.price.value,
                           self.page.actor, replace=self.replace.value)
        self.replace.value = False
        self.page.after_write(f"Started '{' '.join(self.name.value.split())}'. Now add its "
                              "panels, questions and bidders.")

    @guarded
    def save_panel(self) -> None:
        need_facilitator(self.page, WHAT)
        if self.panel_pick.value == NEW:
            code = " ".join(self.panel_code.value.split())
            self.builder.add_panel(code, self.panel_share.value, self.panel_young.value,
                                   self.page.actor)
            self.panel_code.value = ""
            self.page.after_write(f"Added the panel {code}.")
        else:
            self.builder.edit_panel(self.panel_pick.value, self.panel_share.value,
                                    self.panel_young.value, self.page.actor)
            self.page.after_write(f"Saved the panel {self.panel_pick.value}.")

    @guarded
    def delete_panel(self) -> None:
        need_facilitator(self.page, WHAT)
        code = self.panel_pick.value
        self.builder.delete_panel(code, self.page.actor)
        self.page.after_write(f"Deleted the panel {code}. Undo brings it back.")

    @guarded
    def save_question(self) -> None:
        need_facilitator(self.page, WHAT)
        panel = self.question_panel.value or None
        if self.question_pick.value == NEW:
            code = " ".join(self.question_code.value.split())
            self.builder.add_question(code, self.question_text.value,
                                      self.question_weight.value, panel, self.page.actor,
                                      stage=self.question_stage.value)
            self.question_code.value = self.question_text.value = ""
        else:
            code = self.question_pick.value
            self.builder.edit_question(code, self.question_text.value,
                                       self.question_weight.value, panel, self.page.actor,
                                       stage=self.question_stage.value)
        self.page.after_write(f"Saved the question {code} (stage {self.question_stage.value}).")

    @guarded
    def delete_question(self) -> None:
        need_facilitator(self.page, WHAT)
        code = self.question_pick.value
        self.builder.delete_question(code, self.page.actor)
        self.page.after_write(f"Deleted the question {code} and its answers. Undo brings "
                              "them back.")

    @guarded
    def save_bidder(self) -> None:
        need_facilitator(self.page, WHAT)
        if self.bidder_pick.value == NEW:
            code = " ".join(self.bidder_code.value.split())
            self.builder.add_bidder(code, self.bidder_name.value, self.bidder_price.value,
                                    self.page.actor)
            self.bidder_code.value = self.bidder_name.value = self.bidder_price.value = ""
            self.page.after_write(f"Added the bidder {code}.")
        else:
            self.builder.edit_bidder(self.bidder_pick.value, self.bidder_name.value,
                                     self.bidder_price.value, self.page.actor)
            self.page.after_write(f"Saved the bidder {self.bidder_pick.value}.")

    @guarded
    def save_grant(self) -> None:
        need_facilitator(self.page, WHAT)
        set_grant(self.page.workshop.tender, self.budget.value, self.shortlist.value,
                  self.page.actor)
        budget = " ".join(self.budget.value.split())
        self.page.after_write(("A grant round with a budget of £" + budget if budget else
                               "A tender (no budget)") + "; " + (
            f"{self.shortlist.value.strip()} bids go on to stage 2." if
            self.shortlist.value.strip() else "one stage."))

    @guarded
    def delete_bidder(self) -> None:
        need_facilitator(self.page, WHAT)
        code = self.bidder_pick.value
        self.builder.delete_bidder(code, self.page.actor)
        self.page.after_write(f"Deleted the bidder {code} with its answers and profile. Undo "
                              "brings them back.")

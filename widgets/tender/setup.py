"""Setting up a tender evaluation: load a workbook, weights, score words, exports, who is in."""

from __future__ import annotations

import base64
from fractions import Fraction

import ipywidgets as w

from widgets.access.join import room_url
from widgets.common.cards import esc
from widgets.common.controls import STYLE, labelled_box, wide
from widgets.common.messages import guarded
from widgets.common.page import Drawer
from widgets.tender.bids.bid_editor import BidTextSection
from widgets.tender.bids.editors import BuildSection
from widgets.tender.moderate import need_facilitator
from widgets.tender.parts import scroll_box, table_html
from workbook import InputError
from workbook.access.member_links import cards_html, member_links
from workbook.io.decode import FileUnreadable
from workbook.io.tabular import upload_name
from workbook.paths import sample_dir
from workbook.tender import read_evaluation
from workbook.tender.bids.blank_book import write_template
from workbook.tender.bids.loading import fresh_start
from workbook.tender.model import Evaluation
from workbook.tender.report import export_all
from workbook.tender.sample import load_tender_sample
from workbook.text import plural


class SetupSection:
    """The commissioner's tools; used once in a while, so they sit on their own view."""

    def __init__(self, page):
        self.page = page
        self.messages = page.messages
        self.upload = w.FileUpload(accept=".xlsx", multiple=False, icon="",
                                   description="Choose evaluation workbook")
        self.blank_scores = w.Checkbox(value=True, description="Start scoring afresh (leave "
                                       "out the workbook's scores; the sample keeps the "
                                       "adults')", indent=False)
        self.load_button = w.Button(description="Load workbook", button_style="primary")
        self.load_button.on_click(lambda _b: self.load_upload())
        self.sample_button = w.Button(description="Load the sample evaluation",
                                      tooltip="Eight questions, five bids, two panels")
        self.sample_button.on_click(lambda _b: self.load_sample())
        self.quality = w.BoundedIntText(min=0, max=100, description="Quality weight (%)",
                                        style=STYLE)
        self.price = w.BoundedIntText(min=0, max=100, description="Price weight (%)",
                                      style=STYLE)
        self.weights_button = w.Button(description="Save weights")
        self.weights_button.on_click(lambda _b: self.save_weights())
        self.shares = w.VBox()
        self.words = [w.Text(description=f"Words for {k}", style=STYLE,
                             layout=wide(30)) for k in range(6)]
        self.words_button = w.Button(description="Save score words",
                                     tooltip="The words on the score buttons")
        self.words_button.on_click(lambda _b: self.save_words())
        self.export_button = w.Button(description="Export workbook and summaries",
                                      tooltip="Evaluation workbook (XLSX) and a summary for each "
                                              "bidder (XLSX and Word) in the outputs folder")
        self.export_button.on_click(lambda _b: self.export())
        self.exported = w.HTML()
        self.roster_html = w.HTML()
        self.member_panel = w.Dropdown(description="Panel", style=STYLE)
        self.member_name = w.Text(description="New member's name", style=STYLE,
                                  placeholder="e.g. Sam")
        self.add_member_button = w.Button(description="Add member")
        self.add_member_button.on_click(lambda _b: self.add_member())
        self.cards_button = w.Button(description="Members' links: printable cards",
                                     tooltip="A sheet of cards, one per member, each with "
                                             "their own link and QR code")
        self.cards_button.on_click(lambda _b: self.make_cards())
        self.cards_link = w.HTML()
        self.template_button = w.Button(description="Blank evaluation workbook",
                                        tooltip="Every sheet with a worked example row and "
                                                "notes on each column, to fill in and load")
        self.template_button.on_click(lambda _b: self.make_template())
        self.template_link = w.HTML()
        # Set up by hand: the evaluation, its panels, questions, bidders, answers, profiles.
        self.build = BuildSection(page)
        self.bid_texts = BidTextSection(page)
        self.by_hand = Drawer("Set up by hand: panels, questions, bidders and bids",
                              [w.HBox([self.build.box, self.bid_texts.box],
                                      layout=w.Layout(width="100%", grid_gap="1rem"))])
        self.box = w.HBox([
            w.VBox([
                labelled_box("Load an evaluation", [
                    w.HTML("<p>Sheets: Setup, Panels, Questions, Bidders, Scores (and "
                           "optionally Bids, Profiles, Agreed, Members, Rankings, "
                           "Descriptors).</p>"),
                    self.upload, self.blank_scores, w.HBox([self.load_button,
                                                           self.sample_button]),
                    w.HBox([self.template_button]), self.template_link]),
                labelled_box("Weights", [self.quality, self.price,
                                         w.HBox([self.weights_button]), self.shares]),
            ], layout=w.Layout(width="100%")),
            w.VBox([
                labelled_box("Words on the score buttons", [*self.words,
                                                            w.HBox([self.words_button])]),
                labelled_box("Panel members", [self.roster_html, self.member_panel,
                                               self.member_name,
                                               w.HBox([self.add_member_button]),
                                               w.HBox([self.cards_button]), self.cards_link]),
                labelled_box("Export", [w.HBox([self.export_button]), self.exported]),
            ], layout=w.Layout(width="100%")),
        ], layout=w.Layout(width="100%", grid_gap="1rem"))
        self.box = w.VBox([self.box, self.by_hand], layout=w.Layout(width="100%"))

    def redraw(self, ev: Evaluation, roster: list[dict]) -> None:
        self.quality.value = int(ev.quality_weight)
        self.price.value = int(ev.price_weight)
        for k, text in enumerate(self.words):
            text.value = ev.descriptors.get(k, "")
        share_rows = []
        for p in ev.panels:
            box = w.BoundedFloatText(value=float(p.share), min=0, max=1000, style=STYLE,
                                     description=f"Share: {p.panel}")
            button = w.Button(description=f"Save {p.panel} share")
            button.on_click(lambda _b, panel=p.panel, box=box: self.save_share(panel, box.value))
            share_rows.append(w.HBox([box, button]))
        self.shares.children = share_rows
        panels = [(p.panel, p.panel) for p in ev.panels]
        if tuple(self.member_panel.options) != tuple(panels):
            keep = self.member_panel.value
            self.member_panel.options = panels
            if keep in [v for _, v in panels]:
                self.member_panel.value = keep
        rows = [(m["panel"], m["name"], "✔ submitted" if m["submitted_at"] else "scoring")
                for m in roster]
        self.roster_html.value = scroll_box(table_html(
            ("Panel", "Member", "Status"), rows, f"{plural(len(rows), 'member')}: each scores from "
            "their own laptop with ?table=NAME"), "Panel members",
            noun="member")
        self.build.redraw(ev)
        self.bid_texts.redraw(ev, roster)

    # --- actions -----------------------------------------------------------------------------
    def _load(self, ev: Evaluation, problems, label: str) -> None:
        bad = [p for p in problems if not str(p).startswith("Scores:")]
        if bad:
            shown = "; ".join(str(p) for p in bad[:3])
            raise InputError(f"{label} has {plural(len(bad), 'problem')} "
                             f"to fix first: {shown}" + (" ..." if len(bad) > 3 else ""))
        fresh = self.blank_scores.value
        if fresh:  # keep who is on each panel, drop what they scored
            fresh_start(ev)
        self.page.workshop.tender.load(ev, actor=self.page.actor, submitted=not fresh)
        self.page.after_write(f"Loaded {label}: {plural(len(ev.bidders), 'bid')}, "
                              f"{plural(len(ev.questions), 'question')}, "
                              f"{plural(len(ev.panels), 'panel')}, "
                              f"{plural(len(ev.bids), 'answer')} to read"
                              + (" (scoring starts afresh)." if fresh else "."))

    @guarded
    def load_upload(self) -> None:
        need_facilitator(self.page, "load an evaluation")
        if not self.upload.value:
            raise InputError("Choose the evaluation workbook (.xlsx) first.")
        item = self.upload.value[0]
        name = upload_name(item["name"])
        try:
            ev, problems = read_evaluation(bytes(item["content"]), name)
        except FileUnreadable as exc:
            raise InputError(str(exc)) from None
        self._load(ev, problems, name)

    @guarded
    def load_sample(self) -> None:
        """The sample: fully scored, or (ticked) with only the adult panel's scores in."""
        need_facilitator(self.page, "load an evaluation")
        fresh = self.blank_scores.value
        load_tender_sample(self.page.workshop.tender, sample_dir() / "tender_evaluation.xlsx",
                           scored=not fresh)
        self.page.after_write("Loaded the sample evaluation" + (
            ": the adult panel has scored; the young people's panel scores now." if fresh
            else ", with every panel's scores."))

    @guarded
    def add_member(self) -> None:
        need_facilitator(self.page, "add a panel member")
        name = self.member_name.value
        self.page.workshop.tender.add_member(self.member_panel.value, name, self.page.actor)
        self.member_name.value = ""
        self.page.after_write(f"Added {' '.join(name.split())} to the {self.member_panel.value}. "
                              "They score at this page's address with ?table= and their name.")

    @guarded
    def save_weights(self) -> None:
        need_facilitator(self.page, "change the weights")
        self.page.workshop.tender.set_weights(Fraction(self.quality.value),
                                              Fraction(self.price.value), self.page.actor)
        self.page.after_write(f"Weights saved: quality {self.quality.value}%, price "
                              f"{self.price.value}%.")

    @guarded
    def save_share(self, panel: str, value: float) -> None:
        need_facilitator(self.page, "change a panel's share")
        self.page.workshop.tender.set_share(panel, Fraction(str(value)), self.page.actor)
        self.page.after_write(f"Saved the {panel}'s share.")

    @guarded
    def save_words(self) -> None:
        need_facilitator(self.page, "change the score words")
        self.page.workshop.tender.set_descriptors(
            {k: text.value for k, text in enumerate(self.words)}, self.page.actor)
        self.page.after_write("Saved the words on the score buttons.")

    @guarded
    def make_cards(self) -> None:
        """Each member's personal link on a card with its QR code, to print and hand out."""
        need_facilitator(self.page, "make the members' cards")
        base = room_url()
        if base is None:
            raise InputError("Members' links work when the pages are served to the room: "
                             "start them with `wtfc serve DIR --host 0.0.0.0`, then make "
                             "the cards from the facilitator's link.")
        workshop = self.page.workshop
        links = member_links(workshop, base)
        if not links:
            raise InputError("There are no panel members yet: load an evaluation or add one.")
        path = workshop.outputs / "tender-member-links.html"
        path.write_text(cards_html(workshop.name, links), encoding="utf-8")
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        self.cards_link.value = (f'<a class="wtfc-download" download="{esc(path.name)}" '
                                 f'href="data:text/html;base64,{data}">Download '
                                 f'{esc(path.name)}</a> (print it, cut out the cards)')
        self.page.after_write(f"Made {plural(len(links), 'member card')}: {path.name} "
                              "(also in the outputs folder). Each link scores as that member "
                              "only: hand each card to its member.")

    @guarded
    def make_template(self) -> None:
        """The blank evaluation workbook, written to the outputs folder and offered here."""
        need_facilitator(self.page, "make a blank evaluation workbook")
        path = write_template(self.page.workshop.outputs / "tender-evaluation-blank.xlsx",
                              force=True)
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        self.template_link.value = (
            f'<a class="wtfc-download" download="{esc(path.name)}" href="data:application/'
            f'vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,{data}">Download '
            f'{esc(path.name)}</a> (fill it in, then load it above)')
        self.page.after_write(f"Made {path.name} (also in the outputs folder).")

    @guarded
    def export(self) -> None:
        need_facilitator(self.page, "export the evaluation")
        paths = export_all(self.page.workshop.tender, self.page.workshop.outputs)
        self.exported.value = "<ul>" + "".join(f"<li>{esc(p.name)}</li>" for p in paths) + (
            "</ul>")
        self.page.after_write(f"Exported {plural(len(paths), 'file')} to the outputs folder.")

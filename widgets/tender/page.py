"""Tender scoring page: members score on their laptops; moderation and results on the big screen."""

from __future__ import annotations

import ipywidgets as w

from widgets.common.page import LazySlot, StageView
from widgets.tender.moderate import ModerationSection
from widgets.tender.panel.briefing import MemberPrep
from widgets.tender.panel.recognition import PanelCare
from widgets.tender.results import ResultsSection
from widgets.tender.score import ScoringSection
from widgets.tender.setup import SetupSection
from workbook.access.roles import Access
from workbook.tender.read import roster

VIEWS = [("Results", "results"), ("Moderation", "moderate"), ("Set up", "setup"),
         ("Panel", "panel")]
TABLE_NOT_PANEL = ("The tender page opens from a panel member's own link (or the "
                   "facilitator's). Ask the facilitator for your link.")
GONE = ("Your link is for a panel member who is no longer on this evaluation. Ask the "
        "facilitator for a new link.")


class TenderView(StageView):
    """With ?table=NAME (a panel member's name): that member's scoring screen.
    Without: the commissioner's big screen, showing results, moderation or set-up."""

    stage = "Tender scoring"
    watches = frozenset({"tender_evaluations", "tender_panels", "tender_members",
                         "tender_questions", "tender_bidders", "tender_scores", "tender_agreed",
                         "tender_rankings", "tender_descriptors", "tender_panel_settings",
                         "tender_briefings", "tender_practice", "tender_recognition",
                         "tender_bids", "tender_profiles"})

    def build(self) -> list[w.Widget]:
        self.scoring = ScoringSection(self)
        self.moderation = ModerationSection(self)
        self.results = ResultsSection(self)
        self.setup = SetupSection(self)
        self.prep = MemberPrep(self)  # the young people's panel: briefing, words, practice
        self.care = PanelCare(self)  # and their settings, recognition and outcome
        self.empty = w.HTML("<p class='wtfc-tender-empty'>There is no tender evaluation yet. "
                            "Open <strong>Set up</strong> and load an evaluation workbook or "
                            "the sample.</p>")
        self.view_choice = w.ToggleButtons(options=VIEWS, value="results", description="Show",
                                           style={"description_width": "initial"})
        self.view_choice.add_class("wtfc-show-view")
        self.view_choice.observe(lambda _c: self._show(), "value")
        self.sections = {"results": self.results.box, "moderate": self.moderation.box,
                         "setup": w.VBox([self.setup.box, self.care.setup_box]),
                         "panel": self.care.box}
        # Each view goes into the page when first shown: the big screen opens on Results
        # without drawing Moderation and Set up (about half the page's widgets).
        self._slots = {key: LazySlot(box) for key, box in self.sections.items()}
        return self.arrange()

    def __init__(self, workshop, **kwargs):
        super().__init__(workshop, **kwargs)
        self.add_class("wtfc-tender")
        self._place_view_choice()

    def arrange(self) -> list[w.Widget]:
        # A served page is built for the big screen first, then given its table (a member).
        if self.table:
            return [self.empty, self.prep.box, self.scoring.box]
        return [self.empty, *self._slots.values()]

    def _place_view_choice(self) -> None:
        # On the big screen the view buttons share the row with Undo: one screen, no scroll.
        # A member's page has the panel's words, practice and help there instead.
        extra = [self.view_choice, *self.prep.header_tools]
        tools = [c for c in self._undo_box.children if c not in extra]
        self._undo_box.children = ([*tools, *self.prep.header_tools] if self.table
                                   else [*tools, self.view_choice])

    def refusal(self, access: Access) -> str | None:
        if access.is_table:
            return TABLE_NOT_PANEL
        if access.is_member and self._member_name(access.member_id) is None:
            return GONE
        return None

    def set_access(self, access: Access) -> None:
        if access.is_member:
            # The member's name comes from the store by the id the server signed, not the URL.
            access = access.with_label(self._member_name(access.member_id))
        elif self.served:
            access = access.with_label(None)  # served, the facilitator never scores as a member
        super().set_access(access)

    def _member_name(self, member_id: int | None) -> str | None:
        with self.workshop.store.read() as conn:
            people = roster(conn, self.workshop.tender.current_id(conn))
        return next((m["name"] for m in people if m["id"] == member_id), None)

    def table_changed(self) -> None:
        self._place_view_choice()
        self.redraw(set())

    def _show(self) -> None:
        has = self.workshop.tender.current_id() is not None
        self.empty.layout.display = None if not has else "none"
        for key, slot in self._slots.items():
            slot.show(key == self.view_choice.value and (has or key == "setup"))

    def redraw(self, tables: set[str]) -> None:
        tender = self.workshop.tender
        with self.workshop.store.read() as conn:
            people = roster(conn, tender.current_id(conn))
        has = tender.current_id() is not None
        if self.table:
            self.empty.layout.display = None if not has else "none"
            self.scoring.box.layout.display = None if has else "none"
            self.prep.box.layout.display = None if has else "none"
            if has:
                self.scoring.redraw(people)
                self.prep.redraw()
            return
        self._show()
        if not has:
            return
        ev, problems = tender.evaluation()  # the big screen sees submitted scores only
        self.results.redraw(ev, problems)
        self.moderation.redraw(ev, people)
        self.setup.redraw(ev, people)
        self.care.redraw()

"""Prepare (WTfC step 1): the event, who is invited, access requirements, the reviews used."""

from __future__ import annotations

from datetime import date

import ipywidgets as w

from widgets.common.cards import heading
from widgets.common.controls import STYLE, button, labelled_box, note, row, set_note, wide
from widgets.common.messages import guarded
from widgets.common.page import Hush, LazyTab, StageView
from widgets.stages.prepare.forget import ForgetPanel
from widgets.stages.prepare.layout import side_by_side
from widgets.stages.prepare.people import PeopleMixin
from widgets.stages.prepare.review_list import ReviewsMixin
from workbook.access.roles import Access
from workbook.stages.prepare_values import MAX_AGE_MONTHS
from workbook.steps import step

TABLES_ELSEWHERE = ("Preparing the event is the facilitator's job, so this page does not open "
                    "at a table. Use the link for your table's step instead, or ask the "
                    "facilitator.")


class PrepareView(PeopleMixin, ReviewsMixin, StageView):
    """Public controls (tests drive these): event_date, event_place, event_facilitators,
    reviews_planned, review_age, save_event_button, event_status; access_boxes (item key ->
    Checkbox), access_status; tabs; forget (the panel that erases a review's words); and
    those of PeopleMixin and ReviewsMixin."""

    stage = step(1).header
    watches = frozenset({"prepare_event", "prepare_invitees", "prepare_access", "reviews",
                         "statements"})

    def refusal(self, access: Access) -> str | None:
        if access.is_table:
            return TABLES_ELSEWHERE
        return super().refusal(access)

    def build(self) -> list[w.Widget]:
        self._quiet = Hush()
        self._people: dict = {}
        self._reviews: dict = {}
        self.tabs = LazyTab([("The event", self._build_event()),
                             ("Who is invited", self._build_people()),
                             ("Access requirements", self._build_access()),
                             ("Reviews to be used", self._build_reviews())])
        self.tabs.add_class("wtfc-prepare-tabs")
        # Erasing a review's words when consent is withdrawn: beside the review form.
        self.forget = ForgetPanel(self.workshop, access=self.access,
                                  on_erased=lambda: self.live.sync())
        self.mount_forget(self.forget)
        return [self.tabs]

    # --- the event ---------------------------------------------------------------------------
    def _build_event(self) -> w.VBox:
        self.event_date = w.DatePicker(description="Date of the event", style=STYLE)
        self.event_place = w.Text(description="Place", style=STYLE, layout=wide(40),
                                  placeholder="e.g. the community hall, Station Road")
        self.event_facilitators = w.Text(description="Facilitators", style=STYLE,
                                         layout=wide(40), placeholder="who will facilitate")
        self.reviews_planned = w.Text(description="Number of reviews planned", style=STYLE,
                                      layout=wide(20), placeholder="e.g. 40")
        self.review_age = w.BoundedIntText(description="Flag a review older than (months)",
                                           min=1, max=MAX_AGE_MONTHS, value=12, style=STYLE,
                                           layout=wide(24))
        self.save_event_button = button("Save the event", "Save the event's details", "primary")
        self.save_event_button.on_click(lambda _b: self.save_event())
        self.event_status = note()
        return labelled_box("The event", [
            self.event_date, self.event_place, self.event_facilitators, self.reviews_planned,
            self.review_age, row(self.save_event_button), self.event_status])

    def _draw_event(self) -> None:
        event = self.workshop.event
        self.event_date.value = date.fromisoformat(event.held_on) if event.held_on else None
        self.event_place.value = event.place
        self.event_facilitators.value = event.facilitators
        self.reviews_planned.value = "" if event.reviews_planned is None else str(
            event.reviews_planned)
        self.review_age.value = event.review_age_months
        when = event.held_on or "no date yet"
        set_note(self.event_status, f"Saved: {when}; {event.place or 'no place yet'}.")

    @guarded
    def save_event(self) -> None:
        self.workshop.set_event(held_on=self.event_date.value, place=self.event_place.value,
                                facilitators=self.event_facilitators.value,
                                reviews_planned=self.reviews_planned.value,
                                review_age_months=self.review_age.value, actor=self.actor)
        self.after_write("Saved the event.")

    # --- access requirements -------------------------------------------------------------------
    def _build_access(self) -> w.VBox:
        self.access_boxes: dict[str, w.Checkbox] = {}
        groups: dict[str, list[w.Widget]] = {}
        for key, group, label, _ticked in self.workshop.access_checklist():
            box = w.Checkbox(description=label, indent=False, layout=w.Layout(width="auto"))
            box.observe(lambda change, key=key: self._on_tick(key, change["new"]), "value")
            self.access_boxes[key] = box
            groups.setdefault(group, [w.HTML(heading(group, 3))]).append(box)
        self.access_status = note()
        # the seed's three groups in two columns: access; location, frequency and duration
        first, *rest = groups.values()
        return labelled_box("Access requirements: tick each one done for this event", [
            self.access_status,
            side_by_side(w.VBox(first), w.VBox([p for parts in rest for p in parts]),
                         basis="36rem")])

    def _draw_access(self) -> None:
        items = self.workshop.access_checklist()
        with self._quiet():
            for key, _group, _label, ticked in items:
                self.access_boxes[key].value = ticked
        done = sum(ticked for *_rest, ticked in items)
        set_note(self.access_status, f"{done} of {len(items)} ticked.")

    def _on_tick(self, key: str, ticked: bool) -> None:
        if not self._quiet.on:
            self.tick(key, ticked)

    @guarded
    def tick(self, key: str, ticked: bool) -> None:
        self.workshop.tick_access(key, ticked, actor=self.actor)
        self.after_write()

    def table_changed(self) -> None:
        self.forget.access = self.access  # who erases, as the history names them

    # --- drawing -------------------------------------------------------------------------------
    def redraw(self, tables: set[str]) -> None:
        if not tables or "prepare_event" in tables:
            self._draw_event()
        if not tables or "prepare_access" in tables:
            self._draw_access()
        if not tables or "prepare_invitees" in tables:
            self._draw_people()
        if not tables or tables & {"prepare_event", "reviews", "statements"}:
            self._draw_reviews()
        if tables & {"reviews", "statements"}:
            self.forget.refresh()  # (it reads the reviews itself when first built)

"""Prepare page, the reviews used: each one's date, type and consent; old ones flagged."""

from __future__ import annotations

import ipywidgets as w

from widgets.common.cards import esc, scroll_region
from widgets.common.controls import (
    STYLE,
    button,
    labelled_box,
    note,
    row,
    set_note,
    set_options,
    wide,
)
from widgets.common.messages import guarded
from widgets.common.page import Drawer
from widgets.stages.prepare.layout import side_by_side
from workbook.stages.prepare import Event, ReviewInfo, progress_sentence
from workbook.text import plural

NEW = 0
CONSENT_OPTIONS = [("Yes", "yes"), ("No", "no"), ("Not recorded", "")]
FLAGGED = " class='wtfc-flagged'"
_CONSENT_WORDS = {True: "Yes", False: "No", None: "Not recorded"}


def reviews_html(reviews: list[ReviewInfo], event: Event) -> str:
    """The reviews as a table; what is worth a look is said in words, not colour alone."""
    if not reviews:
        return ("<p>No reviews yet. Add the reviews to be used below, or import a "
                "spreadsheet of statements on the Collect page.</p>")
    # what is worth a look first (old, no date, no consent), then in reference order
    shown = sorted(reviews, key=lambda r: not r.flags)
    rows = "".join(
        f"<tr{FLAGGED if r.flags else ''}><th scope='row'>{esc(r.ref)}</th>"
        f"<td data-label='Date'>{esc(r.reviewed_on or '—')}</td>"
        f"<td data-label='Type'>{esc(r.review_type or '—')}</td>"
        f"<td data-label='Consent to use words'>{_CONSENT_WORDS[r.consent]}</td>"
        f"<td data-label='Statements'>{r.statements}</td>"
        f"<td data-label='Check'>{esc('; '.join(r.flags)) if r.flags else 'OK'}</td></tr>"
        for r in shown)
    to_check = sum(bool(r.flags) for r in reviews)
    table = (f"<table class='wtfc-grid wtfc-prepare-reviews'><caption>Reviews ({len(reviews)}; "
             f"{to_check} to check, listed first)</caption>"
             "<thead><tr><th scope='col'>Review</th><th scope='col'>Date</th>"
             "<th scope='col'>Type</th><th scope='col'>Consent to use words</th>"
             "<th scope='col'>Statements</th><th scope='col'>Check</th></tr></thead>"
             f"<tbody>{rows}</tbody></table>")
    return scroll_region(table, "Reviews to be used", "tbody tr", "review")


def reviews_summary(reviews: list[ReviewInfo], event: Event) -> str:
    """One line: how many, against the plan; consent; how many are old."""
    with_words = sum(r.statements > 0 for r in reviews)
    parts = [progress_sentence(with_words, event.reviews_planned) + " (with statements)",
             f"consent: {sum(r.consent is True for r in reviews)} yes, "
             f"{sum(r.consent is False for r in reviews)} no, "
             f"{sum(r.consent is None for r in reviews)} not recorded",
             f"{plural(sum(r.old for r in reviews), 'review')} older than "
             f"{plural(event.review_age_months, 'month')}"]
    return "; ".join(parts) + "."


class ReviewsMixin:
    """Public controls: reviews_summary, reviews_list; review_select, review_ref, review_date,
    review_type, review_consent, save_review_button."""

    def _build_reviews(self) -> w.VBox:
        self.reviews_summary = note()
        self.reviews_list = w.HTML(layout=w.Layout(width="100%"))
        self.review_select = w.Dropdown(description="Review", style=STYLE, layout=wide(24))
        self.review_select.observe(lambda _c: self._fill_review(), "value")
        self.review_ref = w.Text(description="Reference of the new review", style=STYLE,
                                 layout=wide(24), placeholder="e.g. R-041")
        self.review_date = w.Text(description="Review date", style=STYLE, layout=wide(24),
                                  placeholder="2026-03-01 or 01/03/2026")
        self.review_type = w.Text(description="Review type", style=STYLE, layout=wide(24),
                                  placeholder="e.g. person-centred review")
        self.review_consent = w.ToggleButtons(description="Consent to use words",
                                              options=CONSENT_OPTIONS, value="", style=STYLE)
        self.save_review_button = button("Save review", "Save this review's details", "primary")
        self.save_review_button.on_click(lambda _b: self.save_review())
        form = labelled_box("Add a review, or change one", [
            self.review_select, self.review_ref, self.review_date, self.review_type,
            self.review_consent, row(self.save_review_button)])
        # The panel that erases a review's words (mount_forget): used rarely, so it opens on
        # demand under the form, and the list and the form keep the screen.
        self.forget_slot = w.VBox()
        self.forget_drawer = Drawer("Erase a review's words (consent withdrawn)",
                                    [self.forget_slot])
        return w.VBox([self.reviews_summary,
                       side_by_side(self.reviews_list, w.VBox([form, self.forget_drawer]),
                                    basis="34rem")])

    def mount_forget(self, panel: w.Widget) -> None:
        """Put the panel that erases a review's words beside the review form."""
        self.forget_slot.children = [panel]

    def _draw_reviews(self) -> None:
        self._reviews = {r.id: r for r in self.workshop.prepare_reviews()}
        event = self.workshop.event
        listed = list(self._reviews.values())
        self.reviews_list.value = reviews_html(listed, event)
        set_note(self.reviews_summary, reviews_summary(listed, event))
        choices = [("A new review", NEW)] + [(r.ref, r.id) for r in listed]
        with self._quiet():
            changed = set_options(self.review_select, choices, fallback=NEW)
        if changed:
            self._fill_review()

    def _fill_review(self) -> None:
        if self._quiet.on:
            return
        review = self._reviews.get(self.review_select.value)
        self.review_ref.layout.display = "none" if review else None
        self.review_ref.value = ""
        self.review_date.value = (review.reviewed_on or "") if review else ""
        self.review_type.value = (review.review_type or "") if review else ""
        self.review_consent.value = {True: "yes", False: "no"}.get(
            review.consent if review else None, "")

    @guarded
    def save_review(self) -> None:
        details = {"reviewed_on": self.review_date.value, "review_type": self.review_type.value,
                   "consent": self.review_consent.value}
        if self.review_select.value == NEW:
            review_id = self.workshop.add_review(self.review_ref.value, actor=self.actor,
                                                 **details)
            message = f"Added review {self.review_ref.value.strip()}."
        else:
            review_id = self.review_select.value
            self.workshop.edit_review(review_id, actor=self.actor, **details)
            message = f"Saved review {self._reviews[review_id].ref}."
        self.after_write(message)
        self.review_select.value = review_id  # stays on it, to check what was saved

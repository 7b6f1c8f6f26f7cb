"""The facilitator's panel to erase a review's words for good, when a person withdraws consent."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import ipywidgets as w

from widgets.common.cards import esc, heading
from widgets.common.controls import STYLE, button, set_options, wide
from widgets.common.messages import MessageArea, guarded
from workbook.access.roles import FACILITATOR, Access
from workbook.consent.erasure import forget_review, review_choices, same_review
from workbook.model import InputError
from workbook.text import plural

if TYPE_CHECKING:
    from workbook.workshop import Workshop

NONE = ""  # no review chosen
ONLY_FACILITATOR = ("Only the facilitator can erase a review's words. Ask the facilitator, "
                    "on the big screen's link.")
WARNING = (
    "<div class='wtfc-note wtfc-forget-warning' role='note'><p><strong>This cannot be "
    "undone.</strong> When a person withdraws consent, this deletes every statement from "
    "their review, the history that Undo uses for them, and their words left in the "
    "database file. Their statements stop counting in the figures. The log keeps only "
    "who erased which review, when, and how many statements.</p><p>Reports, exports and "
    "backups made before now still hold the words: delete those copies too.</p></div>"
)


class ForgetPanel(w.VBox):
    """Choose the review, type its reference again, erase. Public controls for tests:
    review (a dropdown), confirm (a text box), erase_button, messages."""

    def __init__(self, workshop: Workshop, *, access: Access = FACILITATOR,
                 on_erased: Callable[[], None] | None = None):
        super().__init__(layout=w.Layout(width="100%"))
        self.add_class("wtfc-forget")
        self.workshop = workshop
        self.access = access
        self.on_erased = on_erased
        self.messages = MessageArea(
            log_dir=(workshop.folder / "logs") if workshop.folder else None)
        self.review = w.Dropdown(description="Review to erase", options=[("— choose —", NONE)],
                                 value=NONE, style=STYLE, layout=wide(30))
        self.confirm = w.Text(description="Type its reference again to confirm",
                              placeholder="e.g. R-017", style=STYLE, layout=wide(30))
        self.erase_button = button("Erase this review's words for good",
                                   "Delete the review's statements, their history and the "
                                   "words in the database file; this cannot be undone",
                                   "danger")
        self.erase_button.on_click(lambda _b: self.erase())
        self.review.observe(lambda _c: self._enable(), "value")
        self.confirm.observe(lambda _c: self._enable(), "value")
        if not access.is_facilitator:
            # Nothing to choose from or click: a table never sees the reviews listed here.
            self.children = [w.HTML(heading("Erase a review's words (consent withdrawn)", 3)),
                             w.HTML(f"<p class='wtfc-refused' role='alert'>"
                                    f"{esc(ONLY_FACILITATOR)}</p>")]
            return
        self.children = [w.HTML(heading("Erase a review's words (consent withdrawn)", 3)),
                         w.HTML(WARNING), self.review, self.confirm, self.erase_button,
                         self.messages]
        self.refresh()

    def refresh(self) -> None:
        """Re-read the reviews (call when the store changed)."""
        if not self.access.is_facilitator:
            return
        options = [("— choose —", NONE), *(
            (f"{ref} ({plural(n, 'statement')})", ref) for ref, n in
            review_choices(self.workshop.store))]
        set_options(self.review, options, fallback=NONE)
        self._enable()

    def _enable(self) -> None:
        self.erase_button.disabled = not (
            self.access.is_facilitator and self.review.value
            and same_review(self.confirm.value, self.review.value))

    @guarded
    def erase(self) -> None:
        if not self.access.is_facilitator:  # checked in the kernel too, not only hidden
            raise InputError(ONLY_FACILITATOR)
        ref = self.review.value
        if not ref:
            raise InputError("Choose the review to erase first, from “Review to erase”.")
        if not same_review(self.confirm.value, ref):
            raise InputError(f"To confirm, type the review's reference exactly: {ref}. "
                             "Nothing was erased.")
        self.erase_button.disabled = True
        erasure = forget_review(self.workshop, ref, actor=self.access.actor)
        self.confirm.value = ""
        self.refresh()
        if erasure.file_clean:
            self.messages.ok(erasure.sentence())
        else:
            self.messages.info(erasure.sentence())
        if self.on_erased is not None:
            self.on_erased()

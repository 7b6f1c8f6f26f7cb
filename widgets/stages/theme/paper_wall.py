"""Theme page, "Paper wall" tab: print the statements as cards, and type the wall's result
back in by card number (a ThemeView mixin)."""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from widgets.common.cards import esc
from widgets.common.controls import STYLE, button, note, set_note, set_options, wide
from widgets.common.messages import guarded
from widgets.stages.theme.controls import section
from workbook import InputError
from workbook.cards import move_by_numbers, write_cards
from workbook.cards.printing import cards_file_name
from workbook.text import plural

if TYPE_CHECKING:
    import pandas as pd

    from widgets.common.page import Hush
    from workbook.cards.printing import CardsWritten

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CARD_FORMATS = (("PDF, to print", (".pdf", "application/pdf")), ("Word", (".docx", DOCX)))
CARD_CHOICES = (("Every statement", "all"), ("Only cards not yet in a theme", "unthemed"))
BACK = 0  # "back to not yet in a theme" in numbers_theme (theme ids start at 1)
ONLY_FACILITATOR = "The facilitator prints the cards, from the Theme page on the big screen."


class PaperWallMixin:
    """Public controls: cards_which, cards_format, print_cards_button, cards_link (print);
    card_numbers, numbers_theme (a theme id, or 0 for back to not yet in a theme),
    numbers_button (bring the wall back in). The view provides workshop, actor, messages,
    after_write, is_facilitator, _hush and _themes."""

    workshop: Any
    actor: str
    messages: Any
    is_facilitator: bool
    _hush: Hush
    _themes: pd.DataFrame

    def _build_paper_wall(self) -> w.VBox:
        self.cards_which = w.Dropdown(description="Which cards", options=CARD_CHOICES,
                                      value="all", style=STYLE, layout=wide(30, gutter_px=12))
        self.cards_format = w.Dropdown(description="File", options=CARD_FORMATS,
                                       value=CARD_FORMATS[0][1], style=STYLE,
                                       layout=wide(30, gutter_px=12))
        self.print_cards_button = button("Make the cards", "Write the statements as numbered "
                                         "A4 cards (six a sheet) into the outputs folder",
                                         "primary")
        self.print_cards_button.on_click(lambda _b: self.print_cards())
        self.cards_note = note()
        self.cards_link = w.HTML()
        self.card_numbers = w.Text(description="Card numbers", placeholder="e.g. 12 15 40",
                                   style=STYLE, layout=wide(30, gutter_px=12))
        self.numbers_theme = w.Dropdown(description="Into theme", options=[], style=STYLE,
                                        layout=wide(gutter_px=12))
        self.numbers_button = button("Move", "Move the cards with these numbers into the "
                                     "theme chosen above", "primary")
        self.numbers_button.on_click(lambda _b: self.move_numbers())
        self._paper_wall_role()
        return w.VBox([
            section("Print the cards", [
                note("Each card shows its number (No., as on the Collect page), the words, "
                     "the kind as a symbol and a word, and whose view. Cut them out and "
                     "theme them on a wall."),
                self.cards_which, self.cards_format, self.print_cards_button,
                self.cards_note, self.cards_link]),
            section("Bring the wall back in", [
                note("Type the numbers of the cards in one theme on the wall (e.g. 12 15 40, "
                     "or 20-24 for a run), choose the theme (numbered as on the board), then "
                     "press “Move”. “Undo my last change” takes back the whole move."),
                self.card_numbers, self.numbers_theme, self.numbers_button]),
        ])

    def _paper_wall_role(self) -> None:
        """Only the facilitator prints (the file holds every statement); anyone who may
        move cards may type numbers."""
        self.print_cards_button.disabled = not self.is_facilitator
        set_note(self.cards_note, "" if self.is_facilitator else ONLY_FACILITATOR)

    def _draw_numbers_theme(self) -> None:
        had_themes = any(v != BACK for _, v in self.numbers_theme.options)
        # Numbered as the board numbers its themes (in the order they were made), so
        # "to theme 3" on the wall finds the same theme here.
        ordered = sorted(zip(self._themes["theme_id"], self._themes["name"], strict=True))
        options = [(f"{n} · {name}", int(t)) for n, (t, name) in enumerate(ordered, start=1)]
        set_options(self.numbers_theme, options + [("— back to not yet in a theme —", BACK)],
                    hush=self._hush)
        if options and not had_themes:
            self.numbers_theme.value = options[0][1]

    @guarded
    def print_cards(self) -> None:
        if not self.is_facilitator:
            raise InputError(ONLY_FACILITATOR)  # checked here too, not only by disabling
        suffix, mime = self.cards_format.value
        which = self.cards_which.value
        path = self.workshop.outputs / cards_file_name(self.workshop.name, suffix, which)
        # A few seconds for hundreds of cards: say so, and take no second click meanwhile.
        self.messages.info("Making the cards…")
        self.cards_link.value = ""  # never offer the last file as if it were this one
        self.print_cards_button.disabled = True
        try:
            written: CardsWritten = write_cards(self.workshop, path, which)
        finally:
            self.print_cards_button.disabled = not self.is_facilitator
        data = base64.b64encode(written.path.read_bytes()).decode("ascii")
        self.cards_link.value = (f'<a class="wtfc-download" download="{esc(path.name)}" '
                                 f'href="data:{mime};base64,{data}">Download '
                                 f'{esc(path.name)}</a>')
        # The header's message stays short; where it is saved, and what was left out, below.
        self.messages.ok(f"The cards are ready: {plural(len(written.cards.cards), 'card')} on "
                         f"{plural(written.sheets, 'A4 sheet')}, {path.name}.")
        set_note(self.cards_note, " ".join(t for t in (
            f"Made {written.cards.sentence()}; saved in the outputs folder as {path}.",
            written.cards.left_out(), written.gaps_note()) if t))

    @guarded
    def move_numbers(self) -> None:
        if self.numbers_theme.value is None:
            raise InputError("Choose the theme the cards go into, in “Into theme”.")
        theme = int(self.numbers_theme.value) or None
        done = move_by_numbers(self.workshop, self.card_numbers.value, theme, actor=self.actor)
        if done.moved:
            self.card_numbers.value = ""
            self.after_write(done.sentence())
        else:
            self.messages.info(done.sentence())

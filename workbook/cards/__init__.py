"""Statement cards for a paper wall (PDF, Word) and the wall's result typed back in."""

from workbook.cards.card_data import Card, CardSet, read_cards
from workbook.cards.card_numbers import move_by_numbers, parse_numbers
from workbook.cards.printing import write_cards

__all__ = ["Card", "CardSet", "move_by_numbers", "parse_numbers", "read_cards", "write_cards"]

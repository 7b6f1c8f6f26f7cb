"""Fund bids in rank order from a budget: a bid that does not fit is passed over, not the end."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Funding:
    budget: Fraction
    funded: frozenset[str]
    left: Fraction
    # Bids tied in rank that could not all be funded from what was left, though one of them
    # could: passed over together, as choosing between them is the panel's decision.
    ties: tuple[tuple[str, ...], ...] = ()


def fund(ranks: Mapping[str, int], amounts: Mapping[str, Fraction],
         budget: Fraction) -> Funding:
    """Go down the ranking: each bid whose amount still fits in what is left is funded; one
    that does not fit is passed over and later ones can still be funded.

    Bids sharing a rank are taken together (no order among them is fairer than another): all
    are funded if together they fit in what is left, otherwise none of them is, and the tie is
    named so the panel can break it (by agreeing a score) if it wants one of them funded.
    """
    left = budget
    funded: set[str] = set()
    ties = []
    for rank in sorted(set(ranks.values())):
        group = sorted(b for b, r in ranks.items() if r == rank)
        need = sum((amounts[b] for b in group), Fraction(0))
        if need <= left:
            funded.update(group)
            left -= need
        elif len(group) > 1 and any(amounts[b] <= left for b in group):
            ties.append(tuple(group))
    return Funding(budget, frozenset(funded), left, tuple(ties))

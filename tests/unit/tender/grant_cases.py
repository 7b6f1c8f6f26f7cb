"""Hand-worked grant rounds and staged tenders shared by the funding tests (importer sheets)."""

from __future__ import annotations

from tender_cases import SCORE_COLS, rows


def setup(*extra: tuple, quality: int = 100, price: int = 0) -> list:
    return [(1, {"name": "quality_weight", "value": quality}),
            (2, {"name": "price_weight", "value": price}),
            *[(3 + i, {"name": k, "value": v}) for i, (k, v) in enumerate(extra)]]


def grant(budget: object = 100, scores: tuple = (5, 4, 3, 2),
          amounts: tuple = (60, 50, 30, 10)) -> dict:
    """One adult panel, one question, four bids; quality 100%, price 0%.

    Worked by hand (budget 100): B1 scores 5 (100 points) asks 60: funded, 40 left. B2 scores
    4 (80) asks 50: does not fit in 40, passed over. B3 scores 3 (60) asks 30: funded, 10
    left. B4 scores 2 (40) asks 10: funded, 0 left.
    """
    bids = [f"B{i}" for i in range(1, len(scores) + 1)]
    return {
        "Setup": setup(("budget", budget)),
        "Panels": rows(("panel", "share", "young_people"), ("A", 1, "no")),
        "Questions": rows(("question", "text", "weight", "panel"), ("Q1", "Plan", 1, None)),
        "Bidders": rows(("bidder", "name", "price"),
                        *[(b, f"Group {b}", a) for b, a in zip(bids, amounts, strict=True)]),
        "Scores": rows(SCORE_COLS, *[("A", "a1", b, "Q1", s, "why")
                                     for b, s in zip(bids, scores, strict=True)]),
    }


def two_stages(shortlist: object = 2, stage2: dict | None = None) -> dict:
    """Written bids (Q1, stage 1) then interviews (Q2, stage 2) of the top 2; quality 100%.

    Worked by hand: stage 1 (Q1): B1 4 = 80, B2 5 = 100, B3 3 = 60 -> ranks B2 1, B1 2,
    B3 3; the shortlist of 2 is B2 and B1. Stage 2 (Q1 and Q2, weight 1 each): B1 (4+5)/10
    = 90, B2 (5+1)/10 = 60 -> B1 1, B2 2. Final: B1 1st, B2 2nd, B3 3rd (cut after stage 1).
    """
    stage2 = {"B1": 5, "B2": 1} if stage2 is None else stage2
    return {
        "Setup": setup(("shortlist", shortlist)),
        "Panels": rows(("panel", "share", "young_people"), ("A", 1, "no")),
        "Questions": rows(("question", "text", "weight", "panel", "stage"),
                          ("Q1", "Written bid", 1, None, 1),
                          ("Q2", "Interview", 1, None, 2)),
        "Bidders": rows(("bidder", "name", "price"), ("B1", "North", None),
                        ("B2", "South", None), ("B3", "East", None)),
        "Scores": rows(SCORE_COLS, ("A", "a1", "B1", "Q1", 4, "ok"),
                       ("A", "a1", "B2", "Q1", 5, "great"), ("A", "a1", "B3", "Q1", 3, "thin"),
                       *[("A", "a1", b, "Q2", s, "interview") for b, s in stage2.items()]),
    }

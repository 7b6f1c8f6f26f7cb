"""Hand-worked tender evaluations shared by the tender tests (sheets as the importer gives them)."""

from __future__ import annotations


def rows(header: tuple[str, ...], *data: tuple, start: int = 2) -> list:
    return [(n, dict(zip(header, r, strict=True))) for n, r in enumerate(data, start=start)]


SCORE_COLS = ("panel", "member", "bidder", "question", "score", "reason")


def small() -> dict:
    """Two panels (adult A, young people Y, equal share), two bidders, three questions.

    Worked by hand:
      Setup: quality 60, price 40. Shares 1 and 1 -> 0.5 each.
      Questions: Q1 weight 2 (all panels), Q2 weight 1 (all), Q3 weight 1 (Y only).
      Panel A (a1, a2):
        B1: Q1 mean(4,5)=4.5, Q2 mean(3,3)=3  -> (2*4.5+1*3)/(5*3)*100 = 12/15*100 = 80
        B2: Q1 agreed 3 (members 3,2), Q2 mean(2,4)=3 -> (2*3+3)/15*100 = 60
      Panel Y (y1):
        B1: Q1 1, Q2 2, Q3 1 -> (2+2+1)/(5*4)*100 = 25
        B2: Q1 5, Q2 4, Q3 5 -> (10+4+5)/20*100 = 95
      Quality points: B1 60*(0.5*80+0.5*25)/100 = 31.5; B2 60*(0.5*60+0.5*95)/100 = 46.5
      Price points (lowest 80): B1 40*80/100 = 32; B2 40*80/80 = 40
      Totals: B1 63.5 (rank 2), B2 86.5 (rank 1)
      Without Y: B1 60*80/100+32 = 80 (rank 1); B2 60*60/100+40 = 76 (rank 2)
    """
    return {
        "Setup": [(1, {"name": "quality_weight", "value": 60}),
                  (2, {"name": "price_weight", "value": 40})],
        "Panels": rows(("panel", "share", "young_people"), ("A", 1, "no"), ("Y", 1, "yes")),
        "Questions": rows(("question", "text", "weight", "panel"),
                          ("Q1", "How will you keep us safe?", 2, None),
                          ("Q2", "How will you listen?", 1, None),
                          ("Q3", "Show us the activity", 1, "Y")),
        "Bidders": rows(("bidder", "name", "price"), ("B1", "North Trust", 100),
                        ("B2", "Southside CIC", 80)),
        "Scores": rows(SCORE_COLS,
                       ("A", "a1", "B1", "Q1", 4, "clear plan"),
                       ("A", "a2", "B1", "Q1", 5, "very clear"),
                       ("A", "a1", "B1", "Q2", 3, "ok"),
                       ("A", "a2", "B1", "Q2", 3, "ok"),
                       ("A", "a1", "B2", "Q1", 3, "fine"),
                       ("A", "a2", "B2", "Q1", 2, "thin"),
                       ("A", "a1", "B2", "Q2", 2, "vague"),
                       ("A", "a2", "B2", "Q2", 4, "good forum"),
                       ("Y", "y1", "B1", "Q1", 1, "did not talk to us"),
                       ("Y", "y1", "B1", "Q2", 2, "long words"),
                       ("Y", "y1", "B1", "Q3", 1, "boring"),
                       ("Y", "y1", "B2", "Q1", 5, "asked us what safe means"),
                       ("Y", "y1", "B2", "Q2", 4, "young people on the board"),
                       ("Y", "y1", "B2", "Q3", 5, "fun and clear")),
        "Agreed": rows(("panel", "bidder", "question", "score", "reason"),
                       ("A", "B2", "Q1", 3, "agreed after discussion of the safeguarding plan")),
    }

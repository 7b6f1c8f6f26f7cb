"""Write the synthetic tender evaluation (tender_evaluation.xlsx) into sample_data/, then check it.

    cd /work/main && .venv/bin/python sample_data/make_tender_sample.py

Everything is made up: the service, the five bidders, the panel members (first names only,
chosen for this sample) and every reason. One seeded random.Random and fixed timestamps in
the .xlsx make every run byte-identical. The script fails unless the young people's panel
changes the ranking, which is what the sample is for, with all six young people scoring and
in the demo's state (tender.sample.demo_evaluation: one of them still to score).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from sample_files import save_workbook

from workbook.tender import as_json, build
from workbook.tender.bids.sample_bids import sample_bids
from workbook.tender.model import PLAIN_DESCRIPTORS
from workbook.tender.rules import borda
from workbook.tender.sample import demo_evaluation
from workbook.tender.xlsx import evaluation_rows, make_book

HERE = Path(__file__).resolve().parent
SEED = 4404
QUALITY, PRICE = 70, 30
QUESTIONS = [
    ("Q1", "How will young people feel safe and listened to?", 2),
    ("Q2", "How will young people help run the service?", 2),
    ("Q3", "Where and when will the service be open?", 1),
    ("Q4", "How will you help young people who find it hard to ask for help?", 2),
    ("Q5", "What did you show us in your activity with the panel?", 1),
    ("Q6", "How will you tell young people what changed because of them?", 1),
    ("Q7", "How will staff be trained and supported?", 1),
    ("Q8", "How will you know the service is working?", 1),
]
# bidder, name, price, how good the adult panel and the young people find it (0-5)
BIDDERS = [
    ("B1", "Harbourside Care Group", 412_000, 4.2, 2.3),
    ("B2", "Youth Voice Collective", 398_000, 3.2, 4.5),
    ("B3", "Northgate Family Services", 365_000, 3.6, 3.3),
    ("B4", "Brightpath Partnerships", 381_000, 3.5, 2.6),
    ("B5", "Open Door Youth Trust", 425_000, 2.9, 4.1),
]
ADULTS = ["Commissioning lead", "Finance officer", "Service manager"]
YOUNG = ["Amani", "Bex", "Callum", "Dara", "Eli", "Frankie"]
REASONS = {
    0: ["They did not answer this.", "Nothing here for young people."],
    1: ["Very little detail and no examples.", "It does not say how it would really work."],
    2: ["Some good ideas but a lot is missing.", "Hard to follow and a bit vague."],
    3: ["A fair answer that covers the basics.", "OK, with one or two clear examples."],
    4: ["Clear, with real examples from their work.", "A good answer that young people would "
        "understand."],
    5: ["Excellent: young people are at the heart of it.", "Really clear, with proof it works "
        "elsewhere."],
}


def _score(rng: random.Random, quality: float) -> int:
    return max(0, min(5, round(quality + rng.gauss(0, 0.8))))


def sheets(rng: random.Random) -> dict[str, list[list[object]]]:
    scores, agreed, rankings, members = [], [], [], []
    for panel, people, col in (("Adult panel", ADULTS, 3), ("Young people's panel", YOUNG, 4)):
        members += [[panel, m] for m in people]
        totals: dict[str, dict[str, float]] = {m: {} for m in people}
        for bidder, _name, _price, *quality in BIDDERS:
            for q, _text, weight in QUESTIONS:
                given = []
                for m in people:
                    s = _score(rng, quality[col - 3])
                    given.append(s)
                    totals[m][bidder] = totals[m].get(bidder, 0) + weight * s
                    reason = rng.choice(REASONS[s])
                    scores.append([panel, m, bidder, q, s, reason])
                if max(given) - min(given) >= 2:  # flagged: the panel met and agreed a score
                    median = sorted(given)[len(given) // 2]
                    agreed.append([panel, bidder, q, median,
                                   f"Talked it through: {max(given) - min(given)} points apart; "
                                   f"agreed {median} as most members saw it that way."])
        for m in people:  # favourite to least favourite, mostly by their own scores
            order = sorted(totals[m], key=lambda b: (-totals[m][b] - rng.random(), b))
            rankings += [[panel, m, b, i] for i, b in enumerate(order, start=1)]
    return {
        "Setup": [["quality_weight", QUALITY], ["price_weight", PRICE]],
        "Panels": [["panel", "share", "young_people"], ["Adult panel", 1, "no"],
                   ["Young people's panel", 1, "yes"]],
        "Questions": [["question", "text", "weight", "panel"]]
        + [[q, t, w, None] for q, t, w in QUESTIONS],
        "Bidders": [["bidder", "name", "price"]] + [[b, n, p] for b, n, p, *_ in BIDDERS],
        "Scores": [["panel", "member", "bidder", "question", "score", "reason"]] + scores,
        "Agreed": [["panel", "bidder", "question", "score", "reason"]] + agreed,
        "Members": [["panel", "member"]] + members,
        "Rankings": [["panel", "member", "bidder", "position"]] + rankings,
        "Descriptors": [["score", "words"]] + [[k, v] for k, v in PLAIN_DESCRIPTORS.items()],
    }


def as_rows(data: dict[str, list[list[object]]]) -> dict:
    """The sheets as the workbook reader gives them (row numbers as Excel shows them)."""
    out = {}
    for title, rows in data.items():
        if title == "Setup":
            out[title] = [(n, {"name": r[0], "value": r[1]}) for n, r in enumerate(rows, 1)]
        else:
            out[title] = [(n, dict(zip(rows[0], r, strict=True)))
                          for n, r in enumerate(rows[1:], 2)]
    return out


def main() -> None:
    data = {**sheets(random.Random(SEED)), **sample_bids()}  # the bids members read
    ev, problems = build(as_rows(data))
    assert problems == [], problems
    result = as_json(ev, problems)
    first = min(result["bidders"], key=lambda b: b["rank"])
    first_without = min(result["bidders"], key=lambda b: b["rank_without_young_people"])
    assert first["bidder"] != first_without["bidder"], "the young people must change the ranking"
    # The demo ships with one young person still scoring: the others must change it too.
    demo, _submitted, _late = demo_evaluation(ev)
    shown = as_json(demo, [])["bidders"]
    assert min(shown, key=lambda b: b["rank"])["bidder"] != min(
        shown, key=lambda b: b["rank_without_young_people"])["bidder"], "the demo's panel too"
    assert set(evaluation_rows(ev)) == set(data), (list(evaluation_rows(ev)), list(data))
    save_workbook(make_book(evaluation_rows(ev)), HERE / "tender_evaluation.xlsx")
    expected = {**result, "borda": {p.panel: borda(ev, p.panel) for p in ev.panels},
                "agreed": len(ev.agreed), "scores": len(ev.scores)}
    (HERE / "tender_expected.json").write_text(json.dumps(expected, indent=1) + "\n",
                                               encoding="utf-8")
    print(f"Wrote tender_evaluation.xlsx: {len(ev.scores)} scores, {len(ev.agreed)} agreed; "
          f"first with young people {first['bidder']}, without {first_without['bidder']}")


if __name__ == "__main__":
    main()

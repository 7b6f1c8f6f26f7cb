"""Step 1 (Prepare) of the Riverside sample event: prepare.json, all of it synthetic.

The event's date and place, who is invited by role (descriptions, never names), the access
checklist as ticked, and each review's date, type and consent to use the person's words:
most said yes, two said no (their statements still count, their words are not shown), two
were not recorded, and two reviews are older than the 12 months the method asks for.
"""

from __future__ import annotations

from datetime import date, timedelta

EVENT = {"held_on": "2026-05-14", "place": "Riverside community centre, main hall",
         "facilitators": "Two trained WTfC facilitators from the council's co-production team",
         "reviews_planned": 60, "review_age_months": 12}
# (description, role, support needs, took part in theming)
INVITEES = [
    ("Self-advocate, Riverside tenants' group", "person", True, True),
    ("Self-advocate, day opportunities members' forum", "person", True, True),
    ("Member of the day opportunities members' forum", "person", True, False),
    ("Person who uses supported living, with an advocate", "person", True, True),
    ("Parent carer, carers' forum", "family", False, True),
    ("Sibling carer", "family", False, False),
    ("Support worker, Riverside supported living", "staff", False, True),
    ("Day opportunities team leader", "staff", False, False),
    ("Registered manager, supported living provider", "provider", False, True),
    ("Manager, day opportunities provider", "provider", False, False),
    ("Commissioner for learning disability services", "commissioner", False, True),
]
ACCESS_TICKED = ["doors", "ground_floor", "emergency", "signage", "times", "venue", "travel",
                 "introductions", "ice_breaker", "shorter_sessions"]
TYPES = ("Person-centred review", "Annual review", "Outcome-focused review")
NO_CONSENT = {"R-047", "R-053"}
NOT_RECORDED = {"R-058", "R-059"}
OLD = {"R-012", "R-030"}  # held more than 12 months before the event


def review_details(refs: list[str]) -> dict[str, dict[str, object]]:
    """Each review's date (spread over the ten months before the event), type and consent."""
    out: dict[str, dict[str, object]] = {}
    first = date(2025, 7, 1)
    for n, ref in enumerate(refs):
        held = date(2025, 2, 10) + timedelta(days=n) if ref in OLD else first + timedelta(
            days=(n * 5) % 300)
        consent = None if ref in NOT_RECORDED else ref not in NO_CONSENT
        out[ref] = {"reviewed_on": held.isoformat(), "review_type": TYPES[n % len(TYPES)],
                    "consent": consent}
    return out


def prepare_plan(refs: list[str]) -> dict[str, object]:
    return {"event": EVENT,
            "invitees": [{"name": d, "role": r, "support_needs": s, "theming": t}
                         for d, r, s, t in INVITEES],
            "access": ACCESS_TICKED, "reviews": review_details(refs)}

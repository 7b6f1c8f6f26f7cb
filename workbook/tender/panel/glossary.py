"""Plain-English words for a young people's panel, reachable from every member screen."""

from __future__ import annotations

GLOSSARY: tuple[tuple[str, str], ...] = (
    ("Commissioning", "How the council decides what services people need, who should run "
                      "them and how to check they work."),
    ("Tender", "When the council asks groups to say how they would run a service, so it can "
               "choose the best one."),
    ("Bid", "What a group sends in to say how they would run the service and what it would "
            "cost."),
    ("Bidder", "A group that has sent in a bid."),
    ("Criteria", "The things a bid is judged on: here, the questions you score."),
    ("Question", "One thing we want each bid to answer well. You score every bid on every "
                 "question."),
    ("Score", "A number from 0 to 5 that says how well a bid answers a question. 0 means not "
              "there at all; 5 means brilliant."),
    ("Reason", "A few words saying why you gave a score. Every score needs one."),
    ("Weighting", "How much something counts. A question with weight 2 counts twice as much "
                  "as one with weight 1. Quality and price have weights too."),
    ("Quality", "How good the bid is, from the panels' scores."),
    ("Price", "What the bid would cost. Cheaper bids get more price points."),
    ("Panel", "A group of people who score the bids. Your panel is the young people's panel."),
    ("Moderation", "When the panel meets after scoring to talk about scores far apart and "
                   "agree one score together."),
    ("Agreed score", "The one score the panel agrees in moderation. It is used instead of "
                     "everyone's own scores."),
    ("Submit", "Handing in your scores. After that they are final, and your panel can see "
               "them."),
    ("Ranking", "The bids in order, from the highest points to the lowest."),
    ("Conflict of interest", "When you know someone at a group that has bid, so you might not "
                             "be fair. Tell the facilitator: that is fine and normal."),
    ("Confidentiality", "Keeping things private. The bids and the scores stay inside the "
                        "panel."),
    ("Independent person", "Someone who is not running the panel whom you can talk to if "
                           "you are worried or unhappy."),
    ("Practice round", "A try-out on a made-up bid. Its scores never count."),
)

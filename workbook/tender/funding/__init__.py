"""Grant rounds (a budget, bids funded in rank order) and stages with a shortlist between them."""

"""The tender page's bids: what a member reads while scoring, and setting up by hand."""

"""The bids a panel reads while scoring; setting up an evaluation in the page or from a file."""

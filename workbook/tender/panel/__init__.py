"""Preparing a young people's panel, recognising what they gave, and telling them the outcome."""

"""Ladders and models of participation: definitions, decks, store, charts, export."""

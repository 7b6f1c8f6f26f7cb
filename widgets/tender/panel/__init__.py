"""The young people's panel on the tender page: briefing, words, practice, recognition, outcome."""

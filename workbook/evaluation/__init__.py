"""Evaluating the event: the "I" and "We" measures of co-production and a mood barometer."""

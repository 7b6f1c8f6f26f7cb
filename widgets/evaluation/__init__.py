"""The Evaluation page: tables answer the "I"/"We" statements and the mood barometer."""

from widgets.evaluation.page import EvaluationView

__all__ = ["EvaluationView"]

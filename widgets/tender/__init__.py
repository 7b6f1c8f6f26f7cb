"""The tender scoring page: members' scores, moderation, results and set-up."""

from .page import TenderView

__all__ = ["TenderView"]

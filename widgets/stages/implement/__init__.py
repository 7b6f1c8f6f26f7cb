"""The Implement page (WTfC step 7): baselines and indicators, and the action plans started."""

from .page import ImplementView

__all__ = ["ImplementView"]

"""The Review page (WTfC step 8): progress, "you said, we did" and the report."""

from .page import ReviewView

__all__ = ["ReviewView"]

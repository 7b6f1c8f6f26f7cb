"""The Implement and review page: indicators, progress, you said we did."""

from .page import ReviewView

__all__ = ["ReviewView"]

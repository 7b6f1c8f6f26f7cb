"""The Collect page: type or import statements, count them, find and fix."""

from .page import CollectView

__all__ = ["CollectView"]

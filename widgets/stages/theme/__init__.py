"""The Theme page: the card board, theme tools and dot voting."""

from .page import ThemeView

__all__ = ["ThemeView"]

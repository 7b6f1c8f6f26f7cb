"""The ladder of participation page: trainer, commissioner and table modes."""

from .page import LadderView

__all__ = ["LadderView"]

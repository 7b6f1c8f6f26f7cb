"""The Understand (root cause) page: cause trees and dots on causes."""

from .page import RootCauseView

__all__ = ["RootCauseView"]

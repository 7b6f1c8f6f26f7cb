"""The Plan page: what is happening already, ideas and actions."""

from .page import ActionPlanView

__all__ = ["ActionPlanView"]

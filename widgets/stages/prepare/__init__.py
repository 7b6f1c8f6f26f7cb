"""The Prepare page (WTfC step 1): the event, who is invited, access, the reviews used."""

from .page import PrepareView

__all__ = ["PrepareView"]

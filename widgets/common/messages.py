"""A message area for plain-English errors and confirmations; details go to a log."""

from __future__ import annotations

import functools
import html
import logging
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as w

from workbook import InputError

log = logging.getLogger("wtfc.widgets")


class MessageArea(w.HTML):
    """One line under the controls, read out by screen readers when it changes."""

    def __init__(self, log_dir: Path | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.log_dir = log_dir
        self.add_class("wtfc-message-area")
        self.kind = ""

    def _show(self, kind: str, text: str) -> None:
        self.kind = kind
        role = "alert" if kind == "error" else "status"
        symbol = {"error": "⚠ ", "ok": "✔ ", "info": ""}[kind]
        # In the tab order: on the big screen a long message scrolls in its box (wtfc.css).
        self.value = (
            f'<div class="wtfc-message wtfc-message-{kind}" role="{role}" '
            f'aria-live="polite" tabindex="0">{symbol}{html.escape(text)}</div>'
        )

    def ok(self, text: str) -> None:
        self._show("ok", text)

    def info(self, text: str) -> None:
        self._show("info", text)

    def error(self, text: str) -> None:
        self._show("error", text)

    def clear(self) -> None:
        self.kind = ""
        self.value = ""

    @property
    def text(self) -> str:
        """The message as plain text (for tests and logs)."""
        import re

        return html.unescape(re.sub(r"<[^>]+>", "", self.value))

    def unexpected(self, exc: BaseException) -> None:
        """Log the details; tell the room plainly that nothing was half-saved."""
        where = self._log(exc)
        self.error(
            "Something went wrong and nothing was saved. Try again; if it happens again, "
            f"tell the facilitator{where}."
        )

    def _log(self, exc: BaseException) -> str:
        details = "".join(traceback.format_exception(exc))
        log.error("%s", details)
        if self.log_dir is None:
            return ""
        try:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            with (self.log_dir / "errors.log").open("a", encoding="utf-8") as fh:
                fh.write(details + "\n")
            return " (details are in the workshop's logs folder)"
        except OSError:
            return ""


def guarded(fn: Callable) -> Callable:
    """Wrap a view callback: an InputError shows its message; anything else is logged plainly.

    The view must have a `messages` MessageArea. The store's transactions mean a failed
    action saved nothing, so the message can say so.
    """

    @functools.wraps(fn)
    def inner(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(self, *args, **kwargs)
        except InputError as exc:
            self.messages.error(str(exc))
        except Exception as exc:  # noqa: BLE001 - never a traceback on the big screen
            self.messages.unexpected(exc)
        return None

    return inner

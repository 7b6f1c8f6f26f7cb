"""Which workshop and table a page is for: from the server's environment and the URL."""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import parse_qs

from workbook import Workshop

MAX_TABLE_NAME = 40


def served_by_voila() -> bool:
    """True in a page kernel Voila started; False under nbval, JupyterLab or a test."""
    return any(k in os.environ for k in ("VOILA_KERNEL_ID", "VOILA_BASE_URL", "VOILA_PREHEAT"))


def query_string() -> str:
    """The page's query string; with preheated kernels, wait for the real request first."""
    if os.environ.get("VOILA_PREHEAT", "False") != "False":
        from voila.utils import wait_for_request

        wait_for_request()
    return os.environ.get("QUERY_STRING", "")


def table_from_query(query: str) -> str | None:
    values = parse_qs(query).get("table", [])
    name = " ".join(values[0].split())[:MAX_TABLE_NAME] if values else ""
    return name or None


@dataclass
class PageContext:
    """What a stage page needs: the open workshop, who is acting, and whether it is served.

    A served page's table is known only once its request has come (`wait_for_table`): with
    pre-heated kernels, everything before that is done while the kernel waits in the pool.
    """

    workshop: Workshop
    table: str | None
    served: bool
    waiting: bool = False  # True until wait_for_table() has read the request

    @property
    def actor(self) -> str:
        # Undo is per actor, so each table undoes its own last action, not another table's.
        return self.table or "Big screen"

    def wait_for_table(self) -> str | None:
        """Wait for the page's request (pre-heated kernels) and read its table from the URL."""
        if self.waiting:
            self.table = table_from_query(query_string())
            self.waiting = False
        return self.table


def open_page(location: str | None = None) -> PageContext:
    """Open the workshop named by WTFC_WORKSHOP (set by `wtfc serve`) or by `location`.

    Does not wait for the request: the view is built first (see StageView.for_page)."""
    served = served_by_voila()
    location = location or os.environ.get("WTFC_WORKSHOP")
    if not location:
        from workbook.sample import build_sample, demo_folder

        location = str(demo_folder())
        build_sample(location).close()  # a notebook opened on its own shows the sample event
    return PageContext(Workshop.open(location), None, served, waiting=served)

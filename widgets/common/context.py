"""Which workshop a page is for, and who it acts for: from the server's environment and the
grant the server signed into the page's request (workbook.access.grants)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import parse_qs

from widgets.common.request import wait_for_request
from workbook import Workshop
from workbook.access.grants import SECRET_ENV, read_grant
from workbook.access.roles import Access, for_label

MAX_TABLE_NAME = 40


def served_by_voila() -> bool:
    """True in a page kernel Voila started; False under nbval, JupyterLab or a test."""
    return any(k in os.environ for k in ("VOILA_KERNEL_ID", "VOILA_BASE_URL", "VOILA_PREHEAT"))


def query_string() -> str:
    """The page's query string; with preheated kernels, wait for the real request first."""
    wait_for_request()  # our own: voila.utils would cost each kernel 73 MB (request.py)
    return os.environ.get("QUERY_STRING", "")


def table_from_query(query: str) -> str | None:
    values = parse_qs(query).get("table", [])
    name = " ".join(values[0].split())[:MAX_TABLE_NAME] if values else ""
    return name or None


def access_from_query(query: str, secret: str | None = None) -> Access | None:
    """Who a served page acts for: only the server's signed grant says (None: no valid grant)."""
    return read_grant(query, os.environ.get(SECRET_ENV) if secret is None else secret)


@dataclass
class PageContext:
    """What a stage page needs: the open workshop, who it acts for, and whether it is served.

    A served page's access is known only once its request has come (`wait_for_access`): with
    pre-heated kernels, everything before that is done while the kernel waits in the pool.
    Outside Voila (a notebook, JupyterLab, a test) the person at the machine is the
    facilitator, at the big screen or acting at the named table.
    """

    workshop: Workshop
    table: str | None
    served: bool
    waiting: bool = False  # True until wait_for_access() has read the request
    access: Access | None = None  # None on a served page without a valid grant

    def __post_init__(self) -> None:
        if not self.waiting and self.access is None and not self.served:
            self.access = for_label(self.table)

    @property
    def actor(self) -> str:
        # Undo is per actor, so each table undoes its own last action, not another table's.
        return self.access.actor if self.access else "nobody"

    def wait_for_access(self) -> Access | None:
        """Wait for the page's request (pre-heated kernels) and read who it acts for."""
        if self.waiting:
            query = query_string()
            if self.served:
                self.access = access_from_query(query)
            else:
                self.access = for_label(table_from_query(query))
            self.table = self.access.label if self.access else None
            self.waiting = False
        return self.access


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

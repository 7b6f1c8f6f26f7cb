"""Roles in the room and what each may do: the facilitator, a table, a tender panel member."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from workbook.steps import FACILITATOR_PAGES


class Role(StrEnum):
    FACILITATOR = "facilitator"
    TABLE = "table"
    MEMBER = "member"


ROLE_NAMES = {
    Role.FACILITATOR: "the facilitator",
    Role.TABLE: "a table",
    Role.MEMBER: "a panel member",
}

# The one page a panel member's link opens.
MEMBER_PAGE = "tender_scoring.ipynb"


def table_may_open(page: str) -> bool:
    """True when a table's link may open ``page`` (a file name): every page but the tender
    page (a member's) and the steps' facilitator-only pages (Prepare)."""
    return page != MEMBER_PAGE and page not in FACILITATOR_PAGES


@dataclass(frozen=True)
class Access:
    """Who a page acts for. ``who`` identifies (a table laptop's session, a member's id);
    ``label`` is only a name to show (a table's name, a member's name)."""

    role: Role
    who: str = ""
    label: str | None = None

    @property
    def is_facilitator(self) -> bool:
        return self.role is Role.FACILITATOR

    @property
    def is_table(self) -> bool:
        return self.role is Role.TABLE

    @property
    def is_member(self) -> bool:
        return self.role is Role.MEMBER

    @property
    def member_id(self) -> int | None:
        return int(self.who) if self.is_member and self.who.isdigit() else None

    @property
    def actor(self) -> str:
        """The name history and undo keep: a table's name plus its laptop, so two laptops
        calling themselves "Red" each undo only their own changes."""
        if self.is_facilitator:
            return self.label or "Big screen"
        if self.is_table:
            return f"{self.label or 'Table'} · laptop {self.who[:6]}"
        return self.label or f"Panel member {self.who}"

    def with_label(self, label: str | None) -> Access:
        return Access(self.role, self.who, label)


FACILITATOR = Access(Role.FACILITATOR)


def for_label(table: str | None) -> Access:
    """The access of a page outside a served room (a notebook, JupyterLab, a test): the
    person at the machine is the facilitator, at the big screen or acting at a named table."""
    return Access(Role.FACILITATOR, "", table)

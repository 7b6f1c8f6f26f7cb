"""The room's doors, in the Voila server: who a request is (a key, then a signed cookie), and
the signed grant each page's kernel receives. No ipywidgets here: this runs in the server.

- Served only on this machine (``open_room`` False), the person at the machine is the
  facilitator and no key is needed (a member's link still makes a member).
- Served to the room's network, every request needs a key, from this machine too: the
  facilitator's, the tables' (one link for every table; each laptop gets a session of its own,
  so a table undoes only its own changes) or a panel member's own. A key is checked once, then
  the login cookie (signed with the server's secret) carries who it is.
- ``?table=`` is a label: a table's name, remembered in its cookie. It never makes anyone a
  member, and the facilitator's page ignores it on the tender page.
"""

from __future__ import annotations

import html
import os
import secrets
from contextvars import ContextVar
from typing import Any
from urllib.parse import parse_qsl, quote

from jupyter_server.auth.authorizer import Authorizer
from jupyter_server.auth.identity import IdentityProvider, User
from tornado import web
from traitlets import Bool

from workbook.access import grants, keys
from workbook.access.roles import MEMBER_PAGE, Access, Role, table_may_open
from workbook.steps import FACILITATOR_PAGES, STEPS, new_page

_CACHE: dict[str, Any] = {}
# Who is asking, while a page request is handled: the kernel handed to it becomes theirs.
REQUEST_USER: ContextVar[str | None] = ContextVar("wtfc_request_user", default=None)


def _store():
    """The workshop's store, opened once per server (the location comes from ``wtfc serve``)."""
    if "store" not in _CACHE:
        from workbook import Workshop

        _CACHE["store"] = Workshop.open(os.environ["WTFC_WORKSHOP"]).store
    return _CACHE["store"]


def user_for(access: Access, label: str | None = None) -> User:
    username = access.role.value if access.is_facilitator else f"{access.role.value}:{access.who}"
    name = label or access.label or ""
    return User(username, name, name, None, None, None)


def access_of(user: User | None) -> Access | None:
    """The access a logged-in user has (labels included: a table's remembered name)."""
    if user is None:
        return None
    role, _, who = user.username.partition(":")
    if role not in {r.value for r in Role}:
        return None
    # Jupyter's User fills an empty name with the username: that is no label.
    label = user.name if user.name != user.username else None
    return Access(Role(role), who, grants.clean_label(label))


class RoomIdentityProvider(IdentityProvider):
    """Identifies requests by the room's keys (workbook.access.keys) instead of one token."""

    open_room = Bool(False, config=True, help="Require a key on every request (the room's "
                                              "network); False: this machine only.")

    @property
    def auth_enabled(self) -> bool:
        return True  # never Jupyter's anonymous users: every user is one of our roles

    @property
    def login_available(self) -> bool:
        return self.open_room

    def _typed_key(self, handler: web.RequestHandler) -> str | None:
        return handler.get_argument("key", None) or super().get_token(handler)

    def _key_user(self, key: str, cookie_user: User | None) -> User | None:
        with _store().read() as conn:
            access = keys.lookup(conn, key)
        if access is None:
            return None
        if access.is_table:
            known = access_of(cookie_user)
            if known is not None and known.is_table:
                return cookie_user  # the same laptop scanning the code again keeps its session
            access = Access(Role.TABLE, secrets.token_hex(8))
        return user_for(access)

    def _still_valid(self, user: User | None) -> User | None:
        access = access_of(user)
        if access is None:
            return None
        if access.is_member:  # a member whose link was withdrawn is logged out
            with _store().read() as conn:
                live = keys.member_keys_live(conn, access.member_id)
            return user if live else None
        return user

    async def _get_user(self, handler: web.RequestHandler) -> User | None:
        if getattr(handler, "_jupyter_current_user", None):
            return handler._jupyter_current_user  # type: ignore[attr-defined]
        cookie_user = self._still_valid(self.get_user_cookie(handler))  # type: ignore[arg-type]
        key = self._typed_key(handler)
        key_user = self._key_user(key, cookie_user) if key else None
        user = key_user or cookie_user
        if key_user is not None:
            handler._token_authenticated = True  # type: ignore[attr-defined]
            if key_user != cookie_user:
                self.set_login_cookie(handler, key_user)
        if user is None and not self.open_room:
            user = user_for(Access(Role.FACILITATOR))  # the person at this machine
        if user is None and handler.get_cookie(self.get_cookie_name(handler)) is not None:
            self.clear_login_cookie(handler)
        return user

    def process_login_form(self, handler: web.RequestHandler) -> User | None:
        typed = handler.get_argument("password", default="")
        return self._key_user(typed, None) if typed else None

    def remember_label(self, handler: web.RequestHandler, label: str) -> User:
        """Keep a table's name in its cookie, so every page it opens knows it."""
        user = handler.current_user
        named = user_for(access_of(user), label)  # type: ignore[arg-type]
        self.set_login_cookie(handler, named)
        handler._jupyter_current_user = named  # type: ignore[attr-defined]
        return named

    def validate_security(self, app: Any, ssl_options: dict | None = None) -> None:
        if self.open_room:
            app.log.info("Every request needs a key from the room's links.")


def moved_to(path: str, query: str) -> str | None:
    """Where an old page's address now leads (the page of its step, with the same query:
    a key, a table, a theme), or None when ``path`` is not an old page. Checked before the
    grant replaces the query, so the new page's request is checked like any other."""
    if "/" in path:
        return None  # the pages sit at the top of the served folder
    moved = new_page(path)
    if moved is None:
        return None
    return moved + (f"?{query}" if query else "")


def page_access(handler: web.RequestHandler, path: str) -> Access:
    """The access a page request is granted, after the room's rules; raises ``Refused``."""
    access = access_of(handler.current_user)
    if access is None:
        raise Refused(403, "This page needs a link from the facilitator.")
    name = path.rsplit("/", 1)[-1]
    typed = grants.clean_label(handler.get_argument("table", None))
    if access.is_member:
        if name != MEMBER_PAGE:
            raise Refused(403, "Your link opens the tender scoring page only.")
        return access  # the kernel takes the member's name from the store, by id
    if access.is_table:
        if name == MEMBER_PAGE:
            raise Refused(403, "The tender page opens from a panel member's own link.")
        if not table_may_open(name):
            raise Refused(403, "This page is the facilitator's: the big screen shows what "
                               "it holds.")
        if typed and typed != access.label:
            provider = handler.identity_provider  # type: ignore[attr-defined]
            access = access_of(provider.remember_label(handler, typed))
        if not access.label:
            raise NameFirst(path)
        return access
    return access.with_label(typed)


class Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class NameFirst(Exception):
    """A table's laptop must give its table's name before opening a page."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


def refusal_page(message: str, base_url: str) -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>Not for this link</title></head>"
        "<body style='font:1.4rem/1.5 system-ui,sans-serif;margin:2rem;max-width:40rem'>"
        f"<main><h1>Not for this link</h1><p>{html.escape(message)}</p>"
        f"<p><a href='{html.escape(base_url)}'>Back to the workshop pages</a></p></main>"
        "</body></html>"
    )


def grant(handler: web.RequestHandler, access: Access) -> None:
    """Replace the request's query with the server's signed grant for the page's kernel."""
    handler.request.query = grants.granted_query(
        handler.request.query, access, os.environ[grants.SECRET_ENV])
    # Voila also hands the kernel the full address (VOILA_REQUEST_URL): no key in it either.
    handler.request.uri = f"{handler.request.path}?{handler.request.query}"


def tree_namespace(handler: web.RequestHandler) -> dict[str, Any]:
    """What our tree page needs to know: the visitor's role, table name and where next."""
    access = access_of(handler.current_user)
    typed = grants.clean_label(handler.get_argument("table", None))
    if access is not None and access.is_table and typed and typed != access.label:
        access = access_of(handler.identity_provider.remember_label(handler, typed))  # type: ignore[attr-defined]
    asked = dict(parse_qsl(handler.request.query))
    # the page links carry on the rest of the query (e.g. a theme), never keys or our fields
    ours = ("next", "rename", "table") if access is not None and access.is_table else (
        "next", "rename")  # a table's name is in its cookie; the facilitator's travels along
    fields = [(k, v) for k, v in grants.strip(handler.request.query) if k not in ours]
    handler.request.query = "&".join(f"{quote(k)}={quote(v)}" for k, v in fields)
    nxt = asked.get("next", "")
    return {
        "wtfc_role": access.role.value if access else "",
        "wtfc_label": None if access is None or "rename" in asked else access.label,
        "wtfc_next": nxt if nxt.endswith(".ipynb") and "/" not in nxt else "",
        # each step's page by its number and name; the pages a table's link never opens
        "wtfc_titles": {s.page: s.title for s in STEPS},
        "wtfc_hidden": ([] if access is None or not access.is_table else
                        [MEMBER_PAGE, *sorted(FACILITATOR_PAGES)]),
    }


def may_use_kernel(handler: Any, user: User | None, kernel_id: str | None) -> bool:
    """A page's kernel is its visitor's: another table (or a member) that learnt its id may
    not connect to it, ask about it or shut it down. The facilitator may."""
    access = access_of(user)
    if access is None:
        return False
    if access.is_facilitator:
        return True
    owners = getattr(handler.kernel_manager, "owners", {})
    return kernel_id is not None and owners.get(kernel_id) == user.username  # type: ignore[union-attr]


class RoomAuthorizer(Authorizer):
    """Jupyter's per-request check, for kernels: only the visitor a kernel was handed to."""

    def is_authorized(self, handler: Any, user: User, action: str, resource: str) -> bool:
        if resource != "kernels":
            return True
        kernel_id = (getattr(handler, "kernel_id", None) or handler.path_kwargs.get("kernel_id")
                     or next(iter(handler.path_args), None))
        return may_use_kernel(handler, user, kernel_id)

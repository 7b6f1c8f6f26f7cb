"""The grant the server adds to a page's request, and the page's kernel checks: who it acts for.

The server knows who is asking (a key, then a signed login cookie). It removes from the query
string anything that names a role, then adds its own signed ``wtfc_*`` fields; the kernel
accepts them only with a valid signature made with the secret both inherit from ``wtfc
serve``. A name typed into the address (``?table=``) stays a label.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from urllib.parse import parse_qsl, urlencode

from workbook.access.roles import Access, Role

SECRET_ENV = "WTFC_GRANT_SECRET"
FIELDS = ("wtfc_role", "wtfc_who", "wtfc_label", "wtfc_sig")
# Never passed on to a page: keys (ours and Jupyter's token) and anything posing as a grant.
STRIPPED = frozenset({"key", "token", *FIELDS})
MAX_LABEL = 40


def new_secret() -> str:
    return secrets.token_hex(32)


def clean_label(value: str | None) -> str | None:
    name = " ".join((value or "").split())[:MAX_LABEL]
    return name or None


def _signature(secret: str, role: str, who: str, label: str) -> str:
    message = "\x1f".join((role, who, label)).encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def strip(query: str) -> list[tuple[str, str]]:
    """The query's fields without keys or grant fields."""
    return [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k not in STRIPPED]


def granted_query(query: str, access: Access, secret: str) -> str:
    """``query`` without keys or forged grants, with the server's signed grant added."""
    label = access.label or ""
    fields = [*strip(query), ("wtfc_role", access.role.value), ("wtfc_who", access.who),
              ("wtfc_label", label),
              ("wtfc_sig", _signature(secret, access.role.value, access.who, label))]
    return urlencode(fields)


def read_grant(query: str, secret: str | None) -> Access | None:
    """The access the server granted this page, or None (no grant, or a forged one)."""
    if not secret:
        return None
    values = dict(parse_qsl(query, keep_blank_values=True))
    role, who, label, sig = (values.get(k, "") for k in FIELDS)
    if not sig or role not in {r.value for r in Role}:
        return None
    if not hmac.compare_digest(sig, _signature(secret, role, who, label)):
        return None
    return Access(Role(role), who, label or None)


QUERY_HEADER = "X-Wtfc-Query"  # on a pre-heated kernel's socket for its request


def query_token(secret: str, kernel_id: str) -> str:
    """What a pre-heated kernel shows Voila to be told its visitor's request: only the
    kernels the server started hold the secret, so nobody on the room's network can take a
    kernel's request (its grant) or keep the kernel from getting it."""
    return hmac.new(secret.encode(), f"query\x1f{kernel_id}".encode(),
                    hashlib.sha256).hexdigest()


def query_allowed(secret: str | None, kernel_id: str, token: str | None) -> bool:
    """True when ``token`` is ``kernel_id``'s (always, when the server has no secret)."""
    if not secret:
        return True
    return bool(token) and hmac.compare_digest(query_token(secret, kernel_id), token or "")

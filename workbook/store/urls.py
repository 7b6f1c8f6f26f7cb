"""Database addresses without their passwords: for messages, logs and ``workshop.json``.

A PostgreSQL password belongs in the environment (``PGPASSWORD``) or in libpq's password
file (``~/.pgpass``, or the file ``PGPASSFILE`` names, readable only by its owner: libpq
ignores it otherwise). psycopg 3 reads both, so an address without a password connects.
Never on a command line (every user of the machine can read it in the process list), in a
log, or in ``workshop.json``.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

MASK = "***"
# libpq's names for a password in the query string (postgresql://host/db?password=...)
_QUERY_SECRETS = frozenset({"password", "passfile_password", "sslpassword"})

HOW_TO_GIVE_A_PASSWORD = (
    "Leave the password out of the address (postgresql://USER@HOST/DATABASE) and give it "
    "in the environment (PGPASSWORD) or in a password file only you can read: ~/.pgpass, "
    "or the file PGPASSFILE names (one line HOST:PORT:DATABASE:USER:PASSWORD; chmod 600)."
)


def _split(url: str):
    try:
        return urlsplit(url)
    except ValueError:
        return None


def has_password(url: str) -> bool:
    """True if ``url`` carries a password (after ``user:`` or as ``?password=``)."""
    parts = _split(url) if "://" in url else None
    if parts is None:
        return False
    if parts.password is not None:
        return True
    return any(k.lower() in _QUERY_SECRETS for k, _v in parse_qsl(parts.query, True))


def _rebuild(parts, password: str | None, query_value: str | None) -> str:
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        user = userinfo.split(":", 1)[0]
        if password is not None and ":" in userinfo:
            user = f"{user}:{password}"
        netloc = f"{user}@{host}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, True)
        kept = [
            (k, v) if k.lower() not in _QUERY_SECRETS else (k, query_value)
            for k, v in pairs
            if k.lower() not in _QUERY_SECRETS or query_value is not None
        ]
        query = urlencode(kept, safe="*")
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def mask_url(text: str) -> str:
    """``text`` with any password in a URL shown as ``***``: postgresql://user:***@host/db.
    Text that is not a URL (a folder) comes back as it is."""
    if "://" not in text:
        return text
    parts = _split(text)
    if parts is None or not parts.scheme:
        # not parseable as one URL: mask user:password@ wherever it appears
        return re.sub(r"(://[^/:@\s]*):[^@\s]*@", rf"\1:{MASK}@", text)
    if not has_password(text):
        return text
    return _rebuild(parts, MASK, MASK)


def without_password(url: str) -> str:
    """``url`` with its password removed (the user name is kept)."""
    parts = _split(url) if "://" in url else None
    if parts is None or not has_password(url):
        return url
    return _rebuild(parts, None, None)

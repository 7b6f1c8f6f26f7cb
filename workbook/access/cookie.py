"""The secret the room's login cookies are signed with, kept with the room's keys (schema 15)."""

from __future__ import annotations

import os
import secrets
from collections.abc import MutableMapping

from sqlalchemy import Connection, delete, select

from workbook.access.secret_schema import access_secrets
from workbook.store.transactions import Store, now

# Voila makes a new cookie secret at every start: a restarted server logged every table and
# member out. Kept in the store (never exported), a restart keeps their sessions; new keys
# (`wtfc serve --new-keys`, or a kept key replaced) end them.
COOKIE = "cookie"
# `wtfc serve` hands it to its Voila here (never the command line); Voila takes it out of
# its environment before any kernel starts, so no page's kernel inherits it.
SECRET_ENV = "WTFC_COOKIE_SECRET"
SECRET_BYTES = 32


def new_room_secret(conn: Connection) -> str:
    """A fresh cookie secret: every login made before (every laptop's session) ends."""
    value = secrets.token_hex(SECRET_BYTES)
    conn.execute(delete(access_secrets).where(access_secrets.c.name == COOKIE))
    conn.execute(access_secrets.insert().values(name=COOKIE, value=value, created_at=now()))
    return value


def room_secret(conn: Connection) -> str:
    """The cookie secret kept from the last time the room was served, else a new one."""
    c = access_secrets.c
    kept = conn.execute(select(c.value).where(c.name == COOKIE)).scalar()
    return kept or new_room_secret(conn)


def kept_secret(store: Store) -> str:
    with store.engine.begin() as conn:
        return room_secret(conn)


def take_from_env(environ: MutableMapping[str, str] | None = None) -> bytes | None:
    """Remove the secret from ``environ`` (default: this process's) and return it as the
    bytes Voila signs cookies with; None when it is absent or malformed (Voila's own)."""
    env = os.environ if environ is None else environ
    value = env.pop(SECRET_ENV, None)
    try:
        secret = bytes.fromhex(value or "")
    except ValueError:
        return None
    return secret if len(secret) >= SECRET_BYTES else None

"""Keys the program makes for the room's links, kept in the workshop's store, and looked up."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterable

from sqlalchemy import Connection, select, update

from workbook.access import cookie
from workbook.access.roles import Access, Role
from workbook.access.schema import access_keys
from workbook.model import InputError
from workbook.store.transactions import now

# A table key is read off the big screen and may be typed: 12 characters from an alphabet
# without look-alikes (0/O, 1/I/L) is 60 bits, in three groups of four.
TABLE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
TABLE_KEY_CHARS = 12
# A key someone chooses (from the environment or a file) must be at least this long.
MIN_CHOSEN_KEY = 16
MAX_KEY = 128


def canonical(key: str) -> str:
    """The key as compared: spaces and hyphens dropped (a typed table key may keep them)."""
    return "".join(c for c in key if not c.isspace() and c != "-")


def table_key() -> str:
    raw = "".join(secrets.choice(TABLE_ALPHABET) for _ in range(TABLE_KEY_CHARS))
    return "-".join(raw[i:i + 4] for i in range(0, TABLE_KEY_CHARS, 4))


def long_key() -> str:
    """A key nobody types (the facilitator's, a member's): 144 random bits."""
    return secrets.token_urlsafe(18)


def check_chosen_key(key: str, what: str) -> str:
    """A key given by a person: long enough, printable, no spaces. Returns it stripped."""
    key = key.strip()
    if len(canonical(key)) < MIN_CHOSEN_KEY:
        raise InputError(f"The {what} is too short: use at least {MIN_CHOSEN_KEY} characters "
                         "(or leave it unset and a strong one is made for you).")
    if len(key) > MAX_KEY or any(c.isspace() or not c.isprintable() for c in key):
        raise InputError(f"The {what} must be one word of at most {MAX_KEY} printable "
                         "characters with no spaces.")
    return key


def active(conn: Connection, role: Role, who: str = "") -> str | None:
    c = access_keys.c
    return conn.execute(
        select(c.key).where(c.role == role.value, c.who == who, c.revoked.is_(False))
        .order_by(c.id.desc()).limit(1)
    ).scalar()


def _replace(conn: Connection, role: Role, who: str, key: str) -> str:
    c = access_keys.c
    conn.execute(update(access_keys).where(c.role == role.value, c.who == who)
                 .values(revoked=True))
    conn.execute(access_keys.insert().values(role=role.value, who=who, key=key,
                                             created_at=now(), revoked=False))
    return key


def room_keys(conn: Connection, facilitator: str | None = None,
              table: str | None = None) -> tuple[str, str]:
    """The facilitator's and the tables' keys: the ones given (already checked), else the
    ones kept from the last time this workshop was served, else new ones."""
    keys, withdrawn = [], False
    for role, given, make in ((Role.FACILITATOR, facilitator, long_key),
                              (Role.TABLE, table, table_key)):
        kept = active(conn, role)
        if given is not None and given != kept:
            keys.append(_replace(conn, role, "", given))
            withdrawn = withdrawn or kept is not None
        else:
            keys.append(kept or _replace(conn, role, "", make()))
    # the logins made with a withdrawn key end with it (the cookie says a role, not a key)
    if withdrawn:
        cookie.new_room_secret(conn)
    else:
        cookie.room_secret(conn)
    return keys[0], keys[1]


def new_room_keys(conn: Connection) -> tuple[str, str]:
    """Fresh keys for the room: every link handed out before, and every login, stops working."""
    cookie.new_room_secret(conn)
    return (_replace(conn, Role.FACILITATOR, "", long_key()),
            _replace(conn, Role.TABLE, "", table_key()))


def member_keys(conn: Connection, member_ids: Iterable[int]) -> dict[int, str]:
    """Each member's personal key, made the first time it is asked for."""
    out = {}
    for member_id in member_ids:
        who = str(member_id)
        out[member_id] = active(conn, Role.MEMBER, who) or _replace(
            conn, Role.MEMBER, who, long_key())
    return out


def revoke_member(conn: Connection, member_id: int) -> None:
    c = access_keys.c
    conn.execute(update(access_keys).where(c.role == Role.MEMBER.value,
                                           c.who == str(member_id)).values(revoked=True))


def lookup(conn: Connection, key: str) -> Access | None:
    """The access a key gives, or None. Compared in constant time against every live key
    (a handful), so the time taken says nothing about how close a guess was."""
    typed = canonical(key)
    exact = "".join(key.split())  # long keys are never typed: their "-" is one of 64 signs
    if not typed or len(exact) > MAX_KEY:
        return None
    c = access_keys.c
    rows = conn.execute(select(c.role, c.who, c.key).where(c.revoked.is_(False))).all()
    found = None
    for role, who, stored in rows:
        if role == Role.TABLE.value:  # typed from the screen: any case, dashes or spaces
            match = hmac.compare_digest(typed.upper().encode(), canonical(stored).upper().encode())
        else:
            match = hmac.compare_digest(exact.encode(), stored.encode())
        if match and found is None:
            found = Access(Role(role), who)
    return found


def member_keys_live(conn: Connection, member_id: int | None) -> bool:
    """Whether a member still has a live key (their link was not withdrawn)."""
    return member_id is not None and active(conn, Role.MEMBER, str(member_id)) is not None

"""The room's links: the keys (chosen in the environment or a file, else made and kept in the
workshop's store) and the addresses the facilitator hands out."""

from __future__ import annotations

import os
import socket
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from workbook.access import keys
from workbook.model import InputError

FACILITATOR_KEY_ENV = "WTFC_FACILITATOR_KEY"
TABLE_KEY_ENV = "WTFC_TABLE_KEY"
MAX_KEY_FILE = 4096


@dataclass(frozen=True)
class RoomLinks:
    facilitator: str  # opens everything: keep it to yourself
    table: str  # every table's laptop or phone: shown as a QR code on the big screen
    base: str  # the address without a key (for members' links)


def room_host(host: str) -> str:
    """The address other machines use: for 0.0.0.0 / :: this machine's address on the room's
    network (found by asking the system which interface it would use; nothing is sent)."""
    if host not in ("0.0.0.0", "::", ""):
        return host
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: routing lookup only
            return s.getsockname()[0]
        except OSError:
            return socket.gethostname()


def base_url(host: str, port: int) -> str:
    shown = room_host(host)
    shown = f"[{shown}]" if ":" in shown else shown
    return f"http://{shown}:{port}/"


def link(base: str, key: str, path: str = "") -> str:
    return f"{base}{path}?key={quote(key, safe='-')}"


def read_key_file(path: str | Path, what: str) -> str:
    """A key from a file only its owner can read (like ~/.ssh keys): first line, stripped."""
    p = Path(path).expanduser()
    try:
        info = p.stat()
    except OSError as e:
        raise InputError(f"Cannot read the {what} file {p}: {e.strerror}.") from None
    if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise InputError(f"The {what} file {p} can be read by other users of this machine. "
                         f"Make it private first: chmod 600 {p}")
    if info.st_size > MAX_KEY_FILE:
        raise InputError(f"The {what} file {p} is too big to hold a key.")
    return keys.check_chosen_key(p.read_text(encoding="utf-8").split("\n", 1)[0], what)


def chosen_key(env_name: str, file: str | None, what: str) -> str | None:
    if file:
        return read_key_file(file, what)
    value = os.environ.get(env_name)
    return keys.check_chosen_key(value, what) if value else None


def room_links(store, host: str, port: int, *, facilitator_file: str | None = None,
               table_file: str | None = None, renew: bool = False) -> RoomLinks:
    """The facilitator's and the tables' links for this workshop served on ``host:port``."""
    facilitator = chosen_key(FACILITATOR_KEY_ENV, facilitator_file, "facilitator key")
    table = chosen_key(TABLE_KEY_ENV, table_file, "table key")
    with store.engine.begin() as conn:
        if renew and facilitator is None and table is None:
            fkey, tkey = keys.new_room_keys(conn)
        else:
            fkey, tkey = keys.room_keys(conn, facilitator, table)
    base = base_url(host, port)
    return RoomLinks(link(base, fkey), link(base, tkey), base)

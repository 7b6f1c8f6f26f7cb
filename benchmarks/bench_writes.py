"""8 processes x 500 single-row writes to one workshop, against raw sqlite3 doing the same."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from workbook import Workshop
from workbook.store.db import normalise_url

from .common import row

PROCESSES, WRITES = 8, 500

# Each writer gets ready (imports, connects), then waits for the go file, so that only the
# writes are timed, not Python start-up.
WAIT = "import os, time\nwhile not os.path.exists(sys.argv[4]): time.sleep(0.002)\n"
OURS = (
    textwrap.dedent("""
    import sys
    from workbook import Workshop
    ws = Workshop.open(sys.argv[1])
    ws.revision
""")
    + WAIT
    + textwrap.dedent("""
    for i in range(int(sys.argv[3])):
        ws.add_statement(f"R-{sys.argv[2]}", "working", "person", f"{sys.argv[2]} {i}",
                         actor=sys.argv[2])
""")
)
RAW = (
    textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], timeout=60, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL"); conn.execute("PRAGMA synchronous=NORMAL")
""")
    + WAIT
    + textwrap.dedent("""
    for i in range(int(sys.argv[3])):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (who, text) VALUES (?, ?)", (sys.argv[2], f"{i}"))
        conn.execute("COMMIT")
""")
)


def _spawn(code: str, target: str, tmp: Path) -> float:
    go = tmp / f"go-{time.monotonic_ns()}"
    procs = [
        subprocess.Popen([sys.executable, "-c", code, target, f"P{p}", str(WRITES), str(go)])
        for p in range(PROCESSES)
    ]
    time.sleep(8)  # let every writer import and connect
    start = time.perf_counter()
    go.touch()
    if any(p.wait() != 0 for p in procs):
        raise RuntimeError("a writer process failed")
    return time.perf_counter() - start


def _admin(admin_url: str):
    from sqlalchemy import create_engine

    return create_engine(normalise_url(admin_url), isolation_level="AUTOCOMMIT")


def _fresh_database(admin_url: str) -> str:
    """A throwaway database beside the admin one, so each run starts empty."""
    from sqlalchemy import text

    name = f"wtfc_bench_{time.monotonic_ns()}"
    with _admin(admin_url).connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    return normalise_url(admin_url).rsplit("/", 1)[0] + "/" + name


def _drop_database(admin_url: str, url: str) -> None:
    from sqlalchemy import text

    with _admin(admin_url).connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))


def run(postgres_url: str | None = None) -> list[dict]:
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.sqlite"
        conn = sqlite3.connect(raw)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, who TEXT, text TEXT)")
        conn.commit()
        conn.close()
        base = _spawn(RAW, str(raw), Path(tmp))
        targets = [("SQLite", None)] + ([("PostgreSQL", postgres_url)] if postgres_url else [])
        for label, admin_url in targets:
            url = _fresh_database(admin_url) if admin_url else None
            ws = Workshop.create(Path(tmp) / label, "Bench", db_url=url)
            seconds = _spawn(OURS, str(ws.folder), Path(tmp))
            found = len(ws.statements)
            lost = PROCESSES * WRITES - found
            ws.close()
            if admin_url:
                _drop_database(admin_url, url)
            results.append(
                row(
                    f"{PROCESSES} processes x {WRITES} writes ({label})",
                    seconds,
                    base,
                    f"{PROCESSES * WRITES / seconds:,.0f} writes/s; lost writes: {lost}; "
                    f"baseline: raw sqlite3 INSERT per transaction, same processes",
                )
            )
    return results

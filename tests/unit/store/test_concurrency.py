"""Several processes writing at once, and a process killed mid-import: nothing lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from workbook import Workshop

pytestmark = pytest.mark.slow

WRITER = textwrap.dedent(
    """
    import sys
    from workbook import Workshop
    folder, who, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    ws = Workshop.open(folder)
    for i in range(n):
        ws.add_statement(f"R-{who}", "working", "person", f"{who} says {i}", actor=who)
    ws.add_theme(f"Theme of {who}")
    """
)


def _run_writers(folder, processes: int, writes: int) -> None:
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(folder), f"P{p}", str(writes)])
        for p in range(processes)
    ]
    codes = [p.wait(timeout=300) for p in procs]
    assert codes == [0] * processes


def test_four_processes_write_at_once_and_every_write_arrives(tmp_path, db_url):
    ws = Workshop.create(tmp_path / "ws", "Busy", db_url=db_url)
    start = ws.revision
    _run_writers(ws.folder, processes=4, writes=100)
    st = ws.statements
    assert len(st) == 400
    assert st.groupby("review").size().to_dict() == {f"R-P{p}": 100 for p in range(4)}
    assert sorted(ws.themes["name"]) == [f"Theme of P{p}" for p in range(4)]
    # 400 statements + 4 themes, each its own transaction and its own revision.
    assert ws.revision == start + 404
    ws.close()


KILLED_IMPORT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from sqlalchemy import event
    from workbook import Workshop, StatementIn
    folder, marker = sys.argv[1], Path(sys.argv[2])
    ws = Workshop.open(folder)
    items = [StatementIn.parse(f"R-{i % 500}", "working", "person", f"s {i}") for i in range(20000)]

    @event.listens_for(ws.store.engine, "after_execute")
    def _after(conn, clauseelement, multiparams, params, execution_options, result):
        # The first chunk of statements is written but not committed: stop here and wait.
        if getattr(clauseelement, "table", None) is not None and \\
                clauseelement.table.name == "statements" and multiparams:
            marker.write_text("inside")
            time.sleep(60)

    ws.import_statements(items, source="big.csv")
    """
)


def test_killed_mid_import_leaves_store_consistent(tmp_path, db_url):
    ws = Workshop.create(tmp_path / "ws", "Crash", db_url=db_url)
    ws.add_statement("R-0", "working", "person", "before the crash")
    marker = tmp_path / "marker"
    proc = subprocess.Popen([sys.executable, "-c", KILLED_IMPORT, str(ws.folder), str(marker)])
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert proc.poll() is None, "the import finished or failed before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    if ws.store.dialect == "postgresql":
        time.sleep(0.5)  # the server notices the dropped connection and rolls back
    again = Workshop.open(ws.folder)
    assert again.statements["text"].tolist() == ["before the crash"]
    # The store still takes writes, and the same import now goes through whole.
    again.add_statement("R-1", "future", "person", "after the crash")
    from workbook import StatementIn

    items = [StatementIn.parse(f"R-{i % 500}", "working", "person", f"s {i}") for i in range(20000)]
    assert again.import_statements(items, source="big.csv").added == 20000
    assert len(again.statements) == 20002
    again.close()
    ws.close()

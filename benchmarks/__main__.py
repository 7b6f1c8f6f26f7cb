"""Run every benchmark: `python -m benchmarks` (or `make bench`); prints a Markdown table."""

from __future__ import annotations

import argparse
import json
import os
import platform
from datetime import UTC, datetime
from pathlib import Path

from . import (
    bench_easy_read,
    bench_import,
    bench_pages,
    bench_report,
    bench_room,
    bench_search,
    bench_theme,
    bench_wire,
    bench_writes,
)

SUITES = {"import": bench_import.run, "writes": bench_writes.run, "theme": bench_theme.run,
          "search": bench_search.run, "pages": bench_pages.run, "wire": bench_wire.run,
          "report": bench_report.run, "room": bench_room.run, "easy-read": bench_easy_read.run}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("only", nargs="*", choices=[*SUITES, []], help="suites to run")
    parser.add_argument("--postgres", default=os.environ.get("WTFC_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    rows = []
    for name in args.only or list(SUITES):
        fn = SUITES[name]
        rows += fn(args.postgres) if name == "writes" else fn()
    print(
        f"\n{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}\n"
    )
    print("| benchmark | seconds | baseline (s) | ratio | note |")
    print("|---|---:|---:|---:|---|")
    for r in rows:
        print(
            f"| {r['benchmark']} | {r['seconds']} | {r['baseline_seconds']} | {r['ratio']} | "
            f"{r['note']} |"
        )
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()

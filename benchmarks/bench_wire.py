"""A table laptop on a hall's network: bytes on the wire and time to render, per page.

Serves the pages as `wtfc serve` does (with a one-button baseline notebook beside them) and
opens each page in Chromium: cold (a new browser profile) without throttling to count bytes;
then a second page on the same profile (warm); then cold again at 4 and at 1.5 Mbit/s
(Chromium's throttling through DevTools, 80 ms latency) to time the render. Goals (issue 6):
a cold page at most 1.5 MB, and every page renders at 1.5 Mbit/s. The ratio column compares
each page with the one-button baseline measured in the same run.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
from pathlib import Path

from . import netload
from .bench_pages import BASELINE, CHROMIUM_ARGS, baseline_notebook
from .common import row

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["00_workshop.ipynb", "02_collect.ipynb", "03_theme.ipynb", "04_understand.ipynb"]
BASELINE_READY = "button:has-text('Baseline button')"


def _serve(nb_dir: Path, workshop: Path, log_path: Path) -> tuple[subprocess.Popen, str]:
    from workbook.serving.serve import (
        WORKSHOP_ENV,
        find_free_port,
        jupyter_path_env,
        voila_command,
        write_kernelspec,
    )

    port = find_free_port()
    env = jupyter_path_env(first=write_kernelspec(nb_dir.parent / "kernelspec"))
    env[WORKSHOP_ENV] = str(workshop)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    log = log_path.open("w")
    proc = subprocess.Popen(voila_command(nb_dir, port), cwd=str(nb_dir), env=env, stdout=log,
                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        text = log_path.read_text(errors="replace")
        if all(f"Kernel pool of {nb} is filled" in text for nb in [BASELINE, *PAGES]):
            return proc, base
        time.sleep(0.5)
    proc.terminate()
    raise RuntimeError("Voila did not heat its kernels within 180 s")


def _wait_refill(log_path: Path, nb: str, fills: int, timeout: float = 180.0) -> int:
    """Wait until Voila has heated a new kernel for ``nb`` (its log line count passes
    ``fills``), so every cold load finds a heated kernel as a room's first load would."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        count = log_path.read_text(errors="replace").count(f"Kernel pool of {nb} is filled")
        if count > fills:
            return count
        time.sleep(0.3)
    return fills


def _ready(nb: str) -> str:
    return BASELINE_READY if nb == BASELINE else netload.RENDERED


def measure() -> dict[str, dict[str, float | None]]:
    from playwright.sync_api import sync_playwright

    from workbook.paths import notebooks_dir
    from workbook.sample import build_sample

    results: dict[str, dict[str, float | None]] = {}
    with tempfile.TemporaryDirectory(prefix="wtfc-bench-wire-") as tmp:
        tmp_path = Path(tmp)
        nb_dir = tmp_path / "pages"
        nb_dir.mkdir()
        pages = [nb for nb in PAGES if (notebooks_dir() / nb).exists()]
        for nb in pages:
            (nb_dir / nb).write_bytes((notebooks_dir() / nb).read_bytes())
        (nb_dir / BASELINE).write_text(json.dumps(baseline_notebook(), indent=1))
        build_sample(tmp_path / "workshop").close()
        proc, base = _serve(nb_dir, tmp_path / "workshop", tmp_path / "voila.log")
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=CHROMIUM_ARGS)
                log_path = tmp_path / "voila.log"
                fills = {nb: 1 for nb in [BASELINE, *pages]}
                for nb in [BASELINE, *pages]:
                    url = f"{base}/voila/render/{nb}"
                    other = f"{base}/voila/render/{BASELINE if nb != BASELINE else pages[0]}"
                    context = browser.new_context()
                    cold = netload.load(context.new_page(), url, rendered=_ready(nb))
                    warm = netload.load(context.new_page(), other,
                                        rendered=_ready(other.rsplit("/", 1)[1]))
                    context.close()
                    for page_nb in {nb, other.rsplit("/", 1)[1]}:
                        fills[page_nb] = _wait_refill(log_path, page_nb, fills[page_nb])
                    entry: dict[str, float | None] = {
                        "cold_bytes": cold.bytes, "cold_requests": cold.requests,
                        "warm_bytes": warm.bytes}
                    for mbit in (netload.FAIR_MBIT, netload.SLOW_MBIT):
                        context = browser.new_context()
                        slow = netload.load(context.new_page(), url, mbit=mbit, timeout_s=180,
                                            rendered=_ready(nb))
                        context.close()
                        fills[nb] = _wait_refill(log_path, nb, fills[nb])
                        entry[f"render_s_{mbit:g}mbit"] = slow.seconds
                    results[nb] = entry
                browser.close()
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
    return results


def run() -> list[dict]:
    results = measure()
    base = results[BASELINE]
    rows = []
    for nb, r in results.items():
        if nb == BASELINE:
            continue
        rows.append(row(f"wire: {nb} cold bytes (MB)", r["cold_bytes"] / 1e6,
                        base["cold_bytes"] / 1e6,
                        f"{r['cold_requests']} requests; goal <= 1.5 MB; second page on the "
                        f"same laptop {r['warm_bytes'] / 1e3:.0f} kB"))
        for mbit in (netload.FAIR_MBIT, netload.SLOW_MBIT):
            key = f"render_s_{mbit:g}mbit"
            seconds, baseline = r[key], base[key]
            rows.append(row(f"wire: {nb} render at {mbit:g} Mbit/s", seconds or float("nan"),
                            baseline or float("nan"),
                            "did not render" if seconds is None else "cold, 80 ms latency"))
    return rows

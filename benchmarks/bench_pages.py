"""Each stage page: navigation to interactive, against a one-button ipywidgets page.

Both are served by the same Voila (our template, preheated kernels, as `wtfc serve` runs it)
in the same run, from a temporary folder holding a copy of notebooks/ and a generated
00_baseline_button.ipynb. Every load is a fresh browser context; loads go round the pages in
turn and each waits until Voila has heated a new kernel for its notebook, so no page pays for
another's kernel start. Reported: the median of LOADS loads per page, and the ratio to the
baseline's median (the goal is at most 1.15).

"Settled" (the goal's measure) is the moment after which the number of widget views in the page
stays the same for 0.5 s, with the main control usable. "Interactive" (the old figure, kept
beside it) is the moment the page's main control is in the page, visible and enabled. Both
are found by a script that runs before the page's own (an init script).
The navigation timing splits each load into the server's part (until the HTML has arrived:
with preheating this includes the page cell's Python work after the request, which builds
the view) and the front end's part (scripts, widget manager, drawing every widget).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.request
from pathlib import Path

from .common import row

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"  # git-ignored
LOADS = 5
# Kernels count as quiet (the new pool kernel has run its notebook up to the point where it
# waits for a request) when all of them together use under QUIET_CPU s in QUIET_WINDOW s.
QUIET_WINDOW, QUIET_CPU = 1.0, 0.1
GOAL = 1.15
SETTLE_MS = 500  # "settled": the number of widget views steady for this long
BASELINE = "00_baseline_button.ipynb"
BASELINE_LABEL = "Baseline button"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# What must be visible and usable for each page to count as interactive.
READY: dict[str, dict[str, list[str]]] = {
    BASELINE: {"buttons": [BASELINE_LABEL], "selectors": []},
    "00_workshop.ipynb": {"buttons": [], "selectors": [".wtfc-stage-link"]},
    "01_prepare.ipynb": {"buttons": ["Save the event"], "selectors": []},
    "02_collect.ipynb": {"buttons": ["Add statement"], "selectors": []},
    "03_theme.ipynb": {"buttons": ["Move chosen cards back here"],
                      "selectors": [".wtfc-board-card"]},
    "04_understand.ipynb": {"buttons": ["Add cause"], "selectors": []},
    "05_success.ipynb": {"buttons": ["Add success statement"], "selectors": []},
    "06_plan.ipynb": {"buttons": ["Add idea"], "selectors": []},
    "07_implement.ipynb": {"buttons": ["Add indicator"], "selectors": []},
    "08_review.ipynb": {"buttons": ["Add measurement"], "selectors": []},
    "tender_scoring.ipynb": {"buttons": ["Results"], "selectors": []},
    "ladder.ipynb": {"buttons": ["Put to the room"], "selectors": []},
}
VIEWS = {  # the view each page's cell builds, for the kernel-side profile
    "00_workshop.ipynb": "widgets.overview:OverviewView",
    "01_prepare.ipynb": "widgets.stages.prepare.page:PrepareView",
    "02_collect.ipynb": "widgets.stages.collect.page:CollectView",
    "03_theme.ipynb": "widgets.stages.theme.page:ThemeView",
    "04_understand.ipynb": "widgets.stages.understand.page:RootCauseView",
    "05_success.ipynb": "widgets.stages.success:SuccessView",
    "06_plan.ipynb": "widgets.stages.plan.page:ActionPlanView",
    "07_implement.ipynb": "widgets.stages.implement.page:ImplementView",
    "08_review.ipynb": "widgets.stages.review.page:ReviewView",
    "tender_scoring.ipynb": "widgets.tender.page:TenderView",
    "ladder.ipynb": "widgets.ladder.page:LadderView",
}

READY_SCRIPT = """
(() => {
  const want = %s;
  const usable = (el) => el && !el.disabled && el.getClientRects().length > 0 &&
    getComputedStyle(el).visibility !== "hidden";
  const ready = () => {
    const buttons = [...document.querySelectorAll("button")];
    for (const label of want.buttons) {
      if (!buttons.some((b) => b.textContent.trim() === label && usable(b))) return false;
    }
    for (const sel of want.selectors) if (!usable(document.querySelector(sel))) return false;
    return true;
  };
  const check = () => {
    if (window.__wtfcReady) return;
    if (ready()) { window.__wtfcReady = performance.now(); clearInterval(timer); return; }
    requestAnimationFrame(check);
  };
  const timer = setInterval(check, 20);  // also when frames are not being drawn
  requestAnimationFrame(check);
  // Settled: the page is ready and its number of widget views has not changed for
  // SETTLE_MS; the time recorded is that of the last change (when it became steady).
  let count = -1, changed = 0;
  const settle = setInterval(() => {
    const now = performance.now();
    const n = document.querySelectorAll(".lm-Widget").length;
    if (n !== count) { count = n; changed = now; return; }
    if (window.__wtfcReady && n > 0 && now - changed >= %d) {
      window.__wtfcSettled = Math.max(changed, window.__wtfcReady);
      window.__wtfcWidgets = n;
      clearInterval(settle);
    }
  }, 25);
})();
"""


def baseline_notebook() -> dict:
    code = (f'import ipywidgets as widgets\nbutton = widgets.Button(description='
            f'"{BASELINE_LABEL}")\nbutton')
    return {
        "cells": [
            {"cell_type": "markdown", "id": "baseline-md", "metadata": {},
             "source": ["# Baseline\n", "\n", "One button, nothing else."]},
            {"cell_type": "code", "execution_count": None, "id": "baseline-code",
             "metadata": {}, "outputs": [], "source": code.splitlines(keepends=True)},
        ],
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                    "name": "python3"}},
        "nbformat": 4, "nbformat_minor": 5,
    }


def _wait_http(url: str, proc: subprocess.Popen, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"Voila stopped (exit code {proc.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def _pool_fills(log: Path, notebook: str) -> int:
    text = log.read_text(encoding="utf-8", errors="replace")
    return text.count(f"Kernel pool of {notebook} is filled")


def _cpu_seconds_of_children(pid: int) -> float:
    """CPU time used so far by the direct children of pid (Voila's kernels), from /proc."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in children:
            try:
                fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / tick  # utime + stime
            except (OSError, IndexError, ValueError):
                pass
    return total


def _wait_pool(log: Path, notebook: str, fills: int, voila_pid: int,
               timeout: float = 120.0) -> None:
    """Wait until Voila has started `fills` pool kernels for the notebook in all (the first
    at start-up, then one after each load took one), then until the kernels are quiet:
    Voila logs "filled" when a kernel has started, before it has run the notebook (imports),
    and a load must not pay for that."""
    deadline = time.monotonic() + timeout
    while _pool_fills(log, notebook) < fills:
        if time.monotonic() > deadline:
            raise RuntimeError(f"no heated kernel for {notebook} within {timeout:.0f} s")
        time.sleep(0.2)
    before = _cpu_seconds_of_children(voila_pid)
    while time.monotonic() < deadline:
        time.sleep(QUIET_WINDOW)
        now = _cpu_seconds_of_children(voila_pid)
        if now - before < QUIET_CPU:
            return
        before = now
    raise RuntimeError(f"Voila's kernels did not go quiet within {timeout:.0f} s")


def _chromium() -> str | None:
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else shutil.which("chromium")


def kernel_profile(workshop: Path, notebooks: list[str]) -> dict[str, dict[str, float]]:
    """Python time of each page's cell, outside Voila: imports (paid while preheating) and
    building the view with its first drawing (paid after the request), and how many widget
    models the front end then has to create."""
    out: dict[str, dict[str, float]] = {}
    for nb in notebooks:
        if nb not in VIEWS:
            continue
        module, cls = VIEWS[nb].split(":")
        code = textwrap.dedent(f"""
            import json, sys, time, warnings
            warnings.simplefilter("ignore")
            t0 = time.perf_counter()
            import ipywidgets
            from {module} import {cls} as View
            from workbook import Workshop
            t1 = time.perf_counter()
            before = len(ipywidgets.Widget.widgets)
            ws = Workshop.open(sys.argv[1])
            view = View(ws, table=None, live=False)  # the big screen, as loaded
            t2 = time.perf_counter()
            print(json.dumps({{"imports_s": t1 - t0, "build_s": t2 - t1,
                              "widgets": len(ipywidgets.Widget.widgets) - before}}))
        """)
        runs = []
        for _ in range(3):
            res = subprocess.run([sys.executable, "-c", code, str(workshop)], cwd=str(ROOT),
                                 env={**os.environ, "PYTHONPATH": str(ROOT)},
                                 capture_output=True, text=True, check=True)
            runs.append(json.loads(res.stdout.strip().splitlines()[-1]))
        out[nb] = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    return out


def measure(notebooks_dir: Path | None = None, loads: int = LOADS) -> dict:
    """Serve a copy of the notebooks plus the baseline; time `loads` loads of each page."""
    from playwright.sync_api import sync_playwright

    from workbook.paths import notebooks_dir as project_notebooks
    from workbook.sample import build_sample
    from workbook.serving.serve import WORKSHOP_ENV, find_free_port, jupyter_path_env, voila_command

    source = Path(notebooks_dir) if notebooks_dir else project_notebooks()
    chromium = _chromium()
    if chromium is None:
        raise RuntimeError("Chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="wtfc-bench-pages-") as tmp:
        tmp_path = Path(tmp)
        nb_dir = tmp_path / "notebooks"
        nb_dir.mkdir()
        for nb in source.glob("*.ipynb"):
            shutil.copy2(nb, nb_dir / nb.name)
        (nb_dir / BASELINE).write_text(json.dumps(baseline_notebook(), indent=1))
        pages = [BASELINE] + [nb for nb in READY if nb != BASELINE and (nb_dir / nb).exists()]
        missing = [nb for nb in READY if nb != BASELINE and nb not in pages]
        workshop = tmp_path / "workshop"
        build_sample(workshop).close()

        port = find_free_port()
        env = jupyter_path_env()
        env[WORKSHOP_ENV] = str(workshop)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT),
                                                          env.get("PYTHONPATH", "")]))
        log_path = tmp_path / "voila.log"
        with log_path.open("w") as log:
            # A pre-heated kernel that waits in the pool while a busy machine goes quiet must
            # not be culled as idle before its load (the race in docs/architecture.md, "Facts
            # about the stack", "Culling races the page"): a longer idle timeout here, in place
            # of the served one.
            cull = "--MappingKernelManager.cull_idle_timeout"
            command = [a for a in voila_command(nb_dir, port) if not a.startswith(cull)]
            command.append(f"{cull}=600")
            proc = subprocess.Popen(command, cwd=str(nb_dir), env=env,
                                    stdout=log, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, start_new_session=True)
            try:
                base = f"http://127.0.0.1:{port}"
                _wait_http(base + "/", proc)
                results = _load_pages(base, pages, loads, log_path, proc.pid, chromium,
                                      sync_playwright)
            except RuntimeError as exc:
                lines = [line for line in log_path.read_text(errors="replace").splitlines()
                         if "without encryption" not in line]
                raise RuntimeError(f"{exc}\n--- Voila log (last 40 lines) ---\n"
                                   + "\n".join(lines[-40:])) from exc
            finally:
                proc.terminate()
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        profile = kernel_profile(workshop, pages)
    return {"loads": results, "profile": profile, "missing": missing}


def _load_pages(base: str, pages: list[str], loads: int, log: Path, voila_pid: int,
                chromium: str, sync_playwright) -> dict[str, list[dict[str, float]]]:
    results: dict[str, list[dict[str, float]]] = {nb: [] for nb in pages}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            # One load of each first, not timed: the browser's cache and Voila's templates
            # are warm for every page alike.
            for rnd in range(loads + 1):
                for nb in pages:
                    _wait_pool(log, nb, rnd + 1, voila_pid)
                    timing = _one_load(browser, f"{base}/voila/render/{nb}", READY[nb])
                    if rnd:
                        results[nb].append(timing)
        finally:
            browser.close()
    return results


def _one_load(browser, url: str, ready: dict[str, list[str]]) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    try:
        context.add_init_script(READY_SCRIPT % (json.dumps(ready), SETTLE_MS))
        page = context.new_page()
        page.goto(url, wait_until="commit", timeout=120_000)
        try:
            page.wait_for_function("() => window.__wtfcSettled", timeout=120_000, polling=50)
        except Exception as exc:  # a load that never becomes usable: keep a picture of it
            RESULTS.mkdir(exist_ok=True)
            shot = RESULTS / f"pages-stuck-{url.rsplit('/', 1)[-1]}.png"
            page.screenshot(path=str(shot))
            raise RuntimeError(f"{url} was not interactive after 120 s (screenshot: {shot}; "
                               f"page text: {page.inner_text('body')[:300]!r})") from exc
        timing = page.evaluate("""() => {
            const n = performance.getEntriesByType("navigation")[0];
            return {ready: window.__wtfcReady, settled: window.__wtfcSettled,
                    widgets: window.__wtfcWidgets * 1000, response_start: n.responseStart,
                    response_end: n.responseEnd, dom_content_loaded: n.domContentLoadedEventEnd,
                    load: n.loadEventEnd};
        }""")
        return {k: float(v) / 1000.0 for k, v in timing.items()}
    finally:
        context.close()


def _median(loads: list[dict[str, float]], key: str) -> float:
    return statistics.median(x[key] for x in loads)


def run(notebooks_dir: Path | None = None, loads: int = LOADS) -> list[dict]:
    try:
        data = measure(notebooks_dir, loads)
    except (RuntimeError, ImportError) as exc:
        print(f"pages: not measured: {exc}", file=sys.stderr)
        return []
    loads_by_page, profile = data["loads"], data["profile"]
    base = _median(loads_by_page[BASELINE], "ready")
    base_settled = _median(loads_by_page[BASELINE], "settled")
    rows = [row("page: one-button baseline, navigation to settled", base_settled, base_settled,
                f"median of {loads}; widget views steady for {SETTLE_MS} ms"),
            row("page: one-button baseline, navigation to interactive", base, base,
                f"median of {loads}; server {_median(loads_by_page[BASELINE], 'response_end'):.2f}"
                " s of it")]
    for nb in (p for p in loads_by_page if p != BASELINE):
        ready = _median(loads_by_page[nb], "ready")
        settled = _median(loads_by_page[nb], "settled")
        server = _median(loads_by_page[nb], "response_end")
        first = _median(loads_by_page[nb], "response_start")
        widgets = int(_median(loads_by_page[nb], "widgets"))
        each = ", ".join(f"{x['settled']:.2f}" for x in loads_by_page[nb])
        prof = profile.get(nb, {})
        note = (f"goal: at most {GOAL}x; median of {loads} ({each}); {widgets} widget views; "
                f"HTML: first byte {first:.2f} s, all in {server:.2f} s")
        if prof:
            note += (f"; kernel: view built in {prof['build_s']:.2f} s, "
                     f"{int(prof['widgets'])} widget models (imports {prof['imports_s']:.2f} s,"
                     " paid while preheating)")
        name = nb.removesuffix(".ipynb")
        rows.append(row(f"page {name}: navigation to settled", settled, base_settled, note))
        rows.append(row(f"page {name}: navigation to interactive (old figure)", ready, base,
                        f"main control visible and enabled; front end {ready - server:.2f} s"))
    for nb in data["missing"]:
        rows.append({**row(f"page {nb.removesuffix('.ipynb')}: navigation to interactive", 0.0,
                           base, "not measured: the notebook is not in notebooks/ yet"),
                     "seconds": None, "ratio": None})
    return rows


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    for r in run(source):
        print(r)

"""A room opening at once (issue 15): 12 table laptops open Step 2 Collect one after another and
each types 5 statements as fast as a browser can, while the big screen watches.

A real `wtfc serve --tables 12` (the sample workshop, loopback, a free port: Collect pages
kept ready for 12 tables and the big screen, as a facilitator expecting 12 tables would
serve) is started and, once its log says every page is ready, one table page opens alone (the
baseline: seconds until its form can be typed into); after Voila has heated a kernel again,
the big screen (no ?table=) opens, then the 12 table pages (each laptop's browser already open
on a blank tab), each navigation started as soon as the one before has begun. Each page, once
its form can be typed into, types 5 statements (fill the box, press Add, at once the next).
Measured:
- statements saved against typed (read from the store afterwards): the goal is 0 lost;
- seconds from the first table's navigation until the last table's form is usable (goal 15);
- big-screen lag: from the moment the store holds the last statement until the big screen's
  count shows it (goal 2 s);
- memory: peak RSS summed over Voila and every kernel (from /proc), and each kernel's RSS;
- where the CPU went from the first table's navigation until the store holds the last
  statement: the server (Voila and its kernels) against the browsers. In a room each table's
  browser runs on its own laptop; here all twelve share the server's cores.
"""

from __future__ import annotations

import asyncio
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from .common import row

ROOT = Path(__file__).resolve().parents[1]
TABLES = 12
STATEMENTS = 5
PAGE = "02_collect.ipynb"
START_TIMEOUT = 300.0
GOAL_USABLE_S, GOAL_LAG_S, GOAL_KERNEL_MB = 15.0, 2.0, 100.0
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


# --- processes and memory ---------------------------------------------------------------------
def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                kids = [int(k) for k in (task / "children").read_text().split()]
            except (OSError, ValueError):
                continue
            found += kids
            todo += kids
    return found


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _kernel_id(pid: int) -> str:
    try:
        found = re.search(rb"kernel-([0-9a-f-]+)\.json", Path(f"/proc/{pid}/cmdline").read_bytes())
    except OSError:
        return ""
    return found.group(1).decode() if found else ""


def _is_kernel(pid: int) -> bool:
    try:
        return b"ipykernel" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


class MemoryWatch(threading.Thread):
    """Samples RSS of the server and all its descendants (Voila, kernels) every 0.5 s."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.peak_kernels = pid, 0.0, 0
        self.kernels: dict[int, float] = {}  # each kernel's largest RSS seen
        self.pss: dict[int, float] = {}  # and largest PSS
        self.ids: dict[int, str] = {}  # kernel pid -> Jupyter kernel id
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(0.5)

    def sample(self) -> None:
        pids = [self.pid, *_descendants(self.pid)]
        total = 0.0
        kernels = 0
        for p in pids:
            mb = _rss_mb(p)
            total += mb
            if _is_kernel(p):
                kernels += 1
                self.kernels[p] = max(self.kernels.get(p, 0.0), mb)
                self.pss[p] = max(self.pss.get(p, 0.0), _pss_mb(p))
                if p not in self.ids:
                    self.ids[p] = _kernel_id(p)
        if total > self.peak:
            self.peak, self.peak_kernels = total, kernels


def _wait_ready(log: Path, proc: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"wtfc serve stopped (exit code {proc.returncode})")
        text = log.read_text(errors="replace")
        if re.search(r"All \d+ pages are ready", text):
            return
        time.sleep(0.5)
    raise RuntimeError(f"the pages were not ready within {timeout:.0f} s")


def _cpu_s(pids: list[int]) -> float:
    total = 0.0
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            pass
    return total


def _wait_quiet(pid: int, timeout: float = 180.0) -> float:
    """Until the server and its kernels use under a tenth of a core over 2 s: the pools have
    refilled and every pre-heated kernel has built its page (Voila logs only a pool's first
    kernel as ready, not a refill). Returns the seconds waited."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        pids = [pid, *_descendants(pid)]
        before = _cpu_s(pids)
        time.sleep(2.0)
        if _cpu_s(pids) - before < 0.2:
            break
    return time.monotonic() - start


def _browser_cpu_s() -> float:
    """CPU-seconds used so far by every Chromium process on the machine."""
    pids = []
    for comm in Path("/proc").glob("[0-9]*/comm"):
        try:
            if "chrom" in comm.read_text():
                pids.append(int(comm.parent.name))
        except (OSError, ValueError):
            continue
    return _cpu_s(pids)


def _pss_mb(pid: int) -> float:
    """Proportional set size: shared pages (libraries) split among the processes sharing them."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


# --- the browser side ---------------------------------------------------------------------------
async def _laptop(browser):
    """A table's laptop with its browser open on a blank tab (each its own profile)."""
    ctx = await browser.new_context(viewport={"width": 1366, "height": 768})
    return ctx, await ctx.new_page()


async def _open_table(laptop, url: str, started: asyncio.Event | None = None):
    ctx, page = laptop
    t0 = time.monotonic()
    await page.goto(url, wait_until="commit", timeout=300_000)
    if started is not None:
        started.set()
    form = page.locator(".wtfc-collect-add")
    box = form.get_by_label("What they said")
    add = form.get_by_role("button", name="Add statement")
    await box.wait_for(state="visible", timeout=300_000)
    await add.wait_for(state="visible", timeout=300_000)
    while not (await box.is_editable() and await add.is_enabled()):
        await page.wait_for_timeout(20)
    return ctx, page, form, box, add, t0, time.monotonic()


async def _type(form, box, add, table: int, word: str) -> list[float]:
    await form.get_by_label("Review", exact=True).fill(f"R-{table:03d}")
    await form.get_by_role("button", name="Working").first.click()
    clicks = []
    for k in range(STATEMENTS):
        await box.fill(f"Statement {k + 1} of table {table} {word}")
        await add.click()
        clicks.append(time.monotonic())
    return clicks


async def _room(base: str, folder: Path, pid: int, chromium: str) -> dict:
    from playwright.async_api import async_playwright

    from workbook import Workshop

    word = f"room{int(time.time())}"
    ws = Workshop.open(str(folder))
    try:
        first_count = len(ws.statements)
    finally:
        ws.close()
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            # The baseline: one table alone, on a heated server.
            ctx, _page, form, box, add, t0, t1 = await _open_table(
                await _laptop(browser), f"{base}/voila/render/{PAGE}?table=Alone")
            baseline = t1 - t0
            await _type(form, box, add, 0, word + "alone")
            await _page.wait_for_timeout(3000)  # as each table does: its last click lands
            await ctx.close()
            await asyncio.to_thread(_wait_quiet, pid)
            await asyncio.sleep(3)  # the new pool kernel finishes its view
            # The big screen watches.
            big_ctx = await browser.new_context(viewport={"width": 1920, "height": 1080})
            big = await big_ctx.new_page()
            await big.goto(f"{base}/voila/render/{PAGE}", timeout=300_000)
            await big.locator(".wtfc-collect-totals").wait_for(state="visible", timeout=300_000)
            # The room: every laptop has its browser open (starting a browser is not part of
            # opening the page); each table's navigation starts once the one before has begun.
            laptops = [await _laptop(browser) for _ in range(TABLES)]
            tables = []
            cpu_before = (_cpu_s([pid, *_descendants(pid)]), _browser_cpu_s())
            for t in range(1, TABLES + 1):
                started = asyncio.Event()
                tables.append(asyncio.create_task(_one_table(
                    laptops[t - 1], f"{base}/voila/render/{PAGE}?table=Table%20{t}", t, word,
                    started)))
                await started.wait()
            results = await asyncio.gather(*tables)
            first_open = min(r["t0"] for r in results)
            last_usable = max(r["usable_at"] for r in results)
            expected = first_count + 1 + TABLES * STATEMENTS
            # When the store holds the last statement, and when the big screen shows it.
            stored_at = await asyncio.to_thread(_store_reaches, folder, expected, 60.0)
            cpu = (_cpu_s([pid, *_descendants(pid)]) - cpu_before[0],
                   _browser_cpu_s() - cpu_before[1])
            shown_at = await _big_screen_shows(big, expected, 60.0)
            await big_ctx.close()
            for r in results:
                await r["ctx"].close()
        finally:
            await browser.close()
    ws = Workshop.open(str(folder))
    try:
        st = ws.statements
        saved = int(st["text"].str.contains(word, regex=False).sum())
    finally:
        ws.close()
    usable = [r["usable_at"] - r["t0"] for r in results]
    return {"baseline_usable_s": baseline, "typed": TABLES * STATEMENTS + STATEMENTS,
            "saved": saved, "last_usable_s": last_usable - first_open,
            "usable_each_s": usable, "server_cpu_s": cpu[0], "browser_cpu_s": cpu[1],
            "lag_s": (shown_at - stored_at) if shown_at and stored_at
            else None, "messages": [r["message"] for r in results],
            "left_in_box": [r["left"] for r in results if r["left"]]}


async def _one_table(laptop, url: str, table: int, word: str, started: asyncio.Event) -> dict:
    ctx, page, form, box, add, t0, usable_at = await _open_table(laptop, url, started)
    await _type(form, box, add, table, word)
    await page.wait_for_timeout(3000)
    return {"ctx": ctx, "t0": t0, "usable_at": usable_at,
            "message": await page.locator(".wtfc-message-area").inner_text(),
            "left": await box.input_value()}


def _store_reaches(folder: Path, expected: int, timeout: float) -> float | None:
    from workbook import Workshop

    ws = Workshop.open(str(folder))
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(ws.statements) >= expected:
                return time.monotonic()
            time.sleep(0.05)
        return None
    finally:
        ws.close()


async def _big_screen_shows(page, expected: int, timeout: float) -> float | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = await page.locator(".wtfc-collect-totals").inner_text()
        numbers = [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", text)]
        if numbers and numbers[0] >= expected:
            return time.monotonic()
        await asyncio.sleep(0.05)
    return None


def measure() -> dict:
    from workbook.sample import build_sample
    from workbook.serving.serve import find_free_port

    chromium = "/usr/bin/chromium"
    if not Path(chromium).exists():
        raise RuntimeError("Chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="wtfc-bench-room-") as tmp:
        tmp_path = Path(tmp)
        folder = tmp_path / "workshop"
        build_sample(folder).close()
        port = find_free_port("127.0.0.1")
        log = tmp_path / "serve.log"
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "WTFC_DEMO_DIR": str(tmp_path / "demo"),
               "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT),
                                                           os.environ.get("PYTHONPATH")]))}
        with log.open("w") as out:
            started = time.monotonic()
            proc = subprocess.Popen(
                [sys.executable, "-m", "workbook.cli", "serve", str(folder), "--port", str(port),
                 "--tables", str(TABLES)],
                cwd=str(ROOT), env=env, stdout=out, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL)
        watch = MemoryWatch(proc.pid)
        watch.start()
        try:
            _wait_ready(log, proc, START_TIMEOUT)
            ready_s = time.monotonic() - started
            watch.sample()
            heated_mb = sum(_rss_mb(p) for p in [proc.pid, *_descendants(proc.pid)])
            data = asyncio.run(_room(f"http://127.0.0.1:{port}", folder, proc.pid, chromium))
            watch.sample()
            log_text = log.read_text(errors="replace")
        except Exception as exc:
            tail = "\n".join(log.read_text(errors="replace").splitlines()[-30:])
            raise RuntimeError(f"{exc}\n--- server log ---\n{tail}") from exc
        finally:
            watch.stop.set()
            watch.join()
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            for pid in _descendants(proc.pid):
                try:
                    os.kill(pid, 9)
                except OSError:
                    pass
    # Which kernel served which page: Voila logs each hand-out of a pre-heated kernel, in order:
    # the baseline table, the big screen, then the tables.
    handed = re.findall(rf"Using pre-heated kernel: (\S+) for {re.escape(PAGE)}", log_text)
    by_id = {kid: pid for pid, kid in watch.ids.items()}
    tables = [by_id[k] for k in handed[2:] if k in by_id]
    big = by_id.get(handed[1]) if len(handed) > 1 else None
    kernels = sorted(watch.kernels.values())
    return {**data, "ready_s": ready_s, "heated_mb": heated_mb, "peak_mb": watch.peak,
            "peak_kernels": watch.peak_kernels, "kernel_mb": kernels,
            "table_rss": sorted(watch.kernels[p] for p in tables),
            "table_pss": sorted(watch.pss[p] for p in tables),
            "big_rss": watch.kernels.get(big, 0.0) if big else None,
            "tables_seen": len(tables), "load": os.getloadavg()}


def run() -> list[dict]:
    try:
        d = measure()
    except (RuntimeError, ImportError) as exc:
        print(f"room: not measured: {exc}", file=sys.stderr)
        return []
    lost = d["typed"] - d["saved"]
    base = d["baseline_usable_s"]
    kernels = d["kernel_mb"]
    cores = os.cpu_count()
    rows = [
        row("room: one table alone, navigation to a usable form (baseline)", base, base,
            f"server ready {d['ready_s']:.0f} s after start; {cores} cores"),
        row(f"room: {TABLES} tables, first navigation to the last table usable",
            d["last_usable_s"], base,
            f"goal {GOAL_USABLE_S:.0f} s; each table: "
            + ", ".join(f"{s:.1f}" for s in d["usable_each_s"])),
        {**row(f"room: statements saved of typed ({TABLES} x {STATEMENTS} + 5 alone)",
               float(d["saved"]), float(d["typed"]),
               f"{lost} lost (goal 0); left in a box: {len(d['left_in_box'])}"),
         "seconds": None},
    ]
    if d["lag_s"] is not None:
        rows.append(row("room: big screen shows the last statement, after the store has it",
                        d["lag_s"], base, f"goal {GOAL_LAG_S:.0f} s"))
    else:
        rows.append({**row("room: big screen lag", 0.0, base, "the count never showed it"),
                     "seconds": None, "ratio": None})
    if d["table_rss"]:
        t_rss, t_pss = d["table_rss"], d["table_pss"]
        rows.append({**row(f"room: a table page's kernel, MB RSS (median of {d['tables_seen']})",
                           statistics.median(t_rss), d["big_rss"] or 0.0,
                           f"max {max(t_rss):.0f}; PSS median {statistics.median(t_pss):.0f}, "
                           f"max {max(t_pss):.0f}; baseline column: the big screen's kernel "
                           f"(goal {GOAL_KERNEL_MB:.0f})")})
    rows.append({**row("room: server memory at the peak, MB (Voila + all kernels)",
                       d["peak_mb"], d["heated_mb"],
                       f"{d['peak_kernels']} kernels then; baseline: the heated server "
                       f"({d['heated_mb']:.0f} MB); per kernel MB: median "
                       f"{statistics.median(kernels):.0f}, max {max(kernels):.0f} "
                       f"(goal {GOAL_KERNEL_MB:.0f})" if kernels else "no kernel seen")})
    rows.append({**row("room: CPU-seconds, the server (Voila + kernels) while the tables opened "
                       "and typed", d["server_cpu_s"], d["browser_cpu_s"],
                       f"baseline column: the {TABLES + 1} pages' browser (Chromium) on the same "
                       f"{cores} cores; on the room's laptops each table's share runs on its own "
                       "laptop"), "ratio": None})
    rows.append({**row("room: load average (1, 5, 15 min) at the end", d["load"][0], 0.0,
                       ", ".join(f"{x:.1f}" for x in d["load"])), "ratio": None})
    return rows


if __name__ == "__main__":
    for r in run():
        print(r)

"""How heavy the timeline page is with many events, and how fast headless Chromium draws it.

    .venv/bin/python benchmarks/bench_page.py [--n 10000] [--runs 3]

Builds ``--n`` synthetic events (benchmarks/synthetic.py), renders them with
``timeline.view.render_page``, writes out/bench/timeline-10k.html and reports its
size and the Python render time.  Then opens the file offline in headless Chromium
(the launch flags of tests/browser) ``--runs`` times, each in a fresh context, and
times ``page.goto`` until ``window.timelineReady === true`` (set once Plotly has
drawn).  Prints each run and the median, with any console errors, page errors,
dialogs or network attempts; exits 1 if the page never got ready or had any.
A benchmark that reports: no time limit is asserted.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import synthetic_events  # noqa: E402
from tests.browser.conftest import INSTALL_HINT, PageLog, find_chromium, launch_chromium, new_page  # noqa: E402

if TYPE_CHECKING:
    from playwright.sync_api import Browser

READY_TIMEOUT_MS = 180_000
# Records when the page sets window.timelineReady = true, in ms since navigation start.
READY_CLOCK = """(() => {
  let value;
  Object.defineProperty(window, 'timelineReady', {configurable: true, get() { return value; },
    set(v) { value = v; if (v === true && window.__benchReadyAt === undefined) window.__benchReadyAt = performance.now(); }});
})()"""
NAV_TIMES = """() => {
  const n = performance.getEntriesByType('navigation')[0];
  return {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd, ready: window.__benchReadyAt ?? null,
          heap: performance.memory ? performance.memory.usedJSHeapSize : null};
}"""


def out_name(n: int) -> str:
    """``timeline-10k.html`` for 10,000 events, ``timeline-2500.html`` for 2,500."""
    return f"timeline-{n // 1000}k.html" if n % 1000 == 0 else f"timeline-{n}.html"


def time_page(browser: Browser, path: Path) -> tuple[dict[str, float | None], PageLog]:
    """One load of ``path`` in a fresh offline context: seconds to ready (wall and in-page) and the log."""
    context, page, log = new_page(browser)
    try:
        page.add_init_script(READY_CLOCK)
        start = time.perf_counter()
        page.goto(path.as_uri(), timeout=READY_TIMEOUT_MS)
        try:
            # A function, not an expression: Playwright evals polled expressions, which the page's CSP forbids.
            page.wait_for_function("() => window.timelineReady === true", timeout=READY_TIMEOUT_MS)
            wall: float | None = time.perf_counter() - start
        except Exception as err:  # noqa: BLE001 - reported, not raised
            log.page_errors.append(f"never ready: {str(err).splitlines()[0]}")
            wall = None
        nav = page.evaluate(NAV_TIMES)
    finally:
        context.close()
    ms = lambda v: None if v is None else v / 1000  # noqa: E731
    return {"wall": wall, "ready": ms(nav["ready"]), "dcl": ms(nav["dcl"]), "load": ms(nav["load"]),
            "heap": None if nav["heap"] is None else nav["heap"] / 2**20}, log


def fmt(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="number of synthetic events (default 10000)")
    ap.add_argument("--runs", type=int, default=3, help="page loads, each in a fresh context (default 3)")
    args = ap.parse_args()

    try:
        from timeline.view import render_page
    except ImportError as err:
        print(f"bench_page: timeline.view.render_page is not available ({err})", file=sys.stderr)
        return 1
    chromium = find_chromium()
    if chromium is None:
        print(f"bench_page: no Chromium: {INSTALL_HINT}", file=sys.stderr)
        return 1

    t0 = time.perf_counter()
    events = synthetic_events(args.n)
    t1 = time.perf_counter()
    html = render_page(events, title=f"Synthetic timeline ({args.n:,} events)")
    t2 = time.perf_counter()
    path = ROOT / "out" / "bench" / out_name(args.n)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    size_mb = path.stat().st_size / 2**20

    from playwright.sync_api import sync_playwright

    rows: list[dict[str, float | None]] = []
    logs: list[PageLog] = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright, chromium)
        version = browser.version
        for _ in range(args.runs):
            row, log = time_page(browser, path)
            rows.append(row)
            logs.append(log)
        browser.close()

    print(f"events     {args.n:,} synthetic (generated in {t1 - t0:.2f} s)")
    print(f"render     {t2 - t1:.2f} s in Python -> {size_mb:.1f} MB  {path.relative_to(ROOT)}")
    print(f"browser    Chromium {version} ({chromium}), headless, offline, fresh context per run\n")
    print(f"{'run':<8}{'goto→ready s':>14}{'in-page ready s':>17}{'DOMContentLoaded s':>20}{'load s':>9}"
          f"{'JS heap MB':>12}{'problems':>10}")
    for i, (row, log) in enumerate(zip(rows, logs), 1):
        print(f"{i:<8}{fmt(row['wall']):>14}{fmt(row['ready']):>17}{fmt(row['dcl']):>20}{fmt(row['load']):>9}"
              f"{fmt(row['heap'], 0):>12}{len(log.problems()):>10}")

    def median(key: str) -> float | None:
        values = [v for r in rows if (v := r[key]) is not None]
        return statistics.median(values) if values else None

    print(f"{'median':<8}{fmt(median('wall')):>14}{fmt(median('ready')):>17}{fmt(median('dcl')):>20}"
          f"{fmt(median('load')):>9}{fmt(median('heap'), 0):>12}")
    problems = list(dict.fromkeys(p for log in logs for p in log.problems()))
    for problem in problems[:10]:
        print(f"  ! {problem[:300]}")
    if len(problems) > 10:
        print(f"  ! ... and {len(problems) - 10} more")
    return 1 if problems or any(r["wall"] is None for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())

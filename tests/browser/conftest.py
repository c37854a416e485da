"""Headless Chromium for the browser tests (Debian's ``chromium`` driven by Playwright).

No browser is downloaded: the binary is ``$TIMELINE_CHROMIUM``, ``/usr/bin/chromium``
or ``chromium`` on PATH (``scripts/ensure-chromium`` installs it).  Without one the
browser tests FAIL, unless ``TIMELINE_SKIP_BROWSER=1``, when they are skipped.

Pages are opened from disk in an offline context: every request that is not
``file://`` is aborted and recorded, so a page that reaches the network fails its
test instead of passing by luck.  :func:`new_page` and :data:`CHROMIUM_ARGS` are
shared with ``benchmarks/bench_page.py``.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Dialog, Page, Playwright, Route

# --headless .. --disable-sync: quiet, sandbox-less (root) and never calls Google hosts.
# --use-angle=swiftshader --enable-unsafe-swiftshader: WebGL (Plotly's scattergl) on the
# CPU through SwiftShader.  Chromium 15x only falls back to software WebGL silently with a
# deprecation warning, and is due to drop that fallback; the second flag opts in for good.
# --disable-dev-shm-usage: containers often have a tiny /dev/shm.
CHROMIUM_ARGS: tuple[str, ...] = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-dev-shm-usage",
)
INSTALL_HINT = "run scripts/ensure-chromium (or: apt-get install chromium), or set TIMELINE_CHROMIUM=/path/to/chromium"


def find_chromium() -> str | None:
    """The Chromium binary to drive: ``$TIMELINE_CHROMIUM``, ``/usr/bin/chromium``, ``chromium`` on PATH."""
    explicit = os.environ.get("TIMELINE_CHROMIUM")
    if explicit:
        return explicit if os.access(explicit, os.X_OK) else None
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    return shutil.which("chromium")


@dataclass
class PageLog:
    """What a page did that a test should know about."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)  # "alert: message"; a dialog means script ran
    blocked_requests: list[str] = field(default_factory=list)  # URLs that were not file://

    def problems(self) -> list[str]:
        """Every entry of the four lists, labelled; empty for a clean page."""
        return ([f"console error: {m}" for m in self.console_errors] + [f"page error: {m}" for m in self.page_errors]
                + [f"dialog: {m}" for m in self.dialogs] + [f"blocked request: {u}" for u in self.blocked_requests])


def new_page(browser: Browser, **context_options: object) -> tuple[BrowserContext, Page, PageLog]:
    """A page in a fresh offline context that records errors, dialogs and non-``file://`` requests.

    ``context_options`` go to ``browser.new_context`` (e.g. ``bypass_csp=True``).
    """
    context = browser.new_context(**context_options)
    context.set_offline(True)
    log = PageLog()

    def route(r: Route) -> None:
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            log.blocked_requests.append(r.request.url)
            r.abort("blockedbyclient")

    def dialog(d: Dialog) -> None:
        log.dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: log.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: log.page_errors.append(f"{e.name}: {e.message}"))
    page.on("dialog", dialog)
    return context, page, log


def launch_chromium(playwright: Playwright, executable: str) -> Browser:
    """Launch ``executable`` headless with :data:`CHROMIUM_ARGS` (Playwright gives it a temporary profile)."""
    return playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS), headless=True)


def _unavailable(message: str) -> NoReturn:
    """Skip with TIMELINE_SKIP_BROWSER=1, else fail: a missing browser must not pass unnoticed."""
    if os.environ.get("TIMELINE_SKIP_BROWSER") == "1":
        pytest.skip(message)
    pytest.fail(f"{message}; TIMELINE_SKIP_BROWSER=1 skips the browser tests", pytrace=False)


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[Browser]:
    """One headless Chromium for the whole session; fails (or skips with TIMELINE_SKIP_BROWSER=1) without one."""
    executable = find_chromium()
    if executable is None:
        explicit = os.environ.get("TIMELINE_CHROMIUM")
        where = f"TIMELINE_CHROMIUM={explicit} is not executable" if explicit else "no Chromium found"
        _unavailable(f"{where} for the browser tests: {INSTALL_HINT}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as err:  # the dev extras bring it
        _unavailable(f"playwright is not installed ({err}): pip install -e '.[dev]'")
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright, executable)
        yield browser
        browser.close()


OpenPage = Callable[..., "tuple[Page, PageLog]"]


@pytest.fixture
def open_page(chromium_browser: Browser) -> Iterator[OpenPage]:
    """``open_page(path, wait_until="load", **context_options) -> (page, log)``: ``path`` opened offline
    in a fresh context."""
    contexts: list[BrowserContext] = []

    def _open(path: Path, wait_until: str = "load", **context_options: object) -> tuple[Page, PageLog]:
        context, page, log = new_page(chromium_browser, **context_options)
        contexts.append(context)
        page.goto(Path(path).resolve().as_uri(), wait_until=wait_until)  # type: ignore[arg-type]
        return page, log

    yield _open
    for context in contexts:
        context.close()

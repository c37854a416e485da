"""The browser harness itself: it must see console errors, page errors, dialogs and
network attempts, and Plotly's WebGL traces must draw in its headless Chromium."""
from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from tests.browser.conftest import OpenPage, PageLog

if TYPE_CHECKING:
    from playwright.sync_api import Page


def _settle(page: Page, until: Callable[[], bool], seconds: float = 5.0) -> None:
    """Let Playwright deliver events until ``until()`` holds (or time runs out)."""
    end = time.monotonic() + seconds
    while not until() and time.monotonic() < end:
        page.wait_for_timeout(50)


def _write(tmp_path: Path, name: str, body: str, head: str = "") -> Path:
    path = tmp_path / name
    path.write_text(f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>",
                    encoding="utf-8")
    return path


def test_clean_page_has_an_empty_log(open_page: OpenPage, tmp_path: Path) -> None:
    page, log = open_page(_write(tmp_path, "clean.html", "<p id='p'>سلام</p>"))
    assert page.text_content("#p") == "سلام"
    assert log.problems() == []


def test_console_error_and_page_error_are_caught(open_page: OpenPage, tmp_path: Path) -> None:
    path = _write(tmp_path, "errors.html", "<button onclick=\"console.error('boom on click')\">go</button>"
                                           "<script>throw new Error('kaboom at load')</script>")
    page, log = open_page(path)
    _settle(page, lambda: bool(log.page_errors))
    assert log.console_errors == []
    page.click("button")
    _settle(page, lambda: bool(log.console_errors))
    assert log.console_errors == ["boom on click"]
    assert any("kaboom at load" in e for e in log.page_errors)


def test_dialog_is_recorded_and_dismissed(open_page: OpenPage, tmp_path: Path) -> None:
    page, log = open_page(_write(tmp_path, "alert.html", "<script>alert('xss'); document.title = 'after'</script>"))
    assert log.dialogs == ["alert: xss"]
    assert page.title() == "after"  # dismissed, so the page went on


def test_network_requests_are_blocked_and_recorded(open_page: OpenPage, tmp_path: Path) -> None:
    body = ("<img src='http://example.org/pixel.png'>"
            "<script>fetch('https://example.com/data.json').then(() => { window.done = 'fetched' },"
            " () => { window.done = 'failed' })</script>")
    page, log = open_page(_write(tmp_path, "fetch.html", body))
    page.wait_for_function("window.done !== undefined")
    assert page.evaluate("window.done") == "failed"
    assert "https://example.com/data.json" in log.blocked_requests
    assert "http://example.org/pixel.png" in log.blocked_requests


def test_strict_csp_page_can_be_waited_on(open_page: OpenPage, tmp_path: Path) -> None:
    # Under a CSP without 'unsafe-eval' (the timeline page's), wait_for_function must get a function:
    # Playwright evals a polled *expression* in the page, which the CSP turns into an EvalError.
    csp = "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; script-src 'none'\">"
    page, log = open_page(_write(tmp_path, "csp.html", "<p>محمي</p>", head=csp))
    page.evaluate("window.ready = false; setTimeout(() => { window.ready = true }, 200)")
    page.wait_for_function("() => window.ready === true", timeout=5_000)
    assert log.problems() == []


GL_PROBE = """() => {
  const c = document.querySelector('canvas.gl-canvas-context');
  const gl = c && c.getContext('webgl');
  if (!gl) return {gl: false, painted: 0};
  const px = new Uint8Array(gl.drawingBufferWidth * gl.drawingBufferHeight * 4);
  gl.readPixels(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight, gl.RGBA, gl.UNSIGNED_BYTE, px);
  let painted = 0;
  for (let i = 3; i < px.length; i += 4) if (px[i]) painted++;
  return {gl: gl instanceof WebGLRenderingContext, painted};
}"""


def test_plotly_scattergl_draws_with_webgl(open_page: OpenPage, tmp_path: Path) -> None:
    import plotly.graph_objects as go
    import plotly.io as pio

    xs = [i % 997 for i in range(10_000)]
    ys = [(i * 7919) % 1009 for i in range(10_000)]
    fig = go.Figure(go.Scattergl(x=xs, y=ys, mode="markers"))
    path = tmp_path / "gl.html"
    path.write_text(pio.to_html(fig, include_plotlyjs=True, full_html=True), encoding="utf-8")
    page, log = open_page(path)
    try:  # the points are drawn after the plot's layout exists: wait for the pixels
        page.wait_for_function(f"() => ({GL_PROBE})().painted > 10000", timeout=30_000)
    except Exception:
        pass  # the asserts below say what is missing
    probe = page.evaluate(GL_PROBE)
    assert probe["gl"], "no WebGL context: check the SwiftShader flags in CHROMIUM_ARGS"
    assert probe["painted"] > 10_000, probe
    assert log.problems() == [], log.problems()


def test_log_lists_every_problem() -> None:
    log = PageLog(["c"], ["p"], ["alert: d"], ["https://x"])
    assert log.problems() == ["console error: c", "page error: p", "dialog: alert: d", "blocked request: https://x"]

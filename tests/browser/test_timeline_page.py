"""The seeds' timeline page in a real headless Chromium, offline.

Checks what a user sees: no errors, one drawn item per event, hover shows the
Arabic report, the lane dropdown, the actor filter, the table's sorting and
links, the network view, and that a document full of script does not run.
Screenshots go to ``out/`` (``out/timeline.png`` is the README's picture).
"""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

import timeline
from timeline.api import Timeline

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "out"
VIEWPORT = {"width": 1500, "height": 1000}
ARABIC = re.compile(r"[\u0600-\u06FF]{3,}")
DRAWN = ("document.querySelectorAll('#timeline-plot .cartesianlayer .scatterlayer .trace .points path.point')"
         ".length + document.querySelectorAll('#timeline-plot .cartesianlayer .barlayer .trace .points .point')"
         ".length")


@pytest.fixture(scope="module")
def seeds() -> Timeline:
    return timeline.build([ROOT / "seeds"], title="Gaza ceasefire and hostage negotiations (seed articles)")


@pytest.fixture(scope="module")
def seed_page(seeds, tmp_path_factory) -> Path:
    return seeds.to_html(tmp_path_factory.mktemp("page") / "timeline.html")


def _wait(page, expression: str, timeout: float = 10.0) -> None:
    """Poll ``expression`` until it is true.  (Playwright's wait_for_function re-evaluates its
    predicate with eval, which the page's Content-Security-Policy rightly refuses.)"""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        page.wait_for_timeout(50)


def _ready(page) -> None:
    _wait(page, "window.timelineReady === true", timeout=30)


def _visible_modes(page) -> set[str]:
    return set(page.evaluate("Array.from(document.getElementById('timeline-plot').data)"
                             ".filter(t => t.visible === true || t.visible === undefined).map(t => t.meta.mode)"))


def test_page_opens_offline_without_errors_and_draws_every_event(open_page, seed_page, seeds):
    page, log = open_page(seed_page, viewport=VIEWPORT)
    _ready(page)
    assert log.problems() == []
    assert page.evaluate(DRAWN) == len(seeds) > 0  # every seed event is on the axis, once
    assert page.locator("#shown").inner_text() == f"{len(seeds)} events"
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / "timeline.png"))


def test_hover_shows_the_arabic_sentence(open_page, seed_page, seeds):
    page, log = open_page(seed_page, viewport=VIEWPORT)
    _ready(page)
    point = page.locator("#timeline-plot .cartesianlayer .scatterlayer .trace .points path.point").first
    box = point.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector("#timeline-plot .hoverlayer .hovertext", timeout=5_000)
    label = page.locator("#timeline-plot .hoverlayer").text_content()
    assert ARABIC.search(label)
    shown = page.get_attribute("#detail", "data-event")
    event = seeds.event(shown)
    card = page.locator("#detail blockquote").first
    assert card.text_content() == event.mentions[0].text
    assert card.get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('#detail blockquote')).direction") == "rtl"
    assert event.mentions[0].text[:20].split()[0].replace("\u200f", "") in label.replace("\u200f", "")
    page.screenshot(path=str(OUT / "timeline-hover.png"))
    assert log.problems() == []


def test_lane_dropdown_switches_between_types_and_actors(open_page, seed_page, seeds):
    page, log = open_page(seed_page)
    _ready(page)
    assert _visible_modes(page) == {"type"}
    page.locator("#timeline-plot .updatemenu-header").click()
    page.locator("#timeline-plot .updatemenu-dropdown-button", has_text="Lanes: actor").click()
    _wait(page, "document.getElementById('timeline-plot').layout.updatemenus[0].active === 1")
    assert _visible_modes(page) == {"actor"}
    lanes = page.evaluate("document.getElementById('timeline-plot').layout.yaxis.ticktext")
    assert seeds.actors["name"].iloc[0] in lanes
    assert page.evaluate(DRAWN) >= len(seeds)  # an event shows in the lane of each of its actors
    page.locator("#timeline-plot .updatemenu-header").click()
    page.locator("#timeline-plot .updatemenu-dropdown-button", has_text="Lanes: event type").click()
    _wait(page, "document.getElementById('timeline-plot').layout.updatemenus[0].active === 0")
    assert page.evaluate(DRAWN) == len(seeds)
    assert log.problems() == []


def test_actor_filter_and_search(open_page, seed_page, seeds):
    page, log = open_page(seed_page)
    _ready(page)
    name = seeds.mediations()["mediator"].iloc[0] if len(seeds.mediations()) else seeds.actors["name"].iloc[0]
    page.select_option("#actor-filter", name)
    expected = len(seeds.filter(actor=name))
    _wait(page, f"window.timelineApp.shown === {expected}")
    assert page.evaluate(DRAWN) == expected < len(seeds)
    page.click("#clear-filters")
    _wait(page, f"window.timelineApp.shown === {len(seeds)}")
    word = seeds.event_list[0].mentions[0].text.split()[1]
    page.fill("#search", word)
    _wait(page, f"window.timelineApp.shown < {len(seeds)}")
    assert page.evaluate(DRAWN) == page.evaluate("window.timelineApp.shown") >= 1
    assert log.problems() == []


def test_table_sorts_and_links_to_the_timeline(open_page, seed_page, seeds):
    page, log = open_page(seed_page)
    _ready(page)
    page.click("button.tab[data-view=table]")
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == len(seeds)
    dates = page.evaluate("Array.from(document.querySelectorAll('#events-table tbody tr'))"
                          ".map(r => window.timelineApp.events[+r.dataset.index].start || '~')")
    assert dates == sorted(dates)
    page.click("#events-table th[data-key=start]")
    assert page.get_attribute("#events-table th[data-key=start]", "aria-sort") == "descending"
    first = page.evaluate("window.timelineApp.events[+document.querySelector('#events-table tbody tr').dataset.index]")
    assert first["start"] == max(dates)
    page.locator("#events-table tbody tr").first.locator("a.show").click()
    _wait(page, "window.timelineApp.view === 'timeline'")
    _wait(page, f"document.getElementById('detail').dataset.event === {first['id']!r}")
    assert page.is_visible("#timeline-plot") and not page.is_visible("#events-table")
    x0, x1 = page.evaluate("document.getElementById('timeline-plot').layout.xaxis.range")
    assert str(x0)[:10] <= first["start"][:10] <= str(x1)[:10]
    assert log.problems() == []


def test_network_view(open_page, seed_page, seeds):
    page, log = open_page(seed_page, viewport=VIEWPORT)
    _ready(page)
    page.click("button.tab[data-view=network]")
    page.wait_for_selector("#network-plot .scatterlayer .trace .points path.point")
    nodes = page.evaluate("document.querySelectorAll('#network-plot .scatterlayer .trace .points path.point').length")
    assert nodes == len(seeds.actors)
    page.screenshot(path=str(OUT / "timeline-network.png"))
    assert log.problems() == []


NASTY_ARTICLE = """\
القاهرة - قال المتحدث باسم وزارة الخارجية القطرية أمس الأربعاء <script>window.__pwned = 1; alert("script")</script> إن الوسطاء قدموا مقترحا جديدا إلى حركة حماس وإسرائيل <img src=x onerror="window.__pwned = 2; alert('img')">.

واجتمع رئيس المخابرات المصرية مع وفد من حركة حماس في القاهرة يوم الخميس لبحث المقترح <a href="javascript:window.__pwned = 3">التفاصيل</a> </script><svg onload="window.__pwned = 4">.
"""


@pytest.fixture(scope="module")
def nasty_page(tmp_path_factory) -> tuple[Path, Timeline]:
    folder = tmp_path_factory.mktemp("nasty")
    (folder / "nasty.txt").write_text(NASTY_ARTICLE, encoding="utf-8")
    (folder / "manifest.yaml").write_text(
        "documents:\n  - file: nasty.txt\n    published: 2025-03-13\n    source: Test outlet\n"
        "    url: \"javascript:window.__pwned = 5\"\n    title: \"<img src=x onerror=alert('title')>\"\n",
        encoding="utf-8")
    tl = timeline.build([folder], title="<script>alert('title')</script>")
    assert not tl.problems and len(tl) >= 1, "the injection document must give events to show"
    return tl.to_html(folder / "timeline.html"), tl


@pytest.mark.parametrize("csp", ["kept", "bypassed"])
def test_script_in_a_document_does_not_run(open_page, nasty_page, csp):
    """With the page's Content-Security-Policy and without it: escaping alone must hold."""
    path, tl = nasty_page
    page, log = open_page(path, bypass_csp=csp == "bypassed")
    _ready(page)
    labels = []
    for i in range(len(tl)):
        page.evaluate(f"window.timelineApp.focusEvent({i})")  # zooms to the event and shows its label
        page.wait_for_selector("#timeline-plot .hoverlayer .hovertext", timeout=5_000)
        labels.append(page.locator("#timeline-plot .hoverlayer").text_content())
    assert any("<script>" in label or "<img" in label for label in labels)  # shown as text
    page.click("button.tab[data-view=table]")
    page.click("button.tab[data-view=network]")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert log.dialogs == [] and log.page_errors == [] and log.blocked_requests == []
    assert log.console_errors == []
    assert page.evaluate("document.querySelectorAll('img, svg[onload], [onerror], [onload]').length") == 0
    assert page.evaluate("Array.from(document.links).filter(a => !/^https?:|^#|^file:/.test(a.href)).length") == 0
    # the text is shown as text
    cards = page.evaluate("Array.from(document.querySelectorAll('#events-table td.ar')).map(td => td.textContent)")
    assert any("<script>" in c or "<img" in c for c in cards)
    assert page.title() == "<script>alert('title')</script>"

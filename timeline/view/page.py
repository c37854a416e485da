"""``timeline.html``: one self-contained page (plotly.js inlined, no network).

The page holds three JSON blocks (the timeline figure, the network figure and
the events) and two scripts (plotly.js and ``assets/page.js``).  A
Content-Security-Policy allows exactly those two scripts (by hash), no
connections and no plugins, so even text that slipped past escaping could not
run.  The output is deterministic: the same events give the same bytes.
"""
from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import plotly.graph_objects as go
import plotly.io as pio
from plotly.offline import get_plotlyjs

from timeline.graph import actor_graph, build_graph
from timeline.knowledge import get_kb
from timeline.model import Document, Event
from timeline.view.escape import json_for_script, safe_json_text
from timeline.view.figure import timeline_figure
from timeline.view.network import network_figure
from timeline.view.records import TYPE_LABELS, ViewEvent, view_records

ASSETS = Path(__file__).resolve().parent / "assets"
_SLOT = re.compile(r"\{\{([A-Z]+)\}\}")


def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def _fill(template: str, values: dict[str, str]) -> str:
    """Put ``values`` into the ``{{SLOTS}}`` of ``template`` in one pass (inserted text is not re-read)."""
    return _SLOT.sub(lambda m: values[m.group(1)], template)


def _event_json(ev: ViewEvent) -> dict[str, Any]:
    return {"index": ev.index, "id": ev.id, "type": ev.type, "typeLabel": TYPE_LABELS.get(ev.type, ev.type),
            "title": ev.title, "start": ev.start, "end": ev.end, "point": ev.point,
            "dateWords": ev.date_words, "precision": ev.precision_words, "basisWords": ev.basis_words,
            "hollow": ev.hollow, "planned": ev.planned, "actors": list(ev.actors),
            "mediators": list(ev.mediators), "place": ev.place, "sources": list(ev.sources),
            "mentions": [{"doc": m.doc, "text": m.text, "outlet": m.outlet, "cited": list(m.cited), "title": m.title,
                          "url": m.url, "published": m.published,
                           "published_words": m.published_words} for m in ev.mentions]}


def _figure_json(fig: go.Figure) -> str:
    """The figure as JSON, safe inside a script block."""
    return safe_json_text(pio.to_json(fig.to_plotly_json(), validate=False, pretty=False, remove_uids=True))


def render_page(events: Sequence[Event], *, documents: Iterable[Document] = (),
                title: str = "Negotiation timeline", graph: nx.Graph | None = None,
                lanes: str = "type") -> str:
    """The whole page for ``events`` as an HTML string.

    ``documents`` (optional) give publication dates, titles and links for the
    detail card; ``graph`` is the actor graph of the network view (by default
    built from the events); ``lanes`` is the lane mode shown first.
    """
    from timeline import __version__  # here: the package imports this module while it loads

    docs = list(documents)
    records = view_records(list(events), docs)
    if graph is None:
        graph = actor_graph(build_graph(list(events), get_kb()))
    fig = timeline_figure(records, lanes=lanes, hover=False)  # labels: once per event, in EVENTS
    net = network_figure(graph)
    names = sorted({n for r in records for n in r.actors + r.mediators}, key=lambda s: (s.lower(), s))
    payload = {"events": [_event_json(r) for r in records], "actorNames": names}
    plotly_js = get_plotlyjs()
    app_js = _asset("page.js")
    uses_gl = any(str(t.type).endswith("gl") for t in fig.data)
    csp = ("default-src 'none'; script-src " + _hash(plotly_js) + " " + _hash(app_js)
           + (" 'unsafe-eval'" if uses_gl else "")
           + "; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none'; "
             "base-uri 'none'; form-action 'none'; object-src 'none'")
    placed = sum(1 for r in records if r.placed)
    outlets = sorted({s for r in records for s in r.sources})
    summary = (f"{len(records)} events ({placed} on the time axis)"
               + (f" from {len(docs)} document{'s' if len(docs) != 1 else ''}" if docs else "")
               + (f"; outlets: {', '.join(outlets)}" if outlets else ""))
    doc_words = f"{len(docs)} document{'s' if len(docs) != 1 else ''}" if docs else "the given events"
    return _fill(_asset("page.html"), {
        "CSP": html.escape(csp, quote=False), "VERSION": html.escape(__version__), "TITLE": html.escape(title),
        "SUMMARY": html.escape(summary), "DOCS": html.escape(doc_words), "CSS": _asset("page.css"),
        "FIGURE": _figure_json(fig), "NETWORK": _figure_json(net),
        "EVENTS": json_for_script(payload), "PLOTLY": plotly_js, "APP": app_js,
    })


def write_page(path: str | Path, events: Sequence[Event], **options: Any) -> Path:
    """Write :func:`render_page` to ``path`` (UTF-8), creating its folder; returns the path."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_page(events, **options), encoding="utf-8", newline="\n")
    return out

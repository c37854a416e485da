"""The actor–mediator network as a Plotly figure.

Nodes are actors, sized by the number of events they take part in and
coloured by what they are (mediators stand out); edges join actors that share
events, thicker for more shared events.  The layout is a seeded spring layout
rounded to four decimals, so the same graph always gives the same picture.
"""
from __future__ import annotations

import math

import networkx as nx
import plotly.graph_objects as go

from timeline.graph.network import ordered_subgraph
from timeline.view.escape import label_text
from timeline.view.figure import FONT

KIND_COLORS = {"mediator": "#e67e22", "state": "#2874a6", "armed-group": "#b03a2e", "person": "#7d3c98",
               "organization": "#148f77", "government-body": "#5d6d7e", "media": "#95a5a6"}
KIND_LABELS = {"mediator": "Mediators", "state": "States", "armed-group": "Armed groups", "person": "People",
               "organization": "Organizations", "government-body": "Government bodies", "media": "Media",
               "unknown": "Other"}
EDGE_BUCKETS = ((1, 1, 1.0), (2, 3, 2.2), (4, 9, 3.6), (10, 10**9, 5.5))  # (min, max, width)
MAX_LABELS = 30


def _kind(data: dict) -> str:
    return "mediator" if data.get("mediates", 0) > 0 else str(data.get("actor_type") or "unknown")


def _ring(n: int, radius: float) -> list[tuple[float, float]]:
    return [(radius * math.cos(2 * math.pi * i / max(1, n) + 0.3), radius * math.sin(2 * math.pi * i / max(1, n) + 0.3))
            for i in range(n)]


def _layout(H: nx.Graph) -> dict[str, tuple[float, float]]:
    """Positions: the largest group of linked actors in the middle (seeded spring layout), smaller
    groups on a ring around it, lone actors on an outer ring; rounded so output is stable."""
    groups = sorted((sorted(c) for c in nx.connected_components(H)), key=lambda c: (-len(c), c[0]))
    linked = [g for g in groups if len(g) > 1]
    alone = sorted((g[0] for g in groups if len(g) == 1),
                   key=lambda n: (-H.nodes[n].get("events", 0), n))
    pos: dict[str, tuple[float, float]] = {}
    for k, group in enumerate(linked):
        sub = ordered_subgraph(H, group)
        spring = nx.spring_layout(sub, seed=7, weight=None, k=1.8 / math.sqrt(len(group)), iterations=200)
        scale = 1.0 if k == 0 else min(0.35, 0.12 * math.sqrt(len(group)))
        cx, cy = (0.0, 0.0) if k == 0 else _ring(len(linked) - 1, 1.45)[k - 1]
        pos.update({n: (cx + scale * float(x), cy + scale * float(y)) for n, (x, y) in spring.items()})
    for n, (x, y) in zip(alone, _ring(len(alone), 1.9 if linked else 1.0)):
        pos[n] = (x, y)
    return {n: (round(x, 4), round(y, 4)) for n, (x, y) in pos.items()}


def network_figure(A: nx.Graph, title: str = "Actors and mediators") -> go.Figure:
    """The actor graph ``A`` (from :func:`timeline.graph.actor_graph`) as a figure.

    Actors that take part in no event (affiliations only) are left out.
    """
    H = ordered_subgraph(A, (n for n, d in A.nodes(data=True) if d.get("events", 0) > 0))
    if H.number_of_nodes() == 0:
        fig = go.Figure()
        fig.update_layout(template="plotly_white", title=title, height=300,
                          annotations=[{"text": "no actors", "showarrow": False}])
        return fig
    pos = _layout(H)
    pos = {n: (round(float(x), 4), round(float(y), 4)) for n, (x, y) in pos.items()}
    traces: list[go.BaseTraceType] = []
    for lo, hi, width in EDGE_BUCKETS:
        xs: list[float | None] = []
        ys: list[float | None] = []
        for u, v, d in sorted(H.edges(data=True)):
            if lo <= d.get("weight", 1) <= hi:
                xs += [pos[u][0], pos[v][0], None]
                ys += [pos[u][1], pos[v][1], None]
        if xs:
            label = f"{lo} shared event" + ("s" if lo > 1 else "") if lo == hi else \
                f"{lo}+ shared events" if hi > 10**8 else f"{lo}–{hi} shared events"
            traces.append(go.Scatter(x=xs, y=ys, mode="lines", hoverinfo="skip", name=label,
                                     line={"width": width, "color": "rgba(80,90,100,0.45)"},
                                     legendgroup="edges"))
    ranked = sorted(H.nodes, key=lambda n: (-H.nodes[n].get("events", 0), n))
    labelled = set(ranked[:MAX_LABELS])
    kinds = sorted({_kind(H.nodes[n]) for n in H.nodes}, key=lambda k_: (k_ != "mediator", k_))
    for kind in kinds:
        nodes = [n for n in ranked if _kind(H.nodes[n]) == kind]
        hover = []
        for n in nodes:
            d = H.nodes[n]
            partners = sorted(H[n], key=lambda m: (-H[n][m].get("weight", 1), m))[:6]
            partner_text = ", ".join(f"{H.nodes[m].get('name', m)} ({H[n][m].get('weight', 1)})" for m in partners)
            hover.append("<br>".join([
                f"<b>{label_text(str(d.get('name', n)))}</b>",
                f"{d.get('events', 0)} events, mediates {d.get('mediates', 0)}",
                "with: " + label_text(partner_text) if partner_text else "no partners"]))
        traces.append(go.Scatter(
            x=[pos[n][0] for n in nodes], y=[pos[n][1] for n in nodes], mode="markers+text",
            name=KIND_LABELS.get(kind, kind), hovertext=hover, hoverinfo="text",
            text=[label_text(str(H.nodes[n].get("name", n))) if n in labelled else "" for n in nodes],
            textposition="top center", textfont={"size": 10},
            customdata=[str(H.nodes[n].get("name", n)) for n in nodes],
            marker={"size": [8 + 5 * math.sqrt(H.nodes[n].get("events", 0)) for n in nodes],
                    "color": KIND_COLORS.get(kind, "#95a5a6"), "line": {"width": 1, "color": "white"},
                    "opacity": 0.9}))
    fig = go.Figure(traces)
    fig.update_layout(template="plotly_white", title={"text": label_text(title), "x": 0.01}, height=720,
                      font={"family": FONT, "size": 12}, hovermode="closest", showlegend=True,
                      legend={"orientation": "h", "y": -0.05},
                      xaxis={"visible": False}, yaxis={"visible": False, "scaleanchor": "x"},
                      margin={"l": 20, "r": 20, "t": 50, "b": 40})
    return fig

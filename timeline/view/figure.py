"""The timeline as a Plotly figure: lanes, markers, spans, bands, slider.

Layout of the figure (:func:`timeline_figure`):

* the y axis is numeric: each lane (an event type, or an actor) is a block of
  rows; inside a lane, events are packed greedily into rows so that no two
  overlap (a point takes one day), so hundreds of events stay readable;
* day- and time-precise events are markers (``Scattergl`` above
  :data:`WEBGL_THRESHOLD` points), hollow when dated only by the publication
  date; week / month / vague dates are translucent horizontal bars over their
  interval (a zero-length bar would draw nothing, so points are never bars);
* both lane modes are in the figure; the dropdown shows one set of traces and
  swaps the axis labels, the lane separators and the height;
* ceasefires and military phases shade the plot (merged where they overlap);
* a range slider and 1m / 3m / 6m / all buttons drive the time axis.

Every trace carries the event's index in ``customdata`` so the page's script
can find the event, filter it and show its card.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from timeline.view.escape import arabic_lines, label_text
from timeline.view.records import TYPE_LABELS, TYPE_ORDER, ViewEvent

WEBGL_THRESHOLD = 1500   # markers per lane mode above which Scattergl is used
MAX_ROWS_PER_LANE = 12   # packing rows in one lane; beyond that rows are reused
MAX_ACTOR_LANES = 30     # actors with most events get a lane; the rest share one
ROW_PX = 22
BAND_LABELS_MAX = 24

TYPE_COLORS: dict[str, str] = {
    "military": "#c0392b", "ceasefire": "#27ae60", "agreement": "#1e8449", "decision": "#7d3c98", "proposal": "#b9770e",
    "rejection": "#922b21", "negotiation": "#1f618d", "meeting": "#2e86c1", "visit": "#17a589",
    "call": "#d35400", "statement": "#566573", "release": "#16a085", "exchange": "#0e6655", "other": "#7f8c8d",
}
BAND_STYLE = {"ceasefire": ("#27ae60", "Ceasefire / pause"), "military": ("#e74c3c", "Military phase")}
FONT = "Noto Naskh Arabic, Noto Sans Arabic, Amiri, DejaVu Sans, Arial, sans-serif"
NO_ACTOR = "(no actor named)"
OTHER_ACTORS = "(other actors)"


def _when(iso: str) -> float:
    """A start / end as a day number (fractions for times of day), for packing."""
    if " " in iso:
        t = dt.datetime.strptime(iso, "%Y-%m-%d %H:%M")
        return t.toordinal() + (t.hour * 60 + t.minute) / 1440
    return float(dt.date.fromisoformat(iso).toordinal())


def _ms(a: str, b: str) -> float:
    """Length of [a, b) in milliseconds (what a bar on a date axis measures)."""
    return round((_when(b) - _when(a)) * 86_400_000)


def hover_label(ev: ViewEvent) -> str:
    """The hover label of an event: escaped text, Arabic sentence right-to-left."""
    parts = [f"<b>{label_text(ev.title)}</b>",
             f"{label_text(ev.date_words)} <i>({label_text(ev.precision_words)} precision)</i>",
             f"<i>date: {label_text(ev.basis_words)}</i>",
             f"type: {label_text(TYPE_LABELS.get(ev.type, ev.type))}"]
    if ev.actors:
        parts.append("actors: " + label_text(", ".join(ev.actors)))
    if ev.mediators:
        parts.append("mediators: " + label_text(", ".join(ev.mediators)))
    if ev.place:
        parts.append("place: " + label_text(ev.place))
    if ev.sentence:
        parts.append(arabic_lines(ev.sentence))
    if ev.sources:
        parts.append("sources: " + label_text(", ".join(ev.sources)))
    return "<br>".join(parts)


@dataclass(frozen=True)
class Lane:
    """One lane of a mode: its label and the events in it."""

    key: str
    label: str
    events: tuple[ViewEvent, ...]


def type_lanes(events: Sequence[ViewEvent]) -> list[Lane]:
    """Lanes by event type, in :data:`TYPE_ORDER` (types without events left out)."""
    placed = [e for e in events if e.placed]
    order = list(TYPE_ORDER) + sorted({e.type for e in placed} - set(TYPE_ORDER))
    return [Lane(t, TYPE_LABELS.get(t, t), tuple(e for e in placed if e.type == t))
            for t in order if any(e.type == t for e in placed)]


def actor_lanes(events: Sequence[ViewEvent], max_lanes: int = MAX_ACTOR_LANES) -> list[Lane]:
    """Lanes by actor (mediators included), most involved first.

    An event sits in the lane of each of its actors; the actors beyond
    ``max_lanes`` share one lane, events with no actor another.
    """
    placed = [e for e in events if e.placed]
    counts = Counter(name for e in placed for name in dict.fromkeys(e.actors + e.mediators))
    top = [name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:max_lanes]]
    chosen = set(top)
    lanes = [Lane(name, name, tuple(e for e in placed if name in e.actors or name in e.mediators))
             for name in top]
    rest = tuple(e for e in placed if (e.actors or e.mediators)
                 and not chosen.intersection(e.actors + e.mediators))
    if rest:
        lanes.append(Lane(OTHER_ACTORS, OTHER_ACTORS, rest))
    lonely = tuple(e for e in placed if not e.actors and not e.mediators)
    if lonely:
        lanes.append(Lane(NO_ACTOR, NO_ACTOR, lonely))
    return lanes


def pack(lanes: list[Lane]) -> tuple[dict[tuple[str, int], float], list[tuple[float, float, str]]]:
    """Rows for every (lane, event): ({(lane key, event index): y}, [(top, bottom, label)]).

    Greedy interval packing: events sorted by start go to the first row whose
    last event has ended (a point lasts one day).  Rows count down from 0 at
    the top; lanes follow each other with no gap.
    """
    ys: dict[tuple[str, int], float] = {}
    blocks = []
    base = 0
    for lane in lanes:
        ends: list[float] = []
        for ev in sorted(lane.events, key=lambda e: (_when(e.start or ""), _when(e.end or ""), e.index)):
            a = _when(ev.start or "")
            b = max(_when(ev.end or ""), a + 1.0)
            row = next((r for r, end in enumerate(ends) if end <= a), None)
            if row is None:
                if len(ends) < MAX_ROWS_PER_LANE:
                    ends.append(b)
                    row = len(ends) - 1
                else:  # a crowded lane reuses the row that frees first
                    row = min(range(len(ends)), key=lambda r: (ends[r], r))
            ends[row] = max(ends[row], b)
            ys[(lane.key, ev.index)] = float(base + row)
        rows = max(1, len(ends))
        blocks.append((base - 0.5, base + rows - 0.5, lane.label))
        base += rows
    return ys, blocks


def _rgba(hex_color: str, alpha: float) -> str:
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _mode_traces(mode: str, lanes: list[Lane], visible: bool, labels: dict[int, str] | None
                 ) -> tuple[list[go.BaseTraceType], list, int]:
    """The traces, lane shapes and row count of one lane mode (no hover text when ``labels`` is None)."""
    ys, blocks = pack(lanes)
    items = [(lane.key, ev) for lane in lanes for ev in lane.events]
    marker_count = sum(1 for _, ev in items if ev.point)
    Scatter = go.Scattergl if marker_count > WEBGL_THRESHOLD else go.Scatter
    traces: list[go.BaseTraceType] = []
    types = list(TYPE_ORDER) + sorted({ev.type for _, ev in items} - set(TYPE_ORDER))
    for t in types:
        # filled, unplanned events first: a legend entry shows the symbol of its trace's first point
        mine = sorted(((key, ev) for key, ev in items if ev.type == t),
                      key=lambda kv: (kv[1].hollow, kv[1].planned, kv[1].index, kv[0]))
        if not mine:
            continue
        color = TYPE_COLORS.get(t, "#7f8c8d")
        group = f"{mode}:{t}"
        name = TYPE_LABELS.get(t, t)
        points = [(k, e) for k, e in mine if e.point]
        spans = [(k, e) for k, e in mine if not e.point]
        legend = True
        if points:
            traces.append(Scatter(
                x=[e.start for _, e in points], y=[ys[(k, e.index)] for k, e in points],
                customdata=[e.index for _, e in points],
                hovertext=[labels[e.index] for _, e in points] if labels is not None else None,
                hoverinfo="text", mode="markers", name=name, legendgroup=group, showlegend=legend,
                visible=visible, meta={"mode": mode, "kind": "points", "type": t},
                marker={"color": color, "size": 11,
                        "symbol": [("diamond" if e.planned else "circle") + ("-open" if e.hollow else "")
                                   for _, e in points],
                        "line": {"width": 1.5, "color": color}}))
            legend = False
        if spans:
            traces.append(go.Bar(
                base=[e.start for _, e in spans], x=[_ms(e.start or "", e.end or "") for _, e in spans],
                y=[ys[(k, e.index)] for k, e in spans], orientation="h", width=0.62,
                customdata=[e.index for _, e in spans],
                hovertext=[labels[e.index] for _, e in spans] if labels is not None else None,
                hoverinfo="text", name=name, legendgroup=group, showlegend=legend, visible=visible,
                meta={"mode": mode, "kind": "spans", "type": t},
                marker={"color": [_rgba(color, 0.05 if e.hollow else 0.35) for _, e in spans],
                        "line": {"color": color, "width": [2 if e.hollow else 1 for _, e in spans]}}))
    shapes = [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": bottom, "y1": bottom,
               "line": {"color": "#d5d8dc", "width": 1}, "layer": "below"} for _, bottom, _ in blocks[:-1]]
    axis = {"tickvals": [(top + bottom) / 2 for top, bottom, _ in blocks],
            "ticktext": [label_text(label) for _, _, label in blocks],
            "range": [blocks[-1][1] if blocks else 0.5, blocks[0][0] if blocks else -0.5]}
    return traces, [shapes, axis], int(blocks[-1][1] + 0.5) if blocks else 1


def bands(events: Sequence[ViewEvent]) -> list[tuple[str, str, str, int]]:
    """Shaded bands: (kind, start, end, events merged), overlapping ones of a kind merged."""
    out = []
    for kind in BAND_STYLE:
        spans = sorted((_when(e.start or ""), max(_when(e.end or ""), _when(e.start or "") + 1.0))
                       for e in events if e.band == kind)
        merged: list[list[float]] = []
        for a, b in spans:
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
                merged[-1][2] += 1
            else:
                merged.append([a, b, 1])
        for a, b, n in merged:
            out.append((kind, dt.date.fromordinal(int(a)).isoformat(), dt.date.fromordinal(int(b)).isoformat(),
                        int(n)))
    return out


def _band_shapes(events: Sequence[ViewEvent]) -> tuple[list[dict], list[dict]]:
    shapes, notes = [], []
    found = bands(events)
    for kind, a, b, _ in found:
        color, _ = BAND_STYLE[kind]
        shapes.append({"type": "rect", "xref": "x", "yref": "paper", "x0": a, "x1": b, "y0": 0, "y1": 1,
                       "fillcolor": color, "opacity": 0.13, "line": {"width": 0}, "layer": "below",
                       "name": f"band:{kind}"})
    # Label the widest bands first, skipping any that would sit on a label already placed.
    if found:
        span = max(_when(f[2]) for f in found) - min(_when(f[1]) for f in found)
        gap = max(1.0, span / 60)
    placed: list[float] = []
    labelled = []
    for f in sorted(found, key=lambda f: (-(_when(f[2]) - _when(f[1])), f[1], f[0])):
        at = _when(f[1])
        if len(labelled) < BAND_LABELS_MAX and all(abs(at - p) >= gap for p in placed):
            placed.append(at)
            labelled.append(f)
    for kind, a, b, n in sorted(labelled, key=lambda f: (f[1], f[0])):
        color, label = BAND_STYLE[kind]
        notes.append({"x": a, "xref": "x", "y": 0, "yref": "paper", "yanchor": "bottom", "xanchor": "right",
                      "textangle": -90, "text": label if n == 1 else f"{label} ({n})", "showarrow": False,
                      "font": {"size": 10, "color": color}})
    return shapes, notes


def timeline_figure(events: Sequence[ViewEvent], lanes: str = "type", title: str | None = None,
                    max_actor_lanes: int = MAX_ACTOR_LANES, hover: bool = True) -> go.Figure:
    """The interactive timeline of ``events`` (see the module docstring).

    ``lanes`` ("type" or "actor") is the mode shown first; the dropdown
    switches.  Events that cannot be placed on the axis are left out.
    ``hover=False`` leaves the hover labels out (the page's script adds them
    from its event data, so that a label is stored once however many lanes
    show its event).
    """
    if lanes not in ("type", "actor"):
        raise ValueError(f"lanes must be 'type' or 'actor', not {lanes!r}")
    labels = {e.index: hover_label(e) for e in events if e.placed} if hover else None
    modes = {"type": type_lanes(events), "actor": actor_lanes(events, max_actor_lanes)}
    band_shapes, band_notes = _band_shapes(events)
    if not any(e.placed for e in events):
        band_notes.append({"text": "no dated events to show", "showarrow": False, "xref": "paper",
                           "yref": "paper", "x": 0.5, "y": 0.5, "font": {"size": 16, "color": "#7f8c8d"}})
    traces: list[go.BaseTraceType] = []
    owner: list[str] = []
    layouts: dict[str, dict] = {}
    for mode, mode_lanes in modes.items():
        mode_traces, (lines, axis), rows = _mode_traces(mode, mode_lanes, visible=mode == lanes, labels=labels)
        traces += mode_traces
        owner += [mode] * len(mode_traces)
        layouts[mode] = {"shapes": band_shapes + lines, "yaxis.tickvals": axis["tickvals"],
                         "yaxis.ticktext": axis["ticktext"], "yaxis.range": axis["range"],
                         "height": max(460, 230 + ROW_PX * rows)}
    fig = go.Figure(traces)
    first = layouts[lanes]
    buttons = [{"label": label, "method": "update",
                "args": [{"visible": [o == mode for o in owner]}, layouts[mode]]}
               for mode, label in (("type", "Lanes: event type"), ("actor", "Lanes: actor"))]
    fig.update_layout(
        template="plotly_white", height=first["height"], barmode="overlay", hovermode="closest",
        font={"family": FONT, "size": 12}, margin={"l": 190, "r": 44, "t": 70 if title else 44, "b": 30},
        title={"text": label_text(title) if title else "", "x": 0.01, "y": 0.99, "yanchor": "top"},
        legend={"orientation": "h", "x": 0, "xref": "container", "y": 0, "yref": "container",
                "yanchor": "bottom", "xanchor": "left", "groupclick": "togglegroup", "itemsizing": "constant"},
        hoverlabel={"bgcolor": "white", "font": {"family": FONT, "size": 12}, "align": "left"},
        shapes=first["shapes"], annotations=band_notes, modebar={"orientation": "v"},
        yaxis={"tickmode": "array", "tickvals": first["yaxis.tickvals"], "ticktext": first["yaxis.ticktext"],
               "range": first["yaxis.range"], "showgrid": False, "zeroline": False, "fixedrange": True,
               "automargin": True},
        xaxis={"type": "date", "showgrid": True, "gridcolor": "#eef0f2",
               "rangeslider": {"visible": True, "thickness": 0.07},
               "rangeselector": {"x": 1, "xanchor": "right", "y": 1.01, "yanchor": "bottom", "buttons": [
                   {"count": 1, "label": "1m", "step": "month", "stepmode": "backward"},
                   {"count": 3, "label": "3m", "step": "month", "stepmode": "backward"},
                   {"count": 6, "label": "6m", "step": "month", "stepmode": "backward"},
                   {"label": "all", "step": "all"}]}},
        updatemenus=[{"type": "dropdown", "buttons": buttons, "active": 0 if lanes == "type" else 1,
                      "x": -0.01, "xanchor": "right", "y": 1.01, "yanchor": "bottom",
                      "showactive": True}],
        meta={"lane_modes": list(modes), "trace_modes": owner},
    )
    return fig

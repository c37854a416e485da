"""The Plotly timeline: one drawn item per placed event, lanes, packing, bands, WebGL."""
from __future__ import annotations

import plotly.graph_objects as go
import pytest

from timeline.view import figure as figure_module
from timeline.view.figure import actor_lanes, bands, hover_label, pack, timeline_figure, type_lanes
from timeline.view.records import view_records

from tests.view.factory import make_event

Q, H, I, E = ("qatar", "Qatar", "mediator"), ("hamas", "Hamas", "participant"), \
    ("israel", "Israel", "participant"), ("egypt", "Egypt", "mediator")


def _events():
    return [
        make_event("e1", "2024-05-06", actors=(H, I, Q)),
        make_event("e2", "2024-05-06", actors=(H, E), type_="call", family="call"),
        make_event("e3", "2024-05-01", "2024-05-31", granularity="month", value="2024-05", actors=(I,),
                   type_="negotiation", family="talks"),
        make_event("e4", "2024-05-07", basis="document-date", actors=(Q,), type_="statement", family="say"),
        make_event("e5", "2024-05-08", type_="agreement", family="ceasefire", actors=(H, I)),
        make_event("e6", None, granularity="none", basis="none", value=None),
    ]


def _visible_items(fig: go.Figure) -> list[int]:
    out = []
    for tr in fig.data:
        if tr.visible is True or tr.visible is None:
            out += list(tr.customdata)
    return out


def test_type_mode_draws_each_placed_event_once():
    recs = view_records(_events())
    fig = timeline_figure(recs)
    assert sorted(_visible_items(fig)) == [0, 1, 2, 3, 4]  # e6 is undated: listed, not drawn


def test_points_are_markers_and_spans_are_bars():
    fig = timeline_figure(view_records(_events()))
    for tr in fig.data:
        if tr.meta["kind"] == "spans":
            assert isinstance(tr, go.Bar) and tr.orientation == "h" and all(x > 0 for x in tr.x)
        else:
            assert isinstance(tr, go.Scatter) and tr.mode == "markers"
    hollow = [tr for tr in fig.data if tr.meta["kind"] == "points" and tr.meta["type"] == "statement"
              and tr.meta["mode"] == "type"]
    assert list(hollow[0].marker.symbol) == ["circle-open"]


def test_actor_mode_puts_an_event_in_each_actor_lane_and_the_dropdown_switches():
    recs = view_records(_events())
    fig = timeline_figure(recs)
    actor_traces = [tr for tr in fig.data if tr.meta["mode"] == "actor"]
    assert actor_traces and all(tr.visible is False for tr in actor_traces)
    items = [i for tr in actor_traces for i in tr.customdata]
    assert items.count(0) == 3  # Hamas, Israel and the mediator Qatar
    [menu] = fig.layout.updatemenus
    labels = [b.label for b in menu.buttons]
    assert labels == ["Lanes: event type", "Lanes: actor"]
    visible = menu.buttons[1].args[0]["visible"]
    assert visible == [tr.meta["mode"] == "actor" for tr in fig.data]
    assert "Hamas" in menu.buttons[1].args[1]["yaxis.ticktext"]


def test_actor_lanes_cap_and_share_the_rest():
    recs = view_records(_events())
    lanes = actor_lanes(recs, max_lanes=2)
    keys = [lane.key for lane in lanes]
    assert keys[:2] == ["Hamas", "Israel"] and figure_module.OTHER_ACTORS in keys
    assert [lane.key for lane in type_lanes(recs)][0] == "ceasefire"  # a ceasefire agreement is drawn as a ceasefire


def test_packing_never_overlaps_two_events_in_one_row():
    evs = [make_event(f"e{i}", "2024-05-06") for i in range(5)] + [make_event("x", "2024-05-07")]
    recs = view_records(evs)
    ys, blocks = pack(type_lanes(recs))
    same_day = [ys[("meeting", i)] for i in range(5)]
    assert len(set(same_day)) == 5
    assert ys[("meeting", 5)] == 0.0  # the next day reuses the first row
    assert blocks == [(-0.5, 4.5, "Meetings")]


def test_bands_merge_overlaps_and_shade_the_plot():
    evs = [make_event("a", "2024-01-01", "2024-01-31", type_="military", family="attack", granularity="month",
                      value="2024-01"),
           make_event("b", "2024-01-20", "2024-02-10", type_="military", family="attack", granularity="vague"),
           make_event("c", "2024-03-01", type_="agreement", family="ceasefire")]
    recs = view_records(evs)
    assert bands(recs) == [("ceasefire", "2024-03-01", "2024-03-02", 1), ("military", "2024-01-01", "2024-02-11", 2)]
    fig = timeline_figure(recs)
    rects = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(rects) == 2 and all(s.yref == "paper" and s.layer == "below" for s in rects)


def test_range_slider_and_buttons():
    fig = timeline_figure(view_records(_events()))
    assert fig.layout.xaxis.rangeslider.visible is True
    assert [b.label for b in fig.layout.xaxis.rangeselector.buttons] == ["1m", "3m", "6m", "all"]


def test_many_markers_use_webgl(monkeypatch):
    monkeypatch.setattr(figure_module, "WEBGL_THRESHOLD", 3)
    fig = timeline_figure(view_records(_events()))
    kinds = {type(tr).__name__ for tr in fig.data if tr.meta["kind"] == "points"}
    assert kinds == {"Scattergl"}


def test_hover_label_escapes_document_text_and_keeps_arabic_right_to_left():
    ev = make_event("e", "2024-05-06", text='قال <script>alert(1)</script> و<img src=x onerror="alert(2)">')
    [rec] = view_records([ev])
    label = hover_label(rec)
    assert "<script>" not in label and "<img" not in label
    assert "&lt;script&gt;" in label and "\u200f" in label
    assert "9 May" not in label and "6 May 2024" in label and "day precision" in label


def test_unknown_lane_mode_is_an_error():
    with pytest.raises(ValueError, match="lanes"):
        timeline_figure(view_records(_events()), lanes="place")


def test_a_timeline_with_nothing_to_place_says_so():
    fig = timeline_figure(view_records([make_event("u", None, granularity="none", basis="none", value=None)]))
    assert not _visible_items(fig)
    assert any(a.text == "no dated events to show" for a in fig.layout.annotations)

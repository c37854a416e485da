"""The notebook API: timeline.build -> Timeline with tables, graphs, figures, filters and files."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import networkx as nx
import pandas as pd
import plotly.graph_objects as go
import pytest

import timeline
from timeline.api import EVENT_COLUMNS, Timeline

from tests.view.factory import make_document, make_event

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def tl() -> Timeline:
    return timeline.build([SEEDS], title="seeds")


@pytest.fixture()
def small() -> Timeline:
    Q, H, I = ("qatar", "Qatar", "mediator"), ("hamas", "Hamas", "participant"), ("israel", "Israel", "participant")
    evs = [make_event("a", "2024-05-06", actors=(H, I, Q), text="اجتمع الوفد في الدوحة"),
           make_event("b", "2024-05-01", "2024-05-31", granularity="month", value="2024-05", actors=(I,),
                      type_="negotiation", family="talks", text="جرت مفاوضات في القاهرة"),
           make_event("c", "2024-07-02", actors=(("qatar", "Qatar", "speaker"),), type_="statement", family="say", text="قال المتحدث"),
           make_event("d", None, granularity="none", basis="none", value=None, actors=(H,), text="قال")]
    return Timeline(evs, [make_document()], title="small")


def test_build_accepts_one_path_or_many(tl):
    assert isinstance(tl, Timeline) and len(tl) > 0 and not tl.problems
    assert len(timeline.build(SEEDS)) == len(tl)


def test_events_table(tl):
    ev = tl.events
    assert isinstance(ev, pd.DataFrame) and tuple(ev.columns) == EVENT_COLUMNS
    assert ev.index.is_unique and list(ev.index) == [e.id for e in tl.event_list]
    assert str(ev["start"].dtype).startswith("datetime64") and (ev["start"].dropna() <= ev["end"].dropna()).all()
    assert set(ev["type"]) <= set(timeline.api.EVENT_TYPES)
    assert all(isinstance(a, list) for a in ev["actors"])


def test_mentions_point_into_the_original_text(tl):
    texts = {d.id: d.text for d in tl.documents}
    m = tl.mentions
    assert len(m) >= len(tl)
    for row in m.itertuples():
        assert texts[row.doc][row.start:row.end] == row.text


def test_actors_and_mediations(tl):
    actors = tl.actors
    assert list(actors.columns) == ["id", "name", "type", "events", "mediates"]
    assert actors["events"].is_monotonic_decreasing
    med = tl.mediations()
    assert set(med["mediator"]) <= set(actors.loc[actors["mediates"] > 0, "name"])


def test_graphs(tl):
    assert isinstance(tl.graph, nx.MultiDiGraph) and isinstance(tl.actor_graph, nx.Graph)
    assert tl.graph is tl.graph  # cached


def test_filter_by_actor_id_name_or_case(small):
    assert [e.id for e in small.filter(actor="qatar").event_list] == ["a", "c"]
    assert [e.id for e in small.filter(actor="QATAR").event_list] == ["a", "c"]
    assert [e.id for e in small.filter(actor=["Israel", "Qatar"]).event_list] == ["a", "b", "c"]
    assert [e.id for e in small.filter(mediator="Qatar").event_list] == ["a"]


def test_filter_by_dates_overlaps_and_drops_undated(small):
    assert [e.id for e in small.filter(since="2024-05-20").event_list] == ["b", "c"]
    assert [e.id for e in small.filter(until=dt.date(2024, 5, 1)).event_list] == ["b"]
    assert [e.id for e in small.filter(since=pd.Timestamp("2024-05-06"), until="2024-05-06").event_list] == ["a", "b"]


def test_filter_by_types_and_text(small):
    assert [e.id for e in small.filter(types="negotiation").event_list] == ["b"]
    assert [e.id for e in small.filter(types=["meeting", "statement"]).event_list] == ["a", "c", "d"]
    assert [e.id for e in small.filter(text="الدوحه").event_list] == ["a"]  # folded like the pipeline


def test_filter_returns_a_new_timeline(small):
    narrowed = small.filter(actor="Hamas")
    assert len(small) == 4 and len(narrowed) == 2 and narrowed.documents == small.documents


@pytest.mark.parametrize("kwargs, message", [
    ({"types": "meetings"}, "unknown event type"),
    ({"actor": "Qatr"}, "no actor 'Qatr'"),
    ({"since": "last week"}, "not a date"),
])
def test_filter_errors_are_clear(small, kwargs, message):
    with pytest.raises(ValueError, match=message):
        small.filter(**kwargs)


def test_event_lookup(small):
    assert small.event("b").type == "negotiation"
    with pytest.raises(KeyError, match="no event 'zz'"):
        small.event("zz")


def test_figures(small):
    fig = small.figure()
    assert isinstance(fig, go.Figure) and fig.layout.title.text == "small"
    assert isinstance(small.figure(lanes="actor"), go.Figure)
    assert isinstance(small.network_figure(), go.Figure)


def test_files_are_written_and_deterministic(tl, tmp_path):
    a = tl.to_html(tmp_path / "a" / "timeline.html")
    b = tl.to_html(tmp_path / "b.html")
    assert a.read_bytes() == b.read_bytes() and a.stat().st_size > 1_000_000  # plotly.js is inlined
    assert tl.to_json(tmp_path / "events.json").exists() and tl.to_csv(tmp_path / "events.csv").exists()


def test_repr(small):
    assert "4 events" in repr(small) and "small" in repr(small)


def test_actor_words_are_quoted_as_printed(tl):
    """Actors are matched on the working copy, but the words shown are the original's (hamza and all)."""
    texts = {d.id: d.text for d in tl.documents}
    for ev in tl.event_list:
        for actor in ev.actors:
            if actor.surface:
                assert any(actor.surface in texts[m.doc] for m in ev.mentions), (ev.id, actor.surface)

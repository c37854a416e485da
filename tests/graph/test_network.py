"""The actor/event network: nodes, roles, affiliations, projection and the questions asked of it."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import networkx as nx
import pytest

from timeline.graph import actor_graph, build_graph, ego_network, mediations, mediator_centrality
from timeline.knowledge.kb import Actor, Affiliation, KnowledgeBase
from timeline.model import Event, EventActor, EventDate, EventMention, Interval


def _event(ident: str, day: str | list[str] | None, actors: list[tuple[str, str, str]], *,
           etype: str = "meeting", location: str | None = None, planned: bool = False) -> Event:
    """A hand-made event; ``actors`` are (id, name, role)."""
    if isinstance(day, list):
        interval = Interval(day[0], day[-1])
    else:
        interval = Interval(day, day) if day else None
    date = EventDate(day, interval, "day" if day else "none", "explicit" if day else "none")
    text = f"نص الحدث {ident}"
    mention = EventMention("doc1", 0, len(text), text, "التقى", 0, 0)
    people = [EventActor(i, n, r, "person" if i.startswith("ar:") else "state") for i, n, r in actors]  # type: ignore[arg-type]
    return Event(ident, etype, "040", f"Meeting {ident}", date, people, location, [mention],  # type: ignore[arg-type]
                 ["Al Jazeera"], planned)


@pytest.fixture()
def events() -> list[Event]:
    return [
        _event("e1", "2024-05-01", [("israel", "Israel", "participant"), ("hamas", "Hamas", "participant"),
                                    ("qatar", "Qatar", "mediator"), ("egypt", "Egypt", "mediator")],
               location="Cairo"),
        _event("e2", ["2024-05-02", "2024-05-03"], [("israel", "Israel", "participant"),
                                                    ("united-states", "United States", "participant")],
               etype="call"),
        _event("e3", "2024-04-20", [("hamas", "Hamas", "participant"), ("qatar", "Qatar", "mediator"),
                                    ("israel", "Israel", "participant")]),
        _event("e4", None, [("ar:خليل الحية", "خليل الحية", "speaker"), ("israel", "Israel", "target")],
               etype="statement", planned=True),
    ]


@pytest.fixture()
def kb() -> KnowledgeBase:
    """Three states, a movement and a person, with dated affiliations."""
    def actor(ident: str, name: str, kind: str, *affs: Affiliation) -> Actor:
        return Actor(ident, name, kind, (name,), affiliations=affs)

    return KnowledgeBase(actors={a.id: a for a in [
        actor("israel", "Israel", "state"), actor("qatar", "Qatar", "state"), actor("egypt", "Egypt", "state"),
        actor("united-states", "United States", "state"), actor("hamas", "Hamas", "armed-group"),
        actor("palestine", "Palestine", "state"),
        actor("hamas-politburo", "Hamas Political Bureau", "organization", Affiliation("hamas", None, None, None)),
        actor("ismail-haniyeh", "Ismail Haniyeh", "person",
              Affiliation("hamas-politburo", "Chairman", dt.date(2017, 5, 6), dt.date(2024, 7, 31))),
    ]})


def test_build_graph_has_one_node_per_actor_and_event(events: list[Event]) -> None:
    G = build_graph(events)
    actors = sorted(n for n, d in G.nodes(data=True) if d["kind"] == "actor")
    assert actors == ["actor:ar:خليل الحية", "actor:egypt", "actor:hamas", "actor:israel", "actor:qatar",
                      "actor:united-states"]
    assert sorted(n for n, d in G.nodes(data=True) if d["kind"] == "event") == [
        "event:e1", "event:e2", "event:e3", "event:e4"]
    assert G.number_of_edges() == 4 + 2 + 3 + 2


def test_build_graph_event_attributes(events: list[Event]) -> None:
    G = build_graph(events)
    e1, e2, e4 = G.nodes["event:e1"], G.nodes["event:e2"], G.nodes["event:e4"]
    assert (e1["type"], e1["cameo"], e1["date"], e1["start"], e1["end"]) == (
        "meeting", "040", "2024-05-01", "2024-05-01", "2024-05-01")
    assert e1["location"] == "Cairo" and e1["planned"] is False and e1["granularity"] == "day"
    assert e2["date"] == "2024-05-02/2024-05-03" and e2["end"] == "2024-05-03"
    assert (e4["date"], e4["start"], e4["end"], e4["location"], e4["basis"]) == ("", "", "", "", "none")
    assert e4["planned"] is True


def test_build_graph_role_edges(events: list[Event]) -> None:
    G = build_graph(events)
    assert G.has_edge("actor:qatar", "event:e1", key="mediator")
    assert G.edges["actor:qatar", "event:e1", "mediator"] == {"kind": "role", "role": "mediator", "unit": ""}
    assert G.edges["actor:israel", "event:e4", "target"]["role"] == "target"
    roles = sorted(d["role"] for _, _, d in G.in_edges("event:e1", data=True))
    assert roles == ["mediator", "mediator", "participant", "participant"]


def test_build_graph_unknown_person_is_named_by_its_arabic_name(events: list[Event]) -> None:
    node = build_graph(events).nodes["actor:ar:خليل الحية"]
    assert node == {"kind": "actor", "name": "خليل الحية", "actor_type": "person", "id": "ar:خليل الحية"}


def test_build_graph_adds_affiliations_transitively(kb: KnowledgeBase) -> None:
    ev = _event("e1", "2024-06-01", [("ismail-haniyeh", "Ismail Haniyeh", "speaker")], etype="statement")
    G = build_graph([ev], kb)
    assert G.nodes["actor:hamas"] == {"kind": "actor", "name": "Hamas", "actor_type": "armed-group", "id": "hamas"}
    aff = G.get_edge_data("actor:ismail-haniyeh", "actor:hamas-politburo")
    assert list(aff.values()) == [{"kind": "affiliation", "title": "Chairman", "from": "2017-05-06",
                                   "until": "2024-07-31"}]
    assert G.get_edge_data("actor:hamas-politburo", "actor:hamas")["affiliation-0"]["from"] == ""
    assert "actor:palestine" not in G  # only actors reached from the events
    assert G.number_of_nodes() == 4 and G.number_of_edges() == 3


def test_build_graph_takes_names_from_the_kb_yaml(tmp_path: Path) -> None:
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "test.yaml").write_text(
        "actors:\n"
        "  - {id: qatar, name: Qatar, type: state, ar: [قطر]}\n"
        "  - {id: qatar-mofa, name: Ministry of Foreign Affairs (Qatar), type: government-body,"
        " ar: [الخارجية القطرية], affiliations: [{of: qatar}]}\n", encoding="utf-8")
    kb = KnowledgeBase.load(tmp_path)
    ev = _event("e1", "2024-06-01", [("qatar-mofa", "Qatar", "speaker")])
    G = build_graph([ev], kb)
    assert G.nodes["actor:qatar-mofa"]["name"] == "Ministry of Foreign Affairs (Qatar)"
    assert G.nodes["actor:qatar-mofa"]["actor_type"] == "government-body"
    assert G.has_edge("actor:qatar-mofa", "actor:qatar")


def test_build_graph_is_independent_of_event_order(events: list[Event], kb: KnowledgeBase) -> None:
    a, b = build_graph(events, kb), build_graph(list(reversed(events)), kb)
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))


def test_actor_graph_weights_and_events(events: list[Event]) -> None:
    A = actor_graph(build_graph(events))
    assert isinstance(A, nx.Graph) and not A.is_directed()
    assert A.number_of_nodes() == 6
    link = A.edges["actor:israel", "actor:hamas"]
    assert (link["weight"], link["events"], link["mediated"]) == (2, ["e1", "e3"], 0)  # neither mediates
    assert A.edges["actor:qatar", "actor:israel"]["mediated"] == 2
    assert A.edges["actor:israel", "actor:united-states"] == {"weight": 1, "events": ["e2"], "mediated": 0}
    assert A.edges["actor:qatar", "actor:egypt"]["mediated"] == 1
    assert not A.has_edge("actor:united-states", "actor:qatar")
    assert A.number_of_edges() == 6 + 1 + 1  # e1: 4 actors; e2; e4 (e3 adds no new pair)


def test_actor_graph_node_involvement(events: list[Event]) -> None:
    A = actor_graph(build_graph(events))
    assert A.nodes["actor:israel"]["events"] == 4
    assert A.nodes["actor:qatar"]["events"] == 2 and A.nodes["actor:qatar"]["mediates"] == 2
    assert A.nodes["actor:qatar"]["name"] == "Qatar" and A.nodes["actor:qatar"]["kind"] == "actor"


def test_mediator_centrality_orders_by_mediations_then_betweenness(events: list[Event]) -> None:
    rows = mediator_centrality(build_graph(events))
    assert [r[:2] for r in rows] == [("Qatar", 2), ("Egypt", 1), ("Israel", 0)]
    israel = rows[-1][2]
    assert israel > 0  # the only bridge to the United States and the unknown speaker
    assert rows[0][2] == 0.0 and rows[1][2] == 0.0


def test_mediator_centrality_accepts_the_projection(events: list[Event]) -> None:
    G = build_graph(events)
    assert mediator_centrality(actor_graph(G)) == mediator_centrality(G)


def test_mediator_centrality_uses_inverse_weight_as_distance() -> None:
    # a-b meet three times, b-c three times, a-c once: the a-c path through b
    # (1/3 + 1/3) is shorter than the direct link (1), so b lies between them.
    evs = [_event(f"e{i}", "2024-01-01", [("a", "A", "participant"), ("b", "B", "mediator")]) for i in range(3)]
    evs += [_event(f"f{i}", "2024-01-01", [("b", "B", "participant"), ("c", "C", "participant")]) for i in range(3)]
    evs.append(_event("g", "2024-01-01", [("a", "A", "participant"), ("c", "C", "participant")]))
    rows = mediator_centrality(build_graph(evs))
    assert rows == [("B", 3, 1.0)]


def test_ego_network_by_id_node_and_name(events: list[Event]) -> None:
    G = build_graph(events)
    by_id = ego_network(G, "united-states")
    assert sorted(by_id.nodes) == ["actor:israel", "actor:united-states"]
    assert sorted(ego_network(G, "actor:united-states").nodes) == sorted(by_id.nodes)
    assert sorted(ego_network(G, "United States").nodes) == sorted(by_id.nodes)
    assert ego_network(G, "United States", radius=2).number_of_nodes() == 6
    assert by_id.edges["actor:israel", "actor:united-states"]["weight"] == 1


def test_ego_network_unknown_actor_raises_key_error(events: list[Event]) -> None:
    with pytest.raises(KeyError, match="unknown actor 'Atlantis'"):
        ego_network(build_graph(events), "Atlantis")


def test_mediations_who_between_whom_over_time(events: list[Event]) -> None:
    assert mediations(build_graph(events)) == [
        {"event": "e3", "date": "2024-04-20", "mediator": "Qatar", "between": ["Hamas", "Israel"]},
        {"event": "e1", "date": "2024-05-01", "mediator": "Egypt", "between": ["Hamas", "Israel"]},
        {"event": "e1", "date": "2024-05-01", "mediator": "Qatar", "between": ["Hamas", "Israel"]},
    ]


def test_mediations_empty_without_mediators() -> None:
    ev = _event("e1", "2024-01-01", [("a", "A", "participant"), ("b", "B", "participant")])
    assert mediations(build_graph([ev])) == []


def test_ordered_subgraph_is_sorted_whatever_the_input_order():
    from timeline.graph import ordered_subgraph
    G = nx.Graph()
    G.add_edges_from([("c", "a"), ("b", "c"), ("a", "b"), ("c", "d")])
    H = ordered_subgraph(G, ["c", "b", "a"])
    assert list(H.nodes) == ["a", "b", "c"]
    assert list(H.edges) == [("a", "b"), ("a", "c"), ("b", "c")]
    M = nx.MultiDiGraph()
    M.add_edge("y", "x", key="k2")
    M.add_edge("x", "y", key="k1")
    assert list(ordered_subgraph(M, {"y", "x"}).edges(keys=True)) == [("x", "y", "k1"), ("y", "x", "k2")]

"""Graph files: GraphML that networkx reads back, node-link JSON that is byte-for-byte stable."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx

from timeline.export.graph_export import write_graphml, write_node_link
from timeline.graph import actor_graph, build_graph
from timeline.knowledge.kb import Actor, Affiliation, KnowledgeBase
from timeline.model import Event, EventActor, EventDate, EventMention, Interval


def _events() -> list[Event]:
    def ev(ident: str, day: str | list[str], actors: list[tuple[str, str, str]]) -> Event:
        interval = Interval(day[0], day[-1]) if isinstance(day, list) else Interval(day, day)
        mention = EventMention("doc", 0, 10, "التقى الوفد", "التقى", 0, 0)
        return Event(ident, "meeting", "040", f"Meeting {ident}", EventDate(day, interval, "day", "explicit"),
                     [EventActor(i, n, r, "state") for i, n, r in actors], "الدوحة", [mention],  # type: ignore[arg-type]
                     ["الجزيرة", "Reuters"])

    return [ev("e2", ["2024-05-02", "2024-05-03"], [("israel", "Israel", "participant"),
                                                    ("ar:خليل الحية", "خليل الحية", "participant")]),
            ev("e1", "2024-05-01", [("israel", "Israel", "participant"), ("hamas", "Hamas", "participant"),
                                    ("qatar", "Qatar", "mediator")])]


def _kb() -> KnowledgeBase:
    return KnowledgeBase(actors={
        "israel": Actor("israel", "Israel", "state", ("إسرائيل",)),
        "qatar": Actor("qatar", "Qatar", "state", ("قطر",)),
        "hamas": Actor("hamas", "Hamas", "armed-group", ("حماس",),
                       affiliations=(Affiliation("qatar", "guest", None, None),)),
    })


def test_graphml_reads_back_with_networkx(tmp_path: Path) -> None:
    G = build_graph(_events(), _kb())
    path = write_graphml(G, tmp_path / "g" / "graph.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.is_directed() and back.is_multigraph()
    assert sorted(back.nodes) == sorted(G.nodes)
    assert back.number_of_edges() == G.number_of_edges()
    assert back.nodes["actor:ar:خليل الحية"]["name"] == "خليل الحية"
    assert back.nodes["event:e1"]["planned"] is False
    roles = sorted(d["role"] for _, _, d in back.in_edges("event:e1", data=True))
    assert roles == ["mediator", "participant", "participant"]
    aff = list(back.get_edge_data("actor:hamas", "actor:qatar").values())[0]
    assert (aff["kind"], aff["title"], aff["from"], aff["until"]) == ("affiliation", "guest", "", "")


def test_graphml_flattens_lists(tmp_path: Path) -> None:
    G = build_graph(_events(), _kb())
    back = nx.read_graphml(write_graphml(G, tmp_path / "graph.graphml"), force_multigraph=True)
    assert back.nodes["event:e1"]["sources"] == "الجزيرة; Reuters"
    A = nx.read_graphml(write_graphml(actor_graph(G), tmp_path / "actors.graphml"))
    assert A.edges["actor:israel", "actor:hamas"]["events"] == "e1"
    assert A.edges["actor:israel", "actor:hamas"]["weight"] == 1
    assert A.nodes["actor:israel"]["events"] == 2


def test_graphml_edge_ids_are_unique(tmp_path: Path) -> None:
    path = write_graphml(build_graph(_events(), _kb()), tmp_path / "graph.graphml")
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    ids = [e.get("id") for e in ET.parse(path).getroot().iter(f"{ns}edge")]
    assert len(ids) == 6 and len(set(ids)) == len(ids)


def test_graphml_same_graph_same_bytes(tmp_path: Path) -> None:
    a = write_graphml(build_graph(_events(), _kb()), tmp_path / "a.graphml").read_bytes()
    b = write_graphml(build_graph(list(reversed(_events())), _kb()), tmp_path / "b.graphml").read_bytes()
    assert a == b


def test_node_link_json_is_byte_identical_on_two_writes(tmp_path: Path) -> None:
    a = write_node_link(build_graph(_events(), _kb()), tmp_path / "a.json").read_bytes()
    b = write_node_link(build_graph(list(reversed(_events())), _kb()), tmp_path / "b.json").read_bytes()
    assert a == b
    assert "خليل الحية".encode() in a  # Arabic kept readable


def test_node_link_json_sorted_and_readable(tmp_path: Path) -> None:
    G = build_graph(_events(), _kb())
    data = json.loads(write_node_link(G, tmp_path / "graph.json").read_text(encoding="utf-8"))
    ids = [n["id"] for n in data["nodes"]]
    assert ids == sorted(ids) and len(ids) == G.number_of_nodes()
    links = [(e["source"], e["target"], e["key"]) for e in data["links"]]
    assert links == sorted(links) and len(links) == G.number_of_edges()
    assert next(n for n in data["nodes"] if n["id"] == "event:e1")["sources"] == ["الجزيرة", "Reuters"]
    back = nx.node_link_graph(data, edges="links")
    assert back.is_multigraph() and back.number_of_edges() == G.number_of_edges()

"""Graph files: GraphML (Gephi, yEd, Cytoscape) and node-link JSON (d3, networkx).

Both writers are deterministic: nodes and edges are written in sorted order,
so the same graph gives the same bytes.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx


def _scalar(value: Any) -> str | int | float | bool:
    """A GraphML-safe value: lists joined with "; ", None as "", bools and numbers kept."""
    if value is None:
        return ""
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return "; ".join(str(v) for v in items)
    return str(value)


def _flat(data: dict[str, Any]) -> dict[str, Any]:
    return {k: _scalar(v) for k, v in data.items()}


def _edge_sort_key(edge: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple(str(x) for x in edge[:-1])


def graphml_ready(G: nx.Graph) -> nx.Graph:
    """A copy of ``G`` with scalar attributes only and nodes/edges in sorted order.

    Multigraph edges get unique ids ``e0, e1, ...`` (GraphML tools such as Gephi
    drop edges whose id repeats); their original key is kept as the
    ``edge_key`` attribute.
    """
    H = G.__class__()
    H.graph.update(_flat(dict(G.graph)))
    for node in sorted(G.nodes, key=str):
        H.add_node(node, **_flat(G.nodes[node]))
    if G.is_multigraph():
        edges = sorted(G.edges(keys=True, data=True), key=_edge_sort_key)
        for n, (u, v, key, data) in enumerate(edges):
            H.add_edge(u, v, key=f"e{n}", edge_key=str(key), **_flat(data))
    else:
        for u, v, data in sorted(G.edges(data=True), key=_edge_sort_key):
            H.add_edge(u, v, **_flat(data))
    return H


def write_graphml(G: nx.Graph, path: str | Path) -> Path:
    """Write ``G`` as GraphML (UTF-8), flattening list attributes; creates the folder."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(graphml_ready(G), out, encoding="utf-8")
    return out


def node_link(G: nx.Graph) -> dict[str, Any]:
    """The node-link dict of ``G`` (keys ``nodes`` and ``links``), nodes and links sorted."""
    data = nx.node_link_data(G, edges="links")
    data["nodes"] = sorted(data["nodes"], key=lambda n: str(n["id"]))
    data["links"] = sorted(data["links"], key=lambda e: (str(e["source"]), str(e["target"]), str(e.get("key", ""))))
    return data


def write_node_link(G: nx.Graph, path: str | Path) -> Path:
    """Write ``G`` as node-link JSON (readable Arabic, byte-identical for the same graph)."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(node_link(G), ensure_ascii=False, indent=1, sort_keys=True, default=str)
    out.write_text(text + "\n", encoding="utf-8")
    return out

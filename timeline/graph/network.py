"""Actor / event networks: who meets, mediates and speaks with whom, over time.

:func:`build_graph` turns events into a directed multigraph with one node per
actor (``actor:<id>``) and per event (``event:<id>``); every role an actor
plays in an event is an edge actor -> event.  With a knowledge base, the
affiliations of the actors (a minister in a government, a government body in
its state) are added as actor -> actor edges.

:func:`actor_graph` projects that graph onto the actors; the other functions
answer questions on it (mediator centrality, ego networks, mediations over
time).  Every result is deterministic: nodes, edges and lists are built in
sorted order, never from set iteration.
"""
from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations
from typing import Any

import networkx as nx

from timeline.knowledge.kb import KnowledgeBase
from timeline.model import Event, EventActor

ACTOR_PREFIX = "actor:"
EVENT_PREFIX = "event:"
UNKNOWN_PERSON_PREFIX = "ar:"  # actors the KB does not know: "ar:<Arabic name>"
ROLES = ("participant", "initiator", "mediator", "speaker", "target")


def actor_node(actor_id: str) -> str:
    """The node id of an actor (``actor:<id>``)."""
    return ACTOR_PREFIX + actor_id


def event_node(event_id: str) -> str:
    """The node id of an event (``event:<id>``)."""
    return EVENT_PREFIX + event_id


def _date_value(value: str | list[str] | None) -> str:
    """An event date value as one string (a list of alternatives joined with ``/``)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "/".join(str(v) for v in value)
    return str(value)


def _actor_attrs(actor_id: str, fallback: EventActor | None, kb: KnowledgeBase | None) -> dict[str, Any]:
    """Node attributes of an actor: its KB name and type when known, else what the event says.

    An event names a government body by its state (the CAMEO convention, see
    :meth:`KnowledgeBase.export_name`) and keeps the body as ``unit``; the node
    stands for the body itself, so without a KB its own name is the unit.
    """
    if actor_id.startswith(UNKNOWN_PERSON_PREFIX):
        return {"kind": "actor", "name": actor_id[len(UNKNOWN_PERSON_PREFIX):], "actor_type": "person",
                "id": actor_id}
    if kb is not None and actor_id in kb.actors:
        known = kb.actors[actor_id]
        return {"kind": "actor", "name": known.name, "actor_type": known.type, "id": actor_id}
    if fallback is not None:
        return {"kind": "actor", "name": fallback.unit or fallback.name, "actor_type": fallback.type,
                "id": actor_id}
    return {"kind": "actor", "name": actor_id, "actor_type": "unknown", "id": actor_id}


def _event_attrs(ev: Event) -> dict[str, Any]:
    """Node attributes of an event."""
    d = ev.date
    return {"kind": "event", "id": ev.id, "type": ev.type, "cameo": ev.cameo, "title": ev.title,
            "date": _date_value(d.value), "start": d.interval.start if d.interval else "",
            "end": d.interval.end if d.interval else "", "granularity": d.granularity, "basis": d.basis,
            "location": ev.location or "", "planned": bool(ev.planned), "sources": list(ev.sources)}


def _iso(day: Any) -> str:
    return day.isoformat() if day is not None else ""


def build_graph(events: list[Event], kb: KnowledgeBase | None = None) -> nx.MultiDiGraph:
    """The actor/event graph of ``events``.

    Nodes: ``actor:<id>`` (kind="actor", name, actor_type, id) and
    ``event:<id>`` (kind="event", id, type, cameo, title, date, start, end,
    granularity, basis, location, planned, sources).  Edges: actor -> event,
    one per role, keyed by the role (kind="role", role, unit); with ``kb``,
    actor -> actor affiliation edges keyed ``affiliation-<n>`` (kind="affiliation",
    title, from, until; ISO dates or "") for every actor in the graph, adding the
    actors they belong to (and, in turn, their affiliations) as nodes.
    """
    G = nx.MultiDiGraph()
    ordered = sorted(events, key=lambda e: e.id)
    # Actor nodes first, in id order, so node order never depends on event order.
    first_seen: dict[str, EventActor] = {}
    for ev in ordered:
        for a in ev.actors:
            first_seen.setdefault(a.id, a)
    for actor_id in sorted(first_seen):
        G.add_node(actor_node(actor_id), **_actor_attrs(actor_id, first_seen[actor_id], kb))
    for ev in ordered:
        G.add_node(event_node(ev.id), **_event_attrs(ev))
    for ev in ordered:
        for a in sorted(ev.actors, key=lambda x: (x.id, x.role)):
            G.add_edge(actor_node(a.id), event_node(ev.id), key=a.role, kind="role", role=a.role,
                       unit=a.unit or "")
    if kb is not None:
        _add_affiliations(G, sorted(first_seen), kb)
    return G


def _add_affiliations(G: nx.MultiDiGraph, actor_ids: Iterable[str], kb: KnowledgeBase) -> None:
    """Affiliation edges for ``actor_ids`` and, transitively, for the actors they bring in."""
    todo = list(actor_ids)
    done: set[str] = set()
    while todo:
        actor_id = todo.pop(0)
        if actor_id in done or actor_id not in kb.actors:
            continue
        done.add(actor_id)
        for n, aff in enumerate(kb.actors[actor_id].affiliations):
            target = actor_node(aff.of)
            if target not in G:
                G.add_node(target, **_actor_attrs(aff.of, None, kb))
            G.add_edge(actor_node(actor_id), target, key=f"affiliation-{n}", kind="affiliation",
                       title=aff.title or "", **{"from": _iso(aff.start), "until": _iso(aff.until)})
            todo.append(aff.of)


def _event_roles(G: nx.MultiDiGraph) -> list[tuple[str, dict[str, set[str]]]]:
    """(event node, {actor node: its roles}) for every event of ``G``, in node order."""
    out = []
    for node in sorted(G.nodes):
        if G.nodes[node].get("kind") != "event":
            continue
        roles: dict[str, set[str]] = {}
        for u, _, data in G.in_edges(node, data=True):
            if data.get("kind") == "role":
                roles.setdefault(u, set()).add(data["role"])
        out.append((node, roles))
    return out


def actor_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """Projection of the actor/event graph onto its actors.

    Two actors are linked when they take part (in any role) in the same event.
    Edge attributes: ``weight`` (shared events), ``events`` (sorted event ids)
    and ``mediated`` (shared events where either of them mediates).  Node
    attributes are the actor's, plus ``events`` (events it takes part in) and
    ``mediates`` (events it mediates).  Every actor node is kept, linked or not.
    """
    A = nx.Graph()
    for node in sorted(G.nodes):
        if G.nodes[node].get("kind") == "actor":
            A.add_node(node, **dict(G.nodes[node]), events=0, mediates=0)
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for ev_node, roles in _event_roles(G):
        ev_id = G.nodes[ev_node].get("id", ev_node[len(EVENT_PREFIX):])
        for actor in roles:
            A.nodes[actor]["events"] += 1
            if "mediator" in roles[actor]:
                A.nodes[actor]["mediates"] += 1
        for u, v in combinations(sorted(roles), 2):
            link = pairs.setdefault((u, v), {"events": [], "mediated": 0})
            link["events"].append(ev_id)
            if "mediator" in roles[u] or "mediator" in roles[v]:
                link["mediated"] += 1
    for (u, v), link in sorted(pairs.items()):
        evs = sorted(link["events"])
        A.add_edge(u, v, weight=len(evs), events=evs, mediated=link["mediated"])
    return A


def _as_actor_graph(G: nx.Graph) -> nx.Graph:
    """``G`` itself when it already is an actor projection, else its projection."""
    if isinstance(G, nx.MultiDiGraph) or any(d.get("kind") == "event" for _, d in G.nodes(data=True)):
        return actor_graph(G)  # type: ignore[arg-type]
    return G


def mediator_centrality(G: nx.Graph) -> list[tuple[str, int, float]]:
    """(actor name, events it mediates, betweenness) for the brokers of the network.

    Betweenness is computed on the weighted actor graph with distance
    ``1/weight`` (actors who meet often are close), normalised, rounded to 6
    decimals.  Sorted by mediated events (most first), then betweenness
    (highest first), then name.  Actors that never mediate are listed only when
    their betweenness is above zero.  ``G`` may be the full graph or its
    :func:`actor_graph` projection.
    """
    A = _as_actor_graph(G)
    H = nx.Graph()
    H.add_nodes_from(A.nodes)
    for u, v, data in A.edges(data=True):
        H.add_edge(u, v, distance=1.0 / data.get("weight", 1))
    between = nx.betweenness_centrality(H, weight="distance", normalized=True)
    rows = []
    for node in A.nodes:
        count = int(A.nodes[node].get("mediates", 0))
        score = round(between.get(node, 0.0), 6)
        if count > 0 or score > 0:
            rows.append((str(A.nodes[node].get("name", node)), count, score))
    rows.sort(key=lambda r: (-r[1], -r[2], r[0]))
    return rows


def _find_actor(A: nx.Graph, actor: str) -> str:
    """The node of ``actor`` given as KB id, node id or exact name; KeyError otherwise."""
    if actor in A and A.nodes[actor].get("kind", "actor") == "actor":
        return actor
    if actor_node(actor) in A:
        return actor_node(actor)
    named = sorted(n for n, d in A.nodes(data=True) if d.get("name") == actor)
    if len(named) == 1:
        return named[0]
    if named:
        raise KeyError(f"actor name {actor!r} is ambiguous: it names {', '.join(named)}; give the id instead")
    raise KeyError(f"unknown actor {actor!r}: give a KB id (qatar), a node id (actor:qatar) "
                   f"or an actor's exact English name (Qatar)")


def ego_network(G: nx.Graph, actor: str, radius: int = 1) -> nx.Graph:
    """The actor graph within ``radius`` links of ``actor`` (KB id, node id or exact English name).

    Raises :class:`KeyError` when the actor is not in the graph.
    """
    A = _as_actor_graph(G)
    center = _find_actor(A, actor)
    return ordered_subgraph(A, nx.ego_graph(A, center, radius=radius).nodes)


def ordered_subgraph(G: nx.Graph, nodes: Iterable[str]) -> nx.Graph:
    """A copy of ``G`` induced on ``nodes`` whose nodes and edges come in sorted order.

    ``G.subgraph`` iterates in set order for small node sets, which would make
    layouts and exports change from one Python process to the next.
    """
    keep = sorted(set(nodes))
    view = G.subgraph(keep)
    H = G.__class__()
    H.graph.update(G.graph)
    H.add_nodes_from((n, dict(G.nodes[n])) for n in keep)
    edges = view.edges(keys=True, data=True) if G.is_multigraph() else view.edges(data=True)
    rows = []
    for u, v, *rest in edges:
        if not G.is_directed() and str(v) < str(u):
            u, v = v, u  # an undirected edge may come either way round
        rows.append((u, v, *rest[:-1], dict(rest[-1])))
    H.add_edges_from(sorted(rows, key=lambda e: tuple(map(str, e[:-1]))))
    return H


def mediations(G: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Who mediates between whom, over time.

    One record per mediator of each event: ``{"event", "date", "mediator",
    "between"}`` where ``between`` is the sorted names of the event's actors
    that are not mediators.  Sorted by date (the start of the event's
    interval; undated events last), then event id, then mediator name.
    """
    rows: list[tuple[tuple[str, str, str], dict[str, Any]]] = []
    for ev_node, roles in _event_roles(G):
        mediators = sorted(a for a, r in roles.items() if "mediator" in r)
        if not mediators:
            continue
        ev = G.nodes[ev_node]
        ev_id = str(ev.get("id", ev_node[len(EVENT_PREFIX):]))
        between = sorted(str(G.nodes[a].get("name", a)) for a, r in roles.items() if "mediator" not in r)
        for m in mediators:
            name = str(G.nodes[m].get("name", m))
            rows.append(((ev.get("start") or "\uffff", ev_id, name),
                         {"event": ev_id, "date": ev.get("date", ""), "mediator": name, "between": between[:]}))
    rows.sort(key=lambda r: r[0])
    return [r for _, r in rows]

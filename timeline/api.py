"""The notebook API: ``tl = timeline.build(["seeds/"])`` and explore.

:class:`Timeline` wraps one build: its events as pandas tables, the actor
graph, Plotly figures and the page, and :meth:`Timeline.filter` to narrow it
down.  Everything is computed from the events on demand and cached; filtering
gives a new :class:`Timeline` and leaves the original alone.

    >>> import timeline
    >>> tl = timeline.build(["seeds/"])                       # doctest: +SKIP
    >>> tl.filter(actor="Qatar", since="2024-05-01").events   # doctest: +SKIP
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
import pandas as pd

from timeline.export import export_dict, write_json
from timeline.export.csv_export import write_events_csv
from timeline.graph import actor_graph, build_graph, mediations
from timeline.ingest import InputProblem
from timeline.model import EVENT_TYPES, Document, Event, Timex
from timeline.normalize import normalize_plain
from timeline.pipeline import DEFAULT_MAX_BYTES, BuildResult, Execution
from timeline.pipeline import build as run_pipeline
from timeline.view import network_figure, timeline_figure, view_records, write_page
from timeline.view.records import report_day

if TYPE_CHECKING:
    import plotly.graph_objects as go

EVENT_COLUMNS = ("id", "date", "start", "end", "granularity", "basis", "type", "title", "actors", "mediators",
                 "place", "sources", "text", "mentions", "planned", "cameo", "trigger_family", "count")


def _day(value: str | dt.date | dt.datetime | pd.Timestamp | None, name: str) -> dt.date | None:
    """A ``since`` / ``until`` bound as a date; a clear error for anything else."""
    if value is None:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ValueError(f"{name}={value!r} is not a date: give YYYY-MM-DD, a datetime.date or a "
                         f"pandas Timestamp") from None


def _span(ev: Event) -> tuple[dt.date, dt.date] | None:
    """First and last day of an event's date, or None when it has no interval."""
    if ev.date.interval is None:
        return None
    return (dt.date.fromisoformat(ev.date.interval.start[:10]), dt.date.fromisoformat(ev.date.interval.end[:10]))


def _as_list(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", normalize_plain(text).casefold()).strip()


class Timeline:
    """A timeline of dated, sourced events, ready for exploring in a notebook.

    Attributes that are plain data: :attr:`event_list` (the
    :class:`~timeline.model.Event` objects), :attr:`documents`,
    :attr:`timexes` and :attr:`problems` (inputs that could not be read).
    Tables (pandas): :attr:`events`, :attr:`mentions`, :attr:`actors`,
    :meth:`mediations`.  Graphs (networkx): :attr:`graph`,
    :attr:`actor_graph`.  Figures (Plotly): :meth:`figure`,
    :meth:`network_figure`.  Files: :meth:`to_html`, :meth:`to_json`,
    :meth:`to_csv`, :meth:`to_parquet`, and :meth:`write` for all of them.
    """

    def __init__(self, events: Sequence[Event], documents: Sequence[Document] = (),
                 timexes: Sequence[Timex] = (), problems: Sequence[InputProblem] = (),
                 title: str = "Negotiation timeline") -> None:
        self.event_list: list[Event] = list(events)
        self.documents: list[Document] = list(documents)
        self.timexes: list[Timex] = list(timexes)
        self.problems: list[InputProblem] = list(problems)
        self.title = title

    @classmethod
    def from_result(cls, result: BuildResult, title: str = "Negotiation timeline") -> Timeline:
        """The timeline of a :func:`timeline.pipeline.build` result."""
        return cls(result.events, result.documents, result.timexes, result.problems, title)

    # ---- tables ----
    @cached_property
    def events(self) -> pd.DataFrame:
        """One row per event, in timeline order.

        Columns: ``id``, ``date`` (TIMEX3 value), ``start`` / ``end`` (first
        and last day, ``NaT`` when the date has no interval), ``granularity``
        (day, week, month, vague…), ``basis`` (how it was dated), ``type``,
        ``title``, ``actors`` and ``mediators`` (lists of names), ``place``,
        ``sources`` (list of outlets), ``text`` (the first sentence that
        reports it), ``mentions`` (how many reports), ``planned``, ``cameo``,
        ``trigger_family``.  The index is the event id.
        """
        rows = []
        for ev in self.event_list:
            span = _span(ev)
            value = ev.date.value
            rows.append({
                "id": ev.id, "date": "/".join(value) if isinstance(value, list) else value,
                "start": pd.Timestamp(span[0]) if span else pd.NaT, "end": pd.Timestamp(span[1]) if span else pd.NaT,
                "granularity": ev.date.granularity, "basis": ev.date.basis, "type": ev.type, "title": ev.title,
                "actors": list(dict.fromkeys(a.name for a in ev.actors if a.role != "mediator")),
                "mediators": list(dict.fromkeys(a.name for a in ev.actors if a.role == "mediator")),
                "place": ev.location, "sources": list(ev.sources),
                "text": ev.mentions[0].text if ev.mentions else "", "mentions": len(ev.mentions),
                "planned": ev.planned, "cameo": ev.cameo, "trigger_family": ev.trigger_family, "count": ev.count})
        frame = pd.DataFrame(rows, columns=list(EVENT_COLUMNS))
        frame["start"] = pd.to_datetime(frame["start"])
        frame["end"] = pd.to_datetime(frame["end"])
        return frame.set_index("id", drop=False).rename_axis(None)

    @cached_property
    def mentions(self) -> pd.DataFrame:
        """One row per report of an event: which article, which outlet, the exact text and offsets.

        Columns: ``event``, ``doc``, ``published`` (the date of the article
        that holds the report, which on a composite page may differ from the
        page's), ``outlet`` (who published it), ``cited`` (outlets the report
        quotes: "according to Axios"), ``start`` / ``end`` (offsets into the
        original article text), ``trigger``, ``text``.
        """
        docs = {d.id: d for d in self.documents}
        rows = []
        for ev in self.event_list:
            for m in ev.mentions:
                doc = docs.get(m.doc)
                day = report_day(doc, m.start) if doc else None
                rows.append({"event": ev.id, "doc": m.doc, "published": pd.Timestamp(day) if day else pd.NaT,
                             "outlet": doc.source if doc else None, "cited": list(dict.fromkeys(m.sources)),
                             "start": m.start, "end": m.end, "trigger": m.trigger, "text": m.text})
        frame = pd.DataFrame(rows, columns=["event", "doc", "published", "outlet", "cited", "start", "end",
                                            "trigger", "text"])
        frame["published"] = pd.to_datetime(frame["published"])
        return frame

    @cached_property
    def actors(self) -> pd.DataFrame:
        """One row per actor: ``id``, ``name``, ``type``, ``events`` (taken part in), ``mediates``.

        Sorted by involvement (most events first).
        """
        A = self.actor_graph
        rows = [{"id": d.get("id", n), "name": d.get("name", n), "type": d.get("actor_type", ""),
                 "events": int(d.get("events", 0)), "mediates": int(d.get("mediates", 0))}
                for n, d in A.nodes(data=True) if d.get("events", 0) > 0]
        frame = pd.DataFrame(rows, columns=["id", "name", "type", "events", "mediates"])
        return frame.sort_values(["events", "mediates", "name"], ascending=[False, False, True],
                                 kind="stable").reset_index(drop=True)

    def mediations(self) -> pd.DataFrame:
        """Who mediates between whom, and when: ``event``, ``date``, ``start``, ``mediator``, ``between``.

        One row per mediator of each event, in date order.
        """
        starts = {ev.id: (_span(ev) or (None, None))[0] for ev in self.event_list}
        rows = [{"event": r["event"], "date": r["date"], "start": pd.Timestamp(starts[r["event"]])
                 if starts.get(r["event"]) else pd.NaT, "mediator": r["mediator"], "between": r["between"]}
                for r in mediations(self.graph)]
        frame = pd.DataFrame(rows, columns=["event", "date", "start", "mediator", "between"])
        frame["start"] = pd.to_datetime(frame["start"])
        return frame

    # ---- graphs ----
    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The actor/event graph (see :func:`timeline.graph.build_graph`), with KB affiliations."""
        from timeline.knowledge import get_kb
        return build_graph(self.event_list, get_kb())

    @cached_property
    def actor_graph(self) -> nx.Graph:
        """Actors linked by shared events (``weight``, ``events``, ``mediated`` on each edge)."""
        return actor_graph(self.graph)

    # ---- narrowing ----
    def document(self, doc_id: str) -> Document:
        """The document with this id (its original text is ``.text``); :class:`KeyError` otherwise."""
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(f"no document {doc_id!r} in this timeline")

    def event(self, event_id: str) -> Event:
        """The event with this id; :class:`KeyError` naming the id otherwise."""
        for ev in self.event_list:
            if ev.id == event_id:
                return ev
        raise KeyError(f"no event {event_id!r} in this timeline")

    def filter(self, actor: str | Iterable[str] | None = None, since: Any = None, until: Any = None,
               types: str | Iterable[str] | None = None, mediator: str | Iterable[str] | None = None,
               text: str | None = None) -> Timeline:
        """A new timeline with the events that match every condition given.

        ``actor``: events in which this actor (or any of these) takes part in
        any role, given by KB id (``qatar``), English name (``Qatar``, any
        case) or the Arabic words of the text; ``mediator``: the same, as
        mediator only; ``since`` / ``until``: events whose date overlaps the
        range (inclusive; YYYY-MM-DD, date or Timestamp; undated events are
        dropped); ``types``: event types (see :data:`EVENT_TYPES`); ``text``:
        words found in a report or the title (Arabic folded like the pipeline
        folds it).  Raises :class:`ValueError` for an unknown type, an actor no
        event names, or a bad date.
        """
        lo, hi = _day(since, "since"), _day(until, "until")
        wanted_types = _as_list(types)
        bad = [t for t in wanted_types if t not in EVENT_TYPES]
        if bad:
            raise ValueError(f"unknown event type(s) {bad}; choose from {', '.join(EVENT_TYPES)}")
        who = self._actor_keys(_as_list(actor), "actor")
        brokers = self._actor_keys(_as_list(mediator), "mediator")
        needle = _fold(text) if text else ""
        kept = []
        for ev in self.event_list:
            if wanted_types and ev.type not in wanted_types:
                continue
            if who and not any(self._names(a) & who for a in ev.actors):
                continue
            if brokers and not any(self._names(a) & brokers for a in ev.actors if a.role == "mediator"):
                continue
            if lo or hi:
                span = _span(ev)
                if span is None or (lo and span[1] < lo) or (hi and span[0] > hi):
                    continue
            if needle and not any(needle in _fold(m.text) for m in ev.mentions) and needle not in _fold(ev.title):
                continue
            kept.append(ev)
        return Timeline(kept, self.documents, self.timexes, self.problems, self.title)

    @staticmethod
    def _names(a: Any) -> set[str]:
        """Every key an actor answers to: id, English name, unit, the words of the text, KB Arabic names."""
        from timeline.knowledge import get_kb
        keys = {a.id.casefold(), a.name.casefold()}
        if a.unit:
            keys.add(a.unit.casefold())
        if a.surface:
            keys.add(_fold(a.surface))
        known = get_kb().actors.get(a.id)
        if known is not None:
            keys.update(_fold(alias) for alias in known.ar)
        return keys

    def _actor_keys(self, wanted: list[str], what: str) -> set[str]:
        """The casefolded keys of ``wanted``; ValueError for one that no event names."""
        if not wanted:
            return set()
        known = set().union(*(self._names(a) for ev in self.event_list for a in ev.actors)) \
            if self.event_list else set()
        keys = set()
        for name in wanted:
            key = name.casefold() if name.casefold() in known else _fold(name)
            if key not in known:
                names = sorted({a.name for ev in self.event_list for a in ev.actors})
                raise ValueError(f"no {what} {name!r} in this timeline; its actors are: {', '.join(names)}")
            keys.add(key)
        return keys

    # ---- figures and files ----
    def figure(self, lanes: str = "type") -> go.Figure:
        """The interactive timeline as a Plotly figure (renders inline in Jupyter).

        ``lanes``: "type" or "actor" first; the dropdown switches.
        """
        return timeline_figure(view_records(self.event_list, self.documents), lanes=lanes, title=self.title)

    def network_figure(self) -> go.Figure:
        """The actor–mediator network as a Plotly figure."""
        return network_figure(self.actor_graph)

    def to_html(self, path: str | Path, title: str | None = None) -> Path:
        """Write the self-contained page (timeline, network, table) to ``path``; returns the path."""
        return write_page(path, self.event_list, documents=self.documents, title=title or self.title,
                          graph=self.actor_graph)

    def to_json(self, path: str | Path) -> Path:
        """Write ``events.json`` (the export contract) to ``path``."""
        return write_json(path, export_dict(self.documents, self.timexes, self.event_list, self.problems))

    def to_csv(self, path: str | Path) -> Path:
        """Write one row per event as UTF-8 CSV to ``path``."""
        return write_events_csv(self.event_list, path)

    def to_parquet(self, folder: str | Path) -> list[Path]:
        """Write ``events.parquet``, ``mentions.parquet`` and ``timexes.parquet`` into ``folder``."""
        from timeline.export.parquet_export import write_parquet
        return write_parquet(self.event_list, self.timexes, folder)

    def write(self, folder: str | Path) -> list[Path]:
        """Write every export into ``folder``: events.json, events.csv, the three Parquet tables,
        graph.graphml, graph.json, actors.graphml and timeline.html; returns their paths.

        The files are written into a staging folder beside ``folder`` and moved in only when all of
        them are written: a build that fails half-way leaves the previous output as it was.
        """
        from timeline.export.graph_export import write_graphml, write_node_link

        target = Path(folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
        try:
            written = [self.to_json(staging / "events.json"), self.to_csv(staging / "events.csv"),
                       *self.to_parquet(staging), write_graphml(self.graph, staging / "graph.graphml"),
                       write_node_link(self.graph, staging / "graph.json"),
                       write_graphml(self.actor_graph, staging / "actors.graphml"),
                       self.to_html(staging / "timeline.html")]
            target.mkdir(exist_ok=True)
            out = []
            for path in written:
                os.replace(path, target / path.name)
                out.append(target / path.name)
            return out
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    def __len__(self) -> int:
        return len(self.event_list)

    def __repr__(self) -> str:
        dated = sum(1 for ev in self.event_list if ev.date.interval is not None)
        return (f"<Timeline {self.title!r}: {len(self.event_list)} events ({dated} with a date span), "
                f"{len(self.documents)} documents, {len(self.problems)} problems>")


def build(paths: str | Path | Iterable[str | Path], manifest: str | Path | None = None, lang: str = "ar",
          title: str = "Negotiation timeline", max_bytes: int = DEFAULT_MAX_BYTES, workers: int = 1,
          cache: str | Path | None = None, dask: str | None = None) -> Timeline:
    """Read, segment, date and extract events from every document under ``paths``.

    ``paths``: files or folders of .txt / .html / .jsonl articles (a single
    path is accepted too); ``manifest``: publication dates (default:
    ``manifest.yaml`` beside the documents).  Documents that cannot be read are
    listed in :attr:`Timeline.problems`; the rest still build.  ``workers``:
    processes for per-document work; ``cache``: a folder of per-document
    results to reuse; ``dask``: a Dask scheduler address or ``"local"``.  The
    result is the same however it is run.
    """
    execution = Execution(workers=workers, dask=dask, cache=Path(cache) if cache else None)
    return Timeline.from_result(run_pipeline(paths, manifest=manifest, lang=lang, max_bytes=max_bytes,
                                             execution=execution), title)

"""``events.parquet``, ``mentions.parquet``, ``timexes.parquet``: the build as columnar tables.

For reading a year of events with DuckDB, pandas, polars or Spark without
loading ``events.json``.  One row per event, per mention (with its event's id)
and per temporal expression; dates stay ISO strings as in the JSON (a value
may be a week, a month or a vague reference), so every table round-trips what
the export contract says.  A resolved value with alternatives is joined with
"/".  Written with pyarrow; same input, same bytes.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from timeline.model import Event, Timex

_ACTOR = pa.struct([("id", pa.string()), ("name", pa.string()), ("role", pa.string()), ("type", pa.string()),
                    ("unit", pa.string()), ("text", pa.string())])
EVENTS = pa.schema([("id", pa.string()), ("type", pa.string()), ("cameo", pa.string()), ("title", pa.string()),
                    ("value", pa.string()), ("mod", pa.string()), ("start", pa.string()), ("end", pa.string()),
                    ("granularity", pa.string()), ("basis", pa.string()), ("planned", pa.bool_()),
                    ("location", pa.string()), ("actors", pa.list_(_ACTOR)), ("sources", pa.list_(pa.string())),
                    ("trigger_family", pa.string()), ("count", pa.int64()), ("mentions", pa.int64())])
MENTIONS = pa.schema([("event", pa.string()), ("doc", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                      ("text", pa.string()), ("trigger", pa.string()), ("trigger_start", pa.int64()),
                      ("sources", pa.list_(pa.string())), ("attached", pa.bool_())])
TIMEXES = pa.schema([("doc", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()),
                     ("type", pa.string()), ("value", pa.string()), ("mod", pa.string()),
                     ("interval_start", pa.string()), ("interval_end", pa.string()),
                     ("range_start", pa.string()), ("range_end", pa.string()), ("granularity", pa.string()),
                     ("anchor", pa.string()), ("tense", pa.string()), ("rule", pa.string())])


def _value(value: str | list[str] | None) -> str | None:
    return "/".join(value) if isinstance(value, list) else value


def event_rows(events: Iterable[Event]) -> list[dict]:
    rows = []
    for ev in events:
        d = ev.date
        rows.append({"id": ev.id, "type": ev.type, "cameo": ev.cameo, "title": ev.title, "value": _value(d.value),
                     "mod": d.mod, "start": d.interval.start if d.interval else None,
                     "end": d.interval.end if d.interval else None, "granularity": d.granularity, "basis": d.basis,
                     "planned": ev.planned, "location": ev.location,
                     "actors": [{"id": a.id, "name": a.name, "role": a.role, "type": a.type, "unit": a.unit,
                                 "text": a.surface} for a in ev.actors],
                     "sources": list(ev.sources), "trigger_family": ev.trigger_family, "count": ev.count,
                     "mentions": len(ev.mentions)})
    return rows


def mention_rows(events: Iterable[Event]) -> list[dict]:
    return [{"event": ev.id, "doc": m.doc, "start": m.start, "end": m.end, "text": m.text, "trigger": m.trigger,
             "trigger_start": m.trigger_start, "sources": list(m.sources), "attached": m.attach_only}
            for ev in events for m in ev.mentions]


def timex_rows(timexes: Iterable[Timex]) -> list[dict]:
    return [{"doc": t.doc, "start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": _value(t.value),
             "mod": t.mod, "interval_start": t.interval.start if t.interval else None,
             "interval_end": t.interval.end if t.interval else None,
             "range_start": t.possible.start if t.possible else None,
             "range_end": (t.possible.end or None) if t.possible else None, "granularity": t.granularity,
             "anchor": t.anchor.isoformat() if t.anchor else None, "tense": t.tense, "rule": t.rule}
            for t in sorted(timexes, key=lambda t: (t.doc, t.start, t.end))]


def _write(rows: list[dict], schema: pa.Schema, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, path, compression="zstd")
    return path


def write_parquet(events: list[Event], timexes: list[Timex], folder: str | Path) -> list[Path]:
    """Write the three tables into ``folder``; returns their paths."""
    out = Path(folder)
    return [_write(event_rows(events), EVENTS, out / "events.parquet"),
            _write(mention_rows(events), MENTIONS, out / "mentions.parquet"),
            _write(timex_rows(timexes), TIMEXES, out / "timexes.parquet")]

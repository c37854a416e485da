"""``events.json``: documents with segments, timexes and events.

The layout follows the export contract in ``shared/eval/README.md``; extra
fields are additions.  Output is deterministic: the same input gives the same
bytes (no timestamps, stable order, fixed formatting).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from timeline.model import DateClue, Document, Event, Segment, Timex

EXPORT_VERSION = 1


def _clue(c: DateClue) -> dict[str, Any]:
    return {"kind": c.kind, "text": c.text, "start": c.start, "end": c.end,
            "first": c.first.isoformat() if c.first else None, "last": c.last.isoformat() if c.last else None,
            "weekday": c.weekday, "day": c.day.isoformat() if c.day else None,
            "month_day": list(c.month_day) if c.month_day else None, "month": c.month, "note": c.note}


def _segment(seg: Segment) -> dict[str, Any]:
    iv = seg.dct_interval
    return {"start": seg.start, "end": seg.end, "kind": seg.kind, "label": seg.label,
            "dct": seg.dct.isoformat() if seg.dct else None,
            "dct_interval": {"start": iv.first.isoformat(), "end": None if seg.dct_open_end else iv.last.isoformat()}
            if iv else None,
            "dct_source": seg.dct_source, "dct_evidence": [_clue(c) for c in seg.dct_evidence],
            "tags_timexes": seg.tag_timexes}


def _document(doc: Document) -> dict[str, Any]:
    return {"id": doc.id, "path": doc.path, "source": doc.source, "title": doc.title, "url": doc.url,
            "published": doc.published.isoformat() if doc.published else None,
            "published_source": doc.published_source,
            "dated": doc.published is not None or any(s.dct for s in doc.segments),
            "segments": [_segment(s) for s in doc.segments], "warnings": list(doc.warnings)}


def _timex(tx: Timex) -> dict[str, Any]:
    return {"doc": tx.doc, "start": tx.start, "end": tx.end, "text": tx.text, "type": tx.type,
            "value": tx.value, "mod": tx.mod,
            "interval": {"start": tx.interval.start, "end": tx.interval.end} if tx.interval else None,
            "range": {"start": tx.possible.start, "end": tx.possible.end or None} if tx.possible else None,
            "dct_uncertain": tx.possible is not None,
            "granularity": tx.granularity, "anchor": tx.anchor.isoformat() if tx.anchor else None,
            "tense": tx.tense, "rule": tx.rule}


def event_dict(ev: Event) -> dict[str, Any]:
    """One event as the export contract has it (plus cameo, planned, units and mention texts)."""
    d = ev.date
    return {"id": ev.id, "type": ev.type, "cameo": ev.cameo, "title": ev.title, "planned": ev.planned,
            "date": {"value": d.value, "mod": d.mod,
                     "interval": {"start": d.interval.start, "end": d.interval.end} if d.interval else None,
                     "range": {"start": d.possible.start, "end": d.possible.end or None} if d.possible else None,
                     "granularity": d.granularity, "basis": d.basis},
            "actors": [{"id": a.id, "name": a.name, "role": a.role, "type": a.type, "unit": a.unit,
                        "text": a.surface} for a in ev.actors],
            "location": ev.location,
            "mentions": [{"doc": m.doc, "start": m.start, "end": m.end, "text": m.text, "trigger": m.trigger,
                          "trigger_start": m.trigger_start, "sources": list(m.sources),
                          "attached": m.attach_only} for m in ev.mentions],
            "sources": list(ev.sources), "trigger_family": ev.trigger_family, "count": ev.count}


def export_dict(documents: list[Document], timexes: list[Timex], events: list[Event],
                problems: list[Any] | None = None) -> dict[str, Any]:
    """The export as a JSON-ready dict."""
    docs = sorted(documents, key=lambda d: d.id)
    txs = sorted(timexes, key=lambda t: (t.doc, t.start, t.end))
    return {"version": EXPORT_VERSION, "documents": [_document(d) for d in docs],
            "timexes": [_timex(t) for t in txs], "events": [event_dict(e) for e in events],
            "problems": [str(p) for p in (problems or [])]}


def write_json(path: str | Path, data: dict[str, Any]) -> Path:
    """Write ``data`` as UTF-8 JSON (Arabic kept readable), creating the folder."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out

"""``events.json``: documents with segments, timexes and events.

The layout follows the export contract in ``shared/eval/README.md``; extra
fields are additions.  Output is deterministic: the same input gives the same
bytes (no timestamps, stable order, fixed formatting).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from timeline.model import Document, Segment, Timex

EXPORT_VERSION = 1


def _segment(seg: Segment) -> dict[str, Any]:
    return {"start": seg.start, "end": seg.end, "kind": seg.kind, "label": seg.label,
            "dct": seg.dct.isoformat() if seg.dct else None, "dct_source": seg.dct_source,
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
            "granularity": tx.granularity, "anchor": tx.anchor.isoformat() if tx.anchor else None,
            "tense": tx.tense, "rule": tx.rule}


def export_dict(documents: list[Document], timexes: list[Timex], events: list[dict[str, Any]],
                problems: list[Any] | None = None) -> dict[str, Any]:
    """The export as a JSON-ready dict."""
    docs = sorted(documents, key=lambda d: d.id)
    txs = sorted(timexes, key=lambda t: (t.doc, t.start, t.end))
    return {"version": EXPORT_VERSION, "documents": [_document(d) for d in docs],
            "timexes": [_timex(t) for t in txs], "events": events,
            "problems": [str(p) for p in (problems or [])]}


def write_json(path: str | Path, data: dict[str, Any]) -> Path:
    """Write ``data`` as UTF-8 JSON (Arabic kept readable), creating the folder."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out

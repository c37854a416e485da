"""``events.csv``: one row per event, for spreadsheets.

Written as UTF-8 with a byte-order mark (``utf-8-sig``) so that Excel shows the
Arabic text; multi-valued cells are joined with "; ".  Output is deterministic.
"""
from __future__ import annotations

import csv
from pathlib import Path

from timeline.model import Event

COLUMNS = ("id", "type", "cameo", "title", "date", "start", "end", "granularity", "basis", "planned",
           "actors", "speakers", "initiators", "participants", "mediators", "targets", "location",
           "sources", "mentions", "text")
ROLE_COLUMNS = {"speakers": "speaker", "initiators": "initiator", "participants": "participant",
                "mediators": "mediator", "targets": "target"}
SEP = "; "


def _unique(names: list[str]) -> list[str]:
    """``names`` without repeats, first occurrence kept."""
    return list(dict.fromkeys(names))


def event_row(ev: Event) -> dict[str, str]:
    """One event as a CSV row (every cell a string)."""
    d = ev.date
    value = d.value if d.value is not None else ""
    row = {"id": ev.id, "type": ev.type, "cameo": ev.cameo, "title": ev.title,
           "date": "/".join(value) if isinstance(value, list) else str(value),
           "start": d.interval.start if d.interval else "", "end": d.interval.end if d.interval else "",
           "granularity": d.granularity, "basis": d.basis, "planned": "true" if ev.planned else "false",
           "actors": SEP.join(_unique([a.name for a in ev.actors]))}
    for column, role in ROLE_COLUMNS.items():
        row[column] = SEP.join(_unique([a.name for a in ev.actors if a.role == role]))
    row["location"] = ev.location or ""
    row["sources"] = SEP.join(ev.sources)
    row["mentions"] = SEP.join(f"{m.doc}:{m.start}-{m.end}" for m in ev.mentions)
    row["text"] = ev.mentions[0].text if ev.mentions else ""
    return row


def write_events_csv(events: list[Event], path: str | Path) -> Path:
    """Write ``events`` (in the given order) to ``path`` as CSV; creates the folder."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        for ev in events:
            writer.writerow(event_row(ev))
    return out

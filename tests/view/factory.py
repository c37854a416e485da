"""Small hand-made events for the view tests (no pipeline needed)."""
from __future__ import annotations

import datetime as dt

from timeline.model import Document, Event, EventActor, EventDate, EventMention, Interval, Segment


def make_event(ident: str, start: str | None, end: str | None = None, *, type_: str = "meeting",
               granularity: str = "day", basis: str = "explicit", value: str | None = None,
               mod: str | None = None, family: str = "meet", actors: tuple[tuple[str, str, str], ...] = (),
               text: str = "التقى وزير الخارجية القطري نظيره المصري في الدوحة", doc: str = "d1",
               planned: bool = False, sources: tuple[str, ...] = ("RT Arabic",)) -> Event:
    """An event; ``actors`` are (id, name, role) triples."""
    interval = Interval(start, end or start) if start else None
    date = EventDate(value or start, interval, granularity, basis, mod)  # type: ignore[arg-type]
    people = [EventActor(i, n, r, "state") for i, n, r in actors]  # type: ignore[arg-type]
    mention = EventMention(doc, 0, len(text), text, text.split()[0], 0, 0, tuple(sources[:1]))
    return Event(ident, type_, "040", f"{type_.capitalize()}: {ident}", date, people, None,  # type: ignore[arg-type]
                 [mention], list(sources), planned, family)


def make_document(ident: str = "d1", published: dt.date | None = dt.date(2025, 3, 10),
                  text: str = "التقى وزير الخارجية القطري نظيره المصري في الدوحة", url: str | None = None,
                  title: str | None = None) -> Document:
    doc = Document(ident, f"{ident}.txt", text, published=published, url=url, title=title)
    doc.segments = [Segment(0, len(text), "article", published, "manifest")]  # type: ignore[arg-type]
    return doc

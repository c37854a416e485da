"""The records that flow through the pipeline.

Every stage takes and returns these plain, typed records: ingestion makes a
:class:`Document`, segmentation fills its :attr:`Document.segments`, the temporal
tagger yields :class:`Timex` records.  All offsets are Python ``str`` indices into
``Document.text`` exactly as read (the original text is never changed).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

SegmentKind = Literal["article", "boilerplate"]
DctSource = Literal["manifest", "metadata", "document", "host-article"]


@dataclass(frozen=True)
class Segment:
    """A stretch of a document: one article of a composite page, or boilerplate.

    ``dct`` is the date relative expressions in this stretch resolve against.
    For boilerplate it is the date of the article the caption belongs to (or
    None for related-headline lists, whose headlines belong to other articles).
    """

    start: int
    end: int
    kind: SegmentKind
    dct: dt.date | None
    dct_source: DctSource | None = None
    label: str = ""  # article | caption | related | tags | source-line | manifest
    tag_timexes: bool = True  # False for lists of other articles' headlines


@dataclass
class Document:
    """One input document (a file, or one line of a JSON-lines file)."""

    id: str
    path: str
    text: str
    published: dt.date | None = None
    published_source: DctSource | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    # Manifest hints: (first words of a segment, its date or None, its kind)
    segment_hints: list[tuple[str, dt.date | None, SegmentKind]] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def segment_at(self, offset: int) -> Segment | None:
        """The segment that holds character ``offset``."""
        for seg in self.segments:
            if seg.start <= offset < seg.end:
                return seg
        return None


@dataclass(frozen=True)
class Interval:
    """An inclusive calendar span; ``start``/``end`` are ISO strings (a time may follow ``T``)."""

    start: str
    end: str


@dataclass
class Timex:
    """A temporal expression found in a document, with its resolved value."""

    doc: str
    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | list[str]
    mod: str | None
    interval: Interval | None
    granularity: str  # day | week | month | year | time | duration | set | vague | undefined
    rule: str
    anchor: dt.date | None = None
    tense: str = "neutral"

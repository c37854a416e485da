"""The records that flow through the pipeline.

Every stage takes and returns these plain, typed records: ingestion makes a
:class:`Document`, segmentation fills its :attr:`Document.segments`, the temporal
tagger yields :class:`Timex` records.  All offsets are Python ``str`` indices into
``Document.text`` exactly as read (the original text is never changed).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, get_args

SegmentKind = Literal["article", "boilerplate"]
DctSource = Literal["manifest", "metadata", "html", "url", "dateline", "content", "batch", "page",
                    "host-article"]
ClueKind = Literal["manifest", "metadata", "html", "url", "dateline", "stamp", "weekday", "after", "before",
                   "within", "role", "calendar", "anchor", "batch"]


@dataclass(frozen=True)
class DayRange:
    """An inclusive span of calendar days (``first`` <= ``last``)."""

    first: dt.date
    last: dt.date

    @classmethod
    def day(cls, d: dt.date) -> DayRange:
        return cls(d, d)

    @property
    def days(self) -> int:
        """How many days the span holds."""
        return (self.last - self.first).days + 1

    def __contains__(self, d: object) -> bool:
        return isinstance(d, dt.date) and self.first <= d <= self.last

    def as_interval(self) -> Interval:
        return Interval(self.first.isoformat(), self.last.isoformat())

    def label(self) -> str:
        """"2024-05-23" or "2024-05-20 – 2024-05-24"."""
        if self.first == self.last:
            return self.first.isoformat()
        return f"{self.first.isoformat()} – {self.last.isoformat()}"


@dataclass(frozen=True)
class DateClue:
    """One piece of evidence about when an article was published.

    ``first``/``last`` bound the publication day (None: unbounded on that side);
    ``weekday`` (ISO 1-7) is the day of the week it must fall on; ``day`` is the
    day the clue states outright (a page stamp, a URL, metadata).  ``start`` and
    ``end`` are offsets into the original text (None for metadata and URLs).
    """

    kind: ClueKind
    text: str
    start: int | None = None
    end: int | None = None
    first: dt.date | None = None
    last: dt.date | None = None
    weekday: int | None = None
    day: dt.date | None = None  # the day it states outright
    month_day: tuple[int, int] | None = None  # a stated day without its year (wire datelines)
    month: int | None = None  # the month it falls in, year unknown ("مارس الحالي")
    note: str = ""

    def allows(self, d: dt.date) -> bool:
        """Whether a publication on ``d`` is consistent with this clue."""
        if self.day is not None and d != self.day:
            return False
        if self.month_day is not None and (d.month, d.day) != self.month_day:
            return False
        if self.month is not None and d.month != self.month:
            return False
        if self.first is not None and d < self.first:
            return False
        if self.last is not None and d > self.last:
            return False
        return self.weekday is None or d.isoweekday() == self.weekday


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
    dct_interval: DayRange | None = None  # every publication day still consistent with the evidence
    dct_evidence: tuple[DateClue, ...] = ()  # the clues that decided it
    dct_open_end: bool = False  # the evidence bounds the date from below only
    article_start: int | None = None  # where the article this stretch belongs to starts (None: none)

    @property
    def dct_uncertain(self) -> bool:
        """Whether the evidence leaves more than one publication day."""
        return self.dct_interval is not None and (self.dct_open_end or self.dct_interval.days > 1)


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
    possible: Interval | None = None  # the span it may cover when the publication date is uncertain


EventType = Literal["meeting", "call", "statement", "military", "proposal", "decision", "agreement",
                    "rejection", "negotiation", "visit", "release", "exchange", "other"]
#: Every event type, in one place (the lexicon, the API and the page read it from here).
EVENT_TYPES: tuple[str, ...] = get_args(EventType)
DateBasis = Literal["explicit", "same-sentence", "inherited", "document-date", "none"]
ActorRoleName = Literal["participant", "initiator", "mediator", "speaker", "target"]

# Types that describe the same kind of happening; mentions merge only within a family.
TYPE_FAMILY: dict[str, str] = {
    "meeting": "meet", "negotiation": "meet", "visit": "meet", "call": "call",
    "statement": "say", "rejection": "say", "military": "mil",
    "proposal": "prop", "agreement": "prop", "decision": "prop", "other": "other",
    "release": "other", "exchange": "other",  # as the scorer groups them: happenings to people held
}


@dataclass(frozen=True)
class EventDate:
    """When an event happened, and how we know.

    ``basis`` says where the date comes from: a temporal expression in the
    event's own clause (explicit), elsewhere in its sentence (same-sentence),
    an event or session it is part of (inherited), or only the publication
    date of its article (document-date).  ``none`` when the article is undated.
    """

    value: str | list[str] | None
    interval: Interval | None
    granularity: str  # day | week | month | year | time | vague | none
    basis: DateBasis
    mod: str | None = None
    timex_start: int | None = None  # original offset of the governing expression, if any
    possible: Interval | None = None  # the span it may cover when its article's date is uncertain


@dataclass(frozen=True)
class EventActor:
    """An actor in one role of an event; ``unit`` is the body that acted for a state."""

    id: str
    name: str
    role: ActorRoleName
    type: str = "unknown"
    unit: str | None = None
    surface: str = ""  # the words of the text that name it


@dataclass(frozen=True)
class EventMention:
    """One report of an event: the clause that states it, in one document."""

    doc: str
    start: int
    end: int
    text: str
    trigger: str
    trigger_start: int
    segment_start: int
    sources: tuple[str, ...] = ()
    attach_only: bool = False  # a headline or a continuation: may join an event, never start one


@dataclass
class Event:
    """A dated happening with its actors, place and every report of it."""

    id: str
    type: EventType
    cameo: str
    title: str
    date: EventDate
    actors: list[EventActor]
    location: str | None
    mentions: list[EventMention]
    sources: list[str]
    planned: bool = False
    trigger_family: str = ""
    count: int | None = None  # people released or exchanged, where the text gives the number

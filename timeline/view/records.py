"""Events as the page shows them: where on the axis, in which lanes, with which words.

:func:`view_records` turns :class:`~timeline.model.Event` objects into
:class:`ViewEvent` records that both the Plotly figure and the page's own
script read.  Everything here is plain data (raw, unescaped text); escaping
happens where the text enters HTML (:mod:`timeline.view.escape`).

Placement on the time axis:

* day- and time-precise dates are points (drawn as markers);
* week, month, year and vague dates are spans over their interval, narrowed
  to its first, middle or last third for "مطلع / منتصف / أواخر" (mod START,
  MID, END);
* a vague date with no interval (``PAST_REF``, ``FUTURE_REF``,
  ``PRESENT_REF``) spans :data:`VAGUE_DAYS` days before, after or around the
  publication date of the article that reports it;
* an event with no usable date is kept (it is listed in the table) but has no
  place on the axis (``start is None``).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from timeline.dating import publication_words
from timeline.model import Document, Event, EventDate

#: How far a vague date with no interval reaches from the report date.
VAGUE_DAYS = 30

TYPE_LABELS: dict[str, str] = {
    "meeting": "Meetings", "negotiation": "Negotiation rounds", "visit": "Visits", "call": "Phone calls",
    "statement": "Statements", "rejection": "Rejections", "proposal": "Proposals",
    "agreement": "Agreements", "decision": "Decisions", "military": "Military", "other": "Other",
    "ceasefire": "Ceasefires and pauses", "release": "Releases", "exchange": "Exchanges",
}
#: Lane order of the "by event type" view, top to bottom.
TYPE_ORDER = ("military", "ceasefire", "agreement", "decision", "proposal", "rejection", "negotiation", "meeting",
              "visit", "call", "statement", "release", "exchange", "other")

#: Trigger families whose events are drawn as shaded bands across the plot.
CEASEFIRE_FAMILIES = frozenset({"ceasefire", "pause"})
MILITARY_PHASE_FAMILIES = frozenset({"operation-announce", "mobilize", "approve-operation"})

MOD_WORDS = {"START": "early", "MID": "mid", "END": "late", "APPROX": "about", "BEFORE": "before",
             "AFTER": "after", "ON_OR_BEFORE": "on or before", "ON_OR_AFTER": "on or after"}
BASIS_WORDS = {
    "explicit": "stated in the sentence",
    "same-sentence": "from a date elsewhere in the sentence",
    "inherited": "from the talks or visit it belongs to",
    "document-date": "only the article's publication date (the event may be earlier)",
    "none": "undated",
}
VAGUE_WORDS = {"PAST_REF": "some time before", "FUTURE_REF": "some time after",
               "PRESENT_REF": "around"}


@dataclass(frozen=True)
class ViewMention:
    """One report of an event, as shown in the detail card."""

    doc: str
    text: str
    outlet: str | None  # who published the article
    cited: tuple[str, ...] = ()  # outlets the report quotes ("according to Axios")
    title: str | None = None
    url: str | None = None
    published: str | None = None
    published_words: str | None = None  # "published …" or "publication date inferred: …, from …"


@dataclass(frozen=True)
class ViewEvent:
    """An event placed on the time axis, with the words that describe it.

    ``start``/``end`` are ISO dates or date-times (``end`` is exclusive for
    spans, equal to ``start`` for points); both are ``None`` for events that
    cannot be placed.  ``hollow`` marks events dated only by the publication
    date of their article.
    """

    index: int
    id: str
    type: str
    family: str
    title: str
    start: str | None
    end: str | None
    point: bool
    granularity: str
    basis: str
    hollow: bool
    planned: bool
    date_words: str
    precision_words: str
    basis_words: str
    actors: tuple[str, ...]
    mediators: tuple[str, ...]
    place: str | None
    sources: tuple[str, ...]
    mentions: tuple[ViewMention, ...]
    band: str | None = None  # "ceasefire" | "military" when the event shades the plot
    actor_ids: tuple[str, ...] = field(default=())

    @property
    def sentence(self) -> str:
        """The Arabic sentence that first states the event."""
        return self.mentions[0].text if self.mentions else ""

    @property
    def placed(self) -> bool:
        return self.start is not None


def _parse(value: str) -> dt.date | dt.datetime:
    """An interval bound ("2024-05-01" or "2024-06-20T15:00") as a date or date-time."""
    if "T" in value:
        return dt.datetime.fromisoformat(value)
    return dt.date.fromisoformat(value[:10])


def _iso(day: dt.date | dt.datetime) -> str:
    if isinstance(day, dt.datetime):
        return day.strftime("%Y-%m-%d %H:%M")
    return day.isoformat()


def _fmt_day(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%b')} {day.year}"


def _narrow(a: dt.date, b: dt.date, mod: str | None) -> tuple[dt.date, dt.date]:
    """[a, b) narrowed to its first, middle or last third for START / MID / END."""
    days = (b - a).days
    if mod not in ("START", "MID", "END") or days < 3:
        return a, b
    third = max(1, round(days / 3))
    if mod == "START":
        return a, a + dt.timedelta(days=third)
    if mod == "END":
        return b - dt.timedelta(days=third), b
    middle = a + dt.timedelta(days=(days - third) // 2)
    return middle, middle + dt.timedelta(days=third)


def _value_words(date: EventDate, a: dt.date | dt.datetime, b: dt.date | dt.datetime) -> str:
    """The date in words: "12 Mar 2025", "week of 10 Mar 2025", "early May 2024"."""
    value = date.value if isinstance(date.value, str) else "/".join(date.value or [])
    mod = MOD_WORDS.get(date.mod or "", "")
    g = date.granularity
    if g == "time" and isinstance(a, dt.datetime):
        words = f"{_fmt_day(a.date())}, {a.strftime('%H:%M')}"
    elif g == "month":
        words = a.strftime("%B %Y")
    elif g == "year":
        words = str(a.year)
    elif g == "week":
        words = f"week of {_fmt_day(a if isinstance(a, dt.date) else a.date())}"
    elif g == "day":
        words = _fmt_day(a if not isinstance(a, dt.datetime) else a.date())
    else:
        last = (b - dt.timedelta(days=1)) if not isinstance(b, dt.datetime) else b
        words = f"{_fmt_day(a)} – {_fmt_day(last)}" if last != a else _fmt_day(a)
    if isinstance(date.value, list):
        words = f"{words} (one of {value})"
    return f"{mod} {words}".strip()


def report_day(doc: Document, offset: int) -> dt.date | None:
    """Publication date of the article at ``offset`` of ``doc`` (its segment's date, else the page's)."""
    seg = doc.segment_at(offset)
    return seg.dct if seg is not None and seg.dct else doc.published


def _report_date(ev: Event, documents: Mapping[str, Document]) -> dt.date | None:
    """Publication date of the article (segment) that first reports ``ev``."""
    for m in ev.mentions:
        doc = documents.get(m.doc)
        day = report_day(doc, m.start) if doc else None
        if day:
            return day
    return None


def placement(ev: Event, documents: Mapping[str, Document] | None = None
              ) -> tuple[str | None, str | None, bool, str, str]:
    """(start, end, point, date words, precision words) of an event on the axis."""
    date = ev.date
    g = date.granularity
    precision = {"day": "day", "time": "time of day", "week": "week", "month": "month", "year": "year",
                 "vague": "vague"}.get(g, g or "none")
    if date.interval is not None:
        a, b = _parse(date.interval.start), _parse(date.interval.end)
        if g in ("day", "time") or a == b and isinstance(a, dt.datetime):
            return _iso(a), _iso(a), True, _value_words(date, a, b), precision
        a_day = a.date() if isinstance(a, dt.datetime) else a
        b_day = (b.date() if isinstance(b, dt.datetime) else b) + dt.timedelta(days=1)
        lo, hi = _narrow(a_day, b_day, date.mod)
        return _iso(lo), _iso(hi), False, _value_words(date, a_day, b_day), precision
    if g == "vague" and isinstance(date.value, str) and date.value in VAGUE_WORDS:
        report = _report_date(ev, documents or {})
        if report is None:
            return None, None, False, f"vague ({date.value}), no report date", precision
        reach = dt.timedelta(days=VAGUE_DAYS)
        lo, hi = {"PAST_REF": (report - reach, report + dt.timedelta(days=1)),
                  "FUTURE_REF": (report, report + reach),
                  "PRESENT_REF": (report - reach / 4, report + reach / 4)}[date.value]
        return _iso(lo), _iso(hi), False, f"{VAGUE_WORDS[date.value]} {_fmt_day(report)}", precision
    return None, None, False, "undated", "none"


def display_type(ev: Event) -> str:
    """The lane and colour an event is drawn with: a pause or truce is a ceasefire, whoever declares it."""
    return "ceasefire" if ev.trigger_family in CEASEFIRE_FAMILIES else ev.type


def band_kind(ev: Event, start: str | None, end: str | None, point: bool) -> str | None:
    """"ceasefire" or "military" when ``ev`` is a ceasefire or a military phase, else None.

    Military events shade the plot when they announce or approve an operation,
    or when their date spans more than a day (a campaign, a phase).
    """
    if start is None or ev.planned:
        return None
    if ev.trigger_family in CEASEFIRE_FAMILIES:
        return "ceasefire"
    if ev.type == "military" and (ev.trigger_family in MILITARY_PHASE_FAMILIES or not point):
        return "military"
    return None


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


def view_records(events: list[Event], documents: Iterable[Document] = ()) -> list[ViewEvent]:
    """One :class:`ViewEvent` per event, in the order given."""
    docs = {d.id: d for d in documents}
    out = []
    for n, ev in enumerate(events):
        start, end, point, words, precision = placement(ev, docs)
        mentions = []
        for m in ev.mentions:
            doc = docs.get(m.doc)
            published = report_day(doc, m.start) if doc else None
            mentions.append(ViewMention(
                m.doc, m.text, doc.source if doc else None, _unique(m.sources),
                title=doc.title if doc else None, url=doc.url if doc else None,
                published=published.isoformat() if published else None,
                published_words=publication_words(doc.segment_at(m.start)) if doc else None))
        mediators = _unique(a.name for a in ev.actors if a.role == "mediator")
        out.append(ViewEvent(
            index=n, id=ev.id, type=display_type(ev), family=ev.trigger_family, title=ev.title,
            start=start, end=end, point=point, granularity=ev.date.granularity, basis=ev.date.basis,
            hollow=ev.date.basis == "document-date", planned=ev.planned,
            date_words=words + (" (planned)" if ev.planned else ""), precision_words=precision,
            basis_words=BASIS_WORDS.get(ev.date.basis, ev.date.basis),
            actors=_unique(a.name for a in ev.actors if a.role != "mediator"), mediators=mediators,
            place=ev.location, sources=_unique(ev.sources), mentions=tuple(mentions),
            band=band_kind(ev, start, end, point), actor_ids=_unique(a.id for a in ev.actors)))
    return out

"""Give each event mention its date, and say how the date was found.

In order of preference:

1. ``explicit``: a date expression in the event's own sub-clause
   ("التقى ويتكوف اليوم في باريس");
2. ``same-sentence``: one elsewhere in the event's clause, never across a
   reported-clause opener (in "قال مسؤول، السبت، إن X التقى Y" Saturday dates
   the remark, not the meeting);
3. ``inherited``: from the event it is part of — the announcement that states
   it ("أعلن الجيش، فجر الثلاثاء، أنه بدأ ..."; "قال نتنياهو، الثلاثاء، إن
   إسرائيل عادت إلى القتال": a done deed reported in a dated statement takes
   the statement's day), or the session named by
   "خلال جلسة الكابينيت" when that session is dated elsewhere in the article;
4. ``document-date``: the publication date of the article segment, flagged.
"""
from __future__ import annotations

import calendar

from timeline.events.extract import Candidate, SegmentView
from timeline.model import EventDate, Interval, Timex

_DATE_TYPES = ("DATE", "TIME")


def _usable(tx: Timex) -> bool:
    value = tx.value
    if tx.type not in _DATE_TYPES:
        return False
    if isinstance(value, str) and value.startswith("UNDEF"):
        return False
    return tx.interval is not None or (isinstance(value, str) and value.endswith("_REF"))


def _span_of(value: str) -> Interval | None:
    """The calendar span a month or year value names."""
    if len(value) == 7 and value[4] == "-" and value[:4].isdigit() and value[5:].isdigit():
        y, m = int(value[:4]), int(value[5:])
        last = calendar.monthrange(y, m)[1]
        return Interval(f"{value}-01", f"{value}-{last:02d}")
    if len(value) == 4 and value.isdigit():
        return Interval(f"{value}-01-01", f"{value}-12-31")
    return None


def from_timex(tx: Timex, basis: str) -> EventDate:
    """An event date from the expression that states it.

    A qualified month ("مطلع مايو", value 2024-05 with mod START) dates the event
    to the month, with the qualifier kept in ``mod``: the event's interval is the
    span the value names, not the narrower reading of the expression.
    """
    interval = tx.interval
    if tx.mod and isinstance(tx.value, str):
        interval = _span_of(tx.value) or interval
    return EventDate(tx.value, interval, tx.granularity, basis, tx.mod, tx.start, tx.possible)  # type: ignore[arg-type]


def document_date(cand: Candidate) -> EventDate:
    dct = cand.segment.dct
    if dct is None:
        return EventDate(None, None, "none", "none")
    day = dct.isoformat()
    seg = cand.segment
    possible = None
    if seg.dct_uncertain and seg.dct_interval is not None:
        possible = Interval(seg.dct_interval.first.isoformat(),
                            "" if seg.dct_open_end else seg.dct_interval.last.isoformat())
    return EventDate(day, Interval(day, day), "day", "document-date", possible=possible)


def _nearest(view: SegmentView, cand: Candidate, lo: int, hi: int) -> Timex | None:
    t0, t1 = cand.trigger_span
    best, dist = None, None
    for a, b, tx in view.timexes:
        if lo <= a and b <= hi and _usable(tx):
            d = (a - t1) if a >= t1 else (t0 - b) * 1.5  # a following date is the more usual
            if dist is None or d < dist:
                best, dist = tx, d
    return best


def own_date(view: SegmentView, cand: Candidate) -> EventDate | None:
    """The date stated in the event's own clause, if any."""
    tx = _nearest(view, cand, *cand.sub)
    if tx is not None and tx.value == "PRESENT_REF":
        return document_date(cand)  # "تجري حاليا محادثات": under way on the publication day
    if tx is not None:
        return from_timex(tx, "explicit")
    tx = _nearest(view, cand, *cand.clause)
    if tx is not None:
        return from_timex(tx, "same-sentence")
    return None


def date_segment(view: SegmentView, cands: list[Candidate]) -> dict[int, EventDate]:
    """Dates for the candidates of one segment, keyed by ``id(candidate)``."""
    dates: dict[int, EventDate] = {}
    for c in cands:
        d = own_date(view, c)
        if d is not None:
            dates[id(c)] = d
    for c in cands:
        if id(c) in dates:
            continue
        reported = c.embedded and not c.planned and c.governing is not None and \
            dates.get(id(c.governing), None) is not None and \
            dates[id(c.governing)].basis in ("explicit", "same-sentence")
        if (c.self_announced or reported) and c.governing is not None and id(c.governing) in dates:
            g = dates[id(c.governing)]
            dates[id(c)] = EventDate(g.value, g.interval, g.granularity, "inherited", g.mod, g.timex_start, g.possible)
            continue
        f = c.frame_event
        if f is not None and id(f) in dates and dates[id(f)].basis != "document-date":
            g = dates[id(f)]  # "وقرر الوزراء في نهايته": the meeting's day
            dates[id(c)] = EventDate(g.value, g.interval, g.granularity, "inherited", g.mod, g.timex_start, g.possible)
            continue
        if c.frame_refs:
            for other in cands:
                if other is c or id(other) not in dates or dates[id(other)].basis == "inherited":
                    continue
                if any(a.id in c.frame_refs for a in other.actors) or \
                        any(r in other.frame_refs for r in c.frame_refs):
                    g = dates[id(other)]
                    dates[id(c)] = EventDate(g.value, g.interval, g.granularity, "inherited", g.mod, g.timex_start, g.possible)
                    break
    for c in cands:
        if id(c) not in dates:
            dates[id(c)] = document_date(c)
    return dates

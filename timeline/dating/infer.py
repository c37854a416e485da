"""From clues to a publication date: a best day, the interval still possible, the source.

Evidence, strongest first:

1. a date given with the document (manifest, JSON-lines ``published``) always
   wins; clues that contradict it become warnings;
2. a day the page states (a stamp or dateline in the text, the URL, HTML
   metadata): when they disagree, the one the content clues support is kept,
   then the text's own stamp over the URL over the metadata;
3. the content clues: as many as can hold together (the strongest first), and
   the earliest day they allow is the best guess (an article is written soon
   after the latest thing it reports); the interval is every day between the
   first and the last they allow.

A lower bound alone (no upper one) gives an open interval: nothing pretends to
know how late the article may be.  A weekday alone dates nothing.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from timeline.model import DateClue, DayRange, DctSource

# how strongly each kind of clue holds, when clues must be dropped to agree
_STRENGTH = {"manifest": 100, "metadata": 90, "dateline": 80, "stamp": 80, "url": 70, "html": 60,
             "batch": 55, "calendar": 50, "within": 45, "weekday": 40, "role": 35, "anchor": 33, "before": 30,
             "after": 30}
_STATED_PRIORITY = {"manifest": 0, "metadata": 1, "stamp": 2, "dateline": 2, "url": 3, "batch": 4, "html": 5}
_SOURCE: dict[str, DctSource] = {"manifest": "manifest", "metadata": "metadata", "stamp": "dateline",
                                 "dateline": "dateline", "url": "url", "html": "html", "batch": "batch"}
_MAX_SPAN = 366 * 40  # days enumerated at most when a weekday or a month narrows a span


@dataclass
class Dating:
    """The result for one segment."""

    dct: dt.date | None = None
    interval: DayRange | None = None  # None: undated; last may be open (see ``open_end``)
    source: DctSource | None = None
    evidence: list[DateClue] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    open_end: bool = False


def _bounds(clues: list[DateClue]) -> tuple[dt.date | None, dt.date | None]:
    firsts = [c.first for c in clues if c.first] + [c.day for c in clues if c.day]
    lasts = [c.last for c in clues if c.last] + [c.day for c in clues if c.day]
    return (max(firsts) if firsts else None), (min(lasts) if lasts else None)


def _needs_days(clues: list[DateClue]) -> bool:
    return any(c.weekday or c.month or c.month_day for c in clues)


def feasible(clues: list[DateClue]) -> tuple[dt.date | None, dt.date | None] | None:
    """The first and last day every clue allows (None on either side: unbounded), or None if none does."""
    first, last = _bounds(clues)
    if first and last and first > last:
        return None
    if not _needs_days(clues):
        return first, last
    if first is None and last is None:
        return None, None  # a weekday or month with no span: nothing to enumerate, nothing excluded
    if not any(c.month or c.month_day for c in clues):
        return _weekday_span(clues, first, last)
    start = first or (last - dt.timedelta(days=_MAX_SPAN))  # type: ignore[operator]
    stop = last or (first + dt.timedelta(days=_MAX_SPAN))  # type: ignore[operator]
    days = []
    d = start
    while d <= stop:
        if all(c.allows(d) for c in clues):
            days.append(d)
            if last is None:
                break  # open end: the first allowed day is all we need
        d += dt.timedelta(days=1)
    if not days:
        return None
    if last is None:
        return days[0], None
    first_ok = days[0]
    last_ok = days[-1]
    if first is None:
        return None, last_ok
    return first_ok, last_ok


def _weekday_span(clues: list[DateClue], first: dt.date | None,
                  last: dt.date | None) -> tuple[dt.date | None, dt.date | None] | None:
    """The first and last day of the one weekday the clues name, inside [first, last] (no enumeration)."""
    days = {c.weekday for c in clues if c.weekday}
    if len(days) > 1:
        return None
    (wd,) = days
    lo = first + dt.timedelta(days=(wd - first.isoweekday()) % 7) if first else None
    hi = last - dt.timedelta(days=(last.isoweekday() - wd) % 7) if last else None
    if lo and hi and lo > hi:
        return None
    return lo, hi


def agree(clues: list[DateClue]) -> tuple[list[DateClue], list[DateClue]]:
    """The clues that hold together (strongest first) and those dropped to get there."""
    kept: list[DateClue] = []
    dropped: list[DateClue] = []
    for c in sorted(clues, key=lambda c: (-_STRENGTH.get(c.kind, 0), c.start or -1, c.text)):
        if feasible(kept + [c]) is not None:
            kept.append(c)
        else:
            dropped.append(c)
    return kept, dropped


def infer(given: DateClue | None, stated: list[DateClue], content: list[DateClue]) -> Dating:
    """Date one segment from a given date, the days it states, and its content clues."""
    if given is not None and given.day is not None:
        out = Dating(given.day, DayRange.day(given.day), _SOURCE[given.kind], [given])
        for c in stated + content:
            if not c.allows(given.day):
                out.warnings.append(f"{c.kind} evidence {c.text[:60]!r} ({c.note}) contradicts the given date "
                                    f"{given.day.isoformat()}")
        return out
    exact = [c for c in stated if c.day is not None]
    if exact:
        return _choose_stated(exact, [c for c in stated if c.day is None] + content)
    kept, dropped = agree(stated + content)
    span = feasible(kept)
    out = Dating(evidence=kept)
    out.warnings.extend(f"{c.kind} clue {c.text[:60]!r} ({c.note}) disagrees with stronger evidence: set aside"
                        for c in dropped)
    if span is None:
        return out
    first, last = span
    if first is None:
        return Dating(evidence=[], warnings=out.warnings)  # only an upper bound: no day to name
    out.dct = first
    out.interval = DayRange(first, last or first)
    out.open_end = last is None
    out.source = "dateline" if any(c.month_day for c in kept) else "content"
    return out


def _choose_stated(exact: list[DateClue], others: list[DateClue]) -> Dating:
    def support(c: DateClue) -> tuple[int, int, int, int]:
        agrees = sum(1 for o in others if o.allows(c.day))  # type: ignore[arg-type]
        # a labelled stamp ("نشر في:") over a bare date line (often the site header's today)
        labelled = 0 if c.note.startswith("label") or c.kind != "stamp" else 1
        return (-agrees, _STATED_PRIORITY.get(c.kind, 9), labelled, c.start or 0)

    best = min(exact, key=support)
    day = best.day
    assert day is not None
    out = Dating(day, DayRange.day(day), _SOURCE.get(best.kind, "content"), [best])
    out.evidence.extend(o for o in others if o.allows(day) and (o.first or o.last or o.weekday))
    for c in exact:
        if c.day != day:
            out.warnings.append(f"{c.kind} date {c.day.isoformat() if c.day else ''} ({c.text[:60]!r}) disagrees "
                                f"with the {best.kind} date {day.isoformat()}: kept the {best.kind}, which the "
                                f"content supports as well or better")
    for o in others:
        if not o.allows(day) and o.kind in ("weekday", "calendar", "anchor", "within"):
            out.warnings.append(f"{o.kind} clue {o.text[:60]!r} ({o.note}) contradicts {day.isoformat()}")
    return out

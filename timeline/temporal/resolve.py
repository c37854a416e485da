"""Step 2 of tagging: complete an incomplete value against a publication date.

``resolve(partial, dct, tense)`` turns the dict an extraction rule produced into
a TIMEX3 value, an inclusive calendar interval and a granularity.  The
publication date (``dct``) is always explicit: without one, relative values
stay ``UNDEF-...`` with no interval.  Today's date is never consulted.

Conventions (documented in the README):

* weekday / day-month without year / month alone: on or before the publication
  day in past or neutral context, on or after it in future context; a day-month
  in neutral context within NEAR_AHEAD days after the publication day is that
  coming day (news writes last year's dates with their year);
  "المقبل" = strictly after, "الماضي" = strictly before;
* weeks are ISO weeks (Monday-Sunday), TIMEX3 ``YYYY-Www``; a weekend is
  ``YYYY-Www-WE`` with the interval Friday-Sunday (covering both the Arab
  Friday-Saturday and the Western Saturday-Sunday weekend);
* early / mid / late (START / MID / END) narrow a month to days 1-10 / 11-20 /
  21-end and a year to Jan-Apr / May-Aug / Sep-Dec.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from hijridate import Gregorian, Hijri

from timeline.model import Interval

NEAR_AHEAD = 45  # days: a day-month this close after the publication day, in neutral context, is the coming one

D = dt.timedelta
_WEEKDAY_NAMES = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(frozen=True)
class Resolution:
    """A completed value."""

    value: str | list[str]
    interval: Interval | None
    granularity: str
    mod: str | None = None
    type: str | None = None  # overrides the rule's type when set


class Unresolvable(ValueError):
    """The partial value names no real date (e.g. 31 February)."""


def _day(d: dt.date, part: str | None = None) -> Resolution:
    iso = d.isoformat()
    return Resolution(iso + (f"T{part}" if part else ""), Interval(iso, iso), "day")


def _day_list(days: list[dt.date]) -> Resolution:
    return Resolution([d.isoformat() for d in days], Interval(days[0].isoformat(), days[-1].isoformat()), "day")


def _month(y: int, m: int, mod: str | None = None) -> Resolution:
    last = calendar.monthrange(y, m)[1]
    a, b = {"START": (1, 10), "MID": (11, 20), "END": (21, last)}.get(mod or "", (1, last))
    return Resolution(f"{y:04d}-{m:02d}", Interval(dt.date(y, m, a).isoformat(), dt.date(y, m, b).isoformat()),
                      "month", mod)


def _year(y: int, mod: str | None = None) -> Resolution:
    a, b = {"START": ((1, 1), (4, 30)), "MID": ((5, 1), (8, 31)), "END": ((9, 1), (12, 31))}.get(
        mod or "", ((1, 1), (12, 31)))
    return Resolution(f"{y:04d}", Interval(dt.date(y, *a).isoformat(), dt.date(y, *b).isoformat()), "year", mod)


def _week(d: dt.date, mod: str | None = None) -> Resolution:
    y, w, _ = d.isocalendar()
    monday = dt.date.fromisocalendar(y, w, 1)
    return Resolution(f"{y:04d}-W{w:02d}", Interval(monday.isoformat(), (monday + D(days=6)).isoformat()),
                      "week", mod)


def _weekend(d: dt.date) -> Resolution:
    y, w, _ = d.isocalendar()
    friday = dt.date.fromisocalendar(y, w, 5)
    return Resolution(f"{y:04d}-W{w:02d}-WE", Interval(friday.isoformat(), (friday + D(days=2)).isoformat()),
                      "week")


def _add_months(d: dt.date, n: int) -> tuple[int, int]:
    total = d.year * 12 + (d.month - 1) + n
    return total // 12, total % 12 + 1


def weekday_date(dct: dt.date, weekday: int, tense: str, rel: int | None = None) -> dt.date:
    """The date of a weekday named in a text published on ``dct``."""
    today = dct.isoweekday()
    if rel is not None and rel > 0:
        return dct + D(days=(weekday - today - 1) % 7 + 1)
    if rel is not None and rel < 0:
        return dct - D(days=(today - weekday - 1) % 7 + 1)
    if tense == "future":
        return dct + D(days=(weekday - today) % 7)
    return dct - D(days=(today - weekday) % 7)


def _safe_date(y: int, m: int, d: int) -> dt.date:
    try:
        return dt.date(y, m, d)
    except ValueError:
        raise Unresolvable(f"no such date: {y:04d}-{m:02d}-{d:02d}") from None


def _date_without_year(dct: dt.date, m: int, d: int, tense: str) -> dt.date:
    if not 1 <= d <= 31:
        raise Unresolvable(f"no such day: {d}")
    year = dct.year
    if tense == "future":
        candidate = dt.date(year, m, min(d, calendar.monthrange(year, m)[1]))
        if candidate < dct:
            year += 1
    else:
        candidate = dt.date(year, m, min(d, calendar.monthrange(year, m)[1]))
        if tense == "neutral" and dct < candidate <= dct + dt.timedelta(days=NEAR_AHEAD):
            return _safe_date(year, m, d)  # "المحادثات في 29 نوفمبر" written on 4 November: this month's
        if candidate > dct:
            year -= 1
    return _safe_date(year, m, d)


def _hijri_to_date(hy: int, hm: int, hd: int) -> dt.date:
    try:
        g = Hijri(hy, hm, hd).to_gregorian()
    except (ValueError, OverflowError) as exc:
        raise Unresolvable(f"no such Hijri date {hy}-{hm}-{hd}: {exc}") from None
    return dt.date(g.year, g.month, g.day)


def _hijri_nearest(dct: dt.date, hm: int, hd: int, tense: str) -> dt.date:
    hy = Gregorian(dct.year, dct.month, dct.day).to_hijri().year
    options = [_hijri_to_date(y, hm, hd) for y in (hy - 1, hy, hy + 1)]
    if tense == "future":
        return min(d for d in options if d >= dct)
    return max(d for d in options if d <= dct)


def _undef(p: dict[str, Any]) -> str:
    kind = p["kind"]
    if kind in ("relday", "relday_or_weekday") and p.get("offset") is not None:
        off = int(p["offset"] or 0)
        return "UNDEF-this-day" + (f"-PLUS-{off}" if off > 0 else f"-MINUS-{-off}" if off < 0 else "")
    if kind == "weekdays":
        return f"UNDEF-last-{_WEEKDAY_NAMES[int(p['weekdays'][0])]}"
    if kind in ("weekday", "relday_or_weekday") and p.get("weekday"):
        return f"UNDEF-{'next' if (p.get('rel') or 0) > 0 else 'last'}-{_WEEKDAY_NAMES[int(p['weekday'])]}"
    if kind in ("relunit", "weekend"):
        unit = p.get("unit", "week")
        off = int(p.get("offset") or 0)
        return f"UNDEF-this-{unit}" + (f"-PLUS-{off}" if off > 0 else f"-MINUS-{-off}" if off < 0 else "")
    if kind == "dates":
        return f"UNDEF-year-{int(p['month']):02d}-{int(p['days'][0]):02d}"
    if kind == "date":
        return f"UNDEF-year-{int(p['month']):02d}-{int(p['day']):02d}"
    if kind == "month":
        return f"UNDEF-year-{int(p['month']):02d}"
    if kind == "shift":
        return "UNDEF-this-day-SHIFT"
    if kind in ("hijri", "holiday"):
        return "UNDEF-hijri"
    return "UNDEF"


_RELATIVE_KINDS = {"relday", "weekday", "weekdays", "relday_or_weekday", "relunit", "weekend", "shift",
                   "holiday"}


def needs_dct(p: dict[str, Any]) -> bool:
    """Whether the partial value can only be completed with a publication date."""
    kind = p["kind"]
    if kind in _RELATIVE_KINDS:
        return not (kind == "holiday" and p.get("year"))
    if kind in ("date", "month", "dates"):
        return not p.get("year")
    if kind == "hijri":
        return not p.get("year")
    return False


def resolve(p: dict[str, Any], dct: dt.date | None, tense: str = "neutral",
            anchor: dt.date | None = None, anchor_part: str | None = None) -> Resolution:
    """Complete the partial value ``p``.

    ``anchor`` dates a clock time: the day named in the same sentence, and
    ``anchor_part`` its part of the day (EV in "مساء غد": eight is 20:00).
    """
    if p["kind"] == "time" and not p.get("period") and anchor_part in ("AF", "EV", "NI"):
        p = {**p, "period": "night" if anchor_part == "NI" else "pm"}
    kind = p["kind"]
    if dct is None and needs_dct(p):
        return Resolution(_undef(p), None, "undefined", p.get("mod"))
    if kind in ("ref", "duration", "set", "set_weekday", "time", "year"):
        return _resolve_static(p, anchor, dct)
    assert dct is not None or not needs_dct(p)
    if kind == "relday" or (kind == "relday_or_weekday" and p.get("offset") is not None):
        return _day(dct + D(days=int(p.get("offset") or 0)), p.get("part"))  # type: ignore[operator]
    if kind in ("weekday", "relday_or_weekday"):
        d = weekday_date(dct, int(p["weekday"]), tense, p.get("rel"))  # type: ignore[arg-type]
        return _day(d, p.get("part"))
    if kind == "weekdays":  # consecutive named days: يومي الأربعاء والخميس
        names = [int(w) for w in p["weekdays"]]
        days = [weekday_date(dct, names[0], tense)]  # type: ignore[arg-type]
        for w in names[1:]:
            days.append(days[-1] + D(days=(w - days[-1].isoweekday()) % 7 or 7))
        if days[-1] > dct and tense != "future":  # all of them lie in the past: a week earlier
            days = [d - D(days=7) for d in days]
        return _day_list(days)
    if kind == "dates":  # يومي 11 و12 يناير
        m = int(p["month"])
        if p.get("year"):
            days = [_safe_date(int(p["year"]), m, d) for d in p["days"]]
        else:
            first = _date_without_year(dct, m, int(p["days"][0]), tense)  # type: ignore[arg-type]
            days = [_safe_date(first.year, m, d) for d in p["days"]]
        return _day_list(sorted(days))
    if kind == "date":
        m, d = int(p["month"]), int(p["day"])
        if not 1 <= m <= 12:
            raise Unresolvable(f"no such month: {m}")
        day = _safe_date(int(p["year"]), m, d) if p.get("year") else _date_without_year(dct, m, d, tense)  # type: ignore[arg-type]
        return _day(day)
    if kind == "month":
        m = int(p["month"])
        if p.get("year"):
            return _month(int(p["year"]), m, p.get("mod"))
        assert dct is not None
        y = dct.year
        rel = p.get("rel")
        if rel and rel < 0:  # "مايو الماضي": strictly before the current month
            y -= 1 if m >= dct.month else 0
        elif rel and rel > 0:  # "مايو المقبل": strictly after
            y += 1 if m <= dct.month else 0
        elif tense == "future" and m < dct.month:
            y += 1
        elif tense != "future" and m > dct.month:
            y -= 1
        return _month(y, m, p.get("mod"))
    if kind == "hijri":
        hm, hd = int(p["month"]), int(p["day"])
        if p.get("year"):
            return _day(_hijri_to_date(int(p["year"]), hm, hd))
        assert dct is not None
        return _day(_hijri_nearest(dct, hm, hd, tense))
    if kind == "holiday":
        return _resolve_holiday(p, dct, tense)
    assert dct is not None
    if kind == "relunit":
        off = int(p.get("offset") or 0)
        unit = p.get("unit")
        if unit == "week":
            return _week(dct + D(weeks=off), p.get("mod"))
        if unit == "month":
            return _month(*_add_months(dct, off), p.get("mod"))
        return _year(dct.year + off, p.get("mod"))
    if kind == "weekend":
        return _weekend(dct + D(weeks=int(p.get("offset") or 0)))
    if kind == "shift":
        return _resolve_shift(p, dct)
    raise Unresolvable(f"unknown kind {kind!r}")


def _resolve_shift(p: dict[str, Any], dct: dt.date) -> Resolution:
    if p.get("dual_unit"):
        amount, unit = 2, p["dual_unit"]
    elif p.get("one_unit"):
        amount, unit = 1, p["one_unit"]
    else:
        amount, unit = p.get("amount"), p.get("unit")
    if amount is None or unit is None:
        raise Unresolvable("shift without an amount")
    n = int(p["sign"]) * int(amount)
    if unit == "D":
        return _day(dct + D(days=n))
    if unit == "W":
        return _week(dct + D(weeks=n))
    if unit == "M":
        return _month(*_add_months(dct, n))
    if unit == "Y":
        return _year(dct.year + n)
    raise Unresolvable(f"no calendar date for a shift in {unit}")


def _resolve_holiday(p: dict[str, Any], dct: dt.date | None, tense: str) -> Resolution:
    cal, md = str(p["holiday"]).split(":")
    hm, hd = (int(x) for x in md.split("-"))
    year = p.get("year")
    if cal == "gregorian":
        if year:
            return _day(_safe_date(int(year), hm, hd))
        assert dct is not None
        return _day(_date_without_year(dct, hm, hd, tense))
    if year and int(year) < 1600:  # a Hijri year
        return _day(_hijri_to_date(int(year), hm, hd))
    if year:  # a Gregorian year: the feast that falls in it
        hy = Gregorian(int(year), 1, 1).to_hijri().year
        for y in (hy, hy + 1):
            d = _hijri_to_date(y, hm, hd)
            if d.year == int(year):
                return _day(d)
        raise Unresolvable(f"no such feast in {year}")
    assert dct is not None
    return _day(_hijri_nearest(dct, hm, hd, tense))


def _duration_value(amount: Any, unit: str) -> str:
    n = "X" if amount in (None, "X") else str(int(amount))
    if unit in ("H", "MIN"):
        return f"PT{n}{'M' if unit == 'MIN' else 'H'}"
    if unit == "DE":
        return f"P{n}DE"
    return f"P{n}{unit}"


def _zone_suffix(zone: str | None, day: dt.date | None, hour: int, minute: int) -> str:
    if zone == "Z":
        return "Z"
    if not zone or zone == "local" or day is None:
        return ""
    offset = dt.datetime(day.year, day.month, day.day, hour % 24, minute, tzinfo=ZoneInfo(zone)).utcoffset()
    assert offset is not None
    total = int(offset.total_seconds() // 60)
    sign = "+" if total >= 0 else "-"
    return f"{sign}{abs(total) // 60:02d}:{abs(total) % 60:02d}"


def _resolve_static(p: dict[str, Any], anchor: dt.date | None, dct: dt.date | None) -> Resolution:
    kind = p["kind"]
    if kind == "ref":
        ref = p["ref"]
        if ref == "PRESENT_REF" and dct is not None:
            return Resolution(ref, Interval(dct.isoformat(), dct.isoformat()), "vague")
        return Resolution(ref, None, "vague")
    if kind == "duration":
        return Resolution(_duration_value(p.get("amount"), p["unit"]), None, "duration", p.get("mod"))
    if kind == "set":
        return Resolution(p["set"], None, "set")
    if kind == "set_weekday":
        return Resolution(f"XXXX-WXX-{int(p['weekday'])}", None, "set")
    if kind == "year":
        return _year(int(p["year"]), p.get("mod"))
    # clock time
    hour, minute = int(p["hour"]), int(p.get("minute") or 0)
    frac = int(p.get("fraction") or 0)
    if frac < 0:
        hour, minute = hour - 1, 60 + frac
    else:
        minute += frac
    period = p.get("period")
    if period == "pm" and hour < 12:
        hour += 12
    elif period == "noon" and hour < 6:
        hour += 12
    elif period == "night" and 6 <= hour < 12:
        hour += 12
    elif period == "am" and hour == 12:
        hour = 0
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        raise Unresolvable(f"no such time {hour}:{minute}")
    clock = f"T{hour:02d}:{minute:02d}"
    zone = p.get("zone")
    suffix = _zone_suffix(zone, anchor, hour, minute)
    if anchor is None:
        return Resolution(f"XXXX-XX-XX{clock}{suffix}", None, "time")
    stamp = f"{anchor.isoformat()}{clock}"
    return Resolution(stamp + suffix, Interval(stamp, stamp), "time")

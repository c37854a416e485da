"""Dates in a page's URL: ``/2024/05/23/``, ``/20240523/``, ``?date=23052024``, ``/2024/5/23/``.

htmldate's URL extractor reads the common path forms; the forms it leaves
(a compact ``YYYYMMDD`` segment, a ``date=`` query, a year and month only) are
read here.  A URL never moves the date outside 1995-2099.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from urllib.parse import parse_qsl, unquote, urlsplit

from htmldate.extractors import extract_url_date
from htmldate.utils import Extractor

from timeline.model import DateClue

_MIN, _MAX = dt.datetime(1995, 1, 1), dt.datetime(2099, 12, 31)
_OPTIONS = Extractor(False, _MAX, _MIN, True, "%Y-%m-%d")
_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_DMY_COMPACT = re.compile(r"^(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])((?:19|20)\d\d)$")
_DASHED = re.compile(r"(?<!\d)((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")
_LONG_ID = re.compile(r"\d{12,20}")  # a numeric id with a date and a clock time at its head
_YEAR_MONTH = re.compile(r"/((?:19|20)\d\d)[/\-_](0?[1-9]|1[0-2])(?:/|$)")
_DATE_KEYS = ("date", "d", "day", "pubdate", "published")


def _day(y: int, m: int, d: int) -> dt.date | None:
    try:
        day = dt.date(y, m, d)
    except ValueError:
        return None
    return day if _MIN.date() <= day <= _MAX.date() else None


def url_clue(url: str | None) -> DateClue | None:
    """The publication day (or month) a URL states, or None."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    path = unquote(urlsplit(url).path)
    dashed = [(seg, m) for seg in path.split("/") for m in _DASHED.finditer(seg)]
    if len({m[0] for _, m in dashed}) > 1:  # a category's date before the page's own: the last is the page's
        for _, m in reversed(dashed):
            if (day := _day(int(m[1]), int(m[2]), int(m[3]))) is not None:
                return DateClue("url", url, day=day, note="the last of several dates in the URL path")
    try:
        found = extract_url_date(url, _OPTIONS)
    except Exception:  # noqa: BLE001 - a third-party failure means no clue
        found = None
    if found:
        return DateClue("url", url, day=dt.date.fromisoformat(found), note="date in the URL path")
    parts = urlsplit(url)
    for key, value in parse_qsl(parts.query):
        if key.lower() in _DATE_KEYS:
            v = value.strip()
            m = _DMY_COMPACT.match(v)
            day = _day(int(m[3]), int(m[2]), int(m[1])) if m else None
            if day is None and (m := _COMPACT.fullmatch(v)):
                day = _day(int(m[1]), int(m[2]), int(m[3]))
            if day is None:
                try:
                    day = dt.date.fromisoformat(v[:10])
                except ValueError:
                    day = None
            if day is not None:
                return DateClue("url", url, day=day, note=f"date in the URL query ({key}=)")
    for seg in path.split("/"):
        if m := _COMPACT.search(seg):
            if (day := _day(int(m[1]), int(m[2]), int(m[3]))) is not None:
                return DateClue("url", url, day=day, note="compact date in the URL path")
    for seg in reversed(path.split("/")):
        if _LONG_ID.fullmatch(seg):
            head = seg[:8]
            day = _day(int(head[:4]), int(head[4:6]), int(head[6:])) or _day(int(head[4:]), int(head[2:4]), int(head[:2]))
            if day is not None:
                return DateClue("url", url, day=day, note="date at the head of the URL's numeric id")
    if m := _YEAR_MONTH.search(path):
        y, mo = int(m[1]), int(m[2])
        return DateClue("url", url, first=dt.date(y, mo, 1), last=dt.date(y, mo, calendar.monthrange(y, mo)[1]),
                        note="year and month in the URL path")
    return None

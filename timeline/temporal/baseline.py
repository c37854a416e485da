"""dateparser's ``search_dates`` as a baseline tagger, for comparison and benchmarks.

It is not this project's tagger (on the seeds, with the gold dates given, it
reaches a timex value F1 of about 0.29), but it is the well-known library to
measure against.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from dateparser.search import search_dates


def dateparser_dates(text: str, dct: dt.date) -> list[tuple[str, dt.datetime]]:
    """(surface, datetime) pairs dateparser finds in ``text``, relative to ``dct`` (never today)."""
    settings: dict[str, Any] = {
        "RELATIVE_BASE": dt.datetime(dct.year, dct.month, dct.day),
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return list(search_dates(text, languages=["ar"], settings=settings) or [])

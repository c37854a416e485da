"""Parsing publication dates given in manifests and JSON-lines records.

Only explicit ISO 8601 values are accepted (a date, or a date-time whose date
part is kept as written, without converting time zones).  Nothing here ever
looks at the clock.
"""
from __future__ import annotations

import datetime as dt


def parse_date(value: object) -> dt.date:
    """Return the calendar date of ``value``.

    Accepts a :class:`datetime.date`, a :class:`datetime.datetime` (its date
    part), or an ISO string such as ``2024-05-23``, ``2024-05-23T10:00:00Z`` or
    ``2024-05-23 10:00:00+03:00``.  Raises :class:`ValueError` otherwise.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if text:
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                pass
            try:
                return dt.datetime.fromisoformat(text).date()
            except ValueError:
                pass
    raise ValueError(f"not a date: {value!r}")

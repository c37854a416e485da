"""The resolver: weekday direction, weeks, months, missing publication dates."""
from __future__ import annotations

import datetime as dt

import pytest

from timeline.temporal.resolve import Unresolvable, resolve, weekday_date

THU = dt.date(2024, 5, 23)


@pytest.mark.parametrize("weekday,tense,rel,expected", [
    (3, "past", None, "2024-05-22"),
    (4, "past", None, "2024-05-23"),   # the publication day itself
    (5, "past", None, "2024-05-17"),
    (5, "future", None, "2024-05-24"),
    (4, "future", None, "2024-05-23"),
    (4, "neutral", 1, "2024-05-30"),   # الخميس المقبل: strictly after
    (4, "neutral", -1, "2024-05-16"),  # الخميس الماضي: strictly before
])
def test_weekday_direction(weekday: int, tense: str, rel: int | None, expected: str) -> None:
    assert weekday_date(THU, weekday, tense, rel).isoformat() == expected


def test_iso_weeks() -> None:
    sat = dt.date(2024, 5, 25)
    r = resolve({"kind": "relunit", "unit": "week", "offset": 1}, sat)
    assert r.value == "2024-W22" and r.interval and r.interval.start == "2024-05-27"


def test_month_without_year_takes_the_last_one() -> None:
    r = resolve({"kind": "month", "month": 10}, THU, "past")
    assert r.value == "2023-10"
    assert resolve({"kind": "month", "month": 10}, THU, "future").value == "2024-10"


def test_month_parts_narrow_the_interval() -> None:
    r = resolve({"kind": "month", "month": 5, "year": 2024, "mod": "END"}, None)
    assert r.interval and (r.interval.start, r.interval.end) == ("2024-05-21", "2024-05-31")


def test_no_publication_date_leaves_relative_values_undefined() -> None:
    r = resolve({"kind": "relday", "offset": -1}, None)
    assert r.value == "UNDEF-this-day-MINUS-1" and r.interval is None
    r = resolve({"kind": "weekday", "weekday": 3}, None)
    assert r.value.startswith("UNDEF") and r.interval is None
    # absolute values need no publication date
    assert resolve({"kind": "date", "day": 7, "month": 10, "year": 2023}, None).value == "2023-10-07"


def test_impossible_dates_are_refused() -> None:
    with pytest.raises(Unresolvable):
        resolve({"kind": "date", "day": 31, "month": 2, "year": 2024}, THU)
    with pytest.raises(Unresolvable):
        resolve({"kind": "date", "day": 5, "month": 13, "year": 2024}, THU)


def test_time_zone_offsets_follow_daylight_saving() -> None:
    p = {"kind": "time", "hour": 3, "minute": 0, "period": "pm", "zone": "America/New_York"}
    assert resolve(p, THU, anchor=dt.date(2024, 6, 20)).value == "2024-06-20T15:00-04:00"
    assert resolve(p, THU, anchor=dt.date(2024, 1, 20)).value == "2024-01-20T15:00-05:00"
    assert resolve(p, THU).value == "XXXX-XX-XXT15:00"


def test_hijri_conversion() -> None:
    assert resolve({"kind": "hijri", "day": 15, "month": 9, "year": 1445}, None).value == "2024-03-25"
    r = resolve({"kind": "holiday", "holiday": "hijri:12-10"}, dt.date(2024, 6, 20), "past")
    assert r.value == "2024-06-16"

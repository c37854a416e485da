"""Where events sit on the time axis, and the words that describe their dates."""
from __future__ import annotations

import datetime as dt

import pytest

from timeline.view.records import VAGUE_DAYS, band_kind, placement, view_records

from tests.view.factory import make_document, make_event


def test_day_is_a_point_with_its_date_in_words():
    start, end, point, words, precision = placement(make_event("e", "2025-03-09"))
    assert (start, end, point) == ("2025-03-09", "2025-03-09", True)
    assert words == "9 Mar 2025" and precision == "day"


def test_time_of_day_is_a_point_with_the_hour():
    ev = make_event("e", "2024-06-20T15:00", granularity="time", value="2024-06-20T15:00-04:00")
    start, _, point, words, precision = placement(ev)
    assert start == "2024-06-20 15:00" and point and "15:00" in words and precision == "time of day"


def test_week_spans_seven_days_end_exclusive():
    ev = make_event("e", "2024-05-20", "2024-05-26", granularity="week", value="2024-W21")
    assert placement(ev)[:3] == ("2024-05-20", "2024-05-27", False)
    assert placement(ev)[3] == "week of 20 May 2024"


@pytest.mark.parametrize("mod, lo, hi, word", [
    ("START", "2024-05-01", "2024-05-11", "early"),
    ("END", "2024-05-22", "2024-06-01", "late"),
    ("MID", "2024-05-11", "2024-05-21", "mid"),
    (None, "2024-05-01", "2024-06-01", ""),
])
def test_month_is_narrowed_by_its_modifier(mod, lo, hi, word):
    ev = make_event("e", "2024-05-01", "2024-05-31", granularity="month", value="2024-05", mod=mod)
    start, end, point, words, _ = placement(ev)
    assert (start, end, point) == (lo, hi, False)
    assert words == f"{word} May 2024".strip()


@pytest.mark.parametrize("value, lo, hi", [
    ("PAST_REF", dt.date(2025, 3, 10) - dt.timedelta(days=VAGUE_DAYS), dt.date(2025, 3, 11)),
    ("FUTURE_REF", dt.date(2025, 3, 10), dt.date(2025, 3, 10) + dt.timedelta(days=VAGUE_DAYS)),
])
def test_vague_dates_reach_from_the_report_date(value, lo, hi):
    ev = make_event("e", None, granularity="vague", value=value)
    start, end, point, words, precision = placement(ev, {"d1": make_document()})
    assert (start, end, point) == (lo.isoformat(), hi.isoformat(), False)
    assert "10 Mar 2025" in words and precision == "vague"


def test_vague_date_without_a_report_date_is_not_placed():
    ev = make_event("e", None, granularity="vague", value="PAST_REF")
    assert placement(ev, {})[0] is None
    assert placement(ev, {"d1": make_document(published=None)})[0] is None


def test_undated_event_is_kept_but_not_placed():
    ev = make_event("e", None, granularity="none", basis="none", value=None)
    [rec] = view_records([ev])
    assert not rec.placed and rec.date_words == "undated"


def test_document_date_only_events_are_hollow():
    [solid, hollow] = view_records([make_event("a", "2025-03-09"),
                                    make_event("b", "2025-03-10", basis="document-date")])
    assert not solid.hollow and hollow.hollow
    assert "publication date" in hollow.basis_words


def test_bands_for_ceasefires_and_military_phases_only():
    cease = make_event("c", "2025-01-19", type_="agreement", family="ceasefire")
    campaign = make_event("m", "2025-03-01", "2025-03-31", type_="military", family="attack",
                          granularity="month", value="2025-03")
    strike = make_event("s", "2025-03-05", type_="military", family="attack")
    planned = make_event("p", "2025-04-01", type_="agreement", family="ceasefire", planned=True)
    kinds = {r.id: r.band for r in view_records([cease, campaign, strike, planned])}
    assert kinds == {"c": "ceasefire", "m": "military", "s": None, "p": None}
    assert band_kind(cease, None, None, True) is None  # nothing to shade without a date


def test_records_keep_sources_actors_and_mediators_apart():
    ev = make_event("e", "2025-03-09", actors=(("qatar", "Qatar", "mediator"), ("hamas", "Hamas", "participant"),
                                              ("qatar", "Qatar", "mediator")))
    [rec] = view_records([ev], [make_document(url="https://example.org/a", title="عنوان")])
    assert rec.actors == ("Hamas",) and rec.mediators == ("Qatar",)
    assert rec.mentions[0].url == "https://example.org/a" and rec.mentions[0].published == "2025-03-10"
    assert rec.sentence.startswith("التقى")

"""The calendar of major dated events (resources/kb/calendar.yaml): anchors for dating articles."""
from __future__ import annotations

import datetime as dt
from collections import Counter

from timeline.knowledge import get_kb
from timeline.normalize import normalize_plain

THEATRES = {"gaza", "lebanon", "yemen", "sudan", "iran_us", "russia_ukraine", "international"}
KINDS = {"war-start", "attack", "operation", "ceasefire", "ceasefire-end", "agreement", "talks", "summit",
         "election", "inauguration", "resignation", "killing", "release", "other"}
GENERIC = {"وقف إطلاق النار", "المفاوضات", "الحرب", "الهجوم", "الاتفاق", "الهدنة", "العملية العسكرية",
           "المحادثات", "القمة", "الانتخابات"}


def test_calendar_covers_every_theatre_from_2022() -> None:
    cal = get_kb().calendar
    recent = [e for e in cal.values() if e.date >= dt.date(2022, 1, 1)]
    assert len(recent) >= 80
    per = Counter(e.theatre for e in recent)
    assert set(per) == THEATRES and min(per.values()) >= 12, per


def test_entries_are_well_formed_and_sourced() -> None:
    kb = get_kb()
    for e in kb.calendar.values():
        assert e.theatre in THEATRES and e.kind in KINDS, e.id
        assert e.end >= e.date and e.en and e.source and e.ar, e.id
        assert all(a in kb.actors for a in e.actors), e.id
        assert e.kind != "war-start" or e.war, e.id


def test_names_are_distinctive() -> None:
    generic = {normalize_plain(g) for g in GENERIC}
    owner: dict[str, str] = {}
    for e in get_kb().calendar.values():
        for name in e.ar:
            key = normalize_plain(name).strip()
            assert key not in generic, (e.id, name)
            assert owner.setdefault(key, e.id) == e.id, (name, owner[key], e.id)

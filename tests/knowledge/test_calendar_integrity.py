"""Integrity of the event calendar (timeline/resources/kb/calendar.yaml).

Standalone: uses only yaml, datetime and pathlib, not the project's package.
"""
import datetime
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
KB = ROOT / "timeline" / "resources" / "kb"
CALENDAR = KB / "calendar.yaml"

THEATRES = {"gaza", "lebanon", "yemen", "sudan", "iran_us", "russia_ukraine", "international"}
KINDS = {"war-start", "attack", "operation", "ceasefire", "ceasefire-end", "agreement", "talks",
         "summit", "election", "inauguration", "resignation", "killing", "release", "other"}
FIELDS = {"id", "theatre", "kind", "date", "end", "en", "ar", "actors", "war", "source"}
REQUIRED = {"id", "theatre", "kind", "date", "en", "ar", "source"}
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]")
RECENT = datetime.date(2022, 1, 1)
MIN_RECENT = 100
MIN_PER_THEATRE = 12

FORBIDDEN = [
    "وقف إطلاق النار", "وقف إطلاق نار", "المفاوضات", "المحادثات", "الحرب", "حرب", "الهجوم",
    "هجوم", "الاتفاق", "اتفاق", "الاتفاقية", "الهدنة", "هدنة", "الهدنة الإنسانية",
    "العملية العسكرية", "العملية", "القمة", "الغزو", "العدوان", "الاغتيال", "التهدئة",
    "صفقة التبادل", "صفقة الأسرى", "تبادل الأسرى", "الجولة الأولى", "الانتخابات",
    "المرحلة الأولى", "إعلان", "الإعلان", "الاجتياح البري", "التوغل البري",
]


def fold(text):
    """Matcher-style folding: diacritics, tatweel, hamza forms, ta marbuta, alef maqsura."""
    text = DIACRITICS.sub("", text).replace("\u0640", "")
    for a in "أإآٱ":
        text = text.replace(a, "ا")
    text = text.replace("ة", "ه").replace("ى", "ي")
    return " ".join(text.split())


FORBIDDEN_FOLDED = {fold(p) for p in FORBIDDEN}


def as_date(value):
    if isinstance(value, datetime.datetime):
        return None
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None


@pytest.fixture(scope="module")
def events():
    data = yaml.safe_load(CALENDAR.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and isinstance(data.get("events"), list)
    for e in data["events"]:
        assert isinstance(e, dict), e
    return data["events"]


@pytest.fixture(scope="module")
def actor_ids():
    ids = set()
    for path in sorted((KB / "actors").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for actor in data.get("actors") or []:
            ids.add(actor["id"])
    assert ids, "no actors found in the KB"
    return ids


def test_fields(events):
    for e in events:
        assert REQUIRED <= set(e), (e.get("id"), REQUIRED - set(e))
        assert set(e) <= FIELDS, (e.get("id"), set(e) - FIELDS)
        assert isinstance(e["en"], str) and e["en"].strip(), e["id"]


def test_ids_unique_kebab(events):
    ids = [e["id"] for e in events]
    for i in ids:
        assert isinstance(i, str) and KEBAB.match(i), i
    dupes = [i for i, n in Counter(ids).items() if n > 1]
    assert not dupes, dupes


def test_theatre_and_kind(events):
    for e in events:
        assert e["theatre"] in THEATRES, (e["id"], e["theatre"])
        assert e["kind"] in KINDS, (e["id"], e["kind"])


def test_dates(events):
    for e in events:
        start = as_date(e["date"])
        assert start is not None, (e["id"], e["date"])
        if "end" in e:
            end = as_date(e["end"])
            assert end is not None, (e["id"], e["end"])
            assert end >= start, e["id"]


def test_counts(events):
    recent = [e for e in events if as_date(e["date"]) >= RECENT]
    assert len(recent) >= MIN_RECENT, len(recent)
    per_theatre = Counter(e["theatre"] for e in recent)
    for theatre in THEATRES:
        assert per_theatre[theatre] >= MIN_PER_THEATRE, (theatre, per_theatre[theatre])


def test_arabic_names(events):
    owner = {}
    for e in events:
        names = e["ar"]
        assert isinstance(names, list) and names, e["id"]
        for name in names:
            assert isinstance(name, str) and name.strip(), (e["id"], name)
            assert name == name.strip(), (e["id"], name)
            assert ARABIC_LETTER.search(name), (e["id"], name)
            assert not LATIN_LETTER.search(name), (e["id"], name)
            key = fold(name)
            assert key not in FORBIDDEN_FOLDED, (e["id"], name)
            other = owner.setdefault(key, e["id"])
            assert other == e["id"], f"{name!r} in both {other} and {e['id']}"


def test_actors_exist(events, actor_ids):
    for e in events:
        actors = e.get("actors", [])
        assert isinstance(actors, list), e["id"]
        missing = [a for a in actors if a not in actor_ids]
        assert not missing, (e["id"], missing)
        assert len(actors) == len(set(actors)), e["id"]


def test_war_start_has_war(events):
    wars = []
    for e in events:
        if e["kind"] == "war-start":
            assert isinstance(e.get("war"), str) and KEBAB.match(e["war"]), e["id"]
            wars.append(e["war"])
        else:
            assert "war" not in e, e["id"]
    assert len(wars) == len(set(wars)), wars


def test_sources(events):
    for e in events:
        assert isinstance(e["source"], str) and e["source"].strip(), e["id"]

"""Run every example of ``tests/events/corpus/*.yaml`` through the event extractor.

Each example is a news sentence with its publication date and the events it
states (see the corpus README).  An expected event must be found with its type
family, date, actors (as KB names), mediators, place, planned flag and sources;
the extractor may not add events unless the example says ``allow_extra``.
Negatives (``events: []``) must give nothing.  Examples the extractor does not
get right yet carry ``known_gap: <why>`` and run as strict xfails, so a fix
shows up as an unexpected pass.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from timeline.events import events_in_text
from timeline.knowledge import get_kb
from timeline.model import TYPE_FAMILY, Event
from timeline.normalize import normalize_plain

CORPUS = Path(__file__).parent / "corpus"


def _examples() -> list[Any]:
    params = []
    for path in sorted(CORPUS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for n, ex in enumerate(data["examples"]):
            marks = [pytest.mark.xfail(reason=ex["known_gap"], strict=True)] if ex.get("known_gap") else []
            params.append(pytest.param(ex, id=f"{path.stem}-{n}", marks=marks))
    return params



def _ids(names: list[str]) -> set[str]:
    """KB ids of English names (canonical or listed under ``en``)."""
    kb = get_kb()
    out = set()
    for name in names:
        if name.startswith("ar:"):  # an actor the knowledge base does not hold, by its Arabic name
            out.add("ar:" + normalize_plain(name[3:]).strip())
            continue
        hits = [a.id for a in kb.actors.values() if name == a.name or name in a.en]
        assert hits, f"corpus names an actor the knowledge base does not know: {name!r}"
        out.add(hits[0])
    return out


def _place(name: str) -> str:
    kb = get_kb()
    hits = [p.name for p in kb.places.values() if p.name == name]
    assert hits, f"corpus names a place the knowledge base does not know: {name!r}"
    return hits[0]


def _date_ok(expected: Any, ev: Event) -> bool:
    if expected is None:
        return True
    value = ev.date.value
    exp = [str(x) for x in expected] if isinstance(expected, list) else str(expected)
    if isinstance(exp, list):
        return value == exp or (ev.date.interval is not None and ev.date.interval.start[:10] == exp[0]
                                and ev.date.interval.end[:10] == exp[-1])
    if value == exp or (isinstance(value, str) and value[:10] == exp and len(exp) == 10):
        return True
    return False


def _matches(exp: dict[str, Any], ev: Event) -> list[str]:
    """What differs between an expected event and a found one (empty when they match)."""
    problems = []
    if TYPE_FAMILY[ev.type] != TYPE_FAMILY[exp["type"]]:
        return [f"type {ev.type} for {exp['type']}"]
    found = {a.id for a in ev.actors}
    missing = _ids(exp.get("actors") or []) - found
    if missing:
        problems.append(f"actors missing {sorted(missing)}; found {sorted(found)}")
    mediators = {a.id for a in ev.actors if a.role == "mediator"}
    if exp.get("mediators") and not _ids(exp["mediators"]) <= mediators:
        problems.append(f"mediators {sorted(_ids(exp['mediators']))} not in {sorted(mediators)}")
    if not _date_ok(exp.get("date"), ev):
        problems.append(f"date {ev.date.value} ({ev.date.basis}) for {exp.get('date')}")
    if exp.get("location") and ev.location != _place(exp["location"]):
        problems.append(f"location {ev.location} for {exp['location']}")
    if "location" in exp and exp["location"] is None and ev.location is not None:
        problems.append(f"location {ev.location} for none")
    roles = {a.id: a.role for a in ev.actors}
    for name, role in (exp.get("roles") or {}).items():
        (ident,) = _ids([name])
        if roles.get(ident) != role:
            problems.append(f"{name} is {roles.get(ident)}, not {role}")
    wrong = _ids(exp.get("not_actors") or []) & found
    if wrong:
        problems.append(f"actors {sorted(wrong)} must not take part")
    if exp.get("title") and not ev.title.startswith(exp["title"]):
        problems.append(f"title {ev.title!r} does not start with {exp['title']!r}")
    if "count" in exp and ev.count != exp["count"]:
        problems.append(f"count {ev.count} for {exp['count']}")
    if exp.get("covers") and not any(exp["covers"] in m.text for m in ev.mentions):
        problems.append(f"no mention covers {exp['covers']!r}: {[m.text for m in ev.mentions]}")
    if "planned" in exp and bool(exp["planned"]) != ev.planned:
        problems.append(f"planned {ev.planned} for {exp['planned']}")
    for src in exp.get("sources") or []:
        if src not in ev.sources:
            problems.append(f"source {src} not in {ev.sources}")
    return problems


@pytest.mark.parametrize("example", _examples())
def test_corpus_example(example: dict[str, Any]) -> None:
    published = example["published"]
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    events = events_in_text(example["text"], published)
    expected = example.get("events") or []
    if not expected:
        assert not events, f"a negative gave events: {[e.title for e in events]}"
        return
    unused = list(events)
    for exp in expected:
        diffs = {id(ev): _matches(exp, ev) for ev in unused}
        best = next((ev for ev in unused if not diffs[id(ev)]), None)
        assert best is not None, f"{exp['type']} not found: " + " | ".join(
            f"{ev.title}: {'; '.join(diffs[id(ev)])}" for ev in unused) if unused else f"{exp['type']}: no events"
        unused.remove(best)
    if not example.get("allow_extra"):
        assert not unused, f"extra events: {[e.title for e in unused]}"

"""Load and query the knowledge base (``timeline/resources/kb/``).

The schema is described in ``timeline/resources/kb/README.md``.  Loading checks
the structure and fails with a message naming the file and entry; the full set
of consistency checks lives in ``tests/knowledge/test_kb_integrity.py``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from timeline.loader import RESOURCE_ROOT, ResourceError, read_yaml

KB_DIR = RESOURCE_ROOT / "kb"
ACTOR_TYPES = ("person", "state", "organization", "armed-group", "government-body", "media")


class KnowledgeBaseError(ValueError):
    """A knowledge-base file is malformed."""


def _date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise KnowledgeBaseError(f"{where}: bad date {value!r} (want YYYY-MM-DD)") from exc


def _covers(start: dt.date | None, until: dt.date | None, day: dt.date) -> bool:
    return (start is None or start <= day) and (until is None or day <= until)


@dataclass(frozen=True)
class Affiliation:
    """Membership of an actor in another (a person in a government, a body in a state)."""

    of: str
    title: str | None
    start: dt.date | None
    until: dt.date | None

    def holds_on(self, day: dt.date | None) -> bool:
        return day is None or _covers(self.start, self.until, day)


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str
    ar: tuple[str, ...]
    en: tuple[str, ...] = ()
    nisba: tuple[str, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    armed_forces: str | None = None  # a state's military ("الطيران الإسرائيلي" -> Israel Defense Forces)

    def affiliated_on(self, day: dt.date | None) -> list[str]:
        """Ids of the actors this one belongs to on ``day`` (all of them when undated)."""
        return [a.of for a in self.affiliations if a.holds_on(day)]


@dataclass(frozen=True)
class RoleHolder:
    actor: str
    start: dt.date | None
    until: dt.date | None


@dataclass(frozen=True)
class Role:
    """A title whose holder changes over time ("رئيس أركان الجيش الإسرائيلي")."""

    id: str
    en: str
    ar: tuple[str, ...]
    holders: tuple[RoleHolder, ...]

    def holder_on(self, day: dt.date | None) -> str | None:
        """The actor id holding the role on ``day``; None when vacant, unknown or undated."""
        if day is None:
            return None
        for h in self.holders:
            if _covers(h.start, h.until, day):
                return h.actor
        return None


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    kind: str
    country: str | None
    ar: tuple[str, ...]
    marked: tuple[str, ...] = ()  # diacritized spellings that tell it from a word folding the same


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    country: str | None
    ar: tuple[str, ...]


@dataclass(frozen=True)
class CalendarEvent:
    """A major, publicly dated event (``calendar.yaml``): an anchor for dating articles that name it."""

    id: str
    theatre: str
    kind: str
    date: dt.date
    end: dt.date
    en: str
    ar: tuple[str, ...]
    actors: tuple[str, ...] = ()
    war: str | None = None
    source: str = ""


@dataclass
class KnowledgeBase:
    actors: dict[str, Actor] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    outlets: dict[str, Outlet] = field(default_factory=dict)
    calendar: dict[str, CalendarEvent] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: str | Path = KB_DIR) -> KnowledgeBase:
        """Read every YAML file of ``folder`` (actors/, roles/, places.yaml, outlets.yaml)."""
        root = Path(folder)
        kb = cls()
        for path in sorted(root.rglob("*.yaml")):
            try:
                data = read_yaml(path) or {}
            except ResourceError as exc:
                raise KnowledgeBaseError(f"not valid YAML: {exc}") from exc
            if not isinstance(data, dict):
                raise KnowledgeBaseError(f"{path}: expected a mapping at the top")
            for key, entries in data.items():
                loader = {"actors": kb._add_actor, "roles": kb._add_role, "places": kb._add_place,
                          "outlets": kb._add_outlet, "events": kb._add_event}.get(key)
                if loader is None:
                    raise KnowledgeBaseError(f"{path}: unknown section {key!r}")
                for i, entry in enumerate(entries or []):
                    where = f"{path.name}: {key}[{i}] {entry.get('id', '?') if isinstance(entry, dict) else ''}"
                    if not isinstance(entry, dict) or "id" not in entry:
                        raise KnowledgeBaseError(f"{where}: each entry needs an id")
                    loader(entry, where)
        kb._check_references()
        return kb

    # -- loading helpers
    def _unique(self, table: dict[str, Any], ident: str, where: str) -> None:
        if ident in table:
            raise KnowledgeBaseError(f"{where}: duplicate id {ident!r}")

    def _add_actor(self, e: dict[str, Any], where: str) -> None:
        self._unique(self.actors, e["id"], where)
        if e.get("type") not in ACTOR_TYPES:
            raise KnowledgeBaseError(f"{where}: type must be one of {', '.join(ACTOR_TYPES)}")
        affs = tuple(Affiliation(a["of"], a.get("as"), _date(a.get("from"), where), _date(a.get("until"), where))
                     for a in e.get("affiliations") or [])
        self.actors[e["id"]] = Actor(e["id"], str(e["name"]), e["type"], tuple(e.get("ar") or ()),
                                     tuple(e.get("en") or ()), tuple(e.get("nisba") or ()), affs,
                                     e.get("armed_forces"))

    def _add_role(self, e: dict[str, Any], where: str) -> None:
        self._unique(self.roles, e["id"], where)
        holders = tuple(RoleHolder(h["actor"], _date(h.get("from"), where), _date(h.get("until"), where))
                        for h in e.get("holders") or [])
        self.roles[e["id"]] = Role(e["id"], str(e.get("en", e["id"])), tuple(e.get("ar") or ()), holders)

    def _add_place(self, e: dict[str, Any], where: str) -> None:
        self._unique(self.places, e["id"], where)
        self.places[e["id"]] = Place(e["id"], str(e["name"]), str(e.get("kind", "site")), e.get("country"),
                                     tuple(e.get("ar") or ()), tuple(e.get("marked") or ()))

    def _add_outlet(self, e: dict[str, Any], where: str) -> None:
        self._unique(self.outlets, e["id"], where)
        self.outlets[e["id"]] = Outlet(e["id"], str(e["name"]), e.get("country"), tuple(e.get("ar") or ()))

    def _add_event(self, e: dict[str, Any], where: str) -> None:
        self._unique(self.calendar, e["id"], where)
        day = _date(e.get("date"), where)
        if day is None:
            raise KnowledgeBaseError(f"{where}: a calendar event needs a date")
        end = _date(e.get("end"), where) or day
        if end < day:
            raise KnowledgeBaseError(f"{where}: end {end} is before date {day}")
        self.calendar[e["id"]] = CalendarEvent(e["id"], str(e.get("theatre", "")), str(e.get("kind", "other")),
                                               day, end, str(e.get("en", "")), tuple(e.get("ar") or ()),
                                               tuple(e.get("actors") or ()), e.get("war"),
                                               str(e.get("source", "")))

    def _check_references(self) -> None:
        for actor in self.actors.values():
            for a in actor.affiliations:
                if a.of not in self.actors:
                    raise KnowledgeBaseError(f"actor {actor.id}: affiliation to unknown actor {a.of!r}")
            if actor.armed_forces is not None and actor.armed_forces not in self.actors:
                raise KnowledgeBaseError(f"actor {actor.id}: armed_forces {actor.armed_forces!r} is not an actor")
        for role in self.roles.values():
            for h in role.holders:
                if h.actor not in self.actors:
                    raise KnowledgeBaseError(f"role {role.id}: holder {h.actor!r} is not an actor")

    # -- queries
    def state_of(self, actor_id: str, day: dt.date | None = None) -> str | None:
        """The state an actor belongs to (itself for a state), following affiliations."""
        seen: set[str] = set()
        todo = [actor_id]
        while todo:
            cur = todo.pop(0)
            if cur in seen or cur not in self.actors:
                continue
            seen.add(cur)
            if self.actors[cur].type == "state":
                return cur
            todo.extend(self.actors[cur].affiliated_on(day))
        return None

    def export_name(self, actor_id: str, day: dt.date | None = None) -> tuple[str, str | None]:
        """(name, unit) as exported: a government body is shown as its state, the body as unit.

        This is the CAMEO convention (a White House statement is coded USAGOV):
        the state is the actor, the body says which part of it acted.
        """
        actor = self.actors[actor_id]
        if actor.type == "government-body":
            state = self.state_of(actor_id, day)
            if state and state != actor_id:
                return self.actors[state].name, actor.name
        return actor.name, None


def get_kb(folder: str | Path | None = None) -> KnowledgeBase:
    """The knowledge base, loaded once per folder and process (``get_kb()`` and ``get_kb(None)`` are one)."""
    return _kb(str(folder or KB_DIR))


@lru_cache(maxsize=4)
def _kb(folder: str) -> KnowledgeBase:
    return KnowledgeBase.load(folder)

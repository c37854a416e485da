"""The event lexicon: trigger families, support verbs and clause markers, loaded
from ``timeline/resources/<lang>/events/`` (see the comments in those files)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from timeline.loader import ResourceError, read_yaml, resource_path
from timeline.model import EVENT_TYPES
from timeline.normalize import normalize_plain

FormKind = Literal["past", "present", "noun"]


class LexiconError(ValueError):
    """An event lexicon file is malformed."""


def _norm(words: Any) -> tuple[str, ...]:
    return tuple(normalize_plain(str(w)).strip() for w in (words or ()))


@dataclass(frozen=True)
class TriggerFamily:
    """One family of trigger words with the same type and argument pattern."""

    name: str
    type: str
    cameo: str
    past: frozenset[str]
    present: frozenset[str]
    nouns: frozenset[str]
    objects: frozenset[str]
    object_for: frozenset[str]  # forms that need an object; empty = every verb form when objects given
    complement_for: frozenset[str]
    qualifiers: frozenset[str]
    support_only: frozenset[str]
    with_required: bool
    continuation: bool
    min_actors: int
    bare_nouns: bool  # nouns that state the event with no support verb (قوله)
    military_objects: frozenset[str]  # objects that make a commander's approval a military event
    roles: dict[str, str] = field(default_factory=dict)
    label: str = ""
    placeless: bool = False
    dated_only: bool = False  # an event only when its own sentence dates it  # the place after the trigger is what the event is about, never where it was  # what the page and titles call these events when the type says too little ("Ceasefire")

    def needs_object(self, form: str) -> bool:
        if not self.objects:
            return False
        return form in self.object_for if self.object_for else True


@dataclass
class EventLexicon:
    families: list[TriggerFamily]
    support_past: frozenset[str]
    support_present: frozenset[str]
    relatives: frozenset[str]
    markers: dict[str, tuple[str, ...]]
    lang: str = "ar"
    # word (or first word of a multi-word noun) -> [(family, kind, whole form as words)]
    index: dict[str, list[tuple[TriggerFamily, FormKind, tuple[str, ...]]]] = field(default_factory=dict)

    def vocabulary(self) -> frozenset[str]:
        """Every single word the lexicon knows (triggers, objects, support verbs, markers)."""
        words: set[str] = set(self.support_past | self.support_present | self.relatives)
        for fam in self.families:
            for group in (fam.past, fam.present, fam.nouns, fam.objects, fam.qualifiers, fam.support_only):
                for w in group:
                    words.update(w.split())
        for values in self.markers.values():
            for w in values:
                words.update(w.split())
        return frozenset(words)

    def marker_set(self, name: str) -> frozenset[str]:
        return frozenset(self.markers.get(name, ()))

    def marker(self, name: str) -> frozenset[str]:
        """The marker list ``name`` of ``markers.yaml``; a list the code reads must be there."""
        if name not in self.markers:
            raise LexiconError(f"resources/{self.lang}/events/markers.yaml: no marker list {name!r}")
        return frozenset(self.markers[name])

    def build_index(self) -> None:
        for fam in self.families:
            for kind, forms in (("past", fam.past), ("present", fam.present), ("noun", fam.nouns)):
                for form in sorted(forms):
                    words = tuple(form.split())
                    self.index.setdefault(words[0], []).append((fam, kind, words))  # type: ignore[arg-type]


def _family(raw: dict[str, Any], where: str) -> TriggerFamily:
    for key in ("name", "type", "cameo"):
        if key not in raw:
            raise LexiconError(f"{where}: missing {key!r}")
    if raw["type"] not in EVENT_TYPES:
        raise LexiconError(f"{where}: unknown type {raw['type']!r}")
    if not (raw.get("past") or raw.get("present") or raw.get("nouns")):
        raise LexiconError(f"{where}: a family needs past, present or nouns")
    return TriggerFamily(
        name=raw["name"], type=raw["type"], cameo=str(raw["cameo"]),
        past=frozenset(_norm(raw.get("past"))), present=frozenset(_norm(raw.get("present"))),
        nouns=frozenset(_norm(raw.get("nouns"))), objects=frozenset(_norm(raw.get("object"))),
        object_for=frozenset(_norm(raw.get("object_for"))),
        complement_for=frozenset(_norm(raw.get("complement_for"))),
        qualifiers=frozenset(_norm(raw.get("needs_qualifier"))),
        support_only=frozenset(_norm(raw.get("support_only"))),
        with_required=bool(raw.get("with_required")), continuation=bool(raw.get("continuation")),
        min_actors=int(raw.get("min_actors", 1)), bare_nouns=bool(raw.get("bare_nouns")),
        military_objects=frozenset(_norm(raw.get("military_objects"))), roles=dict(raw.get("roles") or {}),
        label=str(raw.get("label") or ""), placeless=bool(raw.get("placeless")),
        dated_only=bool(raw.get("dated_only")))


def _read(path: Path) -> Any:
    try:
        return read_yaml(path)
    except ResourceError as exc:
        raise LexiconError(str(exc)) from exc


@lru_cache(maxsize=4)
def load_lexicon(lang: str = "ar") -> EventLexicon:
    """The event lexicon of ``lang``."""
    base = resource_path(lang, "events")
    triggers = _read(base / "triggers.yaml")
    if not isinstance(triggers, list):
        raise LexiconError(f"{base / 'triggers.yaml'}: expected a list of trigger families")
    families = [_family(raw, f"{base / 'triggers.yaml'}: entry {i}") for i, raw in enumerate(triggers)]
    names = [f.name for f in families]
    if len(set(names)) != len(names):
        raise LexiconError(f"{base / 'triggers.yaml'}: duplicate family names")
    support = _read(base / "support.yaml") or {}
    markers = {k: _norm(v) for k, v in (_read(base / "markers.yaml") or {}).items()}
    lex = EventLexicon(families, frozenset(_norm(support.get("past"))), frozenset(_norm(support.get("present"))),
                       frozenset(_norm(support.get("relatives"))), markers, lang)
    lex.build_index()
    return lex

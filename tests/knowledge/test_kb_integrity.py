"""The knowledge base (timeline/resources/kb) follows its README schema.

Deliberately independent of ``timeline.knowledge``: only yaml and the standard
library, so the data can be validated while the loader is being written.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

KB = Path(__file__).resolve().parents[2] / "timeline" / "resources" / "kb"
ACTOR_FILES = sorted((KB / "actors").glob("*.yaml"))
ROLE_FILES = sorted((KB / "roles").glob("*.yaml"))
PLACES_FILE = KB / "places.yaml"
OUTLETS_FILE = KB / "outlets.yaml"
ALL_FILES = [*ACTOR_FILES, *ROLE_FILES, PLACES_FILE, OUTLETS_FILE]

THEATRES = {"gaza", "lebanon", "sudan", "yemen", "iran_us", "russia_ukraine", "international"}

ACTOR_TYPES = {"person", "state", "organization", "armed-group", "government-body", "media"}
PLACE_KINDS = {"city", "country", "region", "site", "crossing", "building"}

ACTOR_KEYS = {"required": {"id", "name", "type", "ar"}, "optional": {"en", "nisba", "affiliations", "also", "armed_forces"}}
ROLE_KEYS = {"required": {"id", "en", "ar", "holders"}, "optional": set()}
PLACE_KEYS = {"required": {"id", "name", "kind", "ar"}, "optional": {"country", "also", "marked"}}
OUTLET_KEYS = {"required": {"id", "name", "ar"}, "optional": {"country", "en", "also"}}
AFFILIATION_KEYS = {"required": {"of"}, "optional": {"as", "from", "until"}}
HOLDER_KEYS = {"required": {"actor", "from", "until"}, "optional": set()}

KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
LATIN_LETTER = re.compile(r"[A-Za-z]")

# single clitics and the common two-letter stacks (وب، ول، فل ...)
CLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")

_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي"})


def fold(text: str) -> str:
    """The matcher's folding: hamza forms, ta marbuta, alef maqsura, no marks, one space."""
    text = unicodedata.normalize("NFC", text).translate(_FOLD)
    text = "".join(c for c in text if not ("\u064b" <= c <= "\u065f" or c in "\u0670\u0640"))
    return " ".join(text.split())


# ------------------------------------------------------------------ loading


@lru_cache(maxsize=None)
def load(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def section_of(path: Path) -> str:
    if path.parent.name == "actors":
        return "actors"
    if path.parent.name == "roles":
        return "roles"
    return path.stem  # places / outlets


@dataclass(frozen=True)
class Entry:
    section: str  # actors | roles | places | outlets
    file: str
    data: dict

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def label(self) -> str:
        return f"{self.file}:{self.data.get('id')}"

    def aliases(self) -> list[str]:
        return [*self.data.get("ar", []), *self.data.get("nisba", [])]


def entries(path: Path) -> list[Entry]:
    doc = load(path)
    items = doc.get(section_of(path)) if isinstance(doc, dict) else None
    rel = str(path.relative_to(KB))
    return [Entry(section_of(path), rel, d) for d in (items or []) if isinstance(d, dict)]


def all_entries(*sections: str) -> list[Entry]:
    found = [e for p in ALL_FILES for e in entries(p)]
    return [e for e in found if not sections or e.section in sections]


def named_entries() -> list[Entry]:
    """Everything an alias can point at: actors, places, outlets."""
    return all_entries("actors", "places", "outlets")


def as_date(value: Any) -> dt.date | None | str:
    """A parsed date, None for null, or the offending value as a string."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return str(value)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return str(value)


def dated_items(entry: Entry) -> Iterator[tuple[str, dict]]:
    for i, aff in enumerate(entry.data.get("affiliations") or []):
        yield f"{entry.label} affiliation[{i}]", aff
    for i, holder in enumerate(entry.data.get("holders") or []):
        yield f"{entry.label} holder[{i}]", holder


def check_keys(where: str, data: Any, spec: dict) -> list[str]:
    if not isinstance(data, dict):
        return [f"{where}: not a mapping"]
    problems = [f"{where}: missing {k!r}" for k in sorted(spec["required"] - data.keys())]
    problems += [f"{where}: unknown key {k!r}" for k in sorted(data.keys() - spec["required"] - spec["optional"])]
    return problems


def file_id(path: Path) -> str:
    return str(path.relative_to(KB))


# -------------------------------------------------------------------- files


def test_kb_files_exist_for_every_theatre() -> None:
    assert {p.stem for p in ACTOR_FILES} >= THEATRES
    assert ROLE_FILES, "no roles files"
    assert PLACES_FILE.is_file() and OUTLETS_FILE.is_file()


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_kb_file_parses_with_one_top_level_list(path: Path) -> None:
    doc = load(path)
    assert isinstance(doc, dict), "top level must be a mapping"
    assert list(doc) == [section_of(path)], f"expected only the key {section_of(path)!r}"
    assert isinstance(doc[section_of(path)], list) and doc[section_of(path)], "empty or not a list"
    assert all(isinstance(d, dict) for d in doc[section_of(path)]), "every entry must be a mapping"


# ------------------------------------------------------------ entry shapes


@pytest.mark.parametrize("path", ACTOR_FILES, ids=file_id)
def test_actor_entries_have_required_keys_and_allowed_types(path: Path) -> None:
    problems = []
    for e in entries(path):
        problems += check_keys(e.label, e.data, ACTOR_KEYS)
        if e.data.get("type") not in ACTOR_TYPES:
            problems.append(f"{e.label}: type {e.data.get('type')!r} not in {sorted(ACTOR_TYPES)}")
        for i, aff in enumerate(e.data.get("affiliations") or []):
            problems += check_keys(f"{e.label} affiliation[{i}]", aff, AFFILIATION_KEYS)
        for key in ("en", "nisba", "also"):
            if key in e.data and not (isinstance(e.data[key], list) and all(isinstance(x, str) for x in e.data[key])):
                problems.append(f"{e.label}: {key} must be a list of strings")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", ROLE_FILES, ids=file_id)
def test_role_entries_have_required_keys_and_holders(path: Path) -> None:
    problems = []
    for e in entries(path):
        problems += check_keys(e.label, e.data, ROLE_KEYS)
        holders = e.data.get("holders")
        if not isinstance(holders, list) or not holders:
            problems.append(f"{e.label}: holders must be a non-empty list")
            continue
        for i, h in enumerate(holders):
            problems += check_keys(f"{e.label} holder[{i}]", h, HOLDER_KEYS)
    assert not problems, "\n".join(problems)


def test_place_entries_have_required_keys_and_allowed_kinds() -> None:
    problems = []
    for e in entries(PLACES_FILE):
        problems += check_keys(e.label, e.data, PLACE_KEYS)
        if e.data.get("kind") not in PLACE_KINDS:
            problems.append(f"{e.label}: kind {e.data.get('kind')!r} not in {sorted(PLACE_KINDS)}")
    assert not problems, "\n".join(problems)


def test_outlet_entries_have_required_keys() -> None:
    problems = []
    for e in entries(OUTLETS_FILE):
        problems += check_keys(e.label, e.data, OUTLET_KEYS)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_arabic_aliases_are_clean_arabic_strings(path: Path) -> None:
    problems = []
    for e in entries(path):
        ar = e.data.get("ar")
        if not isinstance(ar, list) or not ar:
            problems.append(f"{e.label}: ar must be a non-empty list")
            continue
        for alias in e.aliases():
            if not isinstance(alias, str) or not alias.strip():
                problems.append(f"{e.label}: empty or non-string alias {alias!r}")
            elif alias != alias.strip() or "  " in alias:
                problems.append(f"{e.label}: stray spaces in {alias!r}")
            elif not ARABIC_LETTER.search(alias) or LATIN_LETTER.search(alias):
                problems.append(f"{e.label}: {alias!r} is not Arabic script (put Latin forms under en)")
            elif re.search(r"[()\[\]{}\"«»]", alias):
                problems.append(f"{e.label}: brackets or quotes in {alias!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", ALL_FILES, ids=file_id)
def test_aliases_are_not_repeated_within_an_entry(path: Path) -> None:
    """Two spellings that fold to the same form are one spelling: list it once."""
    problems = []
    for e in entries(path):
        seen: dict[str, str] = {}
        for alias in e.aliases():
            key = fold(alias)
            if key in seen:
                problems.append(f"{e.label}: {alias!r} folds like {seen[key]!r}")
            seen.setdefault(key, alias)
    assert not problems, "\n".join(problems)


# ------------------------------------------------------------ ids and names


def test_ids_are_kebab_case_and_unique_across_files() -> None:
    where: dict[str, list[str]] = defaultdict(list)
    problems = []
    for e in all_entries():
        ident = e.data.get("id")
        if not isinstance(ident, str) or not KEBAB.match(ident):
            problems.append(f"{e.label}: id {ident!r} is not kebab-case")
        where[str(ident)].append(e.file)
    problems += [f"id {i!r} defined in {files}" for i, files in where.items() if len(files) > 1]
    assert not problems, "\n".join(problems)


def test_names_are_unique_and_without_parentheses() -> None:
    """Unique among actors, among places, among outlets.

    The same Wikipedia title may name an actor and a place (the state Israel
    acts; the territory Israel is where a visit happens; the White House speaks
    and hosts meetings).
    """
    where: dict[tuple[str, str], list[str]] = defaultdict(list)
    problems = []
    for e in named_entries():
        name = e.data.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{e.label}: missing name")
            continue
        if "(" in name or ")" in name:
            problems.append(f"{e.label}: parentheses in name {name!r}")
        where[(e.section, name.casefold())].append(e.label)
    problems += [f"name {n!r} used by {labels}" for (_, n), labels in where.items() if len(labels) > 1]
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------- references


@pytest.mark.parametrize("path", [*ACTOR_FILES, *ROLE_FILES], ids=file_id)
def test_affiliations_and_holders_reference_known_actors(path: Path) -> None:
    actors = {e.id for e in all_entries("actors")}
    problems = []
    for e in entries(path):
        for where, item in dated_items(e):
            ref = item.get("of", item.get("actor"))
            if ref not in actors:
                problems.append(f"{where}: unknown actor {ref!r}")
            if ref == e.data.get("id"):
                problems.append(f"{where}: refers to itself")
    assert not problems, "\n".join(problems)


def test_also_lists_reference_known_entries() -> None:
    ids = {e.id for e in named_entries()}
    problems = [
        f"{e.label}: also {ref!r} is unknown"
        for e in named_entries()
        for ref in e.data.get("also", [])
        if ref not in ids or ref == e.id
    ]
    assert not problems, "\n".join(problems)


# -------------------------------------------------------------------- dates


@pytest.mark.parametrize("path", [*ACTOR_FILES, *ROLE_FILES], ids=file_id)
def test_dates_are_iso_and_ordered(path: Path) -> None:
    problems = []
    for e in entries(path):
        for where, item in dated_items(e):
            start, end = as_date(item.get("from")), as_date(item.get("until"))
            for key, value in (("from", start), ("until", end)):
                if isinstance(value, str):
                    problems.append(f"{where}: {key} {value!r} is not an ISO date YYYY-MM-DD")
            if isinstance(start, dt.date) and isinstance(end, dt.date) and start > end:
                problems.append(f"{where}: from {start} is after until {end}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", ROLE_FILES, ids=file_id)
def test_role_holders_do_not_overlap(path: Path) -> None:
    problems = []
    for e in entries(path):
        spans = []
        for h in e.data.get("holders") or []:
            start, end = as_date(h.get("from")), as_date(h.get("until"))
            if isinstance(start, str) or isinstance(end, str):
                continue  # reported by test_dates_are_iso_and_ordered
            if start is None:
                problems.append(f"{e.label}: holder {h.get('actor')!r} has no start date")
                continue
            spans.append((start, end or dt.date.max, h.get("actor")))
        spans.sort()
        for (s1, e1, a1), (s2, e2, a2) in zip(spans, spans[1:]):
            if s2 <= e1:
                problems.append(f"{e.label}: {a1} ({s1}..{e1}) overlaps {a2} ({s2}..{e2})")
    assert not problems, "\n".join(problems)


# ------------------------------------------------------------------ aliases


def alias_index() -> dict[str, set[tuple[str, str]]]:
    """folded alias -> {(section, id)} over actors, places and outlets (ar + nisba)."""
    index: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for e in named_entries():
        for alias in e.aliases():
            if isinstance(alias, str):
                index[fold(alias)].add((e.section, e.id))
    return index


def allowed_pairs() -> set[frozenset[str]]:
    return {frozenset((e.id, ref)) for e in named_entries() for ref in e.data.get("also", [])}


@pytest.mark.parametrize("path", ACTOR_FILES, ids=file_id)
def test_arabic_alias_names_one_actor(path: Path) -> None:
    index = alias_index()
    problems = []
    for e in entries(path):
        for alias in e.aliases():
            others = {i for s, i in index[fold(alias)] if s == "actors" and i != e.id}
            if others:
                problems.append(f"{e.label}: {alias!r} also names actor(s) {sorted(others)}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", [*ACTOR_FILES, PLACES_FILE, OUTLETS_FILE], ids=file_id)
def test_aliases_do_not_collide_across_actors_places_outlets(path: Path) -> None:
    index, allowed = alias_index(), allowed_pairs()
    problems = []
    for e in entries(path):
        for alias in e.aliases():
            for section, other in sorted(index[fold(alias)]):
                if other == e.id or (section == e.section == "actors"):
                    continue  # actor/actor is test_arabic_alias_names_one_actor
                if frozenset((e.id, other)) not in allowed:
                    problems.append(f"{e.label}: {alias!r} also names {section[:-1]} {other!r} (no also:)")
    assert not problems, "\n".join(problems)


def clitic_readings(alias: str) -> set[str]:
    """What a folded alias would be if its first letters were a clitic (+ article)."""
    readings = set()
    for prefix in CLITICS:
        rest = alias[len(prefix):]
        if not alias.startswith(prefix) or len(rest) < 2:
            continue
        readings.add(rest)
        if rest.startswith("ال"):
            readings.add(rest[2:])
        if prefix.endswith("ل") and rest.startswith("ل"):
            readings.add("ا" + rest)  # للأمم = ل + الأمم
    return readings


@pytest.mark.parametrize("path", [*ACTOR_FILES, PLACES_FILE, OUTLETS_FILE], ids=file_id)
def test_aliases_carry_no_clitic_before_a_known_name(path: Path) -> None:
    known = set(alias_index())
    problems = []
    for e in entries(path):
        for alias in e.aliases():
            folded = fold(alias)
            hits = sorted(r for r in clitic_readings(folded) if r in known and r != folded)
            if hits:
                problems.append(f"{e.label}: {alias!r} looks like a clitic + {hits}; the matcher adds clitics")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", ACTOR_FILES, ids=file_id)
def test_every_actor_has_an_arabic_alias(path: Path) -> None:
    missing = [e.label for e in entries(path) if not e.data.get("ar")]
    assert not missing, missing


@pytest.mark.parametrize("path", ACTOR_FILES, ids=file_id)
def test_every_state_has_a_nisba_and_only_states_do(path: Path) -> None:
    problems = []
    for e in entries(path):
        is_state = e.data.get("type") == "state"
        if is_state and not e.data.get("nisba"):
            problems.append(f"{e.label}: state without nisba")
        if not is_state and e.data.get("nisba"):
            problems.append(f"{e.label}: nisba on a non-state")
    assert not problems, "\n".join(problems)


def test_role_titles_are_unique_and_not_actor_aliases() -> None:
    index = alias_index()
    titles: dict[str, list[str]] = defaultdict(list)
    problems = []
    for e in all_entries("roles"):
        for title in e.data.get("ar") or []:
            titles[fold(title)].append(e.label)
            if fold(title) in index:
                problems.append(f"{e.label}: title {title!r} is also an alias of {sorted(index[fold(title)])}")
    problems += [f"title {t!r} used by {sorted(set(labels))}" for t, labels in titles.items() if len(set(labels)) > 1]
    assert not problems, "\n".join(problems)


# ------------------------------------------------------------ self-checks


def test_fold_matches_the_matcher_conventions() -> None:
    assert fold("أُسامة  حمدان") == "اسامه حمدان"
    assert fold("مـصطفى") == "مصطفي"
    assert fold("إيلات") == fold("ايلات")


def test_clitic_readings_find_attached_names() -> None:
    assert "قطر" in clitic_readings(fold("وقطر"))
    assert "الامم المتحده" in clitic_readings(fold("للأمم المتحدة"))
    assert "دوحه" in clitic_readings(fold("بالدوحة"))

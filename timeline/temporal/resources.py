"""Load a language's temporal resources (tables, word lists, macros, rules) by name.

See ``timeline/resources/ar/README.md`` for the file formats.  Everything
written by hand is normalized exactly like the text it is matched against.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from timeline.loader import RESOURCE_ROOT, ResourceError, data_lines, read_yaml
from timeline.normalize import normalize_plain
from timeline.normalize.morphology import get_morphology

__all__ = ["RESOURCE_ROOT", "ResourceError", "data_lines", "LanguageResources", "Rule", "load_language"]

# value conversions the engine does itself (extract.py); any other step in "@group|step" names a table
CONVERTERS = frozenset({"int", "number", "weekday_list", "day_list"})
_REF = re.compile(r"%(<?)([a-z_][a-z0-9_]*)")


@dataclass(frozen=True)
class Rule:
    """A named extraction rule compiled to a regular expression."""

    name: str
    type: str
    pattern: str  # as written (normalized), before %references are expanded
    regex: re.Pattern[str]
    value: dict[str, Any]
    priority: int
    source: str
    doc: str = ""
    keys: frozenset[str] = frozenset()  # words every match contains; "#digits" = a number


@dataclass(eq=False)
class LanguageResources:
    """Everything the tagger knows about one language."""

    lang: str
    tables: dict[str, dict[str, str]] = field(default_factory=dict)
    word_lists: dict[str, list[str]] = field(default_factory=dict)
    macros: dict[str, str] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)

    def lookup(self, table: str, surface: str) -> str | None:
        """The value of ``surface`` (normalized) in ``table``, or None."""
        return self.tables[table].get(normalize_plain(surface).strip())

    def alternation(self, name: str) -> str:
        """A regex alternation of a table's surfaces or a word list's entries."""
        if name in self.tables:
            words = list(self.tables[name])
        elif name in self.word_lists:
            words = list(self.word_lists[name])
        else:
            raise ResourceError(f"unknown pattern reference %{name}")
        words.sort(key=lambda w: (-len(w), w))
        return "(?:" + "|".join(re.escape(w).replace(r"\ ", " ") for w in words) + ")"


def _load_table(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    for n, line in enumerate(data_lines(path), 1):
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise ResourceError(f"{path}: line {n}: expected 'surface<TAB>value': {line!r}")
        key = normalize_plain(parts[0].strip())
        value = parts[1].strip()
        if key in table and table[key] != value:
            raise ResourceError(f"{path}: {parts[0]!r} has two values: {table[key]!r} and {value!r}")
        table[key] = value
    return table


def _expand(pattern: str, res: LanguageResources, where: str, depth: int = 0) -> str:
    if depth > 5:
        raise ResourceError(f"{where}: macros nest too deeply")

    def sub(m: re.Match[str]) -> str:
        negated, name = m.group(1), m.group(2)
        if negated:  # %<name: not right after any entry of the list (one lookbehind per entry)
            if name not in res.word_lists:
                raise ResourceError(f"{where}: unknown word list %<{name}")
            return "".join(f"(?<!{re.escape(w)} )" for w in res.word_lists[name])
        if name in res.macros:
            return _expand(res.macros[name], res, where, depth + 1)
        try:
            return res.alternation(name)
        except ResourceError as exc:
            raise ResourceError(f"{where}: {exc}") from None

    return _REF.sub(sub, pattern)


# A match may start after conjunction/preposition clitics (و ف ب ل ك, from the morphology), which
# stay outside the span; an optional في / خلال before a date is part of the span, as TimeML annotates.
_MORPH = get_morphology("ar")
_CONJ, _PREPS = "".join(_MORPH.conjunctions), "".join(_MORPH.prepositions)
_LEFT = rf"(?<!\w)(?:[{_CONJ}][{_PREPS}]?|[{_PREPS}])??"  # lazy: a word the rule knows whole (بالأمس) stays whole
_PREP = r"(?:(?:في|خلال) )?"
# A match ends at a word's end; one ending in a digit may touch letters, as page stamps
# print them ("29 مارس 2022آخر تحديث").
_RIGHT = r"(?:(?<=\d)(?!\d)|(?<!\d)(?!\w))"


def _compile_rule(raw: dict[str, Any], res: LanguageResources, source: str, priority: int) -> Rule:
    where = f"{source}: rule {raw.get('name', '?')!r}"
    for key in ("name", "pattern", "type", "value"):
        if key not in raw:
            raise ResourceError(f"{where}: missing {key!r}")
    if raw["type"] not in ("DATE", "TIME", "DURATION", "SET"):
        raise ResourceError(f"{where}: unknown type {raw['type']!r}")
    if not isinstance(raw["value"], dict) or "kind" not in raw["value"]:
        raise ResourceError(f"{where}: value must be a mapping with a 'kind'")
    pattern = normalize_plain(str(raw["pattern"]))
    body = _expand(pattern, res, where)
    prep = _PREP if raw["type"] == "DATE" else ""
    full = f"{_LEFT}(?P<tx>{prep}(?:{body})){_RIGHT}"
    try:
        regex = re.compile(full)
    except re.error as exc:
        raise ResourceError(f"{where}: bad pattern: {exc}") from None
    for spec in raw["value"].values():
        if isinstance(spec, str) and spec.startswith("@"):
            group, *tables = spec[1:].split("|")
            if group not in regex.groupindex:
                raise ResourceError(f"{where}: value refers to unknown group {group!r}")
            for t in tables:
                if t not in CONVERTERS and t not in res.tables:
                    raise ResourceError(f"{where}: value refers to unknown table {t!r}")
    return Rule(name=str(raw["name"]), type=str(raw["type"]), pattern=pattern, regex=regex,
                value=dict(raw["value"]), priority=priority, source=source, doc=str(raw.get("doc", "")),
                keys=_keys(raw.get("keys"), res, where))


def _longest_word(surface: str) -> str:
    return max(surface.split(), key=len)


def _keys(raw: Any, res: LanguageResources, where: str) -> frozenset[str]:
    """The words a rule's matches always contain: names of tables / word lists, literals, "#digits"."""
    if raw is None:
        return frozenset()
    if not isinstance(raw, list) or not raw:
        raise ResourceError(f"{where}: keys must be a non-empty list")
    out: set[str] = set()
    for key in raw:
        key = str(key)
        if key == "#digits":
            out.add(key)
        elif key in res.tables:
            out.update(_longest_word(w) for w in res.tables[key])
        elif key in res.word_lists:
            out.update(_longest_word(w) for w in res.word_lists[key])
        else:
            word = normalize_plain(key)
            if " " in word:
                raise ResourceError(f"{where}: key {key!r} must be one word")
            out.add(word)
    return frozenset(out)


@functools.lru_cache(maxsize=None)
def load_language(lang: str = "ar", root: Path | None = None) -> LanguageResources:
    """Load and compile ``resources/<lang>/`` (cached per language)."""
    base = (root or RESOURCE_ROOT) / lang
    if not base.is_dir():
        raise ResourceError(f"no temporal resources for language {lang!r} under {base}")
    res = LanguageResources(lang=lang)
    for path in sorted((base / "tables").glob("*.tsv")):
        res.tables[path.stem] = _load_table(path)
    for path in sorted((base / "patterns").glob("*.txt")):
        res.word_lists[path.stem] = [normalize_plain(w.strip()) for w in data_lines(path)]
    names = list(res.tables) + list(res.word_lists)
    if len(set(names)) != len(names):
        raise ResourceError(f"{base}: a table and a word list share a name")
    rule_files = [(path, read_yaml(path)) for path in sorted((base / "rules").glob("*.yaml"))]
    for path, data in rule_files:
        if isinstance(data, dict) and "macros" in data:
            res.macros.update({k: normalize_plain(v) for k, v in data["macros"].items()})
    seen: set[str] = set()
    for path, data in rule_files:
        if isinstance(data, dict):
            continue
        if not isinstance(data, list):
            raise ResourceError(f"{path}: expected a list of rules")
        for raw in data:
            rule = _compile_rule(raw, res, path.name, len(res.rules))
            if rule.name in seen:
                raise ResourceError(f"{path}: duplicate rule name {rule.name!r}")
            seen.add(rule.name)
            res.rules.append(rule)
    return res

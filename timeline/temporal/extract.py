"""Step 1 of tagging: find temporal expressions and their *incomplete* values.

Every rule runs over the normalized working copy; overlapping matches are
settled by length (longest first), then by rule order.  The result is a list
of :class:`Candidate` records whose ``partial`` dict is the incomplete value
(e.g. ``{"kind": "weekday", "weekday": 3}``) that :mod:`timeline.temporal.resolve`
completes against a publication date.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from timeline.normalize.morphology import WORD, get_morphology
from timeline.temporal.resources import LanguageResources, Rule


@dataclass(frozen=True)
class Candidate:
    """A matched expression in working-copy offsets, with its incomplete value."""

    start: int
    end: int
    rule: Rule
    partial: dict[str, Any]


def _weekday_list(text: str, res: LanguageResources) -> list[int]:
    days = []
    for word in _TOKEN.findall(text):
        for form in (word, word[1:] if word.startswith(_MORPH.coordinator) else word):
            value = res.tables["weekday"].get(form) or res.tables["weekday_bare"].get(form)
            if value is not None:
                days.append(int(value))
                break
    return days


def _convert(text: str, chain: list[str], res: LanguageResources) -> Any:
    for step in chain:
        if step == "weekday_list":
            return _weekday_list(text, res)
        if step == "day_list":
            return [int(d) for d in re.findall(r"\d+", text)]
        if step == "int":
            if text.isdigit():
                return int(text)
        elif step == "number":
            if text.isdigit():
                return int(text)
            value = res.lookup("number_word", text)
            if value is not None:
                return int(value)
        else:
            value = res.lookup(step, text)
            if value is not None:
                return int(value) if value.lstrip("-").isdigit() else value
    return None


def _groups(match: Any) -> dict[str, str | None]:
    """Named groups, with ``x_2`` (an alternative spelling of a group) folded into ``x``."""
    groups = dict(match.groupdict())
    for name in sorted(groups):
        if "_" in name and name.rsplit("_", 1)[1].isdigit():
            base = name.rsplit("_", 1)[0]
            if groups.get(base) is None:
                groups[base] = groups[name]
    return groups


def partial_value(rule: Rule, match: Any, res: LanguageResources) -> dict[str, Any]:
    """Fill a rule's value template from a match."""
    groups = _groups(match)
    out: dict[str, Any] = {}
    for key, spec in rule.value.items():
        if isinstance(spec, str) and spec.startswith("@"):
            group, *chain = spec[1:].split("|")
            text = groups.get(group)
            out[key] = None if text is None else (_convert(text, chain, res) if chain else text)
        else:
            out[key] = spec
    return out


_MORPH = get_morphology("ar")
_TOKEN = WORD
_CLITICS = "".join(_MORPH.conjunctions + _MORPH.prepositions)  # و ف ب ل ك
_BEFORE, _AFTER = 64, 112  # characters around a key that a match may reach


def _windows(text: str, res: LanguageResources) -> dict[int, list[tuple[int, int]]]:
    """For each keyed rule, the merged stretches of text around its key words."""
    index = _key_index(res)
    spans: dict[int, list[tuple[int, int]]] = {}
    for m in _TOKEN.finditer(text):
        word = m.group()
        forms = [word]
        if word[:1] in _CLITICS:
            forms.append(word[1:])
            if word[1:2] in _CLITICS:
                forms.append(word[2:])
        if word[:1].isdigit():
            forms.append("#digits")
        hit: set[int] = set()
        for form in forms:
            hit.update(index.get(form, ()))
        for rid in hit:
            spans.setdefault(rid, []).append((max(0, m.start() - _BEFORE), min(len(text), m.end() + _AFTER)))
    merged: dict[int, list[tuple[int, int]]] = {}
    for rid, items in spans.items():
        out: list[tuple[int, int]] = []
        for a, b in sorted(items):
            if out and a <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], b))
            else:
                out.append((a, b))
        merged[rid] = out
    return merged


@functools.lru_cache(maxsize=8)
def _key_index(res: LanguageResources) -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = {}
    for rule in res.rules:
        for key in rule.keys:
            index.setdefault(key, []).append(rule.priority)
    return {k: tuple(v) for k, v in index.items()}


def _matches(rule: Rule, text: str, windows: list[tuple[int, int]] | None) -> Iterator[re.Match[str]]:
    if windows is None:
        yield from rule.regex.finditer(text)
        return
    seen: set[tuple[int, int]] = set()
    for a, b in windows:
        for m in rule.regex.finditer(text, a, b):
            if m.end() >= b - 1 and b < len(text):  # the window's end may have cut it short: redo
                full = rule.regex.match(text, m.start())
                if full is None:
                    continue
                m = full
            if m.span() not in seen:
                seen.add(m.span())
                yield m


def find_candidates(text: str, res: LanguageResources, use_keys: bool = True) -> list[Candidate]:
    """All non-overlapping temporal expressions in a normalized text.

    With ``use_keys`` a rule runs only around its key words (fast); without,
    over the whole text (the reference behaviour the keys must reproduce).
    """
    windows = _windows(text, res) if use_keys else {}
    found: list[tuple[int, int, int, Rule, Any]] = []
    for rule in res.rules:
        keyed = use_keys and bool(rule.keys)
        if keyed and rule.priority not in windows:
            continue
        for m in _matches(rule, text, windows.get(rule.priority) if keyed else None):
            start, end = m.span("tx")
            if end > start:
                found.append((start, end, rule.priority, rule, m))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[2], f[0]))
    taken: list[tuple[int, int]] = []
    chosen: list[Candidate] = []
    for start, end, _, rule, m in found:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        chosen.append(Candidate(start, end, rule, partial_value(rule, m, res)))
    chosen.sort(key=lambda c: c.start)
    return chosen

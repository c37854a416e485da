"""Every word-list and table entry the rules use is exercised by some corpus example."""
from __future__ import annotations

import re

import pytest

from tests.temporal.corpus_loader import load_corpus
from timeline.normalize import normalize_plain
from timeline.temporal.resources import CONVERTERS, load_language

RES = load_language("ar")
EXAMPLES, NEGATIVES = load_corpus()
# lists read by the context analyser rather than by patterns: exercised anywhere in a sentence
CONTEXT_LISTS = {"future_markers", "present_as_future", "past_markers", "future_prefix_exceptions", "today_followers",
                 "today_not_after", "date_not_after", "clause_openers"}
_NEAR = 40  # characters around an expected expression that count as its context (heads, prepositions)


def _around(text: str, core: str) -> str:
    i = text.index(core)
    return normalize_plain(text[max(0, i - _NEAR): i + len(core) + _NEAR])


_SPANS = [_around(e.text, e.timex) for e in EXAMPLES]
_SENTENCES = [normalize_plain(e.text) for e in EXAMPLES] + [normalize_plain(n.text) for n in NEGATIVES]


def _used_names() -> set[str]:
    names: set[str] = set()
    for text in [r.pattern for r in RES.rules] + list(RES.macros.values()):
        names.update(re.findall(r"%<?([a-z_][a-z0-9_]*)", text))
    for rule in RES.rules:
        for spec in rule.value.values():
            if isinstance(spec, str) and spec.startswith("@"):
                names.update(spec[1:].split("|")[1:])
    return names - CONVERTERS


def _entries() -> list[tuple[str, str]]:
    used = _used_names() | CONTEXT_LISTS
    out = []
    for name, table in sorted(RES.tables.items()):
        if name in used:
            out.extend((name, surface) for surface in table)
    for name, words in sorted(RES.word_lists.items()):
        if name in used:
            out.extend((name, w) for w in words)
    return out


def _contains(haystacks: list[str], word: str, prefix: bool = False) -> bool:
    tail = r"" if prefix else r"(?!\w)"
    pat = re.compile(r"(?<![^\Wوفبلك])" + re.escape(word) + tail)
    return any(pat.search(h) for h in haystacks)


def test_every_table_is_used_by_a_rule() -> None:
    used = _used_names() | CONTEXT_LISTS
    unused = sorted((set(RES.tables) | set(RES.word_lists)) - used)
    assert not unused, f"resource files no rule uses: {unused}"


@pytest.mark.parametrize("name,entry", _entries(), ids=[f"{n}:{e}" for n, e in _entries()])
def test_entry_is_exercised(name: str, entry: str) -> None:
    if name in CONTEXT_LISTS:
        assert _contains(_SENTENCES, entry, prefix=name == "future_prefix_exceptions"), (
            f"no corpus sentence uses {entry!r} of {name}")
    else:
        assert _contains(_SPANS, entry), f"no corpus example exercises {entry!r} of {name}"

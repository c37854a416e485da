"""Every example of the corpus is tagged as one expression with its value; no negative is tagged.

Examples the tagger does not get right yet carry ``known_gap: <why>`` (strict xfails)."""
from __future__ import annotations

import re

import pytest

from tests.temporal.corpus_loader import Example, Negative, load_corpus
from timeline.temporal import tag_text

EXAMPLES, NEGATIVES = load_corpus()
_ZONE = re.compile(r"([+-]\d\d:\d\d)$")
# a span may stretch past the expected core by a leading preposition or a zone name
_SLACK = 32


def _same_value(expected: object, got: object, type_: str) -> bool:
    if type_ == "TIME" and isinstance(expected, str) and isinstance(got, str):
        if not expected.endswith("Z"):
            got = _ZONE.sub("", got)
        return got == expected
    return got == expected


def test_corpus_is_large_enough() -> None:
    assert len(EXAMPLES) >= 300
    assert len(NEGATIVES) >= 60


def _params(items: list) -> list:
    """Examples with ``known_gap`` run as strict xfails: a fix shows up as a failure until the mark goes."""
    return [pytest.param(x, id=x.id, marks=[pytest.mark.xfail(reason=x.known_gap, strict=True)]
                         if x.known_gap else []) for x in items]


@pytest.mark.parametrize("ex", _params(EXAMPLES))
def test_corpus_example(ex: Example) -> None:
    start = ex.text.index(ex.timex)
    end = start + len(ex.timex)
    found = tag_text(ex.text, ex.reference)
    hits = [t for t in found if t.start < end and start < t.end]
    assert hits, f"{ex.timex!r} not tagged in {ex.text!r}; found {[(t.text, t.value) for t in found]}"
    best = max(hits, key=lambda t: min(t.end, end) - max(t.start, start))
    assert best.start <= start and best.end >= end, f"span {best.text!r} does not cover {ex.timex!r}"
    assert (best.end - best.start) - len(ex.timex) <= _SLACK, f"span {best.text!r} too long for {ex.timex!r}"
    assert best.type == ex.type, f"{best.text!r}: type {best.type} != {ex.type}"
    assert _same_value(ex.value, best.value, ex.type), f"{best.text!r}: value {best.value!r} != {ex.value!r}"
    if ex.mod:
        assert best.mod == ex.mod, f"{best.text!r}: mod {best.mod} != {ex.mod}"


@pytest.mark.parametrize("neg", _params(NEGATIVES))
def test_corpus_negative(neg: Negative) -> None:
    found = tag_text(neg.text, neg.reference)
    if neg.not_ is None:
        assert not found, f"tagged {[(t.text, t.value) for t in found]} in {neg.text!r}"
        return
    start = neg.text.index(neg.not_)
    end = start + len(neg.not_)
    bad = [(t.text, t.value) for t in found if t.start < end and start < t.end]
    assert not bad, f"{neg.not_!r} tagged as {bad}"

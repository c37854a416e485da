"""Running rules only around their key words finds exactly what a full scan finds."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.temporal.corpus_loader import load_corpus
from timeline.normalize import normalize_plain
from timeline.temporal.extract import find_candidates
from timeline.temporal.resources import load_language

ROOT = Path(__file__).resolve().parents[2]
RES = load_language("ar")
EXAMPLES, NEGATIVES = load_corpus()
TEXTS = ([p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
         + ["\n".join(e.text for e in EXAMPLES), "\n".join(n.text for n in NEGATIVES)])


def _spans(text: str, use_keys: bool) -> list[tuple[int, int, str]]:
    return [(c.start, c.end, c.rule.name) for c in find_candidates(text, RES, use_keys=use_keys)]


@pytest.mark.parametrize("index", range(len(TEXTS)))
def test_keyed_windows_match_the_full_scan(index: int) -> None:
    text = normalize_plain(TEXTS[index])
    assert _spans(text, True) == _spans(text, False)


def test_every_rule_has_keys() -> None:
    assert [r.name for r in RES.rules if not r.keys] == []

"""The dating stage's word lists (``resources/<lang>/dating/``), loaded once per language."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from timeline.loader import data_lines, resource_path
from timeline.normalize import normalize_plain


@dataclass(frozen=True)
class DatingLexicon:
    labels: tuple[str, ...]          # normalized, longest first
    update_labels: frozenset[str]
    latin_months: dict[str, int]
    fillers: frozenset[str]
    label_re: re.Pattern[str]        # a label at the end of the text before a date


def _norm(word: str) -> str:
    return normalize_plain(word).strip().lower()


@functools.lru_cache(maxsize=None)
def get_lexicon(lang: str = "ar") -> DatingLexicon:
    base = resource_path(lang, "dating")
    labels = tuple(sorted({_norm(w) for w in data_lines(base / "stamp_labels.txt")}, key=lambda w: (-len(w), w)))
    updates = frozenset(_norm(w) for w in data_lines(base / "update_labels.txt"))
    months: dict[str, int] = {}
    for line in data_lines(base / "latin_months.tsv"):
        word, value = line.split("\t")
        months[word.strip().lower()] = int(value)
    fillers = frozenset(_norm(w) for w in data_lines(base / "stamp_fillers.txt"))
    alternation = "|".join(re.escape(w) for w in labels)
    label_re = re.compile(rf"(?:^|[^\w])(?P<label>{alternation})\s*[:：\-–—]?\s*(?:\w+\s*[،,]?\s*)?$",
                          re.IGNORECASE)
    return DatingLexicon(labels, updates, months, fillers, label_re)

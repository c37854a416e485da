"""Read the example corpus (tests/temporal/corpus/*.yaml) into test cases."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

CORPUS = Path(__file__).parent / "corpus"


@dataclass(frozen=True)
class Example:
    id: str
    family: str
    reference: dt.date
    text: str
    timex: str
    value: Any
    type: str
    mod: str | None
    known_gap: str | None = None  # not handled yet: runs as a strict xfail


@dataclass(frozen=True)
class Negative:
    id: str
    reference: dt.date
    text: str
    not_: str | None
    known_gap: str | None = None


def _date(v: Any) -> dt.date:
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


def load_corpus() -> tuple[list[Example], list[Negative]]:
    examples: list[Example] = []
    negatives: list[Negative] = []
    for path in sorted(CORPUS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        ref = _date(data.get("reference", "2024-05-23"))
        family = str(data.get("family", path.stem))
        for i, ex in enumerate(data.get("examples") or []):
            value = ex["value"]
            if isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, list):
                value = [v.isoformat() if isinstance(v, dt.date) else str(v) for v in value]
            else:
                value = str(value)
            examples.append(Example(f"{path.stem}:{i + 1}", family, ref, ex["text"], ex["timex"], value,
                                    ex.get("type", "DATE"), ex.get("mod"), ex.get("known_gap")))
        for i, neg in enumerate(data.get("negatives") or []):
            negatives.append(Negative(f"{path.stem}:neg{i + 1}", ref, neg["text"], neg.get("not"),
                                      neg.get("known_gap")))
    return examples, negatives

"""Page stamps and datelines (tests/dct/corpus/datelines.yaml): each example's stamp is found with its day;
no date of a negative (a headline list, a quoted past date, a caption) is taken for the page's own.

Examples not handled yet carry ``known_gap: <why>`` and run as strict xfails.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from timeline.dating import get_dater
from timeline.model import DateClue, Document
from timeline.segment import segment_document
from timeline.temporal import get_tagger

CORPUS = yaml.safe_load((Path(__file__).parent / "corpus" / "datelines.yaml").read_text(encoding="utf-8"))


def _params(key: str) -> list:
    return [pytest.param(x, id=f"{key}-{i + 1}", marks=[pytest.mark.xfail(reason=x["known_gap"], strict=True)]
                         if x.get("known_gap") else []) for i, x in enumerate(CORPUS[key])]


def stamps_of(text: str) -> list[DateClue]:
    doc = Document(id="page", path="page.txt", text=text)
    segment_document(doc)
    return get_dater().stamps.find(doc, get_tagger().extract_document(doc).found)


def test_corpus_is_large_enough() -> None:
    assert len(CORPUS["examples"]) >= 80
    assert len(CORPUS["negatives"]) >= 30


@pytest.mark.parametrize("ex", _params("examples"))
def test_stamp_found_with_its_day(ex: dict) -> None:
    text, stamp, want = ex["text"], ex["stamp"], str(ex["dct"])
    start = text.index(stamp)
    end = start + len(stamp)
    clues = [c for c in stamps_of(text) if c.start is not None and c.start < end and start < c.end]
    assert clues, f"no stamp found at {stamp!r}"
    c = clues[0]
    if want.startswith("XXXX"):
        assert c.month_day == (int(want[5:7]), int(want[8:10])), f"{c}"
    else:
        day = dt.date.fromisoformat(want)
        assert day in (c.day, c.last), f"{c}"


def dating_of(text: str) -> Document:
    doc = Document(id="page", path="page.txt", text=text)
    segment_document(doc)
    extracted = get_tagger().extract_document(doc)
    get_dater().date(doc, extracted)
    return doc


@pytest.mark.parametrize("neg", _params("negatives"))
def test_no_stamp_in_negative(neg: dict) -> None:
    """The negative's date neither is found as a stamp nor, where the page has a stamp too, decides its date."""
    text, words = neg["text"], neg["not"]
    start = text.index(words)
    end = start + len(words)
    doc = dating_of(text)
    chosen = [c for seg in doc.segments for c in seg.dct_evidence
              if c.kind in ("stamp", "dateline") and c.start is not None and c.start < end and start < c.end]
    assert not chosen, f"{words!r} taken as the page's date: {chosen}"
    found = [c for c in stamps_of(text) if c.start is not None and c.start < end and start < c.end]
    others = [c for c in stamps_of(text) if c not in found]
    assert not found or others, f"{words!r} found as a stamp: {found}"

"""Per-document work: one document in, the document with its segments, timexes and event mentions out.

:func:`process_document` is the unit that the local loop, the process pool and
a Dask cluster all run, and that the cache stores: it depends on nothing but
the document and the language resources, which each process loads once.  Its
result pickles, so it can cross process and machine boundaries.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from timeline.dating import date_document
from timeline.events import EventBuilder
from timeline.events.extract import Candidate
from timeline.ingest import InputProblem
from timeline.model import Document, EventDate, Timex
from timeline.segment import segment_document
from timeline.temporal import get_tagger
from timeline.temporal.tagger import Extracted


@dataclass
class DocumentResult:
    """What per-document work made of one document.

    ``extracted`` (the found expressions before resolution) is kept only while a
    segment's date is missing or uncertain: the cross-article step may date the
    document again and resolve its expressions anew.  ``ok`` is false when the
    document could not be processed at all; ``problems`` say why.
    """

    doc: Document
    timexes: list[Timex] = field(default_factory=list)
    mentions: list[tuple[Candidate, EventDate]] = field(default_factory=list)
    extracted: Extracted | None = None
    problems: list[InputProblem] = field(default_factory=list)
    ok: bool = True


@lru_cache(maxsize=4)
def get_builder(lang: str = "ar") -> EventBuilder:
    """The event extractor of ``lang``, made once per process."""
    return EventBuilder(lang)


def needs_batch(doc: Document) -> bool:
    """Whether an article of ``doc`` is undated or only uncertainly dated (the batch may date it)."""
    return any(s.kind == "article" and (s.dct is None or s.dct_uncertain) for s in doc.segments)


def process_document(doc: Document, lang: str = "ar") -> DocumentResult:
    """Segment ``doc``, find its expressions, date its segments, resolve the expressions, find its events.

    ``doc`` is taken over (its segments are filled in) and returned in the result.
    A failure is caught and reported in the result: one bad document never sinks a batch.
    """
    result = DocumentResult(doc)
    where = doc.path or doc.id
    try:
        segment_document(doc, lang)
        tagger = get_tagger(lang)
        extracted = tagger.extract_document(doc)
        date_document(doc, extracted, lang)
        result.timexes = tagger.resolve_document(doc, extracted)
    except Exception as exc:  # noqa: BLE001 - reported, and the batch goes on
        result.ok = False
        result.problems.append(InputProblem(where, f"could not be processed: {exc!r}"))
        return result
    if needs_batch(doc):
        result.extracted = extracted
    try:
        result.mentions = get_builder(lang).candidates(doc, result.timexes)
    except Exception as exc:  # noqa: BLE001 - the document keeps its dates and timexes
        result.problems.append(InputProblem(where, f"event extraction failed: {exc!r}"))
    return result

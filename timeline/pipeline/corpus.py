"""Cross-article work over all documents' results: dating from each other, merging events.

This is the step that needs every document at once; it reads the per-document
results (see :mod:`timeline.pipeline.document`) and never re-reads the input.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from timeline.dating.batch import date_batch
from timeline.ingest import InputProblem
from timeline.model import Document, Event, Timex
from timeline.pipeline.document import DocumentResult, get_builder
from timeline.temporal import get_tagger


@dataclass
class BuildResult:
    """Everything one build produced."""

    documents: list[Document] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)


def combine(results: Iterable[DocumentResult], problems: Iterable[InputProblem] = (), lang: str = "ar") -> BuildResult:
    """Date undated articles from the batch, then merge every document's mentions into events."""
    out = BuildResult(problems=list(problems))
    timexes: dict[str, list[Timex]] = {}
    found = {}
    extracted = {}
    for r in results:
        out.problems.extend(r.problems)
        if not r.ok:
            continue
        out.documents.append(r.doc)
        timexes[r.doc.id] = r.timexes
        found[r.doc.id] = r.mentions
        if r.extracted is not None:
            extracted[r.doc.id] = r.extracted
    builder = get_builder(lang)
    if extracted:
        tagger = get_tagger(lang)
        try:
            found = date_batch(out.documents, extracted, builder, timexes,
                               lambda d: tagger.resolve_document(d, extracted[d.id]), found)
        except Exception as exc:  # noqa: BLE001 - batch dating is a refinement: the build goes on without it
            out.problems.append(InputProblem("batch", f"dating across articles failed: {exc!r}"))
    for doc in out.documents:
        if not any(s.dct for s in doc.segments):
            doc.warnings.append(f"{doc.path or doc.id}: no publication date given or found: relative expressions "
                                f"are left unresolved (UNDEF values)")
        out.timexes.extend(timexes[doc.id])
    out.events = builder.merge(out.documents, found)
    return out

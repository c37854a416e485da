"""The pipeline: ingest -> segment -> tag dates -> events -> export.

Each stage takes documents and returns them enriched; :func:`build` chains
them and keeps going when one document fails, recording a problem that names
the file.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from timeline.dating import date_document
from timeline.dating.batch import date_batch
from timeline.events import EventBuilder
from timeline.ingest import InputProblem, load_documents
from timeline.model import Document, Event, Timex
from timeline.segment import segment_document
from timeline.temporal import get_tagger
from timeline.temporal.tagger import Extracted


@dataclass
class BuildResult:
    """Everything one build produced."""

    documents: list[Document] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)


def process_document(doc: Document, lang: str = "ar") -> tuple[list[Timex], Extracted]:
    """Segment one document, find its expressions, date its segments, resolve the expressions."""
    segment_document(doc, lang)
    tagger = get_tagger(lang)
    extracted = tagger.extract_document(doc)
    date_document(doc, extracted, lang)
    return tagger.resolve_document(doc, extracted), extracted


def build(paths: Iterable[str | Path], manifest: str | Path | None = None, lang: str = "ar",
          max_bytes: int = 20_000_000) -> BuildResult:
    """Read, segment and tag every document under ``paths``."""
    loaded = load_documents(paths, manifest=manifest, max_bytes=max_bytes)
    result = BuildResult(problems=list(loaded.problems))
    extracted: dict[str, Extracted] = {}
    timexes: dict[str, list[Timex]] = {}
    for doc in loaded.documents:
        try:
            timexes[doc.id], extracted[doc.id] = process_document(doc, lang)
        except Exception as exc:  # one bad document never sinks the batch
            result.problems.append(InputProblem(doc.path or doc.id, f"could not be processed: {exc!r}"))
            continue
        result.documents.append(doc)
    builder = EventBuilder(lang)
    tagger = get_tagger(lang)
    known = None
    if any(s.kind == "article" and (s.dct is None or s.dct_uncertain) for d in result.documents for s in d.segments):
        try:
            known = date_batch(result.documents, extracted, builder, timexes,
                               lambda d: tagger.resolve_document(d, extracted[d.id]))
        except Exception as exc:  # noqa: BLE001 - batch dating is a refinement: the build goes on without it
            result.problems.append(InputProblem("batch", f"dating across articles failed: {exc!r}"))
    for doc in result.documents:
        if not any(s.dct for s in doc.segments):
            doc.warnings.append(f"{doc.path or doc.id}: no publication date given or found: relative expressions "
                                f"are left unresolved (UNDEF values)")
        result.timexes.extend(timexes[doc.id])
    failed: list[tuple[str, str]] = []
    result.events = builder.build(result.documents, result.timexes, failed, known)
    result.problems.extend(InputProblem(path, message) for path, message in failed)
    return result

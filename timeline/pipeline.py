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
from timeline.events import EventBuilder
from timeline.ingest import InputProblem, load_documents
from timeline.model import Document, Event, Timex
from timeline.segment import segment_document
from timeline.temporal import get_tagger


@dataclass
class BuildResult:
    """Everything one build produced."""

    documents: list[Document] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)


def process_document(doc: Document, lang: str = "ar") -> list[Timex]:
    """Segment one document, find its expressions, date its segments, resolve the expressions."""
    segment_document(doc, lang)
    tagger = get_tagger(lang)
    extracted = tagger.extract_document(doc)
    date_document(doc, extracted, lang)
    if not any(s.dct for s in doc.segments):
        doc.warnings.append(f"{doc.path or doc.id}: no publication date given or found: relative expressions "
                            f"are left unresolved (UNDEF values)")
    return tagger.resolve_document(doc, extracted)


def build(paths: Iterable[str | Path], manifest: str | Path | None = None, lang: str = "ar",
          max_bytes: int = 20_000_000) -> BuildResult:
    """Read, segment and tag every document under ``paths``."""
    loaded = load_documents(paths, manifest=manifest, max_bytes=max_bytes)
    result = BuildResult(problems=list(loaded.problems))
    for doc in loaded.documents:
        try:
            timexes = process_document(doc, lang)
        except Exception as exc:  # one bad document never sinks the batch
            result.problems.append(InputProblem(doc.path or doc.id, f"could not be processed: {exc!r}"))
            continue
        result.documents.append(doc)
        result.timexes.extend(timexes)
    failed: list[tuple[str, str]] = []
    result.events = EventBuilder(lang).build(result.documents, result.timexes, failed)
    result.problems.extend(InputProblem(path, message) for path, message in failed)
    return result

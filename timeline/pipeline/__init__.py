"""The pipeline: ingest -> per-document work -> cross-article work -> export.

The stage order has one owner, this package:

- :mod:`~timeline.pipeline.document`: :func:`process_document`, everything done
  to one document (segment, find expressions, date, resolve, find event mentions);
- :mod:`~timeline.pipeline.execute`: runs that function over a stream of
  documents, in this process, in a pool of processes (``workers``) or on a Dask
  cluster (``dask``), reusing cached results (``cache``);
- :mod:`~timeline.pipeline.corpus`: :func:`combine`, the work that needs all
  documents (dating articles from each other, merging mentions into events).

:func:`build` chains them and keeps going when one document fails, recording a
problem that names the file.  The command line and the notebook API
(:func:`timeline.build`) both call it.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from timeline.ingest import DEFAULT_MAX_BYTES, InputProblem, iter_documents
from timeline.model import Document
from timeline.pipeline.corpus import BuildResult, combine
from timeline.pipeline.document import DocumentResult, process_document
from timeline.pipeline.execute import Execution, run_documents

__all__ = ["DEFAULT_MAX_BYTES", "BuildResult", "DocumentResult", "Execution", "build", "build_documents", "combine",
           "process_document"]


def build(paths: Iterable[str | Path] | str | Path, manifest: str | Path | None = None, lang: str = "ar",
          max_bytes: int = DEFAULT_MAX_BYTES, execution: Execution | None = None) -> BuildResult:
    """Read, segment, date and tag every document under ``paths`` and merge their events.

    ``execution`` says where per-document work runs (default: here, one document after another).
    """
    problems: list[InputProblem] = []
    docs = iter_documents(paths, manifest, max_bytes, problems)
    results = list(run_documents(docs, lang, execution or Execution()))
    return combine(results, problems, lang)


def build_documents(documents: Iterable[Document], lang: str = "ar", execution: Execution | None = None) -> BuildResult:
    """:func:`build` for documents already in memory (a notebook's texts, a test's)."""
    return combine(list(run_documents(iter(documents), lang, execution or Execution())), (), lang)

"""Where per-document work runs: here, in a pool of processes, or on a Dask cluster.

:func:`run_documents` takes a stream of documents and yields their
:class:`~timeline.pipeline.document.DocumentResult` in input order, whatever
runs them, so every execution gives the same build.  Documents go out in
chunks, and only a few chunks per worker are in flight at once: memory for
per-document work does not grow with the input.  Scheduling is left to the
engines (:mod:`concurrent.futures` on one machine, ``dask.distributed`` past
it); this module only feeds them and keeps the order.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from timeline.model import Document
from timeline.pipeline.cache import ResultCache, document_key
from timeline.pipeline.document import DocumentResult, get_builder, process_document

CHUNK = 16  # documents per task sent to a worker process or a Dask worker
IN_FLIGHT = 4  # tasks per worker queued ahead


@dataclass(frozen=True)
class Execution:
    """How to run per-document work.

    ``workers``: processes on this machine (1: in this process); ``dask``: the
    address of a Dask scheduler (``tcp://host:8786``) or ``"local"`` for a
    ``distributed.LocalCluster`` of ``workers`` processes; ``cache``: a folder
    of per-document results to reuse and fill.
    """

    workers: int = 1
    dask: str | None = None
    cache: Path | None = None

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ValueError(f"workers must be at least 1, got {self.workers}")


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def process_chunk(documents: list[Document], lang: str) -> list[DocumentResult]:
    """:func:`process_document` over a chunk (the task a worker receives)."""
    return [process_document(doc, lang) for doc in documents]


class _Task(Protocol):
    def result(self) -> list[DocumentResult]: ...


class _Done:
    """A chunk run at once, in this process."""

    def __init__(self, results: list[DocumentResult]) -> None:
        self._results = results

    def result(self) -> list[DocumentResult]:
        return self._results


def _warm(lang: str) -> None:
    """Load the resources before forking, so that every worker shares them."""
    from timeline.dating import get_dater
    from timeline.temporal import get_tagger

    get_tagger(lang)
    get_dater(lang)
    get_builder(lang)


@contextmanager
def _engine(execution: Execution, lang: str) -> Iterator[tuple[Callable[[list[Document]], _Task], int]]:
    """``(submit, tasks in flight)`` for ``execution``."""
    if execution.dask:
        from timeline.pipeline.dask_engine import dask_client

        with dask_client(execution.dask, execution.workers) as client:
            width = max(1, len(client.scheduler_info().get("workers", {})) or execution.workers)
            yield (lambda docs: client.submit(process_chunk, docs, lang, pure=False)), width * IN_FLIGHT
        return
    if execution.workers == 1:
        yield (lambda docs: _Done(process_chunk(docs, lang))), 0
        return
    from concurrent.futures import ProcessPoolExecutor

    _warm(lang)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=execution.workers, mp_context=context) as pool:
        yield (lambda docs: pool.submit(process_chunk, docs, lang)), execution.workers * IN_FLIGHT


def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for doc in documents:
        chunk.append(doc)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_documents(documents: Iterable[Document], lang: str = "ar",
                  execution: Execution | None = None) -> Iterator[DocumentResult]:
    """Per-document results of ``documents``, in their order (see the module docstring)."""
    execution = execution or Execution()
    cache = ResultCache(execution.cache) if execution.cache else None
    size = 1 if execution.workers == 1 and not execution.dask else CHUNK
    with _engine(execution, lang) as (submit, width):
        pending: deque[tuple[list[str | None], list[DocumentResult | None], Any]] = deque()
        for chunk in _chunks(documents, size):
            keys: list[str | None] = [document_key(d, lang) if cache else None for d in chunk]
            found = [cache.get(k) if cache and k else None for k in keys]
            todo = [d for d, r in zip(chunk, found) if r is None]
            pending.append((keys, found, submit(todo) if todo else None))
            while len(pending) > width:
                yield from _finish(pending.popleft(), cache)
        while pending:
            yield from _finish(pending.popleft(), cache)


def _finish(entry: tuple[list[str | None], list[DocumentResult | None], Any],
            cache: ResultCache | None) -> Iterator[DocumentResult]:
    keys, found, task = entry
    fresh = iter(task.result() if task is not None else ())
    for key, result in zip(keys, found):
        if result is None:
            result = next(fresh)
            if cache is not None and key is not None:
                cache.put(key, result)
        yield result

"""``--cache DIR``: each document's per-document result, kept on disk and reused.

A result is stored under the hash of everything it depends on: the document as
read (id, path, text, metadata, manifest hints), the language, and the
pipeline's version, which is the hash of the package's code and resources.  Change
a rule, a word list or the knowledge base and every entry is stale by
construction; add one article to a built corpus and only that article is
processed again.  Entries are pickles written atomically (a build cut short
leaves no half-written entry); a cache is trusted like the code that wrote it, so
keep it private to its user.  An unreadable entry is ignored and rewritten.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

from timeline.model import Document
from timeline.pipeline.document import DocumentResult

PACKAGE = Path(__file__).resolve().parents[1]
_SUFFIXES = (".py", ".yaml", ".yml", ".txt", ".tsv", ".json")


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """The hash of the package's code and resources (a result depends on all of them)."""
    h = hashlib.sha256()
    for path in sorted(p for p in PACKAGE.rglob("*") if p.suffix in _SUFFIXES and "__pycache__" not in p.parts):
        h.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def document_key(doc: Document, lang: str) -> str:
    """The cache key of ``doc`` as read, before any processing."""
    fields = [pipeline_version(), lang, doc.id, doc.path, doc.text,
              doc.published.isoformat() if doc.published else None, doc.published_source, doc.source,
              doc.title, doc.url, [[w, d.isoformat() if d else None, k] for w, d, k in doc.segment_hints],
              list(doc.warnings)]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


class ResultCache:
    """Per-document results in ``folder`` (two-level fan-out by key)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> DocumentResult | None:
        """The stored result of ``key``; None when there is none or it cannot be read (a miss)."""
        try:
            with self._path(key).open("rb") as handle:
                result = pickle.load(handle)
        except Exception:  # noqa: BLE001 - missing or damaged: a miss, rewritten by the build
            return None
        return result if isinstance(result, DocumentResult) else None

    def put(self, key: str, result: DocumentResult) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

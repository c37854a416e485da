"""``load_documents``: find the input files, read them, apply their manifests.

Files are read in sorted path order, so the documents (sorted by path, then
line) and the problems come out the same on every run.  A bad file, line or
manifest entry becomes an :class:`InputProblem`; it never stops the batch.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from timeline.ingest.html_file import read_html_file
from timeline.ingest.jsonl_file import iter_jsonl_file
from timeline.ingest.manifest import MANIFEST_NAMES, Manifest, ManifestEntry, SegmentHint, find_manifest, load_manifest
from timeline.ingest.problems import IngestError, InputProblem, LoadResult
from timeline.ingest.text_file import read_text_file
from timeline.model import Document

DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
DEFAULT_MAX_BYTES = 20_000_000

PathLike = str | os.PathLike[str]


def load_documents(
    paths: Iterable[PathLike] | PathLike,
    manifest: PathLike | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> LoadResult:
    """Load every document under ``paths`` (files or directories) into a list.

    A directory stands for all ``*.txt``, ``*.html``, ``*.htm`` and ``*.jsonl``
    files below it (hidden files and folders excepted).  ``manifest``, when
    given, describes the documents; otherwise each document's folder is searched
    for ``manifest.yaml``, ``manifest.yml`` or ``manifest.json``.  Files larger
    than ``max_bytes`` are refused (for JSON lines: lines larger than that).
    """
    result = LoadResult()
    result.documents.extend(iter_documents(paths, manifest, max_bytes, result.problems))
    return result


def iter_documents(
    paths: Iterable[PathLike] | PathLike,
    manifest: PathLike | None,
    max_bytes: int,
    problems: list[InputProblem],
) -> Iterator[Document]:
    """The documents of :func:`load_documents` one at a time (a JSON-lines file streams line by line);
    problems are appended to ``problems`` as they are met."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    manifests = _Manifests(manifest, problems)
    used_ids: dict[str, str] = {}
    for path in _collect(paths, manifest, problems):
        for line, document in _read(path, max_bytes, problems):
            where = f"{path}:{line}" if line else path
            if document.id in used_ids:
                prefix = f"line {line}: " if line else ""
                problems.append(InputProblem(
                    path, f"{prefix}duplicate document id {document.id!r} (already used by {used_ids[document.id]}); skipped"))
                continue
            used_ids[document.id] = where
            if not line:
                found = manifests.entry_for(path)
                if found is not None:
                    _apply_entry(document, *found, problems)
            yield document


def _read(path: str, max_bytes: int, problems: list[InputProblem]) -> Iterator[tuple[int, Document]]:
    """Read one file; line numbers are 0 for whole-file documents."""
    suffix = Path(path).suffix.lower()
    try:
        if suffix == ".jsonl":
            for number, item in iter_jsonl_file(path, max_bytes):
                if isinstance(item, InputProblem):
                    problems.append(item)
                else:
                    yield number, item
            return
        if suffix in (".html", ".htm"):
            yield 0, read_html_file(path, max_bytes)
            return
        yield 0, read_text_file(path, max_bytes)
    except IngestError as err:
        problems.append(InputProblem(path, str(err)))
    except OSError as err:
        problems.append(InputProblem(path, f"cannot read: {err.strerror or err}"))


def _collect(paths: Iterable[PathLike], manifest: PathLike | None, problems: list[InputProblem]) -> list[str]:
    """The document files named by ``paths``, deduplicated and sorted by path."""
    skip = {Path(manifest).resolve()} if manifest is not None else set()
    chosen: dict[Path, str] = {}

    def add(shown: str) -> None:
        key = Path(shown).resolve()
        if key not in skip:
            chosen.setdefault(key, shown)

    for given in paths:
        shown = os.fspath(given)
        if os.path.isdir(shown):
            for found in _walk(shown):
                add(found)
        elif os.path.isfile(shown):
            name = os.path.basename(shown)
            if name.lower() in MANIFEST_NAMES:
                continue
            if Path(name).suffix.lower() in DOCUMENT_SUFFIXES:
                add(shown)
            else:
                problems.append(InputProblem(
                    shown, f"unsupported file type {Path(name).suffix or '(none)'!r} (expected .txt, .html, .htm or .jsonl)"))
        elif os.path.exists(shown):
            problems.append(InputProblem(shown, "not a regular file or directory"))
        else:
            problems.append(InputProblem(shown, "no such file or directory"))
    return sorted(chosen.values())


def _walk(top: str) -> list[str]:
    """Document files below ``top``, skipping hidden files and folders and symlinked folders."""
    found: list[str] = []
    for folder, subfolders, files in os.walk(top):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in DOCUMENT_SUFFIXES:
                found.append(os.path.join(folder, name))
    return found


class _Manifests:
    """The manifest that applies to each document: the explicit one, or its folder's."""

    def __init__(self, explicit: PathLike | None, problems: list[InputProblem]) -> None:
        self._problems = problems
        self._explicit: Manifest | None = None
        self._by_folder: dict[Path, Manifest | None] = {}
        if explicit is not None:
            shown = os.fspath(explicit)
            if os.path.isfile(shown):
                self._explicit, found = load_manifest(shown)
                problems.extend(found)
            else:
                problems.append(InputProblem(shown, "manifest not found; documents are loaded without it"))
                self._explicit = Manifest(shown)

    def entry_for(self, document_path: str) -> tuple[ManifestEntry, str] | None:
        """The entry describing ``document_path`` and the manifest's path, if any."""
        manifest = self._explicit
        if manifest is None:
            folder = Path(document_path).parent.resolve()
            if folder not in self._by_folder:
                self._by_folder[folder] = self._load_folder(os.path.dirname(document_path))
            manifest = self._by_folder[folder]
        if manifest is None:
            return None
        entry = manifest.entry_for(document_path)
        return (entry, manifest.path) if entry is not None else None

    def _load_folder(self, shown_folder: str) -> Manifest | None:
        first, others = find_manifest(Path(shown_folder or "."))
        if first is None:
            return None
        shown = os.path.join(shown_folder, first.name)
        for other in others:
            self._problems.append(InputProblem(
                os.path.join(shown_folder, other.name), f"ignored: {first.name} in the same folder is used instead"))
        manifest, found = load_manifest(shown)
        self._problems.extend(found)
        return manifest


def _apply_entry(document: Document, entry: ManifestEntry, manifest_path: str, problems: list[InputProblem]) -> None:
    """Copy an entry's facts onto ``document``; manifest values win over page metadata."""
    if entry.published is not None:
        document.published = entry.published
        document.published_source = "manifest"
    for key in ("source", "url", "title"):
        value = getattr(entry, key)
        if value is not None:
            setattr(document, key, value)
    hints: list[SegmentHint] = []
    for start, published, kind in entry.segments:
        located = locate(document.text, start)
        if located is None:
            problems.append(InputProblem(
                manifest_path, f"{entry.label}: segment starting {start!r} not found in the text; segment ignored"))
        else:
            hints.append((located, published, kind))
    document.segment_hints = hints


def locate(text: str, start: str) -> str | None:
    """``start`` as it appears in ``text``: verbatim, or with its whitespace written differently.

    Returns the exact substring of ``text`` (so callers can ``text.find`` it),
    or None when it does not occur.
    """
    if start in text:
        return start
    words = start.split()
    if not words:
        return None
    match = re.search(r"\s+".join(re.escape(word) for word in words), text)
    return match.group(0) if match else None

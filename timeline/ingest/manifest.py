"""The manifest: publication dates and other facts about documents, kept beside them.

A manifest is a YAML (or JSON) file::

    documents:
      - file: 000_ff5001cb7666ffa7.txt   # relative to the manifest's folder
        published: 2025-09-04            # ISO date (optional, null = unknown)
        source: RT Arabic                # optional
        url: https://...                 # optional
        title: ...                       # optional
        segments:                        # optional: the articles of a composite page
          - starts_with: "يتقدم الجيش"    # the segment's first words, as in the text
            published: 2025-09-04        # that article's date, or null
            kind: article                # article (default) or boilerplate

Validation is strict but never all-or-nothing: each mistake becomes an
:class:`InputProblem` naming the manifest and the entry (1-based index and file
name), and everything else in the manifest is still used.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from timeline.ingest.dates import parse_date
from timeline.ingest.problems import InputProblem
from timeline.model import SegmentKind

MANIFEST_NAMES = ("manifest.yaml", "manifest.yml", "manifest.json")
SEGMENT_KINDS: tuple[SegmentKind, ...] = ("article", "boilerplate")
_ENTRY_KEYS = ("file", "published", "source", "url", "title", "segments")
_SEGMENT_KEYS = ("starts_with", "published", "kind")

SegmentHint = tuple[str, dt.date | None, SegmentKind]
Report = Callable[[str], None]


class _StringDateLoader(yaml.SafeLoader):
    """A safe YAML loader that leaves dates as strings, so that a bad date such as
    ``2024-13-45`` is reported for its entry instead of breaking the whole file."""


_StringDateLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class ManifestEntry:
    """The valid part of one manifest entry."""

    file: str
    path: Path  # resolved location of the document
    label: str  # "entry 3 (004_x.txt)", for messages
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    segments: list[SegmentHint] = field(default_factory=list)


@dataclass
class Manifest:
    """A parsed manifest: its valid entries, keyed by the resolved document path."""

    path: str
    entries: dict[Path, ManifestEntry] = field(default_factory=dict)

    def entry_for(self, document_path: str | Path) -> ManifestEntry | None:
        """The entry describing ``document_path``, if any."""
        return self.entries.get(Path(document_path).resolve())


def find_manifest(folder: Path) -> tuple[Path | None, list[Path]]:
    """The manifest file in ``folder`` (first of :data:`MANIFEST_NAMES`) and any others there."""
    found = [folder / name for name in MANIFEST_NAMES if (folder / name).is_file()]
    return (found[0] if found else None), found[1:]


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "a mapping"
    return repr(value)


def _parse_text(path: str, text: str) -> Any:
    """Parse manifest text as JSON (for ``.json``) or YAML; raises ValueError with a clear message."""
    if path.lower().endswith(".json"):
        try:
            return json.loads(text)
        except json.JSONDecodeError as err:
            raise ValueError(f"JSON syntax error at line {err.lineno}, column {err.colno}: {err.msg}") from None
    try:
        return yaml.load(text, Loader=_StringDateLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(err, "problem", None) or str(err)
        raise ValueError(f"YAML syntax error{where}: {problem}") from None


def load_manifest(path: str | Path) -> tuple[Manifest, list[InputProblem]]:
    """Read and validate the manifest at ``path``.

    Always returns a :class:`Manifest` (empty when the file is unusable) and the
    problems found, each naming the manifest and, where it applies, the entry.
    """
    shown = str(path)
    manifest = Manifest(shown)
    problems: list[InputProblem] = []

    def report(message: str) -> None:
        problems.append(InputProblem(shown, message))

    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        report(f"cannot read manifest: {err.strerror or err}")
        return manifest, problems
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        report(f"manifest is not valid UTF-8 (byte {err.start})")
        return manifest, problems
    try:
        data = _parse_text(shown, text)
    except ValueError as err:
        report(str(err))
        return manifest, problems
    if not isinstance(data, dict) or "documents" not in data:
        report("a manifest must be a mapping with a 'documents' list")
        return manifest, problems
    for key in data:
        if key != "documents":
            report(f"unknown top-level key {key!r} (only 'documents' is used)")
    documents = data["documents"]
    if not isinstance(documents, list):
        report(f"'documents' must be a list, got {_describe(documents)}")
        return manifest, problems
    folder = Path(path).parent
    for index, item in enumerate(documents, start=1):
        entry = _parse_entry(item, index, folder, report)
        if entry is None:
            continue
        if entry.path in manifest.entries:
            report(f"{entry.label}: the file is already described by {manifest.entries[entry.path].label}; entry ignored")
            continue
        manifest.entries[entry.path] = entry
    return manifest, problems


def _parse_entry(item: object, index: int, folder: Path, report: Report) -> ManifestEntry | None:
    """Validate one entry; report every mistake and return the valid part (None if unusable)."""
    if not isinstance(item, dict):
        report(f"entry {index}: must be a mapping with at least 'file', got {_describe(item)}")
        return None
    name = item.get("file")
    if not isinstance(name, str) or not name.strip():
        report(f"entry {index}: missing 'file' (the document's path relative to the manifest)"
               if name is None else f"entry {index}: 'file' must be a file name, got {_describe(name)}")
        return None
    label = f"entry {index} ({name})"
    target = folder / name
    if not target.is_file():
        report(f"{label}: file not found: {target}")
        return None
    if target.suffix.lower() == ".jsonl":
        report(f"{label}: JSON-lines files cannot be described in a manifest "
               "(each line carries its own metadata); entry ignored")
        return None
    entry = ManifestEntry(file=name, path=target.resolve(), label=label)
    for key in item:
        if key not in _ENTRY_KEYS:
            report(f"{label}: unknown key {key!r} (expected one of {', '.join(_ENTRY_KEYS)})")
    if item.get("published") is not None:
        try:
            entry.published = parse_date(item["published"])
        except ValueError:
            report(f"{label}: 'published' is not a date: {_describe(item['published'])}")
    for key in ("source", "url", "title"):
        value = item.get(key)
        if value is None:
            continue
        if isinstance(value, str) and value.strip():
            setattr(entry, key, value.strip())
        else:
            report(f"{label}: {key!r} must be a non-empty string, got {_describe(value)} (quote it)")
    segments = item.get("segments")
    if segments is not None:
        if isinstance(segments, list):
            for seg_index, segment in enumerate(segments, start=1):
                hint = _parse_segment(segment, f"{label}, segment {seg_index}", report)
                if hint is not None:
                    entry.segments.append(hint)
        else:
            report(f"{label}: 'segments' must be a list, got {_describe(segments)}")
    return entry


def _parse_segment(item: object, label: str, report: Report) -> SegmentHint | None:
    """Validate one segment hint; report mistakes and return it, or None when unusable."""
    if not isinstance(item, dict):
        report(f"{label}: must be a mapping with 'starts_with', got {_describe(item)}")
        return None
    for key in item:
        if key not in _SEGMENT_KEYS:
            report(f"{label}: unknown key {key!r} (expected one of {', '.join(_SEGMENT_KEYS)})")
    start = item.get("starts_with")
    if not isinstance(start, str) or not start.strip():
        report(f"{label}: 'starts_with' must be the segment's first words, got {_describe(start)}")
        return None
    kind = item.get("kind", "article")
    if kind not in SEGMENT_KINDS:
        report(f"{label}: unknown kind {_describe(kind)} (expected article or boilerplate); segment ignored")
        return None
    published: dt.date | None = None
    if item.get("published") is not None:
        try:
            published = parse_date(item["published"])
        except ValueError:
            report(f"{label}: 'published' is not a date: {_describe(item['published'])}; segment kept without a date")
    return (start, published, kind)

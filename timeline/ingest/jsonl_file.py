"""Reader for JSON-lines collections (``.jsonl``): one article per line.

Each line is an object with ``text`` (required) and optionally ``id``,
``title``, ``url``, ``published`` (a date or date-time) and ``source``; other
keys are ignored.  Blank lines are skipped.  A bad line becomes a problem naming
the file and line, and the other lines are still read.

The file is read line by line, never whole, so a collection of any size
streams through in bounded memory; the size limit applies to each line (one
article), not to the file.
"""
from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path

from timeline.ingest.dates import parse_date
from timeline.ingest.problems import IngestError, InputProblem
from timeline.model import Document


def _describe(value: object) -> str:
    return "null" if value is None else type(value).__name__ if isinstance(value, (list, dict, bool)) else repr(value)


def _lines(path: str, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, raw line)``; ``None`` for a line longer than ``max_bytes`` (its rest is skipped)."""
    with open(path, "rb") as handle:
        number = 0
        while True:
            raw = handle.readline(max_bytes + 1)
            if not raw:
                return
            number += 1
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):
                    raw = handle.readline(1 << 20)
                yield number, None
                continue
            yield number, raw.rstrip(b"\r\n")


def iter_jsonl_file(path: str, max_bytes: int) -> Iterator[tuple[int, Document | InputProblem]]:
    """Each line of ``path`` in turn: ``(line number, Document)`` or ``(line number, problem)``.

    Document ids are the line's ``id``, else ``<file stem>-<line number>``.
    Raises :class:`~timeline.ingest.problems.IngestError` only when the whole
    file is unusable (empty).
    """
    stem = Path(path).stem
    blank = True
    for number, raw in _lines(path, max_bytes):
        def problem(message: str, line: int = number) -> tuple[int, InputProblem]:
            return line, InputProblem(path, f"line {line}: {message}")

        if raw is None:
            blank = False
            yield problem(f"too large: more than {max_bytes} bytes (limit {max_bytes}); line skipped")
            continue
        if not raw.strip():
            continue
        blank = False
        item = _document(path, stem, number, raw)
        if isinstance(item, str):
            yield problem(item)
            continue
        document, notes = item
        for message in notes:
            yield problem(message)
        yield number, document
    if blank:
        raise IngestError("empty file")


def _document(path: str, stem: str, number: int, raw: bytes) -> tuple[Document, list[str]] | str:
    """The document of one line and notes on fields it ignored; or what is wrong with the line."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return f"not valid UTF-8 (invalid byte 0x{raw[err.start]:02x} at column {err.start + 1})"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return f"invalid JSON: {err.msg} (column {err.colno})"
    if not isinstance(record, dict):
        return f"expected a JSON object, got {type(record).__name__}"
    text = record.get("text")
    if text is not None and not isinstance(text, str):
        return f"'text' must be a string, got {_describe(text)}"
    if text is None or not text.strip():
        return "no text ('text' is missing or empty)"
    doc_id = record.get("id")
    if doc_id is None or doc_id == "":
        doc_id = f"{stem}-{number}"
    elif isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    elif not isinstance(doc_id, str):
        return f"'id' must be a string or integer, got {_describe(doc_id)}"
    document = Document(id=doc_id, path=path, text=text)
    notes: list[str] = []
    for key in ("title", "url", "source"):
        value = record.get(key)
        if value is None:
            continue
        if isinstance(value, str):
            setattr(document, key, value.strip() or None)
        else:
            notes.append(f"'{key}' must be a string, got {_describe(value)}; ignored")
    if record.get("published") not in (None, ""):
        try:
            document.published = parse_date(record["published"])
            document.published_source = "metadata"
        except ValueError:
            notes.append(f"'published' is not a date: {_describe(record['published'])}; document kept without a date")
    return document, notes

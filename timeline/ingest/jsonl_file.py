"""Reader for JSON-lines collections (``.jsonl``): one article per line.

Each line is an object with ``text`` (required) and optionally ``id``,
``title``, ``url``, ``published`` (a date or date-time) and ``source``; other
keys are ignored.  Blank lines are skipped.  A bad line becomes a problem naming
the file and line, and the other lines are still read.
"""
from __future__ import annotations

import codecs
import json
from pathlib import Path

from timeline.ingest.dates import parse_date
from timeline.ingest.decoding import read_limited
from timeline.ingest.problems import InputProblem
from timeline.model import Document


def _describe(value: object) -> str:
    return "null" if value is None else type(value).__name__ if isinstance(value, (list, dict, bool)) else repr(value)


def read_jsonl_file(path: str, max_bytes: int) -> tuple[list[tuple[int, Document]], list[InputProblem]]:
    """Load every good line of ``path``; returns ``(line number, Document)`` pairs and problems.

    Document ids are the line's ``id``, else ``<file stem>-<line number>``.
    Raises :class:`~timeline.ingest.problems.IngestError` only when the whole
    file is unusable (too large).
    """
    data = read_limited(path, max_bytes)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    documents: list[tuple[int, Document]] = []
    problems: list[InputProblem] = []
    stem = Path(path).stem
    blank = True
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        blank = False

        def report(message: str, line: int = number) -> None:
            problems.append(InputProblem(path, f"line {line}: {message}"))

        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            report(f"not valid UTF-8 (invalid byte 0x{raw[err.start]:02x} at column {err.start + 1})")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            report(f"invalid JSON: {err.msg} (column {err.colno})")
            continue
        if not isinstance(record, dict):
            report(f"expected a JSON object, got {type(record).__name__}")
            continue
        text = record.get("text")
        if text is not None and not isinstance(text, str):
            report(f"'text' must be a string, got {_describe(text)}")
            continue
        if text is None or not text.strip():
            report("no text ('text' is missing or empty)")
            continue
        doc_id = record.get("id")
        if doc_id is None or doc_id == "":
            doc_id = f"{stem}-{number}"
        elif isinstance(doc_id, int) and not isinstance(doc_id, bool):
            doc_id = str(doc_id)
        elif not isinstance(doc_id, str):
            report(f"'id' must be a string or integer, got {_describe(doc_id)}")
            continue
        document = Document(id=doc_id, path=path, text=text)
        for key in ("title", "url", "source"):
            value = record.get(key)
            if value is None:
                continue
            if isinstance(value, str):
                setattr(document, key, value.strip() or None)
            else:
                report(f"'{key}' must be a string, got {_describe(value)}; ignored")
        if record.get("published") not in (None, ""):
            try:
                document.published = parse_date(record["published"])
                document.published_source = "metadata"
            except ValueError:
                report(f"'published' is not a date: {_describe(record['published'])}; document kept without a date")
        documents.append((number, document))
    if blank:
        problems.append(InputProblem(path, "empty file"))
    return documents, problems

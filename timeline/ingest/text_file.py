"""Reader for plain-text articles (``.txt``)."""
from __future__ import annotations

from pathlib import Path

from timeline.ingest.decoding import decode_bytes, read_limited
from timeline.model import Document


def read_text_file(path: str, max_bytes: int) -> Document:
    """Load one ``.txt`` file as a :class:`Document` whose id is the file stem.

    The text is exactly the decoded content (only a byte-order mark is dropped).
    Raises :class:`~timeline.ingest.problems.IngestError` when the file is empty,
    binary, too large or undecodable.
    """
    decoded = decode_bytes(read_limited(path, max_bytes))
    return Document(id=Path(path).stem, path=path, text=decoded.text, warnings=list(decoded.warnings))

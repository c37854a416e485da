"""What ingestion hands back: the documents it loaded and the problems it met."""
from __future__ import annotations

from dataclasses import dataclass, field

from timeline.model import Document


@dataclass(frozen=True)
class InputProblem:
    """One input that could not be used (or used only in part).

    ``path`` is the file concerned (a document or a manifest); ``message`` says
    what is wrong, naming the line or manifest entry when there is one.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class LoadResult:
    """The outcome of :func:`timeline.ingest.load_documents`.

    ``documents`` are sorted by path, then line (JSON-lines files); ``problems``
    are in the order they were met, which is just as deterministic.
    """

    documents: list[Document] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)


class IngestError(Exception):
    """Raised by a reader when a whole file cannot be used; the text is the problem's message."""

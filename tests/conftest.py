"""Session fixtures shared by the test areas."""
from __future__ import annotations

from pathlib import Path

import pytest

from timeline.ingest import load_documents
from timeline.model import Document
from timeline.segment import segment_document

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def seed_docs() -> dict[str, Document]:
    """The five seed pages, loaded with their manifest and segmented."""
    result = load_documents([ROOT / "seeds"])
    assert not result.problems, result.problems
    return {d.id: segment_document(d) for d in result.documents}

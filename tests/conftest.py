"""Session fixtures shared by the test areas."""
from __future__ import annotations

from pathlib import Path

import pytest

from timeline.ingest import load_documents
from timeline.model import Document
from timeline.segment import segment_document

ROOT = Path(__file__).resolve().parents[1]
#: The seeds with the gold publication dates: a regression fixture for builds with dates given.
DATED_MANIFEST = ROOT / "tests" / "fixtures" / "seeds_dated_manifest.yaml"


@pytest.fixture(scope="session")
def seed_docs() -> dict[str, Document]:
    """The five seed pages, loaded with the gold-dated manifest and segmented."""
    result = load_documents([ROOT / "seeds"], manifest=DATED_MANIFEST)
    assert not result.problems, result.problems
    return {d.id: segment_document(d) for d in result.documents}

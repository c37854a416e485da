"""The seed articles load with the dates and segment hints of the gold-dated fixture manifest,
and with only their outlets from seeds/manifest.yaml (the files carry no dates)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from timeline.ingest import load_documents

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
DATED = Path(__file__).resolve().parents[1] / "fixtures" / "seeds_dated_manifest.yaml"
D = dt.date

EXPECTED = {
    "000_ff5001cb7666ffa7": (D(2025, 9, 4), None, [("يتقدم الجيش الإسرائيلي", D(2025, 9, 4))]),
    "001_6724cf45f2961a51": (D(2024, 5, 23), "RT Arabic", [
        ("صرح رئيس أركان الجيش الإسرائيلي", D(2024, 5, 23)),
        ("جيش الاحتلال يُقر علنًا بفشله", D(2024, 6, 16)),
    ]),
    "002_7417a749f6004c71": (D(2025, 8, 10), "Masdar News", [("ضغوط دولية مكثفة", D(2025, 8, 10))]),
    "003_d1d1677df4aa200f": (D(2025, 3, 5), "Alhurra", [
        ("أكد البيت الأبيض، الأربعاء", D(2025, 3, 5)),
        ("حماس ترفض مناقشة المبادرة", D(2025, 3, 3)),
        ("نتانياهو ألقى كلمة في أعقاب عملية غزة", D(2025, 3, 18)),
    ]),
    "004_0829dcff4ef9e01e": (D(2024, 5, 25), "Alhurra", [
        ('نقل موقع "أكسيوس"', D(2024, 5, 25)),
        ("كيربي أكد إن من الصعب", D(2024, 6, 20)),
    ]),
}


def test_seeds_load_with_the_dated_fixture_manifest():
    for result in (load_documents([SEEDS], manifest=DATED), load_documents([SEEDS / "001_6724cf45f2961a51.txt",
                                                                          SEEDS], manifest=DATED)):
        assert result.problems == []
        assert [d.id for d in result.documents] == sorted(EXPECTED)
        for doc in result.documents:
            published, source, hints = EXPECTED[doc.id]
            assert doc.published == published and doc.published_source == "manifest"
            assert doc.source == source
            assert doc.segment_hints == [(start, date, "article") for start, date in hints]
            assert all(start in doc.text for start, _ in hints)
            assert doc.text == Path(doc.path).read_text(encoding="utf-8")
            assert doc.warnings == []


def test_seed_manifest_gives_no_dates_only_outlets():
    result = load_documents([SEEDS])
    assert result.problems == []
    for doc in result.documents:
        assert doc.published is None and doc.published_source is None
        assert doc.segment_hints == []
        assert doc.source == EXPECTED[doc.id][1]

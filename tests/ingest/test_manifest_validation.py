"""Manifests: what a good one fills in, and how each mistake is reported."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from timeline.ingest import load_documents

FIRST = "يتقدم الجيش الإسرائيلي نحو مدينة غزة."
SECOND = "المصدر: وكالات\nأعلن البيت الأبيض أن المحادثات مستمرة."
TEXT = f"{FIRST}\n\n{SECOND}\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    return tmp_path


def _load(folder: Path, manifest: str, name: str = "manifest.yaml"):
    (folder / name).write_text(manifest, encoding="utf-8")
    result = load_documents([folder])
    return {d.id: d for d in result.documents}, [str(p) for p in result.problems]


def test_good_manifest_fills_every_field(folder):
    docs, problems = _load(folder, """\
documents:
  - file: a.txt
    published: 2025-09-04
    source: RT Arabic
    url: https://example.com/a
    title: عنوان
    segments:
      - starts_with: "يتقدم الجيش"
        published: 2025-09-04
      - starts_with: "المصدر: وكالات"
        published: null
        kind: boilerplate
      - starts_with: "أعلن  البيت\\nالأبيض"
        published: "2025-09-03"
""")
    assert problems == []
    a = docs["a"]
    assert (a.published, a.published_source) == (dt.date(2025, 9, 4), "manifest")
    assert (a.source, a.url, a.title) == ("RT Arabic", "https://example.com/a", "عنوان")
    assert a.segment_hints == [
        ("يتقدم الجيش", dt.date(2025, 9, 4), "article"),
        ("المصدر: وكالات", None, "boilerplate"),
        ("أعلن البيت الأبيض", dt.date(2025, 9, 3), "article"),  # whitespace matched to the text
    ]
    assert docs["b"].published is None and docs["b"].segment_hints == []
    assert a.text == TEXT


def test_json_manifest_and_explicit_manifest_argument(folder, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("meta") / "dates.json"
    entries = [{"file": str(folder / "b.txt"), "published": "2024-05-23T10:00:00Z"}]
    elsewhere.write_text(json.dumps({"documents": entries}), encoding="utf-8")
    (folder / "manifest.yaml").write_text("documents:\n  - file: a.txt\n    published: 2020-01-01\n", encoding="utf-8")
    result = load_documents([folder], manifest=elsewhere)
    docs = {d.id: d for d in result.documents}
    assert result.problems == []
    assert docs["b"].published == dt.date(2024, 5, 23)
    assert docs["a"].published is None  # the folder's manifest is not used when one is given


def test_yaml_syntax_error_names_the_line_and_documents_still_load(folder):
    docs, problems = _load(folder, "documents:\n  - file: a.txt\n    published: [2024\n")
    assert sorted(docs) == ["a", "b", "c"]
    assert len(problems) == 1
    assert problems[0].startswith(f"{folder / 'manifest.yaml'}: YAML syntax error at line ")


def test_json_syntax_error(folder):
    docs, problems = _load(folder, '{"documents": [', name="manifest.json")
    assert sorted(docs) == ["a", "b", "c"]
    assert problems == [f"{folder / 'manifest.json'}: JSON syntax error at line 1, column 16: Expecting value"]


def test_bad_date_is_reported_and_the_rest_of_the_entry_used(folder):
    docs, problems = _load(folder, """\
documents:
  - file: a.txt
    published: 2024-05-23
  - file: b.txt
    published: 2024-13-45
    source: Alhurra
""")
    assert problems == [f"{folder / 'manifest.yaml'}: entry 2 (b.txt): 'published' is not a date: '2024-13-45'"]
    assert docs["a"].published == dt.date(2024, 5, 23)
    assert docs["b"].published is None and docs["b"].source == "Alhurra"


def test_entry_for_a_missing_file(folder):
    docs, problems = _load(folder, """\
documents:
  - file: gone.txt
    published: 2024-05-23
  - file: a.txt
    published: 2024-05-24
""")
    assert problems == [f"{folder / 'manifest.yaml'}: entry 1 (gone.txt): file not found: {folder / 'gone.txt'}"]
    assert docs["a"].published == dt.date(2024, 5, 24)


@pytest.mark.parametrize(
    ("manifest", "expected"),
    [
        ("documents: a.txt\n", "'documents' must be a list, got 'a.txt'"),
        ("- file: a.txt\n", "a manifest must be a mapping with a 'documents' list"),
        ("documents:\n  - a.txt\n", "entry 1: must be a mapping with at least 'file', got 'a.txt'"),
        ("documents:\n  - published: 2024-05-23\n", "entry 1: missing 'file'"),
        ("documents:\n  - file: a.txt\n    publshed: 2024-05-23\n", "entry 1 (a.txt): unknown key 'publshed'"),
        ("documents:\n  - file: a.txt\n    title: yes\n", "entry 1 (a.txt): 'title' must be a non-empty string, got boolean true"),
        ("documents:\n  - file: a.txt\n    segments: x\n", "entry 1 (a.txt): 'segments' must be a list"),
        ("documents:\n  - file: a.txt\n    segments:\n      - starts_with: يتقدم\n        kind: caption\n",
         "entry 1 (a.txt), segment 1: unknown kind 'caption' (expected article or boilerplate)"),
        ("documents:\n  - file: a.txt\n    segments:\n      - starts_with: لا يوجد هذا\n",
         "entry 1 (a.txt): segment starting 'لا يوجد هذا' not found in the text"),
        ("documents:\n  - file: a.txt\n  - file: ./a.txt\n", "entry 2 (./a.txt): the file is already described by entry 1 (a.txt)"),
    ],
)
def test_each_mistake_is_named(folder, manifest, expected):
    docs, problems = _load(folder, manifest)
    assert sorted(docs) == ["a", "b", "c"]
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{folder / 'manifest.yaml'}: {expected}")


def test_bad_segment_does_not_spoil_the_entry(folder):
    docs, problems = _load(folder, """\
documents:
  - file: a.txt
    published: 2025-09-04
    segments:
      - starts_with: "يتقدم الجيش"
        kind: other
      - starts_with: "المصدر: وكالات"
        published: yesterday
        kind: boilerplate
""")
    assert len(problems) == 2
    assert docs["a"].published == dt.date(2025, 9, 4)
    assert docs["a"].segment_hints == [("المصدر: وكالات", None, "boilerplate")]


def test_missing_explicit_manifest(folder):
    result = load_documents([folder], manifest=folder / "nope.yaml")
    assert len(result.documents) == 3
    assert [p.path for p in result.problems] == [str(folder / "nope.yaml")]

"""Per-document work gives the same build wherever it runs: here, in processes, from the cache, on Dask."""
from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path

import pytest

from benchmarks.articles import synthetic_articles, write_jsonl
from timeline.api import build as build_timeline
from timeline.events import merge
from timeline.export import export_dict
from timeline.model import Document
from timeline.pipeline import Execution, build, process_document
from timeline.pipeline.cache import ResultCache, document_key

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def _export(result) -> str:
    return json.dumps(export_dict(result.documents, result.timexes, result.events, result.problems),
                      ensure_ascii=False, indent=1)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200 synthetic articles made from real sentences, some undated (the batch dates them)."""
    rows = synthetic_articles(200, seed=11)
    for r in rows[::7]:
        r.pop("published")
    return write_jsonl(rows, tmp_path_factory.mktemp("corpus") / "articles.jsonl")


@pytest.fixture(scope="module")
def serial(corpus: Path) -> str:
    return _export(build([corpus]))


def test_process_document_result_pickles_and_keeps_what_the_batch_needs() -> None:
    doc = Document(id="d", path="d.txt", text="التقى وفد من حماس مسؤولين مصريين في القاهرة أمس الأحد.")
    result = pickle.loads(pickle.dumps(process_document(doc)))
    assert result.ok and result.doc.segments and result.mentions
    assert result.extracted is not None  # undated: the batch may date it and resolve again
    dated = process_document(Document(id="e", path="e.txt", text=doc.text, published=dt.date(2024, 5, 6),
                                      published_source="manifest"))
    assert dated.extracted is None  # dated for certain: nothing left to redo


def test_a_document_that_fails_is_reported_and_the_rest_build(monkeypatch: pytest.MonkeyPatch) -> None:
    import timeline.pipeline.document as document

    def boom(doc, lang):
        if doc.id == "bad":
            raise ValueError("no")
    monkeypatch.setattr(document, "segment_document", boom)
    result = process_document(Document(id="bad", path="bad.txt", text="نص"))
    assert not result.ok and "bad.txt: could not be processed" in str(result.problems[0])


def test_two_worker_processes_give_the_same_bytes(corpus: Path, serial: str) -> None:
    assert _export(build([corpus], execution=Execution(workers=2))) == serial


def test_cache_is_reused_and_gives_the_same_bytes(corpus: Path, serial: str, tmp_path: Path) -> None:
    first = _export(build([corpus], execution=Execution(cache=tmp_path / "cache")))
    stored = list((tmp_path / "cache").rglob("*.pickle"))
    assert first == serial and len(stored) == 200
    again = _export(build([corpus], execution=Execution(workers=2, cache=tmp_path / "cache")))
    assert again == serial
    assert sorted((tmp_path / "cache").rglob("*.pickle")) == sorted(stored)  # nothing new was computed


def test_cache_entry_depends_on_text_metadata_and_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    import timeline.pipeline.cache as cache

    base = Document(id="a", path="a.txt", text="نص الخبر")
    key = document_key(base, "ar")
    assert document_key(Document(id="a", path="a.txt", text="نص الخبر"), "ar") == key
    assert document_key(Document(id="a", path="a.txt", text="نص آخر"), "ar") != key
    assert document_key(Document(id="a", path="a.txt", text="نص الخبر", published=dt.date(2024, 1, 2),
                                 published_source="manifest"), "ar") != key
    monkeypatch.setattr(cache, "pipeline_version", lambda: "another version")
    assert document_key(base, "ar") != key


def test_a_damaged_cache_entry_is_a_miss(tmp_path: Path) -> None:
    store = ResultCache(tmp_path)
    doc = Document(id="a", path="a.txt", text="التقى الوزيران في الدوحة اليوم.")
    key = document_key(doc, "ar")
    store.put(key, process_document(doc))
    assert store.get(key) is not None
    path = next(tmp_path.rglob("*.pickle"))
    path.write_bytes(b"not a pickle")
    assert store.get(key) is None


def test_adding_one_article_processes_only_that_one(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    grown = tmp_path / corpus.name  # a document's path is part of its key (its warnings name it)
    grown.write_text(corpus.read_text(encoding="utf-8"), encoding="utf-8")
    build([grown], execution=Execution(cache=cache))
    before = set(cache.rglob("*.pickle"))
    assert len(before) == 200
    with grown.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "new", "published": "2024-05-06",
                                 "text": "التقى وزير الخارجية المصري نظيره القطري اليوم."}, ensure_ascii=False) + "\n")
    build([grown], execution=Execution(cache=cache))
    assert len(set(cache.rglob("*.pickle")) - before) == 1


def test_dask_local_cluster_with_two_workers_gives_the_same_bytes(corpus: Path, serial: str) -> None:
    pytest.importorskip("distributed")
    assert _export(build([corpus], execution=Execution(workers=2, dask="local"))) == serial
    seeds_local = _export(build([SEEDS]))
    assert _export(build([SEEDS], execution=Execution(workers=2, dask="local"))) == seeds_local


def test_merge_index_finds_what_a_scan_of_every_cluster_finds(corpus: Path, serial: str,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The merger looks up the clusters a mention may join by key; scanning all of them must agree."""
    def every(self, *args):
        return sorted(({id(c): c for group in self.by_key.values() for c in group.values()}).values(),
                      key=lambda c: self.order[id(c)])

    def telling(self, doc_id):
        return [c for c in every(self) if any(m.doc.id == doc_id for m, _ in c.mentions)]
    monkeypatch.setattr(merge._Index, "could_join", every)
    monkeypatch.setattr(merge._Index, "telling", telling)
    assert _export(build([corpus])) == serial


def test_the_api_takes_the_same_execution_options(tmp_path: Path) -> None:
    tl = build_timeline(SEEDS, workers=2, cache=tmp_path / "c")
    assert len(tl) == len(build_timeline(SEEDS))
    with pytest.raises(ValueError, match="workers must be at least 1"):
        build_timeline(SEEDS, workers=0)

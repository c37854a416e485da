"""Articles date one another: a chain of three, each dated by the one before."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from timeline.pipeline import build

RECORDS = [
    {"id": "a", "published": "2024-01-14",
     "text": "الدوحة - التقى وزير الخارجية الأمريكي أنتوني بلينكن رئيس الوزراء القطري محمد بن عبد الرحمن آل ثاني "
             "اليوم الأحد في الدوحة لبحث صفقة تبادل الأسرى."},
    {"id": "b",
     "text": "التقى وزير الخارجية الأمريكي أنتوني بلينكن رئيس الوزراء القطري محمد بن عبد الرحمن آل ثاني أمس الأحد "
             "في الدوحة.\nوأجرى بلينكن اتصالا هاتفيا مع وزير الخارجية المصري سامح شكري اليوم الاثنين بحثا خلاله "
             "جهود التهدئة."},
    {"id": "c",
     "text": "أجرى وزير الخارجية المصري سامح شكري اتصالا هاتفيا مع نظيره الأمريكي أنتوني بلينكن أمس الاثنين بحثا "
             "خلاله جهود التهدئة في غزة."},
]


def _build(tmp_path: Path, records: list[dict]):
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return {d.id.split(":")[-1]: d for d in build([path]).documents}


def test_chain_of_three_articles_dates_one_another(tmp_path: Path) -> None:
    docs = _build(tmp_path, RECORDS)
    segs = {k: next(s for s in d.segments if s.kind == "article") for k, d in docs.items()}
    assert segs["a"].dct == dt.date(2024, 1, 14) and segs["a"].dct_source == "metadata"
    assert segs["b"].dct == dt.date(2024, 1, 15) and segs["b"].dct_source == "batch"
    assert segs["c"].dct == dt.date(2024, 1, 16) and segs["c"].dct_source == "batch"
    assert all(s.dct_interval is not None and s.dct_interval.days == 1 for s in segs.values())
    assert any(c.kind == "batch" for c in segs["c"].dct_evidence)


def _wide(seg) -> bool:
    """Dated at most by its own content (the tenures of the ministers it names): no batch pin."""
    return seg.dct_source != "batch" and (seg.dct_interval is None or seg.dct_interval.days > 7)


def test_without_the_dated_article_nothing_is_pinned(tmp_path: Path) -> None:
    docs = _build(tmp_path, RECORDS[1:])
    assert all(_wide(s) for d in docs.values() for s in d.segments if s.kind == "article")


def test_other_actors_do_not_date(tmp_path: Path) -> None:
    other = dict(RECORDS[2], text=RECORDS[2]["text"].replace("سامح شكري", "بدر عبد العاطي"))
    docs = _build(tmp_path, [RECORDS[0], other])
    assert _wide(next(s for s in docs["c"].segments if s.kind == "article"))


def test_talks_in_another_place_do_not_date(tmp_path: Path) -> None:
    """The same parties meet again and again: a round in Cairo does not date a round in Doha."""
    other = {"id": "d", "text": RECORDS[1]["text"].split("\n")[0].replace("في الدوحة", "في القاهرة")}
    docs = _build(tmp_path, [RECORDS[0], other])
    assert _wide(next(s for s in docs["d"].segments if s.kind == "article"))


def test_statements_do_not_date(tmp_path: Path) -> None:
    """A speaker talks every day: "قال بلينكن اليوم" in two articles is no shared day."""
    dated = {"id": "e", "published": "2024-01-14",
             "text": "قال وزير الخارجية الأمريكي أنتوني بلينكن اليوم الأحد إن المحادثات مستمرة."}
    undated = {"id": "f", "text": "قال وزير الخارجية الأمريكي أنتوني بلينكن اليوم الأحد إن الاتفاق ممكن."}
    docs = _build(tmp_path, [dated, undated])
    assert _wide(next(s for s in docs["f"].segments if s.kind == "article"))


JEDDAH = [
    {"id": "may", "published": "2023-05-06",  # a Saturday: the first round
     "text": "جدة - بدأت اليوم السبت في مدينة جدة المحادثات بين ممثلين عن الجيش السوداني وقوات الدعم السريع."},
    {"id": "oct", "published": "2023-10-29",  # a Sunday: the round resumed
     "text": "جدة - بدأت اليوم الأحد في مدينة جدة المحادثات بين ممثلين عن الجيش السوداني وقوات الدعم السريع."},
    {"id": "new",
     "text": "انطلقت اليوم الأحد في مدينة جدة المحادثات بين ممثلين عن الجيش السوداني وقوات الدعم السريع بوساطة سعودية."},
]


def test_an_anchor_the_mentions_own_weekday_rules_out_does_not_cancel_the_right_one(tmp_path: Path) -> None:
    """Two rounds in Jeddah: "اليوم الأحد" cannot be the Saturday's round, so the Sunday's dates the article."""
    docs = _build(tmp_path, JEDDAH)
    seg = next(s for s in docs["new"].segments if s.kind == "article")
    assert seg.dct == dt.date(2023, 10, 29) and seg.dct_source == "batch"


def test_anchors_on_days_the_mention_allows_alike_cancel_out(tmp_path: Path) -> None:
    both = [dict(JEDDAH[0], published="2023-05-07", text=JEDDAH[0]["text"].replace("السبت", "الأحد")), JEDDAH[1], JEDDAH[2]]
    docs = _build(tmp_path, both)
    assert _wide(next(s for s in docs["new"].segments if s.kind == "article"))

"""Composite pages: articles with their own dates, captions, headline lists, tags, sources."""
from __future__ import annotations

import datetime as dt

from timeline.model import Document
from timeline.segment import segment_document

BODY = ("أعلن الجيش الإسرائيلي في بيان أنه سينفذ توقفا تكتيكيا للأنشطة العسكرية في مناطق بقطاع غزة "
        "للسماح بتدفق المزيد من المساعدات بعد أن حذرت منظمات الإغاثة الدولية من أزمة إنسانية.")


def _labels(doc: Document) -> list[tuple[str, str, str | None]]:
    return [(s.label, doc.text[s.start:s.end].strip()[:12], s.dct.isoformat() if s.dct else None)
            for s in doc.segments]


def test_segments_cover_the_text_without_gaps() -> None:
    text = f"عنوان الصورة - رويترز\n\n{BODY}\n\nالمصدر: وكالات\n\nكلمات دلالية: غزة حماس\n"
    doc = segment_document(Document(id="d", path="d.txt", text=text, published=dt.date(2024, 5, 23)))
    assert doc.segments[0].start == 0 and doc.segments[-1].end == len(text)
    for a, b in zip(doc.segments, doc.segments[1:]):
        assert a.end == b.start


def test_duplicated_caption_takes_the_next_articles_date() -> None:
    caption = "لم تثمر مفاوضات جرت في مطلع مايو عن أي اتفاق"
    text = f"{caption}\n{caption}\n\n{BODY}\n"
    doc = Document(id="d", path="d.txt", text=text, published=dt.date(2024, 5, 25),
                   segment_hints=[("أعلن الجيش", dt.date(2024, 5, 25), "article")])
    segment_document(doc)
    first = doc.segments[0]
    assert (first.kind, first.label, first.dct) == ("boilerplate", "caption", dt.date(2024, 5, 25))
    assert first.tag_timexes


def test_related_list_tags_and_source_lines_are_boilerplate() -> None:
    text = (f"{BODY}\n\nالمصدر: RT Arabic\n\nكلمات دلالية: غزة حماس قطر\n\nمقالات مشابهة\n\n"
            "  • رئيسة سويسرا تدعو إلى إطلاق سراح الأسرى\n  • بايدن: لا أتوقع اتفاقا قريبا\n")
    doc = segment_document(Document(id="d", path="d.txt", text=text, published=dt.date(2024, 5, 23)))
    labels = [s.label for s in doc.segments]
    assert labels == ["article", "source-line", "tags", "related"]
    assert not doc.segments[-1].tag_timexes and doc.segments[-1].dct is None


def test_read_also_block_then_a_new_article() -> None:
    text = f"{BODY}\n\nاقرأ أيضاً:\n\nعنوان مقال آخر قصير\n\n{BODY}\n"
    doc = Document(id="d", path="d.txt", text=text, published=dt.date(2024, 5, 23),
                   segment_hints=[("عنوان مقال آخر", dt.date(2024, 6, 16), "article")])
    segment_document(doc)
    assert [(s.kind, s.dct) for s in doc.segments] == [
        ("article", dt.date(2024, 5, 23)), ("boilerplate", None), ("article", dt.date(2024, 6, 16))]


def test_unlisted_article_after_a_related_block_gets_the_page_date() -> None:
    text = f"{BODY}\n\nاقرأ أيضاً:\n\nعنوان مقال آخر قصير\n\n{BODY}\n"
    doc = segment_document(Document(id="d", path="d.txt", text=text, published=dt.date(2024, 5, 23),
                                    published_source="manifest"))
    last = doc.segments[-1]
    assert (last.kind, last.dct, last.dct_source) == ("article", dt.date(2024, 5, 23), "document")


def test_missing_hint_is_reported() -> None:
    doc = Document(id="d", path="d.txt", text=BODY, published=dt.date(2024, 5, 23),
                   segment_hints=[("نص غير موجود", dt.date(2024, 5, 1), "article")])
    segment_document(doc)
    assert any("not found" in w and "d.txt" in w for w in doc.warnings)
    assert doc.segments[0].dct == dt.date(2024, 5, 23)


def test_seed_pages_segment_like_the_gold(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["004_0829dcff4ef9e01e"]
    assert [(s.label, s.dct.isoformat() if s.dct else None) for s in doc.segments] == [
        ("caption", "2024-05-25"), ("article", "2024-05-25"), ("caption", "2024-06-20"),
        ("article", "2024-06-20")]
    doc = seed_docs["001_6724cf45f2961a51"]
    assert [s.label for s in doc.segments] == ["article", "source-line", "tags", "related", "article",
                                                "related"]


def test_headline_and_stamp_under_a_bullet_list_open_the_article() -> None:
    text = ("- الاحتلال يغتال عضوا في المكتب السياسي\n- وزير الخارجية يلتقي نظيره التركي\n"
            "سوريا.. الإعلان عن اتفاق لدمج القوات\nعربي| 10 مارس, 2025 - 6:54 م\n\n" + BODY + "\n")
    doc = segment_document(Document(id="d", path="d.txt", text=text))
    kinds = [(s.kind, text[s.start:s.end].split("\n")[0]) for s in doc.segments]
    assert kinds[0][0] == "boilerplate" and kinds[1] == ("article", "سوريا.. الإعلان عن اتفاق لدمج القوات")


def test_a_lone_stamp_line_without_headline_still_belongs_to_the_article() -> None:
    text = "- خبر أول قصير\n- خبر ثان قصير\n10 مارس 2025 - 6:54 م\n\n" + BODY + "\n"
    doc = segment_document(Document(id="d", path="d.txt", text=text))
    art = [s for s in doc.segments if s.kind == "article"][0]
    assert text[art.start:art.end].startswith("10 مارس 2025")

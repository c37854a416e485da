"""The tagger on whole documents: segment dates, skipped headline lists, offsets."""
from __future__ import annotations

import datetime as dt

from timeline.model import Document
from timeline.segment import segment_document
from timeline.temporal import get_tagger, tag_text


def test_offsets_point_into_the_original_text() -> None:
    text = "وقال المتحدث،\u00a0 يومَ الأربعاءِ، إن الوفد سيصل غدًا."
    for tx in tag_text(text, dt.date(2024, 5, 23)):
        assert text[tx.start:tx.end] == tx.text
    values = [tx.value for tx in tag_text(text, dt.date(2024, 5, 23))]
    assert values == ["2024-05-22", "2024-05-24"]


def test_each_segment_resolves_against_its_own_date() -> None:
    text = ("قال المتحدث الأربعاء إن المحادثات مستمرة.\n\nاقرأ أيضاً:\n\n"
            "أعلن الجيش اليوم الأحد عن هدنة تكتيكية في جنوب القطاع للسماح بدخول المساعدات الإنسانية "
            "بعد أن حذرت منظمات الإغاثة الدولية من تفاقم الأزمة الإنسانية في المنطقة.")
    doc = Document(id="d", path="d.txt", text=text, published=dt.date(2024, 5, 23),
                   published_source="manifest",
                   segment_hints=[("قال المتحدث", dt.date(2024, 5, 23), "article"),
                                  ("أعلن الجيش", dt.date(2024, 6, 16), "article")])
    segment_document(doc)
    values = {tx.text: tx.value for tx in get_tagger().tag_document(doc)}
    assert values == {"الأربعاء": "2024-05-22", "اليوم الأحد": "2024-06-16"}


def test_related_headline_lists_are_not_tagged() -> None:
    text = ("قال المتحدث الأربعاء إن المحادثات مستمرة.\n\nمقالات مشابهة\n\n"
            "  • بايدن: لا أتوقع اتفاقا قريبا\n  • منذ طوفان الأقصى حتى الآن.. كيف تطورت المفاوضات؟\n")
    doc = Document(id="d", path="d.txt", text=text, published=dt.date(2024, 5, 23))
    segment_document(doc)
    assert [tx.text for tx in get_tagger().tag_document(doc)] == ["الأربعاء"]


def test_weekday_that_contradicts_the_date_is_reported() -> None:
    doc = Document(id="d", path="d.txt", text="قال الجيش اليوم الخميس إن العملية مستمرة.",
                   published=dt.date(2024, 5, 22))
    segment_document(doc)
    get_tagger().tag_document(doc)
    assert any("Thursday" in w and "d.txt" in w for w in doc.warnings)


def test_clock_time_takes_the_day_of_its_sentence() -> None:
    text = "أكد مسؤول، الخميس، أن الوزير سيلتقي نظيره الساعة الثالثة بعد الظهر بتوقيت واشنطن."
    found = {tx.type: tx.value for tx in tag_text(text, dt.date(2024, 6, 20))}
    assert found == {"DATE": "2024-06-20", "TIME": "2024-06-20T15:00-04:00"}


def test_clock_time_beside_a_set_stays_undated() -> None:
    text = "يتوقف النشاط الأحد من الساعة 05:00 بتوقيت غرينتش إلى 16:00 بتوقيت غرينتش يوميا."
    values = [tx.value for tx in tag_text(text, dt.date(2024, 6, 16)) if tx.type == "TIME"]
    assert values == ["XXXX-XX-XXT05:00Z", "XXXX-XX-XXT16:00Z"]

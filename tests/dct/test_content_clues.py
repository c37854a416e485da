"""Content clues alone and together: each kind bounds the publication day as it should.

Texts are written for the tests (general Arabic news phrasings); dates are
withheld, so everything comes from the text and the knowledge base.
"""
from __future__ import annotations

import datetime as dt

import pytest

from timeline.dating import get_dater
from timeline.dating.infer import feasible, infer
from timeline.model import DateClue, Document, Segment
from timeline.segment import segment_document
from timeline.temporal import get_tagger

D = dt.date


def date_text(text: str, url: str | None = None, published: D | None = None) -> Document:
    doc = Document(id="t", path="t.txt", text=text, url=url, published=published,
                   published_source="metadata" if published else None)
    segment_document(doc)
    get_dater().date(doc, get_tagger().extract_document(doc))
    return doc


def clues(text: str) -> list[DateClue]:
    doc = date_text(text)
    extracted = get_tagger().extract_document(doc)
    seg = doc.segments[0]
    return get_dater().content.clues(doc, extracted.norm, seg, extracted.found)


@pytest.mark.parametrize("text, weekday", [
    ("قال المتحدث اليوم الخميس إن المحادثات مستمرة", 4),
    ("وصل الوفد إلى القاهرة أمس الأربعاء", 4),
    ("عقد الاجتماع أول أمس الثلاثاء في الدوحة", 4),
    ("يصل المبعوث غدا الجمعة إلى بيروت", 4),
    ("أعلنت الوزارة، اليوم السبت، استئناف المفاوضات", 6),
])
def test_relative_day_with_weekday_gives_the_publication_weekday(text: str, weekday: int) -> None:
    assert [c.weekday for c in clues(text) if c.kind == "weekday"] == [weekday]


def test_past_full_date_is_a_lower_bound_and_a_coming_one_an_upper_bound() -> None:
    cs = clues("وكان الطرفان قد وقعا الاتفاق في 15 مارس 2023 في بكين.")
    assert [(c.kind, c.first) for c in cs if c.kind == "after"] == [("after", D(2023, 3, 15))]
    cs = clues("وسيعقد الاجتماع المقبل في 3 يونيو 2024 في جنيف.")
    assert [(c.kind, c.last) for c in cs if c.kind == "before"] == [("before", D(2024, 6, 3))]


def test_deadline_dates_are_no_lower_bound() -> None:
    assert not [c for c in clues("تمتد الهدنة حتى 30 يونيو 2024 وفق الاتفاق.") if c.kind == "after"]


def test_last_year_with_its_number_gives_the_year() -> None:
    [c] = [c for c in clues("وكانت الجولة الأولى قد عقدت في العام الماضي 2023 في جدة.") if c.kind == "within"]
    assert (c.first, c.last) == (D(2024, 1, 1), D(2024, 12, 31))


def test_current_month_narrows_to_that_month() -> None:
    [c] = [c for c in clues("ومن المنتظر أن تستأنف المحادثات في مارس الجاري.") if c.kind == "within"]
    assert c.month == 3


def test_title_with_its_holder_bounds_by_the_tenure() -> None:
    [c] = [c for c in clues("قال الرئيس الأمريكي جو بايدن إن الاتفاق قريب.") if c.kind == "role"]
    assert c.first == D(2021, 1, 20) and c.last is not None and c.last <= D(2025, 1, 20)


def test_former_title_is_after_the_tenure() -> None:
    [c] = [c for c in clues("قال الرئيس الأمريكي السابق جو بايدن إن الاتفاق كان قريبا.") if c.kind == "role"]
    assert c.last is None and c.first is not None and c.first >= D(2025, 1, 19)


def test_weekday_and_tenure_together_give_an_interval_of_that_weekday() -> None:
    doc = date_text("قال الرئيس الأمريكي جو بايدن اليوم الخميس إن الاتفاق قريب.")
    seg = doc.segments[0]
    assert seg.dct_source == "content" and seg.dct is not None and seg.dct.isoweekday() == 4
    assert seg.dct_interval is not None and seg.dct_interval.first.isoweekday() == 4
    assert seg.dct_interval.last.isoweekday() == 4 and seg.dct_interval.days > 7


def test_weekday_alone_dates_nothing() -> None:
    doc = date_text("قال المتحدث اليوم الخميس إن المحادثات مستمرة.")
    assert doc.segments[0].dct is None and doc.segments[0].dct_interval is None


def test_stamp_beats_content_and_url_when_the_content_agrees_with_it() -> None:
    text = "نشر في: 23 مايو 2024\nقال المتحدث اليوم الخميس إن المحادثات مستمرة في الدوحة منذ أيام طويلة جدا."
    doc = date_text(text, url="https://example.com/news/2024/05/20/talks")
    seg = doc.segments[0]
    assert seg.dct == D(2024, 5, 23) and seg.dct_source == "dateline"
    assert any("disagrees" in w for w in doc.warnings)


def test_url_date_when_nothing_else() -> None:
    doc = date_text("قال المتحدث إن المحادثات مستمرة.", url="https://example.com/2024/05/23/talks.html")
    assert doc.segments[0].dct == D(2024, 5, 23) and doc.segments[0].dct_source == "url"


@pytest.mark.parametrize("url, day", [
    ("https://example.com/2024/05/23/a", D(2024, 5, 23)),
    ("https://example.com/20240523/a", D(2024, 5, 23)),
    ("https://example.com/a?date=23052024", D(2024, 5, 23)),
    ("https://example.com/2024/5/23/a", D(2024, 5, 23)),
    ("https://example.com/news/2024-05-23-talks", D(2024, 5, 23)),
    ("https://example.com/2014-04-04-19-52-20/politics/67573-2025-05-14-08-33-52.html", D(2025, 5, 14)),
    ("https://example.com/arabic/news/27102022030340046", D(2022, 10, 27)),
    ("https://example.com/a/20240523093011", D(2024, 5, 23)),
])
def test_url_forms(url: str, day: D) -> None:
    from timeline.dating.urls import url_clue
    clue = url_clue(url)
    assert clue is not None and clue.day == day


@pytest.mark.parametrize("url", [
    "https://example.com/news/123456789012345",  # a long id whose head is no date
    "https://example.com/news/99999",
    "https://example.com/2024/13/40/a",
])
def test_urls_without_a_date(url: str) -> None:
    from timeline.dating.urls import url_clue
    assert url_clue(url) is None


def test_url_with_year_and_month_only_gives_the_month() -> None:
    from timeline.dating.urls import url_clue
    clue = url_clue("https://example.com/2024/05/talks-resume")
    assert clue is not None and (clue.first, clue.last) == (D(2024, 5, 1), D(2024, 5, 31))


def test_given_date_always_wins_and_contradictions_are_warnings() -> None:
    doc = date_text("نشر في: 23 مايو 2024\nقال المتحدث اليوم الخميس إن المحادثات مستمرة.", published=D(2024, 5, 25))
    seg = doc.segments[0]
    assert seg.dct == D(2024, 5, 25) and seg.dct_source == "metadata"
    warnings = " ".join(doc.warnings)
    assert "contradicts the given date 2024-05-25" in warnings
    assert "اليوم الخميس" in warnings and "23 مايو 2024" in warnings


def test_clues_that_cannot_hold_together_drop_the_weakest() -> None:
    a = DateClue("weekday", "اليوم الخميس", 0, 5, weekday=4)
    b = DateClue("role", "x", 0, 5, first=D(2024, 5, 20), last=D(2024, 5, 22))  # no Thursday in it
    c = DateClue("after", "y", 0, 5, first=D(2024, 5, 1))
    r = infer(None, [], [a, b, c])
    assert r.dct == D(2024, 5, 2) and a in r.evidence and b not in r.evidence
    assert any("set aside" in w for w in r.warnings)


def test_feasible_interval_of_weekday_and_bounds() -> None:
    span = feasible([DateClue("weekday", "", weekday=7), DateClue("after", "", first=D(2024, 6, 8)),
                     DateClue("before", "", last=D(2024, 6, 30))])
    assert span == (D(2024, 6, 9), D(2024, 6, 30))


def test_a_named_operation_told_as_this_week_pins_the_week() -> None:
    found = clues("أعلن الجيش الإسرائيلي هذا الأسبوع بدء عملية عربات جدعون في قطاع غزة.")
    assert any(c.kind == "anchor" and c.first == D(2025, 5, 12) and c.last == D(2025, 5, 18) for c in found)


@pytest.mark.parametrize("text", [
    "قال المتحدث: أطلقنا المرحلة الثانية من عملية عربات جدعون هذا الأسبوع.",
    "أعلن الجيش أمس توسيع عملية عربات جدعون لتشمل مدينة غزة.",
])
def test_a_later_phase_of_a_named_operation_is_only_a_lower_bound(text: str) -> None:
    found = clues(text)
    assert not any(c.kind == "anchor" for c in found)
    assert any(c.kind == "calendar" and c.first == D(2025, 5, 16) for c in found)


def _two_articles(published: D) -> Document:
    """A page of two articles (segments set by hand), the page's date given as metadata."""
    first = "قال المتحدث باسم الخارجية القطرية ماجد الأنصاري إن المحادثات مستمرة في الدوحة منذ أيام."
    second = "قال الرئيس الأمريكي جو بايدن اليوم الخميس إن الاتفاق بين إسرائيل وحماس بات قريبا جدا."
    text = first + "\n\n" + second
    doc = Document(id="t", path="t.txt", text=text, published=published, published_source="metadata")
    b = len(first) + 2
    doc.segments = [Segment(0, len(first), "article", None, article_start=0),
                    Segment(b, len(text), "article", None, article_start=b)]
    get_dater().date(doc, get_tagger().extract_document(doc))
    return doc


def test_a_later_article_takes_the_pages_day_when_its_clues_allow_it() -> None:
    # 23 May 2024 is a Thursday in Biden's term: the second article's clues allow the page's day,
    # so it is that day, not the first Thursday of the tenure
    doc = _two_articles(D(2024, 5, 23))
    second = doc.segments[1]
    assert second.dct == D(2024, 5, 23) and second.dct_source == "page"


def test_a_later_article_whose_clues_rule_out_the_pages_day_keeps_its_own() -> None:
    doc = _two_articles(D(2024, 5, 22))  # a Wednesday: "اليوم الخميس" rules it out
    second = doc.segments[1]
    assert second.dct != D(2024, 5, 22) and second.dct_source == "content"
    assert any("rules out the page's date" in w for w in doc.warnings)

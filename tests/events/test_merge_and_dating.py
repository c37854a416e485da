"""Mentions become one event when they tell the same thing, and each event says how it is dated."""
from __future__ import annotations

import datetime as dt

from timeline.events import events_in_text

DAY = dt.date(2024, 5, 25)  # a Saturday


def test_two_reports_of_one_meeting_merge() -> None:
    text = ("قال موقع أكسيوس إن مدير الموساد دافيد برنياع التقى رئيس الوزراء القطري في باريس أمس الجمعة.\n"
            "وأضاف الموقع أن برنياع التقى رئيس الوزراء القطري في باريس لبحث صفقة الأسرى.")
    events = [e for e in events_in_text(text, DAY) if e.type == "meeting"]
    assert len(events) == 1
    assert len(events[0].mentions) == 2
    assert events[0].date.value == "2024-05-24" and events[0].date.basis == "explicit"


def test_meetings_with_different_principals_on_one_day_stay_apart() -> None:
    text = ("سيلتقي مستشار الأمن القومي الأميركي جيك سوليفان تساحي هنغبي ورون ديرمر الخميس في واشنطن.\n"
            "كما سيلتقي وزير الخارجية الأميركي أنتوني بلينكن هنغبي وديرمر الخميس في مقر الوزارة.")
    events = [e for e in events_in_text(text, dt.date(2024, 6, 20)) if e.type == "meeting"]
    assert len(events) == 2
    assert all(e.planned for e in events)


def test_statements_of_two_people_of_one_government_stay_apart() -> None:
    text = ("قال رئيس الوزراء الإسرائيلي بنيامين نتنياهو الثلاثاء إن الحرب مستمرة.\n"
            "وقال وزير الخارجية الإسرائيلي جدعون ساعر الثلاثاء إن الغارات ستتواصل.")
    events = events_in_text(text, dt.date(2025, 3, 18))
    assert sorted(a.name for e in events for a in e.actors) == ["Benjamin Netanyahu", "Gideon Sa'ar"]


def test_event_without_a_date_in_its_clause_is_dated_by_the_article_and_says_so() -> None:
    events = events_in_text("التقى نتنياهو مع ويتكوف في القدس لبحث صفقة الأسرى.", dt.date(2025, 8, 10))
    assert events and events[0].date.basis == "document-date" and events[0].date.value == "2025-08-10"


def test_reported_clause_date_does_not_date_the_reported_event() -> None:
    text = "قال مسؤول إسرائيلي، السبت، إن مدير الموساد ناقش مع رئيس الوزراء القطري إمكانية استئناف المفاوضات."
    events = events_in_text(text, DAY)
    assert events and all(e.date.value != "2024-05-25" or e.date.basis == "document-date" for e in events)
    assert not [e for e in events if e.type == "statement"], "an unnamed official's remark is provenance"


def test_announced_action_takes_the_announcement_date_and_replaces_it() -> None:
    text = "وأعلن الجيش الإسرائيلي، فجر الثلاثاء، أنه بدأ شن هجمات ضد أهداف تابعة لحركة حماس في غزة."
    events = events_in_text(text, dt.date(2025, 3, 18))
    assert [e.type for e in events] == ["military"]
    assert events[0].date.basis == "inherited" and events[0].date.value.startswith("2025-03-18")
    assert {a.name for a in events[0].actors if a.role == "initiator"} == {"Israel Defense Forces"}


def test_session_frame_passes_its_date_to_what_was_said_in_it() -> None:
    text = ("أقر الكابينيت الإسرائيلي خطة احتلال مدينة غزة خلال اجتماعه الذي جرى ليل الخميس.\n"
            "ونقل موقع أكسيوس عن الوزير رون ديرمر قوله خلال جلسة الكابينيت إن الإدارة الأميركية ستقدم مقترحا.")
    events = events_in_text(text, dt.date(2025, 8, 10))
    said = [e for e in events if e.type == "statement"]
    assert said and said[0].date.basis == "inherited" and said[0].date.value.startswith("2025-08-07")
    assert "Axios" in said[0].sources


def test_outlet_is_a_source_not_an_actor() -> None:
    text = "قالت هيئة البث الإسرائيلية إن ويتكوف التقى رئيس الوزراء القطري في الدوحة اليوم."
    events = events_in_text(text, dt.date(2025, 8, 10))
    assert len(events) == 1 and events[0].type == "meeting"
    assert "Kan" in events[0].sources
    assert "Kan" not in {a.name for a in events[0].actors}


def test_headline_alone_makes_no_event_but_joins_the_story() -> None:
    text = ("حماس ترفض المقترح الأميركي\n"
            "رفضت حركة حماس، الأربعاء، المقترح الذي قدمه المبعوث الأميركي ستيف ويتكوف لتمديد الهدنة في غزة، "
            "وقالت إنه لا يلبي مطالبها.")
    events = [e for e in events_in_text(text, dt.date(2025, 3, 5)) if e.type == "rejection"]
    assert len(events) == 1
    assert events[0].date.value == "2025-03-05"


def test_an_article_told_twice_gives_its_events_once() -> None:
    text = ("التقى المبعوث الأميركي ستيف ويتكوف رئيس الوزراء القطري في الدوحة اليوم.\n"
            "وقال الجيش الإسرائيلي، الأحد، إنه بدأ عملية في رفح.\n"
            "تقرر استئناف المفاوضات الأسبوع المقبل بوساطة مصرية وقطرية.")
    once = events_in_text(text, dt.date(2025, 8, 10))
    twice = events_in_text(text + "\n" + text, dt.date(2025, 8, 10))
    assert once and [e.title for e in twice] == [e.title for e in once]
    assert all(len(e.mentions) == 2 for e in twice)


def test_undated_article_gives_undated_events() -> None:
    # nothing in the text dates it (no date, no weekday, no office holder by name)
    events = events_in_text("التقى وفد من حماس مسؤولين مصريين في القاهرة.", None)
    assert events and events[0].date.basis == "none" and events[0].date.value is None


def test_text_without_a_date_is_dated_by_its_evidence_like_any_document() -> None:
    # events_in_text runs the pipeline's own per-document step: a named office holder bounds the day
    events = events_in_text("التقى ويتكوف رئيس الوزراء القطري محمد بن عبد الرحمن آل ثاني في الدوحة.", None)
    assert events and events[0].date.basis == "document-date" and events[0].date.possible is not None


def test_a_headline_the_body_does_not_tell_is_an_event_of_its_own() -> None:
    text = ("البرهان يصل إلى الرياض في زيارة رسمية\n\n"
            "قال وزير الخارجية السعودي فيصل بن فرحان اليوم إن المملكة ترحب باستئناف محادثات جدة بين الطرفين.")
    events = events_in_text(text, DAY)
    visits = [e for e in events if e.type == "visit"]
    assert len(visits) == 1 and visits[0].date.value == "2024-05-25"
    assert [a.name for a in visits[0].actors] == ["Abdel Fattah al-Burhan"] and visits[0].location == "Riyadh"


def test_a_headline_and_the_body_telling_the_same_event_are_one_event() -> None:
    text = ("البرهان يصل إلى الرياض في زيارة رسمية\n\n"
            "وصل رئيس مجلس السيادة السوداني عبد الفتاح البرهان إلى الرياض اليوم في زيارة رسمية تستغرق يومين.")
    visits = [e for e in events_in_text(text, DAY) if e.type == "visit"]
    assert len(visits) == 1 and len(visits[0].mentions) == 2


def test_a_short_broken_line_further_down_is_no_headline() -> None:
    text = ("قال رئيس الوزراء الإسرائيلي بنيامين نتنياهو الثلاثاء إن الحرب مستمرة في قطاع غزة حتى النهاية.\n\n"
            "وأضاف أن الوفد سيعود إلى الدوحة قريبا.\n\n"
            "وكان الجيش أعلن في وقت سابق بدء عملية جديدة في رفح جنوب القطاع.\n\n"
            "حماس ترفض المقترح الجديد\n")
    assert not any(e.type in ("statement", "rejection") and any(a.name == "Hamas" for a in e.actors)
                   for e in events_in_text(text, DAY))


def test_an_unknown_speaker_is_named_as_printed() -> None:
    events = events_in_text("قال المتحدث باسم الحكومة الأردنية أسامة حمدي الأحد إن الأردن يرحب بالاتفاق.", DAY)
    names = [a.name for e in events for a in e.actors]
    assert names == ["أسامة حمدي"], names  # not the working copy's "اسامه حمدي"

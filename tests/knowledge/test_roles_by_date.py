"""The same Arabic title names different people on different days."""
from __future__ import annotations

import datetime as dt

import pytest

from timeline.events import events_in_text
from timeline.knowledge import get_kb
from timeline.knowledge.matcher import get_matcher
from timeline.normalize import normalize

CASES = [
    ("رئيس أركان الجيش الإسرائيلي", "2024-05-22", "Herzi Halevi"),
    ("رئيس أركان الجيش الإسرائيلي", "2025-06-01", "Eyal Zamir"),
    ("المتحدث باسم الجيش الإسرائيلي", "2024-06-16", "Daniel Hagari"),
    ("المتحدث باسم الجيش الإسرائيلي", "2025-09-04", "Effie Defrin"),
    ("مدير وكالة المخابرات المركزية الأميركية", "2024-05-24", "William Burns"),
    ("مدير وكالة المخابرات المركزية الأميركية", "2025-04-01", "John Ratcliffe"),
    ("وزير الدفاع الإسرائيلي", "2024-06-01", "Yoav Gallant"),
    ("وزير الدفاع الإسرائيلي", "2025-01-15", "Israel Katz"),
    ("وزير الخارجية الأميركي", "2024-06-18", "Antony Blinken"),
    ("وزير الخارجية الأميركي", "2025-03-01", "Marco Rubio"),
    ("المبعوث الأميركي إلى الشرق الأوسط", "2025-08-10", "Steve Witkoff"),
    ("رئيس الوزراء القطري", "2024-05-24", "Mohammed bin Abdulrahman Al Thani"),
    ("مدير الموساد", "2024-05-24", "David Barnea"),
    ("رئيس الوزراء اللبناني", "2024-10-01", "Najib Mikati"),
    ("رئيس الوزراء اللبناني", "2025-06-01", "Nawaf Salam"),
    ("الأمين العام لحزب الله", "2024-05-01", "Hassan Nasrallah"),
    ("الأمين العام لحزب الله", "2025-02-01", "Naim Qassem"),
]


@pytest.mark.parametrize("title,day,person", CASES, ids=[f"{p}-{d}" for _, d, p in CASES])
def test_role_title_names_the_holder_on_the_day(title: str, day: str, person: str) -> None:
    kb = get_kb()
    found = [m for m in get_matcher().find(normalize(title).text) if m.kind == "role"]
    assert found, f"{title} is not a known title"
    holder = kb.roles[found[0].ref].holder_on(dt.date.fromisoformat(day))
    assert holder is not None and kb.actors[holder].name == person


def test_role_title_in_a_sentence_follows_the_publication_date() -> None:
    text = "صرح رئيس أركان الجيش الإسرائيلي بأن الجيش مستعد لكل السيناريوهات."
    early = events_in_text(text, dt.date(2024, 5, 22))
    late = events_in_text(text, dt.date(2025, 6, 1))
    assert [a.name for a in early[0].actors] == ["Herzi Halevi"]
    assert [a.name for a in late[0].actors] == ["Eyal Zamir"]


def test_role_without_holder_on_the_day_names_nobody() -> None:
    kb = get_kb()
    role = next(r for r in kb.roles.values() if r.holders and r.holders[0].start)
    before = role.holders[0].start - dt.timedelta(days=365 * 80)
    assert role.holder_on(before) is None
    assert role.holder_on(None) is None

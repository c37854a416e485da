"""Unknown names after titles: a hamza-printed إل is no article, عبد/أبو join the next word."""
from __future__ import annotations

import pytest

from timeline.knowledge import get_kb
from timeline.knowledge.matcher import EntityMatcher
from timeline.normalize import normalize

M = EntityMatcher(get_kb())


def persons(text: str, with_norm: bool = True) -> list[str]:
    n = normalize(text)
    return [e.ref for e in M.find(n.text, 0, len(n.text), n if with_norm else None) if e.kind == "person"]


@pytest.mark.parametrize("text,name", [
    ("قال الرئيس الأذري إلهام علييف إن الاتفاق تاريخي.", "الهام علييف"),
    ("وقال رئيس البرلمان اللبناني إلياس بو صعب إن الجلسة انتهت.", "الياس بو صعب"),
    ("أكد المبعوث الأمريكي أليكس وونغ، الاثنين، أن المحادثات مستمرة.", "اليكس وونغ"),
])
def test_a_name_printed_with_a_hamza_is_no_article(text: str, name: str) -> None:
    assert name in persons(text)


def test_without_the_original_spelling_the_folded_article_hides_the_name() -> None:
    assert "الهام علييف" not in persons("قال الرئيس الأذري إلهام علييف إن الاتفاق تاريخي.", with_norm=False)


@pytest.mark.parametrize("text,name", [
    ("قال وزير الخارجية الماليزي محمد عبد الرحمن حسن إن القمة ناجحة.", "محمد عبد الرحمن حسن"),
    ("أعلن المتحدث باسم الحكومة السودانية خالد عبد الله الأعيسر، السبت، أن الوفد عاد.", "خالد عبد الله الاعيسر"),
])
def test_abd_joins_the_next_word_into_the_name(text: str, name: str) -> None:
    assert any(p.startswith(name.rsplit(" ", 1)[0]) for p in persons(text)), persons(text)


def test_a_real_article_still_ends_a_name() -> None:
    found = persons("قال المتحدث باسم الحكومة الأردنية محمد حسين الأحد إن الأردن يرحب.")
    assert found == ["محمد حسين"]

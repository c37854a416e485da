"""The shared Arabic morphology: clitics, the article, the future prefix, pronoun suffixes."""
from __future__ import annotations

import pytest

from timeline.normalize import normalize_plain
from timeline.normalize.morphology import get_morphology

M = get_morphology("ar")


def n(word: str) -> str:
    return normalize_plain(word)


@pytest.mark.parametrize("word,reading", [
    ("وبالدوحة", "دوحة"), ("وبالدوحة", "الدوحة"), ("للموساد", "الموساد"), ("للموساد", "موساد"),
    ("فلقاء", "لقاء"), ("والمفاوضات", "مفاوضات"), ("كالعادة", "عادة"),
])
def test_noun_readings_peel_proclitics_and_the_article(word: str, reading: str) -> None:
    assert n(reading) in M.noun_readings(n(word))


def test_noun_readings_keep_a_stem_of_three_letters() -> None:
    assert "اد" not in M.noun_readings(n("ولاد"))  # و+ل+اد would leave two letters
    assert M.noun_readings(n("بال"), min_stem=3) == (n("بال"),)


@pytest.mark.parametrize("word,form", [("سيلتقي", "يلتقي"), ("وستعقد", "تعقد"), ("سنواصل", "نواصل"),
                                       ("سيصل", "يصل")])
def test_future_prefix_is_read_from_the_verb(word: str, form: str) -> None:
    assert (n(form), True) in M.verb_readings(n(word))


@pytest.mark.parametrize("word", ["سياسة", "سيناريو", "ستة", "سيطرة", "سيدات", "ستيف"])
def test_words_that_only_begin_like_a_future_verb_have_no_future_reading(word: str) -> None:
    assert not any(fut for _, fut in M.verb_readings(n(word)))
    assert not M.is_future_verb(n(word))


def test_is_future_verb_needs_five_letters_by_default() -> None:
    assert M.is_future_verb(n("سيلتقي")) and M.is_future_verb(n("وسيلتقي"))
    assert not M.is_future_verb(n("سيصل")) and M.is_future_verb(n("سيصل"), min_len=4)


@pytest.mark.parametrize("word,stem", [("أقرها", "أقر"), ("استقبلهما", "استقبل"), ("التقاه", "التقا")])
def test_object_stem(word: str, stem: str) -> None:
    assert M.object_stem(n(word)) == n(stem)


def test_possessive_h_counts_only_when_printed_h() -> None:
    assert M.has_possessive(n("لقائه"), "ه")
    assert not M.has_possessive(n("قمة"), "ة")  # the folded ة of قمة is no pronoun
    assert M.has_possessive(n("اجتماعها"), "ا")


def test_definite_forms() -> None:
    for word in ("الوفد", "والوفد", "بالوفد", "للوفد", "وللوفد"):
        assert M.is_definite(n(word)), word
    assert not M.is_definite(n("وفد"))


def test_nisba_forms_of_a_stem() -> None:
    forms = dict(M.nisba_forms(n("قطري")))
    assert forms[n("قطرية")] is False and forms[n("قطريون")] is True and forms[n("قطريين")] is True
    assert n("قطرييين") not in forms


def test_words_are_cut_without_underscores() -> None:
    assert [m.group() for m in M.words("a_b وفد 12")] == ["a", "b", "وفد", "12"]

"""The working copy folds Arabic spelling variants; every span maps back to the original."""
from __future__ import annotations

import pytest

from timeline.normalize import normalize, normalize_plain


@pytest.mark.parametrize("original,expected", [
    ("أإآٱ", "اااا"),
    ("مصطفى", "مصطفي"),
    ("الليلة", "الليله"),
    ("مؤتمر رئيس", "موتمر رييس"),
    ("حاليًا", "حاليا"),
    ("الأربعاءُ", "الاربعاء"),
    ("جـــدًا", "جدا"),
    ("٢٠٢٤/٠٥/٠٧", "2024/05/07"),
    ("۱۴۰۳", "1403"),
    ("٤٠٪", "40%"),
    ("«كان 11»", '"كان 11"'),
    ("“أكسيوس”", '"اكسيوس"'),
    ("قال،\u00a0 السبت", "قال، السبت"),
    ("a\u200fb\u200cc", "abc"),
    ("ی ک", "ي ك"),
])
def test_normalize_folds(original: str, expected: str) -> None:
    assert normalize_plain(original) == expected


def test_offsets_point_into_the_original() -> None:
    original = "وقال،\u00a0 المتحدثُ   يومَ الأربعاءِ ٢٢ مايو"
    norm = normalize(original)
    for word in ("يوم", "الاربعاء", "22", "مايو", "المتحدث"):
        i = norm.text.index(word)
        a, b = norm.to_original(i, i + len(word))
        assert normalize_plain(original[a:b]) == word


def test_span_keeps_trailing_diacritics() -> None:
    original = "يومَ الأربعاءِ"
    norm = normalize(original)
    i = norm.text.index("الاربعاء")
    a, b = norm.to_original(i, i + len("الاربعاء"))
    assert original[a:b] == "الأربعاءِ"


def test_index_has_end_sentinel() -> None:
    norm = normalize("حاليًا")
    assert len(norm.index) == len(norm.text) + 1
    assert norm.index[-1] == len("حاليًا")

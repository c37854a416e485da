"""Finding actors, titles, places and outlets in Arabic text."""
from __future__ import annotations

from timeline.knowledge import get_kb
from timeline.knowledge.matcher import get_matcher
from timeline.normalize import normalize


def _found(text: str) -> list[tuple[str, str]]:
    kb = get_kb()
    out = []
    for m in get_matcher().find(normalize(text).text):
        if m.kind in ("actor", "nisba", "anaphor"):
            out.append((m.kind, kb.actors[m.ref].name))
        elif m.kind == "place":
            out.append((m.kind, kb.places[m.ref].name))
        elif m.kind == "outlet":
            out.append((m.kind, kb.outlets[m.ref].name))
        else:
            out.append((m.kind, m.ref))
    return out


def test_matcher_peels_clitics_before_names() -> None:
    assert ("actor", "Benjamin Netanyahu") in _found("واتهم الوزير لنتنياهو بالتقصير")
    assert ("place", "Doha") in _found("وصل الوفد بالدوحة")
    assert ("actor", "Hamas") in _found("وحماس ترفض")


def test_matcher_reads_spelling_variants() -> None:
    assert ("actor", "Benjamin Netanyahu") in _found("قال نتانياهو")
    assert ("actor", "David Barnea") in _found("قال برنياع")
    assert ("actor", "David Barnea") in _found("قال بارنياع")


def test_matcher_reads_nationality_after_collective_heads_as_the_state() -> None:
    assert ("nisba", "Qatar") in _found("التقى مسؤولين قطريين")
    assert ("nisba", "Egypt") in _found("قال الوسطاء المصريون")
    found = _found("بوساطة قطرية ومصرية وأميركية")
    assert [n for k, n in found if k == "nisba"] == ["Qatar", "Egypt", "United States"]


def test_matcher_ignores_nationality_adjectives_of_other_nouns() -> None:
    assert not [n for k, n in _found("الإفراج عن الأسرى الإسرائيليين") if k == "nisba"]
    assert not [n for k, n in _found("الموقف الإسرائيلي") if k == "nisba"]


def test_matcher_resolves_anaphors_to_the_last_named_actor() -> None:
    found = _found("أكدت حركة حماس موقفها، وقالت الحركة إن")
    assert ("anaphor", "Hamas") in found


def test_matcher_keeps_unknown_names_after_titles() -> None:
    found = _found("قال الموفد الخاص لشؤون الأسرى، زيد عمرو، إن")
    assert ("person", "زيد عمرو") in found


def test_matcher_tells_outlets_from_actors() -> None:
    found = _found("قالت هيئة البث الإسرائيلية إن نتنياهو")
    assert found[0] == ("outlet", "Kan")
    assert ("actor", "Benjamin Netanyahu") in found

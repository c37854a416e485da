"""The event lexicon files parse and hang together."""
from __future__ import annotations

from timeline.events.lexicon import EVENT_TYPES, load_lexicon


def test_lexicon_families_have_types_codes_and_words() -> None:
    lex = load_lexicon("ar")
    assert lex.families
    for fam in lex.families:
        assert fam.type in EVENT_TYPES
        assert fam.cameo.isdigit() and 3 <= len(fam.cameo) <= 4, fam.name
        assert fam.past or fam.present or fam.nouns, fam.name


def test_lexicon_object_lists_cover_their_verbs() -> None:
    for fam in load_lexicon("ar").families:
        assert fam.object_for <= fam.past | fam.present, f"{fam.name}: object_for names a form it does not list"
        assert fam.complement_for <= fam.past | fam.present, fam.name
        if fam.object_for:
            assert fam.objects, f"{fam.name}: object_for without objects"


def test_lexicon_markers_are_present() -> None:
    lex = load_lexicon("ar")
    for name in ("negation", "conditional", "future", "ongoing", "complementizers", "clause_breaks", "frames",
                 "mediation", "purpose"):
        assert lex.marker_set(name), name
    assert lex.support_past and lex.support_present and lex.relatives

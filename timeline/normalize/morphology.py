"""Arabic morphology shared by the temporal, knowledge and event stages.

The one owner of how a token is cut from text and read: the clitics it may
carry (و، ف، ب، ل، ك and the article), the future prefix سـ with its
exceptions, attached object and possessive pronouns, nationality endings.
The letters themselves are data (``resources/<lang>/morphology.yaml`` and
``patterns/future_prefix_exceptions.txt``); everything works on the folded
working copy of :mod:`timeline.normalize.arabic`.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from timeline.loader import ResourceError, resource_path, word_list, yaml_resource

# a word: letters and digits, never the underscore (one tokenizer for every stage)
WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Morphology:
    """The clitics, prefixes and suffixes of one language (see ``morphology.yaml``)."""

    conjunctions: tuple[str, ...]
    coordinator: str
    prepositions: tuple[str, ...]
    article: str
    lam_article: str
    future_prefix: str
    imperfect_prefixes: tuple[str, ...]
    first_person_prefix: str
    third_person_prefix: str
    noun_endings: frozenset[str]
    object_suffixes: tuple[str, ...]
    possessive_suffixes: tuple[str, ...]
    plural_verb_ending: str
    first_plural_ending: str
    dual_verb_ending: str
    nisba_singular: tuple[str, ...]
    nisba_plural: tuple[str, ...]
    sentence_end: str
    commas: str
    final_stops: str
    question_marks: str
    ta_marbuta: str
    hamza_alefs: str
    future_exceptions: tuple[str, ...]
    # readings already worked out (news repeats its words): (kind, word, limits) -> readings
    _memo: dict[tuple[object, ...], tuple[object, ...]] = field(default_factory=dict, compare=False, repr=False)

    # ------------------------------------------------------------ tokens
    @staticmethod
    def words(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        """The words of ``text[start:end]`` as regex matches (offsets into ``text``)."""
        return WORD.finditer(text, start, len(text) if end is None else end)

    @cached_property
    def sentence_end_re(self) -> re.Pattern[str]:
        return _char_class(self.sentence_end)

    @cached_property
    def comma_re(self) -> re.Pattern[str]:
        return _char_class(self.commas)

    # ------------------------------------------------------------ proclitics
    @cached_property
    def noun_proclitics(self) -> tuple[str, ...]:
        """Conjunction + preposition, conjunction, preposition: "وب", "ول", …, "و", "ف", "ب", "ل", "ك"."""
        both = tuple(c + p for c in self.conjunctions for p in self.prepositions if p != "ك" or c == "و")
        return both + self.conjunctions + self.prepositions

    @cached_property
    def definite_prefixes(self) -> tuple[str, ...]:
        """How the article is written at a word's start: "ال", "وال", "بال", "لل", "ولل" …"""
        art, lam = self.article, self.lam_article
        return ((art,) + tuple(c + art for c in self.conjunctions) + tuple(p + art for p in ("ب", "ك"))
                + (lam,) + tuple(c + lam for c in self.conjunctions))

    def is_definite(self, word: str) -> bool:
        """The word carries the article (with or without a clitic before it)."""
        return word.startswith(self.definite_prefixes)

    def strip_conjunction(self, word: str, min_len: int = 4) -> str:
        """``word`` without a leading و/ف when what is left is at least ``min_len`` letters."""
        if word[:1] in self.conjunctions and len(word) > min_len:
            return word[1:]
        return word

    def noun_readings(self, word: str, min_stem: int = 3, article_min: int = 4) -> tuple[str, ...]:
        """``word`` and what is left after peeling a proclitic (leaving ``min_stem`` letters or more),
        ل+ال (لل → ال), then the article (from a form longer than ``article_min`` letters)."""
        key = ("n", word, min_stem, article_min)
        hit = self._memo.get(key)
        if hit is None:
            hit = self._memo[key] = self._noun_readings(word, min_stem, article_min)
            if len(self._memo) > 200_000:
                self._memo.clear()
        return hit  # type: ignore[return-value]

    def _noun_readings(self, word: str, min_stem: int, article_min: int) -> tuple[str, ...]:
        out = [word]
        for p in self.noun_proclitics:
            if word.startswith(p) and len(word) - len(p) >= min_stem:
                out.append(word[len(p):])
        lam, art = self.lam_article, self.article
        if word.startswith(lam) and len(word) > 3:
            out.append(art + word[len(lam):])
        for w in list(out):
            if w.startswith(art) and len(w) > article_min:
                out.append(w[len(art):])
        return tuple(dict.fromkeys(out))

    # ------------------------------------------------------------ verbs
    def verb_readings(self, word: str) -> tuple[tuple[str, bool], ...]:
        """(form, has the future prefix) readings of a verb token: "وسيلتقي" → وسيلتقي, سيلتقي,
        يلتقي (future); a word that only begins like a future verb (سياسة، ستة) has no future reading."""
        key = ("v", word)
        hit = self._memo.get(key)
        if hit is None:
            hit = self._memo[key] = self._verb_readings(word)
        return hit  # type: ignore[return-value]

    def _verb_readings(self, word: str) -> tuple[tuple[str, bool], ...]:
        out = [(word, False)]
        for c in self.conjunctions:
            if word.startswith(c) and len(word) > 3:
                out.append((word[len(c):], False))
        for w, _ in list(out):
            if len(w) > 3 and self._future_prefixed(w):
                out.append((w[1:], True))
            elif self.first_person_future(w):
                out.append((self.third_person_prefix + w[2:], True))  # "سألتقي" → يلتقي, to come
        return tuple(out)

    def first_person_future(self, word: str) -> bool:
        """"سألتقي"، "سأزور"، "وسأتوجه": the speaker's own future (the future prefix, then أ)."""
        w = self.strip_conjunction(word, 4)
        return len(w) > 4 and w.startswith(self.future_prefix + self.first_person_prefix) and \
            not any(w.startswith(e) for e in self.future_exceptions)

    def _future_prefixed(self, w: str) -> bool:
        if not w.startswith(self.future_prefix) or w[1:2] not in self.imperfect_prefixes:
            return False
        return not any(w.startswith(e) and (len(e) >= 5 or w[len(e):] in self.noun_endings)
                       for e in self.future_exceptions)

    def is_future_verb(self, word: str, min_len: int = 5) -> bool:
        """A word of at least ``min_len`` letters (after و/ف) read as a future verb (سيلتقي، ستعقد، وسنواصل)."""
        w = self.strip_conjunction(word)
        return len(w) >= min_len and (self._future_prefixed(w) or self.first_person_future(w))

    def object_stem(self, word: str) -> str | None:
        """The verb without an attached object pronoun (أقرها → أقر، التقاه → التقا), if it has one."""
        for suf in self.object_suffixes:
            if word.endswith(suf) and len(word) - len(suf) >= 3:
                return word[:-len(suf)]
        return None

    def has_possessive(self, word: str, last_printed: str) -> bool:
        """The word ends in a possessive pronoun; a final ه counts only when it was printed ه
        (``last_printed``, the original letter), not a folded ة ("لقائه" yes, "قمة" no)."""
        if last_printed in self.possessive_suffixes:
            return True
        return word.endswith(tuple(s for s in self.possessive_suffixes if len(s) > 1))

    def is_dual_verb(self, word: str) -> bool:
        return word.endswith(self.dual_verb_ending)

    def is_plural_verb(self, word: str) -> bool:
        return word.endswith(self.plural_verb_ending)

    def is_first_plural(self, word: str) -> bool:
        return word.endswith(self.first_plural_ending)

    # ------------------------------------------------------------ nationality adjectives
    def nisba_forms(self, stem: str) -> Iterator[tuple[str, bool]]:
        """Every written form of a nisba stem ("قطري") with whether it is plural."""
        for ending, plural in [(e, False) for e in self.nisba_singular] + [(e, True) for e in self.nisba_plural]:
            base = stem[:-1] if ending.startswith("ي") and len(ending) == 3 and stem.endswith("ي") else stem
            yield base + ending, plural


@lru_cache(maxsize=32)
def _char_class(chars: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(chars) + "]")


def _strs(raw: object, key: str, where: str) -> tuple[str, ...]:
    from timeline.normalize import normalize_plain

    if not isinstance(raw, list):
        raise ResourceError(f"{where}: {key} must be a list")
    return tuple(normalize_plain(str(x)).strip() if str(x) else "" for x in raw)


@lru_cache(maxsize=8)
def get_morphology(lang: str = "ar") -> Morphology:
    """The morphology of ``lang``, read once per process."""
    where = str(resource_path(lang, "", "morphology.yaml"))
    raw = yaml_resource(lang, "", "morphology.yaml")
    if not isinstance(raw, dict):
        raise ResourceError(f"{where}: expected a mapping")
    try:
        nisba = raw["nisba_endings"]
        return Morphology(
            conjunctions=_strs(raw["conjunctions"], "conjunctions", where),
            coordinator=str(raw["coordinator"]),
            prepositions=_strs(raw["prepositions"], "prepositions", where),
            article=str(raw["article"]), lam_article=str(raw["lam_article"]),
            future_prefix=str(raw["future_prefix"]),
            imperfect_prefixes=_strs(raw["imperfect_prefixes"], "imperfect_prefixes", where),
            first_person_prefix=str(raw["first_person_prefix"]), third_person_prefix=str(raw["third_person_prefix"]),
            noun_endings=frozenset(_strs(raw["noun_endings"], "noun_endings", where)) | {""},
            object_suffixes=_strs(raw["object_suffixes"], "object_suffixes", where),
            possessive_suffixes=_strs(raw["possessive_suffixes"], "possessive_suffixes", where),
            plural_verb_ending=str(raw["plural_verb_ending"]),
            first_plural_ending=str(raw["first_plural_ending"]),
            dual_verb_ending=str(raw["dual_verb_ending"]),
            nisba_singular=_strs(nisba["singular"], "nisba_endings.singular", where),
            nisba_plural=_strs(nisba["plural"], "nisba_endings.plural", where),
            sentence_end=str(raw["sentence_end"]), commas=str(raw["commas"]),
            final_stops=str(raw["final_stops"]), question_marks=str(raw["question_marks"]),
            ta_marbuta=str(raw["ta_marbuta"]), hamza_alefs=str(raw["hamza_alefs"]),
            future_exceptions=word_list(lang, "patterns", "future_prefix_exceptions"))
    except (KeyError, TypeError) as exc:
        raise ResourceError(f"{where}: missing or malformed {exc}") from exc

"""Find actors, titles, places and outlets in a normalized Arabic text.

The matcher works on the normalized working copy (see ``timeline.normalize``)
and returns working-copy offsets; callers map them back to the original.
Names are looked up token by token, longest alias first, after peeling the
clitics a name can carry (وبالدوحة، لنتنياهو، للموساد).  A nationality
adjective (قطري، المصريين، أميركية) names its state when it is plural
("الوسطاء المصريون") or follows a collective head ("مسؤولين قطريين", "بوساطة
قطرية ومصرية").  A definite noun such as "الحركة" refers back to the last actor
whose name starts with its head word ("حركة حماس").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from timeline.knowledge.kb import KB_DIR, KnowledgeBase, get_kb
from timeline.loader import data_lines, read_yaml, resource_path
from timeline.normalize import NormalizedText, normalize_plain
from timeline.normalize.morphology import WORD, get_morphology

ENTITY_DIR = resource_path("ar", "entities")
_TOKEN = WORD

EntityKind = Literal["actor", "role", "place", "outlet", "nisba", "anaphor", "person"]


@dataclass(frozen=True)
class EntityMention:
    """A name found in the working copy: ``ref`` is a KB id (a role id for titles)."""

    kind: EntityKind
    ref: str
    start: int
    end: int
    surface: str
    plural: bool = False
    # a place that can also stand for an actor (واشنطن، الدوحة): the actor id; an unknown person named
    # with a title ("نيد برايس المتحدث باسم الخارجية"): the title's role id
    alt: str | None = None


def _words(name: str) -> list[str]:
    return [normalize_plain(w).strip() for w in data_lines(ENTITY_DIR / name)]


def _key(alias: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(normalize_plain(alias)))


_RECENT = 4096  # answers of find() kept (the dating stage asks before the event stage)


class EntityMatcher:
    """Looks up every alias of the knowledge base in a text."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._recent: dict[tuple[str, int, int], tuple[EntityMention, ...]] = {}
        self.morph = get_morphology("ar")
        self._hamza: frozenset[int] = frozenset()  # see find()
        self.collective = set(_words("collective_heads.txt"))
        self.counterparts = set(_words("counterparts.txt"))
        self.titles = set(_words("person_titles.txt"))
        self.joiners = set(_words("name_joiners.txt"))
        self.connectors = set(_words("title_connectors.txt"))
        # a deputy's or an adviser's title (before it) and a former holder's (after it): see role_modifiers.yaml
        mods = read_yaml(ENTITY_DIR / "role_modifiers.yaml")
        self.deputies = frozenset(normalize_plain(str(w)).strip() for w in mods["before"])
        self.former = frozenset(normalize_plain(str(w)).strip() for w in mods["after"])
        self.title_nouns = set(_words("title_nouns.txt"))
        self.stop = set(_words("name_stopwords.txt"))
        self.anonymous_heads = _words("anonymous_heads.txt")
        self.military_heads = set(_words("military_heads.txt"))
        self.anaphors: dict[str, list[str]] = {}
        for line in _words("anaphors.tsv"):
            noun, head = line.split()
            self.anaphors.setdefault(noun.strip(), []).append(head.strip())
        self.table: dict[tuple[str, ...], tuple[EntityKind, str]] = {}
        for outlet in kb.outlets.values():
            self._add(outlet.ar + (outlet.name,), "outlet", outlet.id)
        self.marked: dict[str, list[tuple[str, str]]] = {}  # folded word -> [(spelling as printed, place id)]
        for place in kb.places.values():
            self._add(place.ar, "place", place.id)
            for spelling in place.marked:
                self.marked.setdefault(normalize_plain(spelling).strip(), []).append((spelling, place.id))
        place_keys = {k: v[1] for k, v in self.table.items() if v[0] == "place"}
        for role in kb.roles.values():
            self._add(role.ar, "role", role.id)
        for actor in kb.actors.values():
            self._add(actor.ar + actor.en + (actor.name,), "actor", actor.id)
        # a capital named as an actor (واشنطن تعارض) is found as the place, with the actor as alternative
        self.alt: dict[tuple[str, ...], str] = {}
        for key, place_id in place_keys.items():
            kind, ref = self.table[key]
            if kind == "actor":
                self.alt[key] = ref
                self.table[key] = ("place", place_id)
        self.nisba: dict[str, tuple[str, bool]] = {}
        for actor in kb.actors.values():
            for stem in actor.nisba:
                s = normalize_plain(stem).strip()
                for form, plural in self.morph.nisba_forms(s):
                    self.nisba.setdefault(form, (actor.id, plural))
        self.max_len = max((len(k) for k in self.table), default=1)
        # which actors an anaphor head can point back to
        self.heads: dict[str, set[str]] = {}
        for actor in kb.actors.values():
            for alias in actor.ar:
                words = _key(alias)
                if words:
                    self.heads.setdefault(words[0], set()).add(actor.id)

    def _add(self, aliases: tuple[str, ...], kind: EntityKind, ref: str) -> None:
        for alias in aliases:
            key = _key(alias)
            # actors win over places over outlets for the same words (later adds overwrite)
            if key:
                self.table[key] = (kind, ref)

    def variants(self, token: str) -> tuple[str, ...]:
        """``token`` and the forms left after peeling clitics and the article."""
        return self.morph.noun_readings(token, min_stem=2, article_min=3)

    def find(self, text: str, start: int = 0, end: int | None = None,
             norm: NormalizedText | None = None) -> list[EntityMention]:
        """Every entity in ``text[start:end]`` (a normalized working copy), in order.

        With ``norm`` (the working copy's :class:`NormalizedText`), a word printed with a hamza on its
        alef ("إلهام"، "أليكس") is known for a name: its folded ال is no article.  The last few answers
        are remembered: the dating and the event stages ask for the same segments of the same text.
        """
        end = len(text) if end is None else end
        hamza = self._hamza_starts(text, start, end, norm)
        key = (text, start, end, hamza)
        hit = self._recent.get(key)
        if hit is None:
            self._hamza = hamza
            hit = tuple(self._find(text, start, end))
            if len(self._recent) >= _RECENT:
                self._recent.pop(next(iter(self._recent)))
            self._recent[key] = hit
        return list(hit)

    def _hamza_starts(self, text: str, start: int, end: int, norm: NormalizedText | None) -> frozenset[int]:
        """Offsets of words that look definite in the working copy but were printed with a hamza."""
        if norm is None or norm.text is not text and norm.text != text:
            return frozenset()
        art = self.morph.article
        out = []
        for m in _TOKEN.finditer(text, start, end):
            if m.group().startswith(art) and norm.original[norm.index[m.start()]] in self.morph.hamza_alefs:
                out.append(m.start())
        return frozenset(out)

    def _definite(self, toks: list[tuple[str, int, int]], k: int) -> bool:
        """Token k carries the article (a hamza-printed "إل" does not: "إلهام" is a name)."""
        return self.morph.is_definite(toks[k][0]) and toks[k][1] not in self._hamza

    def reread_marked(self, found: list[EntityMention], norm: NormalizedText) -> list[EntityMention]:
        """Names whose original spelling marks them as a place the folded word hides ("عمّان" is
        Amman, not Oman): those mentions become the place."""
        if not self.marked:
            return found
        out = []
        for e in found:
            a, b = norm.to_original(e.start, e.end)
            printed = norm.original[a:b]
            hit = next((pid for word, cands in self.marked.items() if e.surface.endswith(word)
                        for spelling, pid in cands if spelling in printed), None)
            out.append(EntityMention("place", hit, e.start, e.end, e.surface) if hit else e)
        return out

    def _find(self, text: str, start: int, end: int) -> list[EntityMention]:
        toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
        out: list[EntityMention] = []
        i = 0
        prev_collective = False
        while i < len(toks):
            hit = self._lookup(toks, i)
            if hit:
                n, kind, ref, key = hit
                a, b = toks[i][1], toks[i + n - 1][2]
                named = self._name_before(text, toks, i, out) if kind == "role" else None
                if named is not None:
                    # "وقال نيد برايس المتحدث باسم الخارجية": the title describes the person named; the
                    # event stage decides by date whether that is the title's holder (see EntityMention.alt)
                    j = named
                    out.append(EntityMention("person", text[toks[j][1]:toks[i - 1][2]], toks[j][1], toks[i - 1][2],
                                             text[toks[j][1]:toks[i - 1][2]], alt=ref))
                    prev_collective = False
                    i += n
                    continue
                out.append(EntityMention(kind, ref, a, b, text[a:b], alt=self.alt.get(key)))
                prev_collective = False
                i += n
                continue
            word = toks[i][0]
            nis = self._nisba(word)
            if nis:
                ref, plural = nis
                chained = out and out[-1].kind == "nisba" and toks[i - 1][2] == out[-1].end
                # a plural adjective is the people itself ("عبر المصريون") unless it agrees with a
                # definite noun before it ("الأسرى الإسرائيليين" are prisoners, not Israel)
                head_near = prev_collective or (i >= 2 and any(v in self.collective
                                                                for v in self.variants(toks[i - 2][0])))
                as_noun = plural and self.morph.is_definite(word) and not (i > 0 and self.morph.is_definite(toks[i - 1][0]))
                military = any(any(v in self.military_heads for v in self.variants(toks[k][0]))
                               for k in range(max(0, i - 2), i))
                if military and self.kb.actors[ref].armed_forces:
                    # "الطيران الحربي الإسرائيلي", "مقاتلات إسرائيلية": the state's armed forces
                    out.append(EntityMention("nisba", self.kb.actors[ref].armed_forces or ref, toks[i][1],
                                             toks[i][2], word, plural))
                    i += 1
                    continue
                if head_near or as_noun or military or (chained and word.startswith(self.morph.coordinator)):
                    out.append(EntityMention("nisba", ref, toks[i][1], toks[i][2], word, plural))
                    i += 1
                    continue
            counterpart = self._counterpart(toks, i, out)
            if counterpart:
                ref, n = counterpart
                a, b = toks[i][1], toks[i + n - 1][2]
                out.append(EntityMention("role", ref, a, b, text[a:b]))
                i += n
                continue
            other_side = self._other_side(toks, i)
            if other_side:
                # "سلم الوفد الروسي نظيره الأوكراني": no office to match, but the adjective names the other side
                out.append(other_side)
                i += 2
                continue
            anaphor = self._anaphor(word, out)
            if anaphor:
                out.append(EntityMention("anaphor", anaphor, toks[i][1], toks[i][2], word))
                i += 1
                continue
            after_role = bool(out) and out[-1].kind == "role" and (out[-1].end == toks[i - 1][2] or (
                i > 1 and toks[i - 1][0] in self.former and out[-1].end == toks[i - 2][2]))  # "الأسبق X"
            person = self._unknown_person(text, toks, i, after_role)
            if person:
                j, k = person
                a, b = toks[j][1], toks[k][2]
                # after a known title the title stays too: the words after it may be no name at all
                # ("رئيس الوزراء القطري أحرز تقدما"), and its holder on the day is often the one named
                out.append(EntityMention("person", text[a:b], a, b, text[a:b]))
                i = k + 1
                continue
            prev_collective = any(v in self.collective for v in self.variants(word))
            i += 1
        return out

    def _lookup(self, toks: list[tuple[str, int, int]], i: int
                ) -> tuple[int, EntityKind, str, tuple[str, ...]] | None:
        for n in range(min(self.max_len, len(toks) - i), 0, -1):
            rest = tuple(t[0] for t in toks[i + 1:i + n])
            for v in self.variants(toks[i][0]):
                found = self.table.get((v,) + rest)
                if found:
                    return n, found[0], found[1], (v,) + rest
        return None

    def _nisba(self, word: str) -> tuple[str, bool] | None:
        for v in self.variants(word):
            if v in self.nisba:
                return self.nisba[v]
        return None

    def _counterpart(self, toks: list[tuple[str, int, int]], i: int,
                     before: list[EntityMention]) -> tuple[str, int] | None:
        """"وزير الخارجية الأمريكي ... نظيره الروسي": the same office in the other country.

        The office is read from the title of the last person named before (a title
        mention, or a title the person holds in the knowledge base); with the
        counterpart's nationality it names a role, resolved later by date.
        """
        word = toks[i][0]
        if not self._counterpart_word(word) or i + 1 >= len(toks) or not self._nisba(toks[i + 1][0]):
            return None
        adjective = toks[i + 1][0]
        for m in reversed(before[-6:]):
            titles: list[tuple[str, ...]] = []
            if m.kind == "role":
                titles = [_key(a) for a in self.kb.roles[m.ref].ar]
            elif m.kind == "actor" and self.kb.actors[m.ref].type == "person":
                titles = [_key(a) for r in self.kb.roles.values() if any(h.actor == m.ref for h in r.holders)
                          for a in r.ar]
            else:
                continue
            for title in titles:
                if len(title) < 2 or not self._nisba(title[-1]):
                    continue
                bare = adjective.lstrip(self.morph.coordinator)
                for form in dict.fromkeys((adjective, self.morph.article + bare, bare)):
                    found = self.table.get(title[:-1] + (form,))
                    if found and found[0] == "role":
                        return found[1], 2
            return None
        return None

    def _counterpart_word(self, word: str) -> bool:
        return any(v in self.counterparts for v in self.variants(word))

    def _other_side(self, toks: list[tuple[str, int, int]], i: int) -> EntityMention | None:
        """"نظيره + nationality" whose office is unknown: the nationality as a nisba mention."""
        if i + 1 >= len(toks) or not self._counterpart_word(toks[i][0]) or self._lookup(toks, i + 1):
            return None
        word, a, b = toks[i + 1]
        nis = self._nisba(word)
        return EntityMention("nisba", nis[0], a, b, word, nis[1]) if nis else None

    def nisba_of(self, word: str) -> tuple[str, bool] | None:
        """(actor id, plural) of a nationality adjective ("قطرية", "المصريين"), else None."""
        return self._nisba(word)

    def _anaphor(self, word: str, before: list[EntityMention]) -> str | None:
        heads = next((self.anaphors[v] for v in self.variants(word) if v in self.anaphors), None)
        if not heads:
            return None
        wanted = set().union(*(self.heads.get(h, set()) for h in heads))
        for m in reversed(before):
            if m.kind == "actor" and m.ref in wanted:
                return m.ref
            if m.kind == "anaphor" and m.ref in wanted:
                return m.ref
        return None

    def add_non_names(self, words: set[str] | frozenset[str]) -> None:
        """Words that are never part of an unknown person's name (the event lexicon's triggers)."""
        if not set(words) <= self.stop:
            self.stop |= set(words)
            self._recent.clear()

    def _name_like(self, toks: list[tuple[str, int, int]], k: int) -> bool:
        w = toks[k][0]
        joined = k > 0 and toks[k - 1][0] in self.joiners  # "عبد الرحمن": the article is the name's
        return not (self._stopword(w) or (self._definite(toks, k) and not joined) or w.isdigit() or len(w) < 2
                    or w in self.titles or w in self.title_nouns or self._lookup(toks, k) or self._nisba(w))

    def _stopword(self, w: str) -> bool:
        """A word never in a name, with or without the conjunction before it ("وقال")."""
        return w in self.stop or (w[:1] in self.morph.conjunctions and w[1:] in self.stop)

    def _name_before(self, text: str, toks: list[tuple[str, int, int]], i: int,
                     out: list[EntityMention]) -> int | None:
        """The first token of a two- or three-word unknown name right before a title at ``i``, when
        the name opens its clause (after a function word, punctuation or the start)."""
        for size in (3, 2):
            j = i - size
            if j < 0 or (out and out[-1].end > toks[j][1]):
                continue
            if not all(self._name_like(toks, k) for k in range(j, i)):
                continue
            if any(re.search(r"[^\s]", text[toks[k - 1][2]:toks[k][1]]) for k in range(j + 1, i + 1)):
                continue  # punctuation inside or before the title: not one phrase
            if j == 0 or self._stopword(toks[j - 1][0]) or re.search(r"[^\s]", text[toks[j - 1][2]:toks[j][1]]):
                return j
        return None

    def _title_phrase_end(self, text: str, toks: list[tuple[str, int, int]], i: int) -> int:
        """After a title word, the first token past its phrase ("رئيس الوزراء الأرميني", "رئيس وزراء
        ماليزيا", "المتحدث باسم الحكومة"): words with the article, title nouns, nationalities and
        known names, at most five, without punctuation inside; -1 when the phrase does not end in a name."""
        k = i + 1
        while k < len(toks) and k - i <= 5:
            if re.search(r"[^\s]", text[toks[k - 1][2]:toks[k][1]]):
                return -1  # punctuation: an apposition, read by the comma rule
            w = toks[k][0]
            hit = self._lookup(toks, k)
            if hit and hit[1] == "actor" and self.kb.actors[hit[2]].type == "person":
                return -1  # a known person: the matcher names them
            if hit:
                k += hit[0]
                continue
            if (w.startswith((self.morph.article, self.morph.lam_article)) and toks[k][1] not in self._hamza) or \
                    w in self.title_nouns or w in self.titles or self._nisba(w) or \
                    (w in self.connectors and k + 1 < len(toks)):  # "السفير الروسي لدى الولايات المتحدة"
                k += 1
                continue
            # the phrase must say whose title it is (a nationality or a known name), else the words
            # after it may be anything ("رئيس الموساد أحرز تقدما")
            owned = any(self._nisba(toks[m][0]) or self._lookup(toks, m) for m in range(i + 1, k))
            return k if k > i + 1 and owned else -1
        return -1

    def _unknown_person(self, text: str, toks: list[tuple[str, int, int]], i: int,
                        after_role: bool) -> tuple[int, int] | None:
        """A two- or three-word name nobody knows, right after a title: (first, last) token.

        The name must follow a known title directly ("المتحدث باسم الجيش X Y") or
        stand in apposition after a title word and a comma ("الموفد الخاص، X Y،"),
        and it must end at punctuation or a function word.
        """
        if after_role:
            starts = [i]
        elif toks[i][0] in self.titles:
            comma = next((j for j in range(i + 1, min(i + 7, len(toks)))
                          if self.morph.comma_re.search(text, toks[j - 1][2], toks[j][1])), -1)
            # "رئيس الوزراء الأرميني نيكول باشينيان،": the title's own phrase first, then the apposition
            starts = [j for j in (self._title_phrase_end(text, toks, i), comma) if j >= 0]
        else:
            return None
        for start in starts:
            name = self._name_at(text, toks, start)
            if name is not None:
                return name
        return None

    def _name_at(self, text: str, toks: list[tuple[str, int, int]], start: int) -> tuple[int, int] | None:
        """Two or three name-like tokens from ``start`` that end at punctuation or a function word."""
        k = start
        while k < len(toks) and k - start < 3 + sum(1 for m in range(start, k) if toks[m][0] in self.joiners) \
                and self._name_like(toks, k):
            if k > start and re.search(r"[^\s]", text[toks[k - 1][2]:toks[k][1]]):
                break  # punctuation inside: the name ended before
            k += 1
        if k - start < 2:
            return None
        if k < len(toks) and not (re.search(r"[^\s]", text[toks[k - 1][2]:toks[k][1]])
                                  or toks[k][0] in self.stop or (self._definite(toks, k)
                                                                 and toks[k - 1][0] not in self.joiners)):
            return None
        return start, k - 1


def get_matcher(folder: str | None = None) -> EntityMatcher:
    """The matcher for the knowledge base in ``folder`` (the packaged one by default), one per process."""
    return _matcher(str(folder or KB_DIR))


@lru_cache(maxsize=4)
def _matcher(folder: str) -> EntityMatcher:
    return EntityMatcher(get_kb(folder))

"""Find event mentions in article segments.

For each trigger word of the lexicon the extractor works out, on the
normalized working copy:

* whether it states an event at all: a perfective verb, a future/planned
  imperfective (سيلتقي، من المقرر أن يجتمع), or a noun with a support verb
  (عقد اجتماعا، مفاوضات جرت); not when negated (لم يلتق), conditional (إذا التقى),
  ongoing (يواصل، تجري اتصالات) or a present-tense narration;
* its clause: the words up to the nearest reported-clause opener (إن/أن),
  quotation mark or sentence end; the clause is the mention's span;
* its actors from the entities in the clause, with their roles, its place,
  the outlets that report it, and whether its speaker is anonymous ("قال مسؤول"
  is provenance, not a statement event);
* whether it is embedded in someone's words or in a relative clause (an
  undated embedded event is background, not a new event).

Dating and merging are separate steps (``dating.py``, ``merge.py``).
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from timeline.events.lexicon import EventLexicon, FormKind, TriggerFamily
from timeline.knowledge.kb import KnowledgeBase
from timeline.knowledge.matcher import EntityMatcher, EntityMention
from timeline.model import Document, Segment, Timex
from timeline.normalize import NormalizedText, normalize_plain
from timeline.temporal.resources import load_language

_TOKEN = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?؟؛\n]")
_DATELINE_TAIL = re.compile(r"[ \t]*(\([^()\n]{1,40}\)[ \t]*)?[-\u2013\u2014:][ \t]")
_VERB_PREFIXES = ("و", "ف")
_NOUN_PREFIXES = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")
_HEADLINE_WORDS = 12
_SAY_TYPES = ("statement", "rejection")
_FRAME_TYPES = ("meeting", "negotiation", "call", "visit")


@dataclass
class Tok:
    text: str
    start: int
    end: int


@dataclass
class Arg:
    """An actor as found in the text (resolved to a KB id, or an unknown person's Arabic name)."""

    id: str
    role: str
    start: int
    end: int
    surface: str
    known: bool = True


@dataclass
class Candidate:
    """One event mention before dating and merging (working-copy offsets)."""

    doc: Document
    norm: NormalizedText
    segment: Segment
    family: TriggerFamily
    kind: FormKind
    trigger: tuple[int, int]  # token indices [i, j)
    trigger_span: tuple[int, int]
    sentence: tuple[int, int]
    clause: tuple[int, int]
    sub: tuple[int, int]
    planned: bool = False
    actors: list[Arg] = field(default_factory=list)
    location: str | None = None
    sources: list[str] = field(default_factory=list)
    attach_only: bool = False
    embedded: bool = False  # in a named actor's words or a relative clause
    anonymous: bool = False  # a statement by an unnamed official or an outlet
    governing: Candidate | None = None  # the statement whose reported clause holds this one
    self_announced: bool = False
    replaces_statement: bool = False  # "أعلن X أنه بدأ ...": the action is the event, not the announcement
    frame_refs: list[str] = field(default_factory=list)  # actors named in "خلال جلسة X"
    support: int | None = None  # token index of a noun trigger's support verb
    subject_found: bool = False
    frame_event: Candidate | None = None  # "في نهايته", "عقب اللقاء": the earlier event this one happened in
    said_end: int | None = None  # a statement's report runs on through what was said (to here)
    count: int | None = None  # people released or exchanged ("90 أسيرا")
    dated_alone: bool = False  # no party named, but its own date and place make it an event

    @property
    def needs_no_party(self) -> bool:
        """An event even when no party is named: its family says so, or its own date and place do."""
        return self.family.min_actors == 0 or self.dated_alone

    @property
    def report(self) -> tuple[int, int]:
        """The words that report this mention: its clause, and for a statement what was said."""
        return (self.clause[0], max(self.clause[1], self.said_end or 0))

    @property
    def type(self) -> str:
        return self.family.type


class SegmentView:
    """Tokens, sentences, quotes, entities and timexes of one article segment."""

    def __init__(self, doc: Document, norm: NormalizedText, seg: Segment, matcher: EntityMatcher,
                 timexes: list[Timex]) -> None:
        self.doc, self.norm, self.seg = doc, norm, seg
        text = norm.text
        self.start = bisect.bisect_left(norm.index, seg.start)
        self.end = bisect.bisect_left(norm.index, seg.end)
        self.toks = [Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, self.start, self.end)]
        self.tok_starts = [t.start for t in self.toks]
        self.entities = [e for e in matcher.reread_marked(matcher.find(text, self.start, self.end), norm)
                         if not self._dateline(text, e)]
        self.timexes = [(bisect.bisect_left(norm.index, tx.start), bisect.bisect_left(norm.index, tx.end), tx)
                        for tx in timexes if seg.start <= tx.start < seg.end]
        self.breaks = [m.start() for m in _SENTENCE_END.finditer(text, self.start, self.end)]
        quotes = [i for i in range(self.start, self.end) if text[i] == '"']
        self.quotes = list(zip(quotes[0::2], quotes[1::2]))
        self.quote_marks = quotes
        lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text[self.start:self.end])]
        self.lines = [(a + self.start, b + self.start) for a, b in lines]

    @staticmethod
    def _dateline(text: str, e: EntityMention) -> bool:
        """A place that opens a line and is followed by a dash ("القاهرة - ", "الدوحة (رويترز) -"):
        where the story was filed, neither an actor nor the event's place."""
        if e.kind != "place":
            return False
        line_start = text.rfind("\n", 0, e.start) + 1
        if text[line_start:e.start].strip(" \t\u200f\u200e*"):
            return False
        return _DATELINE_TAIL.match(text, e.end) is not None

    def inside_entity(self, pos: int, kinds: tuple[str, ...] | None = None) -> bool:
        """Whether offset ``pos`` lies inside an entity mention (of one of ``kinds``, if given)."""
        return any(e.start <= pos < e.end and (kinds is None or e.kind in kinds) for e in self.entities)

    def sentence(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.breaks, pos - 1)
        left = self.breaks[k - 1] + 1 if k > 0 else self.start
        right = self.breaks[k] if k < len(self.breaks) else self.end
        return left, right

    def previous_sentence_end(self, start: int) -> int:
        """A position inside the sentence before the one starting at ``start``."""
        p = start - 1
        while p > self.start and (self.norm.text[p] in ".!?؟؛\n" or self.norm.text[p].isspace()):
            p -= 1
        return max(p, self.start)

    def line(self, pos: int) -> tuple[int, int]:
        for a, b in self.lines:
            if a <= pos < b:
                return a, b
        return pos, pos

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        for a, b in self.quotes:
            if a < pos < b:
                return a, b
        return None

    def tok_index(self, pos: int) -> int:
        return bisect.bisect_left(self.tok_starts, pos)


class EventExtractor:
    """Turns the triggers of an article segment into :class:`Candidate` mentions."""

    def __init__(self, lex: EventLexicon, kb: KnowledgeBase, matcher: EntityMatcher) -> None:
        self.lex, self.kb, self.matcher = lex, kb, matcher
        self.negation = lex.marker_set("negation")
        self.conditional = lex.marker_set("conditional")
        self.future = lex.marker_set("future")
        self.intent = lex.marker_set("intent")
        self.departure = lex.marker_set("departure")
        self.ongoing = lex.marker_set("ongoing")
        self.comps = lex.marker_set("complementizers")
        self.breaks = lex.marker_set("clause_breaks")
        self.multi_breaks = [tuple(p.split()) for p in self.breaks if " " in p]  # "بعد أن", "في المقابل"
        self.frames = lex.marker_set("frames")
        self.mediation = lex.marker_set("mediation")
        self.anonymous = set(matcher.anonymous_heads)
        self.purpose = lex.marker_set("purpose")
        self.phone = lex.marker_set("phone")
        self.subject_blockers = lex.marker_set("subject_blockers")
        self.own_forces = lex.marker_set("own_forces")
        self.mediator_nouns = lex.marker_set("mediator_nouns")
        self.hosting = lex.marker_set("hosting")
        self.ongoing_lede = lex.marker_set("ongoing_lede")
        self.lede_say = lex.marker_set("lede_say")
        self.frame_anaphors = lex.marker_set("frame_anaphors")
        self.visit_transitive = lex.marker_set("visit_transitive")
        self.where_links = lex.marker_set("where_links")
        self.held_by = lex.marker_set("held_by") | lex.marker_set("holding_verbs")
        self.locatives = lex.marker_set("locatives")
        self.receiving = lex.marker_set("receiving")
        self.captives = lex.marker_set("captives")
        self.dual_anaphors = lex.marker_set("dual_anaphors")
        self.party_stops = lex.marker_set("party_stops")
        self.number_words = {w: int(v) for w, v in load_language(lex.lang).tables.get("number_word", {}).items()}
        self.frame_nouns = frozenset(w for f in lex.families if f.type in _FRAME_TYPES for w in f.nouns)
        self.call_family = next((f for f in lex.families if f.type == "call"), None)
        self.approval_family = next((f for f in lex.families if f.name == "approve-operation"), None)

    # ------------------------------------------------------------------ words
    @staticmethod
    def _verb_variants(word: str) -> list[tuple[str, bool]]:
        """(form, has future prefix) readings of a verb token."""
        out = [(word, False)]
        for p in _VERB_PREFIXES:
            if word.startswith(p) and len(word) > 3:
                out.append((word[len(p):], False))
        for w, _ in list(out):
            if w.startswith("س") and len(w) > 3 and w[1] in "يتن":
                out.append((w[1:], True))
        return out

    @staticmethod
    def _object_suffix(word: str) -> str | None:
        """The verb without an attached object pronoun (أقرها، التقاه), if it has one."""
        for suf in ("هما", "هم", "ها", "ه"):
            if word.endswith(suf) and len(word) - len(suf) >= 3:
                return word[:-len(suf)]
        return None

    @staticmethod
    def _noun_variants(word: str) -> list[str]:
        out = [word]
        for p in _NOUN_PREFIXES:
            if word.startswith(p) and len(word) - len(p) >= 3:
                out.append(word[len(p):])
        if word.startswith("لل"):
            out.append("ال" + word[2:])
        for w in list(out):
            if w.startswith("ال") and len(w) > 4:
                out.append(w[2:])
        return list(dict.fromkeys(out))

    def _is(self, word: str, words: frozenset[str]) -> bool:
        return any(v in words for v in self._noun_variants(word))

    def _phrase_at(self, toks: list[Tok], i: int, phrases: frozenset[str]) -> int:
        """Length in tokens of a (possibly multi-word) phrase of ``phrases`` starting at token i."""
        for p in phrases:
            words = p.split()
            if i + len(words) <= len(toks) and self._is(toks[i].text, frozenset([words[0]])) and \
                    all(toks[i + k].text == words[k] for k in range(1, len(words))):
                return len(words)
        return 0

    # ------------------------------------------------------------------ main
    def extract(self, view: SegmentView) -> list[Candidate]:
        out: list[Candidate] = []
        toks = view.toks
        self._mediator_adjectives(view)
        i = 0
        while i < len(toks):
            found = self._trigger_at(view, i)
            if not found:
                i += 1
                continue
            fam, kind, n, planned, _form, support = found
            cand = self._candidate(view, fam, kind, i, n, planned, support, out)
            if cand is not None:
                out.append(cand)
            i += n
        self._framed_owner(view, out)
        self._two_sides(view, out)
        self._link(view, out)
        for cand in out:  # matching ran on the working copy; exports show the words as printed
            for arg in cand.actors:
                arg.surface = view.norm.original_span(arg.start, arg.end)
        return out

    def _mediator_adjectives(self, view: SegmentView) -> None:
        """"بوساطة قطرية ومصرية", "برعاية تركية", "بتيسير سويسري": the nationality adjectives right
        after a mediation word name the mediating states, even without a definite noun before them."""
        toks = view.toks
        starts = {e.start for e in view.entities}
        added = []
        for k, t in enumerate(toks):
            talks = self._talks_noun(t.text)
            if not talks and (not self._is(t.text, self.mediation) or t.text in self.mediator_nouns):
                continue
            m = k + 1
            if talks:
                # "المحادثات النووية الإيرانية الأميركية": the nationalities after a talks noun (and its own
                # adjectives) are its parties, a definite noun before them or not
                while m < len(toks) and m - k <= 2 and not self.matcher.nisba_of(toks[m].text) and \
                        toks[m].text.startswith(("ال", "وال")) and toks[m].start not in starts:
                    m += 1
                if m >= len(toks) or not self.matcher.nisba_of(toks[m].text):
                    continue
            while m < len(toks) and (talks or toks[m].start not in starts):
                gap = view.norm.text[toks[m - 1].end:toks[m].start]
                if gap.strip() not in ("", "،", ","):
                    break
                nis = self.matcher.nisba_of(toks[m].text)
                if not nis:
                    break
                if toks[m].start in starts:  # "المحادثات السعودية الإيرانية": السعودية is found already
                    m += 1
                    continue
                added.append(EntityMention("nisba", nis[0], toks[m].start, toks[m].end, toks[m].text, nis[1]))
                m += 1
        if added:
            view.entities = sorted(view.entities + added, key=lambda e: e.start)

    def _talks_noun(self, word: str) -> bool:
        """A noun of talks or meetings whose nationality adjectives name the parties ("المحادثات الإيرانية")."""
        return any(fam.type in ("negotiation", "meeting") and kind == "noun" and len(words) == 1
                   for v in self._noun_variants(word) for fam, kind, words in self.lex.index.get(v, []))

    def _trigger_at(self, view: SegmentView, i: int
                    ) -> tuple[TriggerFamily, FormKind, int, bool, str, int | None] | None:
        """The trigger starting at token i: (family, kind, length, planned, form, support verb index)."""
        toks = view.toks
        word = toks[i].text
        best = None
        in_name = view.inside_entity(toks[i].start, ("person", "actor"))
        readings = [] if in_name else [(f, fut, False) for f, fut in self._verb_variants(word)]  # "فيصل" ≠ فـ+يصل
        last = view.norm.original[view.norm.index[toks[i].end - 1]]
        for f, fut, _ in list(readings):
            bare = self._object_suffix(f)
            if bare and not (last == "ة" and f.endswith("ه")) and not (f != word and len(bare) <= 3):
                readings.append((bare, fut, True))
        for form, fut, has_object in readings:
            for fam, kind, words in self.lex.index.get(form, []):
                if kind == "noun" or len(words) > 1:
                    continue
                if kind == "past" and fut:
                    continue
                if self._verb_ok(view, fam, kind, i, form, fut, has_object):
                    # "يجتمع الوزراء اليوم": news present of the day happens today; with a later day it is planned
                    planned = kind == "present" and fam.type not in _SAY_TYPES and (
                        fut or self._future_before(view, i) or self._future_date(view, i))
                    return fam, kind, 1, planned, form, None
        for form in self._noun_variants(word):
            for fam, kind, words in self.lex.index.get(form, []):
                if kind != "noun":
                    continue
                n = len(words)
                if i + n > len(toks) or any(toks[i + k].text not in (words[k],) and
                                            words[k] not in self._noun_variants(toks[i + k].text)
                                            for k in range(1, n)):
                    continue
                ok = self._noun_ok(view, fam, i, n)
                if ok is not None and (best is None or n > best[2]):
                    best = (fam, kind, n, ok[0], form, ok[1])
        return best

    def _prev(self, view: SegmentView, i: int, k: int = 1) -> str:
        return view.toks[i - k].text if i - k >= 0 and view.toks[i - k].start >= view.sentence(
            view.toks[i].start)[0] else ""

    def _negated(self, view: SegmentView, i: int) -> bool:
        return self._prev(view, i) in self.negation

    def _future_before(self, view: SegmentView, i: int) -> bool:
        for k in range(1, 5):
            w = self._prev(view, i, k)
            if not w:
                break
            if w in self.future or any(v in self.future for v in self._noun_variants(w)):
                return True
        return False

    def _verb_ok(self, view: SegmentView, fam: TriggerFamily, kind: str, i: int, form: str, fut: bool,
                 has_object: bool = False) -> bool:
        toks = view.toks
        if self._negated(view, i) or self._prev(view, i) in self.ongoing:
            return False
        if kind == "present" and fam.type in _SAY_TYPES:
            # "يؤكد الرئيس X أن ...": a present-tense lede reports what is said today
            if fut or form not in self.lede_say or not (self._opens_sentence(view, i) or self._speaker_opens(view, i)):
                return False
        elif kind == "present" and not (fut or self._future_before(view, i) or self._future_date(view, i)
                                        or self._today_date(view, i)):
            return False
        if kind == "past" and self._prev(view, i) in ("ان", "لن", "كي", "لكي"):
            return False  # "يمكن أن تحدث": an imperfective that looks perfective
        s0, s1 = view.sentence(toks[i].start)
        ahead = [t.text for t in toks[i + 1:i + 9] if t.start < s1]
        # the object may follow a long subject and a date: look through the clause, not past a new one
        obj_zone = []
        for t in toks[i + 1:i + 18]:
            if t.start >= s1 or t.text in self.comps or t.text in self.breaks:
                break
            obj_zone.append(t.text)
        if fam.needs_object(form) and not has_object and not any(self._is(w, fam.objects) for w in obj_zone):
            return False
        if form in fam.complement_for and not any(w in self.comps or w == "الي" for w in ahead):
            return False
        dual_call = form.endswith("ا") and any(self._is(w, self.phone) for w in ahead[:2])
        if fam.with_required and not dual_call and not any(self._is(t.text, frozenset(["مع"])) or t.text == "مع"
                                         for t in toks[i + 1:i + 25] if t.start < s1):
            return False
        return True

    def _noun_ok(self, view: SegmentView, fam: TriggerFamily, i: int, n: int) -> tuple[bool, int | None] | None:
        """None when the noun states no event here; else (whether the event is planned, the token
        index of its support verb or intention word when one comes before it).

        A noun states an event with a support verb before it in the same clause, however long the
        subject between them ("أجرى الرئيس ...، الاثنين، اتصالا هاتفيا"), with an intention word
        ("يعتزم لقاء"), or with a support verb right after it ("مفاوضات جرت"، "الاجتماع الذي جرى").
        """
        toks = view.toks
        s0, s1 = view.sentence(toks[i].start)
        before: list[tuple[int, str]] = []
        for k in range(i - 1, max(-1, i - 21), -1):
            if toks[k].start < s0 or toks[k].text in self.comps:
                break
            before.insert(0, (k, toks[k].text))
            if self._is_support(toks[k].text):
                break
            if k < i - 1 and self._is_trigger(toks[k].text) and \
                    not view.inside_entity(toks[k].start):  # "فيصل" is a name, not فـ+يصل
                before.pop(0)
                break  # another trigger owns what comes before it
        after = [t.text for t in toks[i + n:i + n + 4] if t.start < s1]
        support_word = before[0][1] if before and self._is_support(before[0][1]) else ""
        if fam.qualifiers and not (any(self._is(w, fam.qualifiers) for w in after[:3])
                                   or any(self._is(w, fam.qualifiers) for _, w in before[-2:])
                                   or (support_word and self._is(support_word, fam.qualifiers))):
            return None
        if before and self._phrase_at(toks, before[-1][0], self.frames):
            if self._framed_own(view, fam, i, n):
                return False, None  # "عقب لقائه بالعاهل الأردني": the framed meeting is an event of its own
            return None  # "خلال الاجتماع": a frame for another event, not an event of its own
        if fam.bare_nouns:
            return False, None
        if fam.support_only:
            for k, w in reversed(before[-8:]):
                if any(v in fam.support_only for v, _ in self._verb_variants(w)):
                    return (False, None) if not self._negated(view, k) else None
            return None
        # support verb before the noun: "عقد اجتماعا", "سيعقد اجتماعا", "أجرى يوم الأربعاء اتصالات"
        for k, w in reversed(before):
            if w in self.future and (k >= i - 3 or w in self.intent):  # "يعتزم لقاء", "من المقرر عقد"
                return None if self._negated(view, k) else (True, k)
            for form, fut in self._verb_variants(w):
                if form in self.lex.support_past and not fut:
                    return None if self._negated(view, k) else (False, k)
                if form in self.lex.support_present and (fut or self._future_before(view, k)
                                                         or self._future_date(view, k)):
                    return None if self._negated(view, k) else (True, k)
                if form in self.lex.support_present and self._today_date(view, k):
                    return None if self._negated(view, k) else (False, k)  # "يعقد المجلس جلسة اليوم"
        # "تتواصل في الدوحة المحادثات", "يواصل الجيش عملياته": under way on the publication day
        for k, w in before[:1]:
            if any(v in self.ongoing_lede for v, fut in self._verb_variants(w) if not fut) and self._opens_sentence(view, k):
                return False, k
        # "مفاوضات جرت", "اجتماعا عقد", "الاجتماع الذي جرى", and after the noun's own phrase:
        # "الجولة الرابعة من المحادثات النووية الإيرانية الأميركية ستعقد الأحد"
        rest = after[1:] if after and after[0] in self.lex.relatives else after
        k0 = i + n + (1 if after and after[0] in self.lex.relatives else 0)
        for k in range(k0, min(len(toks), k0 + 8)):
            w = toks[k].text
            if toks[k].start >= s1:
                break
            for form, fut in self._verb_variants(w):
                if form in self.lex.support_past and not fut:
                    return False, None
                if form in self.lex.support_present and fut:
                    return True, None
            if k - k0 >= 2 and not (w.startswith(("ال", "لل", "وال")) or w == "من" or self._is_trigger(w)
                                    or view.inside_entity(toks[k].start)):
                break  # past the noun's phrase: the verb is another clause's
        # a noun whose own qualifier makes it an event ("اتصالات هاتفية" after تلقى) was handled above
        if fam.qualifiers and any(self._is(w, fam.qualifiers) for _, w in before[-2:]):
            return False, None
        # "الجولة السادسة من المحادثات في فيينا في يونيو", "منذ اندلاع المعارك في 15 أبريل": a noun
        # with its own calendar date is an event of that date
        dated = self._own_date(view, i + n)
        if dated is not None and not fam.support_only:
            return dated, None
        return None

    def _own_date(self, view: SegmentView, k0: int) -> bool | None:
        """Whether the noun ending before token ``k0`` has its own calendar date a few words on (a day or
        a month named with في/يوم, nothing between but its phrase): None without one, else whether
        that date lies after the publication day."""
        toks = view.toks
        s1 = view.sentence(toks[k0 - 1].start)[1]
        for k in range(k0, min(len(toks), k0 + 7)):
            if toks[k].start >= s1 or toks[k].text in self.comps or toks[k].text in self.breaks:
                return None
            for a, _, tx in view.timexes:
                if a != toks[k].start or tx.type != "DATE" or tx.interval is None or tx.granularity not in ("day", "month"):
                    continue
                if not (tx.text.startswith(("في", "يوم")) or toks[k - 1].text in ("في", "يوم")) \
                        or tx.rule.startswith(("relative", "weekday")):
                    return None  # "اليوم", "أمس", a bare weekday: the noun's sentence, not its own date
                dct = view.seg.dct
                return bool(dct and tx.interval.start[:10] > dct.isoformat())
        return None

    def _possessed(self, view: SegmentView, i: int) -> bool:
        """The noun carries a possessive pronoun as printed ("لقائه", "اجتماعها", not the ة of "قمة")."""
        word = view.toks[i].text
        last = view.norm.original[view.norm.index[view.toks[i].end - 1]]
        return len(word) > 4 and (last == "ه" or word.endswith(("ها", "هم", "هما")))

    def _framed_own(self, view: SegmentView, fam: TriggerFamily, i: int, n: int) -> bool:
        """A framed event noun that tells an event of its own: its owner's meeting, call or visit with a
        named partner ("عقب لقائه بالعاهل الأردني", "خلال اتصاله مع نظيره")."""
        if fam.type not in _FRAME_TYPES or not self._possessed(view, i + n - 1):
            return False
        nxt = view.toks[i + n:i + n + 3]
        return any((t.text == "مع" or t.text.startswith("ب")) and
                   any(e.start >= t.start for e in view.entities if e.kind != "place") for t in nxt[:2])

    def _two_sides(self, view: SegmentView, cands: list[Candidate]) -> None:
        """"اتفق الطرفان على", "أكد الجانبان": the two sides are the last two parties named before."""
        toks = view.toks
        for c in cands:
            i, j = c.trigger
            near = range(max(view.tok_index(c.clause[0]), i - 2), min(len(toks), j + 3))
            hit = next((k for k in near if toks[k].start < c.clause[1] and
                        (toks[k].text in self.dual_anaphors or toks[k].text[1:] in self.dual_anaphors)), None)
            if hit is None or len({a.id for a in c.actors if a.role != "mediator"}) >= 2:
                continue
            mediators = {a.id for a in c.actors if a.role == "mediator"}
            sides: list[EntityMention] = []
            for e in reversed([e for e in view.entities if e.end <= toks[hit].start]):
                ref = e.ref if e.kind in ("actor", "nisba") else None
                actor = self.kb.actors.get(ref) if ref else None
                if actor is None or actor.type not in ("state", "armed-group", "government-body", "organization") \
                        or ref in mediators or any(s.ref == ref for s in sides):
                    continue
                sides.append(e)
                if len(sides) == 2:
                    break
            if len(sides) < 2:
                continue
            role = c.family.roles.get("subject", "participant")
            for e in reversed(sides):
                if not any(a.id == e.ref for a in c.actors):
                    c.actors.append(Arg(e.ref, role, toks[hit].start, toks[hit].end, toks[hit].text, True))

    def _framed_owner(self, view: SegmentView, cands: list[Candidate]) -> None:
        """"عقب لقائه بالعاهل الأردني، قال بلينكن": the owner of a framed event noun is the subject of
        the event its sentence goes on to tell."""
        for n, c in enumerate(cands):
            i = c.trigger[0]
            if c.kind != "noun" or c.support is not None or i == 0 or not self._possessed(view, c.trigger[1] - 1):
                continue
            if not self._phrase_at(view.toks, i - 1, self.frames) and not (
                    i > 1 and self._phrase_at(view.toks, i - 2, self.frames) == 2):
                continue
            main = next((m for m in cands[n + 1:] if m.sentence == c.sentence and m.subject_found and m.actors), None)
            if main is None:
                continue
            lead = main.actors[0]
            if not any(a.id == lead.id for a in c.actors):
                c.actors.insert(0, Arg(lead.id, "participant", lead.start, lead.end, lead.surface, lead.known))

    def _speaker_opens(self, view: SegmentView, k: int) -> bool:
        """Token k follows only a named speaker at the start of its sentence or line ("الخارجية الروسية
        تنتقد ..."), outside any quotation."""
        s0 = max(view.sentence(view.toks[k].start)[0], view.line(view.toks[k].start)[0])
        first = view.tok_index(s0)
        if first >= k or view.quote_at(view.toks[k].start) is not None:
            return False
        return all(view.inside_entity(view.toks[m].start) for m in range(first, k))

    def _opens_sentence(self, view: SegmentView, k: int) -> bool:
        """Token k is the first word of its sentence (a lede, not a clause inside reported words)."""
        s0, _ = view.sentence(view.toks[k].start)
        return view.tok_index(s0) == k and view.quote_at(view.toks[k].start) is None

    def _is_support(self, word: str) -> bool:
        return any(f in self.lex.support_past or f in self.lex.support_present for f, _ in self._verb_variants(word))

    def _is_trigger(self, word: str) -> bool:
        return any(self.lex.index.get(f) for f, _ in self._verb_variants(word)) or \
            any(self.lex.index.get(f) for f in self._noun_variants(word))

    def _future_date(self, view: SegmentView, i: int) -> bool:
        """A date after the publication day in the verb's sentence ("يجتمع الكابينيت الخميس المقبل")."""
        dct = view.seg.dct
        if dct is None:
            return False
        s0, s1 = view.sentence(view.toks[i].start)
        for a, _, tx in view.timexes:
            if s0 <= a < s1 and tx.interval is not None and tx.type in ("DATE", "TIME"):
                try:
                    if dt.date.fromisoformat(tx.interval.start[:10]) > dct:
                        return True
                except ValueError:
                    continue
        return False

    def _today_date(self, view: SegmentView, i: int) -> bool:
        """The publication day itself named in the verb's sentence ("يجتمع الوزراء في الرياض اليوم الاثنين")."""
        dct = view.seg.dct
        if dct is None:
            return False
        s0, s1 = view.sentence(view.toks[i].start)
        day = dct.isoformat()
        return any(s0 <= a < s1 and tx.interval is not None and tx.type in ("DATE", "TIME")
                   and tx.interval.start[:10] == day and tx.interval.end[:10] == day
                   for a, _, tx in view.timexes)

    # ------------------------------------------------------------------ clause and arguments
    def _clause(self, view: SegmentView, i: int, n: int) -> tuple[tuple[int, int], tuple[int, int]]:
        """The trigger's clause (between reported-clause openers, a colon or a quote, and the
        sentence ends) and its sub-clause (also cut at بعدما، فيما، لكن ...)."""
        toks = view.toks
        text = view.norm.text
        t0, t1 = toks[i].start, toks[i + n - 1].end
        s0, s1 = view.sentence(t0)
        left, right = s0, s1
        colon = text.rfind(":", s0, t0)
        if colon >= 0:
            left = colon + 1
        colon = text.find(":", t1, s1)
        if colon >= 0:
            right = colon
        comp, brk = self._first_marks(toks, range(i - 1, -1, -1), lambda t: t.start >= left)
        left = comp.end if comp else left
        sub_left = brk.start if brk else s0
        comp, brk = self._first_marks(toks, range(i + n, len(toks)), lambda t: t.start < right)
        right = comp.start if comp else right
        sub_right = brk.start if brk else s1
        quote = view.quote_at(t0)
        if quote:
            left, right = max(left, quote[0] + 1), min(right, quote[1])
        else:
            nxt = next((q for q in view.quote_marks if t1 <= q < right), None)
            if nxt is not None and view.quote_at(nxt + 1):
                right = nxt
        return (left, right), (max(sub_left, left), min(sub_right, right))

    def _first_marks(self, toks: list[Tok], order: range, inside: Callable[[Tok], bool]
                     ) -> tuple[Tok | None, Tok | None]:
        """Walking ``order`` away from a trigger while ``inside`` holds: the first reported-clause
        opener (إن/أن) and the first sub-clause break (بعدما، لكن ...) met before it."""
        brk = None
        for k in order:
            t = toks[k]
            if not inside(t):
                break
            if t.text in self.comps:
                return t, brk
            if brk is None and (t.text in self.breaks or any(
                    tuple(x.text for x in toks[k:k + len(m)]) == m for m in self.multi_breaks)):
                brk = t
        return None, brk

    def _candidate(self, view: SegmentView, fam: TriggerFamily, kind: FormKind, i: int, n: int,
                   planned: bool, support: int | None, earlier: list[Candidate]) -> Candidate | None:
        toks = view.toks
        t0, t1 = toks[i].start, toks[i + n - 1].end
        sentence = view.sentence(t0)
        clause, sub = self._clause(view, i, n)
        # conditionals and questions
        words_before = [t.text for t in toks[view.tok_index(clause[0]):i]]
        if any(w in self.conditional for w in words_before):
            return None
        if view.norm.text[sentence[1]:sentence[1] + 1] in ("؟", "?"):
            return None
        if fam.type == "meeting" and self.call_family is not None and any(
                self._is(t.text, self.phone) for t in toks[i:view.tok_index(sub[1])] if t.start >= sub[0]):
            fam = self.call_family  # "بحث هاتفيا مع", "في اتصال هاتفي": a call, not a meeting
        cand = Candidate(view.doc, view.norm, view.seg, fam, kind, (i, i + n), (t0, t1), sentence, clause, sub,
                         planned=planned, support=support)
        if fam.continuation or self._headline(view, t0):
            cand.attach_only = True
        if fam.type in _SAY_TYPES:
            cand.said_end = self._said_end(view, cand)
        if fam.type in ("release", "exchange"):
            cand.count = self._count(view, i, sub[1])
        self._arguments(view, cand, earlier)
        self._where_link(view, cand, earlier)
        cand.frame_event = self._frame_event(view, cand, earlier)
        if cand.frame_event is not None and not any(a.role != "mediator" for a in cand.actors):
            for arg in cand.frame_event.actors:  # "وقرر الوزراء في نهايته": the body that met decided
                if arg.role != "mediator":
                    cand.actors.append(Arg(arg.id, fam.roles.get("subject", "participant"), arg.start, arg.end,
                                           arg.surface, arg.known))
        if fam.military_objects and self.approval_family is not None:
            zone = [t.text for t in toks[i + n:view.tok_index(sub[1])]][:12]
            subj = next((a for a in cand.actors if a.role == "initiator"), None)
            kind_of = self.kb.actors[subj.id].type if subj and subj.id in self.kb.actors else "person"
            if subj and kind_of in ("person", "organization", "armed-group") and \
                    any(self._is(w, fam.military_objects) for w in zone):
                cand.family = self.approval_family  # "صادق رئيس الأركان على الخطة العملياتية"
        return cand

    def _count(self, view: SegmentView, i: int, end: int) -> int | None:
        """The number of people a release or an exchange concerns: a number right before a captive noun."""
        toks = view.toks
        for k in range(i, min(len(toks) - 1, i + 14)):
            if toks[k].start >= end:
                break
            word = toks[k].text
            value = int(word) if word.isdigit() else self.number_words.get(word)
            if value is not None and any(self._is(t.text, self.captives) for t in toks[k + 1:k + 3]):
                return value
        return None

    @staticmethod
    def _said_end(view: SegmentView, cand: Candidate) -> int:
        """Where what a speaker said ends: the sentence's end, or the end of the quotation that opens
        right after the speech verb's clause ("قال: "...". ")."""
        end = cand.sentence[1]
        after = view.norm.text[cand.clause[1]:cand.clause[1] + 4]
        for k, ch in enumerate(after):
            if ch in "\"«“”":
                quote = view.quote_at(cand.clause[1] + k + 1)
                if quote is not None:
                    end = max(end, quote[1] + 1)
                break
        return min(end, view.end)

    def _where_link(self, view: SegmentView, cand: Candidate, earlier: list[Candidate]) -> None:
        """"وصل بلينكن إلى إسرائيل، حيث التقى نتنياهو": the verb after حيث has the subject of the event
        before it in the sentence, and happens at its destination when it names no place itself."""
        k = cand.support if cand.support is not None else cand.trigger[0]
        if k == 0 or view.toks[k - 1].text not in self.where_links:
            return
        w0 = view.toks[k - 1].start
        there = next((e for e in view.entities if e.kind == "place" and e.end <= w0 and
                      not view.norm.text[e.end:w0].strip(" ،,")), None)
        if there is not None and not any(e.kind == "place" and cand.trigger_span[1] <= e.start < cand.sub[1]
                                         for e in view.entities):
            cand.location = self.kb.places[there.ref].name  # "إلى قصر بعبدا حيث التقى": where = that place
        # "حيث التقى نتنياهو": with one named party a meeting's other party is the visitor
        if cand.subject_found and not (cand.type == "meeting" and
                                       len({a.id for a in cand.actors if a.role != "mediator"}) < 2):
            return
        prev = next((c for c in reversed(earlier) if c.sentence == cand.sentence and c.actors
                     and c.trigger_span[0] < cand.trigger_span[0]), None)
        if prev is None or prev.type not in _FRAME_TYPES:
            return
        lead = prev.actors[0]
        if lead.role == "mediator" or any(a.id == lead.id for a in cand.actors):
            return
        cand.actors.insert(0, Arg(lead.id, cand.family.roles.get("subject", "participant"), lead.start, lead.end,
                                  lead.surface, lead.known))
        if cand.location is None and prev.type == "visit":
            cand.location = prev.location

    def _frame_event(self, view: SegmentView, cand: Candidate, earlier: list[Candidate]) -> Candidate | None:
        """The event told just before that this one happened in, when a frame points back to it:
        "في نهايته", "أكد خلاله", or a frame with a bare event noun ("وعقب اللقاء،", "في ختام الاجتماع")."""
        toks = view.toks
        i, j = cand.trigger
        lo = view.tok_index(cand.sub[0])
        hi = min(view.tok_index(cand.sub[1]), j + 5)
        back = False
        for k in range(lo, hi):
            if i <= k < j:
                continue
            two = f"{toks[k].text} {toks[k + 1].text}" if k + 1 < len(toks) else ""
            if any(v in self.frame_anaphors for v in self._noun_variants(toks[k].text)) or \
                    (two and (two in self.frame_anaphors or
                              (toks[k].text[:1] in "وف" and two[1:] in self.frame_anaphors))):
                back = True
                break
            n = self._phrase_at(toks, k, self.frames)
            if n and k + n < len(toks) and k + n < i and \
                    any(v in self.frame_nouns for v in self._noun_variants(toks[k + n].text)) and \
                    not any(e.start >= toks[k + n].start and e.start <= toks[min(k + n + 2, len(toks) - 1)].end
                            and e.kind != "place" for e in view.entities if e.start < cand.trigger_span[0]):
                back = True
                break
        if not back:
            return None
        s_prev = view.sentence(view.previous_sentence_end(cand.sentence[0]))[0]
        return next((c for c in reversed(earlier) if c.type in _FRAME_TYPES and not c.attach_only
                     and c.trigger_span[0] >= s_prev and c.trigger_span[0] < cand.trigger_span[0]), None)

    @staticmethod
    def _headline(view: SegmentView, pos: int) -> bool:
        """A title or caption line: short and without a final full stop."""
        if len(view.lines) < 2:
            return False
        line = view.line(pos)
        text = view.norm.text[line[0]:line[1]].rstrip()
        if len(_TOKEN.findall(text)) > _HEADLINE_WORDS:
            return False
        return not text.endswith((".", "!", "؟", "?"))

    def _arguments(self, view: SegmentView, cand: Candidate, earlier: list[Candidate]) -> None:
        """Actors with roles, place, sources and frames of a candidate."""
        fam = cand.family
        a, b = cand.clause
        sa, sb = cand.sub
        t0, t1 = cand.trigger_span
        toks = view.toks
        is_say = fam.type in _SAY_TYPES
        ents = [e for e in view.entities if a <= e.start and e.end <= b]
        # sources: outlets anywhere in the sentence, and the outlet whose quote holds the trigger
        for e in view.entities:
            if e.kind == "outlet" and cand.sentence[0] <= e.start < cand.sentence[1]:
                cand.sources.append(self.kb.outlets[e.ref].name)
        quote = view.quote_at(t0)
        if quote:
            qs = view.sentence(quote[0])
            for e in view.entities:
                if e.kind == "outlet" and qs[0] <= e.start < quote[0]:
                    cand.sources.append(self.kb.outlets[e.ref].name)
        # location: the first place after the trigger, before any purpose phrase (لمناقشة، بشأن);
        # for a statement only in its own clause, never in what was said
        stop = cand.sentence[1] if not is_say else b
        for k in range(cand.trigger[1], view.tok_index(stop)):
            if self._is(toks[k].text, self.purpose) or (is_say and toks[k].text in self.comps):
                stop = toks[k].start
                break
            if is_say and toks[k].text.startswith(("بال", "وبال")) and not view.inside_entity(toks[k].start):
                stop = toks[k].start  # "هددت مصر بالانسحاب ... في رفح": what was said, not where
                break
        places = [e for e in view.entities if e.kind == "place" and t1 <= e.start and e.end <= stop
                  and not (e.alt and self._party_position(view, e)) and (fam.type == "military" or self._locative(view, e))]
        state_place: EntityMention | None = None
        where_start = -1
        if fam.type == "visit":
            # a trip goes to the place after إلى; the place after من (or the object of غادر) is where it left
            dest = [e for e in view.entities if e.kind in ("place", "actor") and t1 <= e.start and e.end <= stop
                    and self._word_before(view, e) in ("الي", "الى")]
            if not dest and any(v in self.visit_transitive for v, _ in self._verb_variants(toks[cand.trigger[0]].text)):
                # "زار راتكليف إسرائيل": the first place or state after the verb is where the visit went
                dest = [e for e in view.entities if t1 <= e.start and e.end <= stop and
                        (e.kind == "place" or e.kind == "actor" and self.kb.actors[e.ref].type == "state")
                        and self._word_before(view, e) != "من"][:1]
            if dest:
                state_place = dest[0] if dest[0].kind == "actor" else None
                places = [dest[0]] if dest[0].kind == "place" else []
            else:
                places = [e for e in places if self._word_before(view, e) != "من" and not (
                    self._is(toks[cand.trigger[0]].text, self.departure) and
                    view.tok_index(e.start) == cand.trigger[1])]
        if not places and state_place is None:
            # "في إسرائيل": a state named where something happens is its territory
            state_place = next((e for e in view.entities if e.kind == "actor" and t1 <= e.start and e.end <= stop
                                and self._word_before(view, e) == "في"), None)
        if fam.placeless:
            places, state_place = [], None  # "ألغى زيارته إلى القاهرة": the trip's goal is not where it was called off
        if state_place is not None:
            terr = self._territory(state_place.ref)
            if terr is not None:
                cand.location = terr
                where_start = state_place.start
        elif places:
            cand.location = self.kb.places[places[0].ref].name
        else:
            before = [e for e in ents if e.kind == "place" and e.end <= t0 and e.start >= sa]
            if before:
                cand.location = self.kb.places[before[-1].ref].name
        # frames: "خلال جلسة الكابينيت" — what the event happened during
        for k in range(view.tok_index(a), view.tok_index(b)):
            if self._phrase_at(toks, k, self.frames):
                span_end = toks[min(k + 4, len(toks) - 1)].end
                if toks[k].start < t0:  # "وعقب اللقاء، قال هوكستين": the frame ends at a comma or the verb
                    comma = view.norm.text.find("،", toks[k].end, t0)
                    span_end = min(span_end, t0, comma if comma >= 0 else t0)
                for e in ents:
                    if toks[k].end <= e.start <= span_end and e.kind in ("actor", "anaphor", "role"):
                        ref = self._resolve(e, cand)
                        if ref:
                            cand.frame_refs.append(ref)
        people = [e for e in ents if (e.kind not in ("place", "outlet") or e.alt) and self._resolve(e, cand)
                  and not self._apposition(view, e, cand) and self._word_before(view, e) not in self.held_by]
        subject = self._subject(view, cand, people)  # a capital can be a subject: "أكد البيت الأبيض"
        people = [e for e in people if (e.kind != "place" or e is subject or self._party_position(view, e)
                                        or (e.alt and subject is not None and subject.alt is not None
                                            and e.end <= subject.start and self._joined(view, e, subject)))
                  and e.start != where_start]  # "موسكو وكييف اتفقتا": capitals joined to a capital subject
        if subject is not None and subject.kind == "place" and cand.support is not None and \
                any(v in self.hosting for v, _ in self._verb_variants(toks[cand.support].text)):
            cand.location = self.kb.places[subject.ref].name  # "تستضيف الدوحة جولة": the host city is where
            people = [e for e in people if e is not subject]
            subject = None
        cand.subject_found = subject is not None
        if subject is not None and subject.kind == "outlet":
            cand.anonymous = True
            subject = None
        if cand.anonymous:
            return
        zones = self._mediator_zones(view, a, b)
        party_stop = next((toks[k].start for k in range(cand.trigger[1], view.tok_index(sb))
                           if toks[k].text in self.party_stops  # not "قبل ظهر اليوم", a time of its own
                           and not any(x <= toks[k].start < y or (k + 1 < len(toks) and x == toks[k + 1].start)
                                       for x, y, _ in view.timexes)), sb)
        seen: set[str] = set()

        def add(e: EntityMention, role: str) -> None:
            ref = self._resolve(e, cand)
            if ref and ref not in seen and ref not in cand.frame_refs:
                seen.add(ref)
                cand.actors.append(Arg(ref, role, e.start, e.end, e.surface, e.kind != "person"))

        if subject is not None:
            as_mediator = self._in(zones, subject) or self._mediator_apposition(view, subject, b)
            received = cand.support is not None and self._is(toks[cand.support].text, self.receiving)
            add(subject, "mediator" if as_mediator else
                "participant" if received else fam.roles.get("subject", "participant"))
            if subject.kind == "place" and cand.location == self.kb.places[subject.ref].name and \
                    not any(e.kind == "place" and e is not subject and e.start >= t1 for e in ents):
                cand.location = None  # "أكد الكرملين": the speaker, not where it spoke
            if subject.start >= view.toks[cand.support if cand.support is not None else cand.trigger[0]].end:
                # "عقد ممثلو الجيش السوداني وقوات الدعم السريع اجتماعا", "خاض الوفدان الروسي والأوكراني":
                # names joined to a subject after the verb share its role
                conj = subject
                for e in [p for p in people if p.start >= subject.end]:
                    if self._in(zones, e) or not self._joined(view, conj, e):
                        break
                    add(e, fam.roles.get("subject", "participant"))
                    conj = e
            if subject.end <= t0 and fam.roles.get("subject") == "participant" or fam.type == "call":
                # "ترامب ونتنياهو تحادثا": every conjunct before the verb
                conj = subject
                for e in reversed([p for p in people if p.end <= conj.start]):
                    if subject.end > t0 or view.norm.text[e.end:conj.start].strip() or \
                            not self._conjoined(conj):
                        break
                    add(e, fam.roles.get("subject", "participant"))
                    conj = e
        if is_say or fam.type in ("decision", "proposal"):
            for e in people:
                if self._in(zones, e):
                    add(e, "mediator")
            if fam.type == "proposal":
                self._proposal_parties(view, cand, people, subject, zones, add)
        else:
            for e in people:
                if e is subject or not (sa <= e.start and e.end <= sb or self._in(zones, e)):
                    continue
                if e.kind == "place" and not (self._in(zones, e) or self._party_position(view, e)):
                    continue  # "في واشنطن": where, not who
                if e.kind == "actor" and self.kb.actors[e.ref].type == "state" and self._word_before(view, e) == "في":
                    continue  # "في تونس": the country where it happened
                if e.end <= t0 and not self._in(zones, e):
                    continue  # before the trigger and not its subject: another clause's actor
                if fam.type in _FRAME_TYPES and e.start >= min(stop, party_stop) and not self._in(zones, e) and \
                        not self._after_preposition(view, e, ("بين", "مع")):
                    continue  # "جلسة طارئة بشأن السودان", "لبحث الأوضاع في غزة": the topic, not a party
                add(e, self._role_of(view, cand, e, zones))
        if fam.type == "call" and subject is not None and len({x.id for x in cand.actors if x.role != "mediator"}) < 2:
            # "الوسطاء المصريون تلقوا اتصالات من مسؤولين إسرائيليين": with one other party there is nobody to
            # mediate between; who makes or takes a call is a party to it
            cand.actors = [Arg(x.id, "participant", x.start, x.end, x.surface, x.known)
                           if x.role == "mediator" and x.start == subject.start else x for x in cand.actors]
        if not cand.actors or (subject is None and fam.type == "military"):
            self._implicit_subject(view, cand, earlier)
        if fam.type == "military" and fam.roles.get("subject") == "initiator" and \
                not any(x.role == "initiator" for x in cand.actors):
            cand.actors = []  # who struck is the point of a military event
        if not cand.actors and cand.kind == "noun" and \
                fam.type in ("negotiation", "meeting", "military") and cand.location is not None and \
                self._own_date(view, cand.trigger[1]) is not None:
            cand.dated_alone = True  # "الجولة السادسة من المحادثات في فيينا في يونيو"

    def _joined(self, view: SegmentView, left: EntityMention, e: EntityMention) -> bool:
        """``e`` is joined to ``left`` by و: "X وY", or through a short title ("السيسي وأخوه صاحب السمو
        الشيخ تميم", "بلينكن ونظيره X")."""
        gap = view.norm.text[left.end:e.start]
        if not gap.strip():
            return self._conjoined(e)
        words = gap.split()
        return len(words) <= 3 and words[0].startswith("و") and len(words[0]) > 2 and \
            not any(c in gap for c in "،,.:\"؛") and \
            not any(w in self.subject_blockers or w in self.comps or self._is_trigger(w) for w in words)

    def _proposal_parties(self, view: SegmentView, cand: Candidate, people: list[EntityMention],
                          subject: EntityMention | None, zones: list[tuple[int, int]],
                          add: Callable[[EntityMention, str], None]) -> None:
        """Who else takes part in a proposal: the co-proposers joined to a subject after the verb
        ("طرحت الولايات المتحدة وفرنسا مبادرة") and the recipients, between the verb and the thing
        proposed ("سلم الوسطاء وفد حماس مقترحا", "عرض X على Y مسودة") or after إلى / على
        ("قدم لبنان رده إلى الموفد X").  Names after the object or a purpose word are its topic."""
        toks = view.toks
        fam = cand.family
        i, j = cand.trigger
        sa, sb = cand.sub
        k_end = view.tok_index(sb)
        obj_start, stop = sb, sb
        for k in range(j, k_end):
            if obj_start == sb and self._is(toks[k].text, fam.objects) and toks[k].text not in ("علي", "الي"):
                obj_start = toks[k].start
            if self._is(toks[k].text, self.purpose) and toks[k].text not in ("علي", "الي"):
                stop = toks[k].start
                break
        subj_role = fam.roles.get("subject", "initiator")
        to_role = fam.roles.get("to", "target")
        last: EntityMention | None = subject if subject is not None and subject.start >= cand.trigger_span[1] \
            else None
        last_role = subj_role
        for e in people:
            if e is subject or e.start < cand.trigger_span[1] or e.end > stop or self._in(zones, e):
                continue
            if e.kind == "place" and not self._party_position(view, e):
                continue
            joined = last is not None and not view.norm.text[last.end:e.start].strip(" ،,") and \
                self._conjoined(e)
            if joined:
                role = last_role
            elif e.end <= obj_start or self._after_preposition(view, e, ("الي", "الى", "علي")):
                role = to_role
            else:
                last = None
                continue
            add(e, role)
            last, last_role = e, role

    def _after_preposition(self, view: SegmentView, e: EntityMention, preps: tuple[str, ...]) -> bool:
        """A name right after one of ``preps``, perhaps with a title or two between ("إلى الموفد X")."""
        k = view.tok_index(e.start)
        for m in range(k - 1, max(-1, k - 4), -1):
            w = view.toks[m].text
            if w in preps:
                return True
            if view.inside_entity(view.toks[m].start) or self._is_trigger(w) or \
                    w in self.subject_blockers or w in self.comps:
                return False
        return False

    def _locative(self, view: SegmentView, e: EntityMention) -> bool:
        """A place told as where: after a locative word (in the three before it) or with ب on the name."""
        k = view.tok_index(e.start)
        if view.norm.text[max(0, e.start - 1):e.start] == "ب" or view.toks[k].text.startswith(("بال", "وبال")):
            return True
        if k > 0 and self._is_trigger(view.toks[k - 1].text):
            return True  # "محادثات جدة", "قمة ألاسكا": the talks of that place
        return any(w in self.locatives or (w[:1] in ("و", "ف") and w[1:] in self.locatives)
                   for w in (view.toks[m].text for m in range(max(0, k - 3), k)))

    def _word_before(self, view: SegmentView, e: EntityMention) -> str:
        k = view.tok_index(e.start)
        return view.toks[k - 1].text if k > 0 else ""

    def _territory(self, actor_id: str) -> str | None:
        """The country place of a state actor ("في إسرائيل", "زار إيران")."""
        actor = self.kb.actors.get(actor_id)
        if actor is None or actor.type != "state":
            return None
        return next((p.name for p in self.kb.places.values() if p.kind == "country" and p.name == actor.name), None)

    def _party_position(self, view: SegmentView, e: EntityMention) -> bool:
        """"بين طهران وواشنطن", "مع موسكو": a capital standing for its state as a party."""
        before = view.norm.text[max(view.start, e.start - 6):e.start].split()
        word = before[-1] if before else ""
        return word in ("بين", "مع", "و") or self._conjoined(e) and word != "في"

    def _conjoined(self, e: EntityMention) -> bool:
        """The mention carries the clitic و ("وواشنطن"), as opposed to a name that begins with it ("واشنطن")."""
        return e.surface.startswith("و") and tuple(e.surface.split()) not in self.matcher.table

    @staticmethod
    def _in(zones: list[tuple[int, int]], e: EntityMention) -> bool:
        return any(s <= e.start < z for s, z in zones)

    def _apposition(self, view: SegmentView, e: EntityMention, cand: Candidate) -> bool:
        """An unknown name right after a title that already names someone ("المستشار X، جيك سوليفا")."""
        if e.kind != "person":
            return False
        for r in view.entities:
            if r.kind == "role" and 0 <= e.start - r.end <= 3 and self._resolve(r, cand):
                return True
        return False

    def _subject(self, view: SegmentView, cand: Candidate, people: list[EntityMention]) -> EntityMention | None:
        """Who did it: right after the verb (VSO; a date or يوم may come between) or just before it
        (SVO).  For a noun, the subject of its support verb ("أجرى ديرمر اتصالات", "ديرمر أجرى اتصالات").

        For statements, sets ``cand.anonymous`` when the speaker is an unnamed official or source
        ("قال مسؤول إسرائيلي", "أكد مصدران", "نقل عن مسؤولين قولهم") or an outlet ("ذكر الموقع").
        """
        toks = view.toks
        i, j = cand.trigger
        a, b = cand.clause
        say = cand.family.type in _SAY_TYPES
        anon = frozenset(self.anonymous)
        if cand.kind == "noun":
            if say:  # "نقل الموقع عن الوزير X قوله"
                before = [e for e in people if e.end <= cand.trigger_span[0] and
                          view.tok_index(cand.trigger_span[0]) - view.tok_index(e.end) <= 3]
                if before and self._anonymous_lead(view, before[-1], a):
                    cand.anonymous = True
                    return None
                return before[-1] if before else None
            if cand.support is None:
                return None
            i, j = cand.support, cand.support + 1
        verb_start = toks[i].start
        if toks[i].text.endswith("نا") and not say:
            return None  # first person plural: the speaker (see _implicit_subject)
        # SVO first: a name ending just before the verb ("كيربي أكد", "X، Y، سيلتقي")
        for e in reversed(people + [x for x in view.entities if x.kind == "outlet" and a <= x.start]):
            if e.end <= verb_start and view.tok_index(verb_start) - view.tok_index(e.end) <= 2 and e.start >= a \
                    and not (e.kind == "place" and any(c in view.norm.text[e.end:verb_start] for c in "،,")):
                # a place before a comma is where the frame happened ("في الدوحة أمس، أكد X"), not the subject
                if say and self._anonymous_lead(view, e, a):
                    cand.anonymous = True
                    return None
                if e.kind == "outlet":
                    if any(c in view.norm.text[e.end:verb_start] for c in "،,-\u2013\u2014"):
                        continue  # "التي كشف عنها موقع أكسيوس، قالت المتحدثة": another clause's outlet
                    return e if say else None
                return e
        if cand.kind != "noun" and toks[i].text.endswith("وا") and not say:
            return None  # "وهاجموا إسرائيل": the plural verb carries its subject; the name after is its object
        k, skipped = j, 0
        while k < len(toks) and toks[k].start < b:
            if self._is_filler(view, toks[k]):
                k += 1
                continue
            ent = next((e for e in view.entities if e.start == toks[k].start), None)
            if ent is not None and ent.kind == "outlet":
                return ent if say else None
            if ent is not None and ent in people:
                if say and self._anonymous_lead(view, ent, a):
                    cand.anonymous = True
                    return None
                return self._named_person_after(view, ent, people)
            if say and self._is(toks[k].text, anon):
                cand.anonymous = True
                return None
            # a title before the name ("حذر المتحدث العسكري باسم جماعة الحوثي يحيى سريع"),
            # "ممثلو", "صاحب السمو": a few words, but never across a preposition or a new clause
            if skipped >= 4 or toks[k].text in self.subject_blockers or toks[k].text in self.comps:
                break
            skipped += 1
            k += 1
        return None

    def _named_person_after(self, view: SegmentView, ent: EntityMention,
                            people: list[EntityMention]) -> EntityMention:
        """The person a title phrase ends with: "المتحدث باسم جماعة الحوثي يحيى سريع",
        "مستشار اتصالات مجلس الأمن القومي في البيت الأبيض، جون كيربي" are the persons."""
        if ent.kind == "actor" and self.kb.actors[ent.ref].type != "person":
            k0 = view.tok_index(ent.end)
            for e in people:
                if e.start <= ent.end:
                    continue
                k1 = view.tok_index(e.start)
                gap = view.norm.text[ent.end:e.start]
                words = [t.text for t in view.toks[k0:k1]]
                if k1 - k0 > 5 or any(w in self.comps for w in words) or any(c in gap for c in ".:\"؛"):
                    break
                if any(self.lex.index.get(v) for w in words for v, _ in self._verb_variants(w)):
                    break
                if e.kind in ("person", "role") or (e.kind == "actor" and self.kb.actors[e.ref].type == "person"):
                    return e
        return ent

    def _anonymous_lead(self, view: SegmentView, e: EntityMention, clause_start: int) -> bool:
        """"مسؤول إسرائيلي", "مسؤولين أميركيين وإسرائيليين": a nationality after an unnamed official."""
        if e.kind not in ("nisba",) and not (e.kind == "actor" and
                                             view.norm.text[max(clause_start, e.start - 12):e.start].strip()):
            return False
        toks = view.toks
        k = view.tok_index(e.start)
        lead = [toks[m].text for m in range(max(view.tok_index(clause_start), k - 3), k)]
        anon = frozenset(self.anonymous)
        return any(self._is(w, anon) for w in lead[-3:]) and not any(
            x.kind in ("actor", "role", "person") and x.end <= e.start and x.start >= toks[max(0, k - 3)].start
            for x in view.entities)

    def _is_filler(self, view: SegmentView, tok: Tok) -> bool:
        """Words between a verb and its subject that say nothing about who: timexes, يوم."""
        return any(s <= tok.start < e for s, e, _ in view.timexes) or tok.text in ("يوم", "مساء", "صباح")

    def _mediator_zones(self, view: SegmentView, a: int, b: int) -> list[tuple[int, int]]:
        """Spans of mediators: the names right after بوساطة / برعاية / بتيسير / عبر الوسطاء, or a
        nationality (and the name after it) right after الوسطاء / الوسيط ("الوسيط الأمريكي آموس هوكستين")."""
        zones = []
        toks = view.toks
        for k in range(view.tok_index(a), view.tok_index(b)):
            if toks[k].text in ("عبر", "وعبر"):
                # "عبر سلطنة عمان", "عبر قطر": a state or body the exchange went through
                nxt = next((e for e in view.entities if e.start >= toks[k].end), None)
                if nxt is not None and nxt.kind == "actor" and not view.norm.text[toks[k].end:nxt.start].strip() \
                        and self.kb.actors[nxt.ref].type in ("state", "organization", "international-organization"):
                    zones.append((toks[k].start, nxt.end))
                continue
            if not self._is(toks[k].text, self.mediation):
                continue
            nisba_first = any(v in self.mediator_nouns for v in self._noun_variants(toks[k].text))
            end = toks[k].end
            seen = 0
            for e in view.entities:
                if e.start < end or e.start >= b:
                    continue
                gap = view.norm.text[end:e.start].strip(" ،,")
                if gap not in ("", "و") or (nisba_first and seen == 0 and e.kind != "nisba"):
                    break
                end = e.end
                seen += 1
            if end > toks[k].end:
                zones.append((toks[k].start, end))
        return zones

    def _mediator_apposition(self, view: SegmentView, e: EntityMention, clause_end: int) -> bool:
        """"رئيس الوزراء القطري، بصفته وسيطا، ...": the subject acts as mediator."""
        after = view.norm.text[e.end:min(clause_end, e.end + 20)]
        return bool(re.match(r"^[\s،,]*(بصفته|بصفتها|بصفتهم)\s+(وسيطا|وسيط|الوسيط)", after))

    def _role_of(self, view: SegmentView, cand: Candidate, e: EntityMention,
                 zones: list[tuple[int, int]]) -> str:
        fam = cand.family
        if self._in(zones, e):
            return "mediator"
        before = view.norm.text[max(cand.clause[0], e.start - 8):e.start].split()
        prep = before[-1] if before else ""
        if prep in ("ضد", "علي"):
            return fam.roles.get("against", "target")
        if prep == "من" and "from" in fam.roles:
            return fam.roles["from"]
        if fam.type == "military":
            return "target"
        return "participant"

    def _resolve(self, e: EntityMention, cand: Candidate) -> str | None:
        if e.kind in ("actor", "nisba", "anaphor"):
            return e.ref
        if e.kind == "place":
            return e.alt
        if e.kind == "role":
            return self.kb.roles[e.ref].holder_on(cand.segment.dct)
        if e.kind == "person":
            return self._named_holder(e, cand) or "ar:" + e.ref
        return None

    def _named_holder(self, e: EntityMention, cand: Candidate) -> str | None:
        """The holder of the title printed with an unknown name, when the name can be theirs: it shares a
        word with one of the holder's names ("إيفي غوفرين" for إيفي دفرين); "نيد برايس المتحدث باسم
        الخارجية" in 2025 is not the spokesperson of 2025."""
        if not e.alt or e.alt not in self.kb.roles:
            return None
        holder = self.kb.roles[e.alt].holder_on(cand.segment.dct)
        actor = self.kb.actors.get(holder) if holder else None
        if actor is None:
            return None
        printed = set(e.ref.split())
        names = {w for alias in actor.ar for w in normalize_plain(alias).split() if len(w) > 2}
        return holder if printed & names else None

    def _implicit_subject(self, view: SegmentView, cand: Candidate, earlier: list[Candidate]) -> None:
        """No named subject: "أنه بدأ" and "أطلقنا" take the reporting speaker; "وقالت إن" continues
        the last statement; "ألغى الرحلة" takes the last person named."""
        toks = view.toks
        i, j = cand.trigger
        opener = ""
        for k in range(i - 1, view.tok_index(cand.sentence[0]) - 1, -1):
            if toks[k].text in self.comps:
                opener = toks[k].text
                break
        says = [c for c in earlier if c.type in _SAY_TYPES]
        gov = next((c for c in reversed(says) if c.sentence == cand.sentence and c.trigger[0] < i), None)
        quote = view.quote_at(cand.trigger_span[0])
        if gov is None and quote:
            gov = next((c for c in reversed(says) if c.trigger_span[1] <= quote[0]
                        and view.sentence(quote[0])[0] <= c.trigger_span[0]), None)
        first_plural = cand.kind != "noun" and (toks[i].text.endswith("نا") or (
            i > 0 and self._is(toks[i - 1].text, self.own_forces)))  # "أن مقاتليه استهدفوا"
        if gov is not None and gov.actors and cand.type not in _SAY_TYPES and (
                opener in ("انه", "انها", "بانه", "بانها", "انهم", "انهما") or first_plural):
            spk = gov.actors[0]
            ident = self._speaks_for(spk.id, cand) if first_plural else spk.id
            cand.actors.append(Arg(ident, cand.family.roles.get("subject", "participant"), spk.start,
                                   spk.end, spk.surface, spk.known))
            cand.self_announced = True
            cand.replaces_statement = not first_plural
            cand.governing = gov
            return
        if cand.kind != "noun" and toks[i].text.endswith("وا") and toks[i].text.startswith(("و", "ف")):
            # "اجتاح مقاتلو حماس الحدود وهاجموا إسرائيل": a joined plural verb shares the subject before it
            prev = next((c for c in reversed(earlier) if c.sentence == cand.sentence and c.trigger[0] < i
                         and c.subject_found and c.actors), None)
            if prev is not None:
                lead = prev.actors[0]
                if not any(a.id == lead.id for a in cand.actors):
                    cand.actors.insert(0, Arg(lead.id, cand.family.roles.get("subject", "participant"),
                                              lead.start, lead.end, lead.surface, lead.known))
                return
        if cand.kind == "noun" or cand.actors:
            return
        nxt = [t.text for t in toks[j:j + 6] if t.start < cand.sentence[1]]
        if cand.type in _SAY_TYPES:
            # a pronoun speaker ("وقالت إن", "وأضاف:", "ورفض التعليق") continues the statement just before
            colon = ":" in view.norm.text[cand.trigger_span[1]:cand.trigger_span[1] + 3]
            nxt_tok = toks[j] if j < len(toks) and toks[j].start < cand.sentence[1] else None
            pronoun = colon or nxt_tok is None or nxt_tok.text in self.comps or \
                nxt_tok.text in ("الي", "خلال", "في", "من", "علي", "عن", "ايضا") or \
                self._is_filler(view, nxt_tok) or self._is(nxt_tok.text, cand.family.objects)
            if pronoun:
                prev = says[-1] if says else None
                if prev is not None and view.tok_index(cand.sentence[0]) - view.tok_index(prev.sentence[0]) >= 0 \
                        and cand.trigger_span[0] - prev.trigger_span[0] < 700:
                    if prev.anonymous or not prev.actors:
                        cand.anonymous = True  # continues an unnamed source: provenance too
                    else:
                        spk = prev.actors[0]
                        cand.actors.append(Arg(spk.id, "speaker", spk.start, spk.end, spk.surface, spk.known))
                        cand.attach_only = True
            return
        # "إنه ألغى الرحلة": the object follows the verb directly, so the subject is a pronoun
        if not nxt or not self._is(nxt[0], cand.family.objects | cand.family.nouns):
            return
        if view.tok_index(cand.clause[0]) != i or opener not in ("انه", "انها", "بانه", "بانها"):
            return
        s_prev = view.sentence(view.previous_sentence_end(cand.sentence[0]))
        for e in reversed(view.entities):
            if e.end <= cand.clause[0] and e.start >= s_prev[0] and e.kind in ("actor", "role", "person"):
                ref = self._resolve(e, cand)
                if ref and (e.kind != "actor" or self.kb.actors[ref].type == "person"):
                    cand.actors.append(Arg(ref, cand.family.roles.get("subject", "participant"), e.start, e.end,
                                           e.surface, e.kind != "person"))
                    return

    def _speaks_for(self, actor_id: str, cand: Candidate) -> str:
        """"أطلقنا" said by a spokesperson: the organization they speak for (the army), not the person."""
        actor = self.kb.actors.get(actor_id)
        if actor is None or actor.type != "person":
            return actor_id
        for of in actor.affiliated_on(cand.segment.dct):
            other = self.kb.actors.get(of)
            if other is not None and other.type in ("organization", "armed-group", "government-body"):
                return of
        return actor_id

    # ------------------------------------------------------------------ embedding
    def _link(self, view: SegmentView, cands: list[Candidate]) -> None:
        """Mark events told in a named actor's words or in a relative clause as embedded, and let
        an announced action ("أعلن الجيش مقتل ...") take the announcer as its actor."""
        for c in cands:
            gov = c.governing
            if gov is None:
                for g in cands:
                    if g is c or g.type not in _SAY_TYPES or g.sentence != c.sentence:
                        continue
                    if g.clause[1] <= c.clause[0] and (gov is None or g.clause[1] > gov.clause[1]):
                        gov = g
            quote = view.quote_at(c.trigger_span[0])
            if quote and gov is None:
                for g in cands:
                    if g.type in _SAY_TYPES and g.trigger_span[1] <= quote[0] and \
                            view.sentence(quote[0])[0] <= g.trigger_span[0]:
                        gov = g
            c.governing = gov
            if gov is not None and not gov.anonymous and gov.actors and not c.self_announced:
                c.embedded = True
            i = c.trigger[0]
            prev = [view.toks[k].text for k in range(max(0, i - 2), i)]
            if any(w in self.lex.relatives for w in prev):
                c.embedded = True
            if c.kind == "noun" and c.family.support_only:
                for g in cands:
                    if g.type in _SAY_TYPES and 0 < c.trigger[0] - g.trigger[0] <= 9 and g.actors and \
                            g.clause[0] <= c.trigger_span[0] < g.clause[1]:
                        if not any(a.role != "mediator" for a in c.actors):
                            # "أعلنت الحكومة اليمنية وجماعة الحوثي اتفاقهما": every speaker is a party
                            for spk in [a for a in g.actors if a.role != "mediator"]:
                                if any(a.id == spk.id for a in c.actors):
                                    continue
                                c.actors.append(Arg(spk.id, c.family.roles.get("subject", "initiator"), spk.start,
                                                    spk.end, spk.surface, spk.known))
                        c.self_announced = True
                        c.replaces_statement = True
                        c.governing = g
                        c.embedded = False

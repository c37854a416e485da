"""Who did it: the subject of a trigger or of its support verb, VSO or SVO, through titles,
dates and fillers; unnamed officials and outlets make a statement anonymous."""
from __future__ import annotations

from timeline.events.extract.candidate import SAY_TYPES, Candidate, Tok
from timeline.events.extract.view import SegmentView
from timeline.events.extract.words import Words
from timeline.knowledge.matcher import EntityMention

SAY_TITLE_WORDS = 7  # words of a title between a speech verb and the speaker's name, at most


class Subjects(Words):
    """Rules of the extractor: subjects."""

    def _subject(self, view: SegmentView, cand: Candidate, people: list[EntityMention]) -> EntityMention | None:
        """Who did it: right after the verb (VSO; a date or يوم may come between) or just before it
        (SVO).  For a noun, the subject of its support verb ("أجرى ديرمر اتصالات", "ديرمر أجرى اتصالات").

        For statements, sets ``cand.anonymous`` when the speaker is an unnamed official or source
        ("قال مسؤول إسرائيلي", "أكد مصدران", "نقل عن مسؤولين قولهم") or an outlet ("ذكر الموقع").
        """
        toks = view.toks
        i, j = cand.trigger
        a, b = cand.clause
        say = cand.family.type in SAY_TYPES
        anon = self.anonymous
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
        if (self.morph.is_first_plural(toks[i].text) or self.morph.first_person_future(toks[i].text)) and not say:
            return None  # the first person ("أطلقنا", "سألتقي"): the speaker (see _implicit_subject)
        # SVO first: a name ending just before the verb ("كيربي أكد", "X، Y، سيلتقي")
        for e in reversed(people + [x for x in view.entities if x.kind == "outlet" and a <= x.start]):
            if e.end <= verb_start and view.tok_index(verb_start) - view.tok_index(e.end) <= 2 and e.start >= a \
                    and not (e.kind == "place" and any(c in view.norm.text[e.end:verb_start] for c in self.morph.commas)) \
                    and not (cand.type == "military" and self._struck(view, e, verb_start)) \
                    and not self._is(self._word_before(view, e), self.purpose):  # "بشأن اليمن، حذّر": the topic
                # a place before a comma is where the frame happened ("في الدوحة أمس، أكد X"), not the subject
                if say and self._anonymous_lead(view, e, a):
                    cand.anonymous = True
                    return None
                if e.kind == "outlet":
                    if any(c in view.norm.text[e.end:verb_start] for c in self.morph.commas + "-\u2013\u2014"):
                        continue  # "التي كشف عنها موقع أكسيوس، قالت المتحدثة": another clause's outlet
                    return e if say else None
                return e
        if cand.kind != "noun" and self.morph.is_plural_verb(toks[i].text) and not say:
            return None  # "وهاجموا إسرائيل": the plural verb carries its subject; the name after is its object
        k, skipped = j, 0
        while k < len(toks) and toks[k].start < b:
            if (cand.kind == "noun" and k >= cand.trigger[0]) or self._event_noun(toks[k].text):
                break  # "أعلن الجيش مقتل رئيس حكومة حماس": the subject comes before the event noun, not in it
            if self._is_filler(view, toks[k]):
                k += 1
                continue
            ent = next((e for e in view.entities if e.start == toks[k].start), None)
            if ent is not None and ent.kind == "outlet":
                return ent if say else None
            if not say and ent is not None and ent in people and self._clitic_preposition(ent, toks[k].text) \
                    and not (k > 0 and toks[k - 1].text in self.belonging):
                break  # "قصفت مسيرات مواقع للجيش": the army's positions were struck (a speaker's title may
                # run through one: "رئيس الوفد المفاوض لجماعة الحوثي محمد عبد السلام")
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
            # a speaker's title runs longer ("قال المتحدث باسم وزارة الخارجية المصرية X")
            blocked = toks[k].text in self.subject_blockers and not (say and toks[k].text in self.matcher.connectors)
            if skipped >= (SAY_TITLE_WORDS if say else 4) or blocked or toks[k].text in self.comps:
                break
            skipped += 1
            k += 1
        return None

    def _event_noun(self, word: str) -> bool:
        """A trigger noun told as what is done ("أعلن الجيش مقتل ..."), never part of a title before the
        doer's name; one carrying ل or ب is a title's complement ("الوفد الحكومي للمفاوضات")."""
        if word[:1] in self.morph.prepositions:
            return False
        return any(kind == "noun" for v in self.morph.noun_readings(word) for _, kind, _ in self.lex.index.get(v, ()))

    def _struck(self, view: SegmentView, e: EntityMention, verb_start: int) -> bool:
        """Before a strike verb, a name governed by a preposition ("ضربات على إيران استهدفت") or with a
        prepositional phrase between it and the verb ("هنية في غارة استهدفت") is what was struck, not who
        struck; a preposition right before a verbal noun governs only that noun."""
        toks = view.toks
        between = toks[view.tok_index(e.end):view.tok_index(verb_start) - 1]
        return self._governed(view, e) or any(t.text in self.subject_blockers for t in between)

    def _governed(self, view: SegmentView, e: EntityMention) -> bool:
        """A name right after a preposition and right before the verb ("ضربات على إيران استهدفت") is no
        subject; with a comma between, the name closes a longer subject ("نتنياهو والوزراء الأعضاء في
        حكومة الحرب، قرروا")."""
        nxt = view.tok_index(e.end)
        gap = view.norm.text[e.end:view.toks[nxt].start] if nxt < len(view.toks) else ""
        before = self._word_before(view, e)
        return before in self.subject_blockers and not (before in self.in_preps and any(c in gap for c in self.morph.commas))

    def _clitic_preposition(self, e: EntityMention, token: str) -> bool:
        """The name carries ب or ل ("للجيش", "بحماس") where the name itself does not begin so."""
        return token[:1] in self.morph.prepositions and tuple(e.surface.split()) not in self.matcher.table and \
            not any(tuple(v.split()) in self.matcher.table for v in (token,))

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
                if k1 - k0 > 5 or any(w in self.comps for w in words) or any(c in gap for c in ".:\"" + self.morph.sentence_end):
                    break
                if any(self.lex.index.get(v) for w in words for v, _ in self.morph.verb_readings(w)):
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
        anon = self.anonymous
        return any(self._is(w, anon) for w in lead[-3:]) and not any(
            x.kind in ("actor", "role", "person") and x.end <= e.start and x.start >= toks[max(0, k - 3)].start
            for x in view.entities)

    def _is_filler(self, view: SegmentView, tok: Tok) -> bool:
        """Words between a verb and its subject that say nothing about who: timexes, يوم."""
        return any(s <= tok.start < e for s, e, _ in view.timexes) or tok.text in self.fillers

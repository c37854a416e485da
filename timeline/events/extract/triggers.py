"""Whether a trigger word states an event here: perfective verbs, the news present of the day or
of a coming day, future and planned forms, nouns with a support verb, an intention word or
their own date; never when negated, ongoing or framing another event."""
from __future__ import annotations

import datetime as dt

from timeline.events.extract.candidate import SAY_TYPES
from timeline.events.extract.view import SegmentView
from timeline.events.extract.words import Words
from timeline.events.lexicon import FormKind, TriggerFamily

RELATIVE_REACH = 10  # words from a noun to the relative pronoun of its own support verb
SPEECH_WORDS = 12  # a colon this near a speech verb opens what was said
HEADLINE_PRESENT_WORDS = 16  # a headline in the news present has at most this many words


class Triggers(Words):
    """Rules of the extractor: triggers."""

    def _talks_noun(self, word: str) -> bool:
        """A noun of talks, meetings or attacks whose nationality adjectives name the parties ("المحادثات
        الإيرانية", "الغارات الإسرائيلية")."""
        return any(fam.type in ("negotiation", "meeting", "military") and kind == "noun" and len(words) == 1
                   for v in self.morph.noun_readings(word) for fam, kind, words in self.lex.index.get(v, []))

    def _trigger_at(self, view: SegmentView, i: int
                    ) -> tuple[TriggerFamily, FormKind, int, bool, str, int | None] | None:
        """The trigger starting at token i: (family, kind, length, planned, form, support verb index)."""
        toks = view.toks
        word = toks[i].text
        best = None
        in_name = view.inside_entity(toks[i].start, ("person", "actor"))
        after_prep = self._prev(view, i) in self.noun_prepositions  # "صعّدت من قصفها": a noun
        readings = [] if in_name or after_prep else [
            (f, fut, False) for f, fut in self.morph.verb_readings(word)]  # "فيصل" ≠ فـ+يصل
        last = view.norm.original[view.norm.index[toks[i].end - 1]]
        for f, fut, _ in list(readings):
            bare = self.morph.object_stem(f)
            if bare and not (last == self.morph.ta_marbuta) and not (f != word and len(bare) <= 3):
                readings.append((bare, fut, True))
        for form, fut, has_object in readings:
            for fam, kind, words in self.lex.index.get(form, []):
                if kind == "noun" or len(words) > 1:
                    continue
                if kind == "past" and fut:
                    continue
                if self._verb_ok(view, fam, kind, i, form, fut, has_object):
                    # "يجتمع الوزراء اليوم": news present of the day happens today; with a later day it is planned
                    planned = kind == "present" and fam.type not in SAY_TYPES and (
                        fut or self._future_before(view, i) or self._future_date(view, i))
                    return fam, kind, 1, planned, form, None
        for form in self.morph.noun_readings(word):
            for fam, kind, words in self.lex.index.get(form, []):
                if kind != "noun":
                    continue
                n = len(words)
                if i + n > len(toks) or any(toks[i + k].text not in (words[k],) and
                                            words[k] not in self.morph.noun_readings(toks[i + k].text)
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
        prev = self._prev(view, i)
        return prev in self.negation or self.morph.strip_conjunction(prev, 2) in self.negation  # "ولن يزور"

    def _future_before(self, view: SegmentView, i: int) -> bool:
        for k in range(1, 5):
            w = self._prev(view, i, k)
            if not w:
                break
            if w in self.future or any(v in self.future for v in self.morph.noun_readings(w)):
                return True
        return False

    def _verb_ok(self, view: SegmentView, fam: TriggerFamily, kind: str, i: int, form: str, fut: bool,
                 has_object: bool = False) -> bool:
        toks = view.toks
        if self._negated(view, i) or self._prev(view, i) in self.ongoing:
            return False
        if kind == "present" and fam.type in SAY_TYPES:
            # "يؤكد الرئيس X أن ...": a present-tense lede reports what is said today
            if fut or form not in self.lede_say or not (self._opens_sentence(view, i) or self._speaker_opens(view, i)):
                return False
        elif kind == "present" and not (fut or self._future_before(view, i) or self._future_date(view, i)
                                        or self._today_date(view, i) or self._headline_present(view, i)):
            return False
        if kind == "past" and self._prev(view, i) in self.subjunctive:
            return False  # "يمكن أن تحدث": an imperfective that looks perfective
        s0, s1 = view.sentence(toks[i].start)
        ahead = [t.text for t in toks[i + 1:i + 9] if t.start < s1]
        # the object may follow a long subject and a date: look through the clause, not past a new one
        obj_zone = []
        for t in toks[i + 1:i + 18]:
            if t.start >= s1 or t.text in self.comps or t.text in self.breaks:
                break
            obj_zone.append(t.text)
        # "الاتفاق الذي وُقّع في الرياض": the object is the relative pronoun's antecedent
        antecedent = i > 1 and toks[i - 1].text in self.lex.relatives and self._is(toks[i - 2].text, fam.objects)
        if fam.needs_object(form) and not has_object and not antecedent and \
                not any(self._is(w, fam.objects) for w in obj_zone):
            return False
        if form in fam.complement_for and not any(w in self.comps or w in self.complement_preps for w in ahead) \
                and not self._speech_follows(view, i, s1):
            return False
        dual_call = self.morph.is_dual_verb(form) and any(self._is(w, self.phone) for w in ahead[:2])
        if fam.with_required and not dual_call and not any(self._is(t.text, self.with_words) or t.text in self.with_words
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
        if self._framed(view, i):
            if self._framed_own(view, fam, i, n):
                return False, None  # "عقب لقائه بالعاهل الأردني": the framed meeting is an event of its own
            dated = self._frame_date(view, i + n)
            if dated is not None and not fam.support_only and not fam.qualifiers:
                return dated, None  # "إثر الغارة التي استهدفت الضاحية في 27 سبتمبر": dated, so its own
            return None  # "خلال الاجتماع": a frame for another event, not an event of its own
        if fam.bare_nouns:
            return False, None
        if fam.support_only:
            for k, w in reversed(before[-8:]):
                if any(v in fam.support_only for v, _ in self.morph.verb_readings(w)):
                    return (False, None) if not self._negated(view, k) else None
            return (False, None) if self._relative_support(view, fam, i + n, s1) else None
        # support verb before the noun: "عقد اجتماعا", "سيعقد اجتماعا", "أجرى يوم الأربعاء اتصالات"
        for k, w in reversed(before):
            if w in self.future and (k >= i - 3 or w in self.intent):  # "يعتزم لقاء", "من المقرر عقد"
                return None if self._negated(view, k) else (True, k)
            for form, fut in self.morph.verb_readings(w):
                if form in self.lex.support_past and not fut:
                    return None if self._negated(view, k) else (False, k)
                if form in self.lex.support_present and (fut or self._future_before(view, k)
                                                         or self._future_date(view, k)):
                    return None if self._negated(view, k) else (True, k)
                if form in self.lex.support_present and (self._today_date(view, k) or self._headline_present(view, k)):
                    return None if self._negated(view, k) else (False, k)  # "يعقد المجلس جلسة اليوم"
        # "تتواصل في الدوحة المحادثات", "يواصل الجيش عملياته": under way on the publication day
        for k, w in before[:1]:
            if any(v in self.ongoing_lede for v, fut in self.morph.verb_readings(w) if not fut) and self._opens_sentence(view, k):
                return False, k
        k0 = i + n + (1 if after and after[0] in self.lex.relatives else 0)
        later = self._support_after(view, k0, s1)
        if later is not None:
            return later, None
        # a noun whose own qualifier makes it an event ("اتصالات هاتفية" after تلقى) was handled above
        if fam.qualifiers and any(self._is(w, fam.qualifiers) for _, w in before[-2:]):
            return False, None
        # "الجولة السادسة من المحادثات في فيينا في يونيو", "منذ اندلاع المعارك في 15 أبريل": a noun
        # with its own calendar date is an event of that date
        dated = self._own_date(view, i + n)
        if dated is not None and not fam.support_only:
            return dated, None
        return None

    def _relative_support(self, view: SegmentView, fam: TriggerFamily, k0: int, s1: int) -> bool:
        """The noun's own support verb told in a relative clause after its phrase ("اتفاق وقف إطلاق النار بين
        إسرائيل وحزب الله الذي دخل حيز التنفيذ في نوفمبر")."""
        toks = view.toks
        for k in range(k0, min(len(toks) - 1, k0 + RELATIVE_REACH)):
            if toks[k].start >= s1 or toks[k].text in self.comps or toks[k].text in self.breaks:
                return False
            if toks[k].text in self.lex.relatives:
                nxt = toks[k + 1]
                return nxt.start < s1 and any(v in fam.support_only and not f for v, f in self.morph.verb_readings(nxt.text))
        return False

    def _support_after(self, view: SegmentView, k0: int, s1: int) -> bool | None:
        """A support verb after the noun (from token ``k0``, its relative pronoun skipped) and its own
        phrase: "مفاوضات جرت", "الاجتماع الذي جرى", "الجولة الرابعة من المحادثات النووية الإيرانية
        الأميركية ستعقد الأحد".  None without one, else whether it is future."""
        toks = view.toks
        for k in range(k0, min(len(toks), k0 + 8)):
            w = toks[k].text
            if toks[k].start >= s1:
                break
            for form, fut in self.morph.verb_readings(w):
                if form in self.lex.support_past and not fut:
                    return False
                if form in self.lex.support_present and fut:
                    return True
            if k - k0 >= 2 and not (self.morph.is_definite(w) or w in self.partitive or w in self.phrase_links
                                    or self._is_trigger(w) or view.inside_entity(toks[k].start)):
                break  # past the noun's phrase: the verb is another clause's
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
                if not (tx.text.startswith(tuple(self.date_introducers)) or toks[k - 1].text in self.date_introducers) \
                        or tx.rule.startswith(("relative", "weekday")):
                    return None  # "اليوم", "أمس", a bare weekday: the noun's sentence, not its own date
                dct = view.seg.dct
                return bool(dct and tx.interval.start[:10] > dct.isoformat())
        return None

    def _speech_follows(self, view: SegmentView, i: int, s1: int) -> bool:
        """A colon opens what was said within a few words of the verb ("كتب X في منشور على منصة إكس: ...");
        a quotation alone may be a term ("بما وصفه بـ«الدور البناء»")."""
        toks = view.toks
        end = toks[min(len(toks) - 1, i + SPEECH_WORDS)].end if toks else s1
        return ":" in view.norm.text[toks[i].end:min(end, s1)]

    def _headline_present(self, view: SegmentView, i: int) -> bool:
        """"البرهان يصل إلى الرياض", "واشنطن تفرض عقوبات جديدة": a present verb right after the named
        subject that opens a headline tells the news of the day."""
        return self._speaker_opens(view, i) and self._headline_form(view, view.toks[i].start, HEADLINE_PRESENT_WORDS)

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

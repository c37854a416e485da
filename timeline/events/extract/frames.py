"""Events told inside another: "في نهايته"، "عقب اللقاء" take the framing event's time and parties;
the owner of a framed noun ("عقب لقائه بالعاهل الأردني، قال بلينكن") is the main clause's subject."""
from __future__ import annotations

from timeline.events.extract.candidate import FRAME_TYPES, Arg, Candidate
from timeline.events.extract.view import SegmentView
from timeline.events.extract.words import Words
from timeline.events.lexicon import TriggerFamily
from timeline.knowledge.matcher import EntityMention


class Frames(Words):
    """Rules of the extractor: frames."""

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
            if any(v in self.frame_anaphors for v in self.morph.noun_readings(toks[k].text)) or \
                    (two and (two in self.frame_anaphors or
                              (toks[k].text[:1] in self.morph.conjunctions and two[1:] in self.frame_anaphors))):
                back = True
                break
            n = self._phrase_at(toks, k, self.frames)
            if n and k + n < len(toks) and k + n < i and \
                    any(v in self.frame_nouns for v in self.morph.noun_readings(toks[k + n].text)) and \
                    not any(e.start >= toks[k + n].start and e.start <= toks[min(k + n + 2, len(toks) - 1)].end
                            and e.kind != "place" for e in view.entities if e.start < cand.trigger_span[0]):
                back = True
                break
        if not back:
            return None
        s_prev = view.sentence(view.previous_sentence_end(cand.sentence[0]))[0]
        return next((c for c in reversed(earlier) if c.type in FRAME_TYPES and not c.attach_only
                     and c.trigger_span[0] >= s_prev and c.trigger_span[0] < cand.trigger_span[0]), None)

    def _framed_owner(self, view: SegmentView, cands: list[Candidate]) -> None:
        """"عقب لقائه بالعاهل الأردني، قال بلينكن": the owner of a framed event noun is the subject of
        the event its sentence goes on to tell."""
        for n, c in enumerate(cands):
            i = c.trigger[0]
            if c.kind != "noun" or c.support is not None or i == 0 or not self._possessed(view, c.trigger[1] - 1):
                continue
            if not self._framed(view, i):
                continue
            main = next((m for m in cands[n + 1:] if m.sentence == c.sentence and m.subject_found and m.actors), None)
            if main is None:
                continue
            lead = main.actors[0]
            if not any(a.id == lead.id for a in c.actors):
                c.actors.insert(0, Arg(lead.id, "participant", lead.start, lead.end, lead.surface, lead.known))

    def _frame_refs(self, view: SegmentView, cand: Candidate, ents: list[EntityMention]) -> None:
        """The actors named in a frame of the clause ("خلال جلسة الكابينيت"): what the event happened
        during, not its parties."""
        a, b = cand.clause
        t0 = cand.trigger_span[0]
        toks = view.toks
        for k in range(view.tok_index(a), view.tok_index(b)):
            if self._phrase_at(toks, k, self.frames):
                span_end = toks[min(k + 4, len(toks) - 1)].end
                if toks[k].start < t0:  # "وعقب اللقاء، قال هوكستين": the frame ends at a comma or the verb
                    comma = self.morph.comma_re.search(view.norm.text, toks[k].end, t0)
                    span_end = min(span_end, t0, comma.start() if comma else t0)
                for e in ents:
                    if toks[k].end <= e.start <= span_end and e.kind in ("actor", "anaphor", "role"):
                        ref = self._resolve(e, cand)
                        if ref:
                            cand.frame_refs.append(ref)

    def _possessed(self, view: SegmentView, i: int) -> bool:
        """The noun carries a possessive pronoun as printed ("لقائه", "اجتماعها", not the ة of "قمة")."""
        word = view.toks[i].text
        last = view.norm.original[view.norm.index[view.toks[i].end - 1]]
        return len(word) > 4 and self.morph.has_possessive(word, last)

    def _framed(self, view: SegmentView, i: int) -> bool:
        """The noun at token i follows a frame word ("خلال زيارته", "في ختام المحادثات", "على هامش القمة")."""
        toks = view.toks
        return (i > 0 and self._phrase_at(toks, i - 1, self.frames) == 1) or (
            i > 1 and self._phrase_at(toks, i - 2, self.frames) == 2)

    def frame_end(self, view: SegmentView, k0: int) -> int:
        """Where the frame phrase whose noun ends before token ``k0`` ends: at the first comma, clause
        opener or break, or the sentence's end ("إثر الغارة التي استهدفت الضاحية في 27 سبتمبر، قال")."""
        toks = view.toks
        s1 = view.sentence(toks[k0 - 1].start)[1]
        comma = self.morph.comma_re.search(view.norm.text, toks[k0 - 1].end, s1)
        end = comma.start() if comma else s1
        for k in range(k0, len(toks)):
            if toks[k].start >= end:
                break
            if toks[k].text in self.comps or toks[k].text in self.breaks:
                return toks[k].start
        return end

    def _frame_date(self, view: SegmentView, k0: int) -> bool | None:
        """The date the frame phrase of a noun ending before token ``k0`` gives it (a day or a month, as
        "مساء الأحد"، "أمس"، "في الأول من أكتوبر"): None without one, else whether it lies after the
        publication day."""
        end = self.frame_end(view, k0)
        start = view.toks[k0 - 1].end
        for a, _, tx in view.timexes:
            if start <= a < end and tx.type in ("DATE", "TIME") and tx.interval is not None and \
                    tx.granularity in ("day", "month", "time"):
                dct = view.seg.dct
                return bool(dct and tx.interval.start[:10] > dct.isoformat())
        return None

    def _framed_own(self, view: SegmentView, fam: TriggerFamily, i: int, n: int) -> bool:
        """A framed event noun that tells an event of its own: its owner's meeting, call or visit with a
        named partner ("عقب لقائه بالعاهل الأردني", "خلال اتصاله مع نظيره")."""
        if fam.type not in FRAME_TYPES or not self._possessed(view, i + n - 1):
            return False
        nxt = view.toks[i + n:i + n + 3]
        return any((t.text in self.partner_words or t.text.startswith(tuple(self.partner_prefixes))) and
                   any(e.start >= t.start for e in view.entities if e.kind != "place") for t in nxt[:2])

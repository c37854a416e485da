"""Events told inside another: "في نهايته"، "عقب اللقاء" take the framing event's time and parties;
the owner of a framed noun ("عقب لقائه بالعاهل الأردني، قال بلينكن") is the main clause's subject."""
from __future__ import annotations

from timeline.events.extract.candidate import FRAME_TYPES, Arg, Candidate
from timeline.events.extract.view import SegmentView
from timeline.events.extract.words import Words
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
            if not self._phrase_at(view.toks, i - 1, self.frames) and not (
                    i > 1 and self._phrase_at(view.toks, i - 2, self.frames) == 2):
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

"""The event extractor: finds the triggers of a segment and builds their mentions.

For each trigger word of the lexicon the extractor works out, on the normalized
working copy, whether it states an event at all (``triggers.py``), its clause
(``clauses.py``), its actors and roles (``subjects.py``, ``arguments.py``,
``mediators.py``), its place (``places.py``), the event it happened in
(``frames.py``) and whether it is told inside someone's words (``embedding.py``).
Dating and merging are separate steps (``events/dating.py``, ``events/merge.py``).
"""
from __future__ import annotations

from timeline.events.extract.arguments import Arguments
from timeline.events.extract.candidate import SAY_TYPES, Arg, Candidate
from timeline.events.extract.clauses import Clauses
from timeline.events.extract.embedding import Embedding
from timeline.events.extract.frames import Frames
from timeline.events.extract.mediators import Mediators
from timeline.events.extract.places import Places
from timeline.events.extract.subjects import Subjects
from timeline.events.extract.triggers import Triggers
from timeline.events.extract.view import SegmentView
from timeline.events.lexicon import FormKind, TriggerFamily

PAST_PLAN_WORDS = 8  # how far before a trigger a past plan ("كان مقررا أن") governs it
CONDITION_WORDS = 12  # how far after a planned trigger a conditional still governs it
CALL_OFF_FAMILIES = ("cancel", "cancel-announced")  # trigger families that tell a plan was called off


class EventExtractor(Triggers, Clauses, Subjects, Arguments, Mediators, Places, Frames, Embedding):
    """Turns the triggers of an article segment into :class:`Candidate` mentions."""

    # ------------------------------------------------------------------ main
    def extract(self, view: SegmentView) -> list[Candidate]:
        out: list[Candidate] = []
        toks = view.toks
        self._mediator_adjectives(view)
        i = 0
        while i < len(toks):
            said = self._colon_speaker(view, i, out)
            if said is not None:  # "بقائي: لا موعد محددا للجولة المقبلة"
                out.append(said)
                i = said.trigger[1]
                continue
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

    def _candidate(self, view: SegmentView, fam: TriggerFamily, kind: FormKind, i: int, n: int,
                   planned: bool, support: int | None, earlier: list[Candidate]) -> Candidate | None:
        toks = view.toks
        t0, t1 = toks[i].start, toks[i + n - 1].end
        sentence = view.sentence(t0)
        clause, sub = self._clause(view, i, n)
        framed = False
        if kind == "noun" and support is None and self._framed(view, i):
            # "إثر الغارة ... في 27 سبتمبر، قال بري": a framed event's words end with its frame phrase
            frame_start = toks[i - 1 if self._phrase_at(toks, i - 1, self.frames) == 1 else i - 2].start
            end = self.frame_end(view, i + n)
            clause = (max(clause[0], frame_start), min(clause[1], end))
            sub = (max(sub[0], frame_start), min(sub[1], end))
            framed = True
        # conditionals and questions
        words_before = [t.text for t in toks[view.tok_index(clause[0]):i]]
        if any(w in self.conditional for w in words_before):
            return None
        if planned and self._condition_after(view, i + n, sub[1]):
            return None  # "سيلتقي زيلينسكي بوتين إذا وافق الكرملين": a plan on a condition
        if view.norm.text[sentence[1]:sentence[1] + 1] in tuple(self.morph.question_marks):
            return None
        if self._past_plan(view, i, sentence):
            return None  # "كان مقررا أن تنعقد الجولة": planned, and it did not happen as planned
        if fam.type == "meeting" and self.call_family is not None and any(
                self._is(t.text, self.phone) for t in toks[i:view.tok_index(sub[1])] if t.start >= sub[0]):
            fam = self.call_family  # "بحث هاتفيا مع", "في اتصال هاتفي": a call, not a meeting
        cand = Candidate(view.doc, view.norm, view.seg, fam, kind, (i, i + n), (t0, t1), sentence, clause, sub,
                         planned=planned, support=support, framed=framed)
        in_title = self._headline(view, t0)
        cand.headline = in_title and self._title_position(view, t0)
        if fam.continuation or in_title:
            cand.attach_only = True
        if fam.type in SAY_TYPES:
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

    def _condition_after(self, view: SegmentView, k0: int, end: int) -> bool:
        """A conditional (إذا، لو، في حال) after the trigger, in its sub-clause."""
        return any(t.start < end and (t.text in self.conditional or self.morph.strip_conjunction(t.text, 2)
                                      in self.conditional) for t in view.toks[k0:k0 + CONDITION_WORDS])

    def _colon_speaker(self, view: SegmentView, i: int, earlier: list[Candidate]) -> Candidate | None:
        """"بقائي: لا موعد محددا …", "زيلينسكي: سألتقي ترامب": a named speaker opening a line or a
        sentence, right before a colon, states what follows (a headline's or a lede's statement)."""
        if self.say_family is None:
            return None
        toks = view.toks
        text = view.norm.text
        start = toks[i].start
        line = view.line(start)
        s0 = max(line[0], view.sentence(start)[0])
        if text[s0:start].strip(" \t*-\u2022"):
            return None  # only a word that opens its line or sentence can open "X: ..."
        ent = next((e for e in view.entities if e.start == start and e.kind in ("actor", "person", "role")), None)
        if ent is None or not text[ent.end:ent.end + 3].lstrip(" ").startswith(":"):
            return None
        colon = text.index(":", ent.end)
        end = min(line[1], view.sentence(colon + 1)[1]) if text[colon + 1:line[1]].strip() else -1
        if end < 0:
            return None
        n = view.tok_index(ent.end) - i
        # the speaker's own words are the clause (a date in what was said is not the saying's)
        cand = Candidate(view.doc, view.norm, view.seg, self.say_family, "noun", (i, i + n), (ent.start, ent.end),
                         (s0, end), (s0, colon), (s0, colon), said_end=end, subject_found=True)
        ref = self._resolve(ent, cand)
        if ref is None:
            return None
        cand.actors.append(Arg(ref, "speaker", ent.start, ent.end, ent.surface, ent.kind != "person"))
        cand.headline = self._headline(view, ent.start) and self._title_position(view, ent.start)
        cand.attach_only = self._headline(view, ent.start)
        return cand

    def _past_plan(self, view: SegmentView, i: int, sentence: tuple[int, int]) -> bool:
        """A past plan ("كان مقررا أن", "كان من المقرر أن") a few words before the trigger, in a sentence
        that tells it was called off or did not happen ("قبل أن تعلن تأجيلها"، "غير أن اللقاء لم يعقد");
        without that, "كان من المقرر أن يعقد عراقجي اجتماعا قبل بدء المحادثات" reports the schedule kept."""
        toks = view.toks
        lo = max(view.tok_index(sentence[0]), i - PAST_PLAN_WORDS)
        words = " " + " ".join(self.morph.strip_conjunction(t.text, 2) for t in toks[lo:i]) + " "
        if not any(" " + p + " " in words for p in self.past_plans):
            return False
        rest = toks[i + 1:view.tok_index(sentence[1])]
        return any(self.morph.strip_conjunction(t.text, 2) in self.negation or self._calls_off(t.text) for t in rest)

    def _calls_off(self, word: str) -> bool:
        """A word of the cancel families ("أرجأ", "تأجيلها", "ألغى")."""
        return any(fam.name in CALL_OFF_FAMILIES for fam in self._families(word))

"""A mention's actors and their roles, its sources and the people a release counts: who took part,
who was the target, who received a proposal, the two sides a dual anaphor stands for."""
from __future__ import annotations

from collections.abc import Callable

from timeline.events.extract.candidate import FRAME_TYPES, SAY_TYPES, Arg, Candidate
from timeline.events.extract.view import SegmentView
from timeline.events.extract.words import Words
from timeline.knowledge.matcher import EntityMention
from timeline.normalize import normalize_plain


class Arguments(Words):
    """Rules of the extractor: arguments."""

    def _arguments(self, view: SegmentView, cand: Candidate, earlier: list[Candidate]) -> None:
        """Actors with roles, place, sources and frames of a candidate."""
        fam = cand.family
        a, b = cand.clause
        toks = view.toks
        is_say = fam.type in SAY_TYPES
        ents = [e for e in view.entities if a <= e.start and e.end <= b]
        self._sources(view, cand)
        stop, where_start = self._location(view, cand, ents)
        self._frame_refs(view, cand, ents)
        people = [e for e in ents if (e.kind not in ("place", "outlet") or e.alt) and self._resolve(e, cand)
                  and not self._apposition(view, e, cand) and self._word_before(view, e) not in self.held_by]
        subject = self._subject(view, cand, people)  # a capital can be a subject: "أكد البيت الأبيض"
        people = [e for e in people if (e.kind != "place" or e is subject or self._party_position(view, e)
                                        or (e.alt and subject is not None and subject.alt is not None
                                            and e.end <= subject.start and self._joined(view, e, subject)))
                  and e.start != where_start]  # "موسكو وكييف اتفقتا": capitals joined to a capital subject
        if subject is not None and subject.kind == "place" and cand.support is not None and \
                any(v in self.hosting for v, _ in self.morph.verb_readings(toks[cand.support].text)):
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
        add = self._adder(cand)
        if subject is not None:
            self._subject_parties(view, cand, subject, people, ents, zones, add)
        if is_say or fam.type in ("decision", "proposal"):
            for e in people:
                if self._in(zones, e):
                    add(e, "mediator")
            if fam.type == "proposal":
                self._proposal_parties(view, cand, people, subject, zones, add)
        else:
            self._other_parties(view, cand, subject, people, zones, stop, add)
        self._settle_parties(view, cand, subject, earlier)

    def _adder(self, cand: Candidate) -> Callable[[EntityMention, str], None]:
        """A function that adds an entity as an actor of ``cand`` with a role, once per actor, and
        never an actor named in a frame ("خلال جلسة الكابينيت")."""
        seen: set[str] = set()

        def add(e: EntityMention, role: str) -> None:
            ref = self._resolve(e, cand)
            if ref and ref not in seen and ref not in cand.frame_refs:
                seen.add(ref)
                cand.actors.append(Arg(ref, role, e.start, e.end, e.surface, e.kind != "person"))

        return add

    def _sources(self, view: SegmentView, cand: Candidate) -> None:
        """The outlets that report a mention: anywhere in its sentence, and the one whose quote holds it."""
        for e in view.entities:
            if e.kind == "outlet" and cand.sentence[0] <= e.start < cand.sentence[1]:
                cand.sources.append(self.kb.outlets[e.ref].name)
        quote = view.quote_at(cand.trigger_span[0])
        if quote:
            qs = view.sentence(quote[0])
            for e in view.entities:
                if e.kind == "outlet" and qs[0] <= e.start < quote[0]:
                    cand.sources.append(self.kb.outlets[e.ref].name)

    def _subject_parties(self, view: SegmentView, cand: Candidate, subject: EntityMention,
                         people: list[EntityMention], ents: list[EntityMention], zones: list[tuple[int, int]],
                         add: Callable[[EntityMention, str], None]) -> None:
        """The subject with its role (a mediator, a receiver, or the family's subject role) and the names
        joined to it, after the verb ("عقد ممثلو الجيش وقوات الدعم السريع اجتماعا") or before it
        ("ترامب ونتنياهو تحادثا")."""
        fam = cand.family
        b = cand.clause[1]
        t0, t1 = cand.trigger_span
        toks = view.toks
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

    def _other_parties(self, view: SegmentView, cand: Candidate, subject: EntityMention | None,
                       people: list[EntityMention], zones: list[tuple[int, int]], stop: int,
                       add: Callable[[EntityMention, str], None]) -> None:
        """The other parties of an event in its sub-clause: not where it happened, not the topic, not
        another clause's actor."""
        fam = cand.family
        sa, sb = cand.sub
        t0 = cand.trigger_span[0]
        toks = view.toks
        party_stop = next((toks[k].start for k in range(cand.trigger[1], view.tok_index(sb))
                           if toks[k].text in self.party_stops  # not "قبل ظهر اليوم", a time of its own
                           and not any(x <= toks[k].start < y or (k + 1 < len(toks) and x == toks[k + 1].start)
                                       for x, y, _ in view.timexes)), sb)
        for e in people:
            if e is subject or not (sa <= e.start and e.end <= sb or self._in(zones, e)):
                continue
            if e.kind == "place" and not (self._in(zones, e) or self._party_position(view, e)):
                continue  # "في واشنطن": where, not who
            if e.kind == "actor" and self.kb.actors[e.ref].type == "state" and self._word_before(view, e) in self.in_preps:
                continue  # "في تونس": the country where it happened
            if e.end <= t0 and not self._in(zones, e):
                continue  # before the trigger and not its subject: another clause's actor
            if fam.type in FRAME_TYPES and e.start >= min(stop, party_stop) and not self._in(zones, e) and \
                    not self._after_preposition(view, e, self.party_preps):
                continue  # "جلسة طارئة بشأن السودان", "لبحث الأوضاع في غزة": the topic, not a party
            add(e, self._role_of(view, cand, e, zones))

    def _settle_parties(self, view: SegmentView, cand: Candidate, subject: EntityMention | None,
                        earlier: list[Candidate]) -> None:
        """Last touches: a call's mediator with one other party is a party; an implicit subject; a military
        event without its striker is nothing; a dated, placed talks noun stands alone."""
        fam = cand.family
        if fam.type == "call" and subject is not None and len({x.id for x in cand.actors if x.role != "mediator"}) < 2:
            # "الوسطاء المصريون تلقوا اتصالات من مسؤولين إسرائيليين": with one other party there is nobody to
            # mediate between; who makes or takes a call is a party to it
            cand.actors = [Arg(x.id, "participant", x.start, x.end, x.surface, x.known)
                           if x.role == "mediator" and x.start == subject.start else x for x in cand.actors]
        if not cand.actors or (subject is None and fam.type == "military") or (
                subject is None and self.morph.first_person_future(view.toks[cand.trigger[0]].text)):
            self._implicit_subject(view, cand, earlier)  # "سألتقي نظيري": the speaker, besides the partner
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
        return len(words) <= 3 and words[0].startswith(self.morph.coordinator) and len(words[0]) > 2 and \
            not any(c in gap for c in self.morph.commas + '.:"' + self.morph.sentence_end) and \
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
            if obj_start == sb and self._is(toks[k].text, fam.objects) and toks[k].text not in self.recipient_preps:
                obj_start = toks[k].start
            if self._is(toks[k].text, self.purpose) and toks[k].text not in self.recipient_preps:
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
            joined = last is not None and not view.norm.text[last.end:e.start].strip(" " + self.morph.commas) and \
                self._conjoined(e)
            if joined:
                role = last_role
            elif e.end <= obj_start or self._after_preposition(view, e, self.recipient_preps):
                role = to_role
            else:
                last = None
                continue
            add(e, role)
            last, last_role = e, role

    def _after_preposition(self, view: SegmentView, e: EntityMention, preps: frozenset[str]) -> bool:
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

    def _conjoined(self, e: EntityMention) -> bool:
        """The mention carries the clitic و ("وواشنطن"), as opposed to a name that begins with it ("واشنطن")."""
        return e.surface.startswith(self.morph.coordinator) and tuple(e.surface.split()) not in self.matcher.table

    def _apposition(self, view: SegmentView, e: EntityMention, cand: Candidate) -> bool:
        """An unknown name right after a title that already names someone ("المستشار X، جيك سوليفا")."""
        if e.kind != "person":
            return False
        for r in view.entities:
            if r.kind == "role" and 0 <= e.start - r.end <= 3 and self._resolve(r, cand):
                return True
        return False

    def _role_of(self, view: SegmentView, cand: Candidate, e: EntityMention,
                 zones: list[tuple[int, int]]) -> str:
        fam = cand.family
        if self._in(zones, e):
            return "mediator"
        before = view.norm.text[max(cand.clause[0], e.start - 8):e.start].split()
        prep = before[-1] if before else ""
        if prep in self.against_preps:
            return fam.roles.get("against", "target")
        if prep in self.source_preps and "from" in fam.roles:
            return fam.roles["from"]
        if fam.type == "military":
            if cand.kind == "noun" and e.kind == "nisba" and self._adjective_of(view, cand, e):
                return fam.roles.get("subject", "initiator")  # "الغارة الإسرائيلية": Israel struck
            return "target"
        return "participant"

    def _adjective_of(self, view: SegmentView, cand: Candidate, e: EntityMention) -> bool:
        """``e`` is a nationality adjective of the trigger noun itself: right after it, with at most two
        definite adjectives between ("الهجوم الصاروخي الإيراني")."""
        j, k = cand.trigger[1], view.tok_index(e.start)
        if not 0 <= k - j <= 2 or view.norm.text[cand.trigger_span[1]:e.start].strip(" ") != " ".join(
                t.text for t in view.toks[j:k]):
            return False
        return all(self.morph.is_definite(t.text) for t in view.toks[j:k])

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

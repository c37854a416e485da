"""Where an event happened: a place after a locative word, a trip's destination, a host city, a
state's territory; never the topic, the place of departure or a dateline."""
from __future__ import annotations

from timeline.events.extract.candidate import FRAME_TYPES, SAY_TYPES, Arg, Candidate
from timeline.events.extract.view import SegmentView
from timeline.events.extract.words import Words
from timeline.knowledge.matcher import EntityMention


class Places(Words):
    """Rules of the extractor: places."""

    def _locative(self, view: SegmentView, e: EntityMention) -> bool:
        """A place told as where: after a locative word (in the three before it) or with ب on the name."""
        k = view.tok_index(e.start)
        if view.norm.text[max(0, e.start - 1):e.start] in self.locative_clitic or \
                view.toks[k].text.startswith(tuple(self.locative_prefixes)):
            return True
        if k > 0 and self._is_trigger(view.toks[k - 1].text):
            return True  # "محادثات جدة", "قمة ألاسكا": the talks of that place
        return any(w in self.locatives or (w[:1] in self.morph.conjunctions and w[1:] in self.locatives)
                   for w in (view.toks[m].text for m in range(max(0, k - 3), k)))

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
        return word in self.party_preps or word == self.morph.coordinator or \
            self._conjoined(e) and word not in self.in_preps

    def _where_link(self, view: SegmentView, cand: Candidate, earlier: list[Candidate]) -> None:
        """"وصل بلينكن إلى إسرائيل، حيث التقى نتنياهو": the verb after حيث has the subject of the event
        before it in the sentence, and happens at its destination when it names no place itself."""
        k = cand.support if cand.support is not None else cand.trigger[0]
        if k == 0 or view.toks[k - 1].text not in self.where_links:
            return
        w0 = view.toks[k - 1].start
        there = next((e for e in view.entities if e.kind == "place" and e.end <= w0 and
                      not view.norm.text[e.end:w0].strip(" " + self.morph.commas)), None)
        if there is not None and not any(e.kind == "place" and cand.trigger_span[1] <= e.start < cand.sub[1]
                                         for e in view.entities):
            cand.location = self.kb.places[there.ref].name  # "إلى قصر بعبدا حيث التقى": where = that place
        # "حيث التقى نتنياهو": with one named party a meeting's other party is the visitor
        if cand.subject_found and not (cand.type == "meeting" and
                                       len({a.id for a in cand.actors if a.role != "mediator"}) < 2):
            return
        prev = next((c for c in reversed(earlier) if c.sentence == cand.sentence and c.actors
                     and c.trigger_span[0] < cand.trigger_span[0]), None)
        if prev is None or prev.type not in FRAME_TYPES:
            return
        lead = prev.actors[0]
        if lead.role == "mediator" or any(a.id == lead.id for a in cand.actors):
            return
        cand.actors.insert(0, Arg(lead.id, cand.family.roles.get("subject", "participant"), lead.start, lead.end,
                                  lead.surface, lead.known))
        if cand.location is None and prev.type == "visit":
            cand.location = prev.location

    def _location(self, view: SegmentView, cand: Candidate, ents: list[EntityMention]) -> tuple[int, int]:
        """Set where ``cand`` happened: the first place after the trigger, before any purpose phrase
        (لمناقشة، بشأن), for a statement only in its own clause, never in what was said; a trip's
        destination; a state's territory.  Returns (where the place search stopped, the start of the
        state named as the place, or -1)."""
        fam = cand.family
        b = cand.clause[1]
        sa = cand.sub[0]
        t0, t1 = cand.trigger_span
        toks = view.toks
        is_say = fam.type in SAY_TYPES
        stop = cand.sentence[1] if not (is_say or cand.framed) else b
        for k in range(cand.trigger[1], view.tok_index(stop)):
            if self._is(toks[k].text, self.purpose) or (is_say and toks[k].text in self.comps):
                stop = toks[k].start
                break
            if is_say and toks[k].text.startswith(tuple(self.said_prefixes)) and not view.inside_entity(toks[k].start):
                stop = toks[k].start  # "هددت مصر بالانسحاب ... في رفح": what was said, not where
                break
        places = [e for e in view.entities if e.kind == "place" and t1 <= e.start and e.end <= stop
                  and not (e.alt and self._party_position(view, e)) and (fam.type == "military" or self._locative(view, e))]
        state_place: EntityMention | None = None
        where_start = -1
        if fam.type == "visit":
            # a trip goes to the place after إلى; the place after من (or the object of غادر) is where it left
            dest = [e for e in view.entities if e.kind in ("place", "actor") and t1 <= e.start and e.end <= stop
                    and self._word_before(view, e) in self.destination_preps]
            if not dest and any(v in self.visit_transitive for v, _ in self.morph.verb_readings(toks[cand.trigger[0]].text)):
                # "زار راتكليف إسرائيل": the first place or state after the verb is where the visit went
                dest = [e for e in view.entities if t1 <= e.start and e.end <= stop and
                        (e.kind == "place" or e.kind == "actor" and self.kb.actors[e.ref].type == "state")
                        and self._word_before(view, e) not in self.source_preps][:1]
            if dest:
                state_place = dest[0] if dest[0].kind == "actor" else None
                places = [dest[0]] if dest[0].kind == "place" else []
            else:
                places = [e for e in places if self._word_before(view, e) not in self.source_preps and not (
                    self._is(toks[cand.trigger[0]].text, self.departure) and
                    view.tok_index(e.start) == cand.trigger[1])]
        if not places and state_place is None:
            # "في إسرائيل": a state named where something happens is its territory
            state_place = next((e for e in view.entities if e.kind == "actor" and t1 <= e.start and e.end <= stop
                                and self._word_before(view, e) in self.in_preps), None)
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
        return stop, where_start

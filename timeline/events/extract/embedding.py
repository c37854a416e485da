"""Events embedded in someone's words or in a relative clause, an action announced by its own
actor ("أعلن الجيش أنه بدأ"), and subjects left implicit (pronoun speakers, "أطلقنا")."""
from __future__ import annotations

from timeline.events.extract.candidate import SAY_TYPES, Arg, Candidate
from timeline.events.extract.view import SegmentView
from timeline.events.extract.words import Words


class Embedding(Words):
    """Rules of the extractor: embedding."""

    # ------------------------------------------------------------------ embedding
    def _link(self, view: SegmentView, cands: list[Candidate]) -> None:
        """Mark events told in a named actor's words or in a relative clause as embedded, and let
        an announced action ("أعلن الجيش مقتل ...") take the announcer as its actor."""
        for c in cands:
            gov = c.governing
            if gov is None:
                for g in cands:
                    if g is c or g.type not in SAY_TYPES or g.sentence != c.sentence:
                        continue
                    if g.clause[1] <= c.clause[0] and (gov is None or g.clause[1] > gov.clause[1]):
                        gov = g
            quote = view.quote_at(c.trigger_span[0])
            if quote and gov is None:
                for g in cands:
                    if g.type in SAY_TYPES and g.trigger_span[1] <= quote[0] and \
                            view.sentence(quote[0])[0] <= g.trigger_span[0]:
                        gov = g
            c.governing = gov
            if self._denied(view, c, gov):
                c.denied = True
            if gov is not None and not gov.anonymous and gov.actors and not c.self_announced:
                c.embedded = True
            i = c.trigger[0]
            prev = [view.toks[k].text for k in range(max(0, i - 2), i)]
            if any(w in self.lex.relatives for w in prev):
                c.embedded = True
            if c.kind == "noun" and c.family.support_only:
                for g in cands:
                    if g.type in SAY_TYPES and 0 < c.trigger[0] - g.trigger[0] <= 9 and g.actors and \
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
        says = [c for c in earlier if c.type in SAY_TYPES]
        gov = next((c for c in reversed(says) if c.sentence == cand.sentence and c.trigger[0] < i), None)
        quote = view.quote_at(cand.trigger_span[0])
        if gov is None and quote:
            gov = next((c for c in reversed(says) if c.trigger_span[1] <= quote[0]
                        and view.sentence(quote[0])[0] <= c.trigger_span[0]), None)
        first_plural = cand.kind != "noun" and (self.morph.is_first_plural(toks[i].text) or (
            i > 0 and self._is(toks[i - 1].text, self.own_forces)))  # "أن مقاتليه استهدفوا"
        first_singular = cand.kind != "noun" and self.morph.first_person_future(toks[i].text)  # "سألتقي"
        if gov is not None and gov.actors and cand.type not in SAY_TYPES and (
                (opener in self.self_openers or opener in self.self_openers_plural) or first_plural
                or first_singular):
            spk = gov.actors[0]
            ident = self._speaks_for(spk.id, cand) if first_plural else spk.id
            cand.actors.append(Arg(ident, cand.family.roles.get("subject", "participant"), spk.start,
                                   spk.end, spk.surface, spk.known))
            cand.self_announced = True
            cand.replaces_statement = not (first_plural or first_singular)
            cand.governing = gov
            return
        if cand.kind != "noun" and self.morph.is_plural_verb(toks[i].text) and toks[i].text.startswith(self.morph.conjunctions):
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
        if cand.type in SAY_TYPES:
            # a pronoun speaker ("وقالت إن", "وأضاف:", "ورفض التعليق") continues the statement just before
            colon = ":" in view.norm.text[cand.trigger_span[1]:cand.trigger_span[1] + 3]
            nxt_tok = toks[j] if j < len(toks) and toks[j].start < cand.sentence[1] else None
            pronoun = colon or nxt_tok is None or nxt_tok.text in self.comps or \
                nxt_tok.text in self.pronoun_followers or \
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
        if view.tok_index(cand.clause[0]) != i or opener not in self.self_openers:
            return
        s_prev = view.sentence(view.previous_sentence_end(cand.sentence[0]))
        for e in reversed(view.entities):
            if e.end <= cand.clause[0] and e.start >= s_prev[0] and e.kind in ("actor", "role", "person"):
                ref = self._resolve(e, cand)
                if ref and (e.kind != "actor" or self.kb.actors[ref].type == "person"):
                    cand.actors.append(Arg(ref, cand.family.roles.get("subject", "participant"), e.start, e.end,
                                           e.surface, e.kind != "person"))
                    return

    def _denied(self, view: SegmentView, c: Candidate, gov: Candidate | None) -> bool:
        """Told as what someone denies: in the words of a denial ("نفى أن يكون قد أجرى اتصالا") or right
        after a denial verb in its own clause ("نفى المكتب عقد أي لقاء")."""
        toks = view.toks
        if gov is not None and self._is_denial(toks[gov.trigger[0]].text):
            return True
        k_start = c.support if c.support is not None else c.trigger[0]
        s0 = view.tok_index(c.sentence[0])
        if any(self.morph.strip_conjunction(toks[k].text, 2) in self.hearsay for k in range(max(s0, k_start - 6), k_start)):
            return True  # "قيل إن الوفد غادر": hearsay
        return any(self._is_denial(toks[k].text) for k in range(view.tok_index(c.clause[0]), k_start))

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

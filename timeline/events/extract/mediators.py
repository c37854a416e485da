"""Who mediated: the names after بوساطة، برعاية، عبر، الوسطاء and nationality adjectives after
them ("بوساطة قطرية ومصرية"), and a subject "بصفته وسيطا"."""
from __future__ import annotations

import re

from timeline.events.extract.view import SegmentView
from timeline.events.extract.words import Words
from timeline.knowledge.matcher import EntityMention


class Mediators(Words):
    """Rules of the extractor: mediators."""

    _capacity: re.Pattern[str] | None = None

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
                        self.morph.is_definite(toks[m].text) and toks[m].start not in starts:
                    m += 1
                if m >= len(toks) or not self.matcher.nisba_of(toks[m].text):
                    continue
            while m < len(toks) and (talks or toks[m].start not in starts):
                gap = view.norm.text[toks[m - 1].end:toks[m].start]
                if gap.strip() not in ("", *self.morph.commas):
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

    def _mediator_zones(self, view: SegmentView, a: int, b: int) -> list[tuple[int, int]]:
        """Spans of mediators: the names right after بوساطة / برعاية / بتيسير / عبر الوسطاء, or a
        nationality (and the name after it) right after الوسطاء / الوسيط ("الوسيط الأمريكي آموس هوكستين")."""
        zones = []
        toks = view.toks
        for k in range(view.tok_index(a), view.tok_index(b)):
            if toks[k].text in self.via:
                # "عبر سلطنة عمان", "عبر قطر": a state or body the exchange went through
                nxt = next((e for e in view.entities if e.start >= toks[k].end), None)
                if nxt is not None and nxt.kind == "actor" and not view.norm.text[toks[k].end:nxt.start].strip() \
                        and self.kb.actors[nxt.ref].type in ("state", "organization", "international-organization"):
                    zones.append((toks[k].start, nxt.end))
                continue
            if not self._is(toks[k].text, self.mediation):
                continue
            nisba_first = any(v in self.mediator_nouns for v in self.morph.noun_readings(toks[k].text))
            end = toks[k].end
            seen = 0
            for e in view.entities:
                if e.start < end or e.start >= b:
                    continue
                gap = view.norm.text[end:e.start].strip(" " + self.morph.commas)
                if gap not in ("", self.morph.coordinator) or (nisba_first and seen == 0 and e.kind != "nisba"):
                    break
                end = e.end
                seen += 1
            if end > toks[k].end:
                zones.append((toks[k].start, end))
        return zones

    def _capacity_re(self) -> re.Pattern[str]:
        """"بصفته وسيطا" at the start of a text (after spaces and commas)."""
        if self._capacity is None:
            cap = "|".join(sorted(map(re.escape, self.capacity)))
            med = "|".join(sorted(map(re.escape, self.capacity_mediator)))
            self._capacity = re.compile(rf"^[\s{re.escape(self.morph.commas)}]*(?:{cap})\s+(?:{med})")
        return self._capacity

    def _mediator_apposition(self, view: SegmentView, e: EntityMention, clause_end: int) -> bool:
        """"رئيس الوزراء القطري، بصفته وسيطا، ...": the subject acts as mediator."""
        after = view.norm.text[e.end:min(clause_end, e.end + 20)]
        return bool(self._capacity_re().match(after))

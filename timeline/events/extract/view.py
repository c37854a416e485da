"""One article segment as the extractor reads it: tokens, sentences, lines, quotes, entities, timexes."""
from __future__ import annotations

import bisect
import dataclasses
import re

from timeline.events.extract.candidate import Tok
from timeline.knowledge.matcher import EntityMatcher, EntityMention
from timeline.model import Document, Segment, Timex
from timeline.normalize import NormalizedText
from timeline.normalize.morphology import get_morphology

_MORPH = get_morphology("ar")


def _titled(text: str, found: list[EntityMention], mods: tuple[frozenset[str], frozenset[str]],
            held: set[str]) -> list[EntityMention]:
    """A title of a deputy, an adviser or a former holder ("نائب رئيس مجلس النواب"، "رئيس الوزراء
    الأسبق") names nobody by itself: a name printed with it is the person, else the title goes.  A
    title nobody holds on the day (``held`` lists those somebody does) printed with a name is that
    person's title: the name keeps it as ``alt`` and the title goes.  A held title with a name after
    it stays: the words after may be no name at all ("رئيس الوزراء القطري أحرز تقدما"), and the event
    stage takes the holder."""
    before, after = mods
    out: list[EntityMention] = []
    for n, e in enumerate(found):
        if e.kind != "role":
            out.append(e)
            continue
        lead = text[max(0, e.start - 16):e.start].split()
        modified = bool(lead) and (lead[-1] in before or " ".join(lead[-2:]) in before)
        tail = text[e.end:e.end + 12].split()
        former = bool(tail) and tail[0].strip(_MORPH.commas) in after
        nxt = found[n + 1] if n + 1 < len(found) else None
        gap = text[e.end:nxt.start] if nxt is not None else ""
        if former and nxt is not None:
            gap = gap.replace(tail[0], "", 1)
        if nxt is not None and nxt.kind == "person" and nxt.alt is None and len(gap) <= 3 and \
                not gap.strip(" " + _MORPH.commas) and (modified or former or e.ref not in held):
            found[n + 1] = dataclasses.replace(nxt, alt=None if (modified or former) else e.ref)
            continue  # the name says who: "المتحدث باسم الخارجية نيد برايس"
        if modified or former:
            continue
        out.append(e)
    return out
# a place that opens a line and is followed by a dash (or a parenthesised wire) is a dateline
_DATELINE_TAIL = re.compile(r"[ \t]*(\([^()\n]{1,40}\)[ \t]*)?[-\u2013\u2014:][ \t]")


class SegmentView:
    """Tokens, sentences, quotes, entities and timexes of one article segment."""

    def __init__(self, doc: Document, norm: NormalizedText, seg: Segment, matcher: EntityMatcher,
                 timexes: list[Timex]) -> None:
        self.doc, self.norm, self.seg = doc, norm, seg
        text = norm.text
        self.start = bisect.bisect_left(norm.index, seg.start)
        self.end = bisect.bisect_left(norm.index, seg.end)
        self.toks = [Tok(m.group(), m.start(), m.end()) for m in _MORPH.words(text, self.start, self.end)]
        self.tok_starts = [t.start for t in self.toks]
        found = [e for e in matcher.reread_marked(matcher.find(text, self.start, self.end, norm), norm)
                 if not self._dateline(text, e)]
        held = {e.ref for e in found if e.kind == "role" and e.ref in matcher.kb.roles
                and matcher.kb.roles[e.ref].holder_on(seg.dct) is not None}
        self.entities = _titled(text, found, (matcher.deputies, matcher.former), held)
        self.timexes = [(bisect.bisect_left(norm.index, tx.start), bisect.bisect_left(norm.index, tx.end), tx)
                        for tx in timexes if seg.start <= tx.start < seg.end]
        self.breaks = [m.start() for m in _MORPH.sentence_end_re.finditer(text, self.start, self.end)]
        quotes = [i for i in range(self.start, self.end) if text[i] == '"']
        lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text[self.start:self.end])]
        # quotation marks pair within a paragraph: one stray mark never shifts every later pair
        self.quotes = []
        by_line: dict[int, list[int]] = {}
        line_ends = [b + self.start for _, b in lines]
        for q in quotes:  # one pass: each mark to its line
            by_line.setdefault(bisect.bisect_right(line_ends, q), []).append(q)
        for n in sorted(by_line):
            marks = by_line[n]
            self.quotes += list(zip(marks[0::2], marks[1::2]))
        self.quote_marks = quotes
        self.lines = [(a + self.start, b + self.start) for a, b in lines]
        self.line_starts = [a for a, _ in self.lines]

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
        while p > self.start and (self.norm.text[p] in _MORPH.sentence_end or self.norm.text[p].isspace()):
            p -= 1
        return max(p, self.start)

    def line(self, pos: int) -> tuple[int, int]:
        """The line (without its newline) that holds ``pos``; (pos, pos) between lines."""
        k = bisect.bisect_right(self.line_starts, pos) - 1
        if k >= 0 and self.lines[k][0] <= pos < self.lines[k][1]:
            return self.lines[k]
        return pos, pos

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        for a, b in self.quotes:
            if a < pos < b:
                return a, b
        return None

    def tok_index(self, pos: int) -> int:
        return bisect.bisect_left(self.tok_starts, pos)

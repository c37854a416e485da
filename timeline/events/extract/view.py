"""One article segment as the extractor reads it: tokens, sentences, lines, quotes, entities, timexes."""
from __future__ import annotations

import bisect
import re

from timeline.events.extract.candidate import Tok
from timeline.knowledge.matcher import EntityMatcher, EntityMention
from timeline.model import Document, Segment, Timex
from timeline.normalize import NormalizedText
from timeline.normalize.morphology import get_morphology

_MORPH = get_morphology("ar")
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
        self.entities = [e for e in matcher.reread_marked(matcher.find(text, self.start, self.end, norm), norm)
                         if not self._dateline(text, e)]
        self.timexes = [(bisect.bisect_left(norm.index, tx.start), bisect.bisect_left(norm.index, tx.end), tx)
                        for tx in timexes if seg.start <= tx.start < seg.end]
        self.breaks = [m.start() for m in _MORPH.sentence_end_re.finditer(text, self.start, self.end)]
        quotes = [i for i in range(self.start, self.end) if text[i] == '"']
        self.quotes = list(zip(quotes[0::2], quotes[1::2]))
        self.quote_marks = quotes
        lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text[self.start:self.end])]
        self.lines = [(a + self.start, b + self.start) for a, b in lines]

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
        for a, b in self.lines:
            if a <= pos < b:
                return a, b
        return pos, pos

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        for a, b in self.quotes:
            if a < pos < b:
                return a, b
        return None

    def tok_index(self, pos: int) -> int:
        return bisect.bisect_left(self.tok_starts, pos)

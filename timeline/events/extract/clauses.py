"""A trigger's clause and sub-clause (between reported-clause openers, colons, quotes, clause
breaks and sentence ends), headline lines, and where what a speaker said ends."""
from __future__ import annotations

from collections.abc import Callable

from timeline.events.extract.candidate import Candidate, Tok
from timeline.events.extract.view import SegmentView
from timeline.events.extract.words import Words

HEADLINE_WORDS = 12  # a title or caption line has at most this many words
TITLE_LINES = 3  # a segment's title is among its first lines
QUOTED_TERM_WORDS = 6  # a quoted phrase this short inside a clause is a term, not speech


class Clauses(Words):
    """Rules of the extractor: clauses."""

    # ------------------------------------------------------------------ clause and arguments
    def _clause(self, view: SegmentView, i: int, n: int) -> tuple[tuple[int, int], tuple[int, int]]:
        """The trigger's clause (between reported-clause openers, a colon or a quote, and the
        sentence ends) and its sub-clause (also cut at بعدما، فيما، لكن ...)."""
        toks = view.toks
        text = view.norm.text
        t0, t1 = toks[i].start, toks[i + n - 1].end
        s0, s1 = view.sentence(t0)
        left, right = s0, s1
        colon = text.rfind(":", s0, t0)
        if colon >= 0:
            left = colon + 1
        colon = text.find(":", t1, s1)
        if colon >= 0:
            right = colon
        comp, brk = self._first_marks(toks, range(i - 1, -1, -1), lambda t: t.start >= left)
        left = comp.end if comp else left
        sub_left = brk.start if brk else s0
        comp, brk = self._first_marks(toks, range(i + n, len(toks)), lambda t: t.start < right)
        right = comp.start if comp else right
        sub_right = brk.start if brk else s1
        quote = view.quote_at(t0)
        if quote:
            left, right = max(left, quote[0] + 1), min(right, quote[1])
        else:
            nxt = next((q for q in view.quote_marks if t1 <= q < right), None)
            quoted = view.quote_at(nxt + 1) if nxt is not None else None
            if quoted is not None and not self._quoted_term(view, quoted):
                right = nxt
        return (left, right), (max(sub_left, left), min(sub_right, right))

    def _first_marks(self, toks: list[Tok], order: range, inside: Callable[[Tok], bool]
                     ) -> tuple[Tok | None, Tok | None]:
        """Walking ``order`` away from a trigger while ``inside`` holds: the first reported-clause
        opener (إن/أن) and the first sub-clause break (بعدما، لكن ...) met before it."""
        brk = None
        for k in order:
            t = toks[k]
            if not inside(t):
                break
            if t.text in self.comps:
                return t, brk
            if brk is None and (t.text in self.breaks or any(
                    tuple(x.text for x in toks[k:k + len(m)]) == m for m in self.multi_breaks)):
                brk = t
        return None, brk

    def _headline(self, view: SegmentView, pos: int) -> bool:
        """A title or caption line of a longer text: short and without a final full stop."""
        return len(view.lines) >= 2 and self._headline_form(view, pos)

    def _quoted_term(self, view: SegmentView, quote: tuple[int, int]) -> bool:
        """A short quoted phrase inside the clause ("هجمات ضد "أهداف تابعة لحركة حماس"", "مقتل "رئيس
        حكومة حماس""): a term the clause goes on through, not words someone said."""
        inner = view.norm.text[quote[0] + 1:quote[1]]
        return sum(1 for _ in self.morph.words(inner)) <= QUOTED_TERM_WORDS and \
            not any(c in inner for c in self.morph.sentence_end + ":")

    @staticmethod
    def _title_position(view: SegmentView, pos: int) -> bool:
        """The line at ``pos`` is one of the first lines of its segment, with no quotation mark: where a
        title stands (a short line further down is often a broken line of the text)."""
        line = view.line(pos)
        return line in view.lines[:TITLE_LINES] and '"' not in view.norm.text[line[0]:line[1]]

    def _headline_form(self, view: SegmentView, pos: int, words: int = HEADLINE_WORDS) -> bool:
        """The line at ``pos`` reads as a headline: at most ``words`` words and no final full stop."""
        line = view.line(pos)
        text = view.norm.text[line[0]:line[1]].rstrip()
        if sum(1 for _ in self.morph.words(text)) > words:
            return False
        return not text.endswith(tuple(self.morph.final_stops))

    @staticmethod
    def _said_end(view: SegmentView, cand: Candidate) -> int:
        """Where what a speaker said ends: the sentence's end, or the end of the quotation that opens
        right after the speech verb's clause ("قال: "...". ")."""
        end = cand.sentence[1]
        after = view.norm.text[cand.clause[1]:cand.clause[1] + 4]
        for k, ch in enumerate(after):
            if ch in "\"«“”":
                quote = view.quote_at(cand.clause[1] + k + 1)
                if quote is not None:
                    end = max(end, quote[1] + 1)
                break
        return min(end, view.end)

"""Clause context of an expression: sentence bounds and tense.

Arabic news states the direction of a bare weekday ("الخميس") or month ("في مايو")
through the verb that governs it: a future verb (سيلتقي، سوف يصل، من المقرر أن)
puts it on or after the publication day, a past or neutral one on or before.
The governing verb is looked for in the clause around the expression: a few
words before it (not across إن / أن, which open a reported clause) and the
words right after it up to the next clause boundary.
"""
from __future__ import annotations

from typing import Literal

from timeline.normalize.morphology import WORD, get_morphology
from timeline.temporal.resources import LanguageResources

Tense = Literal["past", "future", "neutral"]

_SENTENCE_END = get_morphology("ar").sentence_end_re
_WORD = WORD
_WINDOW_BEFORE = 10
_WINDOW_AFTER = 4


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (working-copy offsets) that holds [start, end)."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end)
    right = m.start() if m else len(text)
    return left, right


class TenseDetector:
    """Decides whether an expression sits in a future clause."""

    def __init__(self, res: LanguageResources) -> None:
        self.markers = set(res.word_lists.get("future_markers", []))
        self.multiword = [tuple(m.split()) for m in self.markers if " " in m]
        self.past = set(res.word_lists.get("past_markers", []))
        self.present_future = set(res.word_lists.get("present_as_future", []))
        self.openers = set(res.word_lists.get("clause_openers", []))
        self.morph = get_morphology(res.lang)

    def is_future_word(self, word: str) -> bool:
        """A future marker, or a verb with the future prefix سـ (سيلتقي، ستعقد، سنواصل)."""
        if word in self.markers or self.morph.strip_conjunction(word) in self.markers:
            return True
        return self.morph.is_future_verb(word)

    def tense(self, text: str, start: int, end: int) -> Tense:
        """The tense of the clause around working-copy span [start, end)."""
        s0, s1 = sentence_bounds(text, start, end)
        before = _WORD.findall(text[s0:start])
        after = _WORD.findall(text[end:s1])
        window_before: list[str] = []
        for k in range(len(before) - 1, max(-1, len(before) - 1 - _WINDOW_BEFORE), -1):
            word = before[k]
            if word in self.openers:
                # "من المقرر أن تعقد ..." / "يعتزم أن": a future word governs the clause it opens
                if k > 0 and self.is_future_word(before[k - 1]):
                    return "future"
                break
            window_before.append(word)
        window_after: list[str] = []
        for word in after[:_WINDOW_AFTER]:
            if word in self.openers:
                break
            window_after.append(word)
        # the nearest decisive word before the expression wins; then the words after it
        for word in window_before:
            if word in self.past:
                return "past"
            # with و only: "فيصل" is a name, not فـ + يصل
            if self.is_future_word(word) or word in self.present_future or (
                    word[:1] in self.morph.conjunctions[:1] and word[1:] in self.present_future):
                return "future"
        joined = " ".join(reversed(window_before))
        if any(" ".join(m) in joined for m in self.multiword):
            return "future"
        for word in window_after:
            if word in self.past:
                return "past"
            if self.is_future_word(word):
                return "future"
        return "neutral"

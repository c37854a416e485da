"""The temporal tagger: extraction (rules) then resolution (against each segment's date)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from timeline.model import Document, Interval, Segment, Timex
from timeline.normalize import NormalizedText, normalize
from timeline.temporal.context import TenseDetector, sentence_bounds
from timeline.temporal.extract import Candidate, find_candidates
from timeline.temporal.resolve import Resolution, Unresolvable, resolve
from timeline.temporal.resources import LanguageResources, load_language


@dataclass(frozen=True)
class Found:
    """An expression found by step 1: its candidate, original offsets and tense."""

    cand: Candidate
    start: int
    end: int
    tense: str


@dataclass(frozen=True)
class Extracted:
    """Step 1's output for one document: the working copy and every expression found."""

    norm: NormalizedText
    found: list[Found]


_WEEKDAYS_EN = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class TemporalTagger:
    """Finds and resolves temporal expressions in documents of one language."""

    def __init__(self, lang: str = "ar") -> None:
        self.res: LanguageResources = load_language(lang)
        self.tense = TenseDetector(self.res)

    def tag_document(self, doc: Document) -> list[Timex]:
        """Every temporal expression in ``doc``, resolved against its segment's date.

        Expressions in segments that do not take timexes (lists of other
        articles' headlines) are skipped; a segment-less document resolves
        against ``doc.published``.
        """
        return self.resolve_document(doc, self.extract_document(doc))

    def extract_document(self, doc: Document) -> Extracted:
        """Step 1 for a whole document: every expression with its incomplete value and tense.

        The publication date is not needed yet: the dating stage reads these
        to infer it, then :meth:`resolve_document` completes them.
        """
        norm = normalize(doc.text)
        found: list[Found] = []
        for cand in find_candidates(norm.text, self.res):
            a, b = norm.to_original(cand.start, cand.end)
            seg = doc.segment_at(a)
            if seg is not None and not seg.tag_timexes:
                continue
            found.append(Found(cand, a, b, self.tense.tense(norm.text, cand.start, cand.end)))
        return Extracted(norm, found)

    def resolve_document(self, doc: Document, extracted: Extracted) -> list[Timex]:
        """Step 2: complete every expression against its segment's (possibly inferred) date."""
        norm, items = extracted.norm, extracted.found
        resolved: dict[int, Timex] = {}
        # dates first, then clock times, which take the day named in their sentence
        for i, f in enumerate(items):
            if f.cand.partial["kind"] != "time":
                tx = self._make(doc, f)
                if tx is not None:
                    resolved[i] = tx
        for i, f in enumerate(items):
            if f.cand.partial["kind"] == "time":
                anchor = self._anchor(norm, f.cand, items, resolved)
                tx = self._make(doc, f, *anchor)
                if tx is not None:
                    resolved[i] = tx
        return [resolved[i] for i in sorted(resolved)]

    def tag_text(self, text: str, dct: dt.date | None, doc_id: str = "text") -> list[Timex]:
        """Tag a single text published on ``dct`` (None: relative values stay UNDEF)."""
        doc = Document(id=doc_id, path="", text=text, published=dct)
        doc.segments = [Segment(0, len(text), "article", dct, "document" if dct else None, "article")]
        return self.tag_document(doc)

    def _anchor(self, norm: NormalizedText, cand: Candidate,
                items: list[Found],
                resolved: dict[int, Timex]) -> tuple[dt.date | None, str | None]:
        """The day a clock time belongs to (a single day named in the same sentence) and its part of day.

        A time beside a recurring expression (يوميا) stays undated: (None, None).
        """
        s0, s1 = sentence_bounds(norm.text, cand.start, cand.end)
        best: tuple[int, dt.date | None, str | None] = (len(norm.text) + 1, None, None)
        for j, f in enumerate(items):
            other = f.cand
            if not (s0 <= other.start < s1) or j not in resolved:
                continue
            tx = resolved[j]
            if tx.type == "SET":
                return None, None
            if tx.granularity == "day" and isinstance(tx.value, str) and tx.interval:
                # the gap between the two spans; a day before the time wins a tie
                distance = (cand.start - other.end if other.end <= cand.start
                            else max(0, other.start - cand.end) + 1)
                if distance < best[0]:
                    part = tx.value[11:] if tx.value[10:11] == "T" else None
                    best = (distance, dt.date.fromisoformat(tx.interval.start[:10]), part)
        return best[1], best[2]

    def _make(self, doc: Document, f: Found, anchor: dt.date | None = None,
              anchor_part: str | None = None) -> Timex | None:
        cand, a, b, tense = f.cand, f.start, f.end, f.tense
        seg = doc.segment_at(a)
        dct = seg.dct if seg is not None else doc.published
        try:
            r: Resolution = resolve(cand.partial, dct, tense, anchor, anchor_part)
        except Unresolvable as exc:
            doc.warnings.append(f"{doc.path or doc.id}: {doc.text[a:b]!r} at {a}: not a date ({exc})")
            return None
        wd = cand.partial.get("weekday")
        if cand.partial["kind"] == "relday" and wd and dct is not None and not (seg and seg.dct_uncertain):
            named = dct + dt.timedelta(days=int(cand.partial.get("offset") or 0))
            if named.isoweekday() != int(wd):
                doc.warnings.append(
                    f"{doc.path or doc.id}: {doc.text[a:b]!r} at {a} names a {_WEEKDAYS_EN[int(wd)]} but the "
                    f"segment's date makes it {named.isoformat()} ({_WEEKDAYS_EN[named.isoweekday()]}); "
                    f"check the publication date")
        possible = self._possible(cand, tense, anchor, anchor_part, r, seg)
        return Timex(doc=doc.id, start=a, end=b, text=doc.text[a:b], type=r.type or cand.rule.type,  # type: ignore[arg-type]
                     value=r.value, mod=r.mod, interval=r.interval, granularity=r.granularity,
                     rule=cand.rule.name, anchor=dct, tense=tense, possible=possible)

    @staticmethod
    def _possible(cand: Candidate, tense: str, anchor: dt.date | None, anchor_part: str | None,
                  r: Resolution, seg: Segment | None) -> Interval | None:
        """The span the value may cover when the publication date is only known to an interval.

        Resolved against the first and the last possible publication day; None
        when the date is certain or the value does not depend on it.
        """
        if seg is None or not seg.dct_uncertain or r.interval is None or seg.dct_interval is None:
            return None
        spans = [r.interval]
        for day in (seg.dct_interval.first, seg.dct_interval.last):
            try:
                other = resolve(cand.partial, day, tense, anchor, anchor_part).interval
            except Unresolvable:
                other = None
            if other is not None:
                spans.append(other)
        first, last = min(s.start for s in spans), max(s.end for s in spans)
        if seg.dct_open_end:
            return Interval(first, "")  # the article may be later still: no end
        if (first, last) == (r.interval.start, r.interval.end):
            return None
        return Interval(first, last)


_DEFAULT: dict[str, TemporalTagger] = {}


def get_tagger(lang: str = "ar") -> TemporalTagger:
    """A shared tagger per language (rules compile once)."""
    if lang not in _DEFAULT:
        _DEFAULT[lang] = TemporalTagger(lang)
    return _DEFAULT[lang]


def tag_text(text: str, dct: dt.date | None, lang: str = "ar") -> list[Timex]:
    """Tag one text published on ``dct``."""
    return get_tagger(lang).tag_text(text, dct)


def tag_documents(docs: Iterable[Document], lang: str = "ar") -> list[Timex]:
    """Tag several documents."""
    tagger = get_tagger(lang)
    return [tx for doc in docs for tx in tagger.tag_document(doc)]

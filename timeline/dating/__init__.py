"""The dating stage: every article segment gets a publication date inferred from evidence.

It runs between segmentation and resolution: the tagger's step 1 has found the
expressions (with incomplete values), this stage reads them with the page's
stamps, URL, metadata and the knowledge base, and sets each segment's ``dct``,
``dct_interval``, ``dct_source`` and ``dct_evidence``; step 2 then resolves
every expression against its segment's date.  ``batch.py`` dates what is still
undated from the other articles of the batch.
"""
from __future__ import annotations

import dataclasses

from timeline.dating.content import ContentClues
from timeline.dating.infer import Dating, infer
from timeline.dating.stamps import StampFinder
from timeline.dating.urls import url_clue
from timeline.model import DateClue, DctSource, Document, Segment
from timeline.temporal.tagger import Extracted, get_tagger

__all__ = ["DocumentDater", "Dating", "date_document", "get_dater", "publication_words"]


class DocumentDater:
    """Dates the segments of documents of one language."""

    def __init__(self, lang: str = "ar") -> None:
        self.lang = lang
        self.stamps = StampFinder(get_tagger(lang).res, lang)
        self.content = ContentClues(lang=lang)

    def date(self, doc: Document, extracted: Extracted) -> dict[int, Dating]:
        """Set the dates of ``doc``'s segments; returns each article's result by the article's start."""
        stamps = self.stamps.find(doc, extracted.found)
        page_url = url_clue(doc.url)
        given_page = None
        if doc.published is not None and doc.published_source in ("manifest", "metadata"):
            given_page = DateClue(doc.published_source, "given with the document", day=doc.published,  # type: ignore[arg-type]
                                  note=f"{doc.published_source} date")
        html = None
        if doc.published is not None and doc.published_source == "html":
            html = DateClue("html", "HTML metadata", day=doc.published, note="htmldate")
        results: dict[int, Dating] = {}
        page: Dating | None = None
        for n, (key, pieces) in enumerate(_articles(doc.segments)):
            inside = [f for f in extracted.found if any(p.start <= f.start < p.end for p in pieces)]
            lead = _lead(doc.segments, pieces[0])
            stated = [c for c in stamps if c.start is not None and (
                lead <= c.start < pieces[0].start or any(p.start <= c.start < p.end for p in pieces))]
            given = next((DateClue("manifest", "manifest segment date", day=p.dct, note="manifest segment date")
                          for p in pieces if p.dct_source == "manifest" and p.dct is not None), None)
            if given is None and n == 0:
                given = given_page
            if n == 0:
                stated += [c for c in (page_url, html) if c is not None]
            known_day = given is not None or any(c.day for c in stated)
            content: list[DateClue] = []
            for p in pieces:
                content += self.content.clues(doc, extracted.norm, p,
                                              [f for f in inside if p.start <= f.start < p.end],
                                              roles=not known_day)
            spans = [(c.start, c.end) for c in stated if c.start is not None and c.end is not None]
            # a stamp's own date is no content clue ("after 27 May" would outvote the stamp beside it)
            content = [c for c in content if not any(c.start is not None and a <= c.start < b for a, b in spans)]
            result = infer(given, stated, content)
            if n > 0 and page is not None and page.dct is not None and (
                    result.dct is None or result.source == "content"):
                # a later article of the page with no stated day of its own takes the page's day when its
                # clues allow it ("اليوم الخميس" and a Thursday page): the earliest day they allow is only
                # a guess, the page's day is evidence
                result = self._from_page(page, content, result)
            results[key] = result
            if n == 0:
                page = result
        self.apply(doc, results)
        return results

    @staticmethod
    def _from_page(page: Dating, content: list[DateClue], own: Dating) -> Dating:
        """A segment with no stated date of its own takes its page's where nothing contradicts it (else it
        keeps ``own``, dated by its content or undated)."""
        assert page.dct is not None
        against = [c for c in content if not c.allows(page.dct)]
        if against:
            own.warnings.append(f"no date of its own, and {against[0].text[:60]!r} ({against[0].note}) rules out "
                                f"the page's date {page.dct.isoformat()}")
            return own
        return Dating(page.dct, page.interval, "page", list(page.evidence), own.warnings, page.open_end)

    @staticmethod
    def apply(doc: Document, results: dict[int, Dating]) -> None:
        """Write ``results`` (by article start) into ``doc.segments``; captions follow their article."""
        new: list[Segment] = []
        for seg in doc.segments:
            key = _article_key(seg)
            r = results.get(key) if key is not None and (seg.kind == "article" or seg.tag_timexes) else None
            if r is None or r.dct is None:
                new.append(dataclasses.replace(seg, dct=None, dct_source=None, dct_interval=None, dct_evidence=(),
                                               dct_open_end=False))
                continue
            new.append(with_dating(seg, r, r.source))
        for key, r in sorted(results.items()):
            doc.warnings.extend(f"{doc.path or doc.id}: article at {key}: {w}" for w in r.warnings)
        doc.segments = new


def with_dating(seg: Segment, r: Dating, source: DctSource | None) -> Segment:
    """``seg`` dated by ``r``: an article takes ``source`` and the evidence, a caption is its host's."""
    article = seg.kind == "article"
    return dataclasses.replace(seg, dct=r.dct, dct_source=source if article else "host-article",
                               dct_interval=r.interval, dct_open_end=r.open_end,
                               dct_evidence=tuple(r.evidence) if article else ())


def _article_key(seg: Segment) -> int | None:
    if seg.article_start is not None:
        return seg.article_start
    return seg.start if seg.kind == "article" else None


def _lead(segments: list[Segment], first: Segment) -> int:
    """Where the non-article stretch right above an article begins (the stamp finder's lines there are its)."""
    prev = max((s.end for s in segments if s.kind == "article" and s.end <= first.start), default=0)
    return min((s.start for s in segments if s.kind != "article" and prev <= s.start < first.start),
               default=first.start)


def _articles(segments: list[Segment]) -> list[tuple[int, list[Segment]]]:
    """The article segments grouped by the article they belong to, in text order."""
    groups: dict[int, list[Segment]] = {}
    for seg in segments:
        if seg.kind == "article":
            groups.setdefault(_article_key(seg), []).append(seg)  # type: ignore[arg-type]
    return sorted(groups.items())


_DATERS: dict[str, DocumentDater] = {}


def get_dater(lang: str = "ar") -> DocumentDater:
    """A shared dater per language."""
    if lang not in _DATERS:
        _DATERS[lang] = DocumentDater(lang)
    return _DATERS[lang]


def date_document(doc: Document, extracted: Extracted, lang: str = "ar") -> dict[int, Dating]:
    """Date ``doc``'s segments (see :class:`DocumentDater`)."""
    return get_dater(lang).date(doc, extracted)


def publication_words(seg: Segment | None) -> str | None:
    """How a report's publication date reads in the page: given, or inferred with its span and evidence.

    "published 2024-05-23" when given; "publication date inferred: 2024-05-20 – 2024-05-24,
    from content (اليوم الخميس; …)" when inferred; None when undated.
    """
    if seg is None or seg.dct is None:
        return None
    if seg.dct_source in ("manifest", "metadata"):
        return f"published {seg.dct.isoformat()}"
    iv = seg.dct_interval
    span = seg.dct.isoformat() if iv is None else (
        f"{iv.first.isoformat()} or later" if seg.dct_open_end else iv.label())
    clues = "; ".join(dict.fromkeys(c.text[:40] for c in seg.dct_evidence[:3]))
    return f"publication date inferred: {span}, from {seg.dct_source}" + (f" ({clues})" if clues else "")

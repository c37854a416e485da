"""Segmentation of composite news pages.

A page often stitches several articles of different days together with
captions, "اقرأ أيضاً" blocks and related-headline lists.  This stage fills
``Document.segments`` with contiguous stretches covering the whole text:

* article segments start at the manifest's ``starts_with`` hints (each with
  its own date), at the start of the text, and after a related-headlines
  block that is followed by running text (a new article, dated like the page);
* boilerplate is found line by line from word lists in
  ``resources/<lang>/boilerplate/``: duplicated lines (captions printed
  twice), photo captions ending in a credit (- رويترز), lists of related
  headlines (after "اقرأ أيضاً" / "مقالات مشابهة", or bullet items), keyword
  lines (كلمات دلالية) and source lines (المصدر:).

Captions belong to an article: expressions in them resolve against the date of
the article they illustrate (the next one when they stand right before an
article start).  Headline lists belong to other, undated articles: the tagger
skips them.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass

from timeline.loader import word_list
from timeline.model import DctSource, Document, Segment, SegmentKind
from timeline.normalize import normalize, normalize_plain
from timeline.normalize.morphology import get_morphology

_MORPH = get_morphology("ar")
_HEADLINE_ENDS = tuple(_MORPH.final_stops + _MORPH.commas + ":")  # a line ending so is running text
_LONG_LINE = 150  # characters: running text rather than a headline
_SHORT_LINE = 200
_HEADLINE = 110  # characters: at most this long, a line without a full stop reads as a headline
_STAMP_MAX = 60  # characters: a date line beside a headline is short


@dataclass(frozen=True)
class _Lists:
    related: tuple[str, ...]
    tags: tuple[str, ...]
    source: tuple[str, ...]
    credits: tuple[str, ...]
    bullets: tuple[str, ...]
    archive: tuple[str, ...]


@functools.lru_cache(maxsize=None)
def _lists(lang: str) -> _Lists:
    def read(name: str) -> tuple[str, ...]:
        words = [w.lower() for w in word_list(lang, "boilerplate", name)]
        return tuple(sorted(words, key=len, reverse=True))

    return _Lists(read("related_headers"), read("tag_headers"), read("source_headers"),
                  read("photo_credits"), read("bullets"), read("archive_captions"))


@dataclass
class _Line:
    start: int
    end: int
    norm: str
    label: str = "article"  # article | caption | related | tags | source-line
    header: bool = False  # the header of a related-headlines block ("اقرأ أيضاً")


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        if body.strip():
            lead = len(body) - len(body.lstrip())
            out.append(_Line(pos + lead, pos + len(body.rstrip()), normalize_plain(body.strip()).lower()))
        pos += len(raw)
    return out


def _starts_with_word(norm: str, words: tuple[str, ...]) -> bool:
    for w in words:
        if norm.startswith(w) and (len(norm) == len(w) or not norm[len(w)].isalnum()):
            return True
    return False


def _is_credit_caption(norm: str, credits: tuple[str, ...], archive: tuple[str, ...]) -> bool:
    if len(norm) > _SHORT_LINE:
        return False
    tail = norm.rstrip(" .)")
    for c in credits:
        if tail.endswith(c):
            before = tail[: -len(c)].rstrip()
            if before.endswith(("-", "–", "—", "(", "|", "/")) or c in archive:
                return True
    return False


def _label_lines(lines: list[_Line], lists: _Lists, article_starts: set[int]) -> None:
    in_related = False
    for i, line in enumerate(lines):
        if line.start in article_starts:
            in_related = False
        prev_norm = lines[i - 1].norm if i > 0 else None
        next_norm = lines[i + 1].norm if i + 1 < len(lines) else None
        if _starts_with_word(line.norm, lists.related):
            line.label, in_related, line.header = "related", True, True
        elif _starts_with_word(line.norm, lists.tags) and ":" in line.norm[:30]:
            line.label = "tags"
        elif _starts_with_word(line.norm, lists.source) and ":" in line.norm[:20] and len(line.norm) < 80:
            line.label = "source-line"
        elif line.norm in (prev_norm, next_norm):
            line.label = "caption"
        elif _is_credit_caption(line.norm, lists.credits, lists.archive):
            line.label = "caption"
        elif line.norm[:1] in lists.bullets and len(line.norm) < _SHORT_LINE:
            line.label, in_related = "related", True
        elif in_related and len(line.norm) < _LONG_LINE and not line.norm.endswith((".", ":")):
            line.label = "related"
        else:
            in_related = False


def _headline(line: _Line) -> bool:
    """A short line with no closing full stop: a headline, a sub-heading or a dateline."""
    return len(line.norm) < _HEADLINE and not line.norm.endswith(_HEADLINE_ENDS)


_STAMP_LINE = re.compile(r"(?:19|20)\d\d|\d{1,2}:\d\d")


def _stamped_headline(lines: list[_Line], j: int, i: int, bullets: tuple[str, ...]) -> int:
    """The first line of an article's own headline and stamp, among the list-like lines ``j..i`` above it.

    A list of other headlines may run into the article's own headline and its
    date line ("- خبر آخر" / "سوريا.. الإعلان عن اتفاق" / "عربي| 10 مارس, 2025 - 6:54 م"
    / the lede): a short line with a year or a clock time right above running
    text is the article's stamp, and the headline line above it, not a bullet
    item, is its headline.  Without such a stamp the article starts at ``i``.
    """
    k = i - 1
    if k < j or len(lines[k].norm) > _STAMP_MAX or not _STAMP_LINE.search(lines[k].norm):
        return i
    if k - 1 >= j and _headline(lines[k - 1]) and lines[k - 1].norm[:1] not in bullets:
        return k - 1
    return k


def _new_article_lines(lines: list[_Line], bullets: tuple[str, ...] = ()) -> list[int]:
    """Lines that open an article nobody hinted at.

    * after a related-headlines header ("اقرأ أيضاً"): the headline (and dateline)
      right before running text, when at most two such lines follow the header;
    * inside running text: two or more headline lines in a row, or a caption
      and a headline, before running text (a stitched article: its headline,
      perhaps a second headline or its photo caption); a single short line
      between paragraphs is a sub-heading and opens nothing.
    """
    out: list[int] = []
    body = [line.label == "article" and len(line.norm) >= _LONG_LINE for line in lines]
    for i in range(1, len(lines)):
        if not body[i] or body[i - 1]:
            continue
        j = i  # walk back over the lines between running text and this paragraph
        while j > 0 and not body[j - 1] and i - j < 4:
            j -= 1
        run = lines[j:i]
        if any(line.label == "related" for line in run):
            header = max((k for k in range(j, i) if lines[k].header), default=None)
            heads = [k for k in range(j, i) if k > (header if header is not None else -1)
                     and _headline(lines[k]) and lines[k].label in ("related", "article")]
            if header is not None and 0 < len(heads) <= 2 and heads[-1] == i - 1:
                out.append(heads[0])
                for k in heads:  # the headline and dateline belong to the article, not to the list
                    lines[k].label = "article"
            elif lines[i - 1].label == "related":
                first = _stamped_headline(lines, j, i, bullets)
                for k in range(first, i):
                    lines[k].label = "article"
                out.append(first)
            continue
        if j == 0:
            continue  # the top of the page: the first article starts there anyway
        heads = [k for k in range(j, i) if lines[k].label == "article" and _headline(lines[k])]
        captions = [k for k in range(j, i) if lines[k].label == "caption"]
        # a caption printed twice is the stitched article's lead photo, titled with its headline
        heads += [k for k in captions if k + 1 < i and lines[k + 1].norm == lines[k].norm]
        if heads and (len(heads) >= 2 or captions):
            out.append(min(heads + captions))
    return out


def _find_hint(doc: Document, hint: str, after: int) -> int | None:
    pos = doc.text.find(hint, after)
    if pos >= 0:
        return pos
    norm = normalize(doc.text)
    key = normalize_plain(hint).strip()
    npos = norm.text.find(key, norm.index.index(after) if after in norm.index else 0) if key else -1
    return norm.to_original(npos, npos + 1)[0] if npos >= 0 else None


def segment_document(doc: Document, lang: str = "ar") -> Document:
    """Fill ``doc.segments`` (see the module docstring) and return the document."""
    lists = _lists(lang)
    lines = _lines(doc.text)
    page_source: DctSource | None = doc.published_source if doc.published else None

    # article starts: (offset, date, date source, kind)
    starts: list[tuple[int, dt.date | None, DctSource | None, SegmentKind]] = []
    cursor = 0
    for text, date, kind in doc.segment_hints:
        pos = _find_hint(doc, text, cursor)
        if pos is None:
            doc.warnings.append(f"{doc.path or doc.id}: manifest segment {text[:40]!r} not found in the text")
            continue
        starts.append((pos, date, "manifest" if date else None, kind))
        cursor = pos + 1
    hinted = {s[0] for s in starts}
    _label_lines(lines, lists, hinted)
    # a related block or a run of headline lines followed by running text opens a new article
    for i in _new_article_lines(lines, lists.bullets):
        if not any(abs(lines[i].start - h) < 300 for h in hinted):
            lines[i].label = "article" if lines[i].label == "related" else lines[i].label
            starts.append((lines[i].start, doc.published, "document" if doc.published else None, "article"))
    if not starts or min(s[0] for s in starts) > 0:  # text before the first listed article
        starts.append((0, doc.published, page_source, "article"))
    starts.sort(key=lambda s: s[0])

    def article_at(offset: int) -> int:
        idx = 0
        for k, s in enumerate(starts):
            if s[0] <= offset:
                idx = k
        return idx

    # (start, kind, label, date, date source, tags timexes, start of its article)
    pieces: list[tuple[int, SegmentKind, str, dt.date | None, DctSource | None, bool, int | None]] = []
    for i, line in enumerate(lines):
        art = article_at(line.start)
        a_date, a_src, a_kind = starts[art][1], starts[art][2], starts[art][3]
        if line.label == "article":
            label = "article" if a_kind == "article" else "manifest"
            pieces.append((line.start, a_kind, label, a_date, a_src, True, starts[art][0]))
        elif line.label == "caption":
            host = art
            j = i + 1  # the first line after this caption and its copies
            while j < len(lines) and lines[j].label == "caption" and lines[j].norm == line.norm:
                j += 1
            if j < len(lines) and article_at(lines[j].start) != art:
                host = article_at(lines[j].start)
            pieces.append((line.start, "boilerplate", "caption", starts[host][1],
                           "host-article" if starts[host][1] else None, True, starts[host][0]))
        else:
            pieces.append((line.start, "boilerplate", line.label, None, None, False, None))
    for s in starts:  # an article start that falls inside a line still opens a segment
        if not any(p[0] == s[0] for p in pieces):
            pieces.append((s[0], s[3], "article", s[1], s[2], True, s[0]))
    pieces.sort(key=lambda p: p[0])
    if not pieces or pieces[0][0] > 0:
        first = pieces[0] if pieces else (0, "article", "article", doc.published, page_source, True, 0)
        pieces.insert(0, (0,) + first[1:])  # type: ignore[arg-type]

    segments: list[Segment] = []
    for k, (start, kind, label, date, src, tag, art_start) in enumerate(pieces):
        end = pieces[k + 1][0] if k + 1 < len(pieces) else len(doc.text)
        if segments and (segments[-1].kind, segments[-1].label, segments[-1].dct, segments[-1].tag_timexes,
                         segments[-1].article_start) == (kind, label, date, tag, art_start) and start not in {
                s[0] for s in starts}:
            prev = segments[-1]
            segments[-1] = dataclasses.replace(prev, end=end)
            continue
        if start == end:
            continue
        segments.append(Segment(start, end, kind, date, src, label, tag, article_start=art_start))
    doc.segments = segments
    return doc

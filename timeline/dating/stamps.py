"""Page stamps and datelines: the words an article prints about its own date.

Forms (the word lists are in ``resources/<lang>/dating/``):

* a label before a date on its line: "نُشر في: ٧ شباط ٢٠٢٤", "تاريخ النشر: ...",
  "آخر تحديث: ..." (an update: the page is from that day or before), "Published On 23/5/2024";
* a date alone on one of the first lines of a segment, with at most a weekday,
  a clock time, a Hijri date and separators beside it: "السبت، 06-01-2024 11:15 م",
  "2023-05-06 | 01:10", "3 يناير 2024 |";
* a wire dateline opening the body: "عمّان - 8 فبراير (رويترز) -", "بيروت في 2 ديسمبر 2024";
* "اليوم الاثنين (12 شباط 2024)", "اليوم الخميس الموافق 23 مايو 2024";
* English stamps: "Published: 4th, March 2024", "Updated: May 23, 2024".

The Arabic forms reuse the temporal tagger's date expressions (one owner for
reading dates: a stamp is also a timex); only the position decides that a date
is the article's own.  A date in running text, a headline list or a caption is
not a stamp.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from timeline.dating.lexicon import DatingLexicon, get_lexicon
from timeline.model import DateClue, Document, Segment
from timeline.normalize import normalize_plain
from timeline.temporal.resources import LanguageResources
from timeline.temporal.tagger import Found

_TOP_LINES = 8          # a bare stamp stands among the first lines of its segment
_DATELINE_LINES = 4     # a wire dateline opens the body
_DATELINE_PREFIX_WORDS = 5
_TIME = re.compile(r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?")
_TOKEN = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_SEPARATORS = re.compile(r"[|/\\\-–—،,:：()\[\]«»\"'•·*]+")
_DATELINE_END = ("-", "–", "—", "في", "،", ",", ")", ":")
_ZONE = re.compile(r"بتوقيت\s+\S+(?:\s+\S+)?")
_AGENCY_AFTER = re.compile(r"^\S{2,10}\s?[-–—]")  # "رام الله 7-2-2024 وفا- قالت ..."
_LABEL_LEAD = 3  # words a line may hold before its stamp label, set off by "|" ("اقتصاد | نشر في: ...")
_LATIN_WEEKDAY = r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,?\s*)?"


@dataclass(frozen=True)
class _Lines:
    """The non-blank lines of a text: (start, end) each, and both offsets apart for bisection."""

    spans: list[tuple[int, int]]
    starts: list[int]
    ends: list[int]


def _lines(text: str) -> _Lines:
    spans, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        if body.strip():
            spans.append((pos, pos + len(body)))
        pos += len(raw)
    return _Lines(spans, [a for a, _ in spans], [b for _, b in spans])


class StampFinder:
    """Finds page stamps and datelines in a document's segments."""

    def __init__(self, res: LanguageResources, lang: str = "ar") -> None:
        self.res = res
        self.lex: DatingLexicon = get_lexicon(lang)
        self.weekdays = frozenset(res.tables["weekday"]) | frozenset(
            "يوم " + w for w in res.tables["weekday"])
        self.hijri = frozenset(w for k in res.tables["hijri_month"] for w in k.split())
        months = "|".join(sorted(self.lex.latin_months, key=len, reverse=True))
        label = (r"(?P<label>published(?:\s+on)?|posted(?:\s+on)?|last\s+updated|updated|date)\s*[:\-]?\s*"
                 + _LATIN_WEEKDAY)
        date = (r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<m1>" + months + r")\.?,?\s+(?P<y1>(?:19|20)\d\d)"
                r"|(?P<m2>" + months + r")\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d))")
        self.latin_bare = re.compile(_LATIN_WEEKDAY + date, re.IGNORECASE)
        self.latin = re.compile(
            label + r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<m1>" + months + r")\.?,?\s+(?P<y1>(?:19|20)\d\d)"
            r"|(?P<m2>" + months + r")\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d))",
            re.IGNORECASE)

    def find(self, doc: Document, found: list[Found]) -> list[DateClue]:
        """Every stamp or dateline of ``doc`` as a clue stating its day."""
        lines = _lines(doc.text)
        clues: list[DateClue] = []
        for f in found:
            p = f.cand.partial
            if p.get("kind") != "date" or not p.get("day") or not p.get("month"):
                continue
            seg = doc.segment_at(f.start)
            if seg is None:
                continue
            if seg.kind != "article":
                seg = self._article_below(doc, seg, f.start, lines)
                if seg is None:
                    continue
            clue = self._classify(doc, f, seg, lines)
            if clue is not None:
                clues.append(clue)
        clues.extend(self._latin(doc, lines))
        return sorted(clues, key=lambda c: (c.start or 0, c.kind))

    @staticmethod
    def _article_below(doc: Document, seg: Segment, offset: int, lines: _Lines) -> Segment | None:
        """The article that a date line of a non-article segment stands right above, if any.

        The segmenter may set a page's section, headline and stamp apart as
        boilerplate ("عربي| 10 مارس, 2025 - 6:54 م" above the lede): a stamp
        on one of the last two lines before an article belongs to it.
        """
        if seg.label == "caption":
            return None  # a caption's date is its photo's
        k = bisect.bisect_right(lines.starts, offset) - 1
        nxt = bisect.bisect_left(lines.starts, seg.end)
        if k < 0 or nxt - k > 2 or nxt >= len(lines.spans):
            return None
        below = doc.segment_at(lines.spans[nxt][0])
        return below if below is not None and below.kind == "article" and below.start >= seg.end else None

    @staticmethod
    def _line_index(lines: _Lines, seg: Segment, offset: int) -> tuple[int, int, int]:
        """(line start, line end, index of the line among its segment's lines)."""
        if not lines.spans:
            return offset, offset, 0
        k = max(0, bisect.bisect_right(lines.starts, offset) - 1)
        first = bisect.bisect_right(lines.ends, seg.start)
        ls, le = lines.spans[k]
        return ls, le, max(0, k - first)

    def _strip_weekday(self, words: list[str]) -> list[str]:
        while words and (words[-1] in self.weekdays or words[-1] in ("يوم", "الموافق") or
                         _SEPARATORS.fullmatch(words[-1])):
            words.pop()
        return words

    def _classify(self, doc: Document, f: Found, seg: Segment, lines: _Lines) -> DateClue | None:
        ls, le, index = self._line_index(lines, seg, f.start)
        line = doc.text[ls:le]
        if "©" in line or "حقوق" in normalize_plain(line):
            return None
        prefix = normalize_plain(doc.text[ls:f.start]).strip()
        suffix = normalize_plain(doc.text[f.end:le]).strip()
        words = self._strip_weekday([w.strip("،,") or w for w in prefix.split()])
        bare = " ".join(words)
        bare_words = _SEPARATORS.sub(" ", _TIME.sub(" ", bare)).split()
        kind, note = None, ""
        m = self.lex.label_re.search(" ".join(bare_words))
        if m and " ".join(bare_words)[:m.start("label")].split() and (
                "|" not in prefix or len(" ".join(bare_words)[:m.start("label")].split()) > _LABEL_LEAD):
            m = None  # "دراسة نشرت في 10 يناير": a label inside running text is no stamp
        if m:
            kind = "stamp"
            label = m.group("label").lower()
            note = "update" if label in self.lex.update_labels else f"label {label!r}"
        elif re.search(r"(?:^|\s)اليوم\s*\(?$", prefix + " ") or bare.endswith("اليوم"):
            kind, note = "dateline", "today"
        elif index < _DATELINE_LINES and prefix.endswith("الموافق"):
            kind, note = "dateline", "Gregorian day of a dual dateline"
        elif index < _DATELINE_LINES and 0 < len(words) <= _DATELINE_PREFIX_WORDS and (
                prefix.endswith(_DATELINE_END) or suffix.startswith(("(", "/", "-", "–")) or
                _AGENCY_AFTER.match(suffix)) and (
                len(line) >= 60 or suffix.startswith(("(", "/", "-", "–"))):
            kind, note = "dateline", "wire dateline"
        elif index < _TOP_LINES and self._only_stamp(prefix + " " + suffix):
            kind, note = "stamp", "date line"
        elif (index == 0 and ls == seg.start and len(words) <= _DATELINE_PREFIX_WORDS and f.start - ls <= 60
              and f.cand.partial.get("year") and re.search(r"[-–—|/]", prefix)):
            # "بقش - الأخبار المحلية 14 نوفمبر 2023م هدد ...": site and section, then the date, opening the page
            kind, note = "stamp", "date opening the page"
        if kind is None:
            return None
        p = f.cand.partial
        day = None
        if p.get("year"):
            try:
                day = dt.date(int(p["year"]), int(p["month"]), int(p["day"]))
            except ValueError:
                return None
        text = doc.text[f.start:f.end]
        weekday = self._weekday_before(doc.text[ls:f.end])
        if day is None and weekday is not None:
            return DateClue(kind, text, f.start, f.end, month_day=(int(p["month"]), int(p["day"])),  # type: ignore[arg-type]
                            weekday=weekday, note=note + " (no year; its weekday)")
        if note == "update" and day is not None:
            return DateClue("stamp", text, f.start, f.end, last=day, note="update: published on or before")
        if day is not None:
            return DateClue(kind, text, f.start, f.end, day=day, note=note)  # type: ignore[arg-type]
        return DateClue(kind, text, f.start, f.end, month_day=(int(p["month"]), int(p["day"])),  # type: ignore[arg-type]
                        note=note + " (no year)")

    def _weekday_before(self, text: str) -> int | None:
        """The weekday a stamp names right before its date ("الجمعة 15 أغسطس"), if any."""
        words = normalize_plain(text).replace("،", " ").split()
        for w in reversed(words[-5:]):
            value = self.res.tables["weekday"].get(w)
            if value is not None:
                return int(value)
        return None

    def _only_stamp(self, rest: str) -> bool:
        """Whether what shares the line with a date is only weekday, time, Hijri date and separators.

        A part set off by "|" may also be a section name of up to three words ("اقتصاد | ١٥ يناير ٢٠٢٣").
        """
        rest = _ZONE.sub(" ", rest)  # "بتوقيت اليمن", "بتوقيت القدس"
        parts = _TIME.sub(" ", rest).split("|")
        if len(parts) > 1:
            parts = [p for p in parts if len(_TOKEN.findall(p)) > 3 or not _TOKEN.findall(p) or
                     any(t.isdigit() for t in _TOKEN.findall(p))]
        rest = _SEPARATORS.sub(" ", " ".join(parts))
        for tok in _TOKEN.findall(rest):
            low = tok.lower()
            if tok.isdigit() or low in self.lex.fillers or tok in self.weekdays or tok in self.hijri:
                continue
            if low in ("يوم", "الموافق", "هـ", "ه"):
                continue
            return False
        return True

    def _latin(self, doc: Document, lines: _Lines) -> list[DateClue]:
        out = []
        for k, (ls, le) in enumerate(lines.spans[:40]):
            seg = doc.segment_at(ls)
            if seg is None or seg.kind != "article":
                continue
            found = list(self.latin.finditer(doc.text, ls, le))
            if not found and k < _TOP_LINES:
                # "Tuesday, May 6, 2025" alone on a line, "تاريخ النشر: 29th, October 2023 GMT"
                m = self.latin_bare.search(doc.text, ls, le)
                if m and (self._only_stamp(doc.text[ls:m.start()] + " " + doc.text[m.end():le]) or
                          self.lex.label_re.search(normalize_plain(doc.text[ls:m.start()]).strip())):
                    found = [m]
            for m in found:
                month = self.lex.latin_months[(m.group("m1") or m.group("m2")).lower()]
                try:
                    day = dt.date(int(m.group("y1") or m.group("y2")), month, int(m.group("d1") or m.group("d2")))
                except ValueError:
                    continue
                label = (m.groupdict().get("label") or "date line").lower()
                text = doc.text[m.start():m.end()]
                if label.endswith("updated"):
                    out.append(DateClue("stamp", text, m.start(), m.end(), last=day,
                                        note="update: published on or before"))
                else:
                    out.append(DateClue("stamp", text, m.start(), m.end(), day=day, note=f"label {label!r}"))
        return out

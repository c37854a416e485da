"""What an article's own words say about its publication day.

Each finding is a :class:`~timeline.model.DateClue` that bounds the day:

* ``weekday``: "اليوم الخميس" / "أمس الأربعاء" — the day is a Thursday;
* ``after`` / ``before``: an explicit date with its year told in the past
  (the article is from that day or later) or announced as coming (from that
  day or earlier); a month or a year with its year likewise;
* ``within``: "العام الماضي 2023" — the article is from 2024; "مارس الحالي" — from a March;
* ``role``: a title with the name of its holder ("الرئيس الأمريكي جو بايدن") — the
  day falls in that tenure; "السابق" after the title — after it;
* ``calendar``: a major dated event of the knowledge base named in the text
  (on or after it; before it when announced as coming); a duration counted
  from a war's start ("بعد مرور عام على اندلاع الحرب على غزة");
* ``anchor``: a one-day event of the calendar with a relative day in the same
  sentence ("... فجر الثلاثاء"): the day follows from it.  Being a guess by
  co-occurrence, it yields to roles and calendar bounds when they disagree.

Nothing here looks at the clock; every bound comes from the text and the
knowledge base.
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass

from timeline.events.lexicon import load_lexicon
from timeline.knowledge import KnowledgeBase, get_kb
from timeline.knowledge.kb import CalendarEvent
from timeline.knowledge.matcher import EntityMatcher, get_matcher
from timeline.model import DateClue, Document, Segment
from timeline.normalize import NormalizedText, normalize_plain
from timeline.temporal.tagger import Found

_SENTENCE_END = re.compile(r"[.!?؟؛\n]")
# words before a date that make it a deadline or a plan rather than something that happened
_NOT_PAST_BEFORE = re.compile(r"(?:حتي|لغايه|بحلول|موعد|المقرر|المقرره|المزمع|المرتقب|المرتقبه|المقبل|القادم|"
                              r"قبيل|قبل|مطلع|نهايه)\s*(?:في|يوم|من)?\s*$")
_BEFORE_EVENT = re.compile(r"(?:قبيل|قبل|استعدادا ل|تمهيدا ل|المرتقب|المرتقبه|المقرر|المقرره|المزمع|"
                           r"المقبله|المقبل|القادمه)\s*\S*\s*$")
# a later phase or a widening of a named event ("المرحلة الثانية من عملية …", "توسيع عملية …"):
# its day is not the event's own
_PHASE = re.compile(r"(?:(?:المرحله|مرحله|الجوله|جوله)(?:\s+\S+)?\s+من|توسيع|توسيعا ل|توسع)\s*$")
_FORMER = re.compile(r"(?:^|\s)(?:السابق|السابقه|الاسبق|الاسبقه)(?:\s|$)")
_ELECT = re.compile(r"(?:^|\s)(?:المنتخب|المنتخبه)(?:\s|$)")
_YEAR_AFTER = re.compile(r"\s*[(\[]?\s*((?:19|20)\d\d)")
_ROLE_GAP = 24  # characters between a title and its holder's name
_PIN_KINDS = frozenset({"relday", "weekday", "relunit"})
# calendar kinds whose names denote a state of affairs (a war), not the day it began
_NOT_ONE_DAY = frozenset({"war-start"})


@dataclass(frozen=True)
class _CalendarMention:
    event: CalendarEvent
    start: int
    end: int  # working-copy offsets


_WORD = re.compile(r"[^\W\d_]+|\d+")
_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وال", "بال", "فال")


def _calendar_index(kb: KnowledgeBase) -> dict[str, list[tuple[str, str]]]:
    """First word of every calendar name (normalized) -> [(whole name, event id)], longest first."""
    index: dict[str, list[tuple[str, str]]] = {}
    seen: set[str] = set()
    for ev in kb.calendar.values():
        for alias in ev.ar:
            key = normalize_plain(alias).strip()
            words = _WORD.findall(key)
            if key and words and key not in seen:
                seen.add(key)
                index.setdefault(words[0], []).append((key, ev.id))
    for names in index.values():
        names.sort(key=lambda n: (-len(n[0]), n[0]))
    return index


def add_duration(day: dt.date, amount: int, unit: str) -> dt.date | None:
    """``day`` moved by ``amount`` years (Y), months (M), weeks (W) or days (D); None out of range."""
    try:
        if unit == "D":
            return day + dt.timedelta(days=amount)
        if unit == "W":
            return day + dt.timedelta(weeks=amount)
        months = amount * (12 if unit == "Y" else 1)
        total = day.year * 12 + day.month - 1 + months
        y, m = divmod(total, 12)
        last = calendar.monthrange(y, m + 1)[1]
        return dt.date(y, m + 1, min(day.day, last))
    except (ValueError, OverflowError):
        return None


def pin_clue(doc: Document, f: Found, day: dt.date, note: str, kind: str = "anchor") -> DateClue | None:
    """The publication days on which the relative expression ``f`` names ``day`` (None if none can).

    "اليوم/أمس" name one day; a bare past weekday the week from that day on
    ("الأحد" told of a Sunday: published that Sunday or in the six days after);
    "الأسبوع الماضي/هذا الأسبوع" the ISO week after or of that day.
    """
    p = f.cand.partial
    words = doc.text[f.start:f.end]
    one = dt.timedelta(days=1)
    if p["kind"] == "relday":
        if p.get("weekday") and day.isoweekday() != int(p["weekday"]):
            return None
        pub = day - int(p.get("offset") or 0) * one
        return DateClue(kind, words, f.start, f.end, first=pub, last=pub, note=note)  # type: ignore[arg-type]
    if p["kind"] == "weekday":
        if int(p["weekday"]) != day.isoweekday() or (p.get("rel") or 0) > 0:
            return None
        shift = 1 if (p.get("rel") or 0) < 0 else 0
        return DateClue(kind, words, f.start, f.end, first=day + shift * one,  # type: ignore[arg-type]
                        last=day + (6 + shift) * one, note=note)
    if p["kind"] == "relunit" and p.get("unit") == "week" and int(p.get("offset") or 0) in (0, -1):
        offset = -int(p.get("offset") or 0)
        monday = day - (day.isoweekday() - 1) * one + 7 * offset * one
        return DateClue(kind, words, f.start, f.end, first=monday, last=monday + 6 * one, note=note)  # type: ignore[arg-type]
    return None


def _name_at(text: str, hi: int, name: str, stem: str, word_end: int) -> bool:
    """Whether ``name`` (whose first word is ``stem``) stands at the token ending ``word_end``, whole."""
    rest = name[len(stem):]
    end = word_end + len(rest)
    if end > hi or text[word_end:end] != rest:
        return False
    return end == len(text) or not (text[end].isalnum() or text[end] == "_")


class ContentClues:
    """Reads the content clues of one segment (see the module docstring)."""

    def __init__(self, kb: KnowledgeBase | None = None, matcher: EntityMatcher | None = None,
                 lang: str = "ar") -> None:
        self.kb = kb or get_kb()
        self.matcher = matcher or get_matcher()
        # the same state the event stage gives the shared matcher, whichever stage comes first
        self.matcher.add_non_names(load_lexicon(lang).vocabulary())
        self.calendar_index = _calendar_index(self.kb)
        # every written form of a first word (with a clitic before it) -> where the name starts in it
        self.calendar_lead: dict[str, int] = {}
        for stem in self.calendar_index:
            for clitic in _CLITICS:
                if stem.startswith("ال") and clitic.endswith("ال"):
                    self.calendar_lead.setdefault(clitic[:-2] + stem, len(clitic) - 2)
                elif not clitic.endswith("ال"):
                    self.calendar_lead.setdefault(clitic + stem, len(clitic))
        self.holders: dict[tuple[str, str], list[tuple[dt.date | None, dt.date | None]]] = {}
        for role in self.kb.roles.values():
            for h in role.holders:
                self.holders.setdefault((role.id, h.actor), []).append((h.start, h.until))

    # -- entry point
    def clues(self, doc: Document, norm: NormalizedText, seg: Segment, found: list[Found],
              roles: bool = True) -> list[DateClue]:
        """The content clues of ``seg``; ``found`` are the expressions inside it.

        ``roles=False`` skips the dated roles (the costliest clue), for articles
        whose day is already given or stated.
        """
        lo, hi = bisect.bisect_left(norm.index, seg.start), bisect.bisect_left(norm.index, seg.end)
        hi = min(hi, len(norm.text))
        text = norm.text
        ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, hi)]
        out: list[DateClue] = []
        for f in found:
            out.extend(self._expression(doc, text, f))
        mentions = self._calendar(text, lo, hi)
        for cm in mentions:
            out.append(self._calendar_bound(doc, norm, text, cm))
        out.extend(self._pins(doc, norm, text, mentions, found, ends))
        out.extend(self._war_durations(doc, norm, text, found))
        if roles:
            out.extend(self._roles(doc, norm, text, lo, hi))
        return out

    # -- the article's own expressions
    def _expression(self, doc: Document, text: str, f: Found) -> list[DateClue]:
        p = f.cand.partial
        kind = p.get("kind")
        words = doc.text[f.start:f.end]
        before = text[max(0, f.cand.start - 16):f.cand.start]
        if kind == "relday" and p.get("weekday"):
            wd = (int(p["weekday"]) - 1 - int(p.get("offset") or 0)) % 7 + 1
            return [DateClue("weekday", words, f.start, f.end, weekday=wd, note="the day's own weekday")]
        if kind == "date" and p.get("year") and p.get("day") and p.get("month"):
            try:
                day = dt.date(int(p["year"]), int(p["month"]), int(p["day"]))
            except ValueError:
                return []
            return self._told(words, f, day, day, before)
        if kind == "month" and p.get("year") and p.get("month") and not p.get("rel"):
            y, m = int(p["year"]), int(p["month"])
            first = dt.date(y, m, 1)
            last = dt.date(y, m, calendar.monthrange(y, m)[1])
            return self._told(words, f, first, last, before)
        if kind == "year" and p.get("year") and f.tense == "past":
            y = int(p["year"])
            return [DateClue("after", words, f.start, f.end, first=dt.date(y, 1, 1), note="a past year")]
        if kind == "relunit" and p.get("unit") == "year":
            m = _YEAR_AFTER.match(text, f.cand.end)
            if m:
                y = int(m.group(1)) - int(p.get("offset") or 0)
                return [DateClue("within", doc.text[f.start:f.end] + m.group(0), f.start, f.end,
                                 first=dt.date(y, 1, 1), last=dt.date(y, 12, 31), note=f"the article is from {y}")]
        if kind == "month" and p.get("month") and p.get("rel") == 0 and not p.get("year"):
            return [DateClue("within", words, f.start, f.end, month=int(p["month"]), note="the current month")]
        return []

    @staticmethod
    def _told(words: str, f: Found, first: dt.date, last: dt.date, before: str) -> list[DateClue]:
        if f.tense == "future":
            return [DateClue("before", words, f.start, f.end, last=last, note="announced as coming")]
        if _NOT_PAST_BEFORE.search(before):
            return []
        return [DateClue("after", words, f.start, f.end, first=first, note="told as past")]

    # -- the calendar of major events
    def _calendar(self, text: str, lo: int, hi: int) -> list[_CalendarMention]:
        """Calendar names in ``text[lo:hi]``, found from their first word (a clitic may lead it)."""
        out: list[_CalendarMention] = []
        after = lo
        for m in _WORD.finditer(text, lo, hi):
            lead = self.calendar_lead.get(m.group())
            if lead is None or m.start() < after:
                continue
            begin = m.start() + lead  # "بالحرب": the name starts at the article, after ب
            stem = text[begin:m.end()]
            hit = next(((name, ident) for name, ident in self.calendar_index[stem]
                        if _name_at(text, hi, name, stem, m.end())), None)
            if hit:
                end = m.end() + len(hit[0]) - len(stem)
                out.append(_CalendarMention(self.kb.calendar[hit[1]], begin, end))
                after = end
        return out

    def _calendar_bound(self, doc: Document, norm: NormalizedText, text: str, cm: _CalendarMention) -> DateClue:
        a, b = norm.to_original(cm.start, cm.end)
        words = doc.text[a:b]
        ev = cm.event
        if _BEFORE_EVENT.search(text[max(0, cm.start - 24):cm.start]) and ev.kind in (
                "talks", "summit", "election", "inauguration", "agreement"):
            return DateClue("calendar", words, a, b, last=ev.end, note=f"before {ev.en} ({ev.date.isoformat()})")
        return DateClue("calendar", words, a, b, first=ev.date, note=f"after {ev.en} ({ev.date.isoformat()})")

    def _pins(self, doc: Document, norm: NormalizedText, text: str, mentions: list[_CalendarMention],
              found: list[Found], ends: list[int]) -> list[DateClue]:
        """A relative day in the sentence that names a one-day event: the article's day follows."""
        out: list[DateClue] = []
        for cm in mentions:
            ev = cm.event
            if ev.date != ev.end or ev.kind in _NOT_ONE_DAY or _PHASE.search(text[max(0, cm.start - 30):cm.start]):
                continue
            k = bisect.bisect_right(ends, cm.start)
            s0 = ends[k - 1] if k > 0 else 0
            s1 = ends[k] if k < len(ends) else len(text)
            for f in found:
                if not (s0 <= f.cand.start < s1) or f.tense == "future" or f.cand.partial.get("kind") not in _PIN_KINDS:
                    continue
                clue = self._pin(doc, f, ev)
                if clue is not None:
                    out.append(clue)
        return out

    @staticmethod
    def _pin(doc: Document, f: Found, ev: CalendarEvent) -> DateClue | None:
        return pin_clue(doc, f, ev.date, f"{ev.en} ({ev.date.isoformat()}) told as {doc.text[f.start:f.end]!r}")

    def _war_durations(self, doc: Document, norm: NormalizedText, text: str, found: list[Found]) -> list[DateClue]:
        """"بعد مرور عام على اندلاع الحرب على غزة": the day is that long after the war's start."""
        out = []
        for f in found:
            p = f.cand.partial
            if p.get("kind") != "duration" or not p.get("amount") or p.get("unit") not in ("Y", "M", "W", "D"):
                continue
            after = text[f.cand.end:f.cand.end + 60]
            if not re.match(r"\s*(?:علي|من)\s+(?:اندلاع|بدء|بدايه|انطلاق|اشتعال)\s", after):
                continue
            for cm in self._calendar(text, f.cand.end, min(len(text), f.cand.end + 60)):
                if cm.event.kind != "war-start":
                    continue
                amount = int(p["amount"])
                first = add_duration(cm.event.date, amount, p["unit"])
                last = add_duration(cm.event.date, amount + 1, p["unit"]) - dt.timedelta(days=1)
                if first is None or last is None:
                    continue
                a, b = norm.to_original(f.cand.start, cm.end)
                out.append(DateClue("calendar", doc.text[a:b], a, b, first=first, last=last,
                                    note=f"{amount}{p['unit']} after {cm.event.en} ({cm.event.date.isoformat()})"))
                break
        return out

    # -- dated roles
    def _roles(self, doc: Document, norm: NormalizedText, text: str, lo: int, hi: int) -> list[DateClue]:
        out = []
        mentions = self.matcher.find(text, lo, hi, norm)
        for m1, m2 in zip(mentions, mentions[1:]):
            if m1.kind != "role" or m2.kind not in ("actor",) or m2.start - m1.end > _ROLE_GAP:
                continue
            stints = self.holders.get((m1.ref, m2.ref))
            if not stints:
                continue
            gap = text[m1.end:m2.start]
            a, b = norm.to_original(m1.start, m2.end)
            words = doc.text[a:b]
            starts = [s for s, _ in stints]
            untils = [u for _, u in stints]
            if _FORMER.search(gap):
                last_end = max((u for u in untils if u), default=None)
                if last_end and all(untils):
                    out.append(DateClue("role", words, a, b, first=last_end, note="a former holder of the title"))
                continue
            if _ELECT.search(gap):
                first_start = min((s for s in starts if s), default=None)
                if first_start:
                    out.append(DateClue("role", words, a, b, last=first_start, note="elected, not yet in office"))
                continue
            # several stints (a president re-elected after a gap): the latest, which news mostly means;
            # a clue that contradicts stronger evidence is dropped anyway
            first, last = max(stints, key=lambda st: st[0] or dt.date.min)
            if first or last:
                out.append(DateClue("role", words, a, b, first=first, last=last,
                                    note=f"{self.kb.actors[m2.ref].name} in office"))
        return out

"""Articles date one another: an event a dated article puts on a day dates the articles that tell it relatively.

"اجتمع الوزيران يوم الأحد" in an undated article and "الأحد 14 يناير" for the same
meeting (same family of event, the same actors) in a dated one: the undated
article was published in the week from that Sunday.  Each such match is a
``batch`` clue; the segment is dated again with it, and the whole step repeats
until nothing changes, so a chain of articles can date one another.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

from timeline.dating import with_dating
from timeline.dating.content import pin_clue
from timeline.dating.infer import infer
from timeline.events.build import EventBuilder
from timeline.events.extract import Candidate
from timeline.model import TYPE_FAMILY, DateClue, Document, EventDate, Timex
from timeline.temporal.tagger import Extracted

_RELATIVE = frozenset({"relday", "weekday"})
_MAX_ROUNDS = 5

Anchor = tuple[str, frozenset[str], dt.date, str, str | None]  # family, actor ids, day, where, place

# Statements recur every day for the same speaker: "قال ترامب اليوم" in two
# articles is no evidence that they share a day.  Only events that happen once
# for a set of actors in one place (meetings, rounds, calls, agreements) anchor.
_ANCHOR_FAMILIES = frozenset({"meet", "call", "prop", "mil"})


def _actors(cand: Candidate) -> frozenset[str]:
    return frozenset(a.id for a in cand.actors if not a.id.startswith("ar:"))


def _certain(cand: Candidate) -> bool:
    seg = cand.segment
    return seg.dct is not None and not seg.dct_uncertain


def _anchors(found: dict[str, list[tuple[Candidate, EventDate]]], docs: dict[str, Document]) -> list[Anchor]:
    out: list[Anchor] = []
    for doc_id, cands in found.items():
        for cand, date in cands:
            if not _certain(cand) or date.granularity != "day" or date.interval is None:
                continue
            if date.basis not in ("explicit", "same-sentence") or date.interval.start != date.interval.end:
                continue
            ids = _actors(cand)
            family = TYPE_FAMILY.get(cand.family.type, "other")
            if ids and family in _ANCHOR_FAMILIES:
                out.append((family, ids, dt.date.fromisoformat(date.interval.start[:10]),
                            f"{doc_id}@{cand.segment.start}", cand.location))
    return out


def _index(anchors: list[Anchor]) -> dict[tuple[str, str], list[Anchor]]:
    """Anchors by (family, actor id): a mention is compared only with anchors that share an actor."""
    index: dict[tuple[str, str], list[Anchor]] = defaultdict(list)
    for a in anchors:
        for ident in sorted(a[1]):
            index[(a[0], ident)].append(a)
    return index


def _matches(cand: Candidate, index: dict[tuple[str, str], list[Anchor]]) -> list[Anchor]:
    """Anchors that can be the same event as ``cand``.

    The same family and at least two shared actors (or the same single actor),
    and no other place: talks between the same parties recur (Istanbul 2022,
    Jeddah 2025), so two mentions that name different places are different
    events.  The caller drops anchors the mention's own words rule out and lets
    those that still put it on different days cancel out.
    """
    family = TYPE_FAMILY.get(cand.family.type, "other")
    ids = _actors(cand)
    if family not in _ANCHOR_FAMILIES:
        return []
    out: list[Anchor] = []
    for ident in sorted(ids):
        for a in index.get((family, ident), ()):
            shared = ids & a[1]
            if a not in out and (a[4] is None or cand.location is None or a[4] == cand.location) and (len(shared) >= 2 or ids == a[1]):
                out.append(a)
    return out


def date_batch(documents: list[Document], extracted: dict[str, Extracted], builder: EventBuilder,
               timexes: dict[str, list[Timex]], timexes_of: Callable[[Document], list[Timex]],
               found: dict[str, list[tuple[Candidate, EventDate]]] | None = None,
               ) -> dict[str, list[tuple[Candidate, EventDate]]]:
    """Date undated or uncertain segments from the batch's dated ones.

    ``extracted`` holds the found expressions of (at least) every document with
    an undated or uncertain article; ``found``, each document's event mentions
    when already known (the others are extracted here).  ``timexes`` (by
    document id) are updated in place with ``timexes_of`` for every document
    whose dates changed.  Returns each document's event mentions as they stand
    after the last round, for the event stage to reuse.
    """
    docs = {d.id: d for d in documents}
    found = dict(found or {})
    stale = {doc_id for doc_id in docs if doc_id not in found}
    for _ in range(_MAX_ROUNDS):
        for doc_id in sorted(stale):
            found[doc_id] = builder.candidates(docs[doc_id], timexes[doc_id])
        stale = set()
        anchors = _anchors(found, docs)
        if not anchors:
            break
        index = _index(anchors)
        changed: set[str] = set()
        for doc_id, cands in found.items():
            doc = docs[doc_id]
            clues: dict[int, list[DateClue]] = defaultdict(list)
            for cand, _date in cands:
                if _certain(cand):
                    continue
                rel = [f for f in extracted[doc_id].found if cand.clause[0] <= f.cand.start < cand.clause[1]
                       and f.cand.partial.get("kind") in _RELATIVE and f.tense != "future"]
                if not rel:
                    continue
                # anchors the mention's own words allow ("اليوم الأحد" rules out a Saturday's round); those
                # left that put it on different days (two rounds in Jeddah) cancel out
                pins = [c for c in (pin_clue(doc, rel[0], anchor[2], f"{cand.family.type} of "
                                             f"{', '.join(sorted(anchor[1]))} dated {anchor[2].isoformat()} by {anchor[3]}",
                                             kind="batch") for anchor in _matches(cand, index)) if c is not None]
                if len({(c.first, c.last) for c in pins}) == 1:
                    clues[cand.segment.article_start if cand.segment.article_start is not None
                          else cand.segment.start].extend(pins)
            if clues and _redate(doc, clues):
                changed.add(doc_id)
        for doc_id in changed:
            timexes[doc_id] = timexes_of(docs[doc_id])
        stale = changed
        if not changed:
            break
    for doc_id in sorted(stale):
        found[doc_id] = builder.candidates(docs[doc_id], timexes[doc_id])
    return found


def _redate(doc: Document, clues: dict[int, list[DateClue]]) -> bool:
    """Date again the articles of ``doc`` that got batch clues; whether any date changed."""
    changed = False
    new = []
    results = {}
    for seg in doc.segments:
        key = seg.article_start if seg.article_start is not None else seg.start
        if key not in clues or seg.kind != "article" or key in results:
            continue
        own = [c for c in seg.dct_evidence if c.kind != "batch"] if seg.dct_source == "content" else []
        results[key] = infer(None, [], own + clues[key])
    for seg in doc.segments:
        key = seg.article_start if seg.article_start is not None else seg.start
        r = results.get(key)
        if r is None or r.dct is None or (seg.dct is not None and not seg.dct_uncertain) or (
                seg.dct == r.dct and seg.dct_interval == r.interval):
            new.append(seg)
            continue
        changed = True
        new.append(with_dating(seg, r, "batch"))
    if changed:
        doc.segments = new
        doc.warnings.append(f"{doc.path or doc.id}: dated from other articles of the batch")
    return changed

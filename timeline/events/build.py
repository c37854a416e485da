"""From documents and their dates to merged, dated :class:`~timeline.model.Event` records."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from timeline.events.dating import date_segment
from timeline.events.extract import Candidate, EventExtractor, SegmentView
from timeline.events.lexicon import load_lexicon
from timeline.events.merge import Cluster, Merger
from timeline.knowledge.kb import KnowledgeBase, get_kb
from timeline.knowledge.matcher import EntityMatcher, get_matcher
from timeline.model import Document, Event, EventActor, EventDate, EventMention, Timex
from timeline.normalize import normalize, normalize_plain

_SAY = ("statement", "rejection")


def _printed_name(folded: str, surface: str) -> str:
    """An unknown person's name as the article prints it ("فاطمة الزهراء النقي", "إلهام علييف"), without a
    clitic the name was found with ("وإلهام"); the folded working-copy name when the print is not it."""
    printed = " ".join(surface.split())
    for cut in range(0, 3):
        if normalize_plain(printed[cut:]).strip() == folded:
            return printed[cut:]
    return folded


def _keep(c: Candidate, date: EventDate, cands: list[Candidate]) -> bool:
    """Which mentions may start or join an event."""
    if c.denied:
        return False  # "نفى أن يكون قد التقى": what is denied did not happen
    if c.type in _SAY:
        if c.anonymous:
            return False  # "قال مسؤول": provenance, not a statement
        # "أعلن الجيش أنه بدأ شن هجمات": the announced action is the event
        if any(o.replaces_statement and o.governing is c for o in cands):
            return False
    if c.family.dated_only and date.basis != "explicit":
        return False  # "اندلعت الحرب" with no date of its own: background
    if c.embedded and not c.self_announced and date.basis not in ("explicit", "inherited"):
        return False  # background: "المبادرة التي طرحها ويتكوف", undated actions in someone's words
    if len({a.id for a in c.actors}) < c.family.min_actors and not c.attach_only and not c.needs_no_party:
        return False
    return True


class EventBuilder:
    """Runs extraction, dating and merging over a batch of documents."""

    def __init__(self, lang: str = "ar", kb: KnowledgeBase | None = None,
                 matcher: EntityMatcher | None = None) -> None:
        self.kb = kb or get_kb()
        self.matcher = matcher or get_matcher()
        lex = load_lexicon(lang)
        self.matcher.add_non_names(lex.vocabulary())
        self.extractor = EventExtractor(lex, self.kb, self.matcher)

    def candidates(self, doc: Document, timexes: list[Timex]) -> list[tuple[Candidate, EventDate]]:
        """Dated event mentions of one document, in text order."""
        norm = normalize(doc.text)
        out: list[tuple[Candidate, EventDate]] = []
        for seg in doc.segments:
            if seg.kind != "article":
                continue  # captions, related headlines and tag lists state no events of their own
            view = SegmentView(doc, norm, seg, self.matcher, timexes)
            cands = self.extractor.extract(view)
            dates = date_segment(view, cands)
            out.extend((c, dates[id(c)]) for c in cands if _keep(c, dates[id(c)], cands))
        return out

    def merge(self, documents: Iterable[Document], found: dict[str, list[tuple[Candidate, EventDate]]]) -> list[Event]:
        """Merged events of the mentions ``found`` in each document (by document id)."""
        merger = Merger(self.kb)
        pending: list[tuple[Candidate, EventDate]] = []
        for doc in sorted(documents, key=lambda d: d.id):
            for cand, date in found.get(doc.id, ()):
                if cand.attach_only:
                    pending.append((cand, date))
                elif cand.actors or cand.needs_no_party:
                    merger.add(cand, date)
        for cand, date in pending:
            merger.attach(cand, date)
        for cand, date in pending:
            merger.stand_alone(cand, date)
        return self._events(merger.clusters)

    # ------------------------------------------------------------------ records
    def _events(self, clusters: list[Cluster]) -> list[Event]:
        events = [self._event(cl) for cl in clusters]
        events.sort(key=lambda e: ((e.date.interval.start if e.date.interval else "9999"),
                                   e.mentions[0].doc, e.mentions[0].start))
        for n, ev in enumerate(events, 1):
            ev.id = f"e{n}"
        return events

    def _event(self, cl: Cluster) -> Event:
        first = cl.first
        day = first.segment.dct
        actors: list[EventActor] = []
        names: set[str] = set()
        for ident, role in cl.actors.items():
            if ident.startswith("ar:"):
                surface = cl.surfaces.get(ident, "")
                actors.append(EventActor(ident, _printed_name(ident[3:], surface), role, "person", None, surface))
                continue
            name, unit = self.kb.export_name(ident, day)
            if name in names:
                continue  # the White House and the State Department both speak as the United States
            names.add(name)
            actors.append(EventActor(ident, name, role, self.kb.actors[ident].type, unit, cl.surfaces.get(ident, "")))
        actors.sort(key=lambda a: (ROLE_ORDER.get(a.role, 9), a.name))
        mentions = []
        spans: set[tuple[str, int, int]] = set()
        for cand, _ in sorted(cl.mentions, key=lambda m: (m[0].doc.id, m[0].clause[0], m[0].trigger_span[0])):
            a, b = cand.norm.to_original(*cand.report)
            if (cand.doc.id, a, b) in spans:
                continue  # two trigger words of one clause ("اجتاح ... وهاجموا") are one report
            spans.add((cand.doc.id, a, b))
            ta, tb = cand.norm.to_original(*cand.trigger_span)
            mentions.append(EventMention(cand.doc.id, a, b, cand.doc.text[a:b], cand.doc.text[ta:tb], ta,
                                         cand.segment.start, tuple(cand.sources), cand.attach_only))
        sources = list(cl.sources)
        for cand, _ in cl.mentions:
            if cand.doc.source and cand.doc.source not in sources:
                sources.append(cand.doc.source)
        told = [c for c, _ in cl.mentions if not c.attach_only] or [c for c, _ in cl.mentions]
        planned = all(c.planned for c in told)  # a headline or a continuation standing alone counts
        label = ", ".join(dict.fromkeys(a.name for a in actors if a.role != "mediator"))
        brokers = ", ".join(dict.fromkeys(a.name for a in actors if a.role == "mediator"))
        if brokers:
            label = f"{label} (mediated by {brokers})" if label else f"mediated by {brokers}"
        title = f"{first.family.label or first.type.capitalize()}: {label or 'unnamed actors'}" + (f" ({cl.location})" if cl.location else "")
        count = next((c.count for c, _ in cl.mentions if c.count is not None), None)
        return Event("", first.type, first.family.cameo, title, cl.date, actors, cl.location, mentions,  # type: ignore[arg-type]
                     sources, planned, first.family.name, count)


ROLE_ORDER = {"speaker": 0, "initiator": 1, "participant": 2, "target": 3, "mediator": 4}


def events_in_text(text: str, published: dt.date | None, lang: str = "ar") -> list[Event]:
    """The events of one piece of text published on ``published``, built as the pipeline builds a
    document (for notebooks and tests)."""
    from timeline.pipeline import build_documents

    doc = Document(id="text", path="", text=text, published=published,
                   published_source="manifest" if published else None)
    return build_documents([doc], lang=lang).events

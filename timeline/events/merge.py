"""Merge event mentions into events: one event however many reports tell it.

Two mentions are the same event when their types belong to the same family
(meeting/negotiation/visit, call, statement/rejection, military,
proposal/decision/agreement, other), they share an actor (a person and the
body or state they speak for count as shared: Karoline Leavitt and the White
House), their places do not disagree, and their dates agree: both dated and
overlapping, or — within one article — one of them dated only by the
publication day.  Across documents both must be dated from the text and fall
on the same days.  Different events are never merged just because they share
a day: an actor must be shared too.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from timeline.events.extract import Candidate
from timeline.knowledge.kb import KnowledgeBase
from timeline.model import TYPE_FAMILY, EventDate

BASIS_RANK = {"explicit": 0, "same-sentence": 1, "inherited": 2, "document-date": 3, "none": 4}
ROLE_RANK = {"speaker": 0, "initiator": 1, "mediator": 2, "participant": 3, "target": 4}


@dataclass
class Cluster:
    """An event being assembled from its mentions."""

    first: Candidate
    date: EventDate
    mentions: list[tuple[Candidate, EventDate]] = field(default_factory=list)
    actors: dict[str, str] = field(default_factory=dict)  # id -> role
    surfaces: dict[str, str] = field(default_factory=dict)
    location: str | None = None
    sources: list[str] = field(default_factory=list)

    @property
    def family(self) -> str:
        return TYPE_FAMILY[self.first.type]

    def add(self, cand: Candidate, date: EventDate) -> None:
        self.mentions.append((cand, date))
        for arg in cand.actors:
            old = self.actors.get(arg.id)
            if old is None or ROLE_RANK.get(arg.role, 9) < ROLE_RANK.get(old, 9) and old != "mediator":
                self.actors[arg.id] = arg.role
            self.surfaces.setdefault(arg.id, arg.surface)
        if self.location is None:
            self.location = cand.location
        for s in cand.sources:
            if s not in self.sources:
                self.sources.append(s)
        if BASIS_RANK[date.basis] < BASIS_RANK[self.date.basis]:
            self.date = date


def _interval(d: EventDate) -> tuple[dt.date, dt.date] | None:
    if d.interval is None:
        return None
    try:
        return dt.date.fromisoformat(d.interval.start[:10]), dt.date.fromisoformat(d.interval.end[:10])
    except ValueError:
        return None


def _dates_agree(a: EventDate, a_cand: Candidate, b: EventDate, b_cand: Candidate, same_doc: bool) -> bool:
    weak = ("document-date", "none")
    if a.basis in weak or b.basis in weak:
        # a mention dated only by its article joins a dated one of the same article
        return same_doc and a_cand.segment.dct == b_cand.segment.dct
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:  # a vague reference (PAST_REF) agrees only with another
        return ia is None and ib is None and (same_doc or a.value == b.value)
    if a.granularity != b.granularity and not (same_doc and {a.granularity, b.granularity} <= {"day", "time"}):
        return False  # "in early May" and "on Friday" are different statements of time, not one event
    return ia[0] <= ib[1] and ib[0] <= ia[1] if same_doc else ia == ib


def _date_key(d: EventDate) -> tuple | None:
    """What two mentions of different documents must share to be dated alike (see ``_dates_agree``)."""
    if d.basis in ("document-date", "none"):
        return None
    iv = _interval(d)
    return ("value", d.value) if iv is None else ("days", iv)


class _Index:
    """The clusters a mention could join, found by key instead of by scanning them all.

    A mention joins only a cluster of its family whose anchor is in its own document or whose date
    key is its own (``_dates_agree``); the clusters that tell a document are looked up by document.
    Each lookup returns clusters in the order they were made, so the first compatible one is the
    one a scan would find: the index changes the speed of merging, never its result.
    """

    def __init__(self) -> None:
        self.order: dict[int, int] = {}  # id(cluster) -> creation rank
        self.by_key: dict[tuple, dict[int, Cluster]] = {}
        self.told_in: dict[str, dict[int, Cluster]] = {}  # document id -> clusters with a mention of it
        self._keys: dict[int, tuple[tuple, ...]] = {}

    def register(self, cl: Cluster) -> None:
        self.order.setdefault(id(cl), len(self.order))
        anchor = _anchor(cl)
        date_key = _date_key(cl.date)
        keys = ((cl.family, "doc", anchor.doc.id),) + (((cl.family, "date", date_key),) if date_key else ())
        old = self._keys.get(id(cl), ())
        if keys != old:
            for key in old:
                del self.by_key[key][id(cl)]
            for key in keys:
                self.by_key.setdefault(key, {})[id(cl)] = cl
            self._keys[id(cl)] = keys
        self.told_in.setdefault(cl.mentions[-1][0].doc.id, {})[id(cl)] = cl

    def _ranked(self, groups: list[dict[int, Cluster]]) -> list[Cluster]:
        seen: dict[int, Cluster] = {}
        for group in groups:
            seen.update(group)
        return sorted(seen.values(), key=lambda cl: self.order[id(cl)])

    def could_join(self, cand: Candidate, date: EventDate) -> list[Cluster]:
        family = TYPE_FAMILY[cand.type]
        groups = [self.by_key.get((family, "doc", cand.doc.id), {})]
        date_key = _date_key(date)
        if date_key:
            groups.append(self.by_key.get((family, "date", date_key), {}))
        return self._ranked(groups)

    def telling(self, doc_id: str) -> list[Cluster]:
        return self._ranked([self.told_in.get(doc_id, {})])


def _anchor(cl: Cluster) -> Candidate:
    """The mention that gave the cluster its date (the dates of others are compared with it)."""
    return next((m for m, d in cl.mentions if d == cl.date), cl.first)


class Merger:
    """Groups candidates into clusters (see the module docstring)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.clusters: list[Cluster] = []
        self._placed: set[int] = set()  # ids of the candidates some cluster holds
        self._index = _Index()

    def keys(self, actor_id: str, day: dt.date | None) -> set[str]:
        """The actor and, for a government body, its state."""
        out = {actor_id}
        actor = self.kb.actors.get(actor_id)
        if actor is not None and actor.type == "government-body":
            state = self.kb.state_of(actor_id, day)
            if state:
                out.add(state)
        return out

    def _linked(self, a: str, b: str, day: dt.date | None) -> bool:
        """Same actor, a body and its state, or a person and the body or state they speak for.

        Two different people are never the same speaker, even of one government, and two
        bodies of one state (the White House, the State Department) are not each other.
        """
        if a == b or b in self.keys(a, day) or a in self.keys(b, day):
            return True
        for p, q in ((a, b), (b, a)):
            person = self.kb.actors.get(p)
            other = self.kb.actors.get(q)
            if person is not None and other is not None and person.type == "person" and \
                    other.type in ("government-body", "state") and q in person.affiliated_on(day):
                return True
        return False

    def _shares_actor(self, cl: Cluster, cand: Candidate) -> bool:
        day = cand.segment.dct
        mine = [a for a, role in cl.actors.items() if role != "mediator"] or list(cl.actors)
        theirs = [a.id for a in cand.actors if a.role != "mediator"] or [a.id for a in cand.actors]
        if not any(self._linked(x, y, day) for x in mine for y in theirs):
            return False
        if len(mine) >= 2 and len(theirs) >= 2:
            # two meetings of the same day with different principals stay apart:
            # one side's actors must all be found on the other side
            covered = all(any(self._linked(y, x, day) for x in mine) for y in theirs)
            covers = all(any(self._linked(x, y, day) for y in theirs) for x in mine)
            return covered or covers
        return True

    def _compatible(self, cl: Cluster, cand: Candidate, date: EventDate) -> bool:
        if cl.family != TYPE_FAMILY[cand.type]:
            return False
        if (cl.first.type == "visit") != (cand.type == "visit"):
            return False  # a trip is not the talks held on it
        if cand.location and cl.location and cand.location != cl.location:
            return False
        anchor = _anchor(cl)
        if not _dates_agree(cl.date, anchor, date, cand, anchor.doc.id == cand.doc.id):
            return False
        if not cand.actors or not cl.actors:
            # a happening told without its parties ("دخلت الهدنة حيز التنفيذ") is the same one only
            # when told by the same words of the same day; fighting that broke out on the day of an
            # attack told in the same article is that attack ("اندلعت الحرب إثر هجوم ... في 7 أكتوبر")
            return cand.family.name == cl.first.family.name or (
                cand.type == "military" and cl.first.type == "military" and cand.doc.id == cl.first.doc.id)
        return self._shares_actor(cl, cand)

    def add(self, cand: Candidate, date: EventDate) -> None:
        for cl in self._index.could_join(cand, date):
            if self._compatible(cl, cand, date):
                self._put(cl, cand, date)
                return
        if cand.attach_only:
            return
        cl = Cluster(cand, date)
        self._put(cl, cand, date)
        self.clusters.append(cl)

    def _put(self, cl: Cluster, cand: Candidate, date: EventDate) -> None:
        cl.add(cand, date)
        self._placed.add(id(cand))
        self._index.register(cl)

    def stand_alone(self, cand: Candidate, date: EventDate) -> None:
        """A headline whose event no telling of the body took in is an event of its own (after every
        continuation found its event, so that none joins the headline instead); so is a continuation with
        its own named speaker ("وأضاف لافروف أن") that continues nothing told before."""
        speakers = [a for a in cand.actors if a.role != "mediator"]
        named = cand.family.continuation and cand.subject_found and bool(speakers)  # "وأضاف لافروف أن"
        if not (cand.headline and not cand.family.continuation) and not named or \
                len({a.id for a in cand.actors}) < max(1, cand.family.min_actors):
            return
        if id(cand) in self._placed:
            return
        if named and any(m.doc.id == cand.doc.id and m.trigger_span[0] < cand.trigger_span[0] and m.self_announced
                         for cl in self._index.telling(cand.doc.id) if self._shares_actor(cl, cand)
                         for m, _ in cl.mentions):
            return  # "أعلن الجيش أنه سينفذ ... وأضاف الجيش أن": more of the announcement, which is the action
        if date.basis in ("document-date", "none"):
            # a title restates its page's news: an undated headline is the page's telling of the same
            # family with a shared party, whatever article of the page tells it
            same = next((cl for cl in self._index.telling(cand.doc.id) if cl.family == TYPE_FAMILY[cand.type]
                         and self._shares_actor(cl, cand)),
                        None)
            if same is not None:
                self._put(same, cand, date)
                return
        cl = Cluster(cand, date)
        self._put(cl, cand, date)
        self.clusters.append(cl)

    def attach(self, cand: Candidate, date: EventDate) -> None:
        """A continuation or headline: joins a matching event, or the last statement before it."""
        for cl in self._index.could_join(cand, date) if cand.actors else ():
            if self._compatible(cl, cand, date):
                self._put(cl, cand, date)
                return
        if cand.actors or cand.type not in ("statement",):
            return
        best = None
        for cl in self._index.telling(cand.doc.id):
            for m, _ in cl.mentions:
                if cl.family == "say" and m.doc.id == cand.doc.id and m.segment.start == cand.segment.start \
                        and m.trigger_span[0] < cand.trigger_span[0] and \
                        (best is None or m.trigger_span[0] > best[1]):
                    best = (cl, m.trigger_span[0])
        if best is not None and cand.trigger_span[0] - best[1] < 600:
            self._put(best[0], cand, date)

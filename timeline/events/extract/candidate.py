"""What the extractor finds: tokens, actors as found, and event mentions before dating and merging."""
from __future__ import annotations

from dataclasses import dataclass, field

from timeline.events.lexicon import FormKind, TriggerFamily
from timeline.model import Document, Segment
from timeline.normalize import NormalizedText

# statement-like types: their clause holds what was said
SAY_TYPES = ("statement", "rejection")
# types that frame other events ("خلال الاجتماع", "عقب اتصاله") and whose parties a later clause shares
FRAME_TYPES = ("meeting", "negotiation", "call", "visit")


@dataclass
class Tok:
    text: str
    start: int
    end: int


@dataclass
class Arg:
    """An actor as found in the text (resolved to a KB id, or an unknown person's Arabic name)."""

    id: str
    role: str
    start: int
    end: int
    surface: str
    known: bool = True


@dataclass
class Candidate:
    """One event mention before dating and merging (working-copy offsets)."""

    doc: Document
    norm: NormalizedText
    segment: Segment
    family: TriggerFamily
    kind: FormKind
    trigger: tuple[int, int]  # token indices [i, j)
    trigger_span: tuple[int, int]
    sentence: tuple[int, int]
    clause: tuple[int, int]
    sub: tuple[int, int]
    planned: bool = False
    actors: list[Arg] = field(default_factory=list)
    location: str | None = None
    sources: list[str] = field(default_factory=list)
    attach_only: bool = False
    embedded: bool = False  # in a named actor's words or a relative clause
    anonymous: bool = False  # a statement by an unnamed official or an outlet
    governing: Candidate | None = None  # the statement whose reported clause holds this one
    self_announced: bool = False
    replaces_statement: bool = False  # "أعلن X أنه بدأ ...": the action is the event, not the announcement
    frame_refs: list[str] = field(default_factory=list)  # actors named in "خلال جلسة X"
    support: int | None = None  # token index of a noun trigger's support verb
    subject_found: bool = False
    frame_event: Candidate | None = None  # "في نهايته", "عقب اللقاء": the earlier event this one happened in
    said_end: int | None = None  # a statement's report runs on through what was said (to here)
    count: int | None = None  # people released or exchanged ("90 أسيرا")
    denied: bool = False  # what a speaker denies ("نفى أن يكون قد التقى"): no event
    headline: bool = False  # told in a title line: joins the body's telling, else stands alone
    framed: bool = False  # a noun inside a frame phrase ("إثر الغارة ..."): its words end with that phrase
    dated_alone: bool = False  # no party named, but its own date and place make it an event

    @property
    def needs_no_party(self) -> bool:
        """An event even when no party is named: its family says so, or its own date and place do."""
        return self.family.min_actors == 0 or self.dated_alone

    @property
    def report(self) -> tuple[int, int]:
        """The words that report this mention: its clause, and for a statement what was said."""
        return (self.clause[0], max(self.clause[1], self.said_end or 0))

    @property
    def type(self) -> str:
        return self.family.type

"""The words the extractor reads: the lexicon's triggers and markers, and the shared morphology.

:class:`Words` is the base of every rule module of the extractor: it holds the
lexicon (``resources/<lang>/events/``), the knowledge base, the entity matcher,
one attribute per marker list of ``markers.yaml`` and the morphology of
:mod:`timeline.normalize.morphology`.  It says whether a token *is* a word
of a list; the rule modules say what that means.
"""
from __future__ import annotations

from collections.abc import Iterator

from timeline.events.extract.candidate import FRAME_TYPES, Tok
from timeline.events.extract.view import SegmentView
from timeline.events.lexicon import EventLexicon, TriggerFamily
from timeline.knowledge.kb import KnowledgeBase
from timeline.knowledge.matcher import EntityMatcher, EntityMention
from timeline.normalize.morphology import get_morphology
from timeline.temporal.resources import load_language

# marker lists of markers.yaml, read as attributes of the same name
_MARKERS = (
    "negation", "conditional", "future", "intent", "departure", "ongoing", "frames", "mediation", "purpose",
    "phone", "subject_blockers", "own_forces", "mediator_nouns", "hosting", "ongoing_lede", "lede_say",
    "frame_anaphors", "visit_transitive", "where_links", "locatives", "receiving", "captives", "dual_anaphors",
    "party_stops", "subjunctive", "complement_preps", "with_words", "partitive", "date_introducers",
    "partner_words", "partner_prefixes", "said_prefixes", "destination_preps", "source_preps", "in_preps", "via",
    "fillers", "party_preps", "recipient_preps", "against_preps", "capacity", "capacity_mediator",
    "self_openers", "self_openers_plural", "pronoun_followers", "locative_clitic", "locative_prefixes",
    "denial", "belonging", "noun_prepositions", "past_plans", "hearsay", "phrase_links",
)


class Words:
    """Word lists and readings shared by the extractor's rule modules."""

    def __init__(self, lex: EventLexicon, kb: KnowledgeBase, matcher: EntityMatcher) -> None:
        self.lex, self.kb, self.matcher = lex, kb, matcher
        self.morph = get_morphology(lex.lang)
        for name in _MARKERS:
            setattr(self, name, lex.marker(name))
        self.comps = lex.marker("complementizers")
        self.breaks = lex.marker("clause_breaks")
        self.multi_breaks = [tuple(p.split()) for p in self.breaks if " " in p]  # "بعد أن", "في المقابل"
        self.held_by = lex.marker("held_by") | lex.marker("holding_verbs")
        self.anonymous = frozenset(matcher.anonymous_heads)
        self.number_words = {w: int(v) for w, v in load_language(lex.lang).tables.get("number_word", {}).items()}
        self.frame_nouns = frozenset(w for f in lex.families if f.type in FRAME_TYPES for w in f.nouns)
        self.call_family = next((f for f in lex.families if f.type == "call"), None)
        self.say_family = next((f for f in lex.families if f.name == "say"), None)
        self.approval_family = next((f for f in lex.families if f.name == "approve-operation"), None)

    # these are set from _MARKERS above; declared for readers and type checkers
    negation: frozenset[str]
    conditional: frozenset[str]
    future: frozenset[str]
    intent: frozenset[str]
    departure: frozenset[str]
    ongoing: frozenset[str]
    frames: frozenset[str]
    mediation: frozenset[str]
    purpose: frozenset[str]
    phone: frozenset[str]
    subject_blockers: frozenset[str]
    own_forces: frozenset[str]
    mediator_nouns: frozenset[str]
    hosting: frozenset[str]
    ongoing_lede: frozenset[str]
    lede_say: frozenset[str]
    frame_anaphors: frozenset[str]
    visit_transitive: frozenset[str]
    where_links: frozenset[str]
    locatives: frozenset[str]
    receiving: frozenset[str]
    captives: frozenset[str]
    dual_anaphors: frozenset[str]
    party_stops: frozenset[str]
    subjunctive: frozenset[str]
    complement_preps: frozenset[str]
    with_words: frozenset[str]
    partitive: frozenset[str]
    date_introducers: frozenset[str]
    partner_words: frozenset[str]
    partner_prefixes: frozenset[str]
    said_prefixes: frozenset[str]
    destination_preps: frozenset[str]
    source_preps: frozenset[str]
    in_preps: frozenset[str]
    via: frozenset[str]
    fillers: frozenset[str]
    party_preps: frozenset[str]
    recipient_preps: frozenset[str]
    against_preps: frozenset[str]
    capacity: frozenset[str]
    capacity_mediator: frozenset[str]
    self_openers: frozenset[str]
    self_openers_plural: frozenset[str]
    pronoun_followers: frozenset[str]
    locative_clitic: frozenset[str]
    locative_prefixes: frozenset[str]
    denial: frozenset[str]
    belonging: frozenset[str]
    noun_prepositions: frozenset[str]
    past_plans: frozenset[str]
    hearsay: frozenset[str]
    phrase_links: frozenset[str]

    # ------------------------------------------------------------------ words
    def _is(self, word: str, words: frozenset[str]) -> bool:
        """``word``, or what is left after peeling its clitics and article, is one of ``words``."""
        return any(v in words for v in self.morph.noun_readings(word))

    def _phrase_at(self, toks: list[Tok], i: int, phrases: frozenset[str]) -> int:
        """Length in tokens of a (possibly multi-word) phrase of ``phrases`` starting at token i."""
        for p in phrases:
            words = p.split()
            if i + len(words) <= len(toks) and self._is(toks[i].text, frozenset([words[0]])) and \
                    all(toks[i + k].text == words[k] for k in range(1, len(words))):
                return len(words)
        return 0

    def _is_support(self, word: str) -> bool:
        return any(f in self.lex.support_past or f in self.lex.support_present
                   for f, _ in self.morph.verb_readings(word))

    def _families(self, word: str) -> Iterator[TriggerFamily]:
        """The trigger families ``word`` can belong to, read as a verb or as a noun."""
        for f, _ in self.morph.verb_readings(word):
            for fam, _, _ in self.lex.index.get(f, ()):
                yield fam
        for f in self.morph.noun_readings(word):
            for fam, _, _ in self.lex.index.get(f, ()):
                yield fam

    def _is_trigger(self, word: str) -> bool:
        return next(self._families(word), None) is not None

    def _is_denial(self, word: str) -> bool:
        """A verb of denying ("نفى", "نفت", "ينفي")."""
        return any(v in self.denial for v, _ in self.morph.verb_readings(word))

    @staticmethod
    def _in(zones: list[tuple[int, int]], e: EntityMention) -> bool:
        return any(s <= e.start < z for s, z in zones)

    @staticmethod
    def _word_before(view: SegmentView, e: EntityMention) -> str:
        k = view.tok_index(e.start)
        return view.toks[k - 1].text if k > 0 else ""

"""Temporal tagging: rules (data) extract incomplete values, a resolver completes them."""
from timeline.temporal.resolve import Resolution, resolve
from timeline.temporal.tagger import TemporalTagger, get_tagger, tag_documents, tag_text

__all__ = ["Resolution", "TemporalTagger", "get_tagger", "resolve", "tag_documents", "tag_text"]

"""Find event mentions in article segments (one module per kind of rule; see ``extractor.py``)."""
from timeline.events.extract.candidate import (
    FRAME_TYPES,
    SAY_TYPES,
    Arg,
    Candidate,
    Tok,
)
from timeline.events.extract.extractor import EventExtractor
from timeline.events.extract.view import SegmentView

__all__ = ["Arg", "Candidate", "EventExtractor", "FRAME_TYPES", "SAY_TYPES", "SegmentView", "Tok"]

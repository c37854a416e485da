"""Split composite pages into article segments and boilerplate."""
from timeline.segment.segmenter import segment_document

__all__ = ["segment_document"]

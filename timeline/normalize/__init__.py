"""Arabic normalization into a working copy with an offset map to the original."""
from timeline.normalize.arabic import NormalizedText, normalize, normalize_plain

__all__ = ["NormalizedText", "normalize", "normalize_plain"]

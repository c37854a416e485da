"""Events: triggers -> mentions with actors -> dates -> merged events."""
from timeline.events.build import EventBuilder, extract_events

__all__ = ["EventBuilder", "extract_events"]

"""Events: triggers -> mentions with actors -> dates -> merged events."""
from timeline.events.build import EventBuilder, events_in_text

__all__ = ["EventBuilder", "events_in_text"]

"""The event vocabulary: frozen, versioned facts and their codec. Imports nothing else of monitor."""

from monitor.events.base import (
    DecodeError,
    Event,
    decode,
    deterministic_id,
    encode,
    event_types,
    register,
    upcaster,
)
from monitor.events.types import (
    AlertRaised,
    ArticleObserved,
    ArticleRevised,
    DeliveryRecorded,
    FeedAdded,
    FeedChanged,
    FeedFailed,
    FeedGone,
    FeedMoved,
    FeedPolled,
    FeedRemoved,
    FigureTracked,
)

__all__ = [
    "AlertRaised",
    "ArticleObserved",
    "ArticleRevised",
    "DecodeError",
    "DeliveryRecorded",
    "Event",
    "FeedAdded",
    "FeedChanged",
    "FeedFailed",
    "FeedGone",
    "FeedMoved",
    "FeedPolled",
    "FeedRemoved",
    "FigureTracked",
    "decode",
    "deterministic_id",
    "encode",
    "event_types",
    "register",
    "upcaster",
]

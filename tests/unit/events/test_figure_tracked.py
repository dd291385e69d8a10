"""FigureTracked carries `about` and `exclude`; events recorded before they existed decode
unchanged and keep their ids."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from monitor.events import FigureTracked, decode, encode

AT = datetime(2025, 3, 1, tzinfo=UTC)


def tracked(about: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> FigureTracked:
    return FigureTracked(
        name="maui-missing", label="Missing in Maui", units=("people",), context=("Maui",),
        min_change=0.05, alert_on_first=True, tracked_at=AT, about=about, exclude=exclude,
    )  # fmt: skip


def test_about_and_exclude_round_trip() -> None:
    event = tracked(about=("missing", "unaccounted for"), exclude=("found",))
    assert decode(*encode(event)) == event


def test_an_event_stored_before_the_new_keys_decodes_without_terms_and_keeps_its_id() -> None:
    kind, version, payload = encode(tracked())
    old = {k: v for k, v in json.loads(payload).items() if k not in ("about", "exclude")}
    event = decode(kind, version, json.dumps(old))
    assert (event.about, event.exclude) == ((), ())  # type: ignore[attr-defined]
    assert event.event_id == tracked().event_id
    assert tracked(about=("missing",)).event_id != tracked().event_id

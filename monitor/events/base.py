"""Event base class, registry, codec and upcasting."""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar, TypeVar

NAMESPACE = uuid.UUID("6f1d7a52-3c8e-4f55-9a3b-2f1e0c9d8b71")

Payload = dict[str, Any]
Upcaster = Callable[[Payload], Payload]

E = TypeVar("E", bound="Event")


class DecodeError(ValueError):
    """A stored event could not be turned back into an event object."""


@dataclass(frozen=True)
class Event:
    """Base of every event: a frozen fact with a stable type name and version."""

    TYPE: ClassVar[str] = ""
    VERSION: ClassVar[int] = 1

    def identity(self) -> str:
        """The natural key that makes this event unique (its id derives from it)."""
        raise NotImplementedError

    @property
    def event_id(self) -> str:
        """Deterministic id: the same fact always gets the same id."""
        return deterministic_id(self.TYPE, self.identity())


def deterministic_id(*parts: str) -> str:
    """A uuid5 over the given parts, stable across processes and machines."""
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(parts)))


_REGISTRY: dict[str, type[Event]] = {}
_UPCASTERS: dict[tuple[str, int], Upcaster] = {}


def register(cls: type[E]) -> type[E]:
    """Class decorator: make an event type known to the codec."""
    if not cls.TYPE:
        raise TypeError(f"{cls.__name__} has no TYPE")
    if cls.TYPE in _REGISTRY and _REGISTRY[cls.TYPE] is not cls:
        raise TypeError(f"event type {cls.TYPE!r} registered twice")
    _REGISTRY[cls.TYPE] = cls
    return cls


def upcaster(type_name: str, from_version: int) -> Callable[[Upcaster], Upcaster]:
    """Decorator: register a function turning payload v`from_version` into v+1."""

    def deco(fn: Upcaster) -> Upcaster:
        _UPCASTERS[(type_name, from_version)] = fn
        return fn

    return deco


def event_types() -> Mapping[str, type[Event]]:
    """All registered event types by name."""
    return dict(_REGISTRY)


def _to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_json(v) for k, v in value.items()}
    return value


_FIELDS: dict[type[Event], tuple[str, ...]] = {}


def _field_names(cls: type[Event]) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def encode(event: Event) -> tuple[str, int, str]:
    """Event → (type, version, JSON payload)."""
    payload = {name: _to_json(getattr(event, name)) for name in _field_names(type(event))}
    return event.TYPE, event.VERSION, json.dumps(payload, sort_keys=True, separators=(",", ":"))


Converter = Callable[[Any], Any]


def _to_datetime(value: Any) -> Any:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def _to_tuple(value: Any) -> Any:
    if not isinstance(value, list):
        return value
    return tuple(tuple(v) if isinstance(v, list) else v for v in value)


def _converter(annotation: Any) -> Converter | None:
    """How a JSON value becomes the field's type (None: as it is)."""
    text = str(annotation)
    if "datetime" in text:
        return _to_datetime
    if text.startswith("tuple"):
        return _to_tuple
    return None


_DECODERS: dict[type[Event], dict[str, Converter | None]] = {}


def _decoders(cls: type[Event]) -> dict[str, Converter | None]:
    """Each field's converter, worked out once per class (decoding is on every read path)."""
    found = _DECODERS.get(cls)
    if found is None:
        found = _DECODERS[cls] = {f.name: _converter(f.type) for f in dataclasses.fields(cls)}
    return found


def decode(type_name: str, version: int, payload_json: str) -> Event:
    """(type, version, JSON payload) → the current version of the event, upcasting old ones."""
    cls = _REGISTRY.get(type_name)
    if cls is None:
        raise DecodeError(f"unknown event type {type_name!r}")
    try:
        payload: Payload = json.loads(payload_json)
    except json.JSONDecodeError as exc:
        raise DecodeError(f"{type_name} v{version}: payload is not JSON ({exc})") from exc
    if version > cls.VERSION:
        raise DecodeError(
            f"{type_name} v{version} is newer than this code (v{cls.VERSION}); upgrade monitor"
        )
    while version < cls.VERSION:
        step = _UPCASTERS.get((type_name, version))
        if step is None:
            raise DecodeError(f"no upcaster for {type_name} v{version}")
        payload = step(payload)
        version += 1
    decoders = _decoders(cls)
    unknown = payload.keys() - decoders.keys()
    if unknown:
        raise DecodeError(f"{type_name} v{version}: unexpected fields {sorted(unknown)}")
    try:
        kwargs = {
            k: v if v is None or (convert := decoders[k]) is None else convert(v)
            for k, v in payload.items()
        }
        return cls(**kwargs)
    except (TypeError, ValueError) as exc:
        raise DecodeError(f"{type_name} v{version}: {exc}") from exc

"""Frozen records that are quick to build, for the many small values of claim extraction.

`@record` is `@dataclass(frozen=True)` (same fields, defaults, equality, hash, repr, immutability)
with a faster `__init__`: a frozen dataclass sets each field through `object.__setattr__`, which
costs more than the rest of building a span, a frame or a claim; this one sets the instance's
dictionary in one step. Only plain fields are supported (no `__post_init__`, no factories).
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar, dataclass_transform

_T = TypeVar("_T")


@dataclass_transform(frozen_default=True)
def record(cls: type[_T]) -> type[_T]:
    """A frozen dataclass whose `__init__` fills the instance dictionary at once."""
    built = dataclasses.dataclass(frozen=True)(cls)
    fields = dataclasses.fields(built)  # type: ignore[arg-type]
    if hasattr(built, "__post_init__") or any(
        not f.init or f.default_factory is not dataclasses.MISSING for f in fields
    ):
        raise TypeError(f"{cls.__name__}: @record takes plain fields only")
    params = ", ".join(
        f.name if f.default is dataclasses.MISSING else f"{f.name}=_defaults[{f.name!r}]"
        for f in fields
    )
    values = ", ".join(f"{f.name!r}: {f.name}" for f in fields)
    namespace: dict[str, Any] = {
        "_defaults": {f.name: f.default for f in fields},
        "_set": object.__setattr__,
    }
    exec(f"def __init__(self, {params}):\n    _set(self, '__dict__', {{{values}}})\n", namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = built.__init__.__doc__
    setattr(built, "__init__", init)  # noqa: B010 (assigning a method is refused by mypy)
    return built

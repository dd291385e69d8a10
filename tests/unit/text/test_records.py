"""`@record` builds the same frozen values as `@dataclass(frozen=True)`, only faster."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from monitor.text.records import record


@record
class _Fast:
    value: float
    text: str
    tags: tuple[str, ...] = ()
    scope: str | None = None


@dataclasses.dataclass(frozen=True)
class _Plain:
    value: float
    text: str
    tags: tuple[str, ...] = ()
    scope: str | None = None


def test_a_record_behaves_as_the_frozen_dataclass() -> None:
    fast, plain = _Fast(1.5, "x", scope="Texas"), _Plain(1.5, "x", scope="Texas")
    assert dataclasses.astuple(fast) == dataclasses.astuple(plain) == (1.5, "x", (), "Texas")
    assert repr(fast) == repr(plain).replace("_Plain", "_Fast")
    assert fast == _Fast(1.5, "x", (), "Texas") and fast != _Fast(1.5, "y", scope="Texas")
    assert hash(fast) == hash(_Fast(text="x", value=1.5, scope="Texas"))
    assert dataclasses.replace(fast, text="y") == _Fast(1.5, "y", scope="Texas")
    assert pickle.loads(pickle.dumps(fast)) == fast
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.value = 2.0  # type: ignore[misc]
    with pytest.raises(TypeError):
        _Fast(1.5)  # type: ignore[call-arg]


def test_fields_it_cannot_build_at_once_are_refused() -> None:
    with pytest.raises(TypeError):

        @record
        class _Factory:
            tags: list[str] = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError):

        @record
        class _Post:
            value: int

            def __post_init__(self) -> None:
                pass

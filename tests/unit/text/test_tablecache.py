"""The disk cache of fixed tables: read back when the key matches, built again otherwise."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from monitor.text import gazetteer, priors, scope
from monitor.text.tablecache import cached, table_key


class Builder:
    def __init__(self, table: dict[str, float]) -> None:
        self.table = table
        self.calls = 0

    def __call__(self) -> dict[str, float]:
        self.calls += 1
        return dict(self.table)


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    (tmp_path / "monitor").mkdir()
    return tmp_path / "monitor"


def test_a_stored_table_is_read_back_without_building(cache_dir: Path) -> None:
    build = Builder({"said": 0.9})
    assert cached("t", "k1", build) == {"said": 0.9}
    assert cached("t", "k1", build) == {"said": 0.9}
    assert build.calls == 1
    assert [p.name for p in cache_dir.iterdir()] == ["t-k1.pickle"]


def test_another_key_builds_afresh(cache_dir: Path) -> None:
    cached("t", "k1", Builder({"old": 1.0}))
    build = Builder({"new": 1.0})
    assert cached("t", "k2", build) == {"new": 1.0}
    assert build.calls == 1


def test_a_damaged_file_is_built_again(cache_dir: Path) -> None:
    (cache_dir / "t-k1.pickle").write_bytes(b"\x80\x05truncated")
    build = Builder({"said": 0.9})
    assert cached("t", "k1", build) == {"said": 0.9}
    assert build.calls == 1
    assert cached("t", "k1", build) == {"said": 0.9}
    assert build.calls == 1


def test_an_unwritable_cache_builds_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    build = Builder({"said": 0.9})
    assert cached("t", "k1", build) == {"said": 0.9}
    assert cached("t", "k1", build) == {"said": 0.9}
    assert build.calls == 2


def test_the_key_follows_the_builder_source(tmp_path: Path) -> None:
    source = tmp_path / "builder.py"
    source.write_text("A = 1\n")
    before = table_key((str(source),), ("wordfreq",))
    source.write_text("A = 2\n")
    assert table_key((str(source),), ("wordfreq",)) != before


def test_the_cached_gazetteer_and_prior_equal_freshly_built_ones() -> None:
    index, built = gazetteer._gazetteer(), gazetteer._build()
    assert index == built
    assert list(index.names) == list(built.names)
    assert priors._table() == priors._build()


def test_the_cached_scope_place_names_equal_freshly_built_ones() -> None:
    assert scope._gazetteer() == scope._build_gazetteer()


def test_a_place_read_back_from_its_pickle_is_the_same_place() -> None:
    place = gazetteer.Place("US:TX:abilene", "city", 125_000)
    back = pickle.loads(pickle.dumps(place, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == place
    assert (back.path, back.kind, back.population) == ("US:TX:abilene", "city", 125_000)

"""US counties are places inside their state (GeoNames' county list), so a county's count is
the county's, narrower than its state's and outside another state's figure."""

from __future__ import annotations

from monitor.text import gazetteer
from monitor.text.figures import _outside


def _path(name: str, state: str) -> str:
    return next(p.path for p in gazetteer.lookup(name) if p.path.startswith(f"US:US-{state}"))


def test_a_county_is_known_inside_its_state() -> None:
    kentucky = gazetteer.lookup("Kentucky")[0].path
    letcher = _path("Letcher County", "KY")
    assert gazetteer.contains(kentucky, letcher)
    assert not gazetteer.contains(letcher, kentucky)


def test_a_county_name_shared_by_states_is_each_states_county() -> None:
    states = {p.path.split(":")[1].split("/")[0] for p in gazetteer.lookup("Franklin County")}
    assert {"US-KY", "US-OH", "US-PA"} <= states


def test_two_counties_of_one_state_are_different_places() -> None:
    graves, hopkins = _path("Graves County", "KY"), _path("Hopkins County", "KY")
    assert not gazetteer.compatible(graves, hopkins)


def test_the_bare_name_stays_the_city() -> None:
    assert all(p.kind == "city" for p in gazetteer.lookup("Franklin"))


def test_a_county_lies_inside_its_states_figure_and_outside_anothers() -> None:
    assert not _outside("Graves County", ["Kentucky"])  # a part of the state's count
    assert _outside("Graves County", ["Tennessee"])
    assert _outside("Orleans Parish", ["Mississippi"])

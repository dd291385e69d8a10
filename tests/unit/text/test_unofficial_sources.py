"""Sources a sentence itself calls unofficial or unconfirmed: a count given from them ("Unofficial
reports say 413 people died") is a rumour the article reports; the figure rule prefers another
count of the same article (tests/unit/projections/test_pick_unofficial.py)."""

from __future__ import annotations

from monitor.text.claims import extract_claims
from monitor.text.figure_scope import unofficial


def _claims(text: str) -> dict[float, object]:
    return {c.value: c for c in extract_claims(text)}


def test_a_count_from_unofficial_reports_is_unofficial() -> None:
    found = _claims(
        "Unofficial reports say 413 people died, but the official death toll stands at 225."
    )
    assert unofficial(found[413])
    assert not unofficial(found[225])


def test_unconfirmed_reports_after_the_official_count_hedge_only_their_own_number() -> None:
    found = _claims("The official toll is 177, though unconfirmed reports put it at 276.")
    assert not unofficial(found[177])
    assert unofficial(found[276])


def test_a_source_cited_as_unconfirmed_hedges_its_count() -> None:
    found = _claims("PTI, citing unconfirmed reports, said the real number of deaths was 276.")
    assert unofficial(found[276])


def test_a_plain_attributed_count_is_not_unofficial() -> None:
    found = _claims("The state's health ministry said 1,544 people had died of dengue.")
    assert not unofficial(found[1544])

"""An article's text features: computed once, ahead, anywhere, and the same as inline."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime, timedelta

from monitor.projections.article_features import ArticleFeatures, article_features
from monitor.projections.clustering import ArticleDoc, ClusterEngine, InMemoryClusterState
from monitor.projections.story_scorer import FLAG, KEY

T0 = datetime(2024, 4, 2, 6, 0, tzinfo=UTC)
WIRE = (
    "VALMORA (Coast Wire) - Harbour pilots in Valmora walked off the job on Tuesday after talks "
    "with the port operator Maresca Terminals over night-shift pay collapsed, leaving forty "
    "container ships at anchor outside the breakwater.\n"
    "The Valmora port authority said about 12,000 containers were delayed on March 4 and "
    "that perishable cargo was being diverted to Castelbruno down the coast."
)
FOLLOW_UP = (
    "Forty container ships still waited outside the Valmora breakwater on Wednesday as the "
    "harbour pilots' strike against Maresca Terminals went into its second day.\n"
    "The port authority said 12,000 containers were now delayed."
)
COLUMN = (
    "I believe the pilots are right. We should stop pretending that night shifts cost nothing.\n"
    "I think the operator must pay. Our port depends on them, and we need to say so.\n"
    "My view is simple: it is time the city listened to us."
)


def features(title: str, text: str) -> ArticleFeatures:
    return article_features(title, text, "Coast Wire")


def test_features_are_a_pure_function_of_the_text_and_survive_the_trip_to_a_worker() -> None:
    first = features("Valmora pilots strike", WIRE)
    assert features("Valmora pilots strike", WIRE) == first
    assert pickle.loads(pickle.dumps(first)) == first


def test_terms_come_in_term_order_with_a_frequency_a_prior_and_a_hash_each() -> None:
    found = features("Valmora pilots strike", WIRE)
    assert list(found.terms) == sorted(found.terms)
    assert len(found.tf) == len(found.priors) == len(found.hash_array) == len(found.terms)
    assert found.shingle_count > 20 and len(found.band_keys) == 32
    assert "valmora" in found.signals.keys and f"{KEY}valmora" in found.extra[KEY]
    assert "12000" in found.signals.numbers  # the count; the date "March 4" is no number


def test_an_opinion_column_carries_the_flag_and_a_report_does_not() -> None:
    assert FLAG in features("Pay the pilots", COLUMN).extra
    assert FLAG not in features("Valmora pilots strike", WIRE).extra


def test_placing_with_features_computed_ahead_equals_placing_inline() -> None:
    docs = [
        ArticleDoc("wire", "Coast Wire", "Valmora pilots strike", WIRE, None, T0),
        ArticleDoc(
            "next", "Port Daily", "Valmora strike, day two", FOLLOW_UP, None, T0 + timedelta(days=1)
        ),
        ArticleDoc("column", "Port Daily", "Pay the pilots", COLUMN, None, T0 + timedelta(days=1)),
    ]
    engine = ClusterEngine(InMemoryClusterState())
    inline = [engine.assign(d) for d in docs]
    ahead = [article_features(d.title, d.text, d.source) for d in docs]
    batch = ClusterEngine(InMemoryClusterState()).assign_batch(docs, ahead)
    assert batch == inline
    assert batch[1].story_id == "s-wire" and batch[2].story_id == "s-column"


def test_a_link_in_an_opinion_section_flags_the_article_as_opinion() -> None:
    title, text = "Ports and prices", "The port closed on Monday, officials said."
    filed = article_features(title, text, "Coast Wire", "https://coast.example/opinion/ports")
    plain = article_features(title, text, "Coast Wire", "https://coast.example/world/ports")
    assert FLAG in filed.extra and FLAG not in plain.extra

"""Features handed over from elsewhere: keyed by exactly their inputs, bounded, taken once."""

from __future__ import annotations

from monitor.cores import spawn_pool
from monitor.projections.article_features import ArticleFeatures, article_features, features_of
from monitor.projections.feature_cache import FeatureCache, code_version, feature_key

WIRE = (
    "VALMORA (Coast Wire) - Harbour pilots in Valmora walked off the job on Tuesday after talks "
    "with the port operator Maresca Terminals over night-shift pay collapsed.\n"
    "The Valmora port authority said about 12,000 containers were delayed on March 4."
)
ARTICLES = [
    ("Valmora pilots strike", WIRE, "Coast Wire", "https://coast.example/world/ports"),
    ("Valmora pilots strike", WIRE, "Coast Wire", "https://coast.example/opinion/ports"),
    ("Pay the pilots", "I believe the pilots are right. We should pay them.", "Port Daily", None),
    ("Ferry línea cerrada", "El puerto de Valmora cerró el martes por la huelga.", "Sur", None),
    ("", "Only a body, no headline: 42 ships wait at anchor.", "Coast Wire", None),
]


def test_a_key_changes_with_every_input_and_tells_no_link_from_an_empty_one() -> None:
    base = feature_key("T", "text", "S", None)
    assert feature_key("T", "text", "S", None) == base
    others = [
        feature_key("T ", "text", "S", None),
        feature_key("T", "text ", "S", None),
        feature_key("T", "text", "S2", None),
        feature_key("T", "text", "S", ""),
        feature_key("Tt", "ext", "S", None),  # a boundary moved between two inputs
    ]
    assert len({base, *others}) == len(others) + 1


def test_the_key_carries_the_version_of_the_feature_code() -> None:
    assert len(code_version()) == 16 and code_version() == code_version()


def test_features_computed_in_another_process_equal_those_computed_here() -> None:
    pool = spawn_pool(1)
    try:
        elsewhere = list(pool.map(features_of, ARTICLES))
    finally:
        pool.shutdown()
    here = [article_features(*a) for a in ARTICLES]
    assert elsewhere == here
    # the ordered parts in the same order too (sets are equal whatever order they list in)
    assert [ordered(f) for f in elsewhere] == [ordered(f) for f in here]


def ordered(features: ArticleFeatures) -> object:
    fields = [(prefix, list(part.items())) for prefix, part in features.extra.items()]
    kinds = list(features.signals.kinds.items())
    return features.shingles, features.band_keys, features.terms, features.hashes, fields, kinds


def test_an_entry_is_given_out_once_and_a_missing_one_is_a_miss() -> None:
    cache = FeatureCache()
    key = feature_key(*ARTICLES[0])
    features = article_features(*ARTICLES[0])
    cache.put(key, features)
    assert cache.take(key) == features
    assert cache.take(key) is None
    assert (cache.hits, cache.misses, len(cache)) == (1, 1, 0)


def test_the_cache_holds_at_most_its_capacity_and_forgets_the_oldest_first() -> None:
    cache = FeatureCache(capacity=2)
    features = article_features(*ARTICLES[2])
    keys = [feature_key(f"T{i}", "text", "S", None) for i in range(3)]
    for key in keys:
        cache.put(key, features)
    assert len(cache) == 2
    assert cache.take(keys[0]) is None
    assert cache.take(keys[1]) is features and cache.take(keys[2]) is features

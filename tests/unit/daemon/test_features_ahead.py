"""The parse worker's features of new entries: those of the text the articles projection
derives from the entry, so the stories projection can take them instead of computing."""

from __future__ import annotations

from datetime import UTC, datetime

from monitor.daemon.ahead import Seen, features_ahead, features_along, feed_text
from monitor.events import ArticleObserved
from monitor.polling.identity import entry_facts
from monitor.polling.parser import ParsedEntry
from monitor.projections.article_features import article_features
from monitor.projections.articles import finish_article
from monitor.projections.feature_cache import FeatureCache, feature_key
from monitor.text.boilerplate import RepeatedLines
from monitor.text.extract import ArticleMarkup, prepare_article

T0 = datetime(2024, 4, 2, 6, 0, tzinfo=UTC)
SUMMARY = "<p>Harbour pilots in Valmora walked off the job on Tuesday.</p>"
CONTENT = (
    "<div><p>Harbour pilots in Valmora walked off the job on Tuesday after talks with the "
    "port operator Maresca Terminals collapsed.</p><p>Forty ships wait at anchor.</p>"
    "<p>Share this article</p></div>"
)


def entry(
    summary: str | None, content: str | None, link: str = "https://a.example/1"
) -> ParsedEntry:
    return ParsedEntry(
        guid=link,
        link=link,
        title="Pilots strike",
        summary_html=summary,
        content_html=content,
        published=None,
        updated=None,
    )


def projected_text(e: ParsedEntry, source: str) -> str:
    """What the articles projection writes for the entry: no page, a source new to it."""
    event = ArticleObserved(
        article_id="a1",
        feed_url="https://a.example/feed.xml",
        source=source,
        entry_key=e.guid or "",
        title=e.title,
        link=e.link,
        guid=e.guid,
        published_at=None,
        seen_at=T0,
        content_hash="h",
        summary_ref="s" if e.summary_html is not None else None,
        content_ref="c" if e.content_html is not None else None,
        page_ref=None,
        page_url=None,
    )
    fragments = tuple(f for f in (e.content_html, e.summary_html) if f is not None)
    prepared = prepare_article(ArticleMarkup(fragments))
    return finish_article(event, prepared, RepeatedLines()).text


def test_the_feed_text_is_the_text_the_articles_projection_writes() -> None:
    for e in (
        entry(SUMMARY, None),
        entry(None, CONTENT),
        entry(SUMMARY, CONTENT),
        entry(CONTENT, SUMMARY),
        entry("", SUMMARY),
        entry("plain text, no markup at all", None),
        entry(None, None),
    ):
        assert feed_text(e) == projected_text(e, "Coast Wire")


def test_features_ahead_are_keyed_by_the_inputs_the_projection_will_use() -> None:
    e = entry(SUMMARY, CONTENT)
    [(key, features)] = features_ahead([entry_facts(e)], "Coast Wire", Seen())
    text = projected_text(e, "Coast Wire")
    assert key == feature_key(e.title, text, "Coast Wire", e.link)
    assert features == article_features(e.title, text, "Coast Wire", e.link)


def test_an_entry_seen_before_or_without_text_is_not_prepared_again() -> None:
    seen = Seen()
    facts = [
        entry_facts(entry(SUMMARY, None)),
        entry_facts(entry(None, None, "https://a.example/2")),
    ]
    assert len(features_ahead(facts, "Coast Wire", seen)) == 1
    assert features_ahead(facts, "Coast Wire", seen) == []
    assert len(features_ahead(facts, "Port Daily", seen)) == 1  # another source: other features


def test_what_the_worker_sends_back_lands_in_the_cache() -> None:
    cache = FeatureCache()
    along = features_along(cache)
    e = entry(SUMMARY, None)
    along.receive(along.compute([entry_facts(e)], "Coast Wire"))
    text = projected_text(e, "Coast Wire")
    assert cache.take(feature_key(e.title, text, "Coast Wire", e.link)) is not None

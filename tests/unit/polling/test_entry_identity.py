"""Entry identity: GUID, else link, else content hash; edits are revisions, reused GUIDs are new."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from monitor.polling.identity import (
    classify_entry,
    content_hash,
    dedupe_entries,
    entry_key,
    entry_text,
)
from monitor.polling.parser import ParsedEntry
from monitor.text.markup import markup_to_text
from monitor.text.normalise import normalise_text

BODY = (
    "<p>Officials at the northern depot said on Monday that about 5,000 tonnes of grain "
    "had been moved by rail since the start of the month, more than in all of spring.</p>"
    "<p>The transport ministry expects the pace to hold while the weather stays dry.</p>"
)
EDITED = BODY.replace("about 5,000 tonnes", "about 5,400 tonnes").replace("Monday", "Tuesday")
UNRELATED = (
    "<p>The city orchestra announced its autumn programme, opening with a cycle of "
    "symphonies and closing with a choral evening at the cathedral in December.</p>"
)


def entry(
    guid: str | None = "g1",
    link: str | None = "https://e.org/a",
    title: str = "Grain moves",
    content: str | None = BODY,
    summary: str | None = None,
) -> ParsedEntry:
    return ParsedEntry(
        guid=guid,
        link=link,
        title=title,
        summary_html=summary,
        content_html=content,
        published=None,
        updated=None,
    )


def classify(old: ParsedEntry, new: ParsedEntry) -> str:
    return classify_entry(entry_text(old), content_hash(old), entry_text(new), content_hash(new))


def test_key_is_the_guid_when_present() -> None:
    assert entry_key(entry(guid=" g1 ")) == "g1"


def test_key_falls_back_to_the_link() -> None:
    assert entry_key(entry(guid=None)) == "https://e.org/a"


def test_key_falls_back_to_a_hash_of_title_and_content() -> None:
    a = entry(guid=None, link=None)
    assert entry_key(a).startswith("sha1:")
    assert entry_key(a) == entry_key(
        entry(guid=None, link=None, content=BODY.replace("<p>", "<p> "))
    )
    assert entry_key(a) != entry_key(entry(guid=None, link=None, title="Other"))


def test_hash_ignores_markup_and_whitespace_but_not_words() -> None:
    assert content_hash(entry()) == content_hash(
        entry(content=BODY.replace("</p><p>", "</p>\n\n<p>"))
    )
    assert content_hash(entry()) != content_hash(entry(content=EDITED))


def test_hash_uses_the_summary_when_there_is_no_content() -> None:
    assert content_hash(entry(content=None, summary=BODY)) == content_hash(entry())


def test_unseen_entry_is_new() -> None:
    assert classify_entry(None, None, "text", "h") == "new"


def test_same_text_is_unchanged() -> None:
    assert classify(entry(), entry()) == "unchanged"


def test_edited_text_is_a_revision_of_the_same_article() -> None:
    assert classify(entry(), entry(content=EDITED)) == "revised"


def test_teaser_growing_into_the_full_text_is_a_revision() -> None:
    teaser = entry(content=None, summary=BODY.split("</p>")[0] + "</p>")
    assert classify(teaser, entry()) == "revised"


def test_reused_guid_with_unrelated_text_is_a_new_article() -> None:
    assert classify(entry(), entry(title="Autumn concerts", content=UNRELATED)) == "reused"


def test_short_titles_only_entries_compare_by_words() -> None:
    assert classify_entry("Grain moves by rail", "a", "Grain moves by rail again", "b") == "revised"
    assert classify_entry("Grain moves by rail", "a", "Orchestra season opens", "b") == "reused"


def test_duplicates_in_one_document_keep_the_longest_then_the_last() -> None:
    short = entry(content="<p>Grain moved.</p>")
    long = entry(content=BODY)
    other = entry(guid="g2")
    assert dedupe_entries([short, other, long]) == [long, other]
    later_same_size = entry(content=BODY, title="Grain moves")
    kept = dedupe_entries([long, later_same_size])
    assert kept == [later_same_size] and kept[0] is later_same_size


def test_entries_without_guid_or_link_are_told_apart_by_content() -> None:
    a = entry(guid=None, link=None, title="One")
    b = entry(guid=None, link=None, title="Two")
    assert len(dedupe_entries([a, b, a])) == 2


@given(title=st.text(), body=st.text())
def test_entry_text_is_title_and_body_normalised_together(title: str, body: str) -> None:
    # Stored content hashes depend on this text: a faster way to build it must not change it.
    together = normalise_text(f"{title}\n{markup_to_text(body)}")
    assert entry_text(entry(title=title, content=body)) == together

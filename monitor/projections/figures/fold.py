"""Folding one article into the tracked figures: pure, so the projection and the dry run
(`monitor figures try`) take exactly the same decisions.

For each figure the article's claims are bound (monitor.text.figures), one current total is
picked (rule.pick), classified by the change rule (rule.decide) and every bound claim becomes
a timeline row carrying its frame and status. The state of each figure moves in memory;
the caller writes rows and appends alerts.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from monitor.events import AlertRaised
from monitor.projections.figures.rule import (
    ALTERNATIVE,
    COPY,
    MOVES,
    Candidate,
    FigureState,
    claim_status,
    decide,
    make_alert,
    occurrences,
    pick,
)
from monitor.text import claims as claim_text
from monitor.text.claim_measures import measure_symbols
from monitor.text.dating import dated
from monitor.text.figures import Binding, FigureSpec, Topic, bind_all, frame_note
from monitor.text.sentences import split_sentences


@dataclass(frozen=True)
class ArticleFacts:
    """What the figures need to know of one article revision."""

    article_id: str
    position: int
    title: str
    text: str
    source: str
    url: str | None
    published_at: datetime | None
    seen_at: datetime
    effective_at: datetime
    copy_of: str | None


@dataclass
class FigureMemory:
    """A tracked figure while a batch folds: its definition and where it stands."""

    spec: FigureSpec
    tracked_position: int
    tracked_at: datetime
    changes: list[float] = field(default_factory=list)
    current_at: datetime | None = None
    current_claim: dict[str, Any] | None = None
    changed_at: datetime | None = None
    dirty: bool = False

    @property
    def current(self) -> float | None:
        return self.changes[-1] if self.changes else None

    def state(self) -> FigureState:
        return FigureState(
            name=self.spec.name,
            min_change=self.spec.min_change,
            alert_on_first=self.spec.alert_on_first,
            tracked_position=self.tracked_position,
            changes=tuple(self.changes),
            current_at=self.current_at,
            current_vague=bool(self.current_claim)
            and (self.current_claim or {}).get("qualifier") == "vague",
        )


@dataclass(frozen=True)
class ArticleClaims:
    """The claims of one article text, each with the sentence before it, and its topic."""

    claims: tuple[Any, ...]
    previous: tuple[str | None, ...]
    topic: Topic
    unparsed: tuple[tuple[str, str], ...] = ()  # (sentence, why) the extractor could not parse


def effective_time(
    published_at: datetime | None, seen_at: datetime, original_at: datetime | None = None
) -> datetime:
    """When reporting counts as published (docs/SPEC.md §7): a copy takes its original's
    time; a missing claimed date, or one later than the first sighting, is the sighting."""
    if original_at is not None:
        return aware(original_at)
    seen = aware(seen_at)
    if published_at is None:
        return seen
    published = aware(published_at)
    return published if published <= seen else seen


def aware(moment: datetime) -> datetime:
    """UTC-aware (SQLite gives naive datetimes back)."""
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def asked_measures(specs: Sequence[FigureSpec]) -> frozenset[str]:
    """The measure units ("lb") the figures count in: their amounts are claims too (stop 29)."""
    return frozenset(s for spec in specs for s in measure_symbols(spec.units))


def read_claims(
    text: str, title: str = "", measures: frozenset[str] = frozenset()
) -> ArticleClaims:
    """Extract the claims of a clean text (never raises for a sentence it cannot parse),
    with the amounts of the `measures` a figure counts in (`asked_measures`)."""
    report: Callable[..., Any] | None = getattr(claim_text, "extract_report", None)
    unparsed: tuple[tuple[str, str], ...] = ()
    if report is not None:
        result = report(text, measures) if measures else report(text)
        found = list(result.claims)
        unparsed = tuple(
            (str(getattr(u, "sentence", u)), str(getattr(u, "reason", ""))) for u in result.unparsed
        )
    else:
        found = claim_text.extract_claims(text)
    sentences = [s.text for s in split_sentences(text)]
    previous = tuple(
        sentences[c.sentence_index - 1] if 0 < c.sentence_index <= len(sentences) else None
        for c in found
    )
    lead = sentences[0] if sentences else ""
    return ArticleClaims(tuple(found), previous, Topic.of(title, lead), unparsed)


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


def in_headline(claim: Any, title: str) -> bool:
    """The claim's sentence is the headline repeated in the body (headlines round)."""
    head = _words(title)
    if len(head.split()) < 3:
        return False
    sentence = _words(claim.sentence)
    return sentence in head or head in sentence


def bindings(specs: Sequence[FigureSpec], found: ArticleClaims) -> list[list[Binding]]:
    """For every claim of the article, its binding against every figure (same order)."""
    return [
        bind_all(specs, claim, previous, found.topic)
        for claim, previous in zip(found.claims, found.previous, strict=True)
    ]


def claim_values(claim: Any, binding: Binding) -> dict[str, Any]:
    """The frame columns of one bound claim (rows and CLAIM objects are built from them)."""
    note = frame_note(claim)
    return {
        "value": float(claim.value),
        "lower": claim.lower,
        "upper": claim.upper,
        "qualifier": claim.qualifier,
        "approximate": bool(claim.approximate),
        "unit": claim.unit,
        "head": getattr(claim, "head", None),
        "scope": binding.scope,
        "scope_source": binding.scope_source,
        "kind": getattr(claim, "kind", "total"),
        "time": getattr(claim, "time", "current"),
        "time_ref": getattr(claim, "time_ref", None),
        "revision": getattr(claim, "revision", None),
        "revised_from": getattr(claim, "revised_from", None),
        "reason": binding.reason + (f"; {note}" if note else ""),
        "text": claim.text,
        "sentence": claim.sentence,
        "attribution": claim.attribution,
    }


StoryOf = Callable[[ArticleFacts], dict[str, Any]]
ClaimObject = Callable[[dict[str, Any]], dict[str, Any]]


def fold_article(
    figures: Sequence[FigureMemory],
    article: ArticleFacts,
    found: ArticleClaims,
    story_of: StoryOf,
    claim_object: ClaimObject,
) -> tuple[list[dict[str, Any]], list[AlertRaised]]:
    """Rows (figure_claims values) and alerts of one article; moves the figures in memory."""
    if not figures or not found.claims:
        return [], []
    # "in 2025" in an article published in 2025 is this year, not a past period.
    found = dataclasses.replace(found, claims=dated(found.claims, article.effective_at))
    per_claim = bindings([f.spec for f in figures], found)
    rows: list[dict[str, Any]] = []
    raised: list[AlertRaised] = []
    for f_index, fig in enumerate(figures):
        bound = [
            (seq, claim, per_claim[seq][f_index])
            for seq, claim in enumerate(found.claims)
            if per_claim[seq][f_index].bound
        ]
        if not bound:
            continue
        chosen = pick([(claim, in_headline(claim, article.title)) for _, claim, _ in bound])
        if article.copy_of is not None:  # a copy adds nothing: one row marks it
            bound, chosen = [bound[chosen or 0]], 0
        for b_index, (seq, claim, binding) in enumerate(bound):
            values = {
                **claim_values(claim, binding),
                **_article_values(fig.spec.name, article),
                "seq": seq,
            }
            alert = None
            if b_index == chosen:
                mood = getattr(claim, "modality", None)
                status, alert = _decide(fig, values, article, story_of, claim_object, mood)
            elif article.copy_of is not None:
                status = COPY
            else:
                status = claim_status(claim) or ALTERNATIVE
            rows.append({**values, "status": status, "alert_id": alert and alert.alert_id})
            if alert is not None:
                raised.append(alert)
        fig.dirty = True
    return rows, raised


def _decide(
    fig: FigureMemory,
    values: dict[str, Any],
    article: ArticleFacts,
    story_of: StoryOf,
    claim_object: ClaimObject,
    modality: str | None = None,
) -> tuple[str, AlertRaised | None]:
    state = fig.state()
    decision = decide(
        state,
        Candidate(
            value=values["value"],
            effective_at=article.effective_at,
            position=article.position,
            copy=article.copy_of is not None,
            kind=values["kind"],
            time=values["time"],
            revision=values["revision"],
            revised_from=values["revised_from"],
            modality=modality,
            vague=values["qualifier"] == "vague",
        ),
    )
    if decision.status not in MOVES:
        return decision.status, None
    claim = claim_object({**values, "status": decision.status})
    alert = None
    if decision.alert and decision.direction is not None:
        alert = make_alert(
            figure=fig.spec.name,
            label=fig.spec.label,
            value=values["value"],
            previous=fig.current_claim,
            current=claim,
            direction=decision.direction,
            story=story_of(article),
            raised_at=article.seen_at,
            occurrence=occurrences(fig.changes, values["value"]),
        )
    fig.changes.append(values["value"])
    fig.current_at, fig.current_claim, fig.changed_at = (
        article.effective_at,
        claim,
        article.seen_at,
    )
    return decision.status, alert


def _article_values(figure: str, article: ArticleFacts) -> dict[str, Any]:
    return {
        "figure": figure,
        "article_id": article.article_id,
        "position": article.position,
        "article_title": article.title,
        "article_url": article.url,
        "article_source": article.source,
        "article_published_at": article.published_at,
        "observed_at": article.seen_at,
        "effective_at": article.effective_at,
        "copy_of": article.copy_of,
    }

"""Models as plain JSON-ready dicts: one shape for the store, `--json` output and exports."""

from __future__ import annotations

from typing import Any

from explorer.data.models import (
    Actor,
    ActorRole,
    Article,
    Item,
    Meeting,
    MeetingReport,
    Quote,
    Span,
)


def span_row(span: Span) -> list[Any]:
    return [span.article, span.start, span.end, span.sentence_start, span.sentence_end, span.how]


def role_row(role: ActorRole) -> dict[str, Any]:
    """One article's role and note for an actor (format 1.1)."""
    return _drop_empty(
        {
            "article": role.article,
            "published": role.published.isoformat(),
            "role": role.role,
            "note": role.note,
        }
    )


def report_row(report: MeetingReport) -> dict[str, Any]:
    """One article's account of a meeting (format 1.1)."""
    return _drop_empty(
        {
            "article": report.article,
            "published": report.published.isoformat(),
            "status": report.status,
            "when": report.when.iso() if report.when else None,
            "evidence": list(report.evidence),
        }
    )


def speaker_value(quote: Quote) -> str | list[str]:
    """A quote's speaker as a file gives it: one id, or the list of a joint statement's."""
    return quote.speaker if len(quote.speakers) <= 1 else list(quote.speakers)


def _drop_empty(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if v not in (None, (), [], "")}


def article_record(article: Article) -> dict[str, Any]:
    return _drop_empty(
        {
            "id": article.id,
            "title": article.title,
            "published": article.published.isoformat(),
            "body": article.body,
            "source": article.source,
            "url": article.url,
            "subheadings": list(article.subheadings),
            "file": article.file,
        }
    )


def item_record(item: Item, *, spans: bool = True) -> dict[str, Any]:
    """Every field of an item; `spans` adds its provenance as rows of offsets."""
    if isinstance(item, Actor):
        row: dict[str, Any] = {
            "id": item.id,
            "name": item.name,
            "kind": item.kind,
            "role": item.role,
            "member_of": list(item.member_of),
            "aliases": list(item.aliases),
            "evidence": list(item.evidence),
            "note": item.note,
            "articles": list(item.articles),
            "roles": [role_row(r) for r in item.roles],
        }
    elif isinstance(item, Meeting):
        row = {
            "id": item.id,
            "title": item.title,
            "when": item.when.iso() if item.when else None,
            "where": item.where,
            "status": item.status,
            "participants": list(item.participants),
            "summary": item.summary,
            "evidence": list(item.evidence),
            "note": item.note,
            "article": item.article,
            "articles": list(item.articles) if len(item.articles) > 1 else None,
            "reports": [report_row(r) for r in item.reports],
        }
    elif isinstance(item, Quote):
        row = {
            "id": item.id,
            "text": item.text,
            "speaker": speaker_value(item),
            "kind": item.kind,
            "meeting": item.meeting,
            "evidence": list(item.evidence),
            "note": item.note,
            "article": item.article,
        }
    else:  # pragma: no cover - Item is a closed union
        raise TypeError(f"not an item: {item!r}")
    if spans:
        row["spans"] = [span_row(s) for s in item.spans]
    return _drop_empty(row)

"""Models as plain JSON-ready dicts: one shape for the store, `--json` output and exports."""

from __future__ import annotations

from typing import Any

from explorer.data.models import Actor, Article, Item, Meeting, Quote, Span


def span_row(span: Span) -> list[Any]:
    return [span.article, span.start, span.end, span.sentence_start, span.sentence_end, span.how]


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
        }
    elif isinstance(item, Quote):
        row = {
            "id": item.id,
            "text": item.text,
            "speaker": item.speaker,
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

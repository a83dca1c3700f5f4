"""Human wording of items, shared by the CLI and the app (Rich Text only, never markup)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from explorer.data import Actor, Article, Corpus, Item, Meeting, Quote, Span
from explorer.data.over_time import roles_over_time, status_history


def item_title(item: Item) -> str:
    if isinstance(item, Quote):
        return f"“{item.text}”"
    return item.label


def article_list(ids: Sequence[str], limit: int | None = None) -> str:
    """Article ids joined, the first `limit` of them and how many there are when more."""
    if limit is None or len(ids) <= limit:
        return ", ".join(ids)
    return f"{', '.join(ids[:limit])}, … ({len(ids):,} articles)"


def describe_fields(
    corpus: Corpus, item: Item, *, articles_shown: int | None = None
) -> list[tuple[str, str]]:
    """Every field of an item as (label, text) pairs, ids resolved to names; with
    `articles_shown`, a list of articles is cut to that many (and says how many)."""

    def name(actor_id: str) -> str:
        found = corpus.actor_name(actor_id)
        return found if found is not None else actor_id

    rows: list[tuple[str, str | None] | None] = []
    if isinstance(item, Actor):
        rows += [
            ("kind", item.kind),
            ("role", item.role),
            ("roles over time", roles_over_time(item) if corpus.roles_vary(item) else None),
            ("member of", ", ".join(name(p) for p in item.member_of) or None),
            ("aliases", "; ".join(item.aliases) or None),
            ("note", item.note),
            ("articles", article_list(item.articles, articles_shown)),
        ]
    elif isinstance(item, Meeting):
        rows += [
            ("when", item.when.human() if item.when else "no date"),
            ("where", item.where),
            ("status", item.status),
            ("status history", status_history(item) if len(item.reports) > 1 else None),
            ("participants", ", ".join(name(p) for p in item.participants)),
            ("summary", item.summary),
            ("note", item.note),
            ("articles", article_list(item.articles, articles_shown))
            if len(item.articles) > 1
            else None,
            ("article", item.article) if len(item.articles) <= 1 else None,
        ]
    elif isinstance(item, Quote):
        meeting = corpus.meetings.get(item.meeting) if item.meeting else None
        rows += [
            ("speaker", name(item.speaker)) if len(item.speakers) == 1 else None,
            ("speakers", ", ".join(name(s) for s in item.speakers))
            if len(item.speakers) > 1
            else None,
            ("kind", item.kind),
            ("meeting", meeting.title if meeting else item.meeting),
            ("note", item.note),
            ("article", item.article),
        ]
    return [(row[0], row[1]) for row in rows if row is not None and row[1]]


def sentence_text(article: Article, span: Span, style: str = "bold reverse") -> Text:
    """The supporting sentence with the excerpt itself styled."""
    sentence = Text(article.body[span.sentence_start : span.sentence_end].replace("\n", " "))
    sentence.stylize(style, span.start - span.sentence_start, span.end - span.sentence_start)
    return sentence

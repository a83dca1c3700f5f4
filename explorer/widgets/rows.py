"""How one item reads in a list row or a link: always `Content`, never a markup string.

Names and quotes come from articles and from people who edit YAML: text such as `[bold]x`
or `[@click=app.quit]` must show as written. Every piece of data goes through `Content`
(or a `(text, style)` tuple of `Content.assemble`), which never parses markup.
"""

from __future__ import annotations

from textual.content import Content

from explorer.data import Actor, Corpus, Item, ItemKind, Meeting, Quote, Ref
from explorer.data.text import clean_text
from explorer.widgets.article_tag import article_tag

# Rows are cut before wrapping: a list never needs more than a wide terminal's width,
# and a 20,000-character quote must not be measured on every paint.
ROW_CHARS = 240

KIND_TITLES: dict[ItemKind, str] = {"actor": "Actors", "meeting": "Meetings", "quote": "Quotes"}
KIND_NAMES: dict[ItemKind, str] = {"actor": "actor", "meeting": "meeting", "quote": "quote"}
STATUS_STYLES = {
    "happened": "$success",
    "ongoing": "bold $warning",
    "planned": "$accent",
    "expected": "italic $accent",
}


def literal(text: str, limit: int | None = None) -> str:
    """Text made safe to show on one line: no control codes, no line breaks, cut to `limit`."""
    text = clean_text(text)
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return " ".join(text.split())


def actor_name(corpus: Corpus, actor_id: str) -> str:
    actor = corpus.actors.get(actor_id)
    return actor.name if actor else actor_id


def actor_row(actor: Actor) -> Content:
    kind = actor.kind if not actor.role else f"{actor.kind}, {actor.role}"
    return Content.assemble(
        (literal(actor.name, ROW_CHARS), "bold"),
        ("  ", ""),
        (literal(kind, ROW_CHARS), "dim"),
    )


def meeting_row(meeting: Meeting) -> Content:
    when = meeting.when.human() if meeting.when else "no date"
    return Content.assemble(
        (f"{when:<16}", "$text-primary"),
        (literal(meeting.title, ROW_CHARS), "bold"),
        ("  ", ""),
        (meeting.status, STATUS_STYLES.get(meeting.status, "dim")),
    )


def quote_row(corpus: Corpus, quote: Quote) -> Content:
    return Content.assemble(
        (literal(actor_name(corpus, quote.speaker), 60), "bold"),
        (": ", "dim"),
        ("“" + literal(quote.text, ROW_CHARS), ""),
    )


def item_row(corpus: Corpus, item: Item) -> Content:
    """The one-line summary of an item shown in its pane."""
    if isinstance(item, Actor):
        row = actor_row(item)
    elif isinstance(item, Meeting):
        row = meeting_row(item)
    else:
        row = quote_row(corpus, item)
    tag = article_tag(corpus, item)  # where it comes from, when there are several articles
    return Content.assemble(row, tag) if tag is not None else row


def ref_label(corpus: Corpus, ref: Ref, limit: int = 80) -> str:
    """A short plain label for an item: a crumb, a link, a message."""
    item = corpus.get(ref)
    if item is None:
        return str(ref)
    if isinstance(item, Quote):
        return literal(f"{actor_name(corpus, item.speaker)}: “{item.text}”", limit)
    return literal(item.label, limit)


def sort_items(kind: ItemKind, items: list[Item]) -> list[Item]:
    """The order a pane lists its items: actors by name, meetings by date, quotes as written."""
    if kind == "actor":
        return sorted(items, key=lambda a: (a.label.casefold(), a.id))
    if kind == "meeting":

        def by_date(item: Item) -> tuple:
            assert isinstance(item, Meeting)
            return (item.when is None, item.when.sort_key if item.when else (), item.id)

        return sorted(items, key=by_date)
    return list(items)

"""How one item reads in a list row or a link: always `Content`, never a markup string.

Names and quotes come from articles and from people who edit YAML: text such as `[bold]x`
or `[@click=app.quit]` must show as written. Every piece of data goes through `Content`
(or a `(text, style)` tuple of `Content.assemble`), which never parses markup.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content

from explorer.data import Actor, Corpus, Item, ItemKind, Meeting, Quote, Ref
from explorer.data.corpus import ActorHead
from explorer.data.text import clean_text
from explorer.widgets.article_tag import article_tag, articles_tag

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
    "postponed": "italic $warning",
    "cancelled": "strike $error",
}


def literal(text: str, limit: int | None = None) -> str:
    """Text made safe to show on one line: no control codes, no line breaks, cut to `limit`."""
    text = clean_text(text)
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return " ".join(text.split())


def actor_name(corpus: Corpus, actor_id: str) -> str:
    name = corpus.actor_name(actor_id)
    return name if name is not None else actor_id


def speaker_names(corpus: Corpus, quote: Quote) -> str:
    """Who made a statement: one name, or a joint statement's names joined."""
    return ", ".join(actor_name(corpus, speaker) for speaker in quote.speakers)


def actor_row(actor: Actor | ActorHead) -> Content:
    kind = actor.kind if not actor.role else f"{actor.kind}, {actor.role}"
    return Content.assemble(
        (literal(actor.name, ROW_CHARS), "bold"),
        ("  ", ""),
        (literal(kind, ROW_CHARS), "dim"),
    )


def actor_head_row(corpus: Corpus, head: ActorHead) -> Content:
    """An actor's row in its pane (as `item_row`), from its head alone."""
    tag = articles_tag(corpus, head.article_count, head.first_article)
    row = actor_row(head)
    return Content.assemble(row, tag) if tag is not None else row


def meeting_row(meeting: Meeting) -> Content:
    when = meeting.when.human() if meeting.when else "no date"
    return Content.assemble(
        (f"{when:<16}", "$text-primary"),
        (literal(meeting.title, ROW_CHARS), "bold"),
        ("  ", ""),
        (meeting.status, STATUS_STYLES.get(meeting.status, "dim")),
    )


# A quote's row reads its words first; its speaker follows, dimmed, cut to this many cells
# when the words need the room (two quotes of one speaker must not both read "Speaker: …").
SPEAKER_CELLS = 20
SPEAKER_GAP = " — "


def take_cells(text: str, cells: int, *, from_end: bool = False) -> str:
    """As many characters of `text` as fit `cells` cells (CJK and emoji take two), from its
    start or its end."""
    taken: list[str] = []
    used = 0
    for char in reversed(text) if from_end else text:
        width = cell_len(char)
        if used + width > cells:
            break
        taken.append(char)
        used += width
    return "".join(reversed(taken) if from_end else taken)


def fit(text: str, cells: int) -> Content:
    """`text` (already `literal`) cut to `cells` cells with an ellipsis, as Content."""
    if cell_len(text) <= cells:
        return Content(text)
    if cells <= 0:
        return Content("")
    return Content(take_cells(text, cells - 1).rstrip() + "…")


def quote_row(corpus: Corpus, quote: Quote, width: int | None = None) -> Content:
    """ "“The words…”  — Speaker": the words keep their closing mark however narrow the row
    (`width` cells; None: not cut), the speaker is cut first."""
    words = literal(quote.text, ROW_CHARS)
    speaker = literal(speaker_names(corpus, quote), 60)
    gap = len(SPEAKER_GAP)
    if width is None:
        return Content.assemble(f"“{words}”", (SPEAKER_GAP, "dim"), (speaker, "dim"))
    words_cells = cell_len(words) + 2
    speaker_cells = cell_len(speaker)
    if words_cells + gap + speaker_cells > width:
        # The words take what they need but leave the speaker a short form, when there is room.
        short = min(speaker_cells, SPEAKER_CELLS, max(0, width // 3 - gap))
        speaker_cells = max(short, min(speaker_cells, width - words_cells - gap))
        if speaker_cells < 5:  # a speaker cut to a letter or two says nothing: leave it out
            speaker_cells = 0
    words_room = width - 2 - (gap + speaker_cells if speaker_cells else 0)
    parts: list[Content | tuple[str, str] | str] = ["“", fit(words, words_room), "”"]
    if speaker_cells:
        parts += [(SPEAKER_GAP, "dim"), fit(speaker, speaker_cells).stylize("dim")]
    return Content.assemble(*parts)


def item_row(corpus: Corpus, item: Item, width: int | None = None) -> Content:
    """The one-line summary of an item shown in its pane (`width`: the cells it may take)."""
    tag = article_tag(corpus, item)  # where it comes from, when there are several articles
    if isinstance(item, Actor):
        row = actor_row(item)
    elif isinstance(item, Meeting):
        row = meeting_row(item)
    else:
        room = None if width is None else width - (tag.cell_length if tag is not None else 0)
        row = quote_row(corpus, item, room)
    return Content.assemble(row, tag) if tag is not None else row


def ref_label(corpus: Corpus, ref: Ref, limit: int = 80) -> str:
    """A short plain label for an item: a crumb, a link, a message."""
    if ref.kind == "actor":
        # By name alone: a persisted index reads it without the actor's roles and spans
        # (an actor of many articles has thousands; the detail lists a hundred links).
        name = corpus.actor_name(ref.id)
        return literal(name, limit) if name is not None else str(ref)
    item = corpus.get(ref)
    if item is None:
        return str(ref)
    if isinstance(item, Quote):
        # Cut inside the quotation marks: the closing one always shows.
        speaker = literal(speaker_names(corpus, item), max(1, limit // 2))
        words = literal(item.text, max(1, limit - len(speaker) - 4))
        return f"{speaker}: “{words}”"
    return literal(item.label, limit)


def ref_labels(corpus: Corpus, refs: list[Ref], limit: int = 80) -> list[str]:
    """`ref_label` of each of `refs`, the actors' names, the meetings' titles and the quotes'
    words and speakers asked for in one question each (a persisted index reads no meeting
    whole, with its reports, nor any quote whole, with its spans, for a link to it)."""
    names = corpus.actor_names(ref.id for ref in refs if ref.kind == "actor")
    titles = corpus.meeting_titles(ref.id for ref in refs if ref.kind == "meeting")
    quotes = [ref.id for ref in refs if ref.kind == "quote"]
    texts = corpus.quote_texts(quotes) if quotes else {}
    said = corpus.quote_links(quotes) if quotes else {}
    speakers = corpus.actor_names({s for speakers, _ in said.values() for s in speakers})
    labels = []
    for ref in refs:
        known = names if ref.kind == "actor" else titles if ref.kind == "meeting" else None
        if known is not None and ref.id in known:
            labels.append(literal(known[ref.id], limit))
        elif ref.kind == "quote" and ref.id in texts and ref.id in said:
            # As `ref_label` words it, from the quote's text and speakers alone.
            who = ", ".join(speakers.get(s, s) for s in said[ref.id][0])
            speaker = literal(who, max(1, limit // 2))
            words = literal(texts[ref.id], max(1, limit - len(speaker) - 4))
            labels.append(f"{speaker}: “{words}”")
        else:
            labels.append(ref_label(corpus, ref, limit))
    return labels


def crumb_name(corpus: Corpus, ref: Ref, limit: int = 120) -> str:
    """An item as the path line names it: a quote by its words (in quotation marks), as the
    speaker would make crumbs of one speaker's quotes alike; anything else by its label."""
    item = corpus.get(ref)
    if item is None:
        return str(ref)
    text = item.text if isinstance(item, Quote) else item.label
    if len(text) > 2 * limit:  # the start and the end, which the path line shows
        text = f"{text[:limit]}…{text[-limit:]}"
    name = literal(text)
    return f"“{name}”" if isinstance(item, Quote) else name


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

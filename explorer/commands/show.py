"""`explorer show ID`: one item, the items it links to and the sentences that support it, the
first `--limit` of each list with a count of the rest (`--all` and `--json`: every one)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from rich.text import Text

from explorer.commands.common import (
    EXIT_NOT_FOUND,
    EXIT_OK,
    add_db_option,
    error,
    is_plain,
    not_found_message,
    positive_number,
    print_lines,
    stdout,
)

if TYPE_CHECKING:
    from explorer.data import Corpus, Ref


# How many of each list (articles, each kind of link, sentences) `show` prints unless told:
# an actor of many articles has tens of thousands, more than a reader at a terminal wants.
DEFAULT_LIMIT = 20

# What the "… and N more" line calls the rest of each kind of link.
_MORE = {
    "member of": "memberships",
    "spoke about": "meetings spoken about",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "show",
        help="show one item with what it links to",
        description="Show one item: its fields, the items it links to and the sentences that "
        f"support it. Each list prints its first {DEFAULT_LIMIT} and says how many more there "
        "are; --all (or --json) prints every one.",
    )
    parser.add_argument("id", metavar="ID", help="an actor, meeting or quote id (or KIND:ID)")
    parser.add_argument(
        "--json", action="store_true", help="print JSON instead of text (every link and sentence)"
    )
    amount = parser.add_mutually_exclusive_group()
    amount.add_argument(
        "--limit",
        metavar="N",
        type=positive_number,
        default=DEFAULT_LIMIT,
        help=f"print the first N of each list (default {DEFAULT_LIMIT})",
    )
    amount.add_argument("--all", action="store_true", help="print every item of each list")
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Answered from the persisted index beside the database: the item and what it links to,
    # printed as it is read. An ExplorerError is reported by explorer.cli.main.
    from explorer.data.sources import answer_from_index

    if args.json:
        out = sys.stdout
        printer = _Printer(lambda pieces: out.write("".join(pieces)))
        work = _print_json
    else:
        console = stdout()
        printer = _Printer(lambda lines: print_lines(console, lines), plain=is_plain(console))
        work = _print
    missing = answer_from_index(args.db, lambda corpus: work(corpus, args, printer))
    if missing is not None:
        error(missing)
        return EXIT_NOT_FOUND
    return EXIT_OK


class _Printer:
    """Prints batches of lines (or of JSON text) as they are made: `--all` of an actor of
    many articles is a hundred thousand lines, never held at once. Run again from the start,
    as when the index is found damaged midway and rebuilt, it skips what it has printed."""

    def __init__(self, write: Callable[[list[Any]], Any], *, plain: bool = True) -> None:
        self.write = write
        self.plain = plain  # lines may be str (see `item_batches`)
        self.printed = 0  # pieces written, over every run
        self.made = 0  # pieces made in this run

    def start(self) -> None:
        self.made = 0

    def print(self, pieces: list[Any]) -> None:
        skip = min(len(pieces), self.printed - self.made)
        self.made += len(pieces)
        if skip < len(pieces):
            self.write(pieces[skip:])
            self.printed += len(pieces) - skip


def _print(corpus: Corpus, args: argparse.Namespace, printer: _Printer) -> str | None:
    """Print each item's lines as they are read, or return the not-found message."""
    printer.start()
    refs = corpus.find(args.id)
    if not refs:
        return not_found_message(corpus, args.id)
    limit = None if args.all else args.limit
    cut = False
    for index, ref in enumerate(refs):
        if index:
            printer.print([Text()])
        for batch in item_batches(corpus, ref, limit, plain=printer.plain):
            if batch and batch[-1] is _CUT:
                cut, batch = True, batch[:-1]
            printer.print(batch)
    if cut:
        printer.print(
            [
                Text(
                    f"Each list shows its first {args.limit}: add --all to print every one, "
                    "or --limit N.",
                    style="dim",
                )
            ]
        )
    return None


def _print_json(corpus: Corpus, args: argparse.Namespace, printer: _Printer) -> str | None:
    """Print each item's JSON line as it is read, or return the not-found message."""
    printer.start()
    refs = corpus.find(args.id)
    if not refs:
        return not_found_message(corpus, args.id)
    for ref in refs:
        for pieces in json_batches(corpus, ref):
            printer.print(pieces)
        printer.print(["\n"])
    return None


def json_batches(corpus: Corpus, ref: Ref) -> Iterator[list[str]]:
    """The item as `--json` prints it (as `json.dumps(..., ensure_ascii=False)` writes it), a
    batch of its links or sentences at a time (an actor of many articles has a hundred
    thousand)."""
    from explorer.data.records import item_record

    item = corpus[ref]
    record = item_record(item, spans=False)
    if ref.kind == "meeting":  # every article that reports it, however many
        record["articles"] = list(item.articles)
    head = json.dumps({"type": ref.kind, **record}, ensure_ascii=False)
    pieces = [head[:-1], ', "related": [']
    links = corpus.relations(ref)
    for start in range(0, len(links), _BATCH):
        part = links[start : start + _BATCH]
        labels = _titles(corpus, [link.target for link in part], labels=True)
        related = [
            {
                "relation": link.label,
                "type": link.target.kind,
                "id": link.target.id,
                "label": labels[link.target],
            }
            for link in part
        ]
        pieces += [", " if start else "", _json_items(related)]
        yield pieces
        pieces = []
    pieces.append('], "sentences": [')
    first = True
    for batch in corpus.sentence_batches(ref):
        if not batch:
            continue
        sentences = [
            {
                "article": article.id,
                "start": span.sentence_start,
                "end": span.sentence_end,
                "text": article.body[span.sentence_start : span.sentence_end],
            }
            for article, span in batch
        ]
        pieces += ["" if first else ", ", _json_items(sentences)]
        first = False
        yield pieces
        pieces = []
    yield [*pieces, "]}"]


def _json_items(values: list[Any]) -> str:
    """The items of a JSON list, without its brackets, as json.dumps writes them."""
    return json.dumps(values, ensure_ascii=False)[1:-1]


def _titles(corpus: Corpus, refs: list[Ref], *, labels: bool = False) -> dict[Ref, str]:
    """`item_title` (or with `labels`, the label) of each of `refs`, items of the corpus,
    each kind read in one question for them all: an actor of many articles links to
    thousands of statements."""
    from explorer.data.models import Ref

    ids: dict[str, list[str]] = {"actor": [], "meeting": [], "quote": []}
    for ref in refs:
        ids[ref.kind].append(ref.id)
    found: dict[Ref, str] = {}
    for ident, name in corpus.actor_names(ids["actor"]).items():
        found[Ref("actor", ident)] = name
    for ident, title in corpus.meeting_titles(ids["meeting"]).items():
        found[Ref("meeting", ident)] = title
    for ident, text in corpus.quote_texts(ids["quote"]).items():
        found[Ref("quote", ident)] = text if labels else f"“{text}”"
    for ref in refs:  # an item no question found: read whole
        if ref not in found:
            from explorer.describe import item_title

            item = corpus[ref]
            found[ref] = item.label if labels else item_title(item)
    return found


# Marks, among an item's lines, that a list was cut (the footer then says how to see all).
_CUT = Text()


def _more(count: int, noun: str) -> Text:
    return Text(f"  … and {count:,} more {noun}", style="dim")


# Lines of links made at a time under --all (their titles read together).
_BATCH = 1000


def item_lines(corpus: Corpus, ref: Ref, limit: int | None = None) -> list[Text]:
    """One item's lines (`item_batches`, joined)."""
    return [
        line for batch in item_batches(corpus, ref, limit) for line in batch if line is not _CUT
    ]


def _labelled(label: str, value: str, dim: str, plain: bool) -> Text | str:
    """ "  label: value  dim": a field, or a link with its id."""
    if plain:
        return f"  {label}: {value}{dim}"
    line = Text(f"  {label}: ", style="bold")
    line.append(value)
    if dim:
        line.append(dim, style="dim")
    return line


def item_batches(
    corpus: Corpus, ref: Ref, limit: int | None = None, *, plain: bool = False
) -> Iterator[list[Any]]:
    """One item's lines a batch at a time: heading, fields, related items, supporting
    sentences; of each list (articles, each kind of link, sentences) the first `limit` and a
    line counting the rest, read alone (an actor of many articles has a hundred thousand
    spans). The last batch ends with `_CUT` when a list was cut. With `plain`, the lines
    are the str that `print_lines` writes for them on a plain console, without making a
    Rich Text of each (most of --all's time at a hundred thousand lines)."""
    from explorer.describe import describe_fields, item_title, sentence_text

    item = corpus[ref]
    lines: list[Any] = []
    if plain:
        lines.append(f"{ref.kind}: {item_title(item)}  ({item.id})")
    else:
        heading = Text(f"{ref.kind}: ", style="bold")
        heading.append(item_title(item), style="bold cyan")
        heading.append(f"  ({item.id})", style="dim")
        lines.append(heading)
    for label, value in describe_fields(corpus, item, articles_shown=limit):
        lines.append(_labelled(label, value, "", plain))
    cut = limit is not None and len(getattr(item, "articles", ())) > limit
    yield lines
    groups = corpus.relation_groups(ref, sys.maxsize if limit is None else limit)
    if groups:
        yield [Text("Related", style="bold underline")]
    for group in groups:
        for start in range(0, len(group.targets), _BATCH):
            targets = list(group.targets[start : start + _BATCH])
            titles = _titles(corpus, targets)
            yield [
                _labelled(group.label, titles[target], f"  ({target})", plain) for target in targets
            ]
        if group.total > len(group.targets):
            cut = True
            noun = _MORE.get(group.label, f"{group.label}s")
            yield [_more(group.total - len(group.targets), noun)]
    batches = corpus.sentence_batches(ref) if limit is None else [corpus.sentences(ref, limit)]
    shown = 0
    for sentences in batches:
        if sentences and not shown:
            yield [Text("In the article", style="bold underline")]
        lines = []
        for article, span in sentences:
            if plain:
                text = article.body[span.sentence_start : span.sentence_end].replace("\n", " ")
                lines.append(f"  {text}  [{article.id}]")
                continue
            line = Text("  ")
            line.append_text(sentence_text(article, span))
            line.append(f"  [{article.id}]", style="dim")
            lines.append(line)
        shown += len(lines)
        yield lines
    if limit is not None and shown:
        total = corpus.sentence_count(ref)
        if total > shown:
            cut = True
            yield [_more(total - shown, "sentences")]
    if cut:
        yield [_CUT]

"""`explorer search QUERY`: the app's quote search on the command line, same engine and ranking."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text

from explorer.commands.common import (
    EXIT_NOT_FOUND,
    EXIT_OK,
    add_db_option,
    error,
    is_plain,
    positive_number,
    print_lines,
    stderr,
    stdout,
)

if TYPE_CHECKING:
    from explorer.data import Corpus
    from explorer.data.models import Quote
    from explorer.data.search import Hit

HIGHLIGHT = "bold reverse"

EPILOG = """\
query language:
  words          every word must occur, in any order; case and accents are ignored
  "a phrase"     the words side by side, in this order
  -word          leave out quotes containing it (also -"a phrase", -speaker:NAME)
  speaker:NAME   speaker's name, alias or id, by prefix (speaker:hayashi)
  meeting:NAME   meeting title or id, by prefix (meeting:"defence ministers")
  kind:KIND      direct, paraphrase or reported
  article:ID     article id or title, by prefix
When nothing matches exactly, near matches (one typo away) are shown and labelled.
A -word that is none of the options above is a query term: explorer search trust -defence.
exit status: 0 found, 1 nothing found (or nothing to search for), 2 bad input or usage.
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help="search the quotes",
        description="Search the quotes: ranked, highlighted, field-aware and typo-tolerant.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("query", metavar="QUERY", nargs="+", help="words, phrases and fields")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("--limit", metavar="N", type=positive_number, help="show at most N quotes")
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Answered from the persisted index beside the database: only the quotes shown are read.
    # An ExplorerError is reported by explorer.cli.main.
    from explorer.data.sources import answer_from_index

    query = " ".join(args.query)
    console = stdout()
    plain = is_plain(console)  # piped: the lines are built as plain text, no styles
    result, lines = answer_from_index(
        args.db, lambda corpus: _answer(corpus, query, args, plain=plain)
    )
    if not result.hits:
        # A query with nothing to search for (a lone -, only punctuation) is no error: it
        # finds nothing, and the message says why, as `export --query` does.
        error(result.message or "no quotes match")
        return EXIT_NOT_FOUND
    if args.json:
        sys.stdout.write("".join(line + "\n" for line in lines))
        return EXIT_OK
    notes = stderr()
    if result.near and result.message:
        notes.print(Text(result.message, style="yellow"))
    print_lines(console, lines)
    shown = len(result.hits)
    count = result.count_label()
    notes.print(Text(count if shown == result.total else f"{shown} of {count}", style="dim"))
    return EXIT_OK


class _Shown:
    """What the lines about the hits show of other items, each kind read in one question
    for every hit (not one for each hit): speakers' names, articles' titles and days,
    meetings' titles."""

    def __init__(self, corpus: Corpus, quotes: Sequence[Quote], *, meetings: bool) -> None:
        self.names = corpus.actor_names(dict.fromkeys(s for q in quotes for s in q.speakers))
        self.articles = corpus.article_dates(dict.fromkeys(q.article for q in quotes))
        wanted = dict.fromkeys(q.meeting for q in quotes if q.meeting) if meetings else {}
        self.meetings = corpus.meeting_titles(wanted)


def _answer(
    corpus: Corpus, query: str, args: argparse.Namespace, *, plain: bool = False
) -> tuple[Any, list[Any]]:
    """The result and every line to print, read before anything is printed (as str when
    `plain`, else as styled Text)."""
    from explorer.data.index import search_engine
    from explorer.data.search import read_quotes

    result = search_engine(corpus).search(query, limit=args.limit, prefix_last=False)
    shown = _Shown(corpus, read_quotes(result.hits), meetings=args.json)
    lines: list[Any] = []
    for hit in result.hits:
        if args.json:
            lines.append(json.dumps(as_json(shown, hit), ensure_ascii=False))
        elif plain:
            lines += [f"“{hit.quote.text}”", "  " + "".join(_about(shown, hit))]
        else:
            lines += [quote_line(hit), about_line(shown, hit)]
    return result, lines


def quote_line(hit: Hit) -> Text:
    """The quote in curly quotes with the matched words highlighted (as Text, never markup)."""
    line = Text("“")
    body = Text(hit.quote.text)
    for start, end in hit.ranges:
        body.stylize(HIGHLIGHT, start, end)
    line.append_text(body)
    line.append("”")
    return line


def _about(shown: _Shown, hit: Hit) -> tuple[str, str, str]:
    """Who, what kind and when; the quote's id; whether a near match: the line's parts."""
    quote = hit.quote
    names = [shown.names.get(s) or s for s in quote.speakers]
    article = shown.articles.get(quote.article)
    parts = [", ".join(names), quote.kind]
    if article is not None:
        published = article[1]
        parts.append(f"{published.day} {published:%b %Y}")
    near = "  near match" if hit.match.value == "near" else ""
    return " · ".join(parts), f"  {quote.id}", near


def about_line(shown: _Shown, hit: Hit) -> Text:
    who, ident, near = _about(shown, hit)
    line = Text("  ")
    line.append(who, style="cyan")
    line.append(ident, style="dim")
    if near:
        line.append(near, style="yellow")
    return line


def as_json(shown: _Shown, hit: Hit) -> dict[str, Any]:
    quote = hit.quote
    title = shown.meetings.get(quote.meeting) if quote.meeting else None
    article = shown.articles.get(quote.article)
    return {
        "id": quote.id,
        "text": quote.text,
        "match": hit.match.value,
        "highlights": [list(r) for r in hit.ranges],
        "kind": quote.kind,
        "speaker": {"id": quote.speaker, "name": shown.names.get(quote.speaker)},
        # Everyone who made it (a joint statement has several; the first is `speaker`).
        "speakers": [{"id": s, "name": shown.names.get(s)} for s in quote.speakers],
        "meeting": {"id": quote.meeting, "title": title} if title is not None else None,
        "article": {
            "id": quote.article,
            "title": article[0] if article else None,
            "published": article[1].isoformat() if article else None,
        },
    }


__all__ = ["as_json", "register", "run"]

"""`explorer draft FILE`: a news story as published (text or a saved page) to a checked draft."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from explorer.commands.common import EXIT_BAD_INPUT, EXIT_OK, add_db_option, error, stderr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "draft",
        help="draft an article file from a story's text or saved web page",
        description=(
            "Finds the story's actors, meetings and quotes with rules and offline libraries, "
            "and writes a format-v1 file that passes `explorer check`; every guess is a "
            "'# draft:' comment above its item, for a person to review."
        ),
    )
    parser.add_argument("file", metavar="FILE", type=Path, help="plain text, or .html/.htm page")
    parser.add_argument(
        "--published", metavar="DATE", help="publication date, YYYY-MM-DD (else from the page)"
    )
    parser.add_argument("--title", metavar="T", help="the article's title")
    parser.add_argument("--source", metavar="S", help="the outlet (else the page's site name)")
    parser.add_argument("--url", metavar="U", help="where the article was published")
    parser.add_argument("--id", metavar="SLUG", dest="article_id", help="the article's id")
    parser.add_argument(
        "--out", metavar="FILE.yaml", type=Path, help="file to write, atomically (default: stdout)"
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace the --out file when it exists (what was reviewed in it is lost)",
    )
    add_db_option(parser)
    parser.set_defaults(handler=run)


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else many or one + 's'}"


def _published(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"--published {text!r} is not a date (YYYY-MM-DD)") from None


def run(args: argparse.Namespace) -> int:
    from explorer.data.schema import SLUG
    from explorer.draft import DraftError, SourceError, draft, from_corpus, read_source, render

    published = None
    if args.published is not None:
        try:
            published = _published(args.published)
        except ValueError as failure:
            error(str(failure))
            return EXIT_BAD_INPUT
    if args.article_id is not None and not SLUG.fullmatch(args.article_id):
        error(f"--id {args.article_id!r} is not an id (lowercase words joined by -)")
        return EXIT_BAD_INPUT
    for option in ("title", "source", "url"):
        value = getattr(args, option)
        if value is not None and not value.strip():
            error(f"--{option} must not be empty")
            return EXIT_BAD_INPUT
    if args.out is not None and not args.force and args.out.exists():
        error(
            f"{args.out}: already exists, and a review of it would be lost: "
            "give another --out, or --force to replace it"
        )
        return EXIT_BAD_INPUT
    try:
        source = read_source(args.file)
    except SourceError as failure:
        error(str(failure))
        return EXIT_BAD_INPUT
    published = published or source.published
    if published is None:
        error(
            f"{args.file}: no publication date found; give it with --published YYYY-MM-DD "
            "(relative dates such as 'on Monday' are read against it)"
        )
        return EXIT_BAD_INPUT
    from explorer.commands.common import load_corpus

    known = from_corpus(load_corpus(args.db))
    from explorer.draft.source import clean_line

    try:
        result = draft(
            source.paragraphs,
            published,
            title=clean_line(args.title) if args.title else source.title,
            source=clean_line(args.source) if args.source else source.site,
            url=clean_line(args.url) if args.url else source.url,
            article_id=args.article_id,
            known=known,
            dropped=source.dropped,
        )
    except DraftError as failure:
        error(f"{args.file}: {failure}")
        return EXIT_BAD_INPUT
    text = render(result)
    if args.out is not None:
        from explorer.data.atomic import atomic_write_bytes

        try:
            atomic_write_bytes(args.out, text.encode("utf-8"))
        except OSError as failure:
            error(f"{args.out}: cannot be written: {failure.strerror or failure}")
            return EXIT_BAD_INPUT
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    stderr().print(
        f"{result.id}: {_count(len(result.actors), 'actor')}, "
        f"{_count(len(result.meetings), 'meeting')}, "
        f"{_count(len(result.quotes), 'quote')}, {_count(result.guess_count(), 'guess', 'guesses')} "
        "marked '# draft:'" + (f" -> {args.out}" if args.out is not None else ""),
        markup=False,
    )
    return EXIT_OK

"""`explorer import FILES… --db FILE`: validate, then replace the database atomically."""

from __future__ import annotations

import argparse
from pathlib import Path

from explorer.commands.common import EXIT_BAD_INPUT, EXIT_OK, error, stdout


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import", help="build a database from article files (all valid, or nothing changes)"
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="article YAML files")
    parser.add_argument(
        "--db",
        metavar="FILE",
        type=Path,
        help="database to write (default: seed.json in $EXPLORER_CACHE_DIR or the user cache "
        "folder)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="parse every file again, ignoring (and not writing) the parse cache beside the database",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from explorer.data import DataError, StoreError, default_database_path
    from explorer.data.incremental import import_corpus

    db = args.db or default_database_path()
    if db.is_dir():
        error(f"{db}: is a directory; --db names the database file to write")
        return EXIT_BAD_INPUT
    if not db.parent.is_dir():
        error(f"{db.parent}: no such directory for the database")
        return EXIT_BAD_INPUT
    try:
        summary = import_corpus(args.files, db, use_cache=not args.no_cache)
    except DataError as failure:
        for problem in failure.problems:
            error(str(problem))
        error(f"nothing imported; {db} is unchanged")
        return EXIT_BAD_INPUT
    except StoreError as failure:
        error(str(failure))
        return EXIT_BAD_INPUT
    unchanged = f", {summary.reused} unchanged since the last import" if summary.reused else ""
    stdout().print(
        f"imported {summary.articles} article(s): {summary.actors} actors, "
        f"{summary.meetings} meetings, {summary.quotes} quotes -> {db} "
        f"({summary.parsed} file(s) parsed{unchanged})",
        soft_wrap=True,
    )
    return EXIT_OK

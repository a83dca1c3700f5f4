"""`explorer import FILES… --db FILE`: validate, then replace the database atomically."""

from __future__ import annotations

import argparse
from pathlib import Path

from explorer.commands.common import EXIT_BAD_INPUT, EXIT_OK, error, stdout
from explorer.data import DataError, StoreError, default_database_path, import_files


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import", help="build a database from article files (all valid, or nothing changes)"
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="article YAML files")
    parser.add_argument(
        "--db",
        metavar="FILE",
        type=Path,
        help=f"database to write (default: {default_database_path()})",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    db = args.db or default_database_path()
    if db.is_dir():
        error(f"{db}: is a directory; --db names the database file to write")
        return EXIT_BAD_INPUT
    if not db.parent.is_dir():
        error(f"{db.parent}: no such directory for the database")
        return EXIT_BAD_INPUT
    try:
        loaded = import_files(args.files, db)
    except DataError as failure:
        for problem in failure.problems:
            error(str(problem))
        error(f"nothing imported; {db} is unchanged")
        return EXIT_BAD_INPUT
    except StoreError as failure:
        error(str(failure))
        return EXIT_BAD_INPUT
    stdout().print(
        f"imported {len(loaded.articles)} article(s): {len(loaded.actors)} actors, "
        f"{len(loaded.meetings)} meetings, {len(loaded.quotes)} quotes -> {db}"
    )
    return EXIT_OK

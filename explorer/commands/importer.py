"""`explorer import FILES… --db FILE`: validate, then replace the database atomically."""

from __future__ import annotations

import argparse
from pathlib import Path

from explorer.commands.common import EXIT_BAD_INPUT, EXIT_OK, error, stdout


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "import", help="build a database from article files (all valid, or nothing changes)"
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="article YAML files")
    parser.add_argument(
        "--db",
        metavar="FILE",
        type=Path,
        help="database to write (default: your corpus, which every command then opens; "
        "see `explorer --help`)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="parse every file again, ignoring (and not writing) the parse cache beside the database",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from explorer.data import DataError, StoreError, default_import_path
    from explorer.data.atomic import check_replaceable
    from explorer.data.incremental import import_corpus

    db = args.db or default_import_path()
    if args.db is None:
        try:
            db.parent.mkdir(parents=True, exist_ok=True)
        except OSError as failure:
            error(f"{db.parent}: cannot create the folder for your corpus: {failure.strerror}")
            return EXIT_BAD_INPUT
    if db.is_dir():
        error(f"{db}: is a directory; --db names the database file to write")
        return EXIT_BAD_INPUT
    if not db.parent.is_dir():
        error(f"{db.parent}: no such directory for the database")
        return EXIT_BAD_INPUT
    try:
        check_replaceable(db)
    except OSError as failure:
        error(f"{db}: cannot write the database: {failure.strerror}; nothing imported")
        return EXIT_BAD_INPUT
    try:
        summary = import_corpus(args.files, db, use_cache=not args.no_cache)
    except DataError as failure:
        for problem in failure.problems:
            error(str(problem))
        error(f"nothing imported; {db} is unchanged" if db.exists() else "nothing imported")
        return EXIT_BAD_INPUT
    except StoreError as failure:
        error(str(failure))
        return EXIT_BAD_INPUT
    from explorer.data.text import plural

    unchanged = f", {summary.reused} unchanged since the last import" if summary.reused else ""
    console = stdout()
    console.print(
        f"imported {plural(summary.articles, 'article')}: {plural(summary.actors, 'actor')}, "
        f"{plural(summary.meetings, 'meeting')}, {plural(summary.quotes, 'quote')} -> {db} "
        f"({plural(summary.parsed, 'file')} parsed{unchanged})",
        soft_wrap=True,
    )
    if args.db is None:
        console.print(
            "This is your corpus now: explorer, show, search, export and serve open it "
            "without --db.",
            soft_wrap=True,
        )
    return EXIT_OK

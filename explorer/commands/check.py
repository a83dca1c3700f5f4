"""`explorer check FILES…`: validate article files without touching any database."""

from __future__ import annotations

import argparse

from explorer.commands.common import EXIT_BAD_INPUT, EXIT_OK, error, stdout


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("check", help="validate article files (writes nothing)")
    parser.add_argument("files", nargs="+", metavar="FILE", help="article YAML files")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from explorer.data import DataError, load_files

    try:
        loaded = load_files(args.files)
    except DataError as failure:
        for problem in failure.problems:
            error(str(problem))
        return EXIT_BAD_INPUT
    from explorer.data.text import plural

    stdout().print(
        f"{plural(len(args.files), 'file')} OK: {plural(len(loaded.articles), 'article')}, "
        f"{plural(len(loaded.actors), 'actor')}, {plural(len(loaded.meetings), 'meeting')}, "
        f"{plural(len(loaded.quotes), 'quote')}",
        soft_wrap=True,
    )
    return EXIT_OK

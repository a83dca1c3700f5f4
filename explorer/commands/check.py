"""`explorer check FILES…`: validate article files without touching any database."""

from __future__ import annotations

import argparse

from rich.text import Text

from explorer.commands.common import EXIT_BAD_INPUT, EXIT_OK, error, stdout


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("check", help="validate article files (writes nothing)")
    parser.add_argument("files", nargs="+", metavar="FILE", help="article YAML files")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from explorer.data import DataError
    from explorer.data.importer import load_checked

    try:
        loaded, files = load_checked(args.files)
    except DataError as failure:
        for problem in failure.problems:
            error(str(problem))
        return EXIT_BAD_INPUT
    from explorer.data.text import plural

    console = stdout()
    console.print(
        f"{plural(len(args.files), 'file')} OK: {plural(len(loaded.articles), 'article')}, "
        f"{plural(len(loaded.actors), 'actor')}, {plural(len(loaded.meetings), 'meeting')}, "
        f"{plural(len(loaded.quotes), 'quote')}",
        soft_wrap=True,
    )
    for name, (version, why) in files.items():
        # A file's name is text, never markup: "[red]" in a path is shown as it is.
        line = Text(f"  {name}: format {version}{f' ({why})' if why else ''}")
        console.print(line, soft_wrap=True)
    return EXIT_OK

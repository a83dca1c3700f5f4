"""The `explorer` command: the app with no subcommand, tools with one."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from explorer import __version__
from explorer.commands import check, export, importer, notes, search, serve, show
from explorer.commands.common import EXIT_BAD_INPUT, ExplorerError, error

COMMANDS = (importer, check, show, search, notes, serve, export)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="explorer",
        description="Explore the people, meetings and quotes of news stories.",
    )
    parser.add_argument("--version", action="version", version=f"explorer {__version__}")
    parser.add_argument(
        "--db", metavar="FILE", type=Path, help="database to open (default: the seed article)"
    )
    parser.add_argument(
        "--notes",
        metavar="FILE",
        type=Path,
        help="notes file (default: $EXPLORER_NOTES_FILE or the user data folder)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return run_app(args.db, args.notes)
        return args.handler(args)
    except ExplorerError as failure:
        error(str(failure))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0


def run_app(db: Path | None, notes: Path | None = None) -> int:
    from explorer.app import run

    return run(db, notes)

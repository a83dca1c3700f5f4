"""The `explorer` command: the app with no subcommand, tools with one."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path

from explorer import __version__
from explorer.commands.common import EXIT_BAD_INPUT, ExplorerError, error

# Subcommand modules, in the order `explorer --help` lists them.
COMMAND_MODULES = ("importer", "check", "show", "search", "notes", "serve", "export")


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    """The parser; without commands when none is named, so launching the app imports none."""
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
    if with_commands:
        subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
        for name in COMMAND_MODULES:
            import_module(f"explorer.commands.{name}").register(subparsers)
    else:
        parser.set_defaults(command=None)
    return parser


def _names_a_command(argv: Sequence[str]) -> bool:
    """True unless argv is only the app's own options (so help and errors list commands)."""
    options_with_values = {"--db", "--notes"}
    words = iter(argv)
    for word in words:
        if word in options_with_values:
            next(words, None)
        elif not word.startswith("-") or word in {"-h", "--help"}:
            return True
    return False


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(with_commands=_names_a_command(arguments))
    args = parser.parse_args(arguments)
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

"""The `explorer` command: the app with no subcommand, tools with one."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path

from explorer import __version__
from explorer.commands.common import EXIT_BAD_INPUT, ExplorerError, error, note_if_stale
from explorer.data.locations import DATA_DIR_ENV, user_corpus_path

# Subcommand modules, in the order `explorer --help` lists them.
COMMAND_MODULES = (
    "importer",
    "check",
    "show",
    "search",
    "expectations",
    "notes",
    "serve",
    "export",
    "draft",
    "review",
)

# Options the app takes before any command; a command that has its own takes them there too.
GLOBAL_OPTIONS = (("--db", "global_db", "db"), ("--notes", "global_notes", "notes"))

# Commands whose trailing words are a query: a `-word` there is a query term, not an option.
QUERY_COMMANDS = frozenset({"search"})


class _Parser(argparse.ArgumentParser):
    """The top-level parser, knowing each command's own parser (for its usage in errors)."""

    commands: dict[str, argparse.ArgumentParser]


def files_epilog() -> str:
    """Where the user's corpus lives, for `explorer --help`."""
    return (
        f"your corpus: {user_corpus_path()}\n"
        "  `explorer import FILES...` writes it; the app, show, search, export, note, notes and\n"
        "  serve open it by default once it exists (the embedded seed article until then).\n"
        f"  ${DATA_DIR_ENV} names another folder for it.\n"
        "exit status: 0 ok, 1 nothing found, 2 bad input or usage."
    )


def build_parser(*, with_commands: bool = True) -> _Parser:
    """The parser; without commands when none is named, so launching the app imports none."""
    parser = _Parser(
        prog="explorer",
        description="Explore the people, meetings and quotes of news stories.",
        epilog=files_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.commands = {}
    parser.add_argument("--version", action="version", version=f"explorer {__version__}")
    parser.add_argument(
        "--db",
        dest="global_db",
        metavar="FILE",
        type=Path,
        help="database to open (default: your corpus once imported, else the seed article)",
    )
    parser.add_argument(
        "--notes",
        dest="global_notes",
        metavar="FILE",
        type=Path,
        help="notes file (default: $EXPLORER_NOTES_FILE or the user data folder)",
    )
    if with_commands:
        subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
        for name in COMMAND_MODULES:
            import_module(f"explorer.commands.{name}").register(subparsers)
        parser.commands = dict(subparsers.choices)
    else:
        parser.set_defaults(command=None)
    return parser


def _command_index(argv: Sequence[str]) -> int | None:
    """Where the command word stands in argv (skipping the app's own options), if anywhere."""
    options_with_values = {option for option, _, _ in GLOBAL_OPTIONS}
    index = 0
    while index < len(argv):
        word = argv[index]
        if word in options_with_values:
            index += 2
            continue
        if word == "--" or not word.startswith("-"):
            return index + 1 if word == "--" and index + 1 < len(argv) else index
        index += 1
    return None


def _names_a_command(argv: Sequence[str]) -> bool:
    """True unless argv is only the app's own options (so help and errors list commands)."""
    return _command_index(argv) is not None or any(w in {"-h", "--help"} for w in argv)


def _is_option(parser: argparse.ArgumentParser, word: str) -> bool:
    """True when argparse would take `word` as one of `parser`'s options (or an abbreviation)."""
    name = word.split("=", 1)[0]
    known = parser._option_string_actions
    if name in known:
        return True
    return name.startswith("--") and any(option.startswith(name) for option in known)


def protect_query_words(parser: _Parser, argv: list[str]) -> list[str]:
    """argv with the words of a query command's query after its options, each `-word` marked
    as a word.

    `explorer search trust -defence --json` must search "trust -defence": a word after the
    command that starts with `-` and is none of its options gets a leading space, which
    argparse takes for a positional and the query parser for white space; the query's words
    go last, so options between them do not cut the query short.
    """
    at = _command_index(argv)
    if at is None or argv[at] not in QUERY_COMMANDS or argv[at] not in parser.commands:
        return list(argv)
    command = parser.commands[argv[at]]
    options: list[str] = []
    query: list[str] = []
    words = iter(argv[at + 1 :])
    for word in words:
        if word == "--":
            query.extend(" " + w if w.startswith("-") else w for w in words)
            break
        if len(word) > 1 and word.startswith("-") and not _is_option(command, word):
            query.append(" " + word)
            continue
        if not word.startswith("-") or word == "-":
            query.append(word)
            continue
        options.append(word)
        action = command._option_string_actions.get(word)
        if action is not None and action.nargs != 0:
            value = next(words, None)
            if value is not None:
                options.append(value)
    return [*argv[: at + 1], *options, *query]


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """Parse argv as `explorer` does; usage errors exit 2 with the right command's usage."""
    arguments = list(argv)
    parser = build_parser(with_commands=_names_a_command(arguments))
    arguments = protect_query_words(parser, arguments)
    args, extras = parser.parse_known_args(arguments)
    command = parser.commands.get(args.command) if args.command else None
    if extras:
        at = _command_index(arguments)
        before = arguments[:at] if at is not None else arguments
        blamed = parser if command is None or any(w in before for w in extras) else command
        blamed.error(f"unrecognized arguments: {' '.join(extras)}")
    for option, global_name, name in GLOBAL_OPTIONS:
        value = getattr(args, global_name)
        if value is None or command is None:
            continue
        if not hasattr(args, name):
            command.error(f"{option} does not apply to `explorer {args.command}`")
        given = getattr(args, name)
        if given is not None and given != value:
            command.error(f"{option} given twice, as {value} and as {given}")
        setattr(args, name, value)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    try:
        if args.command is None:
            note_if_stale(args.global_db)  # left on the terminal when the app closes
            return run_app(args.global_db, args.global_notes)
        if args.command != "import" and hasattr(args, "db"):
            note_if_stale(args.db)
        code = args.handler(args)
        sys.stdout.flush()  # a failure to write is told here, not lost as Python exits
        return code
    except ExplorerError as failure:
        error(str(failure))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except OSError as failure:
        # A full disk or a dead device under `>`, or a file that went away under a command:
        # one line saying so, not a traceback.
        try:
            sys.stdout.flush()
        except OSError:
            # What is still buffered cannot be written either: let it go instead of failing
            # again as Python exits.
            with contextlib.suppress(OSError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        if failure.filename:
            error(f"{failure.filename}: {failure.strerror or failure}")
        else:
            error(f"cannot write the output: {failure.strerror or failure}")
        # 2, as for any other failure: 1 tells a script that a search found nothing.
        return EXIT_BAD_INPUT


def run_app(db: Path | None, notes: Path | None = None) -> int:
    from explorer.app import run

    return run(db, notes)

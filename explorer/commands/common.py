"""What every subcommand shares: consoles, the corpus to read, and the exit codes."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

# Only the errors here: the data layer loads when a command runs, not when its arguments are
# declared (every subcommand is declared before the app's first frame).
from explorer.data.errors import ExplorerError

if TYPE_CHECKING:
    from explorer.data import Corpus

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_BAD_INPUT = 2


def stdout() -> Console:
    return Console(highlight=False, soft_wrap=False)


def stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def error(message: str) -> None:
    """One line on stderr; the message is shown literally, never parsed as markup."""
    line = Text("explorer: ", style="bold red")
    line.append(message)
    stderr().print(line)


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="FILE",
        type=Path,
        help="database to read (default: your corpus once `explorer import` has written it, "
        "else the embedded seed article; see `explorer --help`)",
    )


def load_corpus(db: Path | None) -> Corpus:
    """The corpus named by --db, or the default one (the user's corpus once imported, else
    the seed); raises ExplorerError on bad input. The app loads its data through this too."""
    from explorer.data.sources import open_corpus, open_default_corpus

    return open_corpus(db) if db is not None else open_default_corpus()


__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_NOT_FOUND",
    "EXIT_OK",
    "ExplorerError",
    "add_db_option",
    "error",
    "load_corpus",
    "stderr",
    "stdout",
]

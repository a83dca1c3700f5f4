"""`explorer export`: the corpus, one article, or the quotes a search matches, as a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from explorer.commands.common import (
    EXIT_BAD_INPUT,
    EXIT_NOT_FOUND,
    EXIT_OK,
    add_db_option,
    error,
)
from explorer.data.errors import ExplorerError

if TYPE_CHECKING:
    from explorer.data import Corpus
    from explorer.data.export import View

# As explorer.data.export.FORMATS (a test checks): the engine loads when the command runs.
FORMATS = ("json", "csv", "markdown", "dot")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write the corpus (or part of it) as JSON, CSV, a Markdown briefing or a DOT graph",
        description=(
            "json imports back with `explorer import`; csv is one table with a kind column; "
            "markdown is a briefing; dot is a Graphviz graph of actors and meetings."
        ),
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="output format (default: from the --out file's suffix: .json .csv .md .dot)",
    )
    parser.add_argument("--article", metavar="ID", help="only this article")
    parser.add_argument(
        "--query", metavar="Q", help="only the quotes this search matches, with their speakers"
    )
    parser.add_argument(
        "--actor",
        metavar="ID",
        help="with --format dot: who this actor met (shared meetings), to --depth steps",
    )
    parser.add_argument(
        "--depth",
        metavar="N",
        type=int,
        help="with --actor: how many steps out (default: 2, the actors its contacts met)",
    )
    parser.add_argument(
        "--out",
        metavar="FILE",
        type=Path,
        help="file to write, replaced atomically (default: stdout)",
    )
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from explorer.data.atomic import check_replaceable
    from explorer.data.export import NothingToExport, format_for, render, select

    fmt = args.format or (format_for(str(args.out)) if args.out else None)
    if fmt is None:
        error("choose a format with --format json|csv|markdown|dot")
        return EXIT_BAD_INPUT
    if args.actor is None and args.depth is not None:
        error("--depth goes with --actor ID (the actor whose network to export)")
        return EXIT_BAD_INPUT
    if args.actor is not None:
        problem = _network_problem(args, fmt)
        if problem is not None:
            error(problem)
            return EXIT_BAD_INPUT
    out: Path | None = args.out
    if out is not None:
        if out.is_dir():
            error(f"{out}: is a directory; --out names the file to write")
            return EXIT_BAD_INPUT
        if not out.parent.is_dir():
            error(f"{out.parent}: no such directory")
            return EXIT_BAD_INPUT
        try:
            check_replaceable(out)
        except OSError as failure:
            error(f"{out}: cannot write: {failure.strerror}")
            return EXIT_BAD_INPUT
    from explorer.data.index import search_engine
    from explorer.data.sources import answer_from_index

    def answer(corpus: Corpus) -> tuple[View, str]:
        # From the persisted index: one article's items are read, not the whole corpus.
        engine = search_engine(corpus) if args.query is not None else None
        view = select(corpus, article=args.article, query=args.query, index=engine)
        return view, render(view, fmt)

    if args.actor is not None:
        return _export_network(args, out)
    try:
        view, text = answer_from_index(args.db, answer)
    except NothingToExport as failure:
        error(str(failure))
        return EXIT_NOT_FOUND
    except ExplorerError as failure:
        error(str(failure))
        return EXIT_BAD_INPUT
    if (failed := _write(text, out)) is not None or out is None:
        return failed or EXIT_OK
    from explorer.data.text import plural

    print(
        f"exported {view.describe()} ({plural(len(view.actors), 'actor')}, "
        f"{plural(len(view.meetings), 'meeting')}, {plural(len(view.quotes), 'quote')}) "
        f"as {fmt} to {out}"
    )
    return EXIT_OK


def _write(text: str, out: Path | None) -> int | None:
    """The export to stdout, or to `out` replaced atomically; an exit code if that failed."""
    from explorer.data.atomic import atomic_write_bytes

    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return None
    try:
        atomic_write_bytes(out, text.encode("utf-8"))
    except OSError as failure:
        error(f"{out}: cannot write: {failure.strerror or failure}")
        return EXIT_BAD_INPUT
    return None


def _network_problem(args: argparse.Namespace, fmt: str) -> str | None:
    """Why `--actor` cannot be exported as asked, or None."""
    if fmt != "dot":
        return f"--actor exports a network as DOT: use --format dot, not {fmt}"
    if args.article is not None or args.query is not None:
        return "--actor exports one actor's network: leave out --article and --query"
    if args.depth is not None and args.depth < 1:
        return f"--depth {args.depth}: the network counts steps out from the actor, 1 or more"
    return None


def _export_network(args: argparse.Namespace, out: Path | None) -> int:
    """`--actor ID --depth N`: who the actor met, to N steps, as a DOT graph."""
    from explorer.data.network import Network, UnknownActor, neighbourhood, network_dot
    from explorer.data.sources import answer_from_index

    def answer(corpus: Corpus) -> tuple[Network, str]:
        # Every meeting on the way is read (no budget): a file, not a key, waits for it.
        if args.actor not in corpus.actors:
            from explorer.commands.common import suggest_ids

            close = suggest_ids(corpus, f"actor:{args.actor}")
            hint = f" (did you mean {' or '.join(close)}?)" if close else ""
            raise UnknownActor(f"no actor with id {args.actor!r}{hint}")
        network = neighbourhood(corpus, args.actor, args.depth or 2, budget=None)
        return network, network_dot(corpus, network)

    try:
        network, text = answer_from_index(args.db, answer)
    except UnknownActor as failure:
        error(str(failure))
        return EXIT_NOT_FOUND
    except ExplorerError as failure:
        error(str(failure))
        return EXIT_BAD_INPUT
    if (failed := _write(text, out)) is not None or out is None:
        return failed or EXIT_OK
    from explorer.data.text import plural

    steps = plural(network.depth, "step")
    print(
        f"exported the network of {network.centre} to {steps} "
        f"({plural(len(network.actors), 'actor')}, "
        f"{plural(len(network.participants), 'meeting')}) as dot to {out}"
    )
    return EXIT_OK

"""`explorer review FILE.yaml`: accept, reject and correct a drafted file in the app."""

from __future__ import annotations

import argparse
from pathlib import Path

from explorer.commands.common import EXIT_BAD_INPUT, error


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "review",
        help="review a drafted article file in the app (every change is saved at once)",
    )
    parser.add_argument("file", metavar="FILE", type=Path, help="a drafted article YAML file")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from explorer.data import DataError
    from explorer.review_app import run_review

    try:
        return run_review(args.file)
    except DataError as failure:
        for problem in failure.problems:
            error(str(problem))
        return EXIT_BAD_INPUT

"""`explorer expectations`: every planned or expected meeting, and what became of it."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from rich.text import Text

from explorer.commands.common import EXIT_OK, add_db_option, stdout

if TYPE_CHECKING:
    from explorer.data.expectations import Account, Expectation, Expectations

EPILOG = """\
kinds:
  fulfilled   a later article reports it happened (both sentences shown)
  changed     a later article gives another date, or says it was postponed or cancelled
  open        no later article says more
  overdue     open, and its date had passed by the newest article's publication day
--json prints one object: as_of, counts (per kind) and expectations (see the README).
exit status: 0 (also when nothing is expected), 2 bad input or usage.
"""

KIND_STYLES = {
    "fulfilled": "bold green",
    "changed": "bold yellow",
    "open": "bold cyan",
    "overdue": "bold red",
}
HEADINGS = {
    "fulfilled": "Fulfilled",
    "changed": "Changed",
    "open": "Open",
    "overdue": "Overdue",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "expectations",
        help="planned and expected meetings: fulfilled, changed, open or overdue",
        description="Every meeting an article calls planned or expected, followed up in the "
        "later articles: fulfilled, changed, open, or overdue.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    add_db_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Answered from the persisted index: only the meetings ever planned or expected are read.
    # A missing or damaged database is an ExplorerError, reported by explorer.cli.main.
    from explorer.data.expectations import find_expectations
    from explorer.data.sources import answer_from_index

    found = answer_from_index(args.db, find_expectations)
    if args.json:
        from explorer.data.expectations import expectations_record

        print(json.dumps(expectations_record(found), ensure_ascii=False, indent=2))
        return EXIT_OK
    console = stdout()
    for line in lines(found):
        console.print(line)
    return EXIT_OK


def _day(found: Expectations) -> str:
    return f"{found.as_of.day} {found.as_of:%b %Y}" if found.as_of else "no article"


def lines(found: Expectations) -> list[Text]:
    """The human reading: a summary, then each kind's meetings with their sentences."""
    from explorer.data.expectations import KIND_MARKS, KIND_MEANINGS, KINDS

    counts = found.counts()
    summary = Text("Expectations", style="bold")
    summary.append(f" as of {_day(found)} (the newest article): ")
    for n, kind in enumerate(KINDS):
        if n:
            summary.append(" · ", style="dim")
        summary.append(f"{counts[kind]} {kind}", style=KIND_STYLES[kind] if counts[kind] else "")
    out = [summary]
    if not found.items:
        out.append(Text("No article calls any meeting planned or expected.", style="dim"))
    for kind in KINDS:
        items = found.of_kind(kind)
        if not items:
            continue
        out.append(Text())
        heading = Text(HEADINGS[kind], style=f"{KIND_STYLES[kind]} underline")
        heading.append(f" — {KIND_MEANINGS[kind]}", style="dim")
        out.append(heading)
        for item in items:
            out += _item_lines(item, KIND_MARKS[kind])
    return out


def _item_lines(item: Expectation, mark: str) -> list[Text]:
    head = Text(f"  {mark} ", style=KIND_STYLES[item.kind])
    head.append(item.title, style="bold")
    head.append(f"  ({item.meeting})", style="dim")
    if item.due is not None:
        head.append(f"  due {item.due.human()}")
    else:
        head.append("  no date given", style="dim")
    if item.change is not None:
        head.append(f"  · {item.change}", style=KIND_STYLES["changed"])
    out = [head, _account_line(item.expected)]
    if item.outcome is not None:
        out.append(_account_line(item.outcome))
    elif item.kind == "overdue":
        out.append(Text("      no later article reports it", style="dim italic"))
    return out


def _account_line(account: Account) -> Text:
    line = Text("      ")
    line.append(account.said, style="bold")
    line.append(", in ")
    line.append(f"“{account.article_title}”", style="italic")
    line.append(f" ({account.published.day} {account.published:%b %Y})")
    if account.sentence:
        line.append(": ")
        line.append(account.sentence)
    return line

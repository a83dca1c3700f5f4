"""`explorer note ID TEXT` and `explorer notes`: the user's notes from the command line.

Notes live in their own file (see `explorer.data.notes`), never in the database that
`import` rebuilds; a note whose item is no longer in the database is listed as orphaned.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text

from explorer.commands.common import (
    EXIT_BAD_INPUT,
    EXIT_NOT_FOUND,
    EXIT_OK,
    ExplorerError,
    add_db_option,
    error,
    load_corpus,
    not_found_message,
    stdout,
)

if TYPE_CHECKING:
    from explorer.data import Corpus
    from explorer.data.notes import Note

BOOKMARK = "★"


def add_notes_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--notes",
        metavar="FILE",
        type=Path,
        help="notes file (default: $EXPLORER_NOTES_FILE or the user data folder)",
    )


def register(subparsers: argparse._SubParsersAction) -> None:
    note = subparsers.add_parser("note", help="add a note to an actor, meeting or quote")
    note.add_argument("id", metavar="ID", help="an actor, meeting or quote id (or KIND:ID)")
    note.add_argument("text", metavar="TEXT", help="the note's text ('-' reads standard input)")
    note.add_argument(
        "--replace",
        action="store_true",
        help="replace the item's note instead of adding TEXT to it as a new paragraph",
    )
    add_notes_option(note)
    add_db_option(note)
    note.set_defaults(handler=run_note)

    notes = subparsers.add_parser("notes", help="list every note and bookmark")
    notes.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_notes_option(notes)
    add_db_option(notes)
    notes.set_defaults(handler=run_notes)


def run_note(args: argparse.Namespace) -> int:
    text = sys.stdin.read() if args.text == "-" else args.text
    text = text.strip()
    if not text:
        error("the note is empty; nothing saved")
        return EXIT_BAD_INPUT
    corpus = load_corpus(args.db)  # an ExplorerError is reported by explorer.cli.main
    refs = corpus.find(args.id)
    if not refs:
        error(f"{not_found_message(corpus, args.id)}; nothing saved")
        return EXIT_NOT_FOUND
    if len(refs) > 1:
        names = ", ".join(str(ref) for ref in refs)
        error(f"{args.id!r} names several items ({names}); say which one, e.g. {refs[0]}")
        return EXIT_BAD_INPUT
    ref = refs[0]
    from explorer.describe import item_title

    label = item_title(corpus[ref])
    from explorer.data.notes import NotesStore

    store = NotesStore(args.notes)
    if missing_folder(args, store.path):
        error(f"{store.path.parent}: no such directory for the notes file; nothing saved")
        return EXIT_BAD_INPUT
    try:
        if args.replace:
            store.save_text(ref, text, label=label)
        else:
            store.append_text(ref, text, label=label)
    except ExplorerError as failure:
        error(str(failure))
        error("the note was not saved")
        return EXIT_BAD_INPUT
    line = Text("saved note on ")
    line.append(str(ref), style="bold")
    line.append(f" ({shorten(label)}) in {store.path}")
    stdout().print(line)
    return EXIT_OK


def missing_folder(args: argparse.Namespace, path: Path) -> bool:
    """True when a notes file named by hand (--notes, $EXPLORER_NOTES_FILE) is in a folder
    that is not there: a typo, as for every other command's file. Only the platform's own
    data folder is created on first use."""
    from explorer.data.notes import NOTES_ENV

    named = args.notes is not None or bool(os.environ.get(NOTES_ENV))
    return named and not path.parent.exists()


def run_notes(args: argparse.Namespace) -> int:
    from explorer.data.notes import NotesStore

    store = NotesStore(args.notes)
    if missing_folder(args, store.path):
        error(f"{store.path.parent}: no such directory for the notes file")
        return EXIT_BAD_INPUT
    notes = store.notes()
    if store.problem is not None:
        error(str(store.problem))
        return EXIT_BAD_INPUT
    corpus = load_corpus(args.db)  # an ExplorerError is reported by explorer.cli.main
    if args.json:
        print(json.dumps([as_json(corpus, n) for n in notes], ensure_ascii=False, indent=2))
        return EXIT_OK
    console = stdout()
    if not notes:
        console.print(Text(f"no notes or bookmarks yet in {store.path}", style="dim"))
        return EXIT_OK
    for index, note in enumerate(notes):
        if index:
            console.print()
        print_note(console, corpus, note)
    return EXIT_OK


def shorten(label: str, width: int = 60) -> str:
    """A long quote cut to one readable line for headings."""
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


def current_label(corpus: Corpus, note: Note) -> str:
    """The item's label now, or the one saved with the note when the item has gone."""
    from explorer.describe import item_title

    item = corpus.get(note.ref)
    return item_title(item) if item is not None else note.label or note.ref.id


def as_json(corpus: Corpus, note: Note) -> dict[str, Any]:
    return {
        "kind": note.ref.kind,
        "id": note.ref.id,
        "label": current_label(corpus, note),
        "text": note.text,
        "bookmark": note.bookmark,
        "orphaned": note.ref not in corpus,
        "created": note.created,
        "updated": note.updated,
    }


def print_note(console: Any, corpus: Corpus, note: Note) -> None:
    heading = Text(f"{BOOKMARK} " if note.bookmark else "  ", style="bold yellow")
    heading.append(str(note.ref), style="bold")
    heading.append("  ")
    heading.append(shorten(current_label(corpus, note)), style="cyan")
    if note.ref not in corpus:
        heading.append("  (orphaned: no longer in the database)", style="bold red")
    heading.append(f"  {note.updated.replace('T', ' ')[:16]}", style="dim")
    console.print(heading)
    for paragraph in note.text.splitlines():
        console.print(Text("    " + paragraph))

"""How notes and bookmarks show inside other widgets: a mark on list rows, a section in the detail.

Kept apart from the panes so they need only a line each: the pane asks `row_mark()` for the
prefix of a row and `note_section()` for the detail's lines, with the notes it was handed (a
`NoteLookup`: the notes as last read, no file access per row). Note text is the user's own and
is shown through `Content`, never parsed as markup.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from explorer.data import Ref
from explorer.data.notes import Note
from explorer.services import NoteLookup

BOOKMARK_MARK = "★"
NOTE_MARK = "✎"


def marks(note: Note | None) -> str:
    """ "★", "✎", "★✎" or "" for an item's note."""
    if note is None:
        return ""
    return (BOOKMARK_MARK if note.bookmark else "") + (NOTE_MARK if note.text.strip() else "")


def row_mark(store: NoteLookup | None, ref: Ref) -> Content | None:
    """The prefix of a list row: the item's marks and a space, or None when it has none."""
    found = marks(store.get(ref)) if store is not None else ""
    return Content.styled(found + " ", "bold $warning") if found else None


def _printable(line: str) -> str:
    """One line of the user's text without control codes (tabs become spaces)."""
    return "".join(c if c.isprintable() else " " for c in line.replace("\t", "    "))


def note_lines(text: str, limit: int | None = None) -> list[str]:
    """The note's lines as they can be shown, cut to `limit` lines with an ellipsis."""
    lines = [_printable(line) for line in text.rstrip().split("\n")]
    if limit is not None and len(lines) > limit:
        lines = [*lines[:limit], "…"]
    return lines


def note_section(store: NoteLookup | None, ref: Ref) -> list[Option | None]:
    """The detail pane's lines about the user's note and bookmark on `ref` (none if neither)."""
    note = store.get(ref) if store is not None else None
    if note is None:
        return []
    options: list[Option | None] = [
        Option(Content.assemble("\n", ("Your note", "bold $text-accent")), disabled=True)
    ]
    if note.bookmark:
        options.append(
            Option(Content.styled(f"{BOOKMARK_MARK} bookmarked", "bold $warning"), disabled=True)
        )
    if note.text.strip():
        for index, line in enumerate(note_lines(note.text)):
            prefix = f"{NOTE_MARK} " if index == 0 else "  "
            options.append(Option(Content.assemble((prefix, "dim"), line), disabled=True))
    return options

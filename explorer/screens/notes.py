"""The Notes screen: every note and bookmark, newest first, orphaned ones included.

Enter goes to the item; `n` edits its note, `m` toggles its bookmark, `d` deletes both after
asking. The list is read again from the notes file whenever the screen shows and when the
file changes (another explorer saving), so it is never stale for long.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from explorer import keymap
from explorer.data import Corpus, Ref
from explorer.data.notes import Note, NotesError, NotesStore
from explorer.screens.closing import unless_closed
from explorer.screens.confirm import ConfirmScreen
from explorer.services import Navigation, NoteKeeping
from explorer.widgets.hints import FittedFooter
from explorer.widgets.keys import LIST_KEYS
from explorer.widgets.note_marks import BOOKMARK_MARK, note_lines
from explorer.widgets.option_list import PagedOptionList
from explorer.widgets.rows import KIND_NAMES, literal, ref_label

PREVIEW_LINES = 3


def note_label(corpus: Corpus, note: Note, limit: int = 80) -> str:
    """The item's label now, or the one saved with the note when the item is gone."""
    if note.ref in corpus:
        return ref_label(corpus, note.ref, limit)
    return literal(note.label or note.ref.id, limit)


class NotesList(PagedOptionList):
    """One option a note: marks, kind and label, then the first lines of the text."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *LIST_KEYS,
        keymap.binding("notes.go"),
    ]


class NotesScreen(Screen[None]):
    """Every note and bookmark; Enter goes to the item, d deletes after confirmation."""

    CSS_PATH = "notes.tcss"

    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings(
        "notes.close", "notes.edit", "notes.bookmark", "notes.delete"
    )
    HELP_CONTEXTS: ClassVar[tuple[str, ...]] = ("notes",)

    def __init__(
        self, corpus: Corpus, store: NotesStore, keeping: NoteKeeping, navigation: Navigation
    ) -> None:
        super().__init__()
        self.corpus = corpus
        self.store = store
        self.keeping = keeping  # editing and bookmarking, with the app's messages and redraws
        self.navigation = navigation
        self.notes: list[Note] = []

    def compose(self) -> ComposeResult:
        yield Static(id="notes-title")
        yield Static(id="notes-problem")
        yield NotesList(markup=False, id="notes-list")
        yield FittedFooter()

    @property
    def notes_list(self) -> NotesList:
        return self.query_one(NotesList)

    @property
    def current(self) -> Note | None:
        index = self.notes_list.highlighted
        if index is None or not 0 <= index < len(self.notes):
            return None
        return self.notes[index]

    @property
    def current_ref(self) -> Ref | None:
        """The item of the highlighted note (what `n` and `m` act on)."""
        note = self.current
        return note.ref if note is not None else None

    @unless_closed
    def on_mount(self) -> None:
        self.reload()
        self.notes_list.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self, keep: Ref | None = None) -> None:
        """Read the notes file again (if it changed) and redraw, the cursor kept on `keep`."""
        if not self.is_attached:  # closed meanwhile (keys typed fast): nothing to redraw
            return
        keep = keep or self.current_ref
        self.notes = self.store.notes()
        options: list[Option | None] = [self._option(note) for note in self.notes]
        if not options:
            options = [
                Option(
                    Content.styled(
                        "No notes or bookmarks yet. On the main screen, m bookmarks the item "
                        "under the cursor and n writes a note on it.",
                        "dim italic",
                    ),
                    disabled=True,
                )
            ]
        self.notes_list.set_options(options)
        refs = [note.ref for note in self.notes]
        if refs:
            self.notes_list.highlighted = refs.index(keep) if keep in refs else 0
        orphans = sum(note.ref not in self.corpus for note in self.notes)
        bookmarks = sum(note.bookmark for note in self.notes)
        title = Content.assemble(
            ("Notes and bookmarks", "bold"),
            f"  {len(self.notes)} item(s), {bookmarks} bookmarked",
            (f", {orphans} orphaned" if orphans else "", "$warning"),
            ("   ", ""),
            (str(self.store.path), "dim"),
        )
        self.query_one("#notes-title", Static).update(title)
        problem = self.query_one("#notes-problem", Static)
        problem.update(Content(str(self.store.problem)) if self.store.problem else Content(""))
        problem.set_class(self.store.problem is not None, "-shown")

    def _option(self, note: Note) -> Option:
        orphaned = note.ref not in self.corpus
        heading = Content.assemble(
            (f"{BOOKMARK_MARK} " if note.bookmark else "  ", "bold $warning"),
            (f"{KIND_NAMES[note.ref.kind]:<8}", "dim"),
            (note_label(self.corpus, note), "bold"),
            ("  orphaned: no longer in the data" if orphaned else "", "bold $error"),
            (f"  {note.updated.replace('T', ' ')[:16]}", "dim"),
        )
        lines = note_lines(note.text, PREVIEW_LINES) if note.text.strip() else []
        body = [Content.assemble("\n", ("    ", ""), (line, "")) for line in lines]
        return Option(Content.assemble(heading, *body), id=str(note.ref))

    # -- actions --------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # Enter or a click on a note
        self.action_go()

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_go(self) -> None:
        note = self.current
        if note is None:
            return
        if note.ref not in self.corpus:
            self.notify(
                f"{note_label(self.corpus, note, 60)} is no longer in the data "
                "(orphaned); its note is kept here.",
                severity="warning",
                markup=False,
            )
            return
        self.navigation.goto(note.ref)

    def action_edit(self) -> None:
        note = self.current
        if note is not None:
            self.keeping.open_note_editor(note.ref, note_label(self.corpus, note, 200))

    def action_bookmark(self) -> None:
        note = self.current
        if note is not None:
            self.keeping.toggle_bookmark(note.ref, note_label(self.corpus, note, 200))
            self.reload(keep=note.ref)

    def action_delete(self) -> None:
        note = self.current
        if note is None:
            return
        what = (
            "note and bookmark"
            if note.bookmark and note.text.strip()
            else ("bookmark" if note.bookmark else "note")
        )
        question = Content.assemble(
            f"Delete the {what} on ", (note_label(self.corpus, note, 60), "bold"), "?"
        )

        def answered(delete: bool | None) -> None:
            if not delete:
                return
            try:
                self.store.delete(note.ref)
            except NotesError as failure:
                self.notify(str(failure), title="Not deleted", severity="error", markup=False)
                return
            self.notify(f"Deleted the {what}.", markup=False)
            self.reload()
            self.keeping.refresh_notes()

        self.app.push_screen(ConfirmScreen(question, yes="Delete", no="Keep"), answered)

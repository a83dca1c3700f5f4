"""The note editor: a TextArea in a modal, over whatever screen the user was on.

Ctrl+S saves through the notes store and closes only once the note is on disk; when the
save fails (full disk, no permission, a damaged or busy notes file, or the note changed in
another explorer meanwhile) the editor stays open with the text as typed and says why.
Esc closes, asking first when the text was changed; so does anything else that would leave
the editor with unsaved text (quitting, a jump from the palette, back and forward): the app
asks `unsaved` and `ask_to_discard` before it goes (see `NoteActions.leave_unsaved_then`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from explorer import keymap
from explorer.data import Ref
from explorer.data.notes import NoteConflict, NotesError, NotesStore
from explorer.data.text import clean_text
from explorer.screens.closing import unless_closed
from explorer.screens.confirm import ConfirmScreen
from explorer.widgets.hints import FittedFooter
from explorer.widgets.rows import KIND_NAMES, literal

HINT = "Ctrl+S saves · Esc cancels"


class NoteText(TextArea):
    """The note's text area: pasted text arrives cleaned of control codes (a paste could
    otherwise carry escape sequences to the terminal as the area draws them)."""

    def on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # instead of TextArea's own paste, which keeps them
        if self.read_only:
            return
        result = self.replace(clean_text(event.text), *self.selection)
        self.move_cursor(result.end_location)


class NoteEditor(ModalScreen[bool]):
    """Edit the note on one item; dismisses True when saved, False when cancelled."""

    CSS_PATH = "notes.tcss"

    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings("editor.save", "editor.cancel")
    HELP_CONTEXTS: ClassVar[tuple[str, ...]] = ("editor",)

    def __init__(self, store: NotesStore, ref: Ref, label: str) -> None:
        super().__init__()
        self.store = store
        self.ref = ref
        self.label = label
        note = store.get(ref)
        self.original = note.text if note is not None else ""
        # The text the save expects to replace: another explorer changing the note since
        # it was opened makes the save a conflict to resolve, not a silent overwrite.
        self.base = self.original
        self.discarded = False  # the user chose to drop the changes: nothing left to ask
        self._asking = False  # the discard question is on the screen

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box") as box:
            box.border_title = Content.assemble(
                "Note on ", (KIND_NAMES[self.ref.kind], "bold"), ": ", literal(self.label, 60)
            )
            box.border_subtitle = HINT
            yield NoteText(self.original, soft_wrap=True, id="note-text")
            yield Static(id="note-status")  # shown only to say why a save failed
        yield FittedFooter()

    @property
    def text_area(self) -> TextArea:
        return self.query_one("#note-text", TextArea)

    @property
    def text(self) -> str:
        return self.text_area.text

    @property
    def status(self) -> Static:
        return self.query_one("#note-status", Static)

    @property
    def unsaved(self) -> bool:
        """Whether leaving now would lose text the user typed."""
        if self.discarded:
            return False
        try:
            text = self.text
        except NoMatches:  # not composed yet, or already torn down: nothing typed here
            return False
        return text.rstrip() != self.original.rstrip()

    @unless_closed
    def on_mount(self) -> None:
        # Keys typed fast can close the editor before it mounts: then there is no text area.
        for area in self.query("#note-text").results(TextArea):
            area.focus()
            area.move_cursor(area.document.end)

    def action_save(self) -> None:
        text = self.text.rstrip()
        try:
            self.store.save_text(self.ref, text, label=self.label, expected=self.base)
        except NoteConflict as conflict:
            theirs = conflict.current.text if conflict.current is not None else ""
            self.base = theirs
            self.show_problem(
                "This note was changed in another explorer since you opened it. "
                "Your text is still here; Ctrl+S again saves it over theirs, Esc keeps theirs."
                + (f"\nTheirs: {literal(theirs, 200)}" if theirs else "\nTheirs: (deleted)")
            )
            return
        except NotesError as failure:
            self.show_problem(f"Not saved: {failure}\nYour text is still here.")
            return
        self.dismiss(True)

    def show_problem(self, message: str) -> None:
        self.status.update(Content.styled(message, "bold $error"))
        self.status.add_class("-problem")
        self.app.bell()

    def action_cancel(self) -> None:
        self.ask_to_discard(self._close)

    def _close(self) -> None:
        if self.is_active:  # still on top: not already gone (keys typed fast)
            self.dismiss(False)

    def ask_to_discard(self, then: Callable[[], None]) -> None:
        """Run `then` at once when nothing is unsaved, else only once the user says discard."""
        if not self.unsaved:
            then()
            return
        if self._asking:  # the question is already on the screen
            self.app.bell()
            return

        def answered(discard: bool | None) -> None:
            self._asking = False
            if discard:
                self.discarded = True
                then()

        self._asking = True
        self.app.push_screen(
            ConfirmScreen("Discard your changes to this note?", yes="Discard", no="Keep editing"),
            answered,
        )

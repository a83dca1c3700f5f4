"""The app's side of notes: `m` bookmarks, `n` writes a note, `b` lists them all.

`NoteActions` is one of the app's parts: it owns the notes store (the user's file, opened when
first used) and what the keys do with it, and keeps every mark and note on screen fresh. The
notes are read again from their file, when it changed, on every key and whenever the terminal
regains focus (`check_notes`): a note saved by another explorer (or `explorer note`) shows
without a restart. A failed save never loses text: the editor stays open with it (see
`NoteEditor`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

# The screens and the notes file's machinery load when first used: the app's first frame must
# not wait for them.
if TYPE_CHECKING:
    from textual.app import App

    from explorer.data import Corpus, Ref
    from explorer.data.notes import Note, NotesStore
    from explorer.navigator import Navigator
    from explorer.widgets.detail_pane import DetailPane


class NoteActions:
    """The note and bookmark actions, and keeping what shows of notes fresh."""

    def __init__(
        self,
        app: App[None],
        navigator: Navigator,
        corpus: Callable[[], Corpus],
        store: NotesStore | None = None,
    ) -> None:
        self._app = app
        self._navigator = navigator
        self._corpus = corpus
        self._store = store

    @property
    def store(self) -> NotesStore:
        """The user's notes: the file given, or the default one, opened when first used."""
        if self._store is None:
            from explorer.data.notes import NotesStore

            self._store = NotesStore()
        return self._store

    def get(self, ref: Ref) -> Note | None:
        """The note on `ref` as last read (what a list row or the detail pane shows)."""
        return self.store.get(ref)

    # -- what the keys act on -------------------------------------------------------------

    def note_target(self) -> Ref | None:
        """The item under the cursor: the main screen's current item, or another screen's."""
        from explorer.data import Ref
        from explorer.screens.main import MainScreen

        screen = self._app.screen
        if isinstance(screen, MainScreen):
            return screen.current
        ref = getattr(screen, "current_ref", None)
        return ref if isinstance(ref, Ref) else None

    def note_label(self, ref: Ref) -> str:
        from explorer.describe import item_title

        item = self._corpus().get(ref)
        return item_title(item) if item is not None else ref.id

    # -- actions --------------------------------------------------------------------------

    def bookmark_here(self) -> None:
        """Flip the bookmark on the item under the cursor (a bell when there is none)."""
        ref = self.note_target()
        if ref is None:
            self._app.bell()
            return
        self.toggle_bookmark(ref, self.note_label(ref))

    def note_here(self) -> None:
        """The editor on the note of the item under the cursor (a bell when there is none)."""
        ref = self.note_target()
        if ref is None:
            self._app.bell()
            return
        self.open_note_editor(ref, self.note_label(ref))

    def show_notes(self) -> None:
        """The list of every note and bookmark."""
        from explorer.screens.notes import NotesScreen

        if not isinstance(self._app.screen, NotesScreen):
            self._app.push_screen(NotesScreen(self._corpus(), self.store, self, self._navigator))

    def toggle_bookmark(self, ref: Ref, label: str) -> None:
        """Flip the bookmark the user sees on `ref` (as the file has it now)."""
        from explorer.data.notes import NotesError
        from explorer.widgets.rows import literal

        store = self.store
        store.refresh()
        note = store.get(ref)
        on = not (note is not None and note.bookmark)
        try:
            store.set_bookmark(ref, on, label=label)
        except NotesError as failure:
            self._app.notify(
                str(failure), title="Bookmark not saved", severity="error", markup=False
            )
            return
        verb = "Bookmarked" if on else "Bookmark removed:"
        self._app.notify(f"{verb} {literal(label, 60)}", markup=False)
        self.refresh_notes()

    def open_note_editor(self, ref: Ref, label: str) -> None:
        """The editor on `ref`'s note, unless the notes file is read-only (then say why)."""
        from explorer.screens.note_editor import NoteEditor

        store = self.store
        store.refresh()
        if store.problem is not None:
            self._app.notify(
                str(store.problem),
                title="Notes are read-only",
                severity="error",
                markup=False,
                timeout=20,
            )
            return

        def closed(saved: bool | None) -> None:
            if saved:
                note = store.get(ref)
                said = "Note saved." if note is not None and note.text else "Note removed."
                self._app.notify(said, markup=False)
            self.refresh_notes()

        self._app.push_screen(NoteEditor(store, ref, label), closed)

    # -- keeping the screens fresh --------------------------------------------------------

    def refresh_notes(self) -> None:
        """Redraw every mark and note from the notes as last read."""
        from explorer.screens.main import MainScreen
        from explorer.screens.notes import NotesScreen

        main = self._app.screen_stack[0]
        if isinstance(main, MainScreen) and main.is_mounted:
            for pane in main.panes:
                pane.refresh_notes()
            redraw_detail(main.detail, main.current)
        top = self._app.screen
        if isinstance(top, NotesScreen):
            top.reload()

    def check_notes(self) -> None:
        """Re-read the notes file if it changed on disk (another explorer saved) and show it."""
        changed = self.store.refresh()
        if changed:
            self.refresh_notes()


def notes_file(path: Path | None) -> NotesStore | None:
    """The notes store of `--notes FILE` (None: the default file, opened when first used)."""
    if path is None:
        return None
    from explorer.data.notes import NotesStore

    return NotesStore(path)


def redraw_detail(detail: DetailPane, ref: Ref | None) -> None:
    """Show `ref` again in the detail pane, the cursor kept on the same link if it had one."""
    index = detail.highlighted
    link = detail.link_at(index) if index is not None and index < detail.option_count else None
    detail.show(ref)
    if link is not None and detail.has_focus:
        for position in range(detail.option_count):
            if detail.link_at(position) == link:
                detail.highlighted = position
                break

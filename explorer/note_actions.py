"""The app's side of notes: `m` bookmarks, `n` writes a note, `b` lists them all.

An app mixin (list it before `App`), so the app module only declares the keys. The notes are
read again from their file, when it changed, on every key and whenever the terminal regains
focus: a note saved by another explorer (or `explorer note`) shows without a restart. A
failed save never loses text: the editor stays open with it (see `NoteEditor`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events

# The screens and the notes file's machinery load when first used (see ExplorerApp.notes):
# the app's first frame must not wait for them.
if TYPE_CHECKING:
    from explorer.data import Corpus, Ref
    from explorer.data.notes import NotesStore
    from explorer.widgets.detail_pane import DetailPane


class NoteActions:
    """App mixin: the note and bookmark actions, and keeping what shows of notes fresh."""

    notes: NotesStore
    corpus: Corpus

    # -- what the keys act on -------------------------------------------------------------

    def note_target(self) -> Ref | None:
        """The item under the cursor: the main screen's current item, or another screen's."""
        from explorer.data import Ref
        from explorer.screens.main import MainScreen

        screen = self.screen  # type: ignore[attr-defined]
        if isinstance(screen, MainScreen):
            return screen.current
        ref = getattr(screen, "current_ref", None)
        return ref if isinstance(ref, Ref) else None

    def note_label(self, ref: Ref) -> str:
        from explorer.describe import item_title

        item = self.corpus.get(ref)
        return item_title(item) if item is not None else ref.id

    # -- actions --------------------------------------------------------------------------

    def action_bookmark(self) -> None:
        ref = self.note_target()
        if ref is None:
            self.bell()  # type: ignore[attr-defined]
            return
        self.toggle_bookmark(ref, self.note_label(ref))

    def action_note(self) -> None:
        ref = self.note_target()
        if ref is None:
            self.bell()  # type: ignore[attr-defined]
            return
        self.open_note_editor(ref, self.note_label(ref))

    def action_notes(self) -> None:
        from explorer.screens.notes import NotesScreen

        if not isinstance(self.screen, NotesScreen):  # type: ignore[attr-defined]
            self.push_screen(NotesScreen(self.corpus, self.notes))  # type: ignore[attr-defined]

    def toggle_bookmark(self, ref: Ref, label: str) -> None:
        """Flip the bookmark the user sees on `ref` (as the file has it now)."""
        from explorer.data.notes import NotesError
        from explorer.widgets.rows import literal

        self.notes.refresh()
        note = self.notes.get(ref)
        on = not (note is not None and note.bookmark)
        try:
            self.notes.set_bookmark(ref, on, label=label)
        except NotesError as failure:
            self.notify(  # type: ignore[attr-defined]
                str(failure), title="Bookmark not saved", severity="error", markup=False
            )
            return
        verb = "Bookmarked" if on else "Bookmark removed:"
        self.notify(f"{verb} {literal(label, 60)}", markup=False)  # type: ignore[attr-defined]
        self.refresh_notes()

    def open_note_editor(self, ref: Ref, label: str) -> None:
        """The editor on `ref`'s note, unless the notes file is read-only (then say why)."""
        from explorer.screens.note_editor import NoteEditor

        self.notes.refresh()
        if self.notes.problem is not None:
            self.notify(  # type: ignore[attr-defined]
                str(self.notes.problem),
                title="Notes are read-only",
                severity="error",
                markup=False,
                timeout=20,
            )
            return

        def closed(saved: bool | None) -> None:
            if saved:
                note = self.notes.get(ref)
                said = "Note saved." if note is not None and note.text else "Note removed."
                self.notify(said, markup=False)  # type: ignore[attr-defined]
            self.refresh_notes()

        self.push_screen(NoteEditor(self.notes, ref, label), closed)  # type: ignore[attr-defined]

    def leave_unsaved_then(self, then: Callable[[], None]) -> None:
        """Run `then` (which leaves the screens on top); first, when one of them holds text
        not yet saved (the note editor), ask whether to discard it, and go only if so."""
        for screen in reversed(self.screen_stack):  # type: ignore[attr-defined]
            if getattr(screen, "unsaved", False):
                screen.ask_to_discard(then)
                return
        then()

    # -- keeping the screens fresh --------------------------------------------------------

    def refresh_notes(self) -> None:
        """Redraw every mark and note from the notes as last read."""
        from explorer.screens.main import MainScreen
        from explorer.screens.notes import NotesScreen

        main = self.screen_stack[0]  # type: ignore[attr-defined]
        if isinstance(main, MainScreen) and main.is_mounted:
            for pane in main.panes:
                pane.refresh_notes()
            redraw_detail(main.detail, main.current)
        top = self.screen  # type: ignore[attr-defined]
        if isinstance(top, NotesScreen):
            top.reload()

    def check_notes(self) -> None:
        """Re-read the notes file if it changed on disk (another explorer saved) and show it."""
        changed = self.notes.refresh()
        if changed:
            self.refresh_notes()

    def on_app_focus(self, event: events.AppFocus) -> None:
        self.check_notes()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            self.check_notes()  # one stat of the notes file; re-read only when it changed
        await super().on_event(event)  # type: ignore[misc]


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

"""The explorer app: built by `build_app(corpus)`, run by `run(db)` (the `explorer` command).

Every key of the app is declared in `ExplorerApp.BINDINGS` below (movement inside a pane is
in `widgets/item_pane.py` and `widgets/detail_pane.py`). History lives here: `goto(ref)` is
the one way to jump, so every jump is recorded; screens added later record their own visits
with `visit()` and say how to return to them with `register_visit_handler()`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from explorer.commands.common import EXIT_BAD_INPUT, EXIT_OK, error, load_corpus
from explorer.corpus_view import CorpusActions, article_commands
from explorer.data.errors import ExplorerError
from explorer.history import MAIN, History, Visit
from explorer.note_actions import NoteActions
from explorer.screen_capture import ScreenCapture
from explorer.screens.provenance import ProvenanceNavigation

# What only the data needs loads with it, after the first frame (the loading screen): the
# main screen and its widgets, the notes file's machinery, the palette's commands.
if TYPE_CHECKING:
    from textual.command import Provider

    from explorer.data import Corpus, Ref
    from explorer.data.notes import NotesStore
    from explorer.screens.main import MainScreen


def item_commands() -> type[Provider]:
    """The palette's item commands (for `App.COMMANDS`; loaded when the palette opens)."""
    from explorer.palette import ItemCommands

    return ItemCommands


CRUMB_CHARS = 28


class ExplorerApp(CorpusActions, NoteActions, ScreenCapture, ProvenanceNavigation, App[None]):
    """Linked panes over one corpus, with browser-like history."""

    TITLE = "explorer"
    CSS_PATH = "app.tcss"
    COMMANDS: ClassVar = App.COMMANDS | {item_commands, article_commands}

    # Keys used by the app. Reserved for features built on it (do not take them for other
    # uses): "/" quote search, "a" article reader, "t" timeline, "m" bookmark, "n"/"N" note
    # and next/previous match, "d" delete, "f" article filter.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help", key_display="?"),
        Binding("q", "quit", "Quit", show=False),
        Binding("1", "focus_pane(0)", "Actors", show=False),
        Binding("2", "focus_pane(1)", "Meetings", show=False),
        Binding("3", "focus_pane(2)", "Quotes", show=False),
        Binding("4", "focus_pane(3)", "Detail", show=False),
        Binding("r", "toggle_related", "Related/only", tooltip="Related items first, or only them"),
        Binding("a", "reader", "Article", tooltip="Read the article where it names this item"),
        Binding("t", "timeline", "Timeline", tooltip="Meetings in date order"),
        # Notes: in help.md, not the footer (already full at 80 columns).
        Binding("m", "bookmark", "Bookmark", show=False),
        Binding("n", "note", "Note", show=False),
        Binding("b", "notes", "Notes", show=False),
        Binding("left_square_bracket,backspace,alt+left", "back", "Back", key_display="["),
        Binding("right_square_bracket,alt+right", "forward", "Fwd", key_display="]"),
        # Many articles (corpus_view.py): f shows one article or all, Ctrl+E exports the view.
        Binding("f", "filter_articles", "Articles", show=False),
        Binding("ctrl+e", "export", "Export", show=False),
    ]

    def __init__(
        self,
        corpus: Corpus | None,
        *,
        history_size: int = 100,
        notes: NotesStore | None = None,
        loader: Callable[[], Corpus] | None = None,
    ) -> None:
        super().__init__()
        self._corpus = corpus
        self.loader = loader  # when given, `corpus` is a stand-in until it has loaded
        self._notes = notes  # the user's notes file (the default one opens when first used)
        self.history = History(history_size)
        self.visit_handlers: dict[str, Callable[[Visit], None]] = {}

    @property
    def corpus(self) -> Corpus:
        """The data shown; with a `loader`, an empty stand-in until it has loaded (made when
        first asked for, so the first frame does not wait for the data layer's import)."""
        if self._corpus is None:
            from explorer.data import Corpus, Loaded

            self._corpus = Corpus(Loaded([], [], [], []))
        return self._corpus

    @corpus.setter
    def corpus(self, corpus: Corpus) -> None:
        self._corpus = corpus

    @property
    def notes(self) -> NotesStore:
        """The user's notes: the file given, or the default one, opened when first used."""
        if self._notes is None:
            from explorer.data.notes import NotesStore

            self._notes = NotesStore()
        return self._notes

    def get_default_screen(self) -> Screen:
        if self.loader is not None:
            return self.loading_screen()
        from explorer.screens.main import MainScreen

        return MainScreen(self.corpus)

    @property
    def main(self) -> MainScreen:
        """The main screen, always at the bottom of the stack."""
        from explorer.screens.main import MainScreen

        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    # -- jumping and history --------------------------------------------------------------

    def goto(self, ref: Ref) -> bool:
        """Select `ref` in its pane and focus it, recording the jump in the history."""
        if ref not in self.corpus:
            self.notify(f"No such item: {ref}", severity="warning", markup=False)
            return False
        self.visit(Visit(ref))
        return True

    def visit(self, visit: Visit) -> None:
        """Go to `visit` and record it, with the place the user is leaving (a note being
        written is not left without asking, as for every jump below)."""
        self.leave_unsaved_then(partial(self._visit, visit))

    def _visit(self, visit: Visit) -> None:
        self._remember_here()
        self.history.visit(visit)
        self._show(visit)

    def action_back(self) -> None:
        self.leave_unsaved_then(self._back)

    def _back(self) -> None:
        self._remember_here()
        if self.history.back() and self.history.current is not None:
            self._show(self.history.current)
        else:
            self.bell()

    def action_forward(self) -> None:
        self.leave_unsaved_then(self._forward)

    def _forward(self) -> None:
        if self.history.forward() and self.history.current is not None:
            self._show(self.history.current)
        else:
            self.bell()

    def go_history(self, index: int) -> None:
        """Go to history entry `index` (a crumb clicked)."""
        self.leave_unsaved_then(partial(self._go_history, index))

    def _go_history(self, index: int) -> None:
        if self.history.go(index) and self.history.current is not None:
            self._show(self.history.current)

    def register_visit_handler(self, screen: str, handler: Callable[[Visit], None]) -> None:
        """Say how to show a visit of another screen when back/forward lands on it."""
        self.visit_handlers[screen] = handler

    def location(self) -> Visit | None:
        """Where the user is now: the top screen's own idea of it, if it has one."""
        locate = getattr(self.screen, "location", None)
        return locate() if callable(locate) else self.main.location()

    def _remember_here(self) -> None:
        here = self.location()
        if here is not None and here != self.history.current:
            self.history.visit(here)

    def _show(self, visit: Visit) -> None:
        if visit.screen == MAIN:
            while len(self.screen_stack) > 1:
                self.pop_screen()
            if visit.ref is not None:
                self.main.select(visit.ref)
        else:
            handler = self.visit_handlers.get(visit.screen)
            if handler is not None:
                handler(visit)
        self._update_trail()

    def _update_trail(self) -> None:
        labels = [self._crumb(visit) for visit in self.history]
        self.main.show_trail(labels, self.history.index)

    def _crumb(self, visit: Visit) -> str:
        from explorer.widgets.rows import ref_label

        label = ref_label(self.corpus, visit.ref, CRUMB_CHARS) if visit.ref else ""
        if visit.screen != MAIN:
            return f"{visit.screen.capitalize()}: {label}" if label else visit.screen.capitalize()
        return label

    # -- keys -----------------------------------------------------------------------------

    def action_command_palette(self) -> None:
        """The palette (Ctrl+P): Textual's, with the fixes of `explorer.palette.Palette`."""
        from textual.command import CommandPalette

        from explorer.palette import Palette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(Palette(id="--command-palette"))

    async def action_quit(self) -> None:
        """Quit (q, Ctrl+Q), once the user has said what to do with a note being written."""
        self.leave_unsaved_then(self.exit)

    def action_help(self) -> None:
        # Imported here: Markdown is slow to import, and the first frame must not wait for it.
        from explorer.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def _to_main(self) -> MainScreen:
        while len(self.screen_stack) > 1:
            self.pop_screen()
        return self.main

    def action_focus_pane(self, index: int) -> None:
        self.leave_unsaved_then(lambda: self._to_main().focus_pane(index))

    def action_toggle_related(self) -> None:
        self.leave_unsaved_then(lambda: self._to_main().toggle_related())


def build_app(
    corpus: Corpus | None,
    *,
    history_size: int = 100,
    notes: NotesStore | None = None,
    loader: Callable[[], Corpus] | None = None,
) -> ExplorerApp:
    """The app over a corpus: the database file's, or a small one built by a test. With a
    `loader`, the app paints at once and loads in the background (`corpus` stands in)."""
    return ExplorerApp(corpus, history_size=history_size, notes=notes, loader=loader)


def run(db: Path | None, notes: Path | None = None) -> int:
    """Run the app until quit; the corpus (the default seed when `db` is None) loads in the
    background behind a first frame that does not wait for it."""
    if db is not None and not db.is_file():
        try:
            load_corpus(db)  # the same clear message, before any screen is drawn
        except ExplorerError as failure:
            error(str(failure))
            return EXIT_BAD_INPUT
    store = None
    if notes is not None:
        from explorer.data.notes import NotesStore

        store = NotesStore(notes)
    app = build_app(
        None,
        notes=store,
        loader=partial(load_corpus, db),
    )
    app.load_source = str(db) if db is not None else "the default database"
    app.run()
    if app.load_error is not None:
        error(app.load_error)
        return EXIT_BAD_INPUT
    # Non-zero when the app ended on an error (Textual has printed its traceback).
    return app.return_code or EXIT_OK

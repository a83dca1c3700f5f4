"""The explorer app: built by `build_app(corpus)`, run by `run(db)` (the `explorer` command).

Every key of the app is declared in `ExplorerApp.BINDINGS` below (movement inside a pane is
in `widgets/item_pane.py` and `widgets/detail_pane.py`); each action hands the key to the part
that does the work. The app is composed of parts with one job each, made in `__init__`:

- `navigator` (`explorer/navigator.py`): the history and every jump (`goto(ref)`);
- `provenance` (`explorer/screens/provenance.py`): the article reader and the timeline;
- `network` (`explorer/screens/network_visits.py`): who met whom, the network screen;
- `note_actions` (`explorer/note_actions.py`): the notes store, bookmarks and notes;
- `corpus_view` (`explorer/corpus_view.py`): loading, the article filter, export;
- `capture` (`explorer/screen_capture.py`): the screen as SVG, when asked for;
- `idle_collect` (`explorer/idle_collect.py`): Python's full collections in the pauses
  between keys, and what a view keeps frozen once it is made.

Screens and widgets are handed the part they need (see `explorer/services.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import Input
from textual.worker import Worker, WorkerState

from explorer import keymap
from explorer.console import EXIT_BAD_INPUT, EXIT_OK, error
from explorer.corpus_view import CorpusView, article_commands
from explorer.data.errors import ExplorerError
from explorer.data.loading import load_corpus, load_indexed_corpus
from explorer.idle_collect import IdleCollector
from explorer.navigator import Navigator
from explorer.note_actions import NoteActions, notes_file
from explorer.screen_capture import ScreenCapture
from explorer.screens.network_visits import NetworkScreens
from explorer.screens.provenance import ProvenanceScreens

# What only the data needs loads with it, after the first frame (the loading screen): the
# main screen and its widgets, the notes file's machinery, the palette's commands.
if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.command import Provider

    from explorer.data import Corpus, Ref
    from explorer.data.notes import NotesStore
    from explorer.history import History
    from explorer.screens.main import MainScreen
    from explorer.widgets.provenance import OpenSentence, PlaceChanged


def item_commands() -> type[Provider]:
    """The palette's item commands (for `App.COMMANDS`; loaded when the palette opens)."""
    from explorer.palette import ItemCommands

    return ItemCommands


class ExplorerApp(App[None]):
    """Linked panes over one corpus, with browser-like history."""

    TITLE = "explorer"
    CSS_PATH = "app.tcss"
    COMMANDS: ClassVar = App.COMMANDS | {item_commands, article_commands}

    # Every key is declared in explorer/keymap.py (the table help is generated from).
    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings(
        *("app.help", "app.quit", "app.quit_ctrl", "app.back", "app.forward"),
        *("app.pane_actors", "app.pane_meetings", "app.pane_quotes", "app.pane_detail"),
        *("app.reader", "app.timeline", "app.network", "app.bookmark", "app.note", "app.notes"),
        *("app.articles", "app.export", "app.expectations"),
    )

    def __init__(
        self,
        corpus: Corpus | None,
        *,
        history_size: int = 100,
        notes: NotesStore | None = None,
        loader: Callable[[], Corpus] | None = None,
    ) -> None:
        super().__init__()
        self.navigator = Navigator(
            self, self._shown, history_size=history_size, names=lambda: self.full_corpus
        )
        self.note_actions = NoteActions(self, self.navigator, self._shown, notes)
        self.corpus_view = CorpusView(self, self.navigator, self.note_actions, corpus, loader)
        self.provenance = ProvenanceScreens(self, self.navigator, self._shown)
        self.network = NetworkScreens(self, self.navigator, self.provenance, self._shown)
        self.capture = ScreenCapture(self)
        self.idle_collect = IdleCollector(self._view_made, self._quiet)

    def _shown(self) -> Corpus:
        return self.corpus_view.corpus

    # -- what tests, the palette and the launcher read ------------------------------------

    @property
    def corpus(self) -> Corpus:
        """The items shown (one article's while the article filter is on; an empty stand-in
        until a `loader` has loaded)."""
        return self.corpus_view.corpus

    @property
    def full_corpus(self) -> Corpus:
        """Every article loaded, whatever the filter shows."""
        return self.corpus_view.full_corpus

    @property
    def notes(self) -> NotesStore:
        """The user's notes: the file given, or the default one, opened when first used."""
        return self.note_actions.store

    @property
    def history(self) -> History:
        return self.navigator.history

    @property
    def main(self) -> MainScreen:
        """The main screen, always at the bottom of the stack."""
        return self.navigator.main

    @property
    def article_filter(self) -> str | None:
        """The article every pane shows, or None for all."""
        return self.corpus_view.article_filter

    @property
    def data_ready(self) -> bool:
        """The panes show the data (not loading, not switching to a filtered view)."""
        return self.corpus_view.data_ready

    @property
    def load_error(self) -> str | None:
        """Why the corpus could not be loaded, once that has happened."""
        return self.corpus_view.load_error

    @property
    def load_source(self) -> str:
        """What the loader reads, for its error messages."""
        return self.corpus_view.load_source

    @load_source.setter
    def load_source(self, source: str) -> None:
        self.corpus_view.load_source = source

    def goto(self, ref: Ref) -> bool:
        """Select `ref` in its pane and focus it, recording the jump in the history."""
        return self.navigator.goto(ref)

    def filter_article(self, article: str | None) -> None:
        """Show one article's items in every pane (None: all of them)."""
        self.corpus_view.filter_article(article)

    def save_screen(self) -> Path | None:
        """Write the screen as SVG where EXPLORER_SCREENSHOT_DIR says (None when unset)."""
        return self.capture.save_screen()

    # -- the app's life -------------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        return self.corpus_view.first_screen()

    def on_mount(self) -> None:
        self.capture.start()
        self.idle_collect.start()

    def on_unmount(self) -> None:
        self.idle_collect.stop()

    def _working(self) -> bool:
        return any(
            worker.state in (WorkerState.PENDING, WorkerState.RUNNING) for worker in self.workers
        )

    def _quiet(self) -> bool:
        """Whether nothing is left to do: no worker running, no message waiting."""
        if self._working() or not self._message_queue.empty():
            return False
        return all(node._message_queue.empty() for node in self.screen.walk_children())

    def _view_made(self) -> bool:
        """Whether the view shown is all made: its data on screen, no background work left,
        the timeline and the article picker made ahead (what lives as long as the view)."""
        if not self.data_ready or self._working():
            return False
        picker_due = len(self.full_corpus.articles) > 1 and not self.corpus_view.picker_made
        return self.provenance.timeline_made and not picker_due

    def view_settled(self) -> None:
        """Background work of the view is done: keep what it made (see `IdleCollector`)."""
        self.idle_collect.keep()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state not in (WorkerState.PENDING, WorkerState.RUNNING):
            self.view_settled()

    def exit(
        self, result: None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        super().exit(result, self.corpus_view.exit_code(return_code), message)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that would do nothing now show dimmed (None), or not at all (False)."""
        if not self.corpus_view.allows(action):
            return False
        allowed = super().check_action(action, parameters)
        if not allowed:
            return allowed
        here = type(self.screen).__name__
        if (action, here) in (
            ("timeline", "TimelineScreen"),
            ("reader", "ReaderScreen"),
            ("network", "NetworkScreen"),
            ("expectations", "ExpectationsScreen"),
        ):
            return False  # already there
        if action == "back" and not self._can_back():
            return None
        if action == "forward" and not self.history.can_forward:
            return None
        return allowed

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not (self.is_running and self.screen_stack):
            # Typed as the app closes: its screens are gone, and Textual would look for one.
            return
        # Checked before the app handles the key: handling marks the event as forwarded.
        arrived = isinstance(event, events.Key) and not event.is_forwarded
        if arrived:
            self.idle_collect.activity()
            self.note_actions.check_notes()  # one stat of the notes file; re-read if changed
        if arrived and await self._run_line_binding(event):  # type: ignore[arg-type]
            self.capture.key_handled()
            return
        await super().on_event(event)
        if arrived or isinstance(event, events.Resize):
            # A resize redraws without a key: the footer fits its keys to the new width.
            self.capture.key_handled()

    async def _run_line_binding(self, event: events.Key) -> bool:
        """Run a line's own editing key (Ctrl+U, Ctrl+W, ...) as it arrives, in order.

        Textual runs a focused widget's binding only once the key has bubbled back up to
        the app, after the keys queued behind it have already reached the line: Ctrl+U then
        a fast "wang" left the line empty (the letters typed, then deleted).
        """
        line = self.focused
        if not isinstance(line, Input) or event.is_printable:
            return False
        # Deleting keys only: the others (Enter, the cursor keys) keep their turn behind keys
        # still bubbling up to the screen (a picker's Up, Up, Enter chooses the line Up reached).
        bindings = [
            binding
            for binding in line._bindings.key_to_bindings.get(event.key, [])
            if binding.action.startswith("delete_")
        ]
        if not bindings or await self._check_bindings(event.key, priority=True):
            return bool(bindings)
        event.stop()
        await self.run_action(bindings[0].action, line)
        return True

    def on_app_focus(self, event: events.AppFocus) -> None:
        self.note_actions.check_notes()

    def on_open_sentence(self, message: OpenSentence) -> None:
        self.provenance.open_sentence(message)

    def on_main_screen_timeline_prepared(self, message: MainScreen.TimelinePrepared) -> None:
        self.provenance.timeline_ahead(message.main)

    def on_place_changed(self, message: PlaceChanged) -> None:
        self.provenance.place_changed(message)

    # -- keys -----------------------------------------------------------------------------

    def _can_back(self) -> bool:
        current = self.history.current
        return self.history.can_back or (
            current is not None and self.navigator.location() != current
        )

    _history_hints: tuple[bool, bool] = (False, False)

    def refresh_history_hints(self) -> None:
        """Redraw the footer's [ and ] when whether they can go has changed (only then: a
        footer redrawn on every move of the cursor would slow every key)."""
        state = (self._can_back(), self.history.can_forward)
        if state != self._history_hints:
            self._history_hints = state
            self.refresh_bindings()

    def action_command_palette(self) -> None:
        """The palette (Ctrl+P): Textual's, with the fixes of `explorer.palette.Palette`."""
        from explorer.palette import Palette

        # `CommandPalette.is_open` is typed for App[object] alone; this is its test.
        palette_open = self.screen.has_class("--textual-command-palette")
        if self.use_command_palette and not palette_open:
            self.push_screen(Palette(id="--command-palette"))

    async def action_quit(self) -> None:
        """Quit (q, Ctrl+Q), once the user has said what to do with a note being written."""
        self.navigator.leave_unsaved_then(self.exit)

    def action_help(self) -> None:
        from explorer.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            first = getattr(self.screen, "HELP_CONTEXTS", ())
            places = [place for place in keymap.CONTEXTS if place != "review"]
            self.push_screen(HelpScreen(first, places, keymap.remapped(self)))

    def action_focus_pane(self, index: int) -> None:
        self.navigator.leave_unsaved_then(lambda: self.navigator.to_main().focus_pane(index))

    async def action_back(self) -> None:
        self.navigator.back()

    def action_forward(self) -> None:
        self.navigator.forward()

    def action_reader(self) -> None:
        self.provenance.open_reader()

    def action_timeline(self) -> None:
        self.provenance.open_timeline()

    def action_network(self) -> None:
        self.network.open_network()

    def action_expectations(self) -> None:
        self.provenance.open_expectations()

    def action_bookmark(self) -> None:
        self.note_actions.bookmark_here()

    def action_note(self) -> None:
        self.note_actions.note_here()

    def action_notes(self) -> None:
        self.note_actions.show_notes()

    def action_filter_articles(self) -> None:
        self.corpus_view.pick_article()

    def action_export(self) -> None:
        self.corpus_view.export()


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
    settings = keymap.read_settings()  # a bad config file is one message and exit 2 (cli.py)
    app = build_app(None, notes=notes_file(notes), loader=partial(load_indexed_corpus, db))
    keymap.apply_settings(app, settings)
    app.load_source = str(db) if db is not None else "the default database"
    app.run()
    if app.load_error is not None:
        error(app.load_error)
        return EXIT_BAD_INPUT
    # Non-zero when the app ended on an error (Textual has printed its traceback).
    return app.return_code or EXIT_OK

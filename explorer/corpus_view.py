"""Many articles in the app: loading in the background, the article filter, export (Ctrl+E).

`CorpusView` is one of the app's parts, and `LoadingScreen` its first frame:

- The corpus loads in a worker thread behind `LoadingScreen`, which paints at once: with a
  thousand articles the first frame does not wait for the data, nor for the modules that only
  the data needs (they load in the worker too). Until the data is in, only quitting, help
  and the palette act (`check_action`).
- `f` (or the palette's "Articles: …" commands) restricts every pane to one article, or shows
  all again: the app's corpus becomes that article's items (`article_corpus`), so the panes,
  the detail, the search, the reader and the timeline all follow. A status line under the
  panes says how many articles are loaded and which one is shown.
- Ctrl+E exports the current view (the filtered article, or all), asking for a format and a
  file; the export runs in a worker and replaces the file atomically.

The picker, the export dialog, the palette commands and the status line are in
`explorer/screens/articles.py`.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, LoadingIndicator

from explorer import SERVED_VARIABLE
from explorer.data.errors import ExplorerError

if TYPE_CHECKING:
    from textual.app import App
    from textual.command import Provider

    from explorer.data import Corpus
    from explorer.data.search import SearchIndex
    from explorer.navigator import Navigator
    from explorer.screens.articles import ArticlePicker
    from explorer.services import NoteLookup

SPINNER_FRAME = 1 / 16  # seconds between two frames of the spinner (Textual's own)

# The exit code when the data could not be loaded (bad input, as in the command line).
EXIT_LOAD_FAILED = 2

# Keys that still act while the data loads (everything else waits for it), and while the
# terminal is too small to show the panes.
WHILE_LOADING = frozenset({"quit", "help", "command_palette", "bell"})


class SearchIndexHolder:
    """The quote search index of one corpus, built once, by whichever thread first needs it
    (the loader's worker builds it as soon as the panes show)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._index: SearchIndex | None = None
        self._lock = threading.Lock()

    def get(self) -> SearchIndex:
        from explorer.data.index import search_engine

        with self._lock:
            if self._index is None:
                # The persisted index's engine for a corpus read from it; else built here.
                # It lives as long as the corpus: the app freezes it with the rest of the
                # view once the view is made (explorer/idle_collect.py).
                self._index = search_engine(self.corpus)
            return self._index

    @property
    def ready(self) -> bool:
        return self._index is not None


def article_corpus(corpus: Corpus, article_id: str) -> Corpus:
    """The items of one article as a corpus of their own (built from the indexes)."""
    from explorer.data import Corpus, Loaded

    refs = corpus.items_in_article.get(article_id, ())
    return Corpus(
        Loaded(
            [corpus.articles[article_id]],
            [corpus.actors[r.id] for r in refs if r.kind == "actor"],
            [corpus.meetings[r.id] for r in refs if r.kind == "meeting"],
            [corpus.quotes[r.id] for r in refs if r.kind == "quote"],
        )
    )


class LoadingScreen(Screen[None]):
    """The first frame: painted at once, while the corpus loads behind it."""

    # Styles live in their .tcss file, read as this screen's defaults (as they were inline).
    DEFAULT_CSS = Path(__file__).with_name("loading.tcss").read_text(encoding="utf-8")

    def __init__(self, what: str, start: Callable[[], None]) -> None:
        super().__init__()
        self.what = what
        self.failed = False
        self._start = start  # begins the load

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content(f"Loading {self.what}…"), id="loading-label")
            yield LoadingIndicator()
            yield Label(Content.styled("q quits", "dim"), id="loading-hint")

    def on_mount(self) -> None:
        # Start only once this frame is on the screen: the load must not delay it.
        self.call_after_refresh(self._start)

    def on_screen_suspend(self) -> None:
        # The data shows (the panes, in a mode of their own): the spinner left behind them
        # would redraw itself 16 times a second as long as the app runs, keys or not.
        for spinner in self.query(LoadingIndicator):
            spinner.auto_refresh = None

    def on_screen_resume(self) -> None:
        for spinner in self.query(LoadingIndicator):
            spinner.auto_refresh = SPINNER_FRAME

    def show_failure(self, message: str) -> None:
        """The load failed: say why, until a key quits."""
        self.failed = True
        self.add_class("-failed")
        self.query_one("#loading-label", Label).update(
            Content.assemble(("Could not load the articles\n\n", "bold $error"), message)
        )
        self.query_one("#loading-hint", Label).update(Content.styled("Any key quits", "bold"))

    def on_key(self, event: events.Key) -> None:
        if self.failed:
            event.stop()
            self.app.exit(return_code=EXIT_LOAD_FAILED)


def article_commands() -> type[Provider]:
    """The palette's "Articles:" commands (for `App.COMMANDS`; loaded when the palette opens)."""
    from explorer.screens.articles import ArticleCommands

    return ArticleCommands


class CorpusView:
    """Background loading, the article filter and the export dialog."""

    def __init__(
        self,
        app: App[None],
        navigator: Navigator,
        notes: NoteLookup,
        corpus: Corpus | None,
        loader: Callable[[], Corpus] | None,
    ) -> None:
        self._app = app
        self._navigator = navigator
        self._notes = notes
        self._corpus = corpus
        self.loader = loader  # when given, `corpus` is a stand-in until it has loaded
        self._full_corpus: Corpus | None = None
        self.load_error: str | None = None
        self.load_source = "the database"  # what the loader reads, for its error messages
        self.data_ready = True
        self.article_filter: str | None = None
        self.exiting = False  # quit was asked for: a load that lands now changes nothing
        self._views = 0
        self._picker: ArticlePicker | None = None  # kept between openings

    @property
    def corpus(self) -> Corpus:
        """The data shown; with a `loader`, an empty stand-in until it has loaded (made when
        first asked for, so the first frame does not wait for the data layer's import)."""
        if self._corpus is None:
            from explorer.data import Corpus, Loaded

            self._corpus = Corpus(Loaded([], [], [], []))
        return self._corpus

    @property
    def full_corpus(self) -> Corpus:
        """Every article loaded, whatever the filter shows."""
        return self._full_corpus if self._full_corpus is not None else self.corpus

    def first_screen(self) -> Screen[None]:
        """The app's default screen: the loading screen, or the panes over the corpus given."""
        if self.loader is not None:
            self.data_ready = False
            return LoadingScreen("the articles", self._load)
        return self._main_screen(self.corpus)

    def _main_screen(self, corpus: Corpus) -> Screen[None]:
        from explorer.screens.main import MainScreen

        search = SearchIndexHolder(corpus)
        screen = MainScreen(
            corpus,
            navigation=self._navigator,
            notes=self._notes,
            search=search,
            filtered=self.article_filter is not None,
        )
        # Ready before the first keystroke, on a large corpus too; off the UI thread.
        self._app.call_after_refresh(self._build_search_index, search)
        return screen

    def _build_search_index(self, search: SearchIndexHolder) -> None:
        if not self._quitting():
            self._app.run_worker(search.get, thread=True, group="search-index")

    # -- loading --------------------------------------------------------------------------

    def exit_code(self, return_code: int) -> int:
        """Quitting: the code to exit with (a failed load is a failure however the user quits);
        once the app has begun to close its screens, the load's arrival must not add one
        (Textual iterates them as it closes them)."""
        self.exiting = True
        if self.load_error is not None and return_code == 0:
            return EXIT_LOAD_FAILED
        return return_code

    def _quitting(self) -> bool:
        return self.exiting or not self._app.is_running

    def _load(self) -> None:
        self._app.run_worker(
            self._read, thread=True, exclusive=True, group="load", exit_on_error=False
        )

    def _read(self) -> None:
        """In the worker thread: read the corpus, and the modules that only the data needs."""
        loader = self.loader
        assert loader is not None
        try:
            corpus = loader()
        except ExplorerError as failure:
            self._app.call_from_thread(self._load_failed, str(failure))
            return
        except Exception as failure:
            # A database damaged in a way the data layer does not name still gets a message
            # on the loading screen rather than a traceback or a screen loading forever.
            message = (
                f"{self.load_source}: cannot be opened as an explorer database "
                f"({type(failure).__name__}: {failure}); rebuild it with `explorer import`"
            )
            self._app.call_from_thread(self._load_failed, message)
            return
        # The main screen's modules load here too, off the thread that draws, and the
        # panes' orders are read.
        import explorer.screens.main  # noqa: F401
        from explorer.widgets.item_pane import prepare_panes

        prepare_panes(corpus)

        self._app.call_from_thread(self._loaded, corpus)

    def _load_failed(self, message: str) -> None:
        """Say why on the loading screen; any key then quits with exit code 2."""
        if self._quitting():
            return
        self.load_error = message
        screen = self._app.screen
        if isinstance(screen, LoadingScreen):
            screen.show_failure(message)
        else:
            self._app.exit(return_code=EXIT_LOAD_FAILED)

    def _loaded(self, corpus: Corpus) -> None:
        if self._quitting():
            return
        self.loader = None
        # The corpus lives as long as the app: out of the collector's sight, a thousand
        # articles' objects no longer cost a 200 ms pause on a key every few seconds.
        gc.freeze()
        self._corpus = corpus
        self._full_corpus = corpus
        self._show_main(corpus)

    def _show_main(self, corpus: Corpus) -> None:
        """A fresh main screen over `corpus`, as the base of a screen stack of its own (a
        Textual mode), so that it is `screen_stack[0]` as the rest of the app expects."""
        if self._quitting():
            # A choice answered as the app closes (the picker's, as its screen is pruned):
            # a mode added now would change the screen stacks Textual is closing one by one.
            return
        app = self._app
        screen = self._main_screen(corpus)
        previous = app.current_mode
        self._views += 1
        mode = f"view-{self._views}"
        app.add_mode(mode, lambda: screen)
        app.switch_mode(mode)
        if previous != "_default":
            app.remove_mode(previous)
        app.call_after_refresh(self._after_main, screen)

    def _after_main(self, screen: Screen[None]) -> None:
        if self._quitting() or not screen.is_attached:
            return
        full = self.full_corpus
        if len(full.articles) > 1 or self.article_filter is not None:
            from explorer.screens.articles import CorpusStatus, status_text

            status = CorpusStatus(status_text(full, self.article_filter), id="corpus-status")
            footers = screen.query("Footer")
            screen.mount(status, before=footers.first() if footers else None)
        self.data_ready = True
        # The footer was drawn while the keys of the app waited for the data: draw it again.
        self._app.refresh_bindings()
        if len(full.articles) > 1:
            screen.call_after_refresh(self._picker_ahead, screen)

    def _picker_ahead(self, screen: Screen[None]) -> None:
        """Make the article picker now, while the panes are shown and nothing is typed, so
        the first `f` opens it as every later one does (composing, styling and laying out
        a new screen was most of the first `f`: about 80 ms of CPU at 1,000 articles). It is
        pushed and popped at once, in one batch: no frame shows it, and it is composed and
        laid out behind the panes, at the terminal's size."""
        app = self._app
        kept = self._picker
        if self._quitting() or app.screen is not screen or not screen.is_attached:
            return  # closing, or another screen opened already: `f` will make it
        if kept is not None and kept.corpus is self.full_corpus:
            return
        picker = self._picker_screen()
        with app.batch_update():
            app.push_screen(picker)
            app.pop_screen()
        settled = getattr(app, "view_settled", None)
        if settled is not None:  # once it is mounted, what the view made is all there
            app.call_after_refresh(settled)

    def allows(self, action: str) -> bool:
        """Whether the app's `action` may run now (see `App.check_action`)."""
        if self.load_error is not None:  # nothing to show: only quitting (any key does)
            return action == "quit"
        if not self.data_ready and action not in WHILE_LOADING:
            return False
        # A terminal too small for the panes hides them: keys must not act on what is hidden.
        too_small = getattr(self._app.screen, "too_small", False)
        return not (too_small and action not in WHILE_LOADING)

    # -- the article filter ---------------------------------------------------------------

    def pick_article(self) -> None:
        """The article picker; the article chosen (or all) fills every pane."""
        self._app.push_screen(
            self._picker_screen(),
            lambda picked: None if picked is None else self.filter_article(picked or None),
        )

    @property
    def picker_made(self) -> bool:
        """Whether the article picker of the corpus loaded is made and mounted, so that the
        next `f` shows it as it is."""
        kept = self._picker
        return kept is not None and kept.corpus is self.full_corpus and kept.is_mounted

    def _picker_screen(self) -> ArticlePicker:
        """The article picker, made once per corpus and kept (installed, so that closing it
        does not remove it), then opened again."""
        from explorer.screens.articles import ArticlePicker

        kept = self._picker
        if kept is not None and kept.corpus is self.full_corpus and kept.is_mounted:
            kept.reopen(self.article_filter)
            return kept
        if kept is not None:
            self._app.uninstall_screen(kept)
            kept.remove()
        picker = self._picker = ArticlePicker(self.full_corpus, self.article_filter)
        self._app.install_screen(picker, f"article-picker-{id(picker)}")
        return picker

    def filter_article(self, article: str | None) -> None:
        """Show one article's items in every pane (None: all of them); a note being written
        is not dropped without asking (the screens on top of the panes close)."""
        self._navigator.leave_unsaved_then(partial(self._filter_article, article))

    def _filter_article(self, article: str | None) -> None:
        if self.loader is not None:  # still loading: nothing to filter yet
            return
        full = self.full_corpus
        if article is not None and article not in full.articles:
            self._app.notify(f"No article {article}", severity="warning", markup=False)
            return
        self._full_corpus = full
        forget = getattr(self._app, "idle_collect", None)
        if forget is not None:  # the view shown goes: what it kept may be freed
            forget.forget()
        self.article_filter = article
        self._corpus = full if article is None else article_corpus(full, article)
        self.data_ready = False
        self._show_main(self._corpus)

    # -- export ---------------------------------------------------------------------------

    def export(self) -> None:
        """Ask for a format and a file, then write the current view there."""
        if os.environ.get(SERVED_VARIABLE):
            # A browser tab must not choose a path on the server's machine to write.
            self._app.notify(
                "Export is off in the browser: run `explorer export` in a terminal.",
                severity="warning",
                markup=False,
            )
            return
        from explorer.data.export import select
        from explorer.screens.articles import ExportDialog

        full = self.full_corpus
        stem = self.article_filter or "explorer-export"
        what = select(full, article=self.article_filter).describe()
        self._app.push_screen(ExportDialog(what, stem, self.write_export), self._exported)

    def _exported(self, done: str | None) -> None:
        if done is not None:
            self._app.notify(done, markup=False)

    def write_export(self, fmt: str, path: str) -> str:
        """Write the current view (the filtered article, or all) as `fmt` to `path`, replacing
        it atomically; says what was written. Runs in the export dialog's worker thread."""
        from explorer.data.atomic import atomic_write_bytes
        from explorer.data.export import render, select
        from explorer.screens.articles import ExportFailed

        target = Path(path).expanduser()
        try:
            view = select(self.full_corpus, article=self.article_filter)
            atomic_write_bytes(target, render(view, fmt).encode("utf-8"))
        except (OSError, ExplorerError) as failure:
            reason = getattr(failure, "strerror", None) or str(failure)
            raise ExportFailed(f"Could not export to {target}: {reason}") from None
        return f"Exported {view.describe()} as {fmt} to {target}"

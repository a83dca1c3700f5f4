"""Many articles in the app: loading in the background, the article filter, export (Ctrl+E).

An app mixin (list it before `App`) and the loading screen:

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
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, LoadingIndicator

from explorer import SERVED_VARIABLE
from explorer.data.errors import ExplorerError

if TYPE_CHECKING:
    from textual.command import Provider

    from explorer.data import Corpus

# The exit code when the data could not be loaded (bad input, as in the command line).
EXIT_LOAD_FAILED = 2

# Keys that still act while the data loads (everything else waits for it), and while the
# terminal is too small to show the panes.
WHILE_LOADING = frozenset({"quit", "help", "command_palette", "bell"})


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

    DEFAULT_CSS = """
    LoadingScreen {
        align: center middle;
    }
    LoadingScreen > Vertical {
        width: 60;
        height: 5;
    }
    LoadingScreen Label {
        width: 1fr;
        content-align: center middle;
    }
    LoadingScreen LoadingIndicator {
        height: 1;
    }
    LoadingScreen.-failed > Vertical {
        width: 80%;
        max-width: 100;
        height: auto;
    }
    LoadingScreen.-failed LoadingIndicator {
        display: none;
    }
    """

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what
        self.failed = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content(f"Loading {self.what}…"), id="loading-label")
            yield LoadingIndicator()
            yield Label(Content.styled("q quits", "dim"), id="loading-hint")

    def on_mount(self) -> None:
        # Start only once this frame is on the screen: the load must not delay it.
        self.call_after_refresh(self.app.start_loading)  # type: ignore[attr-defined]

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


class CorpusActions:
    """App mixin: background loading, the article filter and the export dialog."""

    corpus: Corpus
    loader: Callable[[], Corpus] | None = None
    load_error: str | None = None
    load_source: str = "the database"  # what the loader reads, for its error messages
    data_ready: bool = True
    article_filter: str | None = None
    exiting: bool = False  # quit was asked for: a load that lands now changes nothing
    _full_corpus: Corpus | None = None

    @property
    def full_corpus(self) -> Corpus:
        """Every article loaded, whatever the filter shows."""
        return self._full_corpus if self._full_corpus is not None else self.corpus

    # -- loading --------------------------------------------------------------------------

    def exit(self, result: object = None, return_code: int = 0, message: object = None) -> None:
        # Quitting while the data loads: once the app has begun to close its screens, the
        # load's arrival must not add a screen (Textual iterates them as it closes them).
        self.exiting = True
        if self.load_error is not None and return_code == 0:
            return_code = EXIT_LOAD_FAILED  # however the user quits, the load did fail
        super().exit(result, return_code, message)  # type: ignore[misc]

    def _quitting(self) -> bool:
        return self.exiting or not self.is_running  # type: ignore[attr-defined]

    def loading_screen(self) -> LoadingScreen:
        self.data_ready = False
        return LoadingScreen("the articles")

    def start_loading(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self) -> None:
        loader = self.loader
        assert loader is not None
        try:
            corpus = loader()
        except ExplorerError as failure:
            self.call_from_thread(self._load_failed, str(failure))  # type: ignore[attr-defined]
            return
        except Exception as failure:
            # A database damaged in a way the data layer does not name still gets a message
            # on the loading screen rather than a traceback or a screen loading forever.
            message = (
                f"{self.load_source}: cannot be opened as an explorer database "
                f"({type(failure).__name__}: {failure}); rebuild it with `explorer import`"
            )
            self.call_from_thread(self._load_failed, message)  # type: ignore[attr-defined]
            return
        # The main screen's modules load here too, off the thread that draws.
        import explorer.screens.main  # noqa: F401

        self.call_from_thread(self._loaded, corpus)  # type: ignore[attr-defined]

    def _load_failed(self, message: str) -> None:
        """Say why on the loading screen; any key then quits with exit code 2."""
        if self._quitting():
            return
        self.load_error = message
        screen = self.screen  # type: ignore[attr-defined]
        if isinstance(screen, LoadingScreen):
            screen.show_failure(message)
        else:
            self.exit(return_code=EXIT_LOAD_FAILED)

    def _loaded(self, corpus: Corpus) -> None:
        if self._quitting():
            return
        self.loader = None
        # The corpus lives as long as the app: out of the collector's sight, a thousand
        # articles' objects no longer cost a 200 ms pause on a key every few seconds.
        gc.freeze()
        self.corpus = corpus
        self._full_corpus = corpus
        self._show_main(self.corpus)

    _views = 0

    def _show_main(self, corpus: Corpus) -> None:
        """A fresh main screen over `corpus`, as the base of a screen stack of its own (a
        Textual mode), so that it is `screen_stack[0]` as the rest of the app expects."""
        from explorer.screens.main import MainScreen

        app = self  # the App this mixes into
        screen = MainScreen(corpus)
        previous = app.current_mode  # type: ignore[attr-defined]
        self._views += 1
        mode = f"view-{self._views}"
        app.add_mode(mode, lambda: screen)  # type: ignore[attr-defined]
        app.switch_mode(mode)  # type: ignore[attr-defined]
        if previous != "_default":
            app.remove_mode(previous)  # type: ignore[attr-defined]
        app.call_after_refresh(self._after_main, screen)  # type: ignore[attr-defined]

    def _after_main(self, screen: Screen) -> None:
        if self._quitting() or not screen.is_attached:
            return
        full = self.full_corpus
        if len(full.articles) > 1 or self.article_filter is not None:
            from explorer.screens.articles import CorpusStatus, status_text

            status = CorpusStatus(status_text(full, self.article_filter), id="corpus-status")
            footers = screen.query("Footer")
            screen.mount(status, before=footers.first() if footers else None)
        self.data_ready = True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.load_error is not None:  # nothing to show: only quitting (any key does)
            return action == "quit"
        if not self.data_ready and action not in WHILE_LOADING:
            return False
        # A terminal too small for the panes hides them: keys must not act on what is hidden.
        too_small = getattr(self.screen, "too_small", False)  # type: ignore[attr-defined]
        if too_small and action not in WHILE_LOADING:
            return False
        return super().check_action(action, parameters)  # type: ignore[misc]

    # -- the article filter ---------------------------------------------------------------

    def action_filter_articles(self) -> None:
        from explorer.screens.articles import ArticlePicker

        self.push_screen(  # type: ignore[attr-defined]
            ArticlePicker(self.full_corpus, self.article_filter),
            lambda picked: None if picked is None else self.filter_article(picked or None),
        )

    def filter_article(self, article: str | None) -> None:
        """Show one article's items in every pane (None: all of them); a note being written
        is not dropped without asking (the screens on top of the panes close)."""
        self.leave_unsaved_then(partial(self._filter_article, article))  # type: ignore[attr-defined]

    def _filter_article(self, article: str | None) -> None:
        if self.loader is not None:  # still loading: nothing to filter yet
            return
        full = self.full_corpus
        if article is not None and article not in full.articles:
            self.notify(f"No article {article}", severity="warning", markup=False)  # type: ignore[attr-defined]
            return
        self._full_corpus = full
        self.article_filter = article
        self.corpus = full if article is None else article_corpus(full, article)
        self.data_ready = False
        self._show_main(self.corpus)

    # -- export ---------------------------------------------------------------------------

    def action_export(self) -> None:
        if os.environ.get(SERVED_VARIABLE):
            # A browser tab must not choose a path on the server's machine to write.
            self.notify(  # type: ignore[attr-defined]
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
        self.push_screen(ExportDialog(what, stem, self.write_export), self._exported)  # type: ignore[attr-defined]

    def _exported(self, done: str | None) -> None:
        if done is not None:
            self.notify(done, markup=False)  # type: ignore[attr-defined]

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

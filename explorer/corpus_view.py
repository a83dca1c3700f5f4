"""Many articles in the app: loading in the background, the article filter, export (Ctrl+E).

An app mixin (list it before `App`) and the screens it uses:

- The corpus loads in a worker thread behind `LoadingScreen`, which paints at once: with a
  thousand articles the first frame does not wait for the data. Until the data is in, only
  quitting, help and the palette act (`check_action`).
- `f` (or the palette's "Articles: …" commands) restricts every pane to one article, or shows
  all again: the app's corpus becomes that article's items (`article_corpus`), so the panes,
  the detail, the search, the reader and the timeline all follow. A status line under the
  panes says how many articles are loaded and which one is shown.
- Ctrl+E exports the current view (the filtered article, or all), asking for a format and a
  file; the export runs in a worker and replaces the file atomically.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Label, LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from explorer.data import Corpus, ExplorerError, Loaded
from explorer.widgets.rows import literal

# Keys that still act while the data loads (everything else waits for it).
WHILE_LOADING = frozenset({"quit", "help", "command_palette", "bell"})
SUFFIX = {"json": "json", "csv": "csv", "markdown": "md", "dot": "dot"}
FORMATS = tuple(SUFFIX)  # as explorer.data.export.FORMATS, which loads only on Ctrl+E


def article_corpus(corpus: Corpus, article_id: str) -> Corpus:
    """The items of one article as a corpus of their own (built from the indexes)."""
    refs = corpus.items_in_article.get(article_id, ())
    return Corpus(
        Loaded(
            [corpus.articles[article_id]],
            [corpus.actors[r.id] for r in refs if r.kind == "actor"],
            [corpus.meetings[r.id] for r in refs if r.kind == "meeting"],
            [corpus.quotes[r.id] for r in refs if r.kind == "quote"],
        )
    )


def _count(number: int, word: str) -> str:
    return f"{number:,} {word}{'s' if number != 1 else ''}"


def status_text(full: Corpus, article: str | None) -> Content:
    """ "1,000 articles loaded · showing all (f: filter)" or the one article shown."""
    loaded = Content.assemble((_count(len(full.articles), "article"), "bold"), " loaded")
    if article is None:
        return Content.assemble(loaded, " · showing all", ("  (f filters by article)", "dim"))
    title = literal(full.articles[article].title, 60)
    return Content.assemble(
        loaded,
        " · showing ",
        (title, "bold $accent"),
        (f"  {article}", "dim"),
        ("  (f: another, or all)", "dim"),
    )


class CorpusStatus(Static):
    """One line under the panes: how many articles are loaded, which one is shown."""

    DEFAULT_CSS = """
    CorpusStatus {
        dock: bottom;
        height: 1;
        padding: 0 1;
        background: $boost;
    }
    """


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
    """

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content(f"Loading {self.what}…"), id="loading-label")
            yield LoadingIndicator()
            yield Label(Content.styled("q quits", "dim"))

    def on_mount(self) -> None:
        # Start only once this frame is on the screen: the load must not delay it.
        self.call_after_refresh(self.app.start_loading)  # type: ignore[attr-defined]


class ArticlePicker(ModalScreen[str | None]):
    """Choose one article to show, or all; dismisses with its id ("" for all, None to cancel)."""

    DEFAULT_CSS = """
    ArticlePicker {
        align: center middle;
    }
    ArticlePicker > Vertical {
        width: 90%;
        max-width: 100;
        height: 80%;
        border: thick $accent;
        background: $surface;
        padding: 0 1;
    }
    ArticlePicker OptionList {
        height: 1fr;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "move(1)", "Next", show=False),
        Binding("up", "move(-1)", "Previous", show=False),
    ]

    def __init__(self, corpus: Corpus, current: str | None) -> None:
        super().__init__()
        self.corpus = corpus
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content.styled("Show the items of", "bold"))
            yield Input(placeholder="type to narrow (title, id, date); ↑ ↓ Enter", id="narrow")
            yield OptionList(*self._options(""), id="articles", markup=False)

    def _options(self, text: str) -> list[Option]:
        words = text.casefold().split()
        everything = Content.styled(f"All {_count(len(self.corpus.articles), 'article')}", "bold")
        options = [Option(everything, id="")]
        for article in sorted(self.corpus.articles.values(), key=lambda a: (a.published, a.id)):
            haystack = f"{article.title} {article.id} {article.published.isoformat()}".casefold()
            if words and not all(w in haystack for w in words):
                continue
            count = len(self.corpus.items_in_article.get(article.id, ()))
            options.append(
                Option(
                    Content.assemble(
                        (article.published.isoformat(), "$text-primary"),
                        "  ",
                        (literal(article.title, 80), "bold" if article.id == self.current else ""),
                        (f"  {article.id} · {count} items", "dim"),
                    ),
                    id=article.id,
                )
            )
        return options

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        ids = [listing.get_option_at_index(i).id for i in range(listing.option_count)]
        listing.highlighted = ids.index(self.current or "") if (self.current or "") in ids else 0
        self.query_one("#narrow", Input).focus()

    def action_move(self, step: int) -> None:
        listing = self.query_one(OptionList)
        if listing.option_count:
            current = listing.highlighted or 0
            listing.highlighted = max(0, min(listing.option_count - 1, current + step))

    @on(Input.Changed, "#narrow")
    def _narrow(self, event: Input.Changed) -> None:
        listing = self.query_one(OptionList)
        listing.set_options(self._options(event.value))
        # The best guess is the first article that matches, not "All".
        listing.highlighted = 1 if event.value.strip() and listing.option_count > 1 else 0

    @on(Input.Submitted, "#narrow")
    def _take_highlighted(self) -> None:
        option = self.query_one(OptionList).highlighted_option
        if option is not None:
            self.dismiss(option.id or "")

    @on(OptionList.OptionSelected, "#articles")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id or "")

    def action_cancel(self) -> None:
        self.dismiss(None)


class ExportDialog(ModalScreen[tuple[str, str] | None]):
    """Ask for a format and a file; dismisses with (format, path), or None to cancel."""

    DEFAULT_CSS = """
    ExportDialog {
        align: center middle;
    }
    ExportDialog > Vertical {
        width: 80%;
        max-width: 80;
        height: auto;
        border: thick $accent;
        background: $surface;
        padding: 0 1;
    }
    ExportDialog OptionList {
        height: auto;
        max-height: 6;
    }
    ExportDialog Horizontal {
        height: auto;
        align: right middle;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, what: str, stem: str) -> None:
        super().__init__()
        self.what = what
        self.stem = stem
        self.format = "json"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content.assemble(("Export ", "bold"), literal(self.what, 60)))
            yield OptionList(*[Option(fmt, id=fmt) for fmt in FORMATS], id="formats", markup=False)
            yield Input(value=self._default_path(), id="path")
            with Horizontal():
                yield Button("Export", variant="primary", id="export")
                yield Button("Cancel", id="cancel")

    def _default_path(self) -> str:
        return f"{self.stem}.{SUFFIX[self.format]}"

    def on_mount(self) -> None:
        self.query_one("#formats", OptionList).highlighted = 0
        self.query_one("#formats", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#formats")
    def _format(self, event: OptionList.OptionHighlighted) -> None:
        path = self.query_one("#path", Input)
        untouched = path.value == self._default_path()  # the user has not named a file yet
        self.format = event.option.id or "json"
        if untouched:
            path.value = self._default_path()

    @on(OptionList.OptionSelected, "#formats")
    def _to_path(self) -> None:
        self.query_one("#path", Input).focus()

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#export")
    def _export(self) -> None:
        path = self.query_one("#path", Input).value.strip()
        if not path:
            self.notify("Name the file to write", severity="warning")
            return
        self.dismiss((self.format, path))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ArticleCommands(Provider):
    """Palette commands: "Articles: show all" and "Articles: <title>" for each article."""

    def _commands(self) -> list[tuple[str, str]]:
        full = getattr(self.app, "full_corpus", None) or self.app.corpus  # type: ignore[attr-defined]
        commands = [("Articles: show all", "")]
        commands += [
            (f"Articles: {literal(a.title, 100)} ({a.id})", a.id) for a in full.articles.values()
        ]
        return commands

    def _apply(self, article: str) -> None:
        self.app.filter_article(article or None)  # type: ignore[attr-defined]

    async def discover(self) -> Hits:
        for text, article in self._commands()[:1]:
            yield DiscoveryHit(Content(text), partial(self._apply, article), text=text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, article in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, Content(text), partial(self._apply, article), text=text)


class CorpusActions:
    """App mixin: background loading, the article filter and the export dialog."""

    corpus: Corpus
    loader: Callable[[], Corpus] | None = None
    load_error: str | None = None
    data_ready: bool = True
    article_filter: str | None = None
    _full_corpus: Corpus | None = None

    @property
    def full_corpus(self) -> Corpus:
        """Every article loaded, whatever the filter shows."""
        return self._full_corpus if self._full_corpus is not None else self.corpus

    # -- loading --------------------------------------------------------------------------

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
        self.call_from_thread(self._loaded, corpus)  # type: ignore[attr-defined]

    def _load_failed(self, message: str) -> None:
        self.load_error = message
        self.exit(return_code=2)  # type: ignore[attr-defined]

    def _loaded(self, corpus: Corpus) -> None:
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
        full = self.full_corpus
        if len(full.articles) > 1 or self.article_filter is not None:
            status = CorpusStatus(status_text(full, self.article_filter), id="corpus-status")
            footers = screen.query("Footer")
            screen.mount(status, before=footers.first() if footers else None)
        self.data_ready = True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.data_ready and action not in WHILE_LOADING:
            return False
        return super().check_action(action, parameters)  # type: ignore[misc]

    # -- the article filter ---------------------------------------------------------------

    def action_filter_articles(self) -> None:
        self.push_screen(  # type: ignore[attr-defined]
            ArticlePicker(self.full_corpus, self.article_filter),
            lambda picked: None if picked is None else self.filter_article(picked or None),
        )

    def filter_article(self, article: str | None) -> None:
        """Show one article's items in every pane (None: all of them)."""
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
        from explorer.data.export import select

        full = self.full_corpus
        stem = self.article_filter or "explorer-export"
        what = select(full, article=self.article_filter).describe()
        self.push_screen(ExportDialog(what, stem), self._export_to)  # type: ignore[attr-defined]

    def _export_to(self, choice: tuple[str, str] | None) -> None:
        if choice is not None:
            self._export(*choice)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, fmt: str, path: str) -> None:
        from explorer.data.atomic import atomic_write_bytes
        from explorer.data.export import render, select

        target = Path(path).expanduser()
        try:
            view = select(self.full_corpus, article=self.article_filter)
            atomic_write_bytes(target, render(view, fmt).encode("utf-8"))
        except (OSError, ExplorerError) as failure:
            reason = getattr(failure, "strerror", None) or str(failure)
            self.call_from_thread(  # type: ignore[attr-defined]
                self.notify,
                f"Could not export to {target}: {reason}",
                severity="error",
                markup=False,
            )
            return
        self.call_from_thread(  # type: ignore[attr-defined]
            self.notify, f"Exported {view.describe()} as {fmt} to {target}", markup=False
        )

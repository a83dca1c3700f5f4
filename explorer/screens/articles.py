"""The screens of many articles: the article picker (f), the export dialog (Ctrl+E), the
palette's "Articles:" commands and the status line under the panes.

They load when first used (`explorer.corpus_view` imports them in its actions), not before
the app's first frame.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from explorer import keymap
from explorer.data import Article, Corpus
from explorer.data.index import IndexedCorpus
from explorer.services import CorpusBrowser
from explorer.widgets.option_list import PagedOptionList
from explorer.widgets.rows import literal

SUFFIX = {"json": "json", "csv": "csv", "markdown": "md", "dot": "dot"}
FORMATS = tuple(SUFFIX)  # as explorer.data.export.FORMATS, which loads only on Ctrl+E


def _count(number: int, word: str) -> str:
    return f"{number:,} {word}{'s' if number != 1 else ''}"


def status_text(full: Corpus, article: str | None) -> Content:
    """ "1,000 articles loaded · showing all (f: filter)" or the one article shown."""
    loaded = Content.assemble((_count(len(full.articles), "article"), "bold"), " loaded")
    if article is None:
        return Content.assemble(loaded, " · showing all", ("  (f filters by article)", "dim"))
    title = literal(full.articles[article].title, 60)
    return Content.assemble(
        ("Filtered", "bold $warning"),
        f": 1 of {_count(len(full.articles), 'article')}",
        " · showing ",
        (title, "bold $accent"),
        (f"  {article}", "dim"),
        ("  (f: another, or all)", "dim"),
    )


class CorpusStatus(Static):
    """One line under the panes, above the footer: how many articles are loaded, which one
    is shown (in the layout's flow, not docked: two widgets docked at the bottom share a row,
    and the footer's would hide this one)."""

    DEFAULT_CSS = Path(__file__).with_name("corpus_status.tcss").read_text(encoding="utf-8")


def article_listing(corpus: Corpus) -> list[tuple[Article, int]]:
    """Every article by publication day (then id), with how many items it holds: from a
    persisted index in two queries, not a lookup per article."""
    if isinstance(corpus, IndexedCorpus):
        counts = corpus.items_per_article()
        articles = corpus.page("article", 0, corpus.count("article"))
        return [(article, counts.get(article.id, 0)) for article in articles]
    ordered = sorted(corpus.articles.values(), key=lambda a: (a.published, a.id))
    return [(a, len(corpus.items_in_article.get(a.id, ()))) for a in ordered]


class ArticlePicker(ModalScreen[str | None]):
    """Choose one article to show, or all; dismisses with its id ("" for all, None to cancel)."""

    DEFAULT_CSS = Path(__file__).with_name("article_picker.tcss").read_text(encoding="utf-8")
    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings(
        "dialog.cancel", "dialog.down", "dialog.up"
    )

    def __init__(self, corpus: Corpus, current: str | None) -> None:
        super().__init__()
        self.corpus = corpus
        self.current = current
        self._listing: list[tuple[Article, int]] | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content.styled("Show the items of", "bold"))
            yield Input(placeholder="type to narrow (title, id, date); ↑ ↓ Enter", id="narrow")
            yield PagedOptionList(*self._options(""), id="articles", markup=False)

    def _options(self, text: str) -> list[Option]:
        words = text.casefold().split()
        everything = Content.styled(f"All {_count(len(self.corpus.articles), 'article')}", "bold")
        options = [Option(everything, id="")]
        if self._listing is None:  # read once per picker, not on every key typed
            self._listing = article_listing(self.corpus)
        for article, count in self._listing:
            haystack = f"{article.title} {article.id} {article.published.isoformat()}".casefold()
            if words and not all(w in haystack for w in words):
                continue
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
            self._answer(option.id or "")

    @on(OptionList.OptionSelected, "#articles")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self._answer(event.option.id or "")

    def action_cancel(self) -> None:
        self._answer(None)

    def _answer(self, article: str | None) -> None:
        # Enter typed fast can both submit the line and select the option: answer once, and
        # only while this picker is the screen shown (dismiss pops whatever screen is on top).
        if self.is_active:
            self.dismiss(article)


class ExportFailed(Exception):
    """The export could not be written; the message says where and why."""


class ExportDialog(ModalScreen[str | None]):
    """Ask for a format and a file, and write it with `write(format, path)` (in a worker).

    Dismisses with what `write` says was done, or None when cancelled. When the write fails
    (`ExportFailed`), the dialog stays open with the reason shown and the path as typed, so
    the user can correct it rather than type it again.
    """

    DEFAULT_CSS = Path(__file__).with_name("export_dialog.tcss").read_text(encoding="utf-8")
    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings("dialog.cancel")

    def __init__(self, what: str, stem: str, write: Callable[[str, str], str]) -> None:
        super().__init__()
        self.what = what
        self.stem = stem
        self.write = write
        self.format = "json"
        self.writing = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content.assemble(("Export ", "bold"), literal(self.what, 60)))
            yield PagedOptionList(
                *[Option(fmt, id=fmt) for fmt in FORMATS], id="formats", markup=False
            )
            yield Input(value=self._default_path(), id="path")
            yield Static(id="export-problem", markup=False)
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
            self.show_problem("Name the file to write.")
            return
        if self.writing:  # Enter pressed again while the file is being written
            return
        self.writing = True
        self._write(self.format, path)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _write(self, fmt: str, path: str) -> None:
        try:
            done = self.write(fmt, path)
        except ExportFailed as failure:
            self.app.call_from_thread(self._failed, str(failure))
            return
        self.app.call_from_thread(self._done, done)

    def _done(self, message: str) -> None:
        self.writing = False
        if self.is_active:
            self.dismiss(message)
        else:  # cancelled meanwhile: the file is written all the same, so say so
            self.app.notify(message, markup=False)

    def _failed(self, message: str) -> None:
        self.writing = False
        if not self.is_attached:  # cancelled meanwhile: say it where the user now is
            self.app.notify(message, severity="error", markup=False)
            return
        self.show_problem(message)
        self.query_one("#path", Input).focus()

    def show_problem(self, message: str) -> None:
        problem = self.query_one("#export-problem", Static)
        problem.update(Content(message))
        problem.add_class("-shown")
        self.app.bell()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if self.is_active:
            self.dismiss(None)


class ArticleCommands(Provider):
    """Palette commands: "Articles: show all" and "Articles: <title>" for each article."""

    def _commands(self) -> list[tuple[str, str]]:
        app = self.app
        if not isinstance(app, CorpusBrowser):
            return []
        full = app.full_corpus
        commands = [("Articles: show all", "")]
        commands += [
            (f"Articles: {literal(a.title, 100)} ({a.id})", a.id) for a in full.articles.values()
        ]
        return commands

    def _apply(self, article: str) -> None:
        app = self.app
        if isinstance(app, CorpusBrowser):
            app.filter_article(article or None)

    async def discover(self) -> Hits:
        for text, article in self._commands()[:1]:
            yield DiscoveryHit(Content(text), partial(self._apply, article), text=text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, article in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, Content(text), partial(self._apply, article), text=text)

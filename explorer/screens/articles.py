"""The screens of many articles: the article picker (f), the export dialog (Ctrl+E), the
palette's "Articles:" commands and the status line under the panes.

They load when first used (`explorer.corpus_view` imports them in its actions), not before
the app's first frame.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, ClassVar
from weakref import WeakKeyDictionary

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
from explorer.data import Corpus
from explorer.screens.closing import unless_closed
from explorer.screens.laid_out import LaidOutOnce
from explorer.services import CorpusBrowser
from explorer.widgets.article_heads import ArticleHead, article_counts, article_heads
from explorer.widgets.option_list import PagedOptionList
from explorer.widgets.rows import literal
from explorer.widgets.typed_line import TypedLine

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


def article_listing(corpus: Corpus) -> list[tuple[ArticleHead, int]]:
    """Every article by publication day (then id), with how many items it holds: from a
    persisted index in two queries (made once per corpus), not a lookup per article."""
    counts = article_counts(corpus)
    return [(head, counts.get(head.id, 0)) for head in article_heads(corpus)]


_narrowable: WeakKeyDictionary[Corpus, list[tuple[ArticleHead, int, str]]] = WeakKeyDictionary()


def narrowable_listing(corpus: Corpus) -> list[tuple[ArticleHead, int, str]]:
    """`article_listing` with the text each row is narrowed by (title, id and day, folded):
    made once per corpus, not each time the picker opens (10,000 rows at 10,000 articles)."""
    listing = _narrowable.get(corpus)
    if listing is None:
        listing = _narrowable[corpus] = [
            (head, count, f"{head.title} {head.id} {head.published.isoformat()}".casefold())
            for head, count in article_listing(corpus)
        ]
    return listing


class ArticleOptions(PagedOptionList):
    """The picker's list, its options added a page at a time as the cursor or the scroll
    nears the last one added: thousands of articles are not built and laid out at once."""

    PAGE: ClassVar[int] = 300

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._rows: Sequence[Any] = ()
        self._make: Callable[[Any], Option] = lambda row: Option(str(row))
        self._added = 0

    def show(self, first: Option, rows: Sequence[Any], make: Callable[[Any], Option]) -> None:
        """`first`, then an option `make`s of each of `rows` (as they come into reach)."""
        self._rows, self._make = rows, make
        self._added = min(self.PAGE, len(rows))
        self.set_options([first, *(make(row) for row in rows[: self._added])])

    @property
    def rows_count(self) -> int:
        """How many options there are to show, added or not (the first one included)."""
        return len(self._rows) + 1

    def reach(self, index: int) -> None:
        """Add options until option `index` (and a page after it) is there."""
        wanted = min(len(self._rows), max(index, 0) + self.PAGE // 2)
        if wanted > self._added:
            more = self._rows[self._added : wanted]
            self._added = wanted
            self.add_options([self._make(row) for row in more])

    def watch_highlighted(self, highlighted: int | None) -> None:
        if highlighted is not None:
            self.reach(highlighted + 1)
        super().watch_highlighted(highlighted)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if new >= self.max_scroll_y - self.size.height:
            self.reach(self.option_count + self.PAGE // 2)

    def action_last(self) -> None:
        self.reach(len(self._rows))
        super().action_last()


class ArticlePicker(LaidOutOnce, ModalScreen[str | None]):
    """Choose one article to show, or all; dismisses with its id ("" for all, None to cancel)."""

    DEFAULT_CSS = Path(__file__).with_name("article_picker.tcss").read_text(encoding="utf-8")
    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings(
        "dialog.cancel", "dialog.down", "dialog.up"
    )

    def __init__(self, corpus: Corpus, current: str | None) -> None:
        super().__init__()
        self.corpus = corpus
        self.current = current
        self._listing: list[tuple[ArticleHead, int, str]] | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content.styled("Show the items of", "bold"))
            yield TypedLine(placeholder="type to narrow (title, id, date); ↑ ↓ Enter", id="narrow")
            options = ArticleOptions(id="articles", markup=False)
            self._show(options, "")
            yield options

    def _rows(self, text: str) -> list[tuple[ArticleHead, int, str]]:
        if self._listing is None:  # read once per picker, not on every key typed
            self._listing = narrowable_listing(self.corpus)
        words = text.casefold().split()
        if not words:
            return self._listing
        return [row for row in self._listing if all(w in row[2] for w in words)]

    def _show(self, options: ArticleOptions, text: str) -> None:
        everything = Content.styled(f"All {_count(len(self.corpus.articles), 'article')}", "bold")
        rows = self._rows(text)
        # Rows enough to overflow any list the terminal has room for: its scrollbar is there
        # from the first layout, so the options are measured at one width, once (a scrollbar
        # appearing after it narrowed the list: every option measured again).
        options.set_class(len(rows) + 1 >= self.app.size.height, "-scrolls")
        options.show(Option(everything, id=""), rows, self._option)

    def _option(self, row: tuple[ArticleHead, int, str]) -> Option:
        head, count, _ = row
        return Option(
            Content.assemble(
                (head.published.isoformat(), "$text-primary"),
                "  ",
                (literal(head.title, 80), "bold" if head.id == self.current else ""),
                (f"  {head.id} · {count} items", "dim"),
            ),
            id=head.id,
        )

    @unless_closed
    def on_mount(self) -> None:
        self._start()

    def _start(self) -> None:
        """Every article listed, the cursor on the one shown (or "All"), the line focused."""
        listing = self.query_one(ArticleOptions)
        rows = self._rows("")
        current = next((i + 1 for i, row in enumerate(rows) if row[0].id == self.current), 0)
        listing.reach(current)
        listing.highlighted = current
        self.query_one("#narrow", Input).focus()

    def reopen(self, current: str | None) -> None:
        """Open again as a new picker would, on the article shown now (the app keeps one
        picker and shows it again: building, styling and laying out a new one, the panes
        under it laid out again with it, was most of each `f`). The list is built again only
        when what it shows has changed: narrowed by the last search, or another article
        shown (in bold)."""
        narrow = self.query_one("#narrow", Input)
        narrowed = bool(narrow.value)
        with narrow.prevent(Input.Changed):
            narrow.value = ""
        if narrowed or current != self.current:
            self.current = current
            self._show(self.query_one(ArticleOptions), "")
        self._start()

    def action_move(self, step: int) -> None:
        listing = self.query_one(ArticleOptions)
        if listing.option_count:
            current = listing.highlighted or 0
            listing.reach(current + step)
            listing.highlighted = max(0, min(listing.option_count - 1, current + step))

    @on(Input.Changed, "#narrow")
    def _narrow(self, event: Input.Changed) -> None:
        listing = self.query_one(ArticleOptions)
        self._show(listing, event.value)
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

    @unless_closed
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

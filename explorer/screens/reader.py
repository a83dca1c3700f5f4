"""The article reader: an article's text with every actor, quote and evidence highlighted."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from explorer import keymap
from explorer.data import Article, Corpus, Ref, Span
from explorer.describe import item_title
from explorer.history import Visit
from explorer.screens.closing import unless_closed
from explorer.widgets.article_view import KIND_LABELS, ArticleView, Highlight, items_at
from explorer.widgets.hints import FittedFooter
from explorer.widgets.provenance import Navigator, PlaceChanged

ReaderPlace = tuple[int, int, Ref]
"""Where the reader was: the emphasised highlight's start, end and item."""

_HOW = {"name": "name", "alias": "alias", "evidence": "evidence", "text": "quoted words"}


def _also(others: list[str]) -> tuple[str | tuple[str, str], ...]:
    """The other items of a shared span, kept short so the status stays one line."""
    if not others:
        return ()
    more = f" and {len(others) - 1} more" if len(others) > 1 else ""
    return (" · also ", (others[0], "bold"), more)


def choose_article(
    corpus: Corpus, ref: Ref | None, article_id: str | None, span: Span | None
) -> Article | None:
    """The article to read: the span's, the one asked for, the item's first, or the first."""
    if span is not None and span.article in corpus.articles:
        return corpus.articles[span.article]
    if article_id is not None and article_id in corpus.articles:
        return corpus.articles[article_id]
    if ref is not None:
        sentences = corpus.sentences(ref)
        if sentences:
            return sentences[0][0]
    return next(iter(corpus.articles.values()), None)


class ReaderScreen(Screen[None]):
    """One article, highlights styled by kind; opened from an item, it lands on its mention."""

    CSS_PATH = "reader.tcss"

    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings("reader.close")
    HELP_CONTEXTS: ClassVar[tuple[str, ...]] = ("reader",)

    def __init__(
        self,
        corpus: Corpus,
        ref: Ref | None = None,
        *,
        article_id: str | None = None,
        span: Span | None = None,
        visit: Visit | None = None,
        place: ReaderPlace | None = None,
        name: str | None = None,
        id: str | None = None,
    ) -> None:
        """Open on `ref` in the sentence of `span` (or its first), or back at `place`.

        `visit` is this screen's entry in the app's history, when it has one.
        """
        super().__init__(name=name, id=id)
        self.corpus = corpus
        self.start_ref = ref
        self.start_span = span
        self.visit = visit
        self.start_place = place
        self.article = choose_article(corpus, ref, article_id, span)

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def current_ref(self) -> Ref | None:
        """The item of the emphasised highlight: what "the item under the cursor" means here."""
        if self.article is None:
            return None
        highlight = self.view.current_highlight
        return highlight.ref if highlight else None

    def location(self) -> Visit | None:
        """This screen's history entry (moves inside it are places, not entries)."""
        return self.visit

    def compose(self) -> ComposeResult:
        if self.article is None:
            yield Static("No article to read.", id="reader-empty")
        else:
            yield ArticleView(
                self.article, self.corpus.spans_in(self.article.id), id="reader-article"
            )
            yield Static(id="reader-status")
        yield FittedFooter()

    @unless_closed
    def on_mount(self) -> None:
        if self.article is None:
            return
        view = self.view
        if self.start_place is not None:
            index = view.index_of(*self.start_place)
            if index is not None:
                view.select(index, center=True)
                view.focus()
                return
        if self.start_ref is None or not view.show(self.start_ref, self.start_span):
            self._show_status(None)
            if self.start_ref is not None:
                self.notify(
                    f"{item_title(self.corpus[self.start_ref])} is not highlighted here",
                    severity="warning",
                    markup=False,
                )
        view.focus()

    def on_article_view_highlighted(self, message: ArticleView.Highlighted) -> None:
        message.stop()
        highlight = message.highlight
        self._show_status(highlight)
        if self.visit is not None and highlight is not None:
            place: ReaderPlace = (highlight.start, highlight.end, highlight.ref)
            self.post_message(PlaceChanged(self.visit, place))

    def _show_status(self, highlight: Highlight | None) -> None:
        status = self.query_one("#reader-status", Static)
        view = self.view
        if highlight is None:
            status.update(
                Content.assemble(
                    (f"{len(view.stops)} highlights", "bold"),
                    " · Tab or n: next · Shift+Tab or N: previous · Enter: go to the item",
                )
            )
            return
        labels = [self._label(ref) for ref in items_at(view.highlights, highlight)]
        position = f"{view.stop_number or 1}/{len(view.stops)}"
        kind = KIND_LABELS[highlight.kind]
        how = _HOW.get(highlight.how, highlight.how)
        status.update(
            Content.assemble(
                (position, "bold"),
                "  ",
                (kind, f"bold {_KIND_COLOURS[highlight.kind]}"),
                # "evidence (evidence) of …" said one thing twice
                "" if how == kind else f" ({how})",
                f" of {highlight.ref.kind} ",
                (labels[0], "bold"),
                *_also(labels[1:]),
            )
        )

    def _label(self, ref: Ref) -> str:
        item = self.corpus.get(ref)
        return item_title(item) if item else str(ref)

    def on_article_view_chosen(self, message: ArticleView.Chosen) -> None:
        message.stop()
        self.go_to(message.highlight.ref)

    def go_to(self, ref: Ref) -> None:
        """Hand the item to the app, which puts its cursor on it."""
        if isinstance(self.app, Navigator):
            self.app.goto(ref)
        else:
            self.notify(f"cannot go to {ref}: no main screen", severity="warning", markup=False)

    async def action_close(self) -> None:
        """Leave: back in the history when the reader is part of it, else just close."""
        if self.visit is not None:
            await self.app.run_action("back")
        else:
            self.dismiss()


_KIND_COLOURS = {"actor": "$text-accent", "quote": "$text-success", "evidence": "$text-primary"}

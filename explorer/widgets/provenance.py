"""Provenance shared by the screens: going to an item, and an item's supporting sentences.

`ArticleSentences` is the "In the article" section of a detail pane: each sentence of an
article that supports the item, the mention itself highlighted, each a link into the reader.
"""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from explorer.data import Article, Corpus, Ref, Span
from explorer.describe import sentence_text


@runtime_checkable
class Navigator(Protocol):
    """What the app offers the provenance screens: put the cursor on an item."""

    def goto(self, ref: Ref) -> None: ...


class SentenceLink(Static, can_focus=True):
    """One supporting sentence; Enter or a click opens the reader on it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "open", "Read in article")]

    DEFAULT_CSS = """
    SentenceLink {
        padding: 0 0 0 2;
        &:hover { background: $boost; }
        &:focus { background: $block-cursor-background; color: $block-cursor-foreground; }
    }
    """

    class Open(Message):
        """Open the reader at `span` of `article`, emphasising `ref`."""

        def __init__(self, ref: Ref, article: Article, span: Span) -> None:
            super().__init__()
            self.ref = ref
            self.article = article
            self.span = span

    def __init__(self, ref: Ref, article: Article, span: Span, *, show_article: bool) -> None:
        text = sentence_text(article, span, style="bold underline")
        content = Content.from_rich_text(text)
        if show_article:
            content = content + Content.styled(f"  ({article.title})", "dim")
        super().__init__(content)
        self.ref = ref
        self.article = article
        self.span = span

    def action_open(self) -> None:
        self.post_message(self.Open(self.ref, self.article, self.span))

    def on_click(self) -> None:
        self.action_open()


class ArticleSentences(Vertical):
    """The "In the article" section: every distinct sentence that supports one item."""

    DEFAULT_CSS = """
    ArticleSentences {
        height: auto;
        & > .article-sentences--title { text-style: bold underline; }
        & > .article-sentences--none { color: $text-muted; padding: 0 0 0 2; }
    }
    """

    def __init__(
        self,
        corpus: Corpus,
        ref: Ref,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.corpus = corpus
        self.ref = ref

    def compose(self) -> ComposeResult:
        sentences = self.corpus.sentences(self.ref)
        yield Static("In the article", classes="article-sentences--title")
        if not sentences:
            yield Static("no supporting sentence", classes="article-sentences--none")
        several = len({article.id for article, _ in sentences}) > 1
        for article, span in sentences:
            yield SentenceLink(self.ref, article, span, show_article=several)

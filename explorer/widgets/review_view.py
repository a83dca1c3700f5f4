"""The reviewed article: the reader's page, with drafted items marked and a sentence cursor.

`ReviewView` is the article reader's `ArticleView` with two additions: highlights of items the
drafter guessed at are drawn as drafts, and a selected sentence, moved with `(` and `)`, that
new actors and quotes take their evidence from (also sentences no item highlights yet).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from rich.cells import cell_len
from textual.binding import BindingType
from textual.events import Click
from textual.geometry import Region
from textual.message import Message

from explorer import keymap
from explorer.data import Article, Ref, Span
from explorer.data.text import sentence_bounds
from explorer.widgets.article_view import ArticleView, Highlight


class ReviewView(ArticleView):
    """An article with its drafted items marked; `(` `)` select a sentence."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"article-view--draft", "article-view--selection"}

    DEFAULT_CSS = Path(__file__).with_name("review_view.tcss").read_text(encoding="utf-8")

    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings(
        "review.next",
        "review.previous",
        "review.choose",
        "review.next_sentence",
        "review.previous_sentence",
    )

    class SelectionChanged(Message):
        """The selected sentence changed."""

        def __init__(self, view: ReviewView, bounds: tuple[int, int] | None) -> None:
            super().__init__()
            self.view = view
            self.bounds = bounds

        @property
        def control(self) -> ReviewView:
            return self.view

    def __init__(
        self,
        article: Article,
        spans: Iterable[tuple[Span, Ref]],
        drafted: set[Ref],
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(article, spans, name=name, id=id, classes=classes)
        self.drafted = drafted
        self.sentences = sentence_bounds(article.body)
        self._sentence_starts = [start for start, _ in self.sentences]
        self.sentence: tuple[int, int] | None = None
        """The selected sentence's (start, end) in the body, when no highlight is current."""

    # -- what is selected -----------------------------------------------------------------

    @property
    def selected(self) -> tuple[int, int] | None:
        """The selected sentence: the current highlight's, or the one moved to with ( )."""
        highlight = self.current_highlight
        if highlight is not None:
            return (highlight.sentence_start, highlight.sentence_end)
        return self.sentence

    def selected_text(self) -> str:
        """The selected sentence's words, verbatim from the body ("" when none)."""
        bounds = self.selected
        return "" if bounds is None else self.article.body[bounds[0] : bounds[1]]

    def select_sentence(self, bounds: tuple[int, int]) -> None:
        """Select a sentence: its first highlight becomes current, if it has one."""
        start, end = bounds
        inside = [i for i, h in enumerate(self.highlights) if start <= h.start < end]
        self.sentence = bounds
        if inside:
            self.select(inside[0])
        else:
            self.current = None
            if self._lines:
                self.scroll_to_region(self._region_of(start, end), animate=False, immediate=True)
            self.refresh()
        self.post_message(self.SelectionChanged(self, bounds))

    def _region_of(self, start: int, end: int) -> Region:
        first = self.line_of(start)
        last = self.line_of(max(end - 1, start))
        return Region(0, first, 1, last - first + 1)

    def _sentence_index(self) -> int | None:
        bounds = self.selected
        if bounds is None:
            return None
        index = bisect.bisect_right(self._sentence_starts, bounds[0]) - 1
        return max(index, 0)

    def action_next_sentence(self) -> None:
        if not self.sentences:
            return
        index = self._sentence_index()
        following = 0 if index is None else index + 1
        if following >= len(self.sentences):
            self.app.bell()
            return
        self.select_sentence(self.sentences[following])

    def action_previous_sentence(self) -> None:
        if not self.sentences:
            return
        index = self._sentence_index()
        preceding = len(self.sentences) - 1 if index is None else index - 1
        if preceding < 0:
            self.app.bell()
            return
        self.select_sentence(self.sentences[preceding])

    def on_click(self, event: Click) -> None:
        """A click on a highlight works as in the reader; on other words, selects their
        sentence (so one the drafter missed can become an actor's or a quote's evidence).
        Textual runs the reader's own handler after this one, for clicks on highlights."""
        offset = self._body_offset(event)
        if offset is None or any(h.start <= offset < h.end for h in self.highlights):
            return
        for start, end in self.sentences:
            if start <= offset < end:
                event.prevent_default()
                self.select_sentence((start, end))
                return

    def _body_offset(self, event: Click) -> int | None:
        """The body offset of the character clicked, if the click is on body text."""
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        y = offset.y + round(self.scroll_y)
        if not 0 <= y < len(self._lines):
            return None
        line = self._lines[y]
        if line.start is None:
            return None
        column = offset.x + round(self.scroll_x)
        cells = 0
        for index, char in enumerate(line.text):
            cells += cell_len(char)
            if cells > column:
                return line.start + index
        return None

    # -- drawing --------------------------------------------------------------------------

    def mark_classes(self, highlight: Highlight) -> tuple[str, ...]:
        classes = super().mark_classes(highlight)
        if highlight.ref in self.drafted:
            return (*classes, "article-view--draft")
        return classes

    def emphasis(self) -> list[tuple[int, int, str]]:
        ranges = super().emphasis()
        if self.current_highlight is None and self.sentence is not None:
            ranges.append((*self.sentence, "article-view--selection"))
        return ranges

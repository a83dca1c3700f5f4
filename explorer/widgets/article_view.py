"""An article body with every supporting span highlighted: the reader's scrolling page.

A Line API widget: the article is laid out once per width into plain lines that remember
their offsets in `Article.body`, so that a span can be scrolled to, clicked, and emphasised
without re-wrapping. Styles are component classes, so themes restyle the page.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Literal

from rich.cells import cell_len
from textual.binding import BindingType
from textual.content import Content
from textual.content import Span as ContentSpan
from textual.events import Click, Resize
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from explorer import keymap
from explorer.data import Article, Ref, Span

HighlightKind = Literal["actor", "quote", "evidence"]

KIND_LABELS: dict[HighlightKind, str] = {
    "actor": "actor mention",
    "quote": "quote",
    "evidence": "evidence",
}

# Outer spans first, so that a name inside a quoted sentence keeps its own colour.
_LAYER: dict[HighlightKind, int] = {"evidence": 0, "quote": 1, "actor": 2}


@dataclass(frozen=True, slots=True)
class Highlight:
    """One stop of the reader: a span of the body and the item it supports."""

    start: int
    end: int
    ref: Ref
    how: str
    kind: HighlightKind
    sentence_start: int
    sentence_end: int


def highlight_kind(span: Span, ref: Ref) -> HighlightKind:
    """How a span is styled: a name or alias is a mention, a quote's span a quote, else evidence."""
    if ref.kind == "quote":
        return "quote"
    if ref.kind == "actor" and span.how in ("name", "alias"):
        return "actor"
    return "evidence"


_HOW_RANK = {"name": 0, "alias": 1, "text": 2, "evidence": 3}


def build_highlights(spans: Iterable[tuple[Span, Ref]]) -> list[Highlight]:
    """The distinct (span, item) stops in body order; a name that is also an alias counts once."""
    seen: set[tuple[int, int, Ref]] = set()
    result: list[Highlight] = []
    # In a fixed order whatever order the spans came in (a set's, which varies between runs):
    # where one span is both a name and an alias, or of several items, the same one leads.
    ordered = sorted(
        spans,
        key=lambda pair: (
            pair[0].start,
            -pair[0].end,
            _HOW_RANK.get(pair[0].how, len(_HOW_RANK)),
            pair[1].kind,
            pair[1].id,
        ),
    )
    for span, ref in ordered:
        key = (span.start, span.end, ref)
        if key in seen or span.end <= span.start:
            continue
        seen.add(key)
        result.append(
            Highlight(
                start=span.start,
                end=span.end,
                ref=ref,
                how=span.how,
                kind=highlight_kind(span, ref),
                sentence_start=span.sentence_start,
                sentence_end=span.sentence_end,
            )
        )
    result.sort(key=lambda h: (h.start, -h.end))
    return result


def reader_stops(highlights: Sequence[Highlight]) -> list[int]:
    """The indices of `highlights` that n/N stop at: one stop per place in the body.

    A span shared by several items ("the two sides", alias of both) is one stop, at its
    first item; an item's span that holds a tighter span of the same item (a quote's
    sentence around its quoted words, an evidence sentence around the name) is left to
    the tighter one. Every highlight is still drawn; only the stepping skips them.
    """
    places: set[tuple[int, int]] = set()
    spans_of: dict[Ref, list[tuple[int, int]]] = {}
    for highlight in highlights:
        spans_of.setdefault(highlight.ref, []).append((highlight.start, highlight.end))
    stops: list[int] = []
    for index, highlight in enumerate(highlights):
        place = (highlight.start, highlight.end)
        if place in places:
            continue
        places.add(place)
        holds_tighter = any(
            highlight.start <= start and end <= highlight.end and (start, end) != place
            for start, end in spans_of[highlight.ref]
        )
        if not holds_tighter:
            stops.append(index)
    return stops


def items_at(highlights: Sequence[Highlight], highlight: Highlight) -> list[Ref]:
    """Every item with a span exactly where `highlight` is, its own first."""
    refs = [highlight.ref]
    for other in highlights:
        if (other.start, other.end) == (highlight.start, highlight.end) and other.ref not in refs:
            refs.append(other.ref)
    return refs


_PIECES = re.compile(r"\s+|\S+")


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Word-wrap `text` to `width` cells, as (start, end) offsets that cover all of it.

    White space between words stays at the end of the line before the break (a renderer drops
    it); a word wider than the line is folded. Cell widths count, so CJK text wraps right.
    """
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    start = 0
    used = 0
    for match in _PIECES.finditer(text):
        piece = match.group()
        cells = cell_len(piece)
        if piece[0].isspace():
            used += cells
            continue
        if used and used + cells > width:
            lines.append((start, match.start()))
            start, used = match.start(), 0
        if used + cells <= width:
            used += cells
            continue
        for index, char in enumerate(piece, match.start()):
            char_cells = cell_len(char)
            if used and used + char_cells > width:
                lines.append((start, index))
                start, used = index, 0
            used += char_cells
    lines.append((start, len(text)))
    return lines


@dataclass(frozen=True, slots=True)
class DocLine:
    """One screen line of the laid-out article.

    `start` is the body offset of `text[0]`, or None for lines that are not body text (title,
    byline). `marks` are (highlight index, start, end) within `text`, outermost first.
    """

    text: str
    style: str = ""
    start: int | None = None
    marks: tuple[tuple[int, int, int], ...] = ()


def paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: runs of non-blank lines, trimmed of outer space."""
    found: list[tuple[int, int]] = []
    for match in re.finditer(r"\S(?:.|\n(?![ \t\r\f\v]*\n))*", body):
        text = match.group().rstrip()
        found.append((match.start(), match.start() + len(text)))
    return found


def _fold_heading(text: str) -> str:
    return " ".join(text.split()).casefold()


def byline(article: Article) -> str:
    """Source and date of an article, as the reader shows them under the title."""
    parts = [article.source] if article.source else []
    parts.append(f"{article.published.day} {article.published:%b %Y}")
    return " · ".join(parts)


def layout_article(article: Article, highlights: Sequence[Highlight], width: int) -> list[DocLine]:
    """Lay the article out at `width`: title, byline, then paragraphs and headings."""
    lines: list[DocLine] = []
    title = " ".join(article.title.split())
    for start, end in wrap_offsets(title, width):
        lines.append(DocLine(title[start:end].rstrip(), "article-view--title"))
    meta = byline(article)
    for start, end in wrap_offsets(meta, width):
        lines.append(DocLine(meta[start:end].rstrip(), "article-view--byline"))
    if article.url:
        for start, end in wrap_offsets(article.url, width):
            lines.append(DocLine(article.url[start:end], "article-view--byline"))
    headings = {_fold_heading(h) for h in article.subheadings}
    starts = [h.start for h in highlights]
    body = article.body
    for para_start, para_end in paragraphs(body):
        lines.append(DocLine(""))
        text = body[para_start:para_end].replace("\n", " ").replace("\t", " ")
        style = "article-view--heading" if _fold_heading(text) in headings else ""
        # Highlights overlapping this paragraph: they start before its end.
        upto = bisect.bisect_left(starts, para_end)
        inside = [
            (index, highlights[index])
            for index in range(upto)
            if highlights[index].end > para_start
        ]
        inside.sort(key=lambda pair: (_LAYER[pair[1].kind], pair[1].start - pair[1].end))
        for start, end in wrap_offsets(text, width):
            shown = text[start:end].rstrip()
            line_start = para_start + start
            line_end = line_start + len(shown)
            marks = tuple(
                (index, max(h.start, line_start) - line_start, min(h.end, line_end) - line_start)
                for index, h in inside
                if h.start < line_end and h.end > line_start
            )
            lines.append(DocLine(shown, style, line_start, marks))
    return lines


class ArticleView(ScrollView, can_focus=True):
    """The article body with its highlights; Tab/n step between them, Enter follows one."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--title",
        "article-view--byline",
        "article-view--heading",
        "article-view--actor",
        "article-view--quote",
        "article-view--evidence",
        "article-view--sentence",
        "article-view--current",
    }

    DEFAULT_CSS = Path(__file__).with_name("article_view.tcss").read_text(encoding="utf-8")

    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings(
        "reader.next",
        "reader.previous",
        "reader.choose",
        "reader.down",
        "reader.up",
        "reader.top",
        "reader.bottom",
        "reader.page",
    )

    current: reactive[int | None] = reactive(None, init=False)
    """Index in `highlights` of the emphasised highlight, or None."""

    class Highlighted(Message):
        """The emphasised highlight changed (None when there is none)."""

        def __init__(self, view: ArticleView, highlight: Highlight | None) -> None:
            super().__init__()
            self.view = view
            self.highlight = highlight

        @property
        def control(self) -> ArticleView:
            return self.view

    class Chosen(Message):
        """The user asked to go to the item of a highlight (Enter, or a click on it)."""

        def __init__(self, view: ArticleView, highlight: Highlight) -> None:
            super().__init__()
            self.view = view
            self.highlight = highlight

        @property
        def control(self) -> ArticleView:
            return self.view

    def __init__(
        self,
        article: Article,
        spans: Iterable[tuple[Span, Ref]],
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.article = article
        self.highlights: list[Highlight] = build_highlights(spans)
        self._by_ref: dict[Ref, list[int]] = {}
        for index, highlight in enumerate(self.highlights):
            self._by_ref.setdefault(highlight.ref, []).append(index)
        self.stops: list[int] = reader_stops(self.highlights)
        """The indices of `highlights` that n/N step to, in body order."""
        self._lines: list[DocLine] = []
        self._line_starts: list[int] = []
        self._line_numbers: list[int] = []
        self._width = 0
        self._center_pending = False
        self._layer_styles: dict[str, Style] = {}

    # -- layout -------------------------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self._relayout()

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._width:
            return
        anchor = self._top_body_offset()
        self._width = width
        self._lines = layout_article(self.article, self.highlights, width)
        body_lines = [(n, line) for n, line in enumerate(self._lines) if line.start is not None]
        self._line_starts = [line.start for _, line in body_lines]  # type: ignore[misc]
        self._line_numbers = [n for n, _ in body_lines]
        self.virtual_size = Size(width, len(self._lines))
        if self._center_pending and self.current is not None:
            self._center_pending = False
            self.call_after_refresh(self._scroll_to_current, True)
        elif anchor is not None:
            self.call_after_refresh(self._scroll_to_offset, anchor)
        self.refresh()

    def _top_body_offset(self) -> int | None:
        top = round(self.scroll_y)
        if not self._lines or top == 0:
            return None
        for line in self._lines[top:]:
            if line.start is not None:
                return line.start
        return None

    def line_of(self, offset: int) -> int:
        """The screen line that shows body offset `offset` at the current width."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return self._line_numbers[max(index, 0)] if self._line_numbers else 0

    def _scroll_to_offset(self, offset: int) -> None:
        self.scroll_to(y=self.line_of(offset), animate=False)

    def _scroll_to_current(self, center: bool = False) -> None:
        if self.current is None or not self._lines:
            return
        highlight = self.highlights[self.current]
        first = self.line_of(highlight.start)
        last = self.line_of(max(highlight.end - 1, highlight.start))
        # A highlight taller than the view shows from its first line, never only its end.
        region = Region(0, first, 1, min(last - first + 1, max(self.size.height, 1)))
        self.scroll_to_region(region, animate=False, center=center, immediate=True)

    # -- selection ------------------------------------------------------------------------

    @property
    def current_highlight(self) -> Highlight | None:
        return None if self.current is None else self.highlights[self.current]

    def highlights_of(self, ref: Ref) -> list[Highlight]:
        """This article's highlights of one item, in body order."""
        return [self.highlights[i] for i in self._by_ref.get(ref, ())]

    def show(self, ref: Ref, span: Span | None = None) -> bool:
        """Emphasise the item in the sentence of `span` (else its first) and centre it.

        Within the sentence the tightest highlight wins: a name over the evidence sentence
        that contains it, a direct quote's words over its attribution.
        """
        indices = self._by_ref.get(ref, [])
        if not indices:
            return False
        if span is None:
            first = self.highlights[indices[0]]
            bounds = (first.sentence_start, first.sentence_end)
        else:
            bounds = (span.sentence_start, span.sentence_end)
        within = [i for i in indices if bounds[0] <= self.highlights[i].start < bounds[1]]
        chosen = min(
            within or indices,
            key=lambda i: (self.highlights[i].end - self.highlights[i].start, i),
        )
        self.select(chosen, center=True)
        return True

    def index_of(self, start: int, end: int, ref: Ref) -> int | None:
        """The index of the highlight of `ref` at exactly [start, end), if there is one."""
        for index in self._by_ref.get(ref, ()):
            if (self.highlights[index].start, self.highlights[index].end) == (start, end):
                return index
        return None

    def select(self, index: int | None, *, center: bool = False) -> None:
        """Emphasise highlight `index` and bring it into view."""
        if index is not None and not 0 <= index < len(self.highlights):
            raise IndexError(index)
        if not self._lines:
            self._center_pending = center
        self.current = index
        if self._lines:
            self._scroll_to_current(center)

    def watch_current(self, index: int | None) -> None:
        self.post_message(self.Highlighted(self, self.current_highlight))
        self.refresh()

    @property
    def stop_number(self) -> int | None:
        """The current stop's place among the stops, from 1 (a highlight chosen by `show`
        that is no stop counts as the stop before it)."""
        if self.current is None:
            return None
        return max(bisect.bisect_right(self.stops, self.current), 1)

    def action_next_highlight(self) -> None:
        if not self.stops:
            return
        after = 0 if self.current is None else bisect.bisect_right(self.stops, self.current)
        self.select(self.stops[after % len(self.stops)])

    def action_previous_highlight(self) -> None:
        if not self.stops:
            return
        count = len(self.stops)
        before = count if self.current is None else bisect.bisect_left(self.stops, self.current)
        self.select(self.stops[(before - 1) % count])

    def action_choose(self) -> None:
        highlight = self.current_highlight
        if highlight is not None:
            self.post_message(self.Chosen(self, highlight))

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        y = offset.y + round(self.scroll_y)
        if not 0 <= y < len(self._lines):
            return
        line = self._lines[y]
        if line.start is None:
            return
        column = offset.x + round(self.scroll_x)
        cells = 0
        position = len(line.text)
        for index, char in enumerate(line.text):
            cells += cell_len(char)
            if cells > column:
                position = index
                break
        hits = [(end - start, index) for index, start, end in line.marks if start <= position < end]
        if not hits:
            return
        _, index = min(hits)
        if index == self.current:
            self.action_choose()
        else:
            self.select(index)

    # -- rendering ------------------------------------------------------------------------

    def mark_classes(self, highlight: Highlight) -> tuple[str, ...]:
        """The component classes a highlight is drawn with (a subclass may add its own)."""
        return (f"article-view--{highlight.kind}",)

    def emphasis(self) -> list[tuple[int, int, str]]:
        """Body ranges drawn over the highlights, each with its component class: the current
        highlight and its sentence (a subclass may add its own)."""
        current = self.current_highlight
        if current is None:
            return []
        return [
            (current.sentence_start, current.sentence_end, "article-view--sentence"),
            (current.start, current.end, "article-view--current"),
        ]

    def notify_style_update(self) -> None:
        self._layer_styles.clear()
        super().notify_style_update()

    def _layer(self, name: str) -> Style:
        """A component's own style, to lay over what is beneath (keeping alpha and colour)."""
        style = self._layer_styles.get(name)
        if style is None:
            styles = self.get_component_styles(name)
            background = styles.background if styles.has_rule("background") else None
            foreground = styles.color if styles.has_rule("color") else None
            if styles.has_rule("color") and styles.auto_color:
                # "auto" colours ($text-muted…) contrast with what lies beneath.
                under = self.get_visual_style().background
                if under is not None:
                    if background is not None:
                        under += background
                    foreground = under.get_contrast_text(styles.color.a)
            text_style = styles.text_style
            style = Style(
                background,
                foreground,
                bold=text_style.bold,
                dim=text_style.dim,
                italic=text_style.italic,
                underline=text_style.underline,
                strike=text_style.strike,
                reverse=text_style.reverse,
            )
            self._layer_styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        number = scroll_y + y
        if number >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        line = self._lines[number]
        spans: list[ContentSpan] = []
        length = len(line.text)
        if line.style:
            spans.append(ContentSpan(0, length, self._layer(line.style)))
        for index, start, end in line.marks:
            for name in self.mark_classes(self.highlights[index]):
                spans.append(ContentSpan(start, end, self._layer(name)))
        if line.start is not None:
            for start, end, name in self.emphasis():
                local_start = max(start - line.start, 0)
                local_end = min(end - line.start, length)
                if local_end > local_start:
                    spans.append(ContentSpan(local_start, local_end, self._layer(name)))
        content = Content(line.text, spans)
        segments = content.render_segments(self.get_visual_style())
        strip = Strip(segments, content.cell_length)
        return strip.crop_extend(scroll_x, scroll_x + width, self.rich_style)

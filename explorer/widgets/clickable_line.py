"""A one-line row of labelled pieces where a click on a piece posts which one was clicked.

The base of the breadcrumb and of the pane tabs: pieces are `Content` (never markup), and
when they do not fit, the leading pieces give way to an ellipsis so the last ones show.
"""

from __future__ import annotations

from pathlib import Path
from typing import Unpack

from textual.content import Content
from textual.events import Click
from textual.widget import Widget

from explorer.widgets.options import WidgetOptions

ELLIPSIS = "… "


class ClickableLine(Widget):
    """Pieces on one line; `piece_clicked(index)` is called with the piece under a click."""

    DEFAULT_CSS = Path(__file__).with_name("clickable_line.tcss").read_text(encoding="utf-8")

    def __init__(self, *, separator: str = "  ", **kwargs: Unpack[WidgetOptions]) -> None:
        super().__init__(**kwargs)
        self.separator = separator
        self.pieces: list[Content] = []
        self.prefix: Content = Content("")
        self._hits: list[tuple[int, int, int]] = []

    def set_pieces(self, pieces: list[Content], prefix: Content | None = None) -> None:
        self.pieces = pieces
        self.prefix = prefix if prefix is not None else Content("")
        self.refresh()

    def layout_pieces(self, width: int) -> tuple[Content, list[tuple[int, int, int]]]:
        """The line for `width` cells, and where each visible piece sits (start, end, index)."""
        separator = len(self.separator)
        budget = max(0, width - self.prefix.cell_length)
        first = 0
        used = sum(p.cell_length for p in self.pieces) + separator * max(0, len(self.pieces) - 1)
        while first < len(self.pieces) - 1 and used > budget:
            used -= self.pieces[first].cell_length + separator
            first += 1
            if first == 1:
                used += len(ELLIPSIS)
        parts: list[Content | tuple[str, str] | str] = [self.prefix]
        x = self.prefix.cell_length
        hits: list[tuple[int, int, int]] = []
        if first:
            parts.append((ELLIPSIS, "dim"))
            x += len(ELLIPSIS)
        for index in range(first, len(self.pieces)):
            if index > first:
                parts.append((self.separator, "dim"))
                x += separator
            piece = self.pieces[index]
            hits.append((x, x + piece.cell_length, index))
            parts.append(piece)
            x += piece.cell_length
        line = Content.assemble(*parts)
        return line.truncate(width, ellipsis=True), hits

    def render(self) -> Content:
        line, self._hits = self.layout_pieces(self.content_region.width or self.size.width)
        return line

    def piece_at(self, x: int) -> int | None:
        for start, end, index in self._hits:
            if start <= x < end:
                return index
        return None

    def on_click(self, event: Click) -> None:
        index = self.piece_at(event.x)
        if index is not None:
            event.stop()
            self.piece_clicked(index)

    def piece_clicked(self, index: int) -> None:
        """Override: react to a click on piece `index`."""

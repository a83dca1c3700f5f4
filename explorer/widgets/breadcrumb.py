"""The path the user took: one crumb per history entry; a click on a crumb goes there.

Crumbs are shortened in the middle to fit the width ("PLA Eastern…visits Japan"), so items
whose names share a long start stay apart; a quote's crumb is its words, in quotation marks
that always show. The current crumb keeps more of its name than the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Unpack

from rich.cells import cell_len
from textual.content import Content
from textual.message import Message

from explorer.widgets.clickable_line import ClickableLine
from explorer.widgets.options import WidgetOptions
from explorer.widgets.rows import take_cells

# The cells a crumb may take, tried from the first until the path fits the width; the
# current crumb keeps at least CURRENT_CELLS. Past the last, the first crumbs give way.
CRUMB_LIMITS = tuple(range(48, 9, -2))
CURRENT_CELLS = 24
OPEN_QUOTE, CLOSE_QUOTE = "“", "”"


@dataclass(frozen=True, slots=True)
class Crumb:
    """One history entry as the path shows it: `screen` ("Reader", "Timeline") or "" for
    the panes, and the item's name or a quote's words in quotation marks (plain text)."""

    name: str
    screen: str = ""


def shorten_middle(text: str, cells: int) -> str:
    """`text` in at most `cells` cells: its start and its end, an ellipsis between (a quote
    keeps its quotation marks)."""
    if cell_len(text) <= cells:
        return text
    if len(text) > 2 and text[0] == OPEN_QUOTE and text[-1] == CLOSE_QUOTE:
        return OPEN_QUOTE + shorten_middle(text[1:-1], max(1, cells - 2)) + CLOSE_QUOTE
    if cells <= 1:
        return "…"
    head = cells * 3 // 5  # a little more of the start, which is read first
    tail = cells - 1 - head
    start = take_cells(text, head)
    end = take_cells(text, tail, from_end=True) if tail > 0 else ""
    # Whole words where that costs little: cut at a space near the cut.
    if len(start) < len(text) and not text[len(start)].isspace():
        space = start.rfind(" ")
        if space >= len(start) * 2 // 3:
            start = start[:space]
    if end and len(end) < len(text) and not text[-len(end) - 1].isspace():
        space = end.find(" ")
        if 0 <= space <= len(end) // 3:
            end = end[space + 1 :]
    return f"{start.rstrip()}…{end.lstrip()}"


class Breadcrumb(ClickableLine):
    """Crumbs up to and after the current one; the current one stands out."""

    class Goto(Message):
        """A crumb was clicked: go to history entry `index`."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, **kwargs: Unpack[WidgetOptions]) -> None:
        super().__init__(separator=" › ", **kwargs)
        self.crumbs: list[Crumb] = []
        self.current = -1
        self._fitted: int | None = None  # the width the pieces were shortened for
        self.show_trail([], -1)

    def show_trail(self, labels: Sequence[Crumb | str], current: int) -> None:
        """Show `labels` (plain text, shown literally) with entry `current` highlighted."""
        self.crumbs = [label if isinstance(label, Crumb) else Crumb(label) for label in labels]
        self.current = current
        self.has_trail = bool(self.crumbs)
        self._fitted = None
        self._set_pieces(CRUMB_LIMITS[0])

    def _piece(self, index: int, cells: int) -> Content:
        crumb = self.crumbs[index]
        if index == self.current:
            style = "bold reverse"
            cells = max(cells, CURRENT_CELLS)
        elif index > self.current:
            style = "dim italic"
        else:
            style = "underline"
        screen = f"{crumb.screen}: " if crumb.screen else ""
        if not crumb.name:
            return Content.styled(crumb.screen, style)
        name = shorten_middle(crumb.name, max(10, cells - len(screen)))
        return Content.styled(screen + name, style)

    def _set_pieces(self, cells: int, *, refresh: bool = True) -> None:
        pieces = [self._piece(index, cells) for index in range(len(self.crumbs))]
        if not pieces:
            pieces = [Content.styled("no jumps yet — Enter follows a link, [ goes back", "dim")]
        if refresh:
            self.set_pieces(pieces, prefix=Content.styled("Path: ", "bold"))
        else:  # while being drawn: no second paint
            self.pieces = pieces

    def layout_pieces(self, width: int) -> tuple[Content, list[tuple[int, int, int]]]:
        """Shorten the crumbs as much as `width` needs (no more), then lay them out."""
        if self.crumbs and self._fitted != width:
            self._fitted = width
            budget = width - self.prefix.cell_length
            for cells in CRUMB_LIMITS:
                self._set_pieces(cells, refresh=False)
                used = sum(p.cell_length for p in self.pieces)
                used += len(self.separator) * (len(self.pieces) - 1)
                if used <= budget:
                    break
        return super().layout_pieces(width)

    def piece_clicked(self, index: int) -> None:
        if self.has_trail:
            self.post_message(self.Goto(index))

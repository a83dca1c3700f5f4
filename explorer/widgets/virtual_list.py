"""A list that draws only the rows on screen (Textual's Line API), for lists of any length.

`OptionList` builds and measures every option whenever its options change: over a thousand
articles (tens of thousands of rows, re-ordered on every move of another pane) that took
seconds a key. `VirtualList` holds no rows at all: it asks its subclass for the row at an
index (`row_content`) only when that row is drawn, and its size is just a count. It looks
and moves like an `OptionList` (same styles, keys, wrap-around, page moves, mouse), with one
rule line after the first `separator_after` rows and a dim line when there are no rows.
Every row is one line (`text-wrap: nowrap` is assumed).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Unpack

from rich.segment import Segment
from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual

from explorer import keymap
from explorer.widgets.options import WidgetOptions


class VirtualList(ScrollView, can_focus=True):
    """One-line rows drawn on demand; subclasses say how many there are and what each is."""

    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings(
        *("list.down", "list.up", "list.first", "list.last", "list.page_down", "list.page_up"),
    )

    # The look of Textual's OptionList, so the lists of the app all look alike.
    DEFAULT_CSS = Path(__file__).with_name("virtual_list.tcss").read_text(encoding="utf-8")

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-list--row",
        "virtual-list--row-disabled",
        "virtual-list--row-highlighted",
        "virtual-list--row-hover",
        "virtual-list--separator",
    }

    # No repaint of the whole list when they change: the watchers redraw the two rows that
    # changed (a move is two lines drawn, not a screenful).
    highlighted: reactive[int | None] = reactive(None, repaint=False)
    """The index of the row under the cursor, or None when there are no rows."""

    _hover: reactive[int | None] = reactive(None, repaint=False)

    def __init__(self, **kwargs: Unpack[WidgetOptions]) -> None:
        super().__init__(**kwargs)
        self._row_count = 0
        self._separator_after = 0  # a rule after this many rows (0: none)
        self._empty: Content | None = None
        self._strips: LRUCache[tuple[Content, Style, int], Strip] = LRUCache(maxsize=1024)

    # -- for subclasses -------------------------------------------------------------------

    def row_content(self, index: int) -> Content:
        """The row at `index` as drawn (called only for rows on screen)."""
        raise NotImplementedError

    def row_clicked(self, index: int) -> None:
        """The user clicked row `index` (already under the cursor)."""

    def set_rows(self, count: int, separator_after: int = 0, empty: Content | None = None) -> None:
        """Say how many rows there are now, where the rule goes and what shows with none.

        The cursor is not moved (set `highlighted` after this); everything is redrawn.
        """
        self._row_count = count
        self._separator_after = separator_after if 0 < separator_after < count else 0
        self._empty = empty
        self._hover = None
        self.set_reactive(VirtualList.highlighted, None)
        self._update_virtual_size()
        self.scroll_y = 0  # as OptionList.set_options: a new list shows from its top
        self.refresh()

    @property
    def row_count(self) -> int:
        return self._row_count

    def contents(self) -> list[Content]:
        """What the list says, row by row (the empty message when there are no rows).

        Builds every row: O(n), for tests and tools, never for a key.
        """
        if self._row_count == 0:
            return [self._empty] if self._empty is not None else []
        return [self.row_content(index) for index in range(self._row_count)]

    # -- lines and rows -------------------------------------------------------------------

    @property
    def line_count(self) -> int:
        if self._row_count == 0:
            return 1 if self._empty is not None else 0
        return self._row_count + (1 if self._separator_after else 0)

    def line_of(self, index: int) -> int:
        """The line (from the top of the list) that row `index` is drawn on."""
        return index + (1 if self._separator_after and index >= self._separator_after else 0)

    def row_at(self, line: int) -> int | None:
        """The row drawn on `line`; None for the rule (and the empty message)."""
        if self._row_count == 0 or line < 0:
            return None
        after = self._separator_after
        if after and line >= after:
            if line == after:
                return None
            line -= 1
        return line if line < self._row_count else None

    def _update_virtual_size(self) -> None:
        width = self.scrollable_content_region.width
        size = Size(width, self.line_count)
        if size != self.virtual_size:
            self.virtual_size = size
            self._scroll_update(size)

    def _on_resize(self, _event: events.Resize) -> None:
        self._strips.clear()
        self._update_virtual_size()

    def notify_style_update(self) -> None:
        self._strips.clear()
        self.refresh()
        super().notify_style_update()

    def on_show(self) -> None:
        self.scroll_to_highlight()

    # -- drawing --------------------------------------------------------------------------

    def _style(self, component: str = "") -> Style:
        if component:
            return self.get_visual_style("virtual-list--row", component)
        return self.get_visual_style("virtual-list--row")

    def _strip(self, content: Content, style: Style, width: int) -> Strip:
        key = (content, style, width)
        strip = self._strips.get(key)
        if strip is None:
            strips = Visual.to_strips(self, content, width, None, style)
            strip = strips[0] if strips else Strip.blank(width, style.rich_style)
            strip = strip.extend_cell_length(width, style.rich_style).crop(0, width)
            self._strips[key] = strip
        return strip

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        if self._row_count == 0:
            if line == 0 and self._empty is not None:
                return self._strip(self._empty, self._style("virtual-list--row-disabled"), width)
            return Strip.blank(width, self._style().rich_style)
        index = self.row_at(line)
        if index is None:
            if line == self._separator_after:
                rule = self.get_visual_style("virtual-list--separator").rich_style
                return Strip([Segment("─" * width, rule)], width)
            return Strip.blank(width, self._style().rich_style)
        if index == self.highlighted:
            style = self._style("virtual-list--row-highlighted")
        elif index == self._hover:
            style = self._style("virtual-list--row-hover")
        else:
            style = self._style()
        return self._strip(self.row_content(index), style, width).apply_meta({"row": index})

    def refresh_row(self, index: int | None) -> None:
        if index is not None and 0 <= index < self._row_count:
            self.refresh_line(self.line_of(index))

    # -- the cursor -----------------------------------------------------------------------

    def validate_highlighted(self, highlighted: int | None) -> int | None:
        if highlighted is None or self._row_count == 0:
            return None
        return max(0, min(self._row_count - 1, highlighted))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        self.refresh_row(old)
        self.refresh_row(new)
        self.scroll_to_highlight()

    def watch__hover(self, old: int | None, new: int | None) -> None:
        self.refresh_row(old)
        self.refresh_row(new)

    def scroll_to_highlight(self, top: bool = False) -> None:
        """Scroll just enough to show the row under the cursor."""
        if self.highlighted is None or not self.is_mounted:
            return
        self._update_virtual_size()
        y = self.line_of(self.highlighted)
        width = self.scrollable_content_region.width
        self.scroll_to_region(
            Region(0, y, width, 1), force=True, animate=False, top=top, immediate=True
        )

    def action_cursor_down(self) -> None:
        """The next row, round to the first after the last."""
        if self._row_count:
            current = self.highlighted
            self.highlighted = 0 if current is None else (current + 1) % self._row_count

    def action_cursor_up(self) -> None:
        """The previous row, round to the last before the first."""
        if self._row_count:
            current = self.highlighted
            last = self._row_count - 1
            self.highlighted = last if current is None else (current - 1) % self._row_count

    def action_first(self) -> None:
        if self._row_count:
            self.highlighted = 0

    def action_last(self) -> None:
        if self._row_count:
            self.highlighted = self._row_count - 1

    def _move_page(self, direction: int) -> None:
        if not self._row_count:
            return
        if self.highlighted is None:
            self.highlighted = 0 if direction < 0 else self._row_count - 1
            return
        height = self.scrollable_content_region.height
        line = self.line_of(self.highlighted) + direction * height
        line = max(0, min(self.line_count - 1, line))
        index = self.row_at(line)
        # The rule belongs to the row above it, as in an OptionList.
        self.highlighted = index if index is not None else self._separator_after - 1

    def action_page_down(self) -> None:
        self._move_page(1)

    def action_page_up(self) -> None:
        self._move_page(-1)

    # -- the mouse ------------------------------------------------------------------------

    async def _on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("row")
        if isinstance(index, int) and 0 <= index < self._row_count:
            self.highlighted = index
            self.row_clicked(index)

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        index = event.style.meta.get("row")
        self._hover = index if isinstance(index, int) else None

    def _on_leave(self, _event: events.Leave) -> None:
        self._hover = None

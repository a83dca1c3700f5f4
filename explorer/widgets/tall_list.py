"""A list of rows of any height that builds and measures only the rows it needs (Line API).

`OptionList` builds, and measures by wrapping, every option whenever its options change, and
sums every height again at each layout: for the timeline of a thousand articles (nine
thousand entries of two or three lines) or 500 search results, that is seconds, or a quarter
of a second a typed letter. `TallList` holds no rows: a subclass says how many there are, and
gives the row at an index (`row_visual`) and its height (`row_height`) when asked. Heights are
measured from the top as far as the screen (or the cursor) needs; below that, the length of
the list is estimated from the rows measured, and corrected as more are. A list of at most
`EAGER_ROWS` rows is measured whole at once, so it scrolls exactly as an `OptionList` would.

It looks and moves like an `OptionList` (same styles, keys, wrap-around, page moves, mouse,
disabled rows the cursor skips), with component classes named `tall-list--row…`.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, ClassVar, cast

from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding, Visual

from explorer import keymap

if TYPE_CHECKING:
    from textual.css.styles import RulesMap


class TallList(ScrollView, can_focus=True):
    """Rows of any height, built and measured on demand; subclasses say what they are."""

    # The lists' keys of explorer/keymap.py; Enter is the list's own (`timeline.go` there).
    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings(
        *("list.down", "list.up", "list.first", "list.last", "list.page_down", "list.page_up"),
    )

    # The look of Textual's OptionList, so the lists of the app all look alike.
    DEFAULT_CSS = """
    TallList {
        height: auto;
        max-height: 100%;
        color: $foreground;
        overflow-x: hidden;
        border: tall $border-blurred;
        padding: 0 1;
        background: $surface;
        & > .tall-list--row-highlighted {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .tall-list--row-highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .tall-list--row-highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
        }
        & > .tall-list--row-disabled {
            color: $text-disabled;
        }
        & > .tall-list--row-hover {
            background: $block-hover-background;
        }
    }
    """

    EAGER_ROWS: ClassVar[int] = 200
    """A list of at most this many rows is measured whole when its rows are set."""

    FAR_ROWS: ClassVar[int] = 100
    """Rows measured above a cursor far below the rows measured (those above them are given
    the average height until drawn)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "tall-list--row",
        "tall-list--row-disabled",
        "tall-list--row-highlighted",
        "tall-list--row-hover",
    }

    # The watchers redraw the rows that changed; the whole list is not repainted.
    highlighted: reactive[int | None] = reactive(None, repaint=False)
    """The index of the row under the cursor, or None when there are none (or all are off)."""

    _hover: reactive[int | None] = reactive(None, repaint=False)

    class Highlighted(Message):
        """The cursor moved onto an enabled row."""

        def __init__(self, tall_list: TallList, index: int) -> None:
            super().__init__()
            self.tall_list = tall_list
            self.index = index

        @property
        def control(self) -> TallList:
            return self.tall_list

    class Selected(Message):
        """The user chose an enabled row (Enter, or a click)."""

        def __init__(self, tall_list: TallList, index: int) -> None:
            super().__init__()
            self.tall_list = tall_list
            self.index = index

        @property
        def control(self) -> TallList:
            return self.tall_list

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._row_count = 0
        self._ends: list[int] = []  # the line after each measured row, from the top
        # Rows between the measured top and a far cursor whose height is guessed (the
        # average), measured when drawn or reached.
        self._guessed: set[int] = set()
        self._measured_width: int | None = None
        # The measures at other widths (with and without a scrollbar, the layout's own).
        self._ends_at: dict[int, tuple[list[int], set[int]]] = {}
        self._visuals: LRUCache[int, Visual] = LRUCache(maxsize=256)
        self._strips: LRUCache[tuple[int, Style, int], list[Strip]] = LRUCache(maxsize=256)

    # -- for subclasses -------------------------------------------------------------------

    def row_visual(self, index: int) -> Visual | Content:
        """Row `index` as drawn (called only for rows measured or on screen)."""
        raise NotImplementedError

    def row_height(self, index: int, width: int) -> int:
        """How many lines row `index` takes at `width` cells; by default, measured from its
        visual (a subclass that knows a faster exact answer says so)."""
        # The widget's styles are the rules a visual is measured by (as Textual's own).
        rules = cast("RulesMap", self.styles)
        return max(self._visual(index).get_height(rules, width), 1)

    def row_enabled(self, index: int) -> bool:
        """Whether the cursor can stop on row `index` (disabled rows are text)."""
        return True

    def set_rows(self, count: int) -> None:
        """Say how many rows there are now (all new); the cursor is cleared, the list shows
        from its top. Set `highlighted` after this."""
        self._row_count = count
        self._forget()
        self._hover = None
        self.set_reactive(TallList.highlighted, None)
        self.scroll_y = 0
        if self.is_mounted:
            self._measure_eagerly()
        layout = self.rows_change_layout()
        self._update_virtual_size(layout=layout)
        self.refresh(layout=layout)

    def rows_change_layout(self) -> bool:
        """Whether the rows just set may change the list's size, so that the screen must be
        laid out again (Textual's layout redraws the whole screen): by default yes; a list
        that knows its height stays as it was says no."""
        return True

    @property
    def row_count(self) -> int:
        return self._row_count

    # -- measuring ------------------------------------------------------------------------

    def _forget(self) -> None:
        self._ends = []
        self._guessed = set()
        self._measured_width = None
        self._ends_at = {}
        self._visuals.clear()
        self._strips.clear()

    def _padding(self):
        return self.get_component_styles("tall-list--row").padding

    def _width(self) -> int:
        return self.scrollable_content_region.width

    def _visual(self, index: int) -> Visual:
        visual = self._visuals.get(index)
        if visual is None:
            visual = self._visuals[index] = self.row_visual(index)
        return visual

    def _check_width(self, width: int) -> None:
        if width != self._measured_width:
            if self._measured_width is not None:
                self._ends_at[self._measured_width] = (self._ends, self._guessed)
                if len(self._ends_at) > 4:
                    self._ends_at.pop(next(iter(self._ends_at)))
            self._ends, self._guessed = self._ends_at.pop(width, ([], set()))
            self._measured_width = width

    def _measure(self, rows: int, width: int | None = None) -> None:
        """Measure the rows up to (not including) row `rows`; far below the rows measured,
        all but the last `FAR_ROWS` are given the average height (see `_settle`)."""
        width = self._width() if width is None else width
        self._check_width(width)
        if width <= 0:
            return
        ends = self._ends
        inner = width - self._padding().width
        last = ends[-1] if ends else 0
        rows = min(rows, self._row_count)
        if ends and rows - len(ends) > 2 * self.FAR_ROWS:
            average = last / len(ends)
            first, upto = len(ends), rows - self.FAR_ROWS
            for k in range(upto - first):
                guess = max(int((k + 1) * average) - int(k * average), 1)
                last += guess
                ends.append(last)
            self._guessed.update(range(first, upto))
        for index in range(len(ends), rows):
            last += self.row_height(index, inner)
            ends.append(last)

    def _settle(self, first: int, last: int) -> None:
        """Measure the guessed rows among rows `first`…`last` (the lines below them move)."""
        guessed = self._guessed
        if not guessed:
            return
        ends = self._ends
        todo = [i for i in range(max(first, 0), min(last, len(ends) - 1) + 1) if i in guessed]
        if not todo:
            return
        inner = (self._measured_width or 0) - self._padding().width
        changes: dict[int, int] = {}
        for index in todo:
            height = ends[index] - (ends[index - 1] if index else 0)
            change = self.row_height(index, inner) - height
            if change:
                changes[index] = change
            guessed.discard(index)
        if not changes:
            return
        shift = 0
        for index in range(todo[0], len(ends)):
            shift += changes.get(index, 0)
            ends[index] += shift

    def _measure_lines(self, lines: int, width: int | None = None) -> None:
        """Measure rows until they cover `lines` lines from the top (or all are measured)."""
        width = self._width() if width is None else width
        self._check_width(width)
        if width <= 0:
            return
        ends = self._ends
        inner = width - self._padding().width
        last = ends[-1] if ends else 0
        index = len(ends)
        while last < lines and index < self._row_count:
            last += self.row_height(index, inner)
            ends.append(last)
            index += 1

    def _measure_eagerly(self, width: int | None = None) -> None:
        if self._row_count <= self.EAGER_ROWS:
            self._measure(self._row_count, width)
        else:
            self._measure_lines(max(self.size.height, 1) * 2, width)

    def _total_lines(self) -> int:
        """The lines of the measured rows, and an estimate for the rest."""
        ends = self._ends
        if not ends:
            return self._row_count
        rest = self._row_count - len(ends)
        return ends[-1] + round(rest * ends[-1] / len(ends))

    def _update_virtual_size(self, *, layout: bool = True) -> None:
        """Say how long the list is now (as far as it is known). With `layout` False (the
        list's own size cannot have changed: `rows_change_layout`), only the list and its
        scrollbar are drawn again: Textual lays the whole screen out for a new scrollable
        size, and that was a good part of a typed letter's time."""
        size = Size(self._width(), self._total_lines())
        if size != self.virtual_size:
            if layout:
                self.virtual_size = size
            else:
                self.set_reactive(ScrollView.virtual_size, size)
            self._scroll_update(size)

    def row_lines(self, index: int) -> tuple[int, int]:
        """The first line of row `index` and how many lines it takes (measuring to it)."""
        self._measure(index + 1)
        ends = self._ends
        if index >= len(ends):
            return (ends[-1] if ends else 0), 1
        start = ends[index - 1] if index else 0
        return start, ends[index] - start

    def row_at_line(self, line: int) -> int | None:
        """The row drawn on `line` from the top (measuring to it); None past the end."""
        if line < 0:
            return None
        self._measure_lines(line + 1)
        index = bisect_right(self._ends, line)
        return index if index < len(self._ends) else None

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Auto height (the search results): enough rows to fill what the list may take,
        # no more than its max-height nor the terminal. The list's whole length is its
        # virtual size, not its height: a container of auto height (the search) adds its
        # children's content heights before their max-height, so a list of 500 hits made
        # the search a thousand lines tall, the panes above it one line, the screen scroll.
        limit = viewport.height
        max_height = self.styles.max_height
        if max_height is not None:
            limit = min(limit, int(max_height.resolve(container, viewport)))
        self._measure_lines(limit + 1, width)
        return min(self._total_lines(), limit)

    def _on_resize(self, _event: events.Resize) -> None:
        self._check_width(self._width())
        self._measure_eagerly()
        self._update_virtual_size()

    def notify_style_update(self) -> None:
        self._strips.clear()
        self.refresh()
        super().notify_style_update()

    def on_mount(self) -> None:
        self._measure_eagerly()
        self._update_virtual_size()

    def on_show(self) -> None:
        self.scroll_to_highlight()

    # -- drawing --------------------------------------------------------------------------

    def _style(self, component: str = "") -> Style:
        if component:
            return self.get_visual_style("tall-list--row", component)
        return self.get_visual_style("tall-list--row")

    def _row_strips(self, index: int, style: Style, width: int) -> list[Strip]:
        key = (index, style, width)
        strips = self._strips.get(key)
        if strips is None:
            visual: Visual = self._visual(index)
            padding = self._padding()
            if padding:
                visual = Padding(visual, padding)
            meta = {"row": index}
            strips = [
                strip.extend_cell_length(width, style.rich_style).apply_meta(meta)
                for strip in Visual.to_strips(self, visual, width, None, style)
            ]
            self._strips[key] = strips
        return strips

    def render_lines(self, crop: Region) -> list[Strip]:
        # Measure what is about to be drawn first: the length estimate may change with it.
        self._measure_lines(self.scroll_offset.y + crop.bottom)
        if self._guessed:
            top = self.row_at_line(self.scroll_offset.y + crop.y)
            if top is not None:
                self._settle(top, top + crop.height)
        self._update_virtual_size(layout=self.rows_change_layout())
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self._width()
        line = self.scroll_offset.y + y
        index = self.row_at_line(line)
        if index is None:
            return Strip.blank(width, self._style().rich_style)
        if not self.row_enabled(index):
            style = self._style("tall-list--row-disabled")
        elif index == self.highlighted:
            style = self._style("tall-list--row-highlighted")
        elif index == self._hover:
            style = self._style("tall-list--row-hover")
        else:
            style = self._style()
        start, _height = self.row_lines(index)
        strips = self._row_strips(index, style, width)
        offset = line - start
        if offset >= len(strips):
            return Strip.blank(width, self._style().rich_style)
        return strips[offset]

    def refresh_row(self, index: int | None) -> None:
        if index is None or not 0 <= index < self._row_count or index >= len(self._ends):
            return
        start, height = self.row_lines(index)
        width = max(self.virtual_size.width, self.size.width)
        self.refresh(Region(0, start - self.scroll_offset.y, width, height))

    # -- the cursor -----------------------------------------------------------------------

    def validate_highlighted(self, highlighted: int | None) -> int | None:
        if highlighted is None or self._row_count == 0:
            return None
        return max(0, min(self._row_count - 1, highlighted))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        self.refresh_row(old)
        self.refresh_row(new)
        if new is not None and self.row_enabled(new):
            self.scroll_to_highlight()
            self.post_message(self.Highlighted(self, new))

    def watch__hover(self, old: int | None, new: int | None) -> None:
        self.refresh_row(old)
        self.refresh_row(new)

    def scroll_to_highlight(self, top: bool = False) -> None:
        """Scroll just enough to show the row under the cursor (all of it, if it fits)."""
        if self.highlighted is None or not self.is_mounted:
            return
        self.row_lines(self.highlighted)  # measured to it: the rows around it are settled
        if self._guessed:
            around = max(self.size.height, 1)
            self._settle(self.highlighted - around, self.highlighted + around)
        start, height = self.row_lines(self.highlighted)
        self._update_virtual_size(layout=self.rows_change_layout())
        self.scroll_to_region(
            Region(0, start, self._width(), height),
            force=True,
            animate=False,
            top=top,
            immediate=True,
        )

    def _next_enabled(self, start: int, step: int, wrap: bool) -> int | None:
        """The first enabled row from `start` on (itself included), going by `step`."""
        count = self._row_count
        index = start
        for _ in range(count):
            if not 0 <= index < count:
                if not wrap:
                    return None
                index %= count
            if self.row_enabled(index):
                return index
            index += step
        return None

    def action_cursor_down(self) -> None:
        """The next enabled row, round to the first after the last."""
        if not self._row_count:
            return
        current = self.highlighted
        found = self._next_enabled(0 if current is None else current + 1, 1, wrap=True)
        if found is not None:
            self.highlighted = found

    def action_cursor_up(self) -> None:
        """The previous enabled row, round to the last before the first."""
        if not self._row_count:
            return
        current = self.highlighted
        start = self._row_count - 1 if current is None else current - 1
        found = self._next_enabled(start, -1, wrap=True)
        if found is not None:
            self.highlighted = found

    def action_first(self) -> None:
        found = self._next_enabled(0, 1, wrap=False)
        if found is not None:
            self.highlighted = found

    def action_last(self) -> None:
        found = self._next_enabled(self._row_count - 1, -1, wrap=False)
        if found is not None:
            self.highlighted = found

    def _move_page(self, direction: int) -> None:
        if not self._row_count:
            return
        start, _height = self.row_lines(self.highlighted or 0)
        target = max(0, start + direction * self.scrollable_content_region.height)
        index = self.row_at_line(target)
        if index is None:
            index = self._row_count - 1
        found = self._next_enabled(index, direction, wrap=False)
        if found is None:
            found = self._next_enabled(index, -direction, wrap=False)
        if found is not None:
            self.highlighted = found

    def action_page_down(self) -> None:
        if self.highlighted is None:
            self.action_last()
        else:
            self._move_page(1)

    def action_page_up(self) -> None:
        if self.highlighted is None:
            self.action_first()
        else:
            self._move_page(-1)

    def action_select(self) -> None:
        index = self.highlighted
        if index is not None and self.row_enabled(index):
            self.post_message(self.Selected(self, index))

    def key_enter(self) -> None:
        self.action_select()

    # -- the mouse ------------------------------------------------------------------------

    async def _on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("row")
        if isinstance(index, int) and 0 <= index < self._row_count and self.row_enabled(index):
            self.highlighted = index
            self.action_select()

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        index = event.style.meta.get("row")
        self._hover = index if isinstance(index, int) else None

    def _on_leave(self, _event: events.Leave) -> None:
        self._hover = None

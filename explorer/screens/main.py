"""The main screen: three linked panes of actors, meetings and quotes, and a detail pane.

The screen holds "what is current" (the item under the cursor of the focused pane) and the
related/only-related mode; panes post messages up, the screen calls down. History lives in
the app's navigator (`explorer.navigator.Navigator`): the screen is handed it as a
`Navigation` to follow links and crumbs, and the navigator calls `select()` here to show a
visit. The quote search's keys (`/`, then `n`, `N`, Esc) are the screen's too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive, var
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from explorer import keymap
from explorer.data import Corpus, ItemKind, Ref
from explorer.history import Visit
from explorer.screens.closing import unless_closed
from explorer.services import Navigation, NoteLookup, SearchIndexSource
from explorer.widgets.breadcrumb import Breadcrumb, Crumb
from explorer.widgets.detail_pane import DetailPane
from explorer.widgets.hints import FittedFooter, TruthfulHints, typing_into_line
from explorer.widgets.item_pane import ItemPane, Linking
from explorer.widgets.pane_tabs import PaneTabs
from explorer.widgets.quote_search import QuoteSearch

PANE_KINDS: tuple[ItemKind, ...] = ("actor", "meeting", "quote")
PANE_NAMES = ["Actors", "Meetings", "Quotes", "Detail"]
MIN_WIDTH = 40
MIN_HEIGHT = 10


class MainScreen(TruthfulHints, Screen[None]):
    """Linked panes; the layout follows the terminal's size (see app.tcss)."""

    # Classes on the screen by size: "-narrow"/"-wide" stack the lists or set them side by
    # side with the detail; "-tiny"/"-short" hide everything but a "too small" message.
    # Textual declares this `ClassVar[...] | None`, which mypy reads as an instance variable.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [  # type: ignore[misc]
        (0, "-tiny-width"),
        (MIN_WIDTH, "-narrow"),
        (80, "-wide"),
    ]
    # Textual declares this `ClassVar[...] | None`, which mypy reads as an instance variable.
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [  # type: ignore[misc]
        (0, "-tiny-height"),
        (MIN_HEIGHT, "-short"),
        (24, "-tall"),
    ]

    # Tab/Shift+Tab go round the panes in a fixed order, hidden ones included; n/N/Esc act
    # only after a search's Enter (every key: explorer/keymap.py).
    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings(
        *("main.next_pane", "main.previous_pane", "main.related", "main.search"),
        *("main.search_next", "main.search_previous", "main.search_close"),
    )
    HELP_CONTEXTS: ClassVar[tuple[str, ...]] = ("panes", "list", "search", "history")

    only_related: var[bool] = var(False)
    current: var[Ref | None] = var(None)
    # Textual repaints the whole screen when the focus moves; the two widgets concerned are
    # restyled (and redrawn) anyway, and redrawing every other one was most of Tab's time.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(
        self,
        corpus: Corpus,
        *,
        navigation: Navigation,
        notes: NoteLookup,
        search: SearchIndexSource,
        filtered: bool = False,
    ) -> None:
        super().__init__()
        self.corpus = corpus
        self.filtered = filtered  # the corpus is one article of more: the panes' titles say so
        self.navigation = navigation
        self.notes = notes
        self.search_index = search
        self._search_before: tuple[Ref | None, Widget | None] = (None, None)
        self.active_list = 0
        self.too_small = False  # the terminal is below MIN_WIDTH x MIN_HEIGHT: nothing shows
        self._focus_when_shown: Widget | None = None  # the focus to give back when it grows

    def compose(self) -> ComposeResult:
        yield Breadcrumb(id="crumbs")
        yield PaneTabs(PANE_NAMES, id="tabs")
        with Horizontal(id="body"):
            with Vertical(id="lists"):
                for index, kind in enumerate(PANE_KINDS):
                    yield ItemPane(
                        self.corpus,
                        kind,
                        str(index + 1),
                        notes=self.notes,
                        filtered=self.filtered,
                        id=f"{kind}s",
                    )
            yield DetailPane(self.corpus, notes=self.notes, id="detail")
        yield QuoteSearch(self.corpus, self.search_index, id="quote-search")
        yield Static(id="too-small", markup=False)
        yield FittedFooter()

    @unless_closed
    def on_mount(self) -> None:
        if not self.query(ItemPane):
            # Replaced before it was shown (a second filter chosen at once removes this
            # view, children first): there is nothing left to set up.
            return
        self.set_focus(self.panes[0])
        self._show_active(0)
        self.show_trail(*self.navigation.trail())  # made anew (the filter): the path stays
        self.call_after_refresh(self._prepare_timeline)  # once the data is on screen

    @work(thread=True, group="prepare-timeline", exit_on_error=False)
    def _prepare_timeline(self) -> None:
        """Order the meetings for the timeline off the UI thread, so `t` opens at once (and
        gather the actors' names its filter looks up)."""
        from explorer.screens.articles import narrowable_listing
        from explorer.screens.timeline import timeline_data

        narrowable_listing(self.corpus)  # the article picker's list too
        timeline_data(self.corpus).names.prepare()
        self.post_message(self.TimelinePrepared(self))

    class TimelinePrepared(Message):
        """The timeline of these panes' corpus is worked out: its screen can be made."""

        def __init__(self, screen: MainScreen) -> None:
            super().__init__()
            self.main = screen

    # -- the parts ------------------------------------------------------------------------

    @property
    def panes(self) -> list[ItemPane]:
        return [self.query_one(f"#{kind}s", ItemPane) for kind in PANE_KINDS]

    def pane(self, kind: ItemKind) -> ItemPane:
        return self.query_one(f"#{kind}s", ItemPane)

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    @property
    def crumbs(self) -> Breadcrumb:
        return self.query_one(Breadcrumb)

    @property
    def quote_search(self) -> QuoteSearch:
        return self.query_one(QuoteSearch)

    @property
    def focused_pane(self) -> ItemPane | None:
        focused = self.focused
        return focused if isinstance(focused, ItemPane) else None

    def location(self) -> Visit | None:
        """Where the user is, for the history: the current item on this screen."""
        return Visit(self.current) if self.current is not None else None

    # -- calls from the app ---------------------------------------------------------------

    def select(self, ref: Ref) -> bool:
        """Put the cursor on `ref` in its own pane and focus that pane."""
        pane = self.pane(ref.kind)
        if not pane.select(ref.id):
            return False
        self._show_active(self.panes.index(pane))
        self._focus(pane)  # now, not later: the next key must reach this pane
        self.current = ref
        return True

    def focus_pane(self, index: int) -> None:
        """Focus pane `index` (0-2 the lists, 3 the detail), showing it if it was hidden."""
        self._show_active(index)
        target = self.panes[index] if index < 3 else self.detail
        self._focus(target)  # now, not later: keys typed fast must reach this pane

    def _focus(self, widget: Widget) -> None:
        """Focus `widget`; while the terminal is too small, only once it shows again (a
        hidden pane must take no keys)."""
        if self.too_small:
            self._focus_when_shown = widget
        else:
            self.set_focus(widget)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.too_small:  # nothing shows but "too small": no key acts on the hidden panes
            return False
        if action in ("search_next", "search_previous", "search_close"):
            # n/N/Esc act only while a search is open, and otherwise pass through to their
            # other uses (`n` writes a note).
            search = self.quote_search
            return search.is_open and search.accepted
        if action == "search" and typing_into_line(self):
            return False
        return super().check_action(action, parameters)

    def cycle_pane(self, step: int) -> None:
        order: list[object] = [*self.panes, self.detail]
        index = order.index(self.focused) if self.focused in order else self.active_list
        self.focus_pane((index + step) % len(order))

    def action_cycle_pane(self, step: int) -> None:
        self.cycle_pane(step)

    def toggle_related(self) -> None:
        self.only_related = not self.only_related

    def action_toggle_related(self) -> None:
        self.toggle_related()

    def show_trail(self, labels: Sequence[Crumb | str], current: int) -> None:
        self.crumbs.show_trail(labels, current)

    # -- reacting -------------------------------------------------------------------------

    def watch_current(self, ref: Ref | None) -> None:
        if not self.query(DetailPane):
            return  # replaced before it was shown (see on_mount): nothing to update
        if ref is None:
            self.detail.show(ref)
            return
        refresh_hints = getattr(self.app, "refresh_history_hints", None)
        if refresh_hints is not None:
            refresh_hints()  # back may go somewhere now
        for pane in self.panes:
            if pane.kind == ref.kind:
                continue
            via = frozenset(self.corpus.related_through_members(ref, pane.kind))
            # An actor's own meetings and statements, as places in the pane's order when
            # stored (thousands of ids to read and look up, for some), else as ids.
            places = None if via else self.corpus.related_places(ref, pane.kind)
            if places is not None:
                linking = Linking(ref, frozenset(), via, places)
            else:
                direct = self.corpus.related(ref, pane.kind)
                linking = Linking(ref, frozenset(direct) | via, via)
            pane.relate_to(linking, self.only_related)
        # After the panes: the detail's links are counted from the lists they have read.
        self.detail.show(ref)

    def watch_only_related(self, only_related: bool) -> None:
        # No class on the screen for it: no style reads one, and a class on the screen
        # restyles every widget of it (most of an r at times). The panes' titles say it.
        for pane in self.query(ItemPane):
            pane.set_only_related(only_related)
        focused = self.focused_pane
        if focused is not None and focused.current_ref not in (None, self.current):
            self.current = focused.current_ref

    def on_item_pane_cursor_moved(self, event: ItemPane.CursorMoved) -> None:
        event.stop()
        # Where that pane's cursor is now: the list may have been relinked since.
        ref = event.pane.current_ref
        if ref is None:
            return
        if event.pane is self.focused:
            self._show_active(self.panes.index(event.pane))
        self.current = ref

    def on_item_pane_opened(self, event: ItemPane.Opened) -> None:
        event.stop()
        self.focus_pane(3)

    def on_detail_pane_follow(self, event: DetailPane.Follow) -> None:
        event.stop()
        self.navigation.goto(event.ref)

    def on_breadcrumb_goto(self, event: Breadcrumb.Goto) -> None:
        event.stop()
        self.navigation.go_history(event.index)

    # -- the quote search -----------------------------------------------------------------

    def action_search(self) -> None:
        self._search_before = (self.current, self.focused)
        self.quote_search.open()
        self.refresh_bindings()

    def action_search_next(self) -> None:
        self._go_to_result(1)

    def action_search_previous(self) -> None:
        self._go_to_result(-1)

    def action_search_close(self) -> None:
        self.quote_search.close()
        self.refresh_bindings()

    def _go_to_result(self, step: int) -> None:
        ref = self.quote_search.step(step)
        if ref is not None:
            self._show_result(ref)

    def _show_result(self, ref: Ref) -> None:
        if self.navigation.goto(ref):
            self._show_active(3)
            # The result's words stay in view, on a short terminal too (not its first link).
            if self.too_small:
                self._focus_when_shown = self.detail
            else:
                self.detail.focus_on_item()

    def on_quote_search_goto(self, event: QuoteSearch.Goto) -> None:
        event.stop()
        self._show_result(event.ref)
        self.refresh_bindings()

    def on_quote_search_cancelled(self, event: QuoteSearch.Cancelled) -> None:
        """Back to the item and the pane that were shown before `/`."""
        event.stop()
        ref, focused = self._search_before
        if ref is not None and self.current != ref:
            self.select(ref)
        if focused is not None and focused.is_attached:
            self.set_focus(focused)
        self.refresh_bindings()

    def on_pane_tabs_picked(self, event: PaneTabs.Picked) -> None:
        event.stop()
        self.focus_pane(event.index)

    def on_descendant_focus(self) -> None:
        focused = self.focused
        if focused is self.detail:
            self.query_one(PaneTabs).show_active(3)

    def on_resize(self, event: events.Resize) -> None:
        # Textual has set the size classes (the breakpoints) by now.
        self._update_too_small(event.size)
        self._mark_active_list()

    def _update_too_small(self, size: Size) -> None:
        width, height = size
        message = f"Terminal too small\n({width}x{height}, needs {MIN_WIDTH}x{MIN_HEIGHT})\nq quits"
        self.query_one("#too-small", Static).update(message)
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        if too_small and not self.too_small:
            # The panes are hidden (app.tcss): they give up the focus, and with it the keys.
            self._focus_when_shown = self.focused
            self.set_focus(None)
        elif self.too_small and not too_small and self._focus_when_shown is not None:
            self.set_focus(self._focus_when_shown)
            self._focus_when_shown = None
        self.too_small = too_small
        self.refresh_bindings()

    def _show_active(self, index: int) -> None:
        """In stacked layouts only the active list shows; remember which one it is."""
        if index < 3:
            self.active_list = index
            self._mark_active_list()
        self.query_one(PaneTabs).show_active(index)

    def _mark_active_list(self) -> None:
        """Class the active list "-active" where the layout is stacked (app.tcss shows only
        it); side by side no pane has the class: restyling two panes on every Tab or 1/2/3
        for a class that changes nothing there was a good part of the key's time."""
        stacked = self.has_class("-narrow") or self.has_class("-short")
        for pane in self.query(ItemPane):  # none yet (or any more) while (un)mounting
            active = stacked and PANE_KINDS.index(pane.kind) == self.active_list
            if pane.has_class("-active") != active:  # restyled only if so
                pane.set_class(active, "-active")

"""The app's navigator: the history, and every jump between items and screens.

`goto(ref)` is the one way to jump to an item, so every jump is recorded; screens that are
history entries (the reader, the timeline) are shown by handlers registered with
`register_visit_handler()`, and say where the user is in them with a `location()` method.
A jump never drops a note being written without asking (`leave_unsaved_then`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from explorer.history import MAIN, History, Visit

if TYPE_CHECKING:
    from textual.app import App

    from explorer.data import Corpus, Ref
    from explorer.screens.main import MainScreen
    from explorer.widgets.breadcrumb import Crumb

CRUMB_CHARS = 60  # of a name's start and of its end: the path line shortens the middle


@runtime_checkable
class HoldsUnsaved(Protocol):
    """A screen that may hold text not yet saved (the note editor)."""

    @property
    def unsaved(self) -> bool: ...

    def ask_to_discard(self, then: Callable[[], None]) -> None: ...


class Navigator:
    """History and jumps over the app's screen stack, the main screen at its bottom."""

    def __init__(
        self,
        app: App[None],
        corpus: Callable[[], Corpus],
        *,
        history_size: int = 100,
        names: Callable[[], Corpus] | None = None,
    ) -> None:
        self._app = app
        self._corpus = corpus  # the corpus shown now (it changes with the article filter)
        self._names = names or corpus  # every item, for the names of the path's crumbs
        self.history = History(history_size)
        self._handlers: dict[str, Callable[[Visit], None]] = {}

    @property
    def main(self) -> MainScreen:
        """The main screen, always at the bottom of the stack."""
        from explorer.screens.main import MainScreen

        screen = self._app.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    def to_main(self) -> MainScreen:
        """Close every screen above the main one, and return it."""
        while len(self._app.screen_stack) > 1:
            self._app.pop_screen()
        return self.main

    # -- jumping --------------------------------------------------------------------------

    def goto(self, ref: Ref) -> bool:
        """Select `ref` in its pane and focus it, recording the jump in the history."""
        if ref not in self._corpus():
            self._app.notify(f"No such item: {ref}", severity="warning", markup=False)
            return False
        self.visit(Visit(ref))
        return True

    def visit(self, visit: Visit) -> None:
        """Go to `visit` and record it, with the place the user is leaving (a note being
        written is not left without asking, as for every jump below)."""
        self.leave_unsaved_then(partial(self._visit, visit))

    def _visit(self, visit: Visit) -> None:
        self._remember_here()
        self.history.visit(visit)
        self._show(visit)

    def back(self) -> None:
        self.leave_unsaved_then(self._back)

    def _back(self) -> None:
        self._remember_here()
        if self.history.back() and self.history.current is not None:
            self._show(self.history.current)
        else:
            self._app.bell()

    def forward(self) -> None:
        self.leave_unsaved_then(self._forward)

    def _forward(self) -> None:
        if self.history.forward() and self.history.current is not None:
            self._show(self.history.current)
        else:
            self._app.bell()

    def go_history(self, index: int) -> None:
        """Go to history entry `index` (a crumb clicked)."""
        self.leave_unsaved_then(partial(self._go_history, index))

    def _go_history(self, index: int) -> None:
        if self.history.go(index) and self.history.current is not None:
            self._show(self.history.current)

    def leave_unsaved_then(self, then: Callable[[], None]) -> None:
        """Run `then` (which leaves the screens on top); first, when one of them holds text
        not yet saved (the note editor), ask whether to discard it, and go only if so."""
        for screen in reversed(self._app.screen_stack):
            if isinstance(screen, HoldsUnsaved) and screen.unsaved:
                screen.ask_to_discard(then)
                return
        then()

    # -- screens and places ---------------------------------------------------------------

    def register_visit_handler(self, screen: str, handler: Callable[[Visit], None]) -> None:
        """Say how to show a visit of another screen when back/forward lands on it."""
        self._handlers[screen] = handler

    def location(self) -> Visit | None:
        """Where the user is now: the top screen's own idea of it, if it has one."""
        locate = getattr(self._app.screen, "location", None)
        return locate() if callable(locate) else self.main.location()

    def _remember_here(self) -> None:
        here = self.location()
        if here is not None and here != self.history.current:
            self.history.visit(here)

    def _show(self, visit: Visit) -> None:
        if visit.screen == MAIN:
            main = self.to_main()
            if visit.ref is not None and not main.select(visit.ref):
                # An entry from before the article filter, of another article.
                self._app.notify(
                    f"{self._crumb(visit).name} is in another article than the one shown "
                    "(f shows all)",
                    severity="warning",
                    markup=False,
                )
        else:
            handler = self._handlers.get(visit.screen)
            if handler is not None:
                handler(visit)
        self._update_trail()

    def trail(self) -> tuple[list[Crumb], int]:
        """The path line's crumbs, one per history entry, and the current entry's index."""
        return [self._crumb(visit) for visit in self.history], self.history.index

    def _update_trail(self) -> None:
        self.main.show_trail(*self.trail())
        refresh_hints = getattr(self._app, "refresh_history_hints", None)
        if refresh_hints is not None:
            refresh_hints()  # [ and ] dimmed or not

    def _crumb(self, visit: Visit) -> Crumb:
        from explorer.widgets.breadcrumb import Crumb
        from explorer.widgets.rows import crumb_name

        name = ""
        if visit.ref is not None:
            # An entry from before the article filter may be outside the items shown now.
            shown = self._corpus()
            corpus = shown if visit.ref in shown else self._names()
            name = crumb_name(corpus, visit.ref, CRUMB_CHARS)
        screen = visit.screen.capitalize() if visit.screen != MAIN else ""
        return Crumb(name, screen)

"""How the app opens the article reader and the timeline, and brings them back from history.

`ProvenanceScreens` is one of the app's parts: it opens the reader (key `a`) and the timeline
(key `t`) from any screen on the item under the cursor, and the reader at a sentence of the
detail pane (`OpenSentence`); both screens are history entries of the app's `Navigator`, and
back and forward return to them at the highlight, filter and row the user left
(`PlaceChanged`).

History entries (`explorer.history.Visit`):
- reader: `Visit(ref, "reader", "ARTICLE@SENTENCE_START")` — the item, and the sentence of
  the article it was opened at;
- timeline: `Visit(ref, "timeline")` — `ref` the item whose meetings are marked (the cursor
  on the first of them), or None;
- expectations (key `p`): `Visit(None, "expectations")`, the planned and expected meetings
  followed up (`explorer/screens/expectations.py`).
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, cast

from explorer.history import Visit

# The screens load when first shown: the app's first frame must not wait for them.
if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from explorer.data import Corpus, Ref, Span
    from explorer.navigator import Navigator
    from explorer.screens.reader import ReaderPlace
    from explorer.screens.timeline import TimelinePlace, TimelineScreen
    from explorer.widgets.provenance import OpenSentence, PlaceChanged

READER = "reader"
TIMELINE = "timeline"
EXPECTATIONS = "expectations"
PLACES_KEPT = 200


# The screens with an item under their cursor (`current_ref`), by module and class.
CURSOR_SCREENS = (
    ("explorer.screens.reader", "ReaderScreen"),
    ("explorer.screens.timeline", "TimelineScreen"),
    ("explorer.screens.network", "NetworkScreen"),
    ("explorer.screens.expectations", "ExpectationsScreen"),
)


def loaded_class(module: str, name: str) -> type:
    """Class `name` of `module` if that module is loaded, else a class nothing is an instance
    of: a screen whose module is not loaded is not on top. Importing the module to ask
    loaded the reader's, the network's and the expectations' modules on the first `t`
    (about 60 ms), for screens that were not open."""
    loaded = sys.modules.get(module)
    found = getattr(loaded, name, None) if loaded is not None else None
    return found if isinstance(found, type) else _Nothing


class _Nothing:
    """No screen is one."""


class CursorScreen(Protocol):
    """What the screens of `CURSOR_SCREENS` have."""

    @property
    def current_ref(self) -> Ref | None: ...


def reader_anchor(article_id: str, span: Span | None) -> str:
    return article_id if span is None else f"{article_id}@{span.sentence_start}"


class ProvenanceScreens:
    """The reader and the timeline, opened by key or link, recorded in the history."""

    def __init__(self, app: App[None], navigator: Navigator, corpus: Callable[[], Corpus]) -> None:
        self._app = app
        self._navigator = navigator
        self._corpus = corpus
        self._places: OrderedDict[Visit, object] = OrderedDict()
        self._timeline: TimelineScreen | None = None  # kept between openings
        navigator.register_visit_handler(READER, self._show_reader)
        navigator.register_visit_handler(TIMELINE, self._show_timeline)
        navigator.register_visit_handler(EXPECTATIONS, self._show_expectations)

    # -- what the user is on --------------------------------------------------------------

    def item_here(self) -> Ref | None:
        """The item under the cursor of whichever screen is on top."""
        from explorer.screens.main import MainScreen

        screen = self._app.screen
        for module, name in CURSOR_SCREENS:
            if isinstance(screen, loaded_class(module, name)):
                return cast("CursorScreen", screen).current_ref
        if isinstance(screen, MainScreen):
            return screen.current
        return self._navigator.main.current

    # -- opening --------------------------------------------------------------------------

    def open_reader(self) -> None:
        """Read the article at the first sentence that supports the item under the cursor."""
        corpus = self._corpus()
        ref = self.item_here()
        sentences = corpus.sentences(ref) if ref is not None else []
        if sentences:
            article, span = sentences[0]
            self._navigator.visit(Visit(ref, READER, reader_anchor(article.id, span)))
            return
        if ref is not None:
            from explorer.describe import item_title

            item = corpus[ref]
            self._app.notify(
                f"No sentence of the article supports {item_title(item)}",
                severity="warning",
                markup=False,
            )
        article_id = next(iter(corpus.articles), None)
        if article_id is not None:
            self._navigator.visit(Visit(None, READER, article_id))

    def open_sentence(self, message: OpenSentence) -> None:
        """The reader at the sentence a link of the detail pane named."""
        message.stop()
        self._navigator.visit(
            Visit(message.ref, READER, reader_anchor(message.article.id, message.span))
        )

    def open_timeline(self) -> None:
        """Every meeting in date order, placed on the meetings of the item under the cursor
        (marked, with `r` to show only them); opened afresh, never where it was left."""
        from explorer.screens.timeline import TimelineScreen

        if isinstance(self._app.screen, TimelineScreen):
            return
        visit = Visit(self.item_here(), TIMELINE)
        self._places.pop(visit, None)  # back/forward return to a place; `t` starts anew
        self._navigator.visit(visit)

    def open_expectations(self) -> None:
        """The planned and expected meetings, followed up (opened afresh at the top)."""
        from explorer.screens.expectations import ExpectationsScreen

        if isinstance(self._app.screen, ExpectationsScreen):
            return
        visit = Visit(None, EXPECTATIONS)
        self._places.pop(visit, None)  # back/forward return to a row; `p` starts anew
        self._navigator.visit(visit)

    # -- showing a visit (opened, or reached by back/forward) -----------------------------

    def place_changed(self, message: PlaceChanged) -> None:
        """Keep the latest place of a visit, for back and forward to return to."""
        message.stop()
        self._places[message.visit] = message.place
        self._places.move_to_end(message.visit)
        while len(self._places) > PLACES_KEPT:
            self._places.popitem(last=False)

    def place_of(self, visit: Visit) -> object | None:
        """The latest place a screen reported for `visit` (None: none yet)."""
        return self._places.get(visit)

    def _show_reader(self, visit: Visit) -> None:
        from explorer.screens.reader import ReaderScreen

        corpus = self._corpus()
        article_id, _, start = (visit.anchor or "").partition("@")
        span = None
        if visit.ref is not None and start.isdigit():
            span = next(
                (
                    s
                    for article, s in corpus.sentences(visit.ref)
                    if article.id == article_id and s.sentence_start == int(start)
                ),
                None,
            )
        place = self._places.get(visit)
        self._navigator.to_main()
        self._app.push_screen(
            ReaderScreen(
                corpus,
                visit.ref,
                article_id=article_id or None,
                span=span,
                visit=visit,
                place=cast("ReaderPlace | None", place),
            )
        )

    def _show_timeline(self, visit: Visit) -> None:
        place = cast("TimelinePlace | None", self._places.get(visit))
        self._navigator.to_main()
        self._app.push_screen(self._timeline_screen(visit, place))

    def _timeline_screen(self, visit: Visit, place: TimelinePlace | None) -> TimelineScreen:
        """The corpus's timeline screen, opened for `visit`: made once, then kept (installed,
        so that closing it does not remove it) and opened again; a new one for a new corpus
        (the article filter changed)."""
        kept = self._timeline
        if kept is not None and self.timeline_made:
            kept.reopen(visit=visit, place=place, around=visit.ref)
            return kept
        return self._new_timeline(visit=visit, place=place, around=visit.ref)

    def _new_timeline(
        self, *, visit: Visit | None, place: TimelinePlace | None, around: Ref | None
    ) -> TimelineScreen:
        """A timeline screen of the corpus shown, kept in place of the last one (whose
        corpus, the last view's, is let go)."""
        from explorer.screens.timeline import TimelineScreen

        kept = self._timeline
        if kept is not None:
            self._app.uninstall_screen(kept)
            kept.remove()
        screen = TimelineScreen(self._corpus(), visit=visit, place=place, around=around)
        self._timeline = screen
        self._app.install_screen(screen, f"timeline-{id(screen)}")
        return screen

    @property
    def timeline_made(self) -> bool:
        """Whether the timeline screen of the corpus shown is made and mounted, so that the
        next `t` opens it as it is."""
        kept = self._timeline
        return kept is not None and kept.corpus is self._corpus() and kept.is_mounted

    def timeline_ahead(self, main: Screen[None]) -> None:
        """Make the timeline screen now, behind the panes `main` (its data just worked out,
        nothing typed yet), so that the first `t` opens it as every later one does:
        composing, styling and laying out a new screen was most of the first `t`. It is
        pushed and popped at once, in one batch: no frame shows it. Made around the item
        under the cursor, as `t` there would open it (the rows it measures are kept)."""
        app = self._app
        if not app.is_running or app.return_code is not None:
            return  # closing: a screen pushed now would change the stacks Textual closes
        if app.screen is not main or not main.is_attached:
            return  # another screen opened already (t too): `t` makes it when it needs it
        if self.timeline_made:
            return
        screen = self._new_timeline(visit=None, place=None, around=self.item_here())
        with app.batch_update():
            app.push_screen(screen)
            app.pop_screen()
        settled = getattr(app, "view_settled", None)
        if settled is not None:  # once it is mounted, what the view made is all there
            app.call_after_refresh(settled)

    def _show_expectations(self, visit: Visit) -> None:
        from explorer.screens.expectations import ExpectationsScreen

        place = self._places.get(visit)
        self._navigator.to_main()
        self._app.push_screen(
            ExpectationsScreen(
                self._corpus(), visit=visit, cursor=place if isinstance(place, str) else None
            )
        )

"""How the app opens the article reader and the timeline, and brings them back from history.

`ProvenanceNavigation` is an app mixin (list it before `App`): `action_reader` (key `a`) and
`action_timeline` (key `t`) work from any screen on the item under the cursor, a sentence of
the detail pane opens the reader there, and both screens are history entries — back and
forward return to them at the highlight, filter and row the user left.

History entries (`explorer.history.Visit`):
- reader: `Visit(ref, "reader", "ARTICLE@SENTENCE_START")` — the item, and the sentence of
  the article it was opened at;
- timeline: `Visit(ref, "timeline")` — `ref` an actor to filter to, a meeting to put the
  cursor on, or None.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, cast

from explorer.history import Visit

# The screens load when first shown: the app's first frame must not wait for them.
if TYPE_CHECKING:
    from explorer.app import ExplorerApp
    from explorer.data import Ref, Span
    from explorer.screens.reader import ReaderPlace
    from explorer.screens.timeline import TimelinePlace
    from explorer.widgets.provenance import OpenSentence, PlaceChanged

READER = "reader"
TIMELINE = "timeline"
PLACES_KEPT = 200


def reader_anchor(article_id: str, span: Span | None) -> str:
    return article_id if span is None else f"{article_id}@{span.sentence_start}"


class ProvenanceNavigation:
    """App mixin: the reader and the timeline, opened by key or link, recorded in history."""

    def on_mount(self) -> None:
        app = self._explorer
        self._places: OrderedDict[Visit, object] = OrderedDict()
        app.register_visit_handler(READER, self._show_reader)
        app.register_visit_handler(TIMELINE, self._show_timeline)

    @property
    def _explorer(self) -> ExplorerApp:
        return cast("ExplorerApp", self)

    # -- what the user is on --------------------------------------------------------------

    def item_here(self) -> Ref | None:
        """The item under the cursor of whichever screen is on top."""
        from explorer.screens.main import MainScreen
        from explorer.screens.reader import ReaderScreen
        from explorer.screens.timeline import TimelineScreen

        app = self._explorer
        screen = app.screen
        if isinstance(screen, ReaderScreen | TimelineScreen):
            return screen.current_ref
        if isinstance(screen, MainScreen):
            return screen.current
        return app.main.current

    # -- opening --------------------------------------------------------------------------

    def action_reader(self) -> None:
        """Read the article at the first sentence that supports the item under the cursor."""
        app = self._explorer
        ref = self.item_here()
        sentences = app.corpus.sentences(ref) if ref is not None else []
        if sentences:
            article, span = sentences[0]
            app.visit(Visit(ref, READER, reader_anchor(article.id, span)))
            return
        if ref is not None:
            from explorer.describe import item_title

            item = app.corpus[ref]
            app.notify(
                f"No sentence of the article supports {item_title(item)}",
                severity="warning",
                markup=False,
            )
        article_id = next(iter(app.corpus.articles), None)
        if article_id is not None:
            app.visit(Visit(None, READER, article_id))

    def on_open_sentence(self, message: OpenSentence) -> None:
        message.stop()
        self._explorer.visit(
            Visit(message.ref, READER, reader_anchor(message.article.id, message.span))
        )

    def action_timeline(self) -> None:
        """Meetings in date order, filtered to the actor under the cursor if there is one."""
        from explorer.data import Ref
        from explorer.screens.timeline import TimelineScreen

        app = self._explorer
        if isinstance(app.screen, TimelineScreen):
            return
        ref = self.item_here()
        if ref is not None and ref.kind == "quote":
            meeting = app.corpus.quotes[ref.id].meeting
            ref = Ref("meeting", meeting) if meeting else None
        app.visit(Visit(ref, TIMELINE))

    # -- showing a visit (opened, or reached by back/forward) -----------------------------

    def on_place_changed(self, message: PlaceChanged) -> None:
        message.stop()
        self._places[message.visit] = message.place
        self._places.move_to_end(message.visit)
        while len(self._places) > PLACES_KEPT:
            self._places.popitem(last=False)

    def _show_reader(self, visit: Visit) -> None:
        from explorer.screens.reader import ReaderScreen

        app = self._explorer
        article_id, _, start = (visit.anchor or "").partition("@")
        span = None
        if visit.ref is not None and start.isdigit():
            span = next(
                (
                    s
                    for article, s in app.corpus.sentences(visit.ref)
                    if article.id == article_id and s.sentence_start == int(start)
                ),
                None,
            )
        place = self._places.get(visit)
        self._to_main()
        app.push_screen(
            ReaderScreen(
                app.corpus,
                visit.ref,
                article_id=article_id or None,
                span=span,
                visit=visit,
                place=cast("ReaderPlace | None", place),
            )
        )

    def _show_timeline(self, visit: Visit) -> None:
        from explorer.screens.timeline import TimelineScreen

        app = self._explorer
        ref = visit.ref
        place = self._places.get(visit)
        self._to_main()
        app.push_screen(
            TimelineScreen(
                app.corpus,
                ref.id if ref is not None and ref.kind == "actor" else None,
                cursor=ref.id if ref is not None and ref.kind == "meeting" else None,
                visit=visit,
                place=cast("TimelinePlace | None", place),
            )
        )

    def _to_main(self) -> None:
        app = self._explorer
        while len(app.screen_stack) > 1:
            app.pop_screen()

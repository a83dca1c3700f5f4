"""How the app opens the network screen (who met whom) and brings it back from history.

`NetworkScreens` is one of the app's parts: `w` opens the network of the actor under the
cursor (on a meeting: its first participant; on a quote: its speaker); Enter on an actor of
the network centres it there. Each network is a history entry of the app's `Navigator`,
`Visit(Ref("actor", ID), "network")`, and back and forward return to it at the row the user
left (the places `ProvenanceScreens` keeps for every screen that reports them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from explorer.data import Ref
from explorer.history import Visit

# The screen loads when first shown: the app's first frame must not wait for it.
if TYPE_CHECKING:
    from textual.app import App

    from explorer.data import Corpus
    from explorer.navigator import Navigator
    from explorer.screens.provenance import ProvenanceScreens

NETWORK = "network"


class NetworkScreens:
    """The network screen, opened by key or by following an actor, recorded in the history."""

    def __init__(
        self,
        app: App[None],
        navigator: Navigator,
        provenance: ProvenanceScreens,
        corpus: Callable[[], Corpus],
    ) -> None:
        self._app = app
        self._navigator = navigator
        self._provenance = provenance
        self._corpus = corpus
        navigator.register_visit_handler(NETWORK, self._show)

    def open_network(self) -> None:
        """The network of the actor under the cursor, or a word on why there is none."""
        from explorer.data.network import actor_for

        ref = self._provenance.item_here()
        actor = actor_for(self._corpus(), ref.kind, ref.id) if ref is not None else None
        if actor is None:
            self._app.notify(
                "No actor here: w shows who an actor met (on a meeting, its first "
                "participant's; on a quote, its speaker's)",
                severity="warning",
                markup=False,
            )
            return
        self.show_network(actor)

    # -- what the network screen is handed (explorer.services.NetworkNavigation) ----------

    def show_network(self, actor_id: str) -> None:
        """Centre the network on `actor_id`: a jump, recorded in the history."""
        self._navigator.visit(Visit(Ref("actor", actor_id), NETWORK))

    def goto(self, ref: Ref) -> bool:
        """An item on the main screen (a meeting of the network), recorded in the history."""
        return self._navigator.goto(ref)

    # -- showing a visit (opened, or reached by back/forward) -----------------------------

    def _show(self, visit: Visit) -> None:
        from explorer.screens.network import NetworkScreen

        corpus = self._corpus()
        if visit.ref is None or visit.ref.id not in corpus.actors:
            self._app.notify(
                "That actor is not among the items shown (f shows all)",
                severity="warning",
                markup=False,
            )
            return
        place = self._provenance.place_of(visit)
        self._navigator.to_main()
        self._app.push_screen(
            NetworkScreen(
                corpus,
                visit.ref.id,
                navigation=self,
                visit=visit,
                place=place if isinstance(place, int) else None,
            )
        )

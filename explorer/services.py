"""The narrow interfaces through which screens and widgets reach the app's services.

A screen or widget is handed the service it needs when it is made (a `Navigation`, a
`NoteLookup`, a `SearchIndexSource`…), typed by one of these protocols, so it knows nothing of
the app that made it and a test can hand it a stand-in. The palette's providers are the
exception: Textual makes them itself, so they find the app's `CorpusBrowser` through `app`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from explorer.data import Corpus, Ref
    from explorer.data.notes import Note
    from explorer.data.search import SearchIndex
    from explorer.widgets.breadcrumb import Crumb


class Navigation(Protocol):
    """Jumps that go through the history: the app's navigator."""

    def goto(self, ref: Ref) -> bool:
        """Show `ref` in its pane (recorded in the history); False when there is no such item."""
        ...

    def go_history(self, index: int) -> None:
        """Go to history entry `index` (a crumb clicked)."""
        ...

    def trail(self) -> tuple[list[Crumb], int]:
        """The path line's crumbs, one per history entry, and the current entry's index."""
        ...


class NetworkNavigation(Protocol):
    """The network screen's jumps, each recorded in the history."""

    def goto(self, ref: Ref) -> bool:
        """Show `ref` on the main screen; False when there is no such item."""
        ...

    def show_network(self, actor_id: str) -> None:
        """Centre the network on another actor."""
        ...


class NoteLookup(Protocol):
    """The user's note on an item, as last read from the notes file."""

    def get(self, ref: Ref) -> Note | None: ...


class NoteKeeping(Protocol):
    """Changing notes and bookmarks from a screen, with the app's messages and redraws."""

    def open_note_editor(self, ref: Ref, label: str) -> None: ...

    def toggle_bookmark(self, ref: Ref, label: str) -> None: ...

    def refresh_notes(self) -> None:
        """Redraw every mark and note from the notes as last read."""
        ...


class SearchIndexSource(Protocol):
    """The quote search index of the corpus shown, built off the UI thread by the loader."""

    def get(self) -> SearchIndex:
        """The index; waits for it while it is being built."""
        ...

    @property
    def ready(self) -> bool:
        """Whether `get` answers at once (the index is built)."""
        ...


@runtime_checkable
class CorpusBrowser(Protocol):
    """What the palette's providers ask of the app: the corpus, and jumps within it."""

    @property
    def corpus(self) -> Corpus:
        """The items shown (one article's, while the article filter is on)."""
        ...

    @property
    def full_corpus(self) -> Corpus:
        """Every article loaded, whatever the filter shows."""
        ...

    def goto(self, ref: Ref) -> bool: ...

    def filter_article(self, article: str | None) -> None: ...

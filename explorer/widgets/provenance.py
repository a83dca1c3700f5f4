"""Messages and protocols shared by the provenance screens and the widgets that open them.

Widgets post these upward; the app (see `explorer/screens/provenance.py`) handles them, so a
detail pane can open the reader without knowing how screens or history work.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual.message import Message

from explorer.data import Article, Ref, Span
from explorer.history import Visit


@runtime_checkable
class Navigator(Protocol):
    """What the app offers the provenance screens: put the cursor on an item."""

    def goto(self, ref: Ref) -> object: ...


class OpenSentence(Message):
    """Open the reader on the sentence of `article` that `span` lies in, at `ref`'s mention."""

    def __init__(self, ref: Ref, article: Article, span: Span) -> None:
        super().__init__()
        self.ref = ref
        self.article = article
        self.span = span


class PlaceChanged(Message):
    """A screen recorded in the history moved within itself (a highlight, a filter, a row).

    The app keeps the latest place of each visit, so that back and forward return to the
    very sentence or row the user left, without each small move becoming a history entry.
    """

    def __init__(self, visit: Visit, place: object) -> None:
        super().__init__()
        self.visit = visit
        self.place = place

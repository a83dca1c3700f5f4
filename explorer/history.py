"""Back/forward history, like a browser's: a small model class, separate from any widget.

An entry is a `Visit`: an item on the main screen, or (for screens added later, such as the
article reader or the timeline) a named screen, optionally about an item. The history is
bounded; `back()` and `forward()` say whether they moved; a new visit drops the forward
entries, as a browser does.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from explorer.data import Ref

MAIN = "main"


@dataclass(frozen=True, slots=True)
class Visit:
    """One place the user has been: a screen, and the item it was showing (if any)."""

    ref: Ref | None = None
    screen: str = MAIN
    anchor: str | None = None
    """Where inside the screen, for screens that need more than an item (a sentence, say)."""


class History:
    """A bounded list of visits and a cursor into it."""

    def __init__(self, maxlen: int = 100) -> None:
        if maxlen < 1:
            raise ValueError("a history holds at least one visit")
        self._visits: deque[Visit] = deque(maxlen=maxlen)
        self._index = -1

    def __len__(self) -> int:
        return len(self._visits)

    def __iter__(self) -> Iterator[Visit]:
        return iter(self._visits)

    @property
    def maxlen(self) -> int:
        return self._visits.maxlen or 0

    @property
    def index(self) -> int:
        """Position of the current visit, -1 while empty."""
        return self._index

    @property
    def current(self) -> Visit | None:
        return self._visits[self._index] if self._visits else None

    @property
    def entries(self) -> list[Visit]:
        return list(self._visits)

    @property
    def can_back(self) -> bool:
        return self._index > 0

    @property
    def can_forward(self) -> bool:
        return 0 <= self._index < len(self._visits) - 1

    def visit(self, visit: Visit) -> bool:
        """Record a new visit after the current one, dropping any forward entries.

        Visiting the current entry again records nothing (and returns False), so that
        repeated jumps to one place do not fill the history.
        """
        if self.current == visit:
            return False
        while len(self._visits) > self._index + 1:
            self._visits.pop()
        self._visits.append(visit)  # the deque drops the oldest when full
        self._index = len(self._visits) - 1
        return True

    def back(self) -> bool:
        if not self.can_back:
            return False
        self._index -= 1
        return True

    def forward(self) -> bool:
        if not self.can_forward:
            return False
        self._index += 1
        return True

    def go(self, index: int) -> bool:
        """Move to an entry by position (a crumb clicked), keeping every entry."""
        if not 0 <= index < len(self._visits) or index == self._index:
            return False
        self._index = index
        return True

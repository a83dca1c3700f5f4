"""Python's cycle collector, run while the user pauses rather than in the middle of a key.

Textual's lines (`Strip`) keep themselves in their own caches, so every redraw leaves cycles
that only a full collection frees. Python starts one whenever enough objects have outlived
two younger collections, inside whatever key is being handled: at a thousand articles it went
over the ~50,000 objects of the screens' caches (and whatever else was not frozen) and cost
a key 40-100 ms of CPU, every few keys. `IdleCollector`, one of the app's parts:

- `keep()`: what is alive once a view is made (the corpus, its indexes, the panes and the
  screens made ahead of time) lives as long as the view: collected once, then frozen, so no
  collection goes over it again. `forget()` thaws it when the view is replaced (the article
  filter), so that the old view's objects can be freed; the new one is kept once it is made.
- Python's own full collections come `FULL_EVERY` younger ones apart instead of 10, and one
  runs once no key has come for `IDLE_DELAY` seconds: the garbage of a burst of keys is freed
  in the pause after it, and a user who never pauses still gets a full collection every
  `FULL_EVERY` younger ones, so memory stays bounded.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable

IDLE_DELAY = 1.0  # seconds without a key (and nothing left to do) before a full collection
FULL_EVERY = 100  # young collections between two full ones of Python's own (its default: 10)


class IdleCollector:
    """Full collections in the pauses between keys; what a view keeps, frozen once made."""

    def __init__(
        self, settled: Callable[[], bool], quiet: Callable[[], bool], delay: float = IDLE_DELAY
    ) -> None:
        self._settled = settled  # whether the view is made (no background work left)
        self._quiet = quiet  # whether the app has nothing to do (no message, no worker)
        self.delay = delay
        self._handle: asyncio.TimerHandle | None = None
        self._threshold: tuple[int, int, int] | None = None
        self._kept = False  # the view shown is frozen
        self.collections = 0  # pauses that ran a collection (for tests and tools)

    def start(self) -> None:
        """Make Python's own full collections rarer (the app's pauses run them)."""
        if self._threshold is None:
            self._threshold = gc.get_threshold()
            young, middle, _ = self._threshold
            gc.set_threshold(young, middle, FULL_EVERY)

    def stop(self) -> None:
        """The app closes: Python's thresholds as they were, nothing frozen by the app."""
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        if self._threshold is not None:
            gc.set_threshold(*self._threshold)
            self._threshold = None
        gc.unfreeze()
        self._kept = False

    def activity(self) -> None:
        """A key came: the collection waits for the pause after it."""
        if self._handle is not None:
            self._handle.cancel()
        self._handle = asyncio.get_running_loop().call_later(self.delay, self._idle)

    def keep(self) -> None:
        """Once the view is made: free its garbage, then freeze what is left (once a view)."""
        if self._kept or not self._settled():
            return
        gc.collect()
        gc.freeze()
        self._kept = True

    def forget(self) -> None:
        """The view is replaced: what it kept may go now (kept again once the next is made)."""
        gc.unfreeze()
        self._kept = False

    def _idle(self) -> None:
        self._handle = None
        if not self._quiet():  # a key's work is not over (a slow machine): a pause after it
            self.activity()
            return
        if not self._kept and self._settled():
            self.keep()
        elif gc.get_count()[1:] != (0, 0):  # something survived a young collection since
            gc.collect()
        self.collections += 1

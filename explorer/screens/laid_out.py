"""A screen's first layout does not lay out every screen under it again.

Textual lays a screen out when it is first shown; that layout sends the screen a Resize to
the size it has just been given, and on it the screen lays itself out again (which brings
what the first layout's drawing found, a list's length, to its scrollbars) and every screen
under it too, at the size they already have: the first `f` laid the panes under the picker
out again, and drew the picker over them once more for it. A Resize to the size the screen
already has lays out this screen alone. A real Resize (the terminal resized: the app sends
it before the screen takes the new size) is handled as Textual handles it.
"""

from __future__ import annotations

from typing import Any, cast

from textual import events
from textual.screen import Screen


class LaidOutOnce:
    """A base of a screen class, before `Screen` (a mixin: a `Screen` subclass here would
    bring `Screen`'s default styles back over `ModalScreen`'s see-through background)."""

    def on_resize(self, event: events.Resize) -> None:
        screen = cast("Screen[Any]", self)
        if event.size == screen.size:
            event.prevent_default()  # `Screen._on_resize`: every screen of the stack again
            event.stop()
            screen._refresh_layout(event.size)

"""A screen the app closes before it mounts does nothing when its mount comes."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from textual.screen import Screen

S = TypeVar("S", bound=Screen[Any])


def unless_closed(on_mount: Callable[[S], None]) -> Callable[[S], None]:
    """Run a screen's `on_mount` only while the screen is attached.

    A key that opens a screen followed at once by a quit (`t` then `q` typed fast, Ctrl+C while
    the timeline is built) lets Textual take the screen's children away before its Mount is
    handled: the handler's queries would find nothing and end the app in a traceback. So
    does an app that closes while a screen made ahead behind the panes (the article picker,
    the timeline) is still being mounted: Textual closes it, children first, and its Mount
    comes once it is no longer running. And a key that closes the screen as it opens (`?` then
    Esc typed fast) has Textual take the screen's children away while the screen itself is
    still attached: Textual marks such a node (`_pruning`, `_closing`), with no public name
    for it.
    """

    @functools.wraps(on_mount)
    def guarded(screen: S) -> None:
        removed = screen._pruning or screen._closing or screen._closed
        if screen.is_attached and screen.app.is_running and not removed:
            on_mount(screen)

    return guarded

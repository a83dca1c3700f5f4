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
    handled: the handler's queries would find nothing and end the app in a traceback.
    """

    @functools.wraps(on_mount)
    def guarded(screen: S) -> None:
        if screen.is_attached:
            on_mount(screen)

    return guarded

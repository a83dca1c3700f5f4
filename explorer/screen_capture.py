"""Save the app's screen as SVG after key presses, when EXPLORER_SCREENSHOT_DIR asks for it.

In a browser (`explorer serve`) the terminal is drawn on a canvas, so a test cannot read what
the app shows from the page. With this variable set, the app itself writes what it shows —
text included — to `<dir>/screen.svg` once it has first drawn, again shortly after each key, each
change of screen and each resize, and once a second besides (what is drawn without a key, as the
footer's keys after the first frame, shows there too), so the test can check that keys typed in
the browser reached the app and changed its screen.
Unset (the normal case), nothing is written and no key is slowed.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from explorer.data.atomic import atomic_write_bytes

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

SCREENSHOT_DIR_VARIABLE = "EXPLORER_SCREENSHOT_DIR"
SCREENSHOT_NAME = "screen.svg"
# Long enough for the key's own refresh (and a quick search) to land; short enough for tests.
SETTLE_SECONDS = 0.25
REFRESH_SECONDS = 1.0


def screenshot_dir() -> Path | None:
    """The folder named by EXPLORER_SCREENSHOT_DIR, or None when screenshots are off."""
    value = os.environ.get(SCREENSHOT_DIR_VARIABLE, "").strip()
    return Path(value) if value else None


class ScreenCapture:
    """One of the app's parts: the screen as SVG after keys, on request only."""

    def __init__(self, app: App[None]) -> None:
        self._app = app
        self._timer: Timer | None = None

    def start(self) -> None:
        """The app has mounted: save its first frame, and again whenever the screen changes."""
        if screenshot_dir() is not None:
            self._app.call_after_refresh(self.save_screen)
            # A screen that replaces another (the loading screen giving way to the main one)
            # changes what is shown without a key.
            self._app.screen_change_signal.subscribe(self._app, self._capture_soon)
            self._app.set_interval(REFRESH_SECONDS, self.save_screen)

    def key_handled(self) -> None:
        """A key (not a forwarded one), or a resize, has been handled by the app."""
        if screenshot_dir() is not None:
            self._capture_soon()

    def _capture_soon(self, *_: object) -> None:
        """Save the screen once it has settled: the last of a burst of keys restarts the wait."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._app.set_timer(SETTLE_SECONDS, self.save_screen)

    def save_screen(self) -> Path | None:
        """Write the current screen to `<dir>/screen.svg`; readers never see half a file."""
        folder = screenshot_dir()
        if folder is None:
            return None
        if not self._drawable():
            if self._app.is_running:
                self._capture_soon()  # a screen still opening: save it once it is up
            return None
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / SCREENSHOT_NAME
        svg = self._app.export_screenshot()
        atomic_write_bytes(path, svg.encode("utf-8"))
        return path

    def _drawable(self) -> bool:
        """Whether the top screen can be drawn whole: running, and mounted.

        Textual's export_screenshot fails (TypeError from its compositor) on a screen whose
        message loop has ended but which is still on the stack — while the app closes its
        screens one by one, a timer can still fire — and draws nothing of one not yet mounted.
        """
        app = self._app
        if not app.is_running or not app.screen_stack:
            return False  # the app is closing: its screens are going or gone
        screen = app.screen
        return screen.is_running and screen.is_mounted

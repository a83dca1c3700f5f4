"""`explorer review FILE`: the review screen in an app of its own, over one drafted file."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import BindingType
from textual.screen import Screen

from explorer import keymap
from explorer.review import ReviewSession


class ReviewApp(App[None]):
    """One drafted file under review; quitting keeps every change (each is already written)."""

    TITLE = "explorer review"
    CSS_PATH = "screens/review.tcss"  # the default screen's CSS is not loaded by Textual itself

    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings(
        "review.help", "review.quit", "app.quit_ctrl"
    )

    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session
        self.sub_title = str(session.path)

    def get_default_screen(self) -> Screen:
        from explorer.screens.review import ReviewScreen

        return ReviewScreen(self.session)

    def action_help(self) -> None:
        from explorer.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            places = ("review", "dialog", "help")
            self.push_screen(HelpScreen(("review",), places, keymap.remapped(self)))


def run_review(path: Path) -> int:
    """Open `path` for review (DataError, with every problem, when check would refuse it)."""
    settings = keymap.read_settings()
    session = ReviewSession(path)
    app = ReviewApp(session)
    keymap.apply_settings(app, settings)
    app.run()
    return app.return_code or 0  # 1 after a traceback: a script must not read it as done

"""`explorer review FILE`: the review screen in an app of its own, over one drafted file."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from explorer.review import ReviewSession


class ReviewApp(App[None]):
    """One drafted file under review; quitting keeps every change (each is already written)."""

    TITLE = "explorer review"
    CSS_PATH = "screens/review.tcss"  # the default screen's CSS is not loaded by Textual itself

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help", key_display="?"),
        Binding("q", "quit", "Quit"),
    ]

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
            self.push_screen(HelpScreen())


def run_review(path: Path) -> int:
    """Open `path` for review (DataError, with every problem, when check would refuse it)."""
    session = ReviewSession(path)
    ReviewApp(session).run()
    return 0

"""Snapshots of the article reader and the timeline at 120x36 and 60x20.

Each screen is shown alone on a bare app, so a snapshot changes only when these screens do
(the app's own keys and panes have their snapshots in tests/test_snapshots.py).
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App

from explorer.data import Corpus, Ref
from explorer.screens.reader import ReaderScreen
from explorer.screens.timeline import TimelineScreen

SIZES = [(120, 36), (60, 20)]


class ScreenHost(App[None]):
    """Pushes one screen at start; `goto` is the app's, recorded for nothing."""

    def __init__(self, screen: Any) -> None:
        super().__init__()
        self.start = screen

    def on_mount(self) -> None:
        self.push_screen(self.start)

    def goto(self, ref: Ref) -> None:
        """Nothing to go to in a snapshot."""


class TestReaderSnapshots:
    @pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
    def test_opened_from_hayashi(
        self, snap_compare: Any, seed_corpus: Corpus, size: tuple[int, int]
    ) -> None:
        screen = ReaderScreen(seed_corpus, Ref("actor", "yoshimasa-hayashi"))
        assert snap_compare(ScreenHost(screen), terminal_size=size)

    @pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
    def test_under_a_subheading_after_stepping(
        self, snap_compare: Any, seed_corpus: Corpus, size: tuple[int, int]
    ) -> None:
        screen = ReaderScreen(seed_corpus, Ref("quote", "etc-emphasis-mutual-trust"))
        assert snap_compare(ScreenHost(screen), press=["n", "n", "N"], terminal_size=size)


class TestTimelineSnapshots:
    @pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
    def test_every_meeting(
        self, snap_compare: Any, seed_corpus: Corpus, size: tuple[int, int]
    ) -> None:
        assert snap_compare(ScreenHost(TimelineScreen(seed_corpus)), terminal_size=size)

    @pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
    def test_filtered_to_wang_yi(
        self, snap_compare: Any, seed_corpus: Corpus, size: tuple[int, int]
    ) -> None:
        screen = TimelineScreen(seed_corpus, "wang-yi")
        assert snap_compare(ScreenHost(screen), press=["down"], terminal_size=size)

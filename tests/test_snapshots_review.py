"""Snapshots of the review screen (pytest-textual-snapshot); update with --snapshot-update."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from explorer.review import ReviewSession
from explorer.review_app import ReviewApp
from tests.drafts import write_draft


def review_app(tmp_path: Path) -> ReviewApp:
    return ReviewApp(ReviewSession(write_draft(tmp_path / "draft.yaml")))


async def on_a_drafted_quote(pilot: Pilot) -> None:
    """The next drafted items down to the first drafted quote, its sentence in view."""
    await pilot.pause()
    for _ in range(4):
        await pilot.press("d")
    await pilot.pause()


class TestReviewScreen:
    def test_opening_120x36(self, snap_compare, tmp_path: Path) -> None:
        assert snap_compare(review_app(tmp_path), terminal_size=(120, 36))

    def test_drafted_quote_120x36(self, snap_compare, tmp_path: Path) -> None:
        assert snap_compare(
            review_app(tmp_path), terminal_size=(120, 36), run_before=on_a_drafted_quote
        )

    def test_narrow_60x20(self, snap_compare, tmp_path: Path) -> None:
        assert snap_compare(
            review_app(tmp_path), terminal_size=(60, 20), run_before=on_a_drafted_quote
        )

    def test_items_list_60x20(self, snap_compare, tmp_path: Path) -> None:
        async def show_list(pilot: Pilot) -> None:
            await on_a_drafted_quote(pilot)
            await pilot.press("l")
            await pilot.pause()

        assert snap_compare(review_app(tmp_path), terminal_size=(60, 20), run_before=show_list)

    def test_speaker_picker_120x36(self, snap_compare, tmp_path: Path) -> None:
        async def open_picker(pilot: Pilot) -> None:
            await on_a_drafted_quote(pilot)
            await pilot.press("s")
            await pilot.pause()

        assert snap_compare(review_app(tmp_path), terminal_size=(120, 36), run_before=open_picker)

"""Snapshots of the review screen (pytest-textual-snapshot); update with --snapshot-update."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from explorer.review import ReviewSession
from explorer.review_app import ReviewApp
from explorer.screens.review import ReviewScreen
from explorer.screens.review_dialogs import PickerScreen
from tests.drafts import write_draft
from tests.waiting import wait_for


def review_app(tmp_path: Path) -> ReviewApp:
    return ReviewApp(ReviewSession(write_draft(tmp_path / "draft.yaml")))


async def on_a_drafted_quote(pilot: Pilot) -> None:
    """The next drafted items down to the first drafted quote, its sentence in view."""
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review screen")
    review = app.screen
    assert isinstance(review, ReviewScreen)
    for _ in range(4):
        await pilot.press("d")
    quote = ("quote", "hayashi-rare-visit")
    await wait_for(pilot, lambda: review.current == quote, "the first drafted quote")
    await wait_for(
        pilot,
        lambda: (h := review.view.current_highlight) is not None and h.ref.id == quote[1],
        "its highlight in the text",
    )
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
            review = pilot.app.screen
            assert isinstance(review, ReviewScreen)
            await wait_for(pilot, lambda: review.item_list.has_focus, "the items list")
            await pilot.pause()

        assert snap_compare(review_app(tmp_path), terminal_size=(60, 20), run_before=show_list)

    def test_speaker_picker_120x36(self, snap_compare, tmp_path: Path) -> None:
        async def open_picker(pilot: Pilot) -> None:
            await on_a_drafted_quote(pilot)
            await pilot.press("s")
            app = pilot.app
            await wait_for(
                pilot,
                lambda: (
                    isinstance(app.screen, PickerScreen)
                    and app.screen.query_one(OptionList).highlighted is not None
                ),
                "the speaker picker, filled",
            )
            # The filter's cursor blinks; a snapshot shows it steady.
            app.screen.query_one(Input).cursor_blink = False
            await pilot.pause()

        assert snap_compare(review_app(tmp_path), terminal_size=(120, 36), run_before=open_picker)

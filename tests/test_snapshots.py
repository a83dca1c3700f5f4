"""Snapshots of the app's screens (pytest-textual-snapshot); update with --snapshot-update."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from explorer.app import ExplorerApp, build_app
from explorer.data import Corpus, Ref, corpus_from_files, seed_files
from tests.waiting import press_until


def seed_app() -> ExplorerApp:
    return build_app(corpus_from_files(seed_files()))


async def on_wang_yi(pilot: Pilot) -> None:
    app = pilot.app
    assert isinstance(app, ExplorerApp)
    await pilot.pause()  # run_before starts before the main screen has been composed
    actors = app.main.pane("actor")
    await press_until(pilot, "j", lambda: actors.current_id == "wang-yi", "Wang Yi in Actors")
    await pilot.pause()


class TestMainScreen:
    def test_start_120x36(self, snap_compare) -> None:
        assert snap_compare(seed_app(), terminal_size=(120, 36))

    def test_wang_yi_related_120x36(self, snap_compare) -> None:
        assert snap_compare(seed_app(), terminal_size=(120, 36), run_before=on_wang_yi)

    def test_stacked_60x20(self, snap_compare) -> None:
        assert snap_compare(seed_app(), terminal_size=(60, 20), run_before=on_wang_yi)

    def test_only_related_60x20(self, snap_compare) -> None:
        async def only_related_meetings(pilot: Pilot) -> None:
            await on_wang_yi(pilot)
            await pilot.press("r", "2")
            await pilot.pause()

        assert snap_compare(seed_app(), terminal_size=(60, 20), run_before=only_related_meetings)

    @pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
    def test_quote_selected(self, snap_compare, size) -> None:
        """A quote under the cursor: its row and the detail show the quote's words."""

        async def on_a_quote(pilot: Pilot) -> None:
            await pilot.pause()
            await pilot.press("3", "j")  # the PLA command's second quote
            await pilot.pause()

        assert snap_compare(seed_app(), terminal_size=size, run_before=on_a_quote)

    def test_too_small_20x5(self, snap_compare) -> None:
        assert snap_compare(seed_app(), terminal_size=(20, 5))


class TestMeetingDetail:
    def test_meeting_detail_120x36(self, snap_compare) -> None:
        async def to_meeting(pilot: Pilot) -> None:
            await on_wang_yi(pilot)
            app = pilot.app
            assert isinstance(app, ExplorerApp)
            app.goto(Ref("meeting", "iwaya-wang-yi-meeting-2024"))
            await pilot.press("enter")  # to the links: the first one is highlighted
            await pilot.pause()

        assert snap_compare(seed_app(), terminal_size=(120, 36), run_before=to_meeting)


class TestHelp:
    def test_help_120x36(self, snap_compare) -> None:
        assert snap_compare(seed_app(), terminal_size=(120, 36), press=["question_mark"])

    def test_help_60x20(self, snap_compare) -> None:
        assert snap_compare(seed_app(), terminal_size=(60, 20), press=["f1"])


def test_seed_fixture_matches_the_snapshots_data(seed_corpus: Corpus) -> None:
    # The snapshots are of the seed: if its counts change, the snapshots must be looked at.
    assert (len(seed_corpus.actors), len(seed_corpus.meetings), len(seed_corpus.quotes)) == (
        19,
        9,
        7,
    )

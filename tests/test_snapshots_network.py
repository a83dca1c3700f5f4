"""Snapshots of the network screen (who met whom) on the seed; update with --snapshot-update."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from explorer.app import ExplorerApp, build_app
from explorer.data import corpus_from_files, seed_files
from explorer.screens.network import NetworkScreen
from tests.waiting import press_until, wait_for


def seed_app() -> ExplorerApp:
    return build_app(corpus_from_files(seed_files()))


async def network_of_japan(pilot: Pilot) -> None:
    """Japan's network: its members' meetings, one step and two steps away."""
    app = pilot.app
    assert isinstance(app, ExplorerApp)
    await pilot.pause()  # run_before starts before the main screen has been composed
    actors = app.main.pane("actor")
    await press_until(pilot, "j", lambda: actors.current_id == "japan", "Japan's row")
    await pilot.press("w")
    await wait_for(
        pilot,
        lambda: isinstance(app.screen, NetworkScreen) and app.screen.ready,
        "the network worked out",
    )
    await pilot.press("j", "j")  # onto a meeting under the first actor met
    await pilot.pause()


@pytest.mark.parametrize("size", [(120, 36), (60, 20)], ids=["120x36", "60x20"])
def test_network(snap_compare, size) -> None:
    assert snap_compare(seed_app(), terminal_size=size, run_before=network_of_japan)

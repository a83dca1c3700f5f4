"""Snapshots of the expectations screen at 120x36 and 60x20, alone on a bare app (as the
reader's and the timeline's in tests/test_snapshots_provenance.py)."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from explorer.data import Corpus, corpus_from_files
from explorer.screens.expectations import ExpectationsScreen
from tests.articles import write
from tests.test_expectations import ANNOUNCED, LATER, V11
from tests.test_snapshots_provenance import ScreenHost
from tests.waiting import wait_for

SIZES = [(120, 36), (60, 20)]


@pytest.fixture(scope="module")
def two_corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = tmp_path_factory.mktemp("two-articles")
    return corpus_from_files(
        [write(folder, ANNOUNCED, "announced.yaml"), write(folder, LATER, "later.yaml")]
    )


async def followed_up(pilot: Pilot) -> None:
    await wait_for(
        pilot,
        lambda: (
            isinstance(pilot.app.screen, ExpectationsScreen) and pilot.app.screen.found is not None
        ),
        "the expectations followed up",
    )
    await pilot.pause()


class TestExpectationsSnapshots:
    @pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
    def test_open_and_overdue(
        self, snap_compare: Any, two_corpus: Corpus, size: tuple[int, int]
    ) -> None:
        host = ScreenHost(ExpectationsScreen(two_corpus))
        assert snap_compare(host, terminal_size=size, run_before=followed_up)

    @pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
    def test_fulfilled_and_overdue(self, snap_compare: Any, size: tuple[int, int]) -> None:
        """The format 1.1 corpus: the talks one article expects, another reports held."""
        corpus = corpus_from_files(sorted(V11.glob("*.yaml")))
        host = ScreenHost(ExpectationsScreen(corpus))
        assert snap_compare(host, terminal_size=size, run_before=followed_up)

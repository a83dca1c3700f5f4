"""The app at rest: the garbage of keys is freed in the pause after them, a view the article
filter replaces is freed (explorer/idle_collect.py), and nothing redraws behind the panes."""

from __future__ import annotations

import gc
import threading
import weakref
from pathlib import Path

import pytest
from textual.widgets import LoadingIndicator

from explorer.app import build_app
from explorer.corpus_view import LoadingScreen
from explorer.data import Corpus, corpus_from_files
from explorer.data.notes import NotesStore
from tests.articles import VALID, write
from tests.test_corpus_import import SECOND
from tests.waiting import wait_for, wait_for_workers, wait_until_loaded

SIZE = (120, 36)


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    return corpus_from_files(
        [write(tmp_path, VALID, "first.yaml"), write(tmp_path, SECOND, "b.yaml")]
    )


class Cycle:
    """Garbage only a full collection frees, as a redrawn line of Textual's is."""

    def __init__(self) -> None:
        self.me = self


async def test_the_cycles_left_by_keys_are_freed_once_the_keys_pause(
    corpus: Corpus, tmp_path: Path
) -> None:
    app = build_app(corpus, notes=NotesStore(tmp_path / "notes.json"), loader=lambda: corpus)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until_loaded(pilot)
        await wait_for_workers(pilot)
        cycle = Cycle()
        gone = weakref.ref(cycle)
        gc.collect(1)  # it outlives the young collections, as the lines of a screen do
        del cycle
        pauses = app.idle_collect.collections
        await pilot.press("j", "j", "k", "2", "j")
        await wait_for(
            pilot, lambda: app.idle_collect.collections > pauses, "the pause after the keys"
        )
        assert gone() is None
        assert app.main.pane("meeting").current_ref is not None  # the keys did their work


async def test_a_view_the_article_filter_replaces_is_freed(corpus: Corpus, tmp_path: Path) -> None:
    app = build_app(corpus, notes=NotesStore(tmp_path / "notes.json"), loader=lambda: corpus)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until_loaded(pilot)
        await wait_for_workers(pilot)
        first = weakref.ref(app.main)
        app.filter_article("second-article")
        await pilot.pause()
        await wait_until_loaded(pilot)
        await wait_for_workers(pilot)
        assert app.main is not first()
        gc.collect()
        assert first() is None, "the panes of all the articles, still in memory"


async def test_pythons_collector_is_as_it_was_once_the_app_closes(
    corpus: Corpus, tmp_path: Path
) -> None:
    threshold = gc.get_threshold()
    app = build_app(corpus, notes=NotesStore(tmp_path / "notes.json"), loader=lambda: corpus)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until_loaded(pilot)
        await wait_for_workers(pilot)
    assert gc.get_threshold() == threshold
    assert gc.get_freeze_count() == 0


async def test_the_loading_spinner_stops_once_the_data_shows(
    corpus: Corpus, tmp_path: Path
) -> None:
    release = threading.Event()

    def slow_loader() -> Corpus:
        release.wait(10)
        return corpus

    app = build_app(None, notes=NotesStore(tmp_path / "notes.json"), loader=slow_loader)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        loading = app.screen
        assert isinstance(loading, LoadingScreen)
        spinner = loading.query_one(LoadingIndicator)
        assert spinner.auto_refresh is not None  # it turns while the data loads
        release.set()
        await wait_until_loaded(pilot)
        await wait_for_workers(pilot)
        assert app.screen is not loading
        # Left behind the panes, it redrew itself 16 times a second for as long as the app ran.
        assert spinner.auto_refresh is None

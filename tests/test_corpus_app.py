"""Many articles in the app: the article filter, loading behind a first frame, Ctrl+E export."""

from __future__ import annotations

import csv
import io
import threading
from pathlib import Path

import pytest

from explorer.app import build_app
from explorer.corpus_view import LoadingScreen
from explorer.data import Corpus, Loaded, corpus_from_files
from explorer.data.notes import NotesStore
from explorer.screens import articles
from explorer.screens.articles import ArticlePicker, CorpusStatus
from tests.articles import VALID, write
from tests.test_corpus_import import SECOND

SIZE = (120, 36)


@pytest.fixture
def corpus(tmp_path: Path) -> Corpus:
    return corpus_from_files(
        [write(tmp_path, VALID, "first.yaml"), write(tmp_path, SECOND, "b.yaml")]
    )


def notes(tmp_path: Path) -> NotesStore:
    return NotesStore(tmp_path / "notes.json")


def shown(app, kind: str) -> set[str]:
    return set(app.main.pane(kind).shown)


def status(app) -> str:
    return str(app.main.query_one(CorpusStatus).render())


async def test_the_article_filter_restricts_every_pane_and_shows_all_again(
    corpus: Corpus, tmp_path: Path
) -> None:
    app = build_app(corpus, notes=notes(tmp_path), loader=lambda: corpus)
    async with app.run_test(size=SIZE) as pilot:
        while not app.data_ready:
            await pilot.pause(0.01)
        assert shown(app, "quote") == set(corpus.quotes)
        assert "2 articles loaded · showing all" in status(app)

        await pilot.press("f")
        assert isinstance(app.screen, ArticlePicker)
        await pilot.press(*"again", "enter")
        await pilot.pause()
        while not app.data_ready:
            await pilot.pause(0.01)
        assert app.article_filter == "second-article"
        assert shown(app, "actor") == {"alice-smith", "carol-white"}
        assert shown(app, "meeting") == {"rome-talks"}
        assert shown(app, "quote") == {"carol-well", "alice-agreed-again"}
        assert "showing Ministers meet again" in status(app)
        assert set(app.corpus.quotes) == {"carol-well", "alice-agreed-again"}, "palette too"

        await pilot.press("f")
        await pilot.press("up", "up", "up", "enter")  # "All 2 articles" is the first line
        await pilot.pause()
        while not app.data_ready:
            await pilot.pause(0.01)
        assert app.article_filter is None
        assert shown(app, "quote") == set(corpus.quotes)
        assert "showing all" in status(app)


async def test_escape_leaves_the_filter_as_it_was(corpus: Corpus, tmp_path: Path) -> None:
    app = build_app(corpus, notes=notes(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f", "escape")
        assert not isinstance(app.screen, ArticlePicker)
        assert app.article_filter is None and shown(app, "quote") == set(corpus.quotes)


async def test_the_palette_filters_by_article(corpus: Corpus, tmp_path: Path) -> None:
    app = build_app(corpus, notes=notes(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        app.filter_article("test-article")
        while not app.data_ready:
            await pilot.pause(0.01)
        assert shown(app, "meeting") == {"paris-talks"}
        await pilot.press("ctrl+p")
        await pilot.press(*"Articles: show all")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        while not app.data_ready:
            await pilot.pause(0.01)
        assert app.article_filter is None
        assert shown(app, "meeting") == {"paris-talks", "rome-talks"}


async def test_every_row_shows_its_article_when_there_are_several(
    corpus: Corpus, tmp_path: Path
) -> None:
    app = build_app(corpus, notes=notes(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        quotes = app.main.pane("quote")
        rows = {quotes.order[i]: str(quotes.row_content(i)) for i in range(quotes.row_count)}
        assert rows["carol-well"].endswith("second-article")
        assert rows["alice-agreed"].endswith("test-article")
        actors = app.main.pane("actor")
        alice = str(actors.row_content(actors.order.index("alice-smith")))
        assert alice.endswith("in 2 articles")


async def test_the_first_frame_comes_before_the_data(corpus: Corpus, tmp_path: Path) -> None:
    release = threading.Event()

    def slow_loader() -> Corpus:
        release.wait(10)
        return corpus

    empty = Corpus(Loaded([], [], [], []))
    app = build_app(empty, notes=notes(tmp_path), loader=slow_loader)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoadingScreen)
        assert not app.data_ready
        await pilot.press("f", "2", "ctrl+e")  # nothing to act on yet: ignored, no crash
        assert isinstance(app.screen, LoadingScreen)
        release.set()
        while not app.data_ready:
            await pilot.pause(0.01)
        assert shown(app, "quote") == set(corpus.quotes)


async def test_a_failed_load_ends_the_app_with_the_message(tmp_path: Path) -> None:
    from explorer.data import StoreError

    def broken() -> Corpus:
        raise StoreError("db.json: damaged database")

    app = build_app(Corpus(Loaded([], [], [], [])), notes=notes(tmp_path), loader=broken)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
    assert app.load_error == "db.json: damaged database"


async def test_the_loaded_corpus_opens_on_all_its_articles(corpus: Corpus, tmp_path: Path) -> None:
    app = build_app(Corpus(Loaded([], [], [], [])), notes=notes(tmp_path), loader=lambda: corpus)
    async with app.run_test(size=SIZE) as pilot:
        while not app.data_ready:
            await pilot.pause(0.01)
        assert app.article_filter is None
        assert len(app.full_corpus.articles) == 2
        for kind in ("actor", "meeting", "quote"):
            assert shown(app, kind) == {item.id for item in corpus.all(kind)}


async def test_ctrl_e_exports_the_current_view(
    corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = build_app(corpus, notes=notes(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        app.filter_article("second-article")
        while not app.data_ready:
            await pilot.pause(0.01)
        await pilot.press("ctrl+e")
        await pilot.press("down")  # json -> csv
        await pilot.press("enter")  # to the file name, filled in as second-article.csv
        await pilot.press("enter")
        for _ in range(100):
            if (tmp_path / "second-article.csv").exists():
                break
            await pilot.pause(0.05)
    rows = list(csv.reader(io.StringIO((tmp_path / "second-article.csv").read_text("utf-8"))))
    assert {r[1] for r in rows[1:]} == {
        "alice-smith",
        "carol-white",
        "rome-talks",
        "carol-well",
        "alice-agreed-again",
    }


def test_the_export_dialog_offers_every_export_format() -> None:
    from explorer.data.export import FORMATS

    assert articles.FORMATS == FORMATS
    from explorer.commands import export

    assert export.FORMATS == FORMATS

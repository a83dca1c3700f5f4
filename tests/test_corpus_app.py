"""Many articles in the app: the article filter, loading behind a first frame, Ctrl+E export."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import threading
from functools import partial
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from explorer.app import build_app
from explorer.corpus_view import LoadingScreen
from explorer.data import Corpus, Loaded, corpus_from_files
from explorer.data.notes import NotesStore
from explorer.screens import articles
from explorer.screens.articles import ArticlePicker, CorpusStatus, ExportDialog
from tests.articles import VALID, write
from tests.test_corpus_import import SECOND
from tests.waiting import wait_for, wait_until_loaded

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


def palette_shows(app, text: str) -> bool:
    """Whether the open command palette lists a command with `text`."""
    from textual.command import CommandList

    lists = app.screen.query(CommandList)
    return any(text in str(option.prompt) for listing in lists for option in listing.options)


async def test_the_article_filter_restricts_every_pane_and_shows_all_again(
    corpus: Corpus, tmp_path: Path
) -> None:
    app = build_app(corpus, notes=notes(tmp_path), loader=lambda: corpus)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until_loaded(pilot)
        assert shown(app, "quote") == set(corpus.quotes)
        assert "2 articles loaded · showing all" in status(app)

        await pilot.press("f")
        assert isinstance(app.screen, ArticlePicker)
        await pilot.press(*"again", "enter")
        await pilot.pause()
        await wait_until_loaded(pilot)
        assert app.article_filter == "second-article"
        assert shown(app, "actor") == {"alice-smith", "carol-white"}
        assert shown(app, "meeting") == {"rome-talks"}
        assert shown(app, "quote") == {"carol-well", "alice-agreed-again"}
        assert "showing Ministers meet again" in status(app)
        assert set(app.corpus.quotes) == {"carol-well", "alice-agreed-again"}, "palette too"

        await pilot.press("f")
        await pilot.press("up", "up", "up", "enter")  # "All 2 articles" is the first line
        await pilot.pause()
        await wait_until_loaded(pilot)
        assert app.article_filter is None
        assert shown(app, "quote") == set(corpus.quotes)
        assert "showing all" in status(app)


async def test_f_again_lists_every_article_afresh_on_the_one_shown(
    corpus: Corpus, tmp_path: Path
) -> None:
    def picker_rows(app) -> list[str]:
        listing = app.screen.query_one("#articles", OptionList)
        return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]

    app = build_app(corpus, notes=notes(tmp_path), loader=lambda: corpus)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until_loaded(pilot)
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ArticlePicker), "the picker")
        every = picker_rows(app)
        assert len(every) == 3 and every[0] == "All 2 articles"
        await pilot.press(*"again")  # narrowed to one, then left without choosing
        await wait_for(pilot, lambda: len(picker_rows(app)) == 2, "narrowed to one article")
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, ArticlePicker), "closed")
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ArticlePicker), "the picker")
        assert app.screen.query_one("#narrow", Input).value == ""
        assert picker_rows(app) == every
        assert app.screen.query_one("#articles", OptionList).highlighted == 0  # "All"
        await pilot.press(*"again", "enter")
        await wait_for(pilot, lambda: app.article_filter == "second-article", "the filter on")
        await wait_until_loaded(pilot)
        await pilot.press("f")  # on the article shown now
        await wait_for(pilot, lambda: isinstance(app.screen, ArticlePicker), "the picker")
        listing = app.screen.query_one("#articles", OptionList)
        assert app.screen.query_one("#narrow", Input).value == ""
        assert listing.option_count == 3
        assert listing.highlighted_option is not None
        assert listing.highlighted_option.id == "second-article"
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, ArticlePicker), "closed")
        assert app.article_filter == "second-article"


async def test_the_picker_is_made_behind_the_panes_and_leaves_them_as_they_were(
    corpus: Corpus, tmp_path: Path
) -> None:
    app = build_app(corpus, notes=notes(tmp_path), loader=lambda: corpus)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until_loaded(pilot)
        await wait_for(pilot, lambda: app.corpus_view.picker_made, "the picker made")
        # Never shown: the panes are on top as they opened, the keys act on them.
        assert app.screen_stack == [app.main]
        focused = app.focused
        assert focused is not None and focused.id == "actors"
        first = app.main.current
        await pilot.press("j")
        await wait_for(pilot, lambda: app.main.current != first, "j moved in the actors")
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ArticlePicker), "the picker")
        listing = app.screen.query_one("#articles", OptionList)
        assert listing.option_count == 3 and listing.highlighted == 0  # "All", two articles
        assert app.screen.query_one("#narrow", Input).has_focus
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is app.main, "closed")
        assert app.focused is focused


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
        await wait_until_loaded(pilot)
        assert shown(app, "meeting") == {"paris-talks"}
        await pilot.press("ctrl+p")
        await pilot.press(*"Articles: show all")
        await wait_for(pilot, lambda: palette_shows(app, "Articles: show all"), "the palette's hit")
        await pilot.press("enter")
        await pilot.pause()
        await wait_until_loaded(pilot)
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
        await wait_until_loaded(pilot)
        assert shown(app, "quote") == set(corpus.quotes)


def loading_text(app) -> str:
    return str(app.screen.query_one("#loading-label").render())


@pytest.mark.parametrize("key", ["x", "enter", "q", "ctrl+q"])
async def test_a_failed_load_shows_the_error_and_any_key_quits_with_2(
    key: str, tmp_path: Path
) -> None:
    from explorer.data import StoreError

    def broken() -> Corpus:
        raise StoreError("db.json: damaged database")

    app = build_app(None, notes=notes(tmp_path), loader=broken)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.load_error is not None, "the load failed")
        await pilot.pause()
        assert isinstance(app.screen, LoadingScreen) and app.is_running, "shown, not gone"
        assert "db.json: damaged database" in loading_text(app)
        assert "Loading" not in loading_text(app)
        await pilot.press(key)
        await wait_for(pilot, lambda: not app.is_running, f"{key} quits")
    assert app.return_code == 2
    assert app.load_error == "db.json: damaged database"


async def test_a_database_damaged_in_an_unforeseen_way_shows_a_message_not_loading_forever(
    tmp_path: Path,
) -> None:
    """Whatever the data layer raises on a damaged file, the loading screen says so."""
    from explorer.commands.common import load_corpus

    db = tmp_path / "db.json"
    db.write_text('{"articles": {"1": {"id": 5}}, "actors": [], "meetings": null}')

    def unforeseen() -> Corpus:
        raise TypeError("'NoneType' object is not iterable")  # as the data layer once did

    for loader in (partial(load_corpus, db), unforeseen):
        app = build_app(None, notes=notes(tmp_path), loader=loader)
        app.load_source = str(db)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda app=app: app.load_error is not None, "the load failed")
            await pilot.pause()
            assert str(db) in loading_text(app) and "database" in loading_text(app)
            assert "Traceback" not in loading_text(app)
            await pilot.press("space")
        assert app.return_code == 2


async def test_the_loaded_corpus_opens_on_all_its_articles(corpus: Corpus, tmp_path: Path) -> None:
    app = build_app(Corpus(Loaded([], [], [], [])), notes=notes(tmp_path), loader=lambda: corpus)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until_loaded(pilot)
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
        await wait_until_loaded(pilot)
        await pilot.press("ctrl+e")
        await pilot.press("down")  # json -> csv
        await pilot.press("enter")  # to the file name, filled in as second-article.csv
        await pilot.press("enter")
        await wait_for(pilot, (tmp_path / "second-article.csv").exists, "the export written")
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


# -- quitting while the data loads ----------------------------------------------------------


@pytest.fixture(scope="module")
def database_of_31(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 31-article database, as the one that made quitting during its load crash."""
    from explorer.bench.corpus import write_corpus
    from explorer.data import import_files

    folder = tmp_path_factory.mktemp("corpus31")
    db = folder / "db.json"
    import_files(write_corpus(31, folder / "yaml", seed=31), db)
    return db


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_quitting_as_the_data_arrives_exits_cleanly(
    key: str, corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The load lands while the app is closing its screens (the loading screen's unmount is
    held until the load's result has been handed to the app): no screen may be added then."""
    unmounted = threading.Event()
    arrived = threading.Event()

    async def hold_unmount(screen: LoadingScreen) -> None:
        unmounted.set()
        # Let the app run the load's result now, in the middle of closing (bounded wait).
        for _ in range(2000):
            if arrived.is_set():
                return
            await asyncio.sleep(0.005)

    monkeypatch.setattr(LoadingScreen, "on_unmount", hold_unmount, raising=False)

    def loader() -> Corpus:
        unmounted.wait(30)
        return corpus

    app = build_app(None, notes=notes(tmp_path), loader=loader)
    handed_over = app.call_from_thread

    def call_from_thread(callback, *args, **kwargs):
        def run(*a, **k):
            try:
                return callback(*a, **k)
            finally:
                arrived.set()

        return handed_over(run, *args, **kwargs)

    monkeypatch.setattr(app, "call_from_thread", call_from_thread)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoadingScreen)
        await pilot.press(key)
    assert arrived.is_set(), "the load was meant to arrive while the app closed"
    assert app.return_code == 0


async def test_quitting_at_any_moment_of_the_load_exits_cleanly(
    database_of_31: Path, tmp_path: Path
) -> None:
    """q or Ctrl+Q after 0 to 5 turns of the app's loop while 31 articles load (before,
    during and after their arrival: they are in by the third), twice over: every run ends
    with 0, and no error."""
    from explorer.data import open_corpus

    loaded = open_corpus(database_of_31)  # read once; each run's worker hands it over
    runs = 0
    for _ in range(2):
        for turns in range(6):
            for key in ("q", "ctrl+q"):
                app = build_app(None, notes=notes(tmp_path), loader=lambda: loaded)
                async with app.run_test(size=SIZE) as pilot:
                    for _ in range(turns):
                        await pilot.pause()
                    await pilot.press(key)
                    await wait_for(pilot, lambda app=app: not app.is_running, f"{key} quits")
                assert app.return_code == 0, (turns, key)
                runs += 1
    assert runs == 24


# -- export errors ----------------------------------------------------------------------------


async def test_an_export_that_cannot_be_written_keeps_the_dialog_open_with_the_reason(
    corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = build_app(corpus, notes=notes(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+e", "enter")  # json; to the file name
        path = app.screen.query_one("#path", Input)
        path.value = ""
        await pilot.press(*"missing/out.json", "enter")
        problem = app.screen.query_one("#export-problem", Static)
        await wait_for(pilot, lambda: problem.has_class("-shown"), "the failure shown")
        assert isinstance(app.screen, ExportDialog), "the dialog stays open"
        assert "Could not export to missing/out.json" in str(problem.render())
        assert path.value == "missing/out.json", "the path stays as typed"
        assert app.screen.focused is path

        # The user corrects the path typed (drops the folder that does not exist).
        await pilot.press("home", *["delete"] * len("missing/"), "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, ExportDialog), "the dialog closed")
        assert json.loads((tmp_path / "out.json").read_text("utf-8"))


async def test_t_after_the_filter_changed_shows_the_timeline_of_the_articles_shown(
    corpus: Corpus, tmp_path: Path
) -> None:
    from explorer.screens.main import MainScreen
    from explorer.screens.timeline import TimelineScreen

    def timeline_ids(app) -> set[str]:
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        return {meeting.id for meeting in screen.shown_meetings()}

    app = build_app(corpus, notes=notes(tmp_path), loader=lambda: corpus)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until_loaded(pilot)
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        assert timeline_ids(app) == {"paris-talks", "rome-talks"}
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "the panes")
        await pilot.press("f", *"again", "enter")
        await wait_for(pilot, lambda: app.article_filter == "second-article", "the filter on")
        await wait_until_loaded(pilot)
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        assert timeline_ids(app) == {"rome-talks"}
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "the panes")
        await pilot.press("f", "up", "up", "up", "enter")  # "All 2 articles" again
        await wait_for(pilot, lambda: app.article_filter is None, "the filter off")
        await wait_until_loaded(pilot)
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        assert timeline_ids(app) == {"paris-talks", "rome-talks"}

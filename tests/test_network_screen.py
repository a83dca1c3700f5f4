"""The network screen (who met whom), as a user reaches it: `w` on the main screen opens the
network of the actor under the cursor; its rows are the actors met and the meetings that
link them, one and two steps away; Enter on an actor centres the network there, on a
meeting opens it on the main screen; `[` and `]` walk back and forth; Esc closes."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Static

from explorer.app import ExplorerApp, build_app
from explorer.bench.corpus import write_corpus
from explorer.data import Corpus, Ref, corpus_from_files
from explorer.data.index import IndexedCorpus
from explorer.data.loading import load_indexed_corpus
from explorer.data.sources import import_files, open_corpus
from explorer.history import Visit
from explorer.screens.help import HelpScreen
from explorer.screens.main import MainScreen
from explorer.screens.network import (
    ACTORS_SHOWN,
    MEETINGS_SHOWN,
    NetworkList,
    NetworkScreen,
    network_view,
)
from tests.articles import mutate, write
from tests.waiting import press_until, wait_for, wait_until_loaded

SIZE = (120, 36)


async def open_network(app: ExplorerApp, pilot: Pilot[None]) -> NetworkScreen:
    await wait_for(pilot, lambda: app.main.current is not None, "the first item current")
    await pilot.press("w")
    await wait_for(
        pilot,
        lambda: isinstance(app.screen, NetworkScreen) and app.screen.ready,
        "the network worked out",
    )
    screen = app.screen
    assert isinstance(screen, NetworkScreen)
    return screen


async def network_of(app: ExplorerApp, pilot: Pilot[None], actor: str) -> NetworkScreen:
    await wait_for(
        pilot,
        lambda: (
            isinstance(app.screen, NetworkScreen)
            and app.screen.actor_id == actor
            and app.screen.ready
        ),
        f"the network of {actor}",
    )
    screen = app.screen
    assert isinstance(screen, NetworkScreen)
    return screen


async def test_w_opens_the_network_of_the_first_actor(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_network(app, pilot)
        assert app.main.current == Ref("actor", "china")
        assert screen.actor_id == "china"
        rows = screen.rows()
        # China met no one itself: its ministers and its army did.
        assert rows[0] == "One step away · met China · 8 actors"
        assert rows[1].startswith("Japanese defence minister  person")
        assert rows[1].endswith("· 2 meetings")
        assert "Japanese and Chinese defence ministers meet in Laos" in rows[2]
        assert rows[2].endswith("· with Chinese defence minister")
        assert any(r.startswith("Takeshi Iwaya  person") for r in rows)
        assert rows[-1].startswith("Two steps away · none")
        heading = str(screen.query_one("#network-heading").render())
        assert "Who met whom · China · 8 meetings" in heading
        # The cursor is on the first actor met: what a/t act on here.
        assert screen.current_ref == Ref("actor", "japanese-defence-minister")


async def test_enter_on_an_actor_centres_the_network_there_and_back_returns(
    seed_corpus: Corpus,
) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_network(app, pilot)
        network_list = screen.query_one(NetworkList)
        await press_until(
            pilot, "j", lambda: screen.current_ref == Ref("actor", "takeshi-iwaya"), "Iwaya's row"
        )
        place = network_list.highlighted
        await pilot.press("enter")
        iwaya = await network_of(app, pilot, "takeshi-iwaya")
        assert iwaya.rows()[:2] == [
            "One step away · met Takeshi Iwaya · 1 actor",
            "Wang Yi  person, Chinese counterpart of Japanese Foreign Minister Takeshi Iwaya"
            " · 1 meeting",
        ]
        # Wang Yi met others: two steps away from Iwaya, through him.
        assert "Two steps away · met those one step away · 2 actors" in iwaya.rows()
        assert app.history.current == Visit(Ref("actor", "takeshi-iwaya"), "network")
        await pilot.press("left_square_bracket")
        china = await network_of(app, pilot, "china")
        assert china.query_one(NetworkList).highlighted == place, "back at the row left"
        await pilot.press("right_square_bracket")
        await network_of(app, pilot, "takeshi-iwaya")


async def test_the_help_from_the_network_lists_its_keys_first(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await open_network(app, pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        text = str(app.screen.query_one("#help-text", Static).visual)
        assert text.startswith("On this screen: Who met whom"), text[:80]
        assert "on an actor: its own network" in text


async def test_a_network_that_cannot_be_worked_out_says_why(
    seed_corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    import explorer.screens.network as network_module

    def broken(corpus: Corpus, actor_id: str) -> None:
        raise OSError("the index file is gone")

    monkeypatch.setattr(network_module, "network_view", broken)
    app = build_app(seed_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.main.current is not None, "the first item current")
        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(app.screen, NetworkScreen), "the network")
        heading = app.screen.query_one("#network-heading", Static)
        await wait_for(pilot, lambda: "could not" in str(heading.render()), "the failure said")
        assert "the index file is gone" in str(heading.render())
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "closed")


async def test_two_steps_away_says_through_whom(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.main.current is not None, "the first item current")
        app.goto(Ref("actor", "japan"))
        await pilot.press("w")
        screen = await network_of(app, pilot, "japan")
        rows = screen.rows()
        step = rows.index("Two steps away · met those one step away · 1 actor")
        assert rows[step + 1].startswith("G20 world leaders  group")
        assert rows[step + 1].endswith("· via Xi Jinping")
        assert "2019 G20 summit in Osaka" in rows[step + 2]


async def test_enter_on_a_meeting_opens_it_and_back_returns_to_the_network(
    seed_corpus: Corpus,
) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_network(app, pilot)
        await pilot.press("j")  # the first meeting under the first actor
        assert screen.current_ref == Ref("meeting", "defence-ministers-meeting-2024")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "the main screen")
        assert app.main.current == Ref("meeting", "defence-ministers-meeting-2024")
        await pilot.press("left_square_bracket")
        back = await network_of(app, pilot, "china")
        assert back.current_ref == Ref("meeting", "defence-ministers-meeting-2024")
        await pilot.press("escape")  # closes: back where the user was before it
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "closed")


async def test_g_and_G_go_to_the_first_and_last_rows(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_network(app, pilot)
        await pilot.press("G")
        assert screen.current_ref == Ref("meeting", "iwaya-wang-yi-meeting-2024")
        await pilot.press("g")
        assert screen.current_ref == Ref("actor", "japanese-defence-minister")
        await pilot.press("k")  # round the top, to the last
        assert screen.current_ref == Ref("meeting", "iwaya-wang-yi-meeting-2024")


async def test_on_a_quote_the_network_is_its_speakers(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.main.current is not None, "the first item current")
        app.goto(Ref("quote", "etc-statement-mutual-trust"))
        await pilot.press("w")
        screen = await network_of(app, pilot, "pla-eastern-theater-command")
        assert screen.rows()[0] == "One step away · met PLA Eastern Theater Command · 3 actors"


async def test_an_actor_who_met_no_one_says_so(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.main.current is not None, "the first item current")
        app.goto(Ref("actor", "nikkei"))
        await pilot.press("w")
        screen = await network_of(app, pilot, "nikkei")
        assert screen.rows() == ["Nikkei took part in no meeting"]
        assert screen.current_ref is None


async def test_names_with_markup_show_as_written(tmp_path: Path) -> None:
    hostile = "[bold]Bob[/bold] [@click=app.quit]x[/]"
    text = mutate("name: Bob Jones", f"name: '{hostile}'")
    corpus = corpus_from_files([write(tmp_path, text, "hostile.yaml")])
    app = build_app(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.main.current is not None, "the first item current")
        app.goto(Ref("actor", "alice-smith"))
        await pilot.press("w")
        screen = await network_of(app, pilot, "alice-smith")
        network_list = screen.query_one(NetworkList)
        shown = [
            visual.plain
            for i in range(network_list.row_count)
            if isinstance(visual := network_list.row_visual(i), Content)
        ]
        assert any(row.startswith(hostile) for row in shown), shown
        await pilot.press("j", "j", "j")
        assert isinstance(app.screen, NetworkScreen), "no click action ran"


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return corpus_from_files(write_corpus(60, tmp_path_factory.mktemp("many"), seed=3))


async def test_long_lists_are_cut_and_say_how_many_more(many: Corpus) -> None:
    hub = max(many.meetings_of_actor, key=lambda a: len(many.meetings_of_actor[a]))
    app = build_app(many)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.main.current is not None, "the first item current")
        app.goto(Ref("actor", hub))
        await pilot.press("w")
        screen = await network_of(app, pilot, hub)
        assert screen.view is not None
        network = screen.view.network
        rows = screen.rows()
        met = len(network.ring(1))
        assert met > ACTORS_SHOWN, "the corpus makes a hub of more contacts than shown"
        assert f"… and {met - ACTORS_SHOWN} more actors one step away" in rows
        shown_meetings = [r for r in rows if r.startswith("    ") and "…" not in r]
        assert len(shown_meetings) <= 2 * ACTORS_SHOWN * MEETINGS_SHOWN
        assert any(r.startswith("    … and ") and r.endswith("more meetings") for r in rows)
        await pilot.press("G")
        assert screen.current_ref is not None


async def test_from_the_persisted_index_the_network_is_the_one_in_memory(
    tmp_path: Path,
) -> None:
    """The app reads the index beside the database: the same rows as from the whole corpus."""
    db = tmp_path / "corpus.json"
    import_files(write_corpus(40, tmp_path / "articles", seed=2), db)
    whole = open_corpus(db)
    hub = max(whole.meetings_of_actor, key=lambda a: len(whole.meetings_of_actor[a]))
    expected = [str(row) for row in network_view(whole, hub).rows]
    app = build_app(None, loader=partial(load_indexed_corpus, db))
    async with app.run_test(size=SIZE) as pilot:
        await wait_until_loaded(pilot)
        assert isinstance(app.corpus, IndexedCorpus)
        app.goto(Ref("actor", hub))
        await pilot.press("w")
        screen = await network_of(app, pilot, hub)
        assert screen.rows() == expected


async def test_t_on_the_network_marks_the_meeting_under_its_cursor(seed_corpus: Corpus) -> None:
    from explorer.screens.timeline import TimelineScreen

    app = build_app(seed_corpus)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.main.current is not None, "the first item current")
        app.goto(Ref("actor", "japan"))
        await pilot.press("w")
        screen = await network_of(app, pilot, "japan")
        network_list = screen.query_one(NetworkList)
        await press_until(
            pilot,
            "j",
            lambda: screen.current_ref is not None and screen.current_ref.kind == "meeting",
            "a meeting under the cursor",
        )
        meeting = screen.current_ref
        assert meeting is not None and network_list.highlighted
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        timeline = app.screen
        assert isinstance(timeline, TimelineScreen)
        assert list(timeline.marked) == [meeting.id]
        assert timeline.current_ref == meeting

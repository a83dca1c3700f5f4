"""The expectations screen: `p` opens it from the main screen; the meetings grouped by kind
with their sentences; Enter goes to one (recorded in the history, back returns to the row);
the timeline marks each expected meeting with its kind."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.content import Content

from explorer.app import ExplorerApp, build_app
from explorer.data import Corpus, Ref, corpus_from_files
from explorer.data.notes import NotesStore
from explorer.history import Visit
from explorer.screens.expectations import ExpectationList, ExpectationsScreen
from explorer.screens.main import MainScreen
from explorer.screens.timeline import TimelineList, TimelineScreen
from tests.articles import write
from tests.test_expectations import ANNOUNCED, LATER, V11
from tests.waiting import wait_for

SIZE = (100, 30)


@pytest.fixture(scope="module")
def two_corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = tmp_path_factory.mktemp("two-articles")
    return corpus_from_files(
        [write(folder, ANNOUNCED, "announced.yaml"), write(folder, LATER, "later.yaml")]
    )


def app_on(corpus: Corpus, tmp_path: Path) -> ExplorerApp:
    return build_app(corpus, notes=NotesStore(tmp_path / "notes.json"))


async def open_expectations(app: ExplorerApp, pilot) -> ExpectationsScreen:  # type: ignore[no-untyped-def]
    await wait_for(pilot, lambda: app.main.current is not None, "the main screen")
    await pilot.press("p")
    await wait_for(pilot, lambda: isinstance(app.screen, ExpectationsScreen), "the screen")
    screen = app.screen
    assert isinstance(screen, ExpectationsScreen)
    await wait_for(pilot, lambda: screen.found is not None, "the expectations followed up")
    await pilot.pause()
    return screen


def rows_text(screen: ExpectationsScreen) -> list[str]:
    listing = screen.query_one(ExpectationList)
    texts = []
    for index in range(listing.row_count):
        visual = listing.row_visual(index)
        if isinstance(visual, Content):
            texts.append(visual.plain)
        else:
            texts.append("\n".join(content.plain for content, _ in visual.parts))  # type: ignore[attr-defined]
    return texts


async def test_p_lists_each_kind_with_its_sentences(two_corpus: Corpus, tmp_path: Path) -> None:
    app = app_on(two_corpus, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_expectations(app, pilot)
        rows = rows_text(screen)
        assert rows[0].startswith("Open · 2 — no later article says more")
        assert rows[1].startswith("… Visit to Rome  due Mar 2025")
        assert rows[2].startswith("… A state visit  no date given")
        assert rows[3].strip().startswith("Overdue · 1")
        assert rows[4].splitlines() == [
            "! Paris summit  due 20 Dec 2024",
            "planned for 20 Dec 2024, in “Leaders to meet”, 10 Dec 2024",
            "“Alice Smith will meet Bob Jones in Paris on 20 December.”",
            "no later article reports it",
        ]
        heading = str(screen.query_one("#expectations-heading").visual)
        assert "as of 5 Jan 2025" in heading and "2 open" in heading and "1 overdue" in heading
        # The cursor starts on the first meeting, and skips the kinds' headings.
        assert screen.current_ref == Ref("meeting", "rome-visit")
        await pilot.press("j", "j")
        assert screen.current_ref == Ref("meeting", "paris-summit")
        await pilot.press("g")
        assert screen.current_ref == Ref("meeting", "rome-visit")


async def test_enter_goes_to_the_meeting_and_back_returns_to_the_row(
    two_corpus: Corpus, tmp_path: Path
) -> None:
    app = app_on(two_corpus, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_expectations(app, pilot)
        await pilot.press("G", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "the main screen")
        summit = Ref("meeting", "paris-summit")
        assert app.main.current == summit
        visits = app.history.entries
        assert visits[-2:] == [Visit(None, "expectations"), Visit(summit)]
        before = visits[-3]  # where `p` was pressed
        await pilot.press("left_square_bracket")
        await wait_for(pilot, lambda: isinstance(app.screen, ExpectationsScreen), "back there")
        again = app.screen
        assert isinstance(again, ExpectationsScreen) and again is not screen
        await wait_for(pilot, lambda: again.current_ref == summit, "the row left")
        await pilot.press("escape")  # back where it was opened from
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "closed")
        assert app.navigator.location() == before


async def test_p_there_does_nothing_and_t_opens_the_timeline_on_the_meeting(
    two_corpus: Corpus, tmp_path: Path
) -> None:
    app = app_on(two_corpus, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_expectations(app, pilot)
        entries = len(app.history)
        await pilot.press("p")
        assert app.screen is screen and len(app.history) == entries
        await pilot.press("j")
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        timeline = app.screen
        assert isinstance(timeline, TimelineScreen)
        assert timeline.current_ref == Ref("meeting", "state-visit")


async def test_the_timeline_marks_each_expected_meeting_with_its_kind(
    two_corpus: Corpus,
) -> None:
    app = build_app(two_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: app.main.current is not None, "the main screen")
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        timeline = app.screen.query_one(TimelineList)
        marks = {}
        for index in range(timeline.row_count):
            meeting = timeline.meeting_at(index)
            if meeting is not None:
                marks[meeting.id] = getattr(timeline.row_visual(index).kind, "plain", None)  # type: ignore[union-attr]
        assert marks == {
            "paris-summit": "! overdue",
            "phone-call": None,
            "rome-visit": "… open",
            "state-visit": "… open",
        }
        text = "\n".join(s.text for s in app.screen._compositor.render_strips())
        assert "! overdue" in text and "… open" in text


async def test_no_expectation_says_so(tmp_path: Path) -> None:
    corpus = corpus_from_files([write(tmp_path, LATER, "later.yaml")])
    app = app_on(corpus, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_expectations(app, pilot)
        assert rows_text(screen) == ["No article calls any meeting planned or expected."]
        assert screen.current_ref is None
        await pilot.press("enter")
        assert app.screen is screen


async def test_a_fulfilled_meeting_shows_both_sentences_and_the_timeline_marks_it_once(
    tmp_path: Path,
) -> None:
    corpus = corpus_from_files(sorted(V11.glob("*.yaml")))
    app = app_on(corpus, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_expectations(app, pilot)
        rows = rows_text(screen)
        assert rows[0].startswith("Fulfilled · 1 — a later article reports it happened")
        talks = rows[1].splitlines()
        assert talks[0] == "✓ Iwaya–Wang Yi talks in Beijing  due 25 Dec 2024"
        assert talks[1].startswith("expected for 25 Dec 2024, in “Japan's foreign minister")
        assert talks[2].startswith("“Japanese Foreign Minister Takeshi Iwaya is expected to visit")
        assert talks[3].startswith("happened on 25 Dec 2024, in “Iwaya and Wang Yi hold talks")
        assert talks[4].startswith("“Japanese Foreign Minister Takeshi Iwaya held talks")
        assert rows[2].strip().startswith("Overdue · 1")
        assert rows[3].startswith("! Preparatory talks of the two foreign ministries")
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        timeline = app.screen.query_one(TimelineList)
        shown = [
            (meeting.id, getattr(timeline.row_visual(index).kind, "plain", None))  # type: ignore[union-attr]
            for index in range(timeline.row_count)
            if (meeting := timeline.meeting_at(index)) is not None
        ]
        assert shown.count(("iwaya-wang-yi-talks-2024", "✓ fulfilled")) == 1
        assert ("preparatory-talks-tokyo-2024", "! overdue") in shown
        assert [m for m, _ in shown].count("iwaya-wang-yi-talks-2024") == 1

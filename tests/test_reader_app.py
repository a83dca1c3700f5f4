"""The reader and the timeline inside the app: `a`, `t`, sentence links, and the history."""

from __future__ import annotations

from textual.pilot import Pilot

from explorer.app import ExplorerApp, build_app
from explorer.data import Corpus, Ref
from explorer.screens.main import MainScreen
from explorer.screens.reader import ReaderScreen
from explorer.screens.timeline import TimelineScreen
from explorer.widgets.article_view import ArticleView
from explorer.widgets.detail_pane import SENTENCE_PREFIX

HAYASHI = Ref("actor", "yoshimasa-hayashi")
WANG_YI = Ref("actor", "wang-yi")
SIZE = (120, 36)


def reader(app: ExplorerApp) -> ArticleView:
    assert isinstance(app.screen, ReaderScreen), type(app.screen).__name__
    return app.screen.query_one(ArticleView)


def timeline(app: ExplorerApp) -> TimelineScreen:
    assert isinstance(app.screen, TimelineScreen), type(app.screen).__name__
    return app.screen


async def step_to(app: ExplorerApp, pilot: Pilot[None], ref: Ref, how: str) -> None:
    view = reader(app)
    for _ in range(len(view.highlights)):
        highlight = view.current_highlight
        if highlight is not None and highlight.ref == ref and highlight.how == how:
            return
        await pilot.press("n")
    raise AssertionError(f"no {how} highlight of {ref}")


async def test_from_hayashi_a_opens_the_reader_on_his_first_mention(
    seed_corpus: Corpus,
) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=SIZE) as pilot:
        app.goto(HAYASHI)
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        view = reader(app)
        highlight = view.current_highlight
        assert highlight is not None and highlight.ref == HAYASHI
        assert highlight.start == min(span.start for span in seed_corpus[HAYASHI].spans)
        line = view.line_of(highlight.start)
        assert view.scroll_y <= line < view.scroll_y + view.size.height


async def test_enter_on_wang_yi_selects_him_and_back_returns_to_the_sentence(
    seed_corpus: Corpus,
) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=SIZE) as pilot:
        app.goto(HAYASHI)
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        start = reader(app).current
        await pilot.press("tab", "tab", "shift+tab")
        assert reader(app).current == (start or 0) + 1
        await step_to(app, pilot, WANG_YI, "name")
        left_at = reader(app).current_highlight
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.main.current == WANG_YI
        assert app.main.pane("actor").has_focus
        # Back: the reader, at the very highlight the user left; back again: Hayashi.
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert reader(app).current_highlight == left_at
        await pilot.press("backspace")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.main.current == HAYASHI
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert reader(app).current_highlight == left_at
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.main.current == HAYASHI


async def test_a_sentence_in_the_detail_pane_opens_the_reader_there(
    seed_corpus: Corpus,
) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=SIZE) as pilot:
        app.goto(HAYASHI)
        await pilot.pause()
        await pilot.press("4")
        detail = app.main.detail
        links = [
            index
            for index, option in enumerate(detail.options)
            if (option.id or "").startswith(SENTENCE_PREFIX)
        ]
        assert len(links) == len(seed_corpus.sentences(HAYASHI)) == 3
        detail.highlighted = links[-1]
        await pilot.press("enter")
        await pilot.pause()
        highlight = reader(app).current_highlight
        assert highlight is not None and highlight.ref == HAYASHI
        article, span = seed_corpus.sentences(HAYASHI)[-1]
        assert span.sentence_start <= highlight.start < span.sentence_end
        assert article.body[highlight.start : highlight.end] == "Hayashi"
        await pilot.press("backspace")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.main.current == HAYASHI


async def test_t_lists_every_meeting_in_order_placed_on_the_actors_and_r_keeps_only_them(
    seed_corpus: Corpus,
) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=SIZE) as pilot:
        app.goto(Ref("meeting", "etc-delegation-visit-2025"))
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        screen = timeline(app)
        labels = [
            (m.when.human() if m.when else "no date", m.status) for m in screen.shown_meetings()
        ]
        assert labels == [
            ("2019", "happened"),
            ("Nov 2024", "happened"),
            ("Nov 2024", "happened"),
            ("Nov 2024", "happened"),
            ("Dec 2024", "happened"),
            ("13–17 Jan 2025", "ongoing"),
            ("20 Jan 2025", "planned"),
            ("Feb 2025", "expected"),
            ("no date", "expected"),
        ]
        # Opened from a meeting: unfiltered, the cursor on that meeting.
        assert screen.current_ref == Ref("meeting", "etc-delegation-visit-2025")
        await pilot.press("escape")
        await pilot.pause()
        app.goto(WANG_YI)
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        screen = timeline(app)
        wang_yis = [
            "akiba-china-visit-2024",
            "iwaya-wang-yi-meeting-2024",
            "wang-yi-japan-visit-2025",
        ]
        # Every meeting, the cursor on the actor's first, the actor's marked; r: only those.
        assert len(screen.shown_meetings()) == 9
        assert screen.current_ref == Ref("meeting", wang_yis[0])
        assert set(screen.marked) == set(wang_yis)
        await pilot.press("r")
        assert [m.id for m in screen.shown_meetings()] == wang_yis
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.main.current == Ref("meeting", "iwaya-wang-yi-meeting-2024")
        # Back: the timeline as it was left, filter and row.
        await pilot.press("backspace")
        await pilot.pause()
        screen = timeline(app)
        assert len(screen.shown_meetings()) == 3
        assert screen.current_ref == Ref("meeting", "iwaya-wang-yi-meeting-2024")
        await pilot.press("r")
        assert len(screen.shown_meetings()) == 9
        assert screen.current_ref == Ref("meeting", "iwaya-wang-yi-meeting-2024")


async def test_a_from_the_timeline_reads_the_meeting_and_back_restores_it(
    seed_corpus: Corpus,
) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=SIZE) as pilot:
        app.goto(WANG_YI)
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("r", "down", "down", "a")
        await pilot.pause()
        highlight = reader(app).current_highlight
        meeting = Ref("meeting", "wang-yi-japan-visit-2025")
        assert highlight is not None and highlight.ref == meeting
        await pilot.press("backspace")
        await pilot.pause()
        assert timeline(app).current_ref == meeting
        await pilot.press("backspace")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.main.current == WANG_YI


async def test_t_in_the_reader_is_placed_on_the_highlighted_actors_meetings(
    seed_corpus: Corpus,
) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=SIZE) as pilot:
        app.goto(Ref("actor", "takeo-akiba"))
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert timeline(app).current_ref == Ref("meeting", "akiba-china-visit-2024")
        assert list(timeline(app).marked) == ["akiba-china-visit-2024"]

"""The first screen leads somewhere: an actor's members' meetings and quotes count as related
(marked ◦), and `t` opens the whole timeline placed on the current item's meetings, afresh
each time (never on the row where it was left)."""

from __future__ import annotations

import re

from explorer.app import build_app
from explorer.data import Corpus, Ref
from explorer.screens.main import MainScreen
from explorer.screens.timeline import DIRECT_MARK, TimelineList, TimelineScreen
from explorer.widgets.item_pane import MEMBER_MARK, RELATED_MARK
from tests.waiting import wait_for

CHINA = Ref("actor", "china")


def china_members() -> set[str]:
    """Who is in China, at any depth, read from the seed's member_of fields."""
    from explorer.data import corpus_from_files, seed_files

    actors = corpus_from_files(seed_files()).actors
    inside = {"china"}
    grew = True
    while grew:
        more = {a.id for a in actors.values() if set(a.member_of) & inside} - inside
        grew = bool(more)
        inside |= more
    return inside - {"china"}


async def test_on_a_fresh_start_t_shows_every_meeting_placed_on_the_first_items(
    seed_corpus: Corpus,
) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: app.main.current is not None, "the first item current")
        first = app.main.current
        assert first == CHINA
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        assert len(screen.shown_meetings()) == len(seed_corpus.meetings) == 9
        # China takes part in no meeting itself; its ministers and its army (and their
        # members) in most of them.
        participated = {
            m.id for m in seed_corpus.meetings.values() if set(m.participants) & china_members()
        }
        assert len(participated) >= 7 and participated <= set(screen.marked)
        assert set(screen.marked.values()) == {"member"}
        cursor = screen.current_ref
        assert cursor is not None and cursor.id in screen.marked
        first_marked = next(m.id for m in screen.meetings if m.id in screen.marked)
        assert cursor.id == first_marked
        heading = str(screen.query_one("#timeline-heading").render())
        assert f"{len(screen.marked)} through its members" in heading, heading
        # The marked rows say so on screen.
        lines = [screen.query_one(TimelineList).render_line(y).text for y in range(30)]
        assert any(MEMBER_MARK in line for line in lines)
        # r: only China's (through members); again: all.
        await pilot.press("r")
        assert [m.id for m in screen.shown_meetings()] == [
            m.id for m in screen.meetings if m.id in screen.marked
        ]
        await pilot.press("r")
        assert len(screen.shown_meetings()) == 9


async def test_members_meetings_and_quotes_count_as_related_marked_as_such(
    seed_corpus: Corpus,
) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: app.main.current == CHINA, "China current")
        meetings = app.main.pane("meeting")
        quotes = app.main.pane("quote")
        members = china_members()
        spoken = {q.id for q in seed_corpus.quotes.values() if q.speaker in members}
        assert meetings.related_count >= 7, "China's members' meetings are related"
        assert set(quotes.shown[: quotes.related_count]) >= spoken, "and their quotes"
        assert f"{meetings.related_count} of 9" in str(meetings.border_title)
        row = meetings.row_content(0).plain
        assert row.startswith(MEMBER_MARK), row
        # An item's own relations keep the full mark.
        app.goto(Ref("actor", "wang-yi"))
        await wait_for(pilot, lambda: app.main.current == Ref("actor", "wang-yi"), "Wang Yi")
        assert meetings.row_content(0).plain.startswith(RELATED_MARK)


async def test_t_never_reopens_on_a_stale_row(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        app.goto(Ref("actor", "wang-yi"))
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        opened_on = app.screen.current_ref  # type: ignore[attr-defined]
        await pilot.press("G", "escape")  # moved away, then left
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "back on the panes")
        await pilot.press("t")  # the same item again: placed anew, not at the end
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        assert app.screen.current_ref == opened_on  # type: ignore[attr-defined]
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "back on the panes")
        app.goto(Ref("meeting", "xi-state-visit-japan"))
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        assert app.screen.current_ref == Ref("meeting", "xi-state-visit-japan")  # type: ignore[attr-defined]


async def test_t_again_shows_the_timeline_as_new_whatever_was_done_in_it_before(
    seed_corpus: Corpus,
) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        app.goto(Ref("actor", "wang-yi"))
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        # Narrowed to Xi's meetings with the filter line, then to the marked ones: left so.
        await pilot.press("slash", *"speaker:Xi", "enter", "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "back on the panes")
        app.goto(Ref("meeting", "xi-state-visit-japan"))
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        await wait_for(
            pilot,
            lambda: screen.current_ref == Ref("meeting", "xi-state-visit-japan"),
            "the cursor on the meeting it was opened from",
        )
        assert screen.actor_filter is None and not screen.only_marked
        assert len(screen.shown_meetings()) == 9
        assert screen.marked == {"xi-state-visit-japan": "direct"}
        field = screen.query_one("#timeline-filter")
        assert not field.has_class("-shown") and field.value == ""  # type: ignore[attr-defined]
        heading = str(screen.query_one("#timeline-heading").render())
        assert "9 meetings" in heading and "this item's meeting" in heading, heading
        lines = [screen.query_one(TimelineList).render_line(y).text for y in range(34)]
        statuses = "happened|ongoing|planned|expected|postponed|cancelled"
        marked = [line for line in lines if re.search(rf"({statuses}) +{DIRECT_MARK}", line)]
        assert len(marked) == 1 and "Xi Jinping's state visit" in marked[0], marked
        await pilot.press("r")
        assert [m.id for m in screen.shown_meetings()] == ["xi-state-visit-japan"]
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "back on the panes")
        await pilot.press("right_square_bracket")  # forward: the timeline as it was left
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        assert [m.id for m in screen.shown_meetings()] == ["xi-state-visit-japan"]
        assert screen.only_marked

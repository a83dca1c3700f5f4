"""The timeline over many articles: order, publication marks, and moves far down the list.

The list builds and measures its entries only as far as it is drawn; these check that what
the user sees after jumps (End, PageDown, Home) and filters is the right entry, in the right
place, with each article's publication day where it falls.
"""

from __future__ import annotations

import pytest
from textual.app import App

from explorer.bench.corpus import write_corpus
from explorer.data import Article, Corpus, Meeting, Ref, corpus_from_files
from explorer.screens.timeline import (
    TimelineList,
    TimelineScreen,
    timeline_order,
    with_publications,
)
from tests.waiting import wait_for

SIZE = (120, 36)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """40 synthetic articles: 320 meetings, more rows than the list measures at once."""
    return corpus_from_files(write_corpus(40, tmp_path_factory.mktemp("many"), seed=5))


class Host(App[None]):
    def __init__(self, corpus: Corpus, actor: str | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.actor = actor
        self.went: list[Ref] = []

    def on_mount(self) -> None:
        self.push_screen(TimelineScreen(self.corpus, self.actor))

    def goto(self, ref: Ref) -> None:
        self.went.append(ref)


def screen_text(timeline: TimelineList) -> str:
    return "\n".join(timeline.render_line(y).text for y in range(timeline.size.height))


def check_marks(rows: list[Meeting | Article], corpus: Corpus) -> None:
    """Each shown meeting's article is marked once, before the first meeting that starts
    after its publication day and after every meeting that had started by then."""
    shown = [row for row in rows if isinstance(row, Meeting)]
    marked = [row for row in rows if isinstance(row, Article)]
    assert sorted(a.id for a in marked) == sorted({m.article for m in shown})
    for position, row in enumerate(rows):
        if not isinstance(row, Article):
            continue
        before = [r for r in rows[:position] if isinstance(r, Meeting)]
        after = [r for r in rows[position:] if isinstance(r, Meeting)]
        assert all(m.when is not None and m.when.sort_key[0] <= row.published for m in before)
        if after and after[0].when is not None:
            assert after[0].when.sort_key[0] > row.published, (row.id, after[0].id)
    days = [row.published for row in rows if isinstance(row, Article)]
    runs: list[list] = [[]]
    for row in rows:
        if isinstance(row, Article):
            runs[-1].append(row.published)
        else:
            runs.append([])
    assert all(run == sorted(run) for run in runs), "marks between two meetings by day"
    assert len(days) == len(marked)


def test_publication_marks_fall_where_each_article_was_published(many: Corpus) -> None:
    meetings = timeline_order(many.meetings.values())
    rows = with_publications(meetings, many.articles)
    assert [r for r in rows if isinstance(r, Meeting)] == meetings
    check_marks(rows, many)
    starts = [m.when.sort_key for m in meetings if m.when is not None]
    assert starts == sorted(starts)


def test_publication_marks_of_the_seed_with_an_undated_meeting(seed_corpus: Corpus) -> None:
    meetings = timeline_order(seed_corpus.meetings.values())
    assert meetings[-1].when is None
    rows = with_publications(meetings, seed_corpus.articles)
    check_marks(rows, seed_corpus)
    # The one article is marked before the undated meeting at the latest.
    assert rows.index(next(r for r in rows if isinstance(r, Article))) < len(rows) - 1


async def test_end_pagedown_and_home_show_the_entry_under_the_cursor(many: Corpus) -> None:
    app = Host(many)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        timeline = screen.query_one(TimelineList)
        meetings = screen.shown_meetings()
        assert len(meetings) == 320
        await wait_for(pilot, lambda: timeline.size.height > 0, "the list drawn")
        first = meetings[0]
        assert screen.current_ref == Ref("meeting", first.id)
        assert first.title in screen_text(timeline)

        await pilot.press("end")
        await wait_for(pilot, lambda: screen.current_ref == Ref("meeting", meetings[-1].id), "End")
        text = screen_text(timeline)
        assert meetings[-1].title in text
        assert first.title not in text

        await pilot.press("home")
        await wait_for(pilot, lambda: screen.current_ref == Ref("meeting", first.id), "Home")
        await pilot.press("pagedown")
        await wait_for(pilot, lambda: screen.current_ref != Ref("meeting", first.id), "PgDn")
        ref = screen.current_ref
        assert ref is not None
        index = [m.id for m in meetings].index(ref.id)
        assert 5 < index < 40, "about a screenful further"
        assert many.meetings[ref.id].title in screen_text(timeline)

        for _ in range(3):
            await pilot.press("j")
        expected = meetings[index + 3]
        await wait_for(pilot, lambda: screen.current_ref == Ref("meeting", expected.id), "j")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.went, "Enter to go to the meeting")
        assert app.went == [Ref("meeting", expected.id)]


async def test_a_filter_over_many_articles_keeps_order_and_marks(many: Corpus) -> None:
    busiest = max(many.actors, key=lambda a: len(many.meetings_of_actor.get(a, ())))
    app = Host(many, busiest)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        timeline = screen.query_one(TimelineList)
        wanted = many.related(Ref("actor", busiest), "meeting")
        shown = screen.shown_meetings()
        assert {m.id for m in shown} == wanted and len(shown) == len(wanted) > 1
        assert shown == [m for m in timeline_order(many.meetings.values()) if m.id in wanted]
        check_marks(timeline.rows, many)
        await pilot.press("end")
        await wait_for(pilot, lambda: screen.current_ref == Ref("meeting", shown[-1].id), "End")
        assert shown[-1].title in screen_text(timeline)

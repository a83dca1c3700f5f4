"""The app driven as a user drives it: keys and clicks through Pilot, on the seed article."""

from __future__ import annotations

import pytest
from textual.command import CommandList
from textual.pilot import Pilot

from explorer.app import ExplorerApp, build_app
from explorer.data import Corpus, Ref
from explorer.widgets.detail_pane import DetailPane
from explorer.widgets.item_pane import RELATED_MARK, ItemPane
from tests.waiting import press_until, wait_for

WANG_YI = Ref("actor", "wang-yi")
IWAYA = Ref("actor", "takeshi-iwaya")
IWAYA_MEETS_WANG = Ref("meeting", "iwaya-wang-yi-meeting-2024")
WANG_YI_MEETINGS = {
    "iwaya-wang-yi-meeting-2024",
    "akiba-china-visit-2024",
    "wang-yi-japan-visit-2025",
}


def rows(pane: ItemPane | DetailPane) -> list[str]:
    """What each row of a pane says, as plain text."""
    if isinstance(pane, ItemPane):
        return [str(content) for content in pane.contents()]
    return [str(option.prompt) for option in pane.options]


async def move_to(pilot: Pilot, pane: ItemPane, item_id: str) -> None:
    """Press j/k until the cursor is on `item_id`, as a user would."""
    target = pane.shown.index(item_id)
    key = "j" if (pane.highlighted or 0) < target else "k"
    await press_until(pilot, key, lambda: pane.highlighted == target, f"the cursor on {item_id}")


async def follow_link(pilot: Pilot, app: ExplorerApp, ref: Ref) -> None:
    """Enter (to the links), arrows to the link to `ref`, Enter (follow)."""
    await pilot.press("enter")
    detail = app.main.detail
    assert app.focused is detail
    index = next(
        i for i, option in enumerate(detail.options) if option.id and detail.link_at(i) == ref
    )
    await press_until(pilot, "down", lambda: detail.highlighted == index, f"the link to {ref}")
    await pilot.press("enter")
    await pilot.pause()


async def test_walk_follow_links_and_history(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        main = app.main
        actors, meetings, _quotes = main.panes
        assert app.focused is actors
        assert len(actors.shown) == len(seed_corpus.actors)

        await move_to(pilot, actors, "wang-yi")
        await pilot.pause()
        assert main.current == WANG_YI
        # His meetings come first in the Meetings pane, marked, and counted in its title.
        assert set(meetings.shown[:3]) == WANG_YI_MEETINGS
        assert all(row.startswith(RELATED_MARK) for row in rows(meetings)[:3])
        assert "Meetings 3 of 9" in str(meetings.border_title)
        assert rows(main.detail)[0] == "Wang Yi"

        await follow_link(pilot, app, IWAYA_MEETS_WANG)
        assert app.focused is meetings
        assert main.current == IWAYA_MEETS_WANG
        assert meetings.current_id == IWAYA_MEETS_WANG.id
        # Its participants are links in the detail pane.
        detail_text = "\n".join(rows(main.detail))
        assert "participant" in detail_text
        assert "Takeshi Iwaya" in detail_text and "Wang Yi" in detail_text
        assert set(main.detail.links) >= {IWAYA, WANG_YI}

        await follow_link(pilot, app, IWAYA)
        assert app.focused is actors
        assert main.current == IWAYA

        await pilot.press("left_square_bracket")
        assert main.current == IWAYA_MEETS_WANG
        assert app.focused is meetings
        await pilot.press("backspace")
        assert main.current == WANG_YI
        assert app.focused is actors
        await pilot.press("right_square_bracket")
        assert main.current == IWAYA_MEETS_WANG
        assert app.focused is meetings
        # The path so far, the current crumb in the middle.
        assert [v.ref for v in app.history] == [WANG_YI, IWAYA_MEETS_WANG, IWAYA]
        assert app.history.index == 1


async def test_new_jump_after_back_drops_forward_entries(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        app.goto(WANG_YI)
        app.goto(IWAYA_MEETS_WANG)
        await pilot.pause()
        await pilot.press("alt+left")
        assert app.main.current == WANG_YI
        app.goto(IWAYA)
        await pilot.pause()
        # The start (where the first jump left from), Wang Yi, Iwaya: the meeting is gone.
        assert [v.ref for v in app.history] == [Ref("actor", "china"), WANG_YI, IWAYA]
        await pilot.press("alt+right")  # nothing ahead: stays
        assert app.main.current == IWAYA


async def test_related_only_toggle(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        main = app.main
        actors, meetings, _quotes = main.panes
        await move_to(pilot, actors, "wang-yi")
        await pilot.pause()
        assert len(meetings.shown) == 9
        assert "related first" in str(meetings.border_subtitle)

        await pilot.press("r")
        await pilot.pause()
        assert set(meetings.shown) == WANG_YI_MEETINGS
        assert "only related" in str(meetings.border_subtitle)
        assert "Meetings 3 of 9" in str(meetings.border_title)
        # Moving on updates the filter.
        await move_to(pilot, actors, "donald-trump")
        await pilot.pause()
        assert meetings.shown == ["trump-inauguration-2025"]

        await pilot.press("r")
        await pilot.pause()
        assert len(meetings.shown) == 9
        assert meetings.shown[0] == "trump-inauguration-2025"


async def test_nothing_related_says_so(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        actors, _meetings, quotes = app.main.panes
        await move_to(pilot, actors, "donald-trump")
        await pilot.press("r")
        await pilot.pause()
        assert quotes.shown == []
        assert "Nothing related to Donald Trump" in rows(quotes)[0]


async def test_palette_jumps_to_an_item(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"mutual trust")
        listing = app.screen.query_one(CommandList)
        await wait_for(pilot, lambda: listing.option_count > 0, "the palette's hits")
        await pilot.press("enter")
        await pilot.pause()
        current = app.main.current
        assert current is not None and current.kind == "quote"
        assert "mutual trust" in seed_corpus[current].label
        assert app.focused is app.main.pane("quote")
        assert app.history.current is not None and app.history.current.ref == current


async def test_number_keys_and_tab_focus_panes(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        main = app.main
        await pilot.press("2")
        assert app.focused is main.pane("meeting")
        await pilot.press("3")
        assert app.focused is main.pane("quote")
        await pilot.press("tab")
        assert app.focused is main.detail
        await pilot.press("tab")
        assert app.focused is main.pane("actor")
        await pilot.press("shift+tab")
        assert app.focused is main.detail
        await pilot.press("1", "G")
        assert main.current == Ref("actor", main.pane("actor").shown[-1])
        await pilot.press("g")
        assert main.current == Ref("actor", main.pane("actor").shown[0])


async def test_help_screen_opens_and_closes(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("question_mark")
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        assert app.screen is app.main
        await pilot.press("f1")
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("f1")
        assert app.screen is app.main


async def test_mouse_click_selects_and_follows(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        main = app.main
        meetings = main.pane("meeting")
        # Click the second row of the Meetings pane: it is focused and selected.
        await pilot.click(meetings, offset=(4, 2))
        await pilot.pause()
        assert app.focused is meetings
        assert main.current == Ref("meeting", meetings.shown[1])
        # Click the first link in the detail pane: it is followed.
        detail = main.detail
        first_link = detail.links[0]
        line = next(i for i, o in enumerate(detail.options) if o.id and detail.link_at(i))
        y = detail.line_of(line) - detail.scroll_offset.y + 1  # +1: the border
        await pilot.click(detail, offset=(6, y))
        await pilot.pause()
        assert main.current == first_link
        assert app.history.current is not None and app.history.current.ref == first_link


async def test_light_theme_renders(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        app.theme = "textual-light"
        await pilot.pause()
        assert app.current_theme.dark is False
        await pilot.press("j", "2", "enter")
        await pilot.pause()


async def test_many_links_show_a_page_at_a_time(
    seed_corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An item of many articles lists its first links and a line that shows the next ones."""
    from explorer.widgets import detail_pane

    monkeypatch.setattr(detail_pane, "LINKS_PAGE", 1)
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        app.goto(WANG_YI)
        await pilot.pause()
        detail = app.main.detail
        total = len(seed_corpus.relations(WANG_YI))
        assert total > 2
        links = [i for i in range(detail.option_count) if detail.link_at(i)]
        assert len(links) == 1
        assert f"{total - 1} more links" in "\n".join(rows(detail))
        await pilot.press("enter")  # to the detail: its first link
        await press_until(
            pilot,
            "down",
            lambda: detail.highlighted_option.id == "more:links",
            "the more-links row",
        )
        await pilot.press("enter")
        await pilot.pause()
        assert len([i for i in range(detail.option_count) if detail.link_at(i)]) == 2
        # The cursor is on the first new link, and following it still works.
        target = detail.link_at(detail.highlighted)
        assert target == seed_corpus.relations(WANG_YI)[1].target
        await pilot.press("enter")
        await pilot.pause()
        assert app.main.current == target

"""Keys that arrive in one go (a paste, a fast typist, a slow frame) land where they were aimed.

`/` opens a line; the letters after it may already be queued behind it before the line is on
screen. They must reach the line, never the panes (where `t` opens the timeline and `r`
filters), on every screen that has such a line. Each test posts the keys together, with no
pause between them, as a terminal delivers a burst.
"""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.widgets import Input

from explorer.app import build_app
from explorer.data import Corpus
from explorer.screens.help import HelpScreen
from explorer.screens.main import MainScreen
from explorer.screens.timeline import TimelineScreen
from tests.waiting import wait_for, wait_for_workers, wait_until_loaded


def burst(app: App[object], *keys: str) -> None:
    """Queue `keys` at once, as the terminal's reader hands over a burst of input."""
    for key in keys:
        character = "/" if key == "slash" else key if len(key) == 1 else None
        app.post_message(events.Key(key, character))


def typed_into(app: App[object]) -> str:
    focused = app.focused
    return focused.value if isinstance(focused, Input) else f"<focus on {focused!r}>"


async def test_slash_and_a_word_at_once_search_the_quotes(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_until_loaded(pilot)
        burst(app, "slash", *"trust")
        await wait_for(pilot, lambda: typed_into(app) == "trust", "'trust' in the search line")
        await wait_for_workers(pilot)
        assert isinstance(app.screen, MainScreen), "a letter reached the panes"
        search = app.screen.quote_search
        assert search.is_open
        assert set(search.results.quote_ids()) == {
            "etc-statement-mutual-trust",
            "etc-emphasis-mutual-trust",
        }


async def test_a_slash_typed_in_the_search_line_is_a_character(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_until_loaded(pilot)
        burst(app, "slash", *"and", "slash", *"or")
        await wait_for(pilot, lambda: typed_into(app) == "and/or", "'and/or' in the line")
        assert isinstance(app.screen, MainScreen)
        footer_keys = {b.binding.key for b in app.screen.active_bindings.values()}
        assert "slash" not in footer_keys, "the footer offers / while / types"


async def test_the_timeline_filter_takes_the_letters_sent_with_its_slash(
    seed_corpus: Corpus,
) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_until_loaded(pilot)
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        timeline = app.screen
        burst(app, "slash", *"wang")
        await wait_for(pilot, lambda: typed_into(app) == "wang", "'wang' in the filter line")
        assert app.screen is timeline
        assert timeline.query_one("#timeline-filter", Input).has_focus


async def test_the_help_search_takes_the_letters_sent_with_its_slash(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_until_loaded(pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        help_screen = app.screen
        burst(app, "slash", *"quit")
        await wait_for(pilot, lambda: typed_into(app) == "quit", "'quit' in the help's line")
        assert app.screen is help_screen, "a letter of the word closed or left the help"

"""A line's editing key sent together with the letters after it (Ctrl+U, then typing fast).

Textual runs a focused Input's own binding only once the key has bubbled back to the app, by
which time the letters queued behind it are in the line: Ctrl+U then "wang" left the line
empty. The app runs a line's editing keys as they arrive; these tests post the keys together.
"""

from __future__ import annotations

from explorer.app import build_app
from explorer.data import Corpus
from explorer.screens.main import MainScreen
from tests.test_keys_in_one_go import burst, typed_into
from tests.waiting import wait_for, wait_for_workers, wait_until_loaded


async def test_ctrl_u_then_a_fast_word_in_the_search_line(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_until_loaded(pilot)
        await pilot.press("slash", *"trust")
        await wait_for(pilot, lambda: typed_into(app) == "trust", "'trust' in the search line")
        burst(app, "ctrl+u", *"wang")
        await wait_for(pilot, lambda: typed_into(app) == "wang", "'wang' after Ctrl+U")
        await wait_for_workers(pilot)
        assert typed_into(app) == "wang", "Ctrl+U ran after the letters and deleted them"
        assert isinstance(app.screen, MainScreen)


async def test_ctrl_u_then_a_fast_word_in_the_palette(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_until_loaded(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: typed_into(app) == "", "the palette's line")
        await pilot.press(*"time")
        await wait_for(pilot, lambda: typed_into(app) == "time", "'time' in the palette")
        burst(app, "ctrl+u", *"help")
        await wait_for(pilot, lambda: typed_into(app) == "help", "'help' after Ctrl+U")
        await wait_for_workers(pilot)
        assert typed_into(app) == "help", "Ctrl+U ran after the letters and deleted them"

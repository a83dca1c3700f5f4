"""Quitting right after a key opens a screen ends the app cleanly, whatever screen it was.

Typed fast (`t` then `q`, `?` then Ctrl+C), the quit comes before the new screen has mounted:
Textual takes its children away first, and a screen that looked them up on mount ended the
app in a traceback.
"""

from __future__ import annotations

import pytest

from explorer.app import build_app
from explorer.data import Corpus

OPENING_ACTIONS = [
    "help",
    "timeline",
    "network",
    "expectations",
    "notes",
    "note",
    "filter_articles",
    "reader",
    "export",
]


@pytest.mark.parametrize("action", OPENING_ACTIONS)
async def test_quitting_as_a_screen_opens_exits_cleanly(seed_corpus: Corpus, action: str) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        getattr(app, f"action_{action}")()
        app.exit()
    assert app.return_code == 0


@pytest.mark.parametrize("action", OPENING_ACTIONS)
async def test_closing_a_screen_as_it_opens_leaves_the_app_running(
    seed_corpus: Corpus, action: str
) -> None:
    """`?` then Esc typed fast: the screen is taken away before its mount is handled."""
    app = build_app(seed_corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        below = app.screen
        getattr(app, f"action_{action}")()
        if app.screen is not below:
            app.pop_screen()
        await pilot.pause()
        await pilot.pause()
        assert app.is_running and app.screen is below
    assert app.return_code in (None, 0), "no traceback ended the app"

"""EXPLORER_SCREENSHOT_DIR: the app saves its screen as SVG after keys, and only when asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widget import Widget

from explorer.app import build_app
from explorer.data import Corpus
from explorer.screen_capture import SCREENSHOT_DIR_VARIABLE, SCREENSHOT_NAME, SETTLE_SECONDS
from tests.test_serve_browser import detail_title, screen_lines
from tests.waiting import wait_for


async def test_saves_the_screen_after_keys_when_asked(
    seed_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SCREENSHOT_DIR_VARIABLE, str(tmp_path / "screens"))
    saved = tmp_path / "screens" / SCREENSHOT_NAME
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        first = screen_lines(saved.read_text(encoding="utf-8"))
        assert detail_title(first) == "China"
        await pilot.press("down")
        await wait_for(
            pilot,
            lambda: detail_title(screen_lines(saved.read_text("utf-8"))) != "China",
            "the screen saved again after the key",
        )
        after = screen_lines(saved.read_text(encoding="utf-8"))
        assert detail_title(after) == "Chinese defence minister"
    assert [path.name for path in saved.parent.iterdir()] == [SCREENSHOT_NAME]  # no leftovers


async def test_saves_the_screen_when_another_screen_replaces_it(
    seed_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No key: the app changes screen by itself (as the loading screen gives way to the main one).
    monkeypatch.setenv(SCREENSHOT_DIR_VARIABLE, str(tmp_path))
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        before = (tmp_path / SCREENSHOT_NAME).read_text(encoding="utf-8")
        app.action_help()

        def shows_help() -> bool:
            saved = (tmp_path / SCREENSHOT_NAME).read_text("utf-8")
            return any("On this screen: Panes" in line for line in screen_lines(saved))

        await wait_for(pilot, shows_help, "the screen saved again after the change of screen")
    assert not any("On this screen: Panes" in line for line in screen_lines(before))


class SavesWhenRemoved(Widget):
    """Asks for a capture as the app closes the screen under the top one, as a late timer can."""

    def on_unmount(self) -> None:
        self.app.save_screen()  # type: ignore[attr-defined]


async def test_closing_with_a_capture_due_keeps_the_last_whole_screen(
    seed_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The app closes its screens one by one, top first, and a capture can fire in between:
    # the top screen, closed, is still the app's screen then, with nothing left to draw.
    monkeypatch.setenv(SCREENSHOT_DIR_VARIABLE, str(tmp_path))
    saved = tmp_path / SCREENSHOT_NAME
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.screen.mount(SavesWhenRemoved())
        app.action_help()
        await wait_for(
            pilot,
            lambda: (
                saved.is_file()
                and any(
                    "On this screen: Panes" in line
                    for line in screen_lines(saved.read_text("utf-8"))
                )
            ),
            "the help screen saved",
        )
    # The app closed without an error, and the file still holds the help screen, whole.
    assert any("On this screen: Panes" in line for line in screen_lines(saved.read_text("utf-8")))
    assert [path.name for path in tmp_path.iterdir()] == [SCREENSHOT_NAME]


async def test_writes_nothing_unless_asked(
    seed_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(SCREENSHOT_DIR_VARIABLE, raising=False)
    monkeypatch.chdir(tmp_path)
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("down")
        await pilot.pause(SETTLE_SECONDS * 2)  # long enough for a capture to fire, were one due
        assert app.save_screen() is None
    assert list(tmp_path.iterdir()) == []

"""The app's parts on their own: `run()` on bad input, the palette's highlighting, crumbs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.command import Matcher
from textual.pilot import Pilot

from explorer.app import ExplorerApp, build_app, run
from explorer.data import Corpus, Ref
from explorer.palette import highlight
from explorer.widgets.breadcrumb import Breadcrumb
from tests.waiting import wait_for


def run_with_a_user(monkeypatch: pytest.MonkeyPatch, user: Callable[[Pilot], Awaitable[None]]):
    """Make `run()` drive its app headless, `user` playing the part of the person at the keys."""
    from textual.app import App

    def headless(app: App, **_: object) -> object:
        return App.run(app, headless=True, size=(100, 30), auto_pilot=user)

    monkeypatch.setattr(ExplorerApp, "run", headless)


async def read_the_message_then_press_a_key(pilot: Pilot) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: app.load_error is not None, "the load failed")  # type: ignore[attr-defined]
    await pilot.press("x")


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such database"), ("{not json", "not an explorer database")],
)
def test_run_reports_a_bad_database_in_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    content: str | None,
    message: str,
) -> None:
    db = tmp_path / "explorer.json"
    if content is not None:
        db.write_text(content, encoding="utf-8")
    run_with_a_user(monkeypatch, read_the_message_then_press_a_key)
    assert run(db) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert "Traceback" not in captured.err


def test_run_exits_non_zero_when_the_app_crashes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from explorer.screens.main import MainScreen

    def broken(screen: MainScreen) -> None:
        raise RuntimeError("a bug in the main screen")

    monkeypatch.setattr(MainScreen, "on_mount", broken)

    async def wait_for_the_crash(pilot: Pilot) -> None:
        await wait_for(pilot, lambda: not pilot.app.is_running, "the app ended")

    run_with_a_user(monkeypatch, wait_for_the_crash)
    assert run(None) == 1, "a crash is a failure, not success"
    assert "a bug in the main screen" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("query", "candidate"),
    [("bold", "[bold]x"), ("quit", "[@click=app.quit]Quit"), ("x", "[/]x"), ("wang", "王毅 Wang")],
)
def test_palette_highlight_keeps_markup_like_text_literal(query: str, candidate: str) -> None:
    content = highlight(Matcher(query), candidate)
    assert content.plain == candidate
    assert content.spans  # the match itself is emphasised
    assert not any("@click" in str(span.style) for span in content.spans)


def test_breadcrumb_fits_the_width_and_maps_clicks() -> None:
    crumb = Breadcrumb()
    crumb.show_trail([f"item number {n}" for n in range(10)], current=9)
    line, hits = crumb.layout_pieces(60)
    assert line.cell_length <= 60
    assert line.plain.startswith("Path: … ")
    assert line.plain.endswith("item number 9")
    assert hits[-1][2] == 9  # the last crumb always shows
    _start, _end, index = hits[0]
    assert index > 0  # the first crumbs gave way


async def test_clicking_a_crumb_goes_there(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        for ref in (Ref("actor", "wang-yi"), Ref("meeting", "iwaya-wang-yi-meeting-2024")):
            app.goto(ref)
        await pilot.pause()
        crumbs = app.main.crumbs
        _line, hits = crumbs.layout_pieces(crumbs.size.width)
        start, _end, _index = next(hit for hit in hits if hit[2] == 1)
        await pilot.click(crumbs, offset=(start + 1, 0))
        await pilot.pause()
        assert app.main.current == Ref("actor", "wang-yi")
        assert app.history.index == 1
        assert app.history.can_forward


async def test_goto_an_unknown_item_says_so(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.goto(Ref("actor", "nobody")) is False
        await pilot.pause()
        assert len(app.history) == 0
        assert app.main.current == Ref("actor", app.main.pane("actor").shown[0])

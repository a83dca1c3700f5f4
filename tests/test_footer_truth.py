"""Every screen's footer tells the truth: each key it shows does what it says there, a dimmed
key does nothing, no hint is for a key that would type into the focused line, and the footer
fits 80 columns in whole keys.

Each screen is reached as a user would (keys from a fresh start on the seed); then, for each
key its footer shows, a fresh app is brought to the same screen and the key is pressed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from explorer.app import ExplorerApp, build_app
from explorer.data import Corpus, Ref
from explorer.data.notes import NotesStore
from explorer.history import Visit
from explorer.screens.confirm import ConfirmScreen
from explorer.screens.expectations import ExpectationsScreen
from explorer.screens.help import HelpScreen
from explorer.screens.main import MainScreen
from explorer.screens.network import NetworkScreen
from explorer.screens.note_editor import NoteEditor
from explorer.screens.notes import NotesScreen
from explorer.screens.reader import ReaderScreen
from explorer.screens.timeline import TimelineScreen
from explorer.widgets.article_view import ArticleView
from explorer.widgets.detail_pane import DetailPane
from explorer.widgets.hints import FittedFooter, FooterKey, types_text
from explorer.widgets.quote_search import SearchResults
from tests.waiting import wait_for

SIZE = (80, 24)
WANG_YI = Ref("actor", "wang-yi")


@dataclass(frozen=True)
class Before:
    """What the user saw before the key: enough to tell whether it did what it said."""

    screen: type
    location: Visit | None
    only_related: bool
    only_marked: bool | None
    highlight: int | None
    result: int | None
    search_open: bool
    item: Ref | None
    bookmarked: bool | None


def before(app: ExplorerApp) -> Before:
    screen = app.screen
    main = app.main
    highlight = screen.query_one(ArticleView).current if isinstance(screen, ReaderScreen) else None
    results = main.query_one(SearchResults)
    item = screen.current_ref if isinstance(screen, NotesScreen) else None
    return Before(
        type(screen),
        app.navigator.location(),
        main.only_related,
        screen.only_marked if isinstance(screen, TimelineScreen) else None,
        highlight,
        results.highlighted,
        main.quote_search.is_open,
        item,
        bookmarked(app, item),
    )


def bookmarked(app: ExplorerApp, item: Ref | None) -> bool | None:
    note = app.notes.get(item) if item is not None else None
    return note is not None and note.bookmark


def effect(action: str, app: ExplorerApp, was: Before) -> bool:
    """Whether the key of `action` did what its footer label says."""
    screen = app.screen
    left = type(screen) is not was.screen
    checks: dict[str, Callable[[], bool]] = {
        "help": lambda: isinstance(screen, HelpScreen),
        "back": lambda: app.navigator.location() != was.location,
        "forward": lambda: app.navigator.location() != was.location,
        "reader": lambda: (
            isinstance(screen, ReaderScreen) and app.navigator.location() != was.location
        ),
        "timeline": lambda: isinstance(screen, TimelineScreen),
        "network": lambda: isinstance(screen, NetworkScreen),
        "toggle_related": lambda: (
            app.main.only_related != was.only_related
            if isinstance(screen, MainScreen)
            else isinstance(screen, TimelineScreen) and screen.only_marked != was.only_marked
        ),
        "search": lambda: app.main.quote_search.is_open and isinstance(app.focused, Input),
        "open": lambda: isinstance(app.focused, DetailPane),
        "select": lambda: left or app.navigator.location() != was.location,
        "search_next": lambda: app.navigator.location() != was.location,
        "search_previous": lambda: app.navigator.location() != was.location,
        "search_close": lambda: not app.main.quote_search.is_open,
        "cancel": lambda: left or not app.main.quote_search.is_open,
        "cancel_filter": lambda: not isinstance(app.focused, Input),
        "pick(1)": lambda: app.main.query_one(SearchResults).highlighted != was.result,
        "close": lambda: left,
        "edit_filter": lambda: isinstance(app.focused, Input),
        "next_highlight": lambda: screen.query_one(ArticleView).current != was.highlight,
        "previous_highlight": lambda: screen.query_one(ArticleView).current != was.highlight,
        "choose": lambda: (
            isinstance(screen, MainScreen) and app.navigator.location() != was.location
        ),
        "edit": lambda: isinstance(screen, NoteEditor),
        "bookmark": lambda: bookmarked(app, was.item) != was.bookmarked,
        "delete": lambda: isinstance(screen, ConfirmScreen),
        "save": lambda: left,
        "command_palette": lambda: CommandPalette.is_open(app),
    }
    assert action in checks, f"no check for the footer's {action!r}: add one"
    return checks[action]()


Setup = Callable[[ExplorerApp, Pilot[None]], Awaitable[None]]


async def keys(pilot: Pilot[None], *pressed: str) -> None:
    for key in pressed:
        await pilot.press(key)
        await pilot.pause()


async def on_main(app: ExplorerApp, pilot: Pilot[None]) -> None:
    await wait_for(pilot, lambda: app.main.current is not None, "the first item current")


async def with_history(app: ExplorerApp, pilot: Pilot[None]) -> None:
    await on_main(app, pilot)
    app.goto(WANG_YI)
    app.goto(Ref("meeting", "etc-delegation-visit-2025"))
    await keys(pilot, "left_square_bracket")
    await wait_for(pilot, lambda: app.history.can_forward, "a step back taken")


async def search_typing(app: ExplorerApp, pilot: Pilot[None]) -> None:
    await on_main(app, pilot)
    await keys(pilot, "slash", *"trust")
    await wait_for(pilot, lambda: app.main.query_one(SearchResults).row_count > 1, "results shown")


async def search_accepted(app: ExplorerApp, pilot: Pilot[None]) -> None:
    await search_typing(app, pilot)
    await keys(pilot, "enter")
    await wait_for(pilot, lambda: app.main.quote_search.accepted, "the search accepted")


async def detail(app: ExplorerApp, pilot: Pilot[None]) -> None:
    await on_main(app, pilot)
    app.goto(WANG_YI)
    await keys(pilot, "4")


async def reader(app: ExplorerApp, pilot: Pilot[None]) -> None:
    await on_main(app, pilot)
    app.goto(WANG_YI)
    await keys(pilot, "a")
    await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen), "the reader")


async def timeline(app: ExplorerApp, pilot: Pilot[None]) -> None:
    await on_main(app, pilot)
    app.goto(WANG_YI)
    await keys(pilot, "t")
    await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")


async def timeline_filter(app: ExplorerApp, pilot: Pilot[None]) -> None:
    await timeline(app, pilot)
    await keys(pilot, "slash", *"wang")


async def network(app: ExplorerApp, pilot: Pilot[None]) -> None:
    await on_main(app, pilot)
    app.goto(WANG_YI)
    await keys(pilot, "w")
    await wait_for(
        pilot,
        lambda: isinstance(app.screen, NetworkScreen) and app.screen.ready,
        "the network",
    )


async def expectations(app: ExplorerApp, pilot: Pilot[None]) -> None:
    await on_main(app, pilot)
    await keys(pilot, "p")
    await wait_for(
        pilot,
        lambda: isinstance(app.screen, ExpectationsScreen) and app.screen.found is not None,
        "the expectations",
    )


async def notes(app: ExplorerApp, pilot: Pilot[None]) -> None:
    await on_main(app, pilot)
    app.goto(WANG_YI)
    await keys(pilot, "m", "b")
    await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen), "the notes")


async def editor(app: ExplorerApp, pilot: Pilot[None]) -> None:
    await on_main(app, pilot)
    await keys(pilot, "e")
    await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor), "the note editor")


SCREENS: dict[str, Setup] = {
    "main": on_main,
    "main with history": with_history,
    "search while typing": search_typing,
    "search after Enter": search_accepted,
    "detail pane": detail,
    "reader": reader,
    "timeline": timeline,
    "timeline filter line": timeline_filter,
    "network": network,
    "expectations": expectations,
    "notes": notes,
    "note editor": editor,
}


def shown_keys(app: ExplorerApp) -> list[FooterKey]:
    footer = app.screen.query_one(FittedFooter)
    return [key for key in footer.query(FooterKey) if key.display]


@pytest.mark.parametrize("where", list(SCREENS))
async def test_each_key_the_footer_shows_does_what_it_says(
    where: str, seed_corpus: Corpus, tmp_path: Path
) -> None:
    setup = SCREENS[where]
    app = build_app(seed_corpus, notes=NotesStore(tmp_path / "notes.json"))
    async with app.run_test(size=SIZE) as pilot:
        await setup(app, pilot)
        await pilot.pause()
        footer = app.screen.query_one(FittedFooter)
        shown = [
            (key.key, key.action, key.description, key.has_class("-disabled"))
            for key in shown_keys(app)
        ]
        displays = [key.key_display for key in shown_keys(app)]
        assert shown, f"{where}: the footer is empty"
        # Whole keys only, within the width.
        assert footer.max_scroll_x == 0, f"{where}: the footer is cut"
        for key in shown_keys(app):
            assert key.region.right <= SIZE[0], f"{where}: {key.description} is cut"
        # No hint for a key that a focused line takes as typing.
        if isinstance(app.focused, Input | TextArea):
            typed = [display for display in displays if types_text(display)]
            assert not typed, f"{where}: {typed} would type into the line"
    for number, (key, action, description, disabled) in enumerate(shown):
        app = build_app(seed_corpus, notes=NotesStore(tmp_path / f"notes-{number}.json"))
        async with app.run_test(size=SIZE) as pilot:
            await setup(app, pilot)
            await pilot.pause()
            was = before(app)
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            if disabled:
                assert (
                    type(app.screen) is was.screen and app.navigator.location() == was.location
                ), f"{where}: the dimmed {key} {description} acted"
            else:
                assert effect(action, app, was), f"{where}: {key} did not {description}"


def footer_reads(app: ExplorerApp) -> list[tuple[str, str, str, bool, str, int, int]]:
    """What the footer shows: each key, its label, action, dimness, tooltip and place."""
    return [
        (
            key.key_display,
            key.description,
            key.action,
            key.has_class("-disabled"),
            str(key.tooltip or ""),
            key.region.x,
            key.region.width,
        )
        for key in shown_keys(app)
    ]


async def test_tab_between_a_list_and_the_detail_relabels_the_footer_as_composed_anew(
    seed_corpus: Corpus, tmp_path: Path
) -> None:
    app = build_app(seed_corpus, notes=NotesStore(tmp_path / "notes.json"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        for focus, enter in ((DetailPane, "Follow"), (None, "Links"), (None, "Links")):
            keys = shown_keys(app)
            await pilot.press("tab")
            await pilot.pause()
            await pilot.pause()
            assert focus is None or isinstance(app.focused, focus)
            reads = footer_reads(app)
            assert ("Enter", enter) in [(shown[0], shown[1]) for shown in reads]
            # The keys that were there are relabelled, not removed and mounted again...
            assert shown_keys(app) == keys
            # ...and the footer reads as one composed for this focus from the start.
            footer = app.screen.query_one(FittedFooter)
            footer.call_next(footer.recompose)
            await pilot.pause()
            await pilot.pause()
            assert shown_keys(app) != keys, "composed anew"
            assert footer_reads(app) == reads


async def test_keys_that_come_and_go_with_the_search_line_read_as_composed_anew(
    seed_corpus: Corpus, tmp_path: Path
) -> None:
    app = build_app(seed_corpus, notes=NotesStore(tmp_path / "notes.json"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        for key, close in (("slash", "Close"), ("escape", "Search")):
            before = footer_reads(app)
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            reads = footer_reads(app)
            assert reads != before and close in [shown[1] for shown in reads], reads
            keys = shown_keys(app)
            footer = app.screen.query_one(FittedFooter)
            footer.call_next(footer.recompose)
            await pilot.pause()
            await pilot.pause()
            assert shown_keys(app) != keys, "composed anew"
            assert footer_reads(app) == reads


async def test_esc_out_of_the_search_shows_the_keys_of_before_again_not_mounted_anew(
    seed_corpus: Corpus, tmp_path: Path
) -> None:
    # The keys a line would type give way to Esc and Tab on `/`; on Esc the very keys of
    # before come back, where they were, as they read (none mounted and styled anew: a
    # third of what Esc cost).
    app = build_app(seed_corpus, notes=NotesStore(tmp_path / "notes.json"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        keys, reads = shown_keys(app), footer_reads(app)
        for _ in range(2):
            await pilot.press("slash", "t", "r")
            await pilot.pause()
            await pilot.pause()
            assert len(shown_keys(app)) < len(keys)
            assert "Close" in [shown[1] for shown in footer_reads(app)]
            await pilot.press("escape")
            await pilot.pause()
            await pilot.pause()
            assert shown_keys(app) == keys
            assert footer_reads(app) == reads

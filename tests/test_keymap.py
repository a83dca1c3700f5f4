"""The keymap as data: every binding has an id of the table, the help is generated from it and
searchable, one key means one thing, and config.toml remaps keys and picks a theme (a bad file
is one message naming the file, line and value, and exit code 2)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import Static

import explorer
from explorer import keymap
from explorer.app import build_app
from explorer.cli import main
from explorer.data import Corpus
from explorer.screens.help import HelpScreen
from explorer.screens.main import MainScreen
from explorer.screens.note_editor import NoteEditor
from explorer.screens.timeline import TimelineScreen
from explorer.settings import SettingsError
from tests.waiting import wait_for


def explorer_classes() -> list[type[DOMNode]]:
    """Every widget, screen and app class explorer defines."""
    found = []
    for module_info in pkgutil.walk_packages(explorer.__path__, "explorer."):
        if module_info.name.startswith("explorer.bench") or module_info.name.endswith("__main__"):
            continue
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, DOMNode):
                found.append(cls)
    return found


def test_every_binding_of_every_class_has_an_id_of_the_keymap() -> None:
    ids = keymap.binding_ids()
    missing = []
    for cls in explorer_classes():
        for binding in cls.__dict__.get("BINDINGS", []):
            assert isinstance(binding, Binding), f"{cls.__name__}: {binding!r} is not a Binding"
            if binding.id not in ids:
                missing.append(f"{cls.__name__}: {binding.key} -> {binding.action}")
    assert not missing, f"bindings outside explorer/keymap.py: {missing}"


@pytest.mark.parametrize(
    ("key", "meanings"),
    [
        ("n", {"search_next", "next_highlight"}),
        ("N", {"search_previous", "previous_highlight"}),
        ("g", {"first", "scroll_home", "cursor('first')", "scroll_to('top')"}),
        ("G", {"last", "scroll_end", "cursor('last')", "scroll_to('bottom')"}),
        ("slash", {"search", "edit_filter"}),
        ("r", {"toggle_related"}),
        ("e", {"note", "edit"}),
        ("y", {"answer(True)"}),
    ],
)
def test_one_key_means_one_thing_wherever_it_works(key: str, meanings: set[str]) -> None:
    """`n` is "next" everywhere: no longer a note, nor No in a question."""
    found = {
        entry.action
        for entry in keymap.KEYMAP
        if entry.binding and key in entry.keys.split(",") and entry.context != "review"
    }
    assert found and found <= meanings, f"{key} means {found}"


def help_text(screen: HelpScreen) -> str:
    static = screen.query_one("#help-text", Static)
    return str(static.visual) if static.visual is not None else ""


async def test_help_is_generated_from_the_keymap_this_screen_first(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        await wait_for(pilot, lambda: "Everywhere" in help_text(help_screen), "all the keys")
        text = help_text(help_screen)
        assert text.startswith("On this screen: Panes"), text[:80]
        for entry in keymap.KEYMAP:
            if entry.context != "review":
                assert entry.help in text, f"{entry.id} is not in the help"
        assert "Review" not in text  # the review's keys are explorer review's help
        await pilot.press("escape")
        # From the timeline, the timeline's keys come first.
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        assert help_text(app.screen).startswith("On this screen: Timeline")  # type: ignore[arg-type]


async def test_help_narrows_as_you_type_and_g_G_scroll(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        body = screen.query_one("#help-body")
        await pilot.press("G")
        await wait_for(pilot, lambda: body.scroll_y > 0, "G scrolled to the end")
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("g")
        await wait_for(pilot, lambda: body.scroll_y == 0, "g scrolled to the top")
        await pilot.press("slash", *"bookm")
        await wait_for(pilot, lambda: "Everywhere" not in help_text(screen), "the list narrowed")
        text = help_text(screen)
        assert "bookmark the item under the cursor" in text
        assert "next highlight" not in text
        await pilot.press("x", "q", "z")
        await wait_for(pilot, lambda: "No key matches" in help_text(screen), "nothing matches")
        assert isinstance(app.screen, HelpScreen), "q typed into the search, did not close it"
        await pilot.press("escape")  # clears the search
        await wait_for(pilot, lambda: "Everywhere" in help_text(screen), "every key again")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "the help closed")


def write_config(folder: Path, text: str) -> Path:
    path = folder / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


async def test_config_remaps_a_key_and_picks_the_theme(
    seed_corpus: Corpus, private_config: Path
) -> None:
    write_config(private_config, 'theme = "textual-light"\n\n[keys]\n"app.note" = "ctrl+o"\n')
    app = build_app(seed_corpus)
    keymap.apply_settings(app, keymap.read_settings())
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.theme == "textual-light"
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen), "e is no longer the note key"
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteEditor), "ctrl+o writes a note")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "the editor closed")
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        await wait_for(pilot, lambda: "Everywhere" in help_text(app.screen), "all the keys")  # type: ignore[arg-type]
        line = next(
            line
            for line in help_text(app.screen).splitlines()  # type: ignore[arg-type]
            if "write or edit your note" in line
        )
        assert line.split()[0] == "^o", f"the help shows the user's key: {line}"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            'theme = "nord"\n[keys]\n"app.nope" = "x"\n',
            "config.toml:3: unknown binding id 'app.nope'",
        ),
        (
            '[keys]\n"app.note" = "ctrl+bogus"\n',
            "config.toml:2: app.note: 'ctrl+bogus' is not a key",
        ),
        ('theme = "purple"\n', "config.toml:1: unknown theme 'purple'"),
        ("[keys\n", "config.toml:1:"),
        ('colour = "red"\n', "config.toml:1: unknown setting 'colour'"),
        (
            '[keys]\n"app.note" = 3\n',
            "config.toml:2: app.note: keys must be a non-empty string, not 3",
        ),
    ],
)
def test_a_bad_config_file_is_one_message_and_exit_2(
    private_config: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    message: str,
) -> None:
    path = write_config(private_config, text)
    with pytest.raises(SettingsError) as raised:
        keymap.read_settings()
    assert str(raised.value).startswith(str(path.parent / message))
    assert main([]) == 2  # the app does not start on keys the user did not ask for
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_no_config_file_is_the_defaults(private_config: Path) -> None:
    settings = keymap.read_settings()
    assert settings.keys == {} and settings.theme is None

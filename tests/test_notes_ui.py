"""Notes and bookmarks in the app, driven with Pilot as a user would: keys, and what shows."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import TextArea

from explorer.app import ExplorerApp, build_app
from explorer.data import Corpus, Ref, import_files, open_corpus
from explorer.data.notes import NotesStore
from explorer.screens.confirm import ConfirmScreen
from explorer.screens.main import MainScreen
from explorer.screens.note_editor import NoteEditor
from explorer.screens.notes import NotesScreen
from explorer.widgets.item_pane import PLAIN_MARK, RELATED_MARK, ItemPane
from tests.waiting import wait_for

WANG_YI = Ref("actor", "wang-yi")
VISIT = Ref("meeting", "etc-delegation-visit-2025")
TRUST = Ref("quote", "etc-statement-mutual-trust")
SIZE = (120, 36)


def rows(pane: ItemPane) -> dict[str, str]:
    """Each shown item's row text by id, without the related-item mark in front."""
    return {
        pane.order[i]: str(pane.row_content(i)).removeprefix(RELATED_MARK).removeprefix(PLAIN_MARK)
        for i in range(pane.row_count)
    }


def detail_text(app: ExplorerApp) -> list[str]:
    return [str(option.prompt).strip() for option in app.main.detail.options]


def fresh(store: NotesStore) -> NotesStore:
    """Another reader of the same file: what is on disk, not what the app remembers."""
    return NotesStore(store.path)


async def go_to(pilot: Pilot, app: ExplorerApp, ref: Ref) -> None:
    assert app.goto(ref)
    await pilot.pause()
    assert app.main.current == ref


async def type_text(pilot: Pilot, text: str) -> None:
    for char in text:
        await pilot.press("enter" if char == "\n" else char)


@pytest.fixture
def store(tmp_path: Path) -> NotesStore:
    return NotesStore(tmp_path / "notes.json")


async def test_m_bookmarks_and_unbookmarks_the_item_under_the_cursor(
    seed_corpus: Corpus, store: NotesStore
) -> None:
    app = build_app(seed_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, app, WANG_YI)
        actors = app.main.pane("actor")
        assert not rows(actors)["wang-yi"].startswith("★")

        await pilot.press("m")
        await pilot.pause()
        note = fresh(store).get(WANG_YI)
        assert note is not None and note.bookmark and note.label == "Wang Yi"
        assert rows(actors)["wang-yi"].startswith("★ ")
        assert "★ bookmarked" in detail_text(app)

        await pilot.press("m")
        await pilot.pause()
        assert fresh(store).get(WANG_YI) is None
        assert not rows(actors)["wang-yi"].startswith("★")
        assert "★ bookmarked" not in detail_text(app)


async def test_write_then_edit_a_note(seed_corpus: Corpus, store: NotesStore) -> None:
    app = build_app(seed_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, app, VISIT)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await type_text(pilot, "Check [bold]dates[/]\nsecond line")
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert isinstance(app.screen, MainScreen), "the editor closes once the note is saved"
        saved = fresh(store).get(VISIT)
        assert saved is not None and saved.text == "Check [bold]dates[/]\nsecond line"
        shown = detail_text(app)
        assert "✎ Check [bold]dates[/]" in shown and "second line" in shown
        assert (
            rows(app.main.pane("meeting"))["etc-delegation-visit-2025"]
            .lstrip("●◦ ")
            .startswith("✎ ")
        )

        await pilot.press("e")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.query_one(TextArea).text == "Check [bold]dates[/]\nsecond line"
        await type_text(pilot, "\nthird")
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = fresh(store).get(VISIT)
        assert saved is not None and saved.text.endswith("second line\nthird")


async def test_escape_asks_before_discarding_a_changed_note(
    seed_corpus: Corpus, store: NotesStore
) -> None:
    app = build_app(seed_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, app, WANG_YI)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)

        await pilot.press("e")
        await pilot.pause()
        await type_text(pilot, "draft")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "draft"

        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # discard
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert fresh(store).notes() == []


async def test_a_failed_save_keeps_the_text_in_the_editor(
    seed_corpus: Corpus, store: NotesStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(path: object, data: bytes, **options: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    app = build_app(seed_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, app, WANG_YI)
        await pilot.press("e")
        await pilot.pause()
        await type_text(pilot, "precious words")
        with monkeypatch.context() as patch:
            patch.setattr("explorer.data.notes.atomic_write_bytes", disk_full)
            await pilot.press("ctrl+s")
            await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor), "the editor stays open"
        assert editor.query_one(TextArea).text == "precious words"
        status = str(editor.status.render())
        assert "Not saved" in status and "the disk is full" in status
        assert fresh(store).notes() == []

        await pilot.press("ctrl+s")  # space freed: the same text saves
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        saved = fresh(store).get(WANG_YI)
        assert saved is not None and saved.text == "precious words"


async def test_a_note_changed_elsewhere_while_editing_is_not_overwritten_silently(
    seed_corpus: Corpus, store: NotesStore
) -> None:
    store.save_text(WANG_YI, "original")
    app = build_app(seed_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, app, WANG_YI)
        await pilot.press("e")
        await pilot.pause()
        await type_text(pilot, " mine")
        fresh(store).save_text(WANG_YI, "theirs, from another explorer")
        await pilot.press("ctrl+s")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert "changed in another explorer" in str(editor.status.render())
        assert "theirs, from another explorer" in str(editor.status.render())
        assert fresh(store).get(WANG_YI).text == "theirs, from another explorer"  # type: ignore[union-attr]

        await pilot.press("ctrl+s")  # seen theirs: save mine over it
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert fresh(store).get(WANG_YI).text == "original mine"  # type: ignore[union-attr]


async def test_the_notes_screen_lists_notes_and_enter_goes_to_the_item(
    seed_corpus: Corpus, store: NotesStore
) -> None:
    store.save_text(VISIT, "first seen here", label="visit")
    store.set_bookmark(TRUST, True, label="trust")
    app = build_app(seed_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        listed = [str(option.prompt) for option in screen.notes_list.options]
        assert len(listed) == 2
        assert listed[0].startswith("★ quote") and "This visit will help" in listed[0]
        assert "PLA Eastern Theater Command delegation visits Japan" in listed[1]
        assert "first seen here" in listed[1]

        await pilot.press("j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.main.current == VISIT
        assert app.focused is app.main.pane("meeting")


async def test_d_deletes_a_note_after_confirmation(seed_corpus: Corpus, store: NotesStore) -> None:
    store.save_text(VISIT, "to delete")
    store.set_bookmark(WANG_YI, True)
    app = build_app(seed_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        assert screen.current_ref == WANG_YI  # newest first
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # changed my mind
        await pilot.pause()
        assert len(fresh(store).notes()) == 2

        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        assert [n.ref for n in fresh(store).notes()] == [VISIT]
        assert len(screen.notes) == 1


async def test_an_orphaned_note_after_a_reimport_is_kept_and_marked(
    tmp_path: Path, store: NotesStore
) -> None:
    article = """\
article:
  id: tiny
  title: Tiny
  published: 2025-01-14
  body: |
    Alice met Bob in Paris.
actors:
  - id: alice
    name: Alice
    kind: person
"""
    source, db = tmp_path / "tiny.yaml", tmp_path / "tiny.json"
    source.write_text(article + "  - id: bob\n    name: Bob\n    kind: person\n")
    import_files([source], db)
    app = build_app(open_corpus(db), notes=store)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, app, Ref("actor", "bob"))
        await pilot.press("e")
        await pilot.pause()
        await type_text(pilot, "Who is Bob?")
        await pilot.press("ctrl+s")
        await pilot.pause()

    source.write_text(article)  # Bob is dropped from the article and the database rebuilt
    import_files([source], db)
    app = build_app(open_corpus(db), notes=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        (listed,) = [str(option.prompt) for option in screen.notes_list.options]
        assert "Bob" in listed and "orphaned" in listed and "Who is Bob?" in listed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen), "an orphan has nowhere to go"
        assert any("no longer in the data" in str(n.message) for n in app._notifications)
    assert fresh(store).get(Ref("actor", "bob")) is not None


async def test_notes_saved_by_another_process_show_on_the_next_key_or_focus(
    seed_corpus: Corpus, store: NotesStore
) -> None:
    app = build_app(seed_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, app, WANG_YI)
        assert not any("elsewhere" in line for line in detail_text(app))

        fresh(store).save_text(WANG_YI, "written elsewhere")
        await pilot.press("j", "k")  # any key: the app checks the notes file first
        await pilot.pause()
        assert app.main.current == WANG_YI
        assert "✎ written elsewhere" in detail_text(app)

        fresh(store).set_bookmark(VISIT, True)
        app.post_message(events.AppFocus())  # the terminal window regains focus
        await pilot.pause()
        assert rows(app.main.pane("meeting"))["etc-delegation-visit-2025"].startswith("★ ")


async def test_a_damaged_notes_file_opens_read_only_with_a_clear_message(
    seed_corpus: Corpus, store: NotesStore
) -> None:
    store.path.write_text('{"notes": {"1": {"kind": "actor"')
    before = store.path.read_bytes()
    app = build_app(seed_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, app, WANG_YI)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen), "no editor for a note that cannot be saved"
        messages = [str(n.message) for n in app._notifications]
        assert any(str(store.path) in m and "mv " in m for m in messages)
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        assert "mv " in str(app.screen.query_one("#notes-problem").render())
    assert store.path.read_bytes() == before


# -- leaving the editor with unsaved text -----------------------------------------------------


async def open_editor_with(pilot: Pilot, app: ExplorerApp, ref: Ref, text: str) -> NoteEditor:
    await go_to(pilot, app, ref)
    await pilot.press("e")
    await pilot.pause()
    editor = app.screen
    assert isinstance(editor, NoteEditor)
    await type_text(pilot, text)
    return editor


@pytest.mark.parametrize("key", ["ctrl+q", "q"])
async def test_quitting_asks_before_discarding_an_unsaved_note(
    key: str, seed_corpus: Corpus, store: NotesStore
) -> None:
    app = build_app(seed_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor_with(pilot, app, WANG_YI, "draft")
        await pilot.press(key)
        if key == "q":  # typed into the note, as any letter is; Ctrl+Q quits
            assert editor.text == "draftq"
            await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running, "quitting waits for an answer"
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("ctrl+q")  # asked again while the question shows: still one question
        await pilot.pause()
        assert sum(isinstance(s, ConfirmScreen) for s in app.screen_stack) == 1
        await pilot.press("escape")  # keep editing
        await pilot.pause()
        assert app.screen is editor and editor.text.startswith("draft")

        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")  # discard, and quit
        await pilot.pause()
    assert not app.is_running and app.return_code == 0
    assert fresh(store).notes() == []


async def test_quitting_from_an_untouched_editor_does_not_ask(
    seed_corpus: Corpus, store: NotesStore
) -> None:
    app = build_app(seed_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        await open_editor_with(pilot, app, WANG_YI, "")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_a_jump_from_the_palette_asks_before_discarding_an_unsaved_note(
    seed_corpus: Corpus, store: NotesStore
) -> None:
    from textual.command import CommandList, CommandPalette

    app = build_app(seed_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        editor = await open_editor_with(pilot, app, WANG_YI, "my draft")

        async def jump() -> None:
            await pilot.press("ctrl+p")
            await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
            await pilot.press(*"mutual trust")
            listing = app.screen.query_one(CommandList)
            await wait_for(pilot, lambda: listing.option_count > 0, "the palette's hits")
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")

        await jump()
        await pilot.press("escape")  # keep editing: the editor, its text, and no jump
        await pilot.pause()
        assert app.screen is editor and editor.text == "my draft"
        assert app.main.current == WANG_YI

        await jump()
        await pilot.press("y")  # discard: then the jump happens
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "the main screen")
        current = app.main.current
        assert current is not None and current.kind == "quote"
        assert fresh(store).notes() == []


# -- notes are untrusted text ---------------------------------------------------------------


async def test_a_hostile_notes_file_shows_no_control_code_anywhere(
    seed_corpus: Corpus, store: NotesStore
) -> None:
    from tests.test_notes_cli import UNSAFE, hostile_notes_file

    hostile_notes_file(store.path)
    app = build_app(seed_corpus, notes=store)

    def unsafe(text: str) -> list[str]:
        return [c for c in UNSAFE if c in text]

    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, app, WANG_YI)
        assert not unsafe(" ".join(detail_text(app))), "the detail pane's note"
        assert any("watch ]0;pwned" in line for line in detail_text(app))

        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        listed = [str(option.prompt) for option in screen.notes_list.options]
        assert len(listed) == 2 and not unsafe(" ".join(listed)), listed

        await pilot.press("escape", "e")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert not unsafe(editor.text) and editor.text.startswith("watch ]0;pwned")
        assert not unsafe(str(editor.query_one("#note-box").border_title))

        # Pasted text is cleaned as it arrives; typed keys cannot carry control codes.
        editor.text_area.move_cursor(editor.text_area.document.end)
        app.screen.focused.post_message(events.Paste(f" pasted{UNSAFE[0]}]0;x{UNSAFE[1]}!"))
        await pilot.pause()
        assert editor.text.endswith(" pasted]0;x!") and not unsafe(editor.text)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert not unsafe(store.path.read_text("utf-8"))


async def test_a_deeply_nested_notes_file_opens_read_only_with_a_message(
    seed_corpus: Corpus, store: NotesStore
) -> None:
    store.path.write_text("[" * 100_000 + "]" * 100_000)
    before = store.path.read_bytes()
    app = build_app(seed_corpus, notes=store)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, app, WANG_YI)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen), "no editor for a note that cannot be saved"
        messages = [str(n.message) for n in app._notifications]
        assert any("nested too deeply" in m for m in messages), messages
        await pilot.press("b")
        await pilot.pause()
        assert "nested too deeply" in str(app.screen.query_one("#notes-problem").render())
    assert store.path.read_bytes() == before

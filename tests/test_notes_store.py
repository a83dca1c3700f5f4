"""The notes store: what is saved is on disk, kept by item, and never overwritten blindly."""

from __future__ import annotations

import json
import math
import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from explorer.data.models import Ref
from explorer.data.notes import (
    NOTES_ENV,
    AtomicJSONStorage,
    Note,
    NoteConflict,
    NotesError,
    NotesFileDamaged,
    NotesStore,
    default_notes_path,
    parse_notes,
)
from tests.waiting import wait_until

WANG = Ref("actor", "wang-yi")
VISIT = Ref("meeting", "etc-delegation-visit-2025")


def on_disk(path: Path) -> dict[Ref, str]:
    """The notes as a fresh reader sees them: parsed straight from the file."""
    return {ref: note.text for ref, (_, note) in parse_notes(json.loads(path.read_text())).items()}


def test_default_path_honours_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(NOTES_ENV, str(tmp_path / "mine.json"))
    assert default_notes_path() == tmp_path / "mine.json"
    assert NotesStore().path == tmp_path / "mine.json"


def test_default_path_is_in_the_user_data_folder(monkeypatch: pytest.MonkeyPatch):
    from platformdirs import user_data_dir

    monkeypatch.delenv(NOTES_ENV)
    monkeypatch.delenv("EXPLORER_DATA_DIR")
    assert default_notes_path() == Path(user_data_dir("explorer", appauthor=False)) / "notes.json"


def test_default_path_moves_with_the_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The user's corpus and notes live together: one variable moves both."""
    monkeypatch.delenv(NOTES_ENV)
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(tmp_path / "mine"))
    assert default_notes_path() == tmp_path / "mine" / "notes.json"


def test_a_new_notes_file_is_private_whatever_the_umask(tmp_path: Path):
    previous = os.umask(0o022)
    try:
        NotesStore(tmp_path / "notes.json").save_text(WANG, "private", label="Wang Yi")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "notes.json").stat().st_mode) == 0o600


def test_the_test_suite_never_uses_the_real_notes_file():
    from platformdirs import user_data_dir

    assert not NotesStore().path.is_relative_to(user_data_dir("explorer", appauthor=False))


def test_a_saved_note_is_on_disk_when_save_returns(tmp_path: Path):
    path = tmp_path / "sub" / "notes.json"
    store = NotesStore(path)
    note = store.save_text(WANG, "Met Iwaya in Beijing", label="Wang Yi")
    assert note is not None and note.text == "Met Iwaya in Beijing"
    assert on_disk(path) == {WANG: "Met Iwaya in Beijing"}
    assert not list(path.parent.glob(".*.tmp")), "no temporary file is left behind"


def test_bookmarks_and_text_are_independent(tmp_path: Path):
    store = NotesStore(tmp_path / "notes.json")
    store.set_bookmark(WANG, True, label="Wang Yi")
    store.save_text(WANG, "spokesman", label="Wang Yi")
    store.set_bookmark(WANG, False)
    note = NotesStore(store.path).notes()[0]
    assert (note.text, note.bookmark, note.label) == ("spokesman", False, "Wang Yi")
    store.save_text(WANG, "")
    assert NotesStore(store.path).notes() == [], "an empty, unbookmarked note is removed"


def test_append_adds_a_paragraph(tmp_path: Path):
    store = NotesStore(tmp_path / "notes.json")
    store.append_text(WANG, "first")
    store.append_text(WANG, "second")
    assert on_disk(store.path) == {WANG: "first\n\nsecond"}


def test_delete_removes_note_and_bookmark(tmp_path: Path):
    store = NotesStore(tmp_path / "notes.json")
    store.save_text(WANG, "a")
    store.set_bookmark(VISIT, True)
    assert store.delete(WANG) is True
    assert store.delete(WANG) is False
    assert [n.ref for n in NotesStore(store.path).notes()] == [VISIT]


def test_markup_and_unicode_are_kept_verbatim_and_control_codes_dropped(tmp_path: Path):
    text = "[bold]not bold[/] [@click=app.quit]x[/] “quoted” 日本\tend\nline 2 🤝"
    store = NotesStore(tmp_path / "notes.json")
    store.save_text(WANG, text)
    assert on_disk(store.path) == {WANG: text}, "harmless text is kept as written"
    store.save_text(WANG, "a\x00b\x1b[31mc\x9bd\u202ee\r\nf")
    assert on_disk(store.path) == {WANG: "ab[31mcde\nf"}


def test_a_second_store_sees_notes_saved_by_the_first(tmp_path: Path):
    mine, theirs = NotesStore(tmp_path / "n.json"), NotesStore(tmp_path / "n.json")
    assert mine.notes() == []
    theirs.save_text(VISIT, "from another window")
    assert mine.refresh() is True
    assert mine.get(VISIT) is not None
    assert mine.refresh() is False, "an unchanged file is not re-read"


def test_a_write_keeps_notes_saved_elsewhere_since_the_last_read(tmp_path: Path):
    mine, theirs = NotesStore(tmp_path / "n.json"), NotesStore(tmp_path / "n.json")
    mine.notes()
    theirs.save_text(VISIT, "theirs")
    mine.save_text(WANG, "mine")  # `mine` never re-read, but the write re-reads under the lock
    assert on_disk(mine.path) == {VISIT: "theirs", WANG: "mine"}


def test_editing_a_note_changed_elsewhere_is_a_conflict_not_an_overwrite(tmp_path: Path):
    mine, theirs = NotesStore(tmp_path / "n.json"), NotesStore(tmp_path / "n.json")
    mine.save_text(WANG, "v1")
    theirs.save_text(WANG, "v2 from elsewhere")
    with pytest.raises(NoteConflict) as raised:
        mine.save_text(WANG, "my edit of v1", expected="v1")
    assert raised.value.current is not None and raised.value.current.text == "v2 from elsewhere"
    assert on_disk(mine.path) == {WANG: "v2 from elsewhere"}
    mine.save_text(WANG, "my edit of v2", expected="v2 from elsewhere")
    assert on_disk(mine.path) == {WANG: "my edit of v2"}


def test_nan_is_refused_before_anything_is_written(tmp_path: Path):
    path = tmp_path / "n.json"
    NotesStore(path).save_text(WANG, "kept")
    before = path.read_bytes()
    with pytest.raises(NotesError, match="cannot save notes"):
        AtomicJSONStorage(path).write({"notes": {"1": {"x": math.nan}}})
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "content",
    [
        b'{"notes": {"1": {"kind": "actor", "id": "wang-yi", "text": "half',
        b"\xff\xfe not utf-8",
        b"[1, 2, 3]",
        b'{"notes": {"1": {"kind": "planet", "id": "mars"}}}',
        b'{"meta": {"1": {"format": 99}}, "notes": {}}',
    ],
    ids=["torn", "binary", "list", "unknown-kind", "newer-format"],
)
def test_an_unparseable_file_opens_read_only_and_is_never_overwritten(
    tmp_path: Path, content: bytes
):
    path = tmp_path / "notes.json"
    path.write_bytes(content)
    store = NotesStore(path)
    assert store.notes() == []
    assert store.read_only
    message = str(store.problem)
    assert str(path) in message and "mv " in message and ".damaged" in message
    for change in (
        lambda: store.save_text(WANG, "new"),
        lambda: store.set_bookmark(WANG, True),
        lambda: store.append_text(WANG, "new"),
        lambda: store.delete(WANG),
        store.check_writable,
    ):
        with pytest.raises(NotesFileDamaged):
            change()
    assert path.read_bytes() == content


def test_moving_the_damaged_file_aside_makes_notes_writable_again(tmp_path: Path):
    path = tmp_path / "notes.json"
    path.write_text("{ not json")
    store = NotesStore(path)
    store.notes()
    assert store.read_only
    path.rename(path.with_name("notes.json.damaged"))
    store.save_text(WANG, "fresh start")
    assert not store.read_only
    assert on_disk(path) == {WANG: "fresh start"}
    assert path.with_name("notes.json.damaged").read_text() == "{ not json"


def test_a_folder_in_place_of_the_file_is_reported(tmp_path: Path):
    path = tmp_path / "notes.json"
    path.mkdir()
    store = NotesStore(path)
    store.notes()
    assert store.read_only and "it is a folder" in str(store.problem)
    assert "mv " not in str(store.problem), "a folder is never to be moved aside"


def test_leftovers_of_a_killed_writer_are_cleaned_under_the_lock(tmp_path: Path):
    path = tmp_path / "notes.json"
    store = NotesStore(path)
    store.save_text(WANG, "a")
    leftover = tmp_path / ".notes.json.abc123.tmp"
    leftover.write_text('{"half')
    store.save_text(VISIT, "b")
    assert not leftover.exists()
    assert on_disk(path) == {WANG: "a", VISIT: "b"}


def a_later_stamp(note: Note | None) -> None:
    """Until the clock has moved past `note`'s last change (stamps are UTC milliseconds)."""
    assert note is not None

    def now() -> str:
        return datetime.now(UTC).isoformat(timespec="milliseconds")

    wait_until(lambda: now() > note.updated, "the clock moved on a millisecond")


def test_notes_are_listed_newest_first(tmp_path: Path):
    store = NotesStore(tmp_path / "n.json")
    a_later_stamp(store.save_text(WANG, "old"))
    a_later_stamp(store.save_text(VISIT, "new"))
    assert [n.ref for n in store.notes()] == [VISIT, WANG]
    store.save_text(WANG, "edited")
    assert [n.ref for n in store.notes()] == [WANG, VISIT]

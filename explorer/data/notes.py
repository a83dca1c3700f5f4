"""The user's notes and bookmarks: a TinyDB file written so that nothing saved is ever lost.

TinyDB by itself rewrites its file in place and takes no lock, so a crash mid-write tears the
file and two writers overwrite each other's notes. Here every change goes through one
transaction that:

1. takes a file lock on a separate ``<notes>.lock`` file (one writer at a time);
2. re-reads the notes file under that lock, so a note saved meanwhile by another process is
   part of what gets written back;
3. refuses to touch a file that cannot be parsed (it is opened read-only instead);
4. writes through :class:`AtomicJSONStorage`: serialize first, then a temporary file in the
   same folder, fsync, ``os.replace``, fsync the folder — "old or new, never torn".

Notes are keyed by item (kind + id), never by database row, so they survive a re-import of the
articles; a note whose item has gone is kept and reported as orphaned by whoever shows it.

Notes are untrusted text: they come from stdin, a shared notes file, another user's file. A
note's text, label and id are cleaned as they are saved and as they are read (`clean_text`:
no control code, C1 character or bidi override ever reaches a terminal through a note), so
whatever shows a `Note` shows harmless text; text that was harmless is kept as written.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from explorer.data.atomic import atomic_write_bytes
from explorer.data.errors import StoreError
from explorer.data.locations import data_dir
from explorer.data.models import ITEM_KINDS, Ref
from explorer.data.text import clean_text

NOTES_ENV = "EXPLORER_NOTES_FILE"
NOTES_TABLE = "notes"
META_TABLE = "meta"
NOTES_FORMAT = 1
LOCK_TIMEOUT = 10.0


def default_notes_path() -> Path:
    """``$EXPLORER_NOTES_FILE``, else ``notes.json`` in the user's data folder (beside their
    corpus, so ``$EXPLORER_DATA_DIR`` moves both)."""
    override = os.environ.get(NOTES_ENV)
    if override:
        return Path(override).expanduser()
    return data_dir() / "notes.json"


# -- errors ----------------------------------------------------------------------------------


class NotesError(StoreError):
    """Notes could not be read or saved; the message says why and what to do."""


class NotesFileDamaged(NotesError):
    """The notes file cannot be parsed: it is open read-only and is never overwritten."""

    def __init__(self, path: Path, problem: str, advice: str | None = None) -> None:
        self.path = path
        self.problem = problem
        if advice is None:
            quoted = shlex.quote(str(path))
            aside = shlex.quote(str(path) + ".damaged")
            advice = f"to start a fresh notes file, move it aside: mv {quoted} {aside}"
        super().__init__(
            f"{path}: not a readable notes file ({problem}). Notes are read-only so that "
            f"this file is never overwritten; {advice}"
        )


class NotesWriteError(NotesError):
    """The disk, the folder or the permissions refused the write; the old file is intact."""


class NotesBusy(NotesError):
    """Another process held the notes lock for longer than we are willing to wait."""


class NoteConflict(NotesError):
    """The note was changed by another process since it was read; `current` is that version."""

    def __init__(self, path: Path, current: Note | None) -> None:
        self.current = current
        super().__init__(
            f"{path}: this note was changed elsewhere since you opened it; "
            "your text was not saved (copy it, then reopen the note)"
        )


_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exhausted",
    errno.EFBIG: "the file size limit was reached (the disk or quota is full)",
    errno.EROFS: "the folder is on a read-only file system",
    errno.EACCES: "permission denied (the folder is read-only or not yours)",
    errno.EPERM: "permission denied (the folder is read-only or not yours)",
    errno.ENOTDIR: "a part of the folder path is a file, not a folder",
    errno.EISDIR: "the notes path is a folder",
    errno.ENOENT: "the folder does not exist and cannot be created",
}


def _write_failure(path: Path, error: OSError) -> NotesWriteError:
    reason = _REASONS.get(error.errno or 0, error.strerror or str(error))
    return NotesWriteError(f"{path}: cannot save notes: {reason}. The notes file was not changed.")


# -- the model -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Note:
    """What the user attached to one item: free text, a bookmark, or both.

    `label` is the item's label when the note was last saved, so an orphaned note (its item
    gone after a re-import) can still say what it was about.
    """

    ref: Ref
    text: str = ""
    bookmark: bool = False
    label: str = ""
    created: str = ""
    updated: str = ""

    @property
    def empty(self) -> bool:
        return not self.text and not self.bookmark

    def record(self) -> dict[str, Any]:
        return {
            "kind": self.ref.kind,
            "id": self.ref.id,
            "text": self.text,
            "bookmark": self.bookmark,
            "label": self.label,
            "created": self.created,
            "updated": self.updated,
        }


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _note_from(record: Any, where: str) -> Note:
    if not isinstance(record, dict):
        raise ValueError(f"{where} is not an object")
    kind, ident = record.get("kind"), record.get("id")
    if isinstance(ident, str):
        ident = clean_text(ident)
    if kind not in ITEM_KINDS or not isinstance(ident, str) or not ident:
        raise ValueError(f"{where} names no actor, meeting or quote")
    fields = {"text": str, "bookmark": bool, "label": str, "created": str, "updated": str}
    for name, kind_of in fields.items():
        if name in record and not isinstance(record[name], kind_of):
            raise ValueError(f"{where}: {name!r} is not a {kind_of.__name__}")
    return Note(
        ref=Ref(kind, ident),
        text=clean_text(record.get("text", "")),
        bookmark=record.get("bookmark", False),
        label=clean_text(record.get("label", "")),
        created=clean_text(record.get("created", "")),
        updated=clean_text(record.get("updated", "")),
    )


def parse_notes(data: Any) -> dict[Ref, tuple[int, Note]]:
    """Every note in a TinyDB document, by item, with its row id; ValueError if malformed."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError("the top level is not an object")
    meta = data.get(META_TABLE) or {}
    if not isinstance(meta, dict):
        raise ValueError("the meta table is not an object")
    for row in meta.values():
        version = row.get("format") if isinstance(row, dict) else None
        if isinstance(version, int) and version > NOTES_FORMAT:
            raise ValueError(f"written by a newer explorer (format {version})")
    table = data.get(NOTES_TABLE) or {}
    if not isinstance(table, dict):
        raise ValueError("the notes table is not an object")
    notes: dict[Ref, tuple[int, Note]] = {}
    for key, record in table.items():
        try:
            doc_id = int(key)
        except ValueError:
            raise ValueError(f"note row {key!r} has no numeric id") from None
        note = _note_from(record, f"note {key}")
        if note.ref in notes:
            raise ValueError(f"two notes for {note.ref}")
        notes[note.ref] = (doc_id, note)
    return notes


# -- the storage -----------------------------------------------------------------------------


_RAW_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def serialize(data: dict[str, dict[str, Any]]) -> str:
    """The TinyDB document as JSON with one row a line: readable, diffable, and fast.

    `json.dumps(indent=...)` falls back to the pure-Python encoder (several times slower on a
    thousand notes); encoding each row with the C encoder keeps a save well under budget.
    NaN and infinities are refused (`allow_nan=False`), so the file is always strict JSON.
    """
    encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode

    def dump(value: Any) -> str:
        # C1 controls and bidi overrides (JSON escapes C0 itself) written as \u escapes, so
        # that `cat` of the file never sends one to a terminal, whoever wrote the note.
        return _RAW_UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", encode(value))

    tables = []
    for name, rows in data.items():
        lines = ",\n".join(f"  {dump(str(key))}: {dump(row)}" for key, row in rows.items())
        tables.append(f" {dump(name)}: {{\n{lines}\n }}" if lines else f" {dump(name)}: {{}}")
    return "{\n" + ",\n".join(tables) + "\n}\n"


class AtomicJSONStorage(Storage):
    """A TinyDB storage that replaces its file atomically and durably on every write.

    Unlike TinyDB's JSONStorage it never truncates the file in place: a crash, a full disk or
    a kill at any instant leaves either the previous file or the complete new one. The data
    is serialized before the disk is touched, so a value JSON cannot represent (NaN, say)
    fails without writing anything. `last` holds what was last read or written.

    With `hold=True` the file is read once and later reads return what was last read or
    written: only for use under the notes lock, where no other writer can change the file,
    and only for one transaction (after a failed write `last` may hold unsaved changes).
    """

    def __init__(
        self, path: str | os.PathLike[str], read_only: bool = False, hold: bool = False
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self.read_only = read_only
        self.hold = hold
        self.last: dict[str, Any] | None = None
        self._loaded = False

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self.hold and self._loaded:
            return self.last
        self._loaded = True
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            self.last = None
            return None
        except IsADirectoryError:
            raise NotesFileDamaged(
                self.path,
                "it is a folder",
                f"name a file instead, with --notes or ${NOTES_ENV}",
            ) from None
        except OSError as error:
            raise NotesError(
                f"{self.path}: cannot read notes: {error.strerror or error}; "
                "notes are read-only until the file can be read"
            ) from None
        if not raw.strip():
            self.last = None
            return None
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as error:
            raise NotesFileDamaged(self.path, f"not UTF-8 text: {error.reason}") from None
        except json.JSONDecodeError as error:
            raise NotesFileDamaged(
                self.path, f"invalid JSON at line {error.lineno}, column {error.colno}"
            ) from None
        except RecursionError:  # [[[[... thousands deep: no notes file is nested so
            raise NotesFileDamaged(self.path, "nested too deeply to be a notes file") from None
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise NotesFileDamaged(self.path, "not a TinyDB file")
        self.last = data
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        if self.read_only:
            raise NotesError(f"{self.path}: notes are open read-only")
        try:
            payload = serialize(data)
        except (TypeError, ValueError) as error:
            raise NotesError(f"{self.path}: cannot save notes: {error}") from None
        try:
            # A user's notes are theirs: a new notes file is private whatever the umask.
            atomic_write_bytes(self.path, payload.encode("utf-8"), new_file_mode=0o600)
        except OSError as error:
            raise _write_failure(self.path, error) from None
        self.last = data


def _label(label: str, base: Note) -> str:
    """The label to save: the one given (cleaned), else the one the note had."""
    return clean_text(label) or base.label


# -- the store -------------------------------------------------------------------------------


class NotesStore:
    """The notes file of one user: read freely, changed only through locked transactions.

    Reading needs no lock (files are replaced whole). `notes()` re-reads the file when it has
    changed on disk, so notes saved by another process show on the next read. When the file
    cannot be read or parsed, `problem` says why and every change raises it (NotesFileDamaged
    for a damaged file) until the user moves the file aside.
    """

    def __init__(
        self, path: str | os.PathLike[str] | None = None, lock_timeout: float = LOCK_TIMEOUT
    ) -> None:
        self.path = Path(path).expanduser() if path is not None else default_notes_path()
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.lock_timeout = lock_timeout
        self.problem: NotesError | None = None
        self._notes: dict[Ref, Note] = {}
        self._stamp: tuple[int, ...] | None = None
        self._read_once = False
        # A short poll: a save holds the lock for milliseconds, so waiters should not sleep
        # through 50 ms gaps (filelock's default) between them.
        self._lock = FileLock(self.lock_path, timeout=lock_timeout, poll_interval=0.005)

    # -- reading ---------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.problem is not None

    def _file_stamp(self) -> tuple[int, ...] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)

    def refresh(self) -> bool:
        """Re-read the file if it changed on disk; True when the notes differ from before.

        A damaged file is not an exception here: it sets `problem` (read-only) and keeps the
        notes last read, so the app can keep running and say what is wrong.
        """
        stamp = self._file_stamp()
        if self._read_once and stamp == self._stamp:
            return False
        self._read_once = True
        before = self._notes
        storage = AtomicJSONStorage(self.path, read_only=True)
        try:
            notes = self._parse(storage.read())
        except NotesError as failure:
            self.problem = failure
            self._stamp = stamp
            return False
        self.problem = None
        self._notes = {ref: note for ref, (_, note) in notes.items()}
        self._stamp = stamp
        return self._notes != before

    def _parse(self, data: Any) -> dict[Ref, tuple[int, Note]]:
        try:
            return parse_notes(data)
        except ValueError as error:
            raise NotesFileDamaged(self.path, str(error)) from None

    def notes(self) -> list[Note]:
        """Every note and bookmark, newest first (re-read from disk when it has changed)."""
        self.refresh()
        return sorted(self._notes.values(), key=lambda n: (n.updated, str(n.ref)), reverse=True)

    def get(self, ref: Ref) -> Note | None:
        """The note on `ref` as last read (read once if never); `refresh()` to see newer."""
        if not self._read_once:
            self.refresh()
        return self._notes.get(ref)

    def by_ref(self) -> dict[Ref, Note]:
        """Every note by item, as last read (read once if never)."""
        if not self._read_once:
            self.refresh()
        return dict(self._notes)

    def check_writable(self) -> None:
        """Raise the damage report when the file is read-only (before the user types a note)."""
        self.refresh()
        if self.problem is not None:
            raise self.problem

    # -- writing ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[tuple[Table, dict[Ref, tuple[int, Note]]]]:
        """Lock, re-read the file, hand over its notes table; every write in it is atomic."""
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            # Open the lock file ourselves first: filelock reports an unwritable folder as a
            # lock timeout, which would blame another process for a permission problem.
            os.close(os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644))
        except OSError as error:
            raise _write_failure(self.path, error) from None
        try:
            self._lock.acquire()
        except Timeout:
            raise NotesBusy(
                f"{self.path}: another explorer has been saving notes for over "
                f"{self.lock_timeout:g} s (lock file {self.lock_path}); try again"
            ) from None
        except OSError as error:
            raise _write_failure(self.path, error) from None
        try:
            db = TinyDB(self.path, storage=AtomicJSONStorage, hold=True)
            storage: AtomicJSONStorage = db.storage  # type: ignore[assignment]
            try:
                notes = self._parse(storage.read())
            except NotesError as failure:
                self.problem = failure
                raise
            self.problem = None
            self._remove_stale_temporaries()
            # The operation edits `notes` as it edits the table, so after a failed write
            # it still holds what the file holds, and after a good one the new content.
            try:
                if storage.last is None or META_TABLE not in storage.last:
                    # Once per file, before any note: the format a later explorer checks.
                    db.table(META_TABLE).insert({"format": NOTES_FORMAT})
                yield db.table(NOTES_TABLE, cache_size=0), notes
            finally:
                self._notes = {ref: note for ref, (_, note) in notes.items()}
                self._stamp = self._file_stamp()
                self._read_once = True
        finally:
            self._lock.release()

    def _remove_stale_temporaries(self) -> None:
        """Temporary files left by a writer killed mid-write (only the lock holder writes)."""
        for leftover in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()

    @staticmethod
    def _put(table: Table, notes: dict[Ref, tuple[int, Note]], note: Note) -> Note | None:
        """Write `note` (remove it when empty) and mirror the change in `notes`."""
        existing = notes.get(note.ref)
        if note.empty:
            if existing is not None:
                table.remove(doc_ids=[existing[0]])
                del notes[note.ref]
            return None
        if existing is None:
            notes[note.ref] = (table.insert(note.record()), note)
        else:
            table.update(note.record(), doc_ids=[existing[0]])
            notes[note.ref] = (existing[0], note)
        return note

    def save_text(
        self, ref: Ref, text: str, *, label: str = "", expected: str | None = None
    ) -> Note | None:
        """Replace the text of the note on `ref`; on disk when this returns.

        `expected` is the text the editor started from: when another process has changed the
        note since, NoteConflict is raised and nothing is written. Empty text with no bookmark
        removes the note. Returns the note as saved (None when removed).
        """
        with self._transaction() as (table, notes):
            existing = notes.get(ref)
            old = existing[1] if existing else None
            if expected is not None and (old.text if old else "") != expected:
                raise NoteConflict(self.path, old)
            now = _now()
            base = old or Note(ref, created=now)
            note = replace(base, text=clean_text(text), label=_label(label, base), updated=now)
            return self._put(table, notes, note)

    def append_text(self, ref: Ref, text: str, *, label: str = "") -> Note:
        """Add `text` to the note on `ref` as a new paragraph (the command line's `note`)."""
        with self._transaction() as (table, notes):
            existing = notes.get(ref)
            now = _now()
            base = existing[1] if existing else Note(ref, created=now)
            text = clean_text(text)
            joined = f"{base.text.rstrip()}\n\n{text}" if base.text.strip() else text
            note = replace(base, text=joined, label=_label(label, base), updated=now)
            self._put(table, notes, note)
            return note

    def set_bookmark(self, ref: Ref, on: bool, *, label: str = "") -> Note | None:
        """Bookmark or un-bookmark `ref`; a note's text is kept either way."""
        with self._transaction() as (table, notes):
            existing = notes.get(ref)
            now = _now()
            base = existing[1] if existing else Note(ref, created=now)
            if base.bookmark == on and existing is not None:
                return base
            note = replace(base, bookmark=on, label=_label(label, base), updated=now)
            return self._put(table, notes, note)

    def delete(self, ref: Ref) -> bool:
        """Remove the note and the bookmark on `ref`; False when there was none."""
        with self._transaction() as (table, notes):
            existing = notes.get(ref)
            if existing is None:
                return False
            table.remove(doc_ids=[existing[0]])
            del notes[ref]
            return True


__all__ = [
    "NOTES_ENV",
    "AtomicJSONStorage",
    "Note",
    "NoteConflict",
    "NotesBusy",
    "NotesError",
    "NotesFileDamaged",
    "NotesStore",
    "NotesWriteError",
    "default_notes_path",
    "parse_notes",
]

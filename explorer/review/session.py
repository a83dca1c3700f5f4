"""A review of one file on disk: every accepted edit is written at once, atomically.

Each change replaces the file through a temporary file and a rename (`explorer/data/atomic.py`),
so the file on disk is always the last edit, whole, and always one that passes `explorer check`
(every `Draft` is validated before it exists). Undo writes the previous text back. A file
changed on disk by someone else since it was read is never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from explorer.data.atomic import atomic_write_bytes
from explorer.data.errors import DataError, Problem
from explorer.data.safe_yaml import MAX_BYTES
from explorer.review.edits import Draft, ReviewError

UNDO_LIMIT = 200


def read_draft_text(path: Path) -> str:
    """The file's text, or DataError naming the file and what is wrong with it."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError([Problem(name, "no such file")]) from None
    except IsADirectoryError:
        raise DataError([Problem(name, "is a directory, not a YAML file")]) from None
    except OSError as error:
        raise DataError([Problem(name, f"cannot be read: {error.strerror or error}")]) from None
    if len(raw) > MAX_BYTES:
        raise DataError([Problem(name, f"is larger than {MAX_BYTES // (1024 * 1024)} MiB")])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(
            [Problem(name, f"is not UTF-8 text (byte 0x{raw[error.start]:02x})", line)]
        ) from None


class ReviewSession:
    """The draft being reviewed, the file it lives in, and the edits made so far."""

    def __init__(self, path: Path) -> None:
        """Read and validate `path`; DataError (every problem) when check would refuse it."""
        self.path = path
        text = read_draft_text(path)
        self.draft = Draft.from_text(text, str(path))
        self._on_disk = text
        self._undo: list[Draft] = []
        self.changes = 0

    def apply(self, edit: Callable[[Draft], Draft]) -> Draft:
        """Make one edit and write the file; on any failure nothing changes, on disk or here."""
        new = edit(self.draft)
        self._write(new)
        self._undo.append(self.draft)
        del self._undo[:-UNDO_LIMIT]
        self.draft = new
        self.changes += 1
        return new

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> Draft:
        """Write the text before the last edit back."""
        if not self._undo:
            raise ReviewError("nothing to undo")
        previous = self._undo[-1]
        self._write(previous)
        self._undo.pop()
        self.draft = previous
        self.changes += 1
        return previous

    def _write(self, draft: Draft) -> None:
        try:
            current = self.path.read_bytes().decode("utf-8")
        except FileNotFoundError:
            current = None
        except (OSError, UnicodeDecodeError) as error:
            raise ReviewError(f"{self.path} cannot be read back before writing: {error}") from None
        if current != self._on_disk:
            raise ReviewError(
                f"{self.path} was changed on disk since it was read: not overwritten "
                "(quit and reopen it to review the new text)"
            )
        try:
            atomic_write_bytes(self.path, draft.text.encode("utf-8"))
        except OSError as error:
            raise ReviewError(
                f"{self.path} could not be written ({error.strerror or error}); "
                "the file on disk is unchanged"
            ) from None
        self._on_disk = draft.text

"""Replace a file so that a reader sees the old bytes or the new ones, never a torn mix.

A replaced file keeps what its owner gave it: its mode (and, where allowed, its owner and
group), its place behind a symbolic link (the link's target is written, the link stays), and
its protection: a file without its owner's write permission is refused, not replaced, since
a rename would replace it whatever its mode. A new file gets the mode the umask gives, as
any program's new file does.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

NEW_FILE_MODE = 0o666  # less the umask, as open(2) applies it


@dataclass(frozen=True)
class FileRange:
    """A chunk of `atomic_write_bytes`'s data that is bytes `start`…`end` of another file,
    copied by the kernel where it can (a large unchanged tail is never read into memory)."""

    path: Path
    start: int
    end: int


def _copy_range(chunk: FileRange, handle: BinaryIO) -> None:
    handle.flush()
    with open(chunk.path, "rb") as source:
        offset, left = chunk.start, chunk.end - chunk.start
        try:
            while left > 0:
                copied = os.copy_file_range(source.fileno(), handle.fileno(), left, offset)
                if copied == 0:
                    raise OSError(errno.EIO, "the file to copy from ended early", str(chunk.path))
                offset, left = offset + copied, left - copied
            return
        except (AttributeError, OSError) as error:
            # No copy_file_range here (or not between these files): copy through memory.
            if isinstance(error, OSError) and error.errno == errno.EIO:
                raise
        source.seek(offset)
        while left > 0:
            block = source.read(min(left, 1 << 20))
            if not block:
                raise OSError(errno.EIO, "the file to copy from ended early", str(chunk.path))
            handle.write(block)
            left -= len(block)
    handle.flush()


class WriteProtected(PermissionError):
    """The file to be replaced has no owner-write permission: its owner protected it."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__(
            errno.EACCES,
            "the file is write-protected (its owner may not write it); make it writable "
            "(chmod u+w) or choose another file",
            str(path),
        )


def fsync_directory(directory: Path) -> None:
    """Make a rename inside `directory` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_target(path: str | os.PathLike[str]) -> Path:
    """The file a write to `path` replaces: a symbolic link's final target, else `path`."""
    given = Path(path)
    return Path(os.path.realpath(given)) if given.is_symlink() else given


def check_replaceable(path: str | os.PathLike[str]) -> None:
    """Raise WriteProtected when `path` (or its link's target) is a write-protected file.

    The mode bits are read, not tried: a process running as root may write any file, and a
    rename replaces a read-only file for anyone who may write its folder.
    """
    try:
        current = os.stat(write_target(path))
    except OSError:
        return
    if stat.S_ISREG(current.st_mode) and not current.st_mode & stat.S_IWUSR:
        raise WriteProtected(path)


def _temporary(directory: Path, name: str, mode: int) -> tuple[int, str]:
    """A new, empty, exclusively created file beside the target: (descriptor, path)."""
    while True:
        candidate = directory / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        except FileExistsError:
            continue
        return fd, str(candidate)


def atomic_write_bytes(
    path: str | os.PathLike[str],
    data: bytes | Iterable[bytes | FileRange],
    *,
    new_file_mode: int = NEW_FILE_MODE,
    before_replace: Callable[[Path], None] | None = None,
) -> None:
    """Write `data` to `path` through a temporary file in the same folder and `os.replace`.

    The temporary file is fsynced before the rename and the folder after it, so a crash at
    any point leaves either the previous file or the complete new one. On failure the
    temporary file is removed and the exception propagates; `path` is untouched. Raises
    WriteProtected (a PermissionError) for a file its owner made read-only. A new file gets
    `new_file_mode` less the umask (0o600 keeps a private file private whatever the umask).
    `before_replace`, when given, is called with the complete temporary file just before the
    rename (to derive something from exactly what is written); if it raises, nothing is
    replaced.
    """
    target = write_target(path)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        current: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        current = None
    if current is not None and stat.S_ISREG(current.st_mode):
        if not current.st_mode & stat.S_IWUSR:
            raise WriteProtected(path)
    else:
        current = None
    # An existing file's mode is set after creation (chmod ignores the umask); until then
    # the temporary file is private, so its content is never more readable than the file's.
    fd, tmp_name = _temporary(directory, target.name, 0o600 if current else new_file_mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, (bytes, bytearray, memoryview)):
                handle.write(data)
            else:  # chunks, in order: a large file need not be joined in memory first
                for chunk in data:
                    if isinstance(chunk, FileRange):
                        _copy_range(chunk, handle)
                    else:
                        handle.write(chunk)
            handle.flush()
            if current is not None:
                os.fchmod(handle.fileno(), stat.S_IMODE(current.st_mode))
                if (current.st_uid, current.st_gid) != (os.geteuid(), os.getegid()):
                    with contextlib.suppress(OSError):
                        os.fchown(handle.fileno(), current.st_uid, current.st_gid)
            os.fsync(handle.fileno())
        if before_replace is not None:
            before_replace(Path(tmp_name))
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    fsync_directory(directory)


def _lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


@contextlib.contextmanager
def writers_lock(path: str | os.PathLike[str], *, shared: bool = False) -> Iterator[bool]:
    """Hold the lock of the writers of the file at `path` and of what is derived from it: an
    import holds it alone (waiting for it), a reader building the index shares it (only if it
    is free at once). Yields whether it is held: not where there are no file locks, or the
    lock file cannot be made (a read-only folder), and not for a reader while an import
    runs."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - no POSIX locks here
        yield False
        return
    try:
        fd = os.open(_lock_path(Path(path)), os.O_RDWR | os.O_CREAT, 0o666)
    except OSError:
        yield False
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB if shared else fcntl.LOCK_EX)
        except OSError:
            held = False
        else:
            held = True
        yield held
    finally:
        os.close(fd)  # (closing it lets go of the lock)


def remove_stale_temporaries(path: str | os.PathLike[str], index: Path) -> list[Path]:
    """Remove the temporary files a writer of the file at `path` (by `atomic_write_bytes`)
    or of its index at `index` left behind when its process died: only names of that making
    (`.NAME.<8 hex digits>.tmp`), and only under `writers_lock` held alone, when no other
    writer can be making one. Returns those removed."""
    removed = []
    target = write_target(path)
    for folder, name in ((target.parent, target.name), (index.parent, index.name)):
        pattern = re.compile(rf"\.{re.escape(name)}\.[0-9a-f]{{8}}\.tmp")
        try:
            entries = list(os.scandir(folder if str(folder) else "."))
        except OSError:
            continue
        for entry in entries:
            if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed

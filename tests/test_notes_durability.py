"""Nothing saved is lost: writers killed mid-write, writers at once, a full disk, no permission.

These tests use real processes, because what they check (a torn file, a lost update, a file
size limit) only happens across processes. A killed writer is a forked child: forking after
the imports makes each round cost milliseconds rather than a fresh interpreter's start-up.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from explorer.data.models import Ref
from explorer.data.notes import NotesError, NotesStore, NotesWriteError, parse_notes

COUNTER = Ref("meeting", "counter")


def note_text(number: int) -> str:
    return f"note {number}: " + "analysis " * (number % 7 + 1)


def read_notes(path: Path) -> dict[Ref, str]:
    """Parse the file as strictly as a fresh explorer would; any tear fails here."""
    data = json.loads(path.read_bytes().decode("utf-8"))
    return {ref: note.text for ref, (_, note) in parse_notes(data).items()}


def leftovers(path: Path) -> list[Path]:
    return list(path.parent.glob(f".{path.name}.*.tmp"))


def fork_child(body: Callable[[int], None]) -> tuple[int, int]:
    """Run `body(write_fd)` in a forked child; returns (pid, read_fd). The child never returns."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        code = 0
        try:
            os.close(read_fd)
            body(write_fd)
        except BaseException as failure:
            with contextlib.suppress(OSError):
                os.write(write_fd, f"error {type(failure).__name__}: {failure}\n".encode())
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    return pid, read_fd


def read_all(fd: int) -> list[str]:
    with os.fdopen(fd, "rb") as pipe:
        return pipe.read().decode().splitlines()


def test_writers_killed_at_random_points_never_lose_a_reported_note(tmp_path: Path):
    """SIGKILL a saving writer 120 times at random instants (most land inside a save).

    After every kill the file must parse, hold every note the writer reported saved with
    its exact text, and show the counter note either as last reported or one step newer
    ("old or new, never torn"). Kills that left a temporary file behind prove that some
    landed mid-write; the next writer cleans such leftovers up under the lock.

    Nothing here depends on the machine's speed: each kill waits for the writer to report
    a random number of rounds (0 to 2), then lands at a random instant of the next round
    (a fraction of the round time measured so far), so slow and fast machines alike kill
    inside saves, and every report is checked whatever their number.
    """
    path = tmp_path / "notes.json"
    seeded = NotesStore(path)
    for number in range(300):  # a file of realistic size, so each save takes a while
        seeded.save_text(Ref("quote", f"seed-{number}"), note_text(number))
    rng = random.Random(20250113)
    reported: dict[Ref, str] = {}
    counter: str | None = None  # the counter note on disk after the previous round
    first = 0
    kills = mid_write = 0
    started = time.monotonic()
    seeded.save_text(COUNTER, "calibrating")
    seeded.save_text(Ref("actor", "calibrating"), "x")
    round_time = time.monotonic() - started  # two saves: one writer round, refined below
    seeded.save_text(COUNTER, "")
    seeded.save_text(Ref("actor", "calibrating"), "")
    while kills < 120:

        def writer(fd: int, first: int = first) -> None:
            store = NotesStore(path)
            os.write(fd, b"ready\n")
            number = first
            while True:
                store.save_text(Ref("actor", f"n{number}"), note_text(number))
                store.save_text(COUNTER, str(number))
                os.write(fd, f"saved {number}\n".encode())
                number += 1

        pid, fd = fork_child(writer)
        saved: list[int] = []
        with os.fdopen(os.dup(fd), "rb", buffering=0) as pipe:
            assert pipe.readline() == b"ready\n"
            began = time.monotonic()
            for _ in range(rng.randint(0, 2)):  # a writer blocks on nothing: it reports
                line = pipe.readline().decode()
                assert line.startswith("saved "), line
                saved.append(int(line.split()[1]))
            if saved:
                round_time = (round_time + (time.monotonic() - began) / len(saved)) / 2
        # Not a wait for anything: the random instant of the kill, within the next round.
        time.sleep(rng.uniform(0, round_time))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status), read_all(fd)
        kills += 1
        lines = read_all(fd)
        assert not any(line.startswith("error") for line in lines), lines
        saved += [int(line.split()[1]) for line in lines]
        for number in saved:
            reported[Ref("actor", f"n{number}")] = note_text(number)
        mid_write += bool(leftovers(path))

        on_disk = read_notes(path)
        missing = [ref for ref, text in reported.items() if on_disk.get(ref) != text]
        assert not missing, f"kill {kills}: reported saved but not on disk: {missing[:5]}"
        # The counter is the last reported value, or the one save after it; with nothing
        # reported, it is what it was before this writer, or this writer's first value.
        last = saved[-1] if saved else None
        allowed = {str(last), str(last + 1)} if last is not None else {counter, str(first)}
        assert on_disk.get(COUNTER) in allowed, (kills, on_disk.get(COUNTER), allowed)
        counter = on_disk.get(COUNTER)
        first = (last + 2) if last is not None else first + 1
        assert len([r for r in on_disk if r.kind == "quote"]) == 300

    print(f"{kills} kills, {mid_write} mid-write, {len(reported)} notes reported and all kept")
    assert reported, "the writers reported notes, each checked on disk after every kill"
    assert mid_write >= 3, f"only {mid_write} of {kills} kills landed inside a write"
    NotesStore(path).save_text(Ref("actor", "after"), "clean")
    assert leftovers(path) == []


WRITER = textwrap.dedent(
    """
    import sys
    from explorer.data.models import Ref
    from explorer.data.notes import NotesStore

    path, who = sys.argv[1], sys.argv[2]
    store = NotesStore(path, lock_timeout=60)
    print("ready", flush=True)
    sys.stdin.readline()  # the starting gun: every writer begins at once
    for number in range(250):
        store.save_text(Ref("actor", f"w{who}-{number}"), f"writer {who} note {number}")
    print("done", flush=True)
    """
)


def test_four_processes_saving_250_notes_each_keep_all_1000(tmp_path: Path):
    path = tmp_path / "notes.json"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(who)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in range(4)
    ]
    try:
        for writer in writers:
            assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
        for writer in writers:
            assert writer.stdin is not None
            writer.stdin.write("go\n")
            writer.stdin.flush()
        results = [writer.communicate(timeout=120) for writer in writers]
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
    for writer, (out, err) in zip(writers, results, strict=True):
        assert writer.returncode == 0, err
        assert out == "done\n"
    on_disk = read_notes(path)
    assert len(on_disk) == 1000
    for who in range(4):
        for number in range(250):
            assert on_disk[Ref("actor", f"w{who}-{number}")] == f"writer {who} note {number}"


def failed_save_in_child(path: Path, text: str, prepare: Callable[[], None]) -> str:
    """Save one note in a forked child after `prepare()`; returns what the child reported."""

    def child(fd: int) -> None:
        prepare()
        try:
            NotesStore(path).save_text(Ref("actor", "new"), text)
        except NotesError as failure:
            os.write(fd, f"{type(failure).__name__}: {failure}".encode())
        else:
            os.write(fd, b"saved")

    pid, fd = fork_child(child)
    message = "\n".join(read_all(fd))
    os.waitpid(pid, 0)
    return message


def test_running_out_of_space_mid_write_keeps_the_old_file(tmp_path: Path):
    """A child whose RLIMIT_FSIZE stops its write part-way, as a full disk would.

    Python ignores SIGXFSZ, so the write of the temporary file fails with EFBIG after the
    bytes the limit allows: the save is torn in the temporary file, never in the notes file.
    """
    path = tmp_path / "notes.json"
    NotesStore(path).save_text(Ref("actor", "wang-yi"), "kept")
    before = path.read_bytes()
    limit = len(before) + 500

    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    message = failed_save_in_child(path, "x" * 20_000, limit_file_size)
    assert message.startswith("NotesWriteError")
    assert str(path) in message and "file size limit" in message
    assert "not changed" in message
    assert path.read_bytes() == before
    assert leftovers(path) == []


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder an unprivileged user can reach (pytest's tmp_path is private to root)."""
    base = Path(tempfile.mkdtemp(prefix="explorer-notes-"))
    base.chmod(0o755)
    try:
        yield base
    finally:
        for folder in (base, *base.iterdir()):
            if folder.is_dir():
                folder.chmod(0o755)
        shutil.rmtree(base)


def test_a_read_only_folder_gives_a_clear_message_and_keeps_the_old_file(shared_folder: Path):
    """A folder with mode 0555, written to by a user it does not let in.

    These tests run as root, and chmod does not stop root (CAP_DAC_OVERRIDE); a read-only
    bind mount or tmpfs needs mount privileges a test cannot count on. So the writer is a
    forked child that drops to the unprivileged user `nobody` before saving (no new
    interpreter has to start: the child keeps the parent's imports). Run as an ordinary
    user, the child simply keeps that user, whom the 0555 folder stops as well. The lock
    file is left writable, so the refusal comes from the folder itself: no temporary file
    can be created there.
    """
    folder = shared_folder / "notes"
    folder.mkdir()
    path = folder / "notes.json"
    NotesStore(path).save_text(Ref("actor", "wang-yi"), "kept")
    before = path.read_bytes()
    path.chmod(0o644)  # readable by all, as most files are (explorer creates it private)
    (folder / "notes.json.lock").chmod(0o666)
    folder.chmod(0o555)

    def become_unprivileged() -> None:
        if os.geteuid() == 0:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)

    message = failed_save_in_child(path, "lost?", become_unprivileged)
    assert message.startswith("NotesWriteError"), message
    assert str(path) in message and "permission denied" in message
    assert path.read_bytes() == before
    assert leftovers(path) == []


def test_a_file_where_the_folder_should_be_gives_a_clear_message(tmp_path: Path):
    """An unwritable path that stops root too: a component of the folder is a plain file."""
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    with pytest.raises(NotesWriteError, match="is a file, not a folder"):
        NotesStore(blocker / "explorer" / "notes.json").save_text(Ref("actor", "x"), "text")
    assert blocker.read_text() == "not a folder"


def test_a_lock_held_elsewhere_times_out_with_a_clear_message(tmp_path: Path):
    path = tmp_path / "notes.json"
    holder = NotesStore(path)
    holder.save_text(Ref("actor", "a"), "a")
    waiting = NotesStore(path, lock_timeout=0.2)
    with holder._transaction(), pytest.raises(NotesError, match="another explorer"):
        waiting.save_text(Ref("actor", "b"), "b")
    assert read_notes(path) == {Ref("actor", "a"): "a"}

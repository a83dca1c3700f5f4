"""Time to save one note when 1,000 notes exist (goal: at most 50 ms). Not a test.

    /work/venv/bin/python bench/notes.py [--notes 1000] [--repeat 100] [--dir DIR]

A save is the whole durable transaction a user waits for when "saved" is shown: take the
file lock, re-read and validate the notes file, write a temporary file, fsync it,
`os.replace`, fsync the folder. The script fills a fresh notes file with --notes notes of
realistic length (each a couple of sentences, some bookmarked), then times --repeat saves
of new notes, --repeat edits of existing ones and --repeat bookmark toggles, and a fresh
process's first read of the file. It prints p50, p95 and max in milliseconds. --dir picks
the folder (default: a temporary one; fsync cost depends on the file system under it).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from explorer.data.models import Ref
from explorer.data.notes import NotesStore

WORDS = (  # noqa: SIM905 - one string reads better than twenty quoted words
    "delegation visit trust defence exchanges ministers summit statement Beijing Tokyo "
    "spokesman counterpart relations frosty thaw invitation evidence follow up check source"
).split()


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))).capitalize() + "."


def timed(action: Callable[[int], object], repeat: int) -> list[float]:
    times = []
    for index in range(repeat):
        start = time.perf_counter()
        action(index)
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(name: str, times: list[float]) -> None:
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
    print(
        f"  {name:<24} p50 {statistics.median(times):6.2f} ms   p95 {p95:6.2f} ms   "
        f"max {max(times):6.2f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=1000, help="notes in the file first")
    parser.add_argument("--repeat", type=int, default=100, help="timed operations of each kind")
    parser.add_argument("--dir", type=Path, help="folder for the notes file")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        path = Path(folder) / "notes.json"
        store = NotesStore(path)
        for number in range(args.notes):
            ref = Ref(rng.choice(("actor", "meeting", "quote")), f"item-{number}")
            store.save_text(ref, " ".join(sentence(rng) for _ in range(2)), label=f"Item {number}")
            if number % 5 == 0:
                store.set_bookmark(ref, True)
        size = path.stat().st_size
        print(f"notes file: {args.notes} notes, {size / 1024:.0f} KiB, in {folder}")
        existing = [note.ref for note in store.notes()]

        new = timed(
            lambda i: store.save_text(Ref("actor", f"new-{i}"), sentence(rng), label="New"),
            args.repeat,
        )
        edits = timed(
            lambda i: store.save_text(existing[i % len(existing)], sentence(rng)), args.repeat
        )
        toggles = timed(
            lambda i: store.set_bookmark(existing[i % len(existing)], i % 2 == 0), args.repeat
        )
        reads = timed(lambda i: NotesStore(path).notes(), args.repeat)

    report("save a new note", new)
    report("edit a note", edits)
    report("toggle a bookmark", toggles)
    report("first read (new store)", reads)
    typical = statistics.median(new)
    verdict = "meets" if typical <= 50 else "MISSES"
    print(f"save one note with {args.notes} notes: p50 {typical:.2f} ms ({verdict} the 50 ms goal)")
    return 0 if typical <= 50 else 1


if __name__ == "__main__":
    raise SystemExit(main())

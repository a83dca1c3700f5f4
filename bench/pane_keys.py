"""How fast the app is over a corpus: startup, keys, the timeline, search typing, memory.

    python -m explorer.bench.corpus 1000 /tmp/c1000 && explorer import /tmp/c1000/*.yaml --db /tmp/c1000.json
    python bench/pane_keys.py /tmp/c1.json /tmp/c1000.json [--runs 3] [--repeat 8]
    git worktree add /tmp/base main && python bench/pane_keys.py DB --base /tmp/base

A benchmark, not a test. Each run is a fresh process that opens the database as
`explorer --db DB` does, headless (`App.run_test`, 120x36), and measures:

- data on screen: from launching the process to the panes drawn with their rows;
- each key (j in each pane, Tab, 1/2/3, r, f, t, /, Esc back from the timeline, each
  letter typed into the quote search, and Esc out of the search once its results show): from the key event to the screen drawn again, all
  its messages handled (and, for a search letter, the search worker done and its results
  drawn), as wall time and as the process's CPU time (the machine may be loaded by others:
  CPU time says what the app itself spent);
- the peak memory (RSS) of the process.

Keys are pressed only once the app's background work (its workers: the search index, the
timeline's order, the article picker's list) is done: while it runs, a key's CPU time
would count those threads too. "settled" is when that was, from the launch.

The same keys are measured on a bare Textual app (a list of 50 options) in the same run:
the "x bare" column is the app's p50 over the bare app's. Figures are medians over the runs
of each run's p50 and p95.

With `--base DIR` (a checkout of the code to compare with, such as main before a change),
every run of this code is paired with a run of that code's app, one after the other on the
same database, and a second table gives both side by side with their ratio (the base's p95
over this code's): on a machine shared with others, only figures of one run compare.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import ClassVar

SIZE = (120, 36)
WORDS = ("trust", "mutual", "sea")


# -- measuring inside one process ---------------------------------------------------------


def busy(app) -> bool:  # type: ignore[no-untyped-def]
    """Whether the app, the screen or a widget of it still has messages to handle."""
    nodes = [app, *app.screen.walk_children(with_self=True)]
    return any(not node._message_queue.empty() for node in nodes)


def working(app) -> bool:  # type: ignore[no-untyped-def]
    """Whether a worker of the app (the search index, the timeline's order, ...) still runs."""
    from textual.worker import WorkerState

    return any(worker.state in (WorkerState.PENDING, WorkerState.RUNNING) for worker in app.workers)


async def settled(app) -> None:  # type: ignore[no-untyped-def]
    """Until the app's background work (started once the panes show) is done and drawn:
    keys pressed while it runs would measure its threads' share of the CPU too."""
    while True:
        await drawn(app)
        await asyncio.sleep(0.05)
        if not working(app) and not busy(app):
            await drawn(app)
            return


def searching(app) -> bool:  # type: ignore[no-untyped-def]
    from textual.worker import WorkerState

    return any(
        worker.group == "quote-search"
        and worker.state in (WorkerState.PENDING, WorkerState.RUNNING)
        for worker in app.workers
    )


async def drawn(app, *, search: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Until no widget has a message left (three looks in a row; with `search`, no search
    worker running either), then draw the screen."""
    quiet = 0
    while quiet < 3:
        await asyncio.sleep(0)
        quiet = 0 if busy(app) or (search and searching(app)) else quiet + 1
    app.screen._on_timer_update()


async def key(pilot, name: str, samples: dict, label: str = "", *, search: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Press one key; record its wall and CPU milliseconds under `label` (or its name)."""
    from textual import events

    app = pilot.app
    char = {"slash": "/", "tab": None, "escape": None}.get(name, name if len(name) == 1 else None)
    wall, cpu = time.perf_counter(), time.process_time()
    app.post_message(events.Key(name, char))
    await asyncio.sleep(0)
    await drawn(app, search=search)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    samples.setdefault(label or name, []).append((wall * 1000, cpu * 1000))
    await pilot.pause()  # timers and late messages settle before the next key


async def measure_app(db: Path, repeat: int, launched: float) -> dict:
    from explorer.app import build_app
    from explorer.data import loading
    from explorer.data.notes import NotesStore

    # As `explorer --db DB` loads (`explorer.app.run`): from the persisted index where the
    # app reads it, else the whole database (the app before it did).
    load = getattr(loading, "load_indexed_corpus", loading.load_corpus)
    notes = NotesStore(Path(f"/tmp/pane-keys-{os.getpid()}.notes.json"))
    app = build_app(None, notes=notes, loader=lambda: load(db))
    result: dict = {"keys": {}}
    samples: dict[str, list] = result["keys"]
    async with app.run_test(size=SIZE) as pilot:
        while not app.data_ready:
            await asyncio.sleep(0.005)
        await drawn(app)
        result["startup"] = time.time() - launched
        await settled(app)
        result["settled"] = time.time() - launched
        for pane, label in (("1", "j actors"), ("2", "j meetings"), ("3", "j quotes")):
            await pilot.press(pane)
            await pilot.pause()
            for _ in range(repeat):
                await key(pilot, "j", samples, label)
        for _ in range(repeat):
            await key(pilot, "tab", samples)
        for _ in range(max(1, repeat // 3)):
            for pane in "123":
                await key(pilot, pane, samples, "1/2/3")
        for _ in range(repeat):
            await key(pilot, "r", samples)
        for _ in range(max(2, repeat // 2)):
            await key(pilot, "f", samples)
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("2")  # the whole timeline (from an actor it is filtered to theirs)
        await pilot.pause()
        for index in range(max(3, repeat // 2)):
            await key(pilot, "t", samples, "t first (timeline)" if index == 0 else "t (timeline)")
            await key(pilot, "escape", samples, "Esc from timeline")
        for word in WORDS:
            await key(pilot, "slash", samples, "/")
            for letter in word:
                await key(pilot, letter, samples, "search letter", search=True)
            # Its results drawn (the last letter waited for them): Esc closes the search
            # and the panes show what they showed before `/`.
            await key(pilot, "escape", samples, "Esc from search")
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


async def measure_bare(repeat: int) -> dict:
    """The same key, timed the same way, on a bare Textual app: the floor."""
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.widgets import OptionList

    class Bare(App[None]):
        BINDINGS: ClassVar = [Binding("j", "down", "Down")]

        def compose(self) -> ComposeResult:
            yield OptionList(*(f"option {i}" for i in range(50)))

        def action_down(self) -> None:
            self.query_one(OptionList).action_cursor_down()

    samples: dict[str, list] = {}
    async with Bare().run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(repeat * 2):
            await key(pilot, "j", samples)
    return {"keys": {"bare j": samples["j"]}}


# -- running and reporting ------------------------------------------------------------------


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def child(args: argparse.Namespace) -> None:
    if args.bare:
        result = asyncio.run(measure_bare(args.repeat))
    else:
        result = asyncio.run(measure_app(Path(args.child), args.repeat, args.launched))
    print(json.dumps(result))


def run_child(extra: list[str], repeat: int, code: Path | None = None) -> dict:
    """One fresh process; with `code`, the app imported from that checkout instead."""
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(code), env.get("PYTHONPATH")]))
    launched = time.time()
    command = [
        sys.executable,
        __file__,
        *extra,
        "--repeat",
        str(repeat),
        "--launched",
        str(launched),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        raise SystemExit(f"benchmark run failed: {' '.join(extra)}\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def summary(runs: list[dict]) -> dict[str, tuple[float, float, float, float]]:
    """Per key: medians over runs of p50 wall, p95 wall, p50 CPU, p95 CPU."""
    figures: dict[str, list[tuple[float, float, float, float]]] = {}
    for run in runs:
        for name, samples in run["keys"].items():
            walls = [wall for wall, _ in samples]
            cpus = [cpu for _, cpu in samples]
            figures.setdefault(name, []).append(
                (
                    percentile(walls, 0.5),
                    percentile(walls, 0.95),
                    percentile(cpus, 0.5),
                    percentile(cpus, 0.95),
                )
            )
    return {
        name: tuple(statistics.median(v[i] for v in values) for i in range(4))  # type: ignore[misc]
        for name, values in figures.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", nargs="*", type=Path, help="databases to open, smallest first")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per database")
    parser.add_argument("--repeat", type=int, default=8, help="presses of each key per run")
    parser.add_argument(
        "--base", type=Path, help="a checkout of the code to compare with, in the same runs"
    )
    parser.add_argument(
        "--base-db",
        nargs="*",
        type=Path,
        help="the databases the base opens, one per database (copies, with `cp -p`, when"
        " the base's index format differs: each code keeps its own index beside its copy)",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--bare", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--launched", type=float, default=0.0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child or args.bare:
        child(args)
        return
    if not args.db:
        parser.error("name at least one database (see the docstring for making one)")
    columns: list[tuple[str, dict, list[dict]]] = []
    base_columns: list[tuple[str, dict, list[dict]]] = []
    bare_runs = []
    base_dbs = args.base_db or args.db
    if len(base_dbs) != len(args.db):
        parser.error("--base-db names one database for each database")
    for db, base_db in zip(args.db, base_dbs, strict=True):
        runs, base_runs = [], []
        for _ in range(args.runs):
            if args.base is not None:
                base_runs.append(run_child(["--child", str(base_db)], args.repeat, args.base))
            runs.append(run_child(["--child", str(db)], args.repeat))
            bare_runs.append(run_child(["--bare"], args.repeat))
            print(".", end="", file=sys.stderr, flush=True)
        columns.append((db.name, summary(runs), runs))
        base_columns.append((db.name, summary(base_runs), base_runs))
    print(file=sys.stderr)
    bare = summary(bare_runs)["bare j"]
    print(f"bare Textual app, j: p50 {bare[0]:.1f} ms, p95 {bare[1]:.1f} ms (CPU {bare[2]:.1f})")
    print(f"medians of {args.runs} runs; ms: p50 / p95 wall, p95 CPU, p50 over the bare app's p50")
    header = f"{'':22}" + "".join(f"{name:>34}" for name, _, _ in columns)
    print(header)
    for label, pick in (
        ("data on screen (s)", "startup"),
        ("settled (s)", "settled"),
        ("peak memory (MB)", "peak_mb"),
    ):
        cells = "".join(
            f"{statistics.median(run[pick] for run in runs):>34.1f}" for _, _, runs in columns
        )
        print(f"{label:22}{cells}")
    names = list(columns[0][1])
    for name in names:
        cells = ""
        for _, figures, _ in columns:
            if name not in figures:
                cells += f"{'':>34}"
                continue
            p50, p95, _cpu50, cpu95 = figures[name]
            cells += f"{p50:>9.1f} / {p95:>7.1f}  {cpu95:>6.1f}  {p50 / bare[0]:>5.1f}x"
        print(f"{name:22}{cells}")
    if args.base is not None:
        compare(args.base, columns, base_columns)


def compare(base: Path, columns: list, base_columns: list) -> None:
    """Both codes side by side: p95 wall / p95 CPU (ms; seconds and MB for the first two
    rows), and how many times the base's p95 CPU this code's is (CPU: what the app itself
    spent, whatever else the machine ran)."""
    print()
    print(f"the same runs, the base ({base}) and this code: p95 wall / p95 CPU ms, base / this")
    print(f"{'':22}" + "".join(f"{name:>44}" for name, _, _ in columns))
    print(f"{'':22}" + f"{'base':>18}{'this':>18}{'ratio':>8}" * len(columns))
    for label, pick in (
        ("data on screen (s)", "startup"),
        ("settled (s)", "settled"),
        ("peak memory (MB)", "peak_mb"),
    ):
        cells = ""
        for (_, _, runs), (_, _, base_runs) in zip(columns, base_columns, strict=True):
            now = statistics.median(run[pick] for run in runs)
            was = statistics.median(run[pick] for run in base_runs)
            cells += f"{was:>18.1f}{now:>18.1f}{was / now:>7.1f}x"
        print(f"{label:22}{cells}")
    for name in columns[0][1]:
        cells = ""
        for (_, figures, _), (_, base_figures, _) in zip(columns, base_columns, strict=True):
            if name not in figures or name not in base_figures:
                cells += f"{'':>44}"
                continue
            now, was = figures[name], base_figures[name]
            cells += f"{was[1]:>8.1f} /{was[3]:>7.1f}{now[1]:>10.1f} /{now[3]:>7.1f}"
            cells += f"{was[3] / max(now[3], 0.01):>7.1f}x"
        print(f"{name:22}{cells}")


if __name__ == "__main__":
    main()

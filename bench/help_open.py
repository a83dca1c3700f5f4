"""Time `?` (the help screen) from the key to its first full frame, on the seed article.

Headless (`App.run_test`), as a user's terminal would see it minus the terminal's own drawing:
each run sends the `?` key, times it until the help screen has drawn its first frame (its
first refresh), and closes it again; a blank screen opened by the same key is the baseline
(what Textual itself takes to switch screens on this machine). The
first open pays for importing the help screen's modules; later opens are what every `?` costs.

    python bench/help_open.py [--runs 20] [--size 120x36]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Callable
from functools import partial
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import Static

from explorer.app import build_app
from explorer.data import corpus_from_files, seed_files


def _stamp(times: list[float]) -> None:
    times.append(time.perf_counter())


async def _until(condition: Callable[[], object]) -> None:
    while not condition():
        await asyncio.sleep(0)


class Blank(Screen[None]):
    """The baseline: a screen with one line of text, opened by the same key."""

    BINDINGS: ClassVar[list[BindingType]] = [("escape", "app.pop_screen", "Close")]

    def compose(self) -> ComposeResult:
        yield Static("blank")


async def measure(
    runs: int, size: tuple[int, int], blank: bool = False
) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds from the `?` key event to the help screen's first refresh."""
    app = build_app(corpus_from_files(seed_files()))
    if blank:
        app.action_help = lambda: app.push_screen(Blank())  # type: ignore[method-assign]
    walls: list[float] = []
    cpus: list[float] = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        base = app.screen
        for _ in range(runs):
            drawn: list[float] = []
            wall, cpu = time.perf_counter(), time.process_time()
            app.post_message(events.Key("question_mark", "?"))
            await _until(lambda: app.screen is not base)
            app.screen.call_after_refresh(partial(_stamp, drawn))
            await _until(partial(bool, drawn))
            walls.append(drawn[0] - wall)
            cpus.append(time.process_time() - cpu)
            await pilot.press("escape")
            await _until(lambda: app.screen is base)
            await pilot.pause()
    return walls, cpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--size", default="120x36")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    print(f"`?` to the first frame at {width}x{height}, {args.runs} runs, ms:")
    for label, blank in (("help", False), ("blank screen", True)):
        walls, cpus = asyncio.run(measure(args.runs, (width, height), blank))
        ms = [w * 1000 for w in walls]
        print(
            f"  {label:12}  first {ms[0]:6.1f}   wall median {statistics.median(ms[1:]):6.1f}"
            f"   max {max(ms[1:]):6.1f}   CPU median {statistics.median(cpus[1:]) * 1000:6.1f}"
        )


if __name__ == "__main__":
    main()

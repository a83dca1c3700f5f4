"""How long a key takes in the main screen with every article shown (a benchmark, not a test).

    /work/venv/bin/python bench/pane_keys.py DB [--repeat 8] [--article ID]

Opens the database in the app headless (`App.run_test`, 120x36), shows all articles (or one,
with --article), then presses keys in the panes and prints, for each kind of key, the median
and the worst of two figures:

- key ms:   from the key event to the screen drawn again: the key's messages handled (the
            pane moved, the other panes relinked, the detail rebuilt) and the compositor's
            update rendered. This is the delay a user sees.
- pilot ms: the same key through `Pilot.press` + `Pilot.pause`, which also wait for the
            process to look idle (a fixed ~100 ms of polling: compare with the seed).

Then it moves onto the actors with the most links (the slowest items to show).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from pathlib import Path

from textual import events
from textual.pilot import Pilot

from explorer.app import ExplorerApp, build_app
from explorer.data import Corpus, Loaded, Ref, open_corpus
from explorer.data.notes import NotesStore

SIZE = (120, 36)


def busy(app: ExplorerApp) -> bool:
    """Whether the app, the screen or a widget of it still has messages to handle."""
    nodes = [app, *app.screen.walk_children(with_self=True)]
    return any(not node._message_queue.empty() for node in nodes)


async def drawn(pilot: Pilot) -> None:
    """Until no widget has a message left (three looks in a row), then draw the screen."""
    app = pilot.app
    quiet = 0
    while quiet < 3:
        await asyncio.sleep(0)
        quiet = 0 if busy(app) else quiet + 1
    app.screen._on_timer_update()


async def key_ms(pilot: Pilot, key: str) -> float:
    app = pilot.app
    start = time.perf_counter()
    char = key if len(key) == 1 else None
    app.post_message(events.Key(key, char))
    await asyncio.sleep(0)
    await drawn(pilot)
    elapsed = (time.perf_counter() - start) * 1000
    await pilot.pause()  # let timers and late messages settle before the next key
    return elapsed


async def pilot_ms(pilot: Pilot, key: str) -> float:
    start = time.perf_counter()
    await pilot.press(key)
    await pilot.pause()
    return (time.perf_counter() - start) * 1000


async def ready(pilot: Pilot, app: ExplorerApp, article: str | None) -> None:
    while not app.data_ready:
        await pilot.pause(0.01)
    if app.article_filter != article:
        app.filter_article(article)
        await pilot.pause()
        while not app.data_ready:
            await pilot.pause(0.01)


def line(label: str, keys: list[float], pilots: list[float]) -> str:
    def figure(samples: list[float]) -> str:
        if not samples:
            return " " * 19
        return f"{statistics.median(samples):7.1f} {max(samples):7.1f}    "

    return f"{label:24}{figure(keys)}{figure(pilots)}"


async def main(db: Path, repeat: int, article: str | None) -> None:
    start = time.perf_counter()
    corpus = open_corpus(db)
    print(
        f"{len(corpus.articles):,} articles, {len(corpus):,} items, loaded in "
        f"{time.perf_counter() - start:.2f} s"
    )
    notes = NotesStore(Path(db).with_suffix(".bench-notes.json"))
    empty = Corpus(Loaded([], [], [], []))
    app = build_app(empty, notes=notes, loader=lambda: corpus)  # as `explorer --db DB` does
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app, article)
        print(f"showing {article or 'all articles'}")
        print(f"{'':24}{'key ms':>7} {'worst':>7}    {'pilot ms':>8} {'worst':>6}")
        plan = [
            ("1", "j", "actors j"),
            ("1", "k", "actors k"),
            ("1", "pagedown", "actors PgDn"),
            ("1", "G", "actors G"),
            ("1", "g", "actors g"),
            ("2", "j", "meetings j"),
            ("3", "j", "quotes j"),
            ("3", "r", "r (related / only)"),
        ]
        for pane, key, label in plan:
            await pilot.press(pane)
            await pilot.pause()
            keys = [await key_ms(pilot, key) for _ in range(repeat)]
            pilots = [await pilot_ms(pilot, key) for _ in range(repeat)]
            print(line(label, keys, pilots), flush=True)
        for label, keys_pressed in (("switch 1/2/3", "123"), ("tab", "tttt")):
            keys, pilots = [], []
            for _ in range(max(1, repeat // 2)):
                for key in keys_pressed:
                    key = "tab" if key == "t" else key
                    keys.append(await key_ms(pilot, key))
                for key in keys_pressed:
                    key = "tab" if key == "t" else key
                    pilots.append(await pilot_ms(pilot, key))
            print(line(label, keys, pilots), flush=True)
        shown = app.corpus
        busiest = sorted(shown.actors, key=lambda a: -len(shown.relations(Ref("actor", a))))[:3]
        for actor in busiest:
            links = len(shown.relations(Ref("actor", actor)))
            await pilot.press("1")
            await pilot.pause()
            app.main.select(Ref("actor", actor))
            await pilot.pause()
            keys = [await key_ms(pilot, key) for key in ("j", "k")]
            print(line(f"onto {actor[:12]} ({links:,})", keys[1:], []), flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--repeat", type=int, default=8)
    parser.add_argument("--article", help="show one article rather than all")
    args = parser.parse_args()
    asyncio.run(main(args.db, args.repeat, args.article))

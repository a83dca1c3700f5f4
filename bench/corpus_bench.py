"""How explorer scales from one article to ten thousand (a benchmark, not a test).

    python bench/corpus_bench.py [--sizes 1,1000,10000] [--runs 5] [--seed 0] [--part cli|app|all]
                                 [--code DIR]   (the commands of another checkout, for a before)
                                 [--baseline DIR]   (that checkout too, in the same run)

For each corpus size N it builds a corpus (N = 1 is the seed article; larger sizes come from
the synthetic generator, `python -m explorer.bench.corpus`) and prints a row in each table.

The command line (`--part cli`), every figure a whole process:

- import s, import MB:  `explorer import` of every file into a new database and its index,
                        parse cache cleared (at 10,000 articles one run, else the median);
                        peak resident memory of the import (its largest process)
- 1 changed s:          `explorer import` again after one article's title changed (the rest cached)
- 1 added s:            `explorer import` of the same files and one more
- 1 removed s:          `explorer import` of the same files without that one again
- 1 quote changed s:    `explorer import` again after a word of one quote changed (in the
                        quote and the body alike, so the file stays valid)
- same s:               `explorer import` again with nothing changed
- search s:             `explorer search trust` (every match printed, as fzf prints them)
- json s:               `explorer search trust --json` (the same hits, one JSON object each)
- show s:               `explorer show QUOTE_ID`
- unknown s:            `explorer show` of an id no item has (a quote id mistyped), which
                        answers with "did you mean" suggestions
- export s:             `explorer export --article ID --format json`
- CLI MB:               the largest peak resident memory of those five
- python s:             `python -c "import explorer"`, the floor of any command
- fzf s:                `fzf --filter "'trust"` over the same quotes' texts, one a line
- search/fzf, search/python: the ratios, from medians measured in the same run

With --baseline DIR, every size is measured twice in the same run, first with the commands of
the checkout DIR, then with this one (or --code's), and a third row gives each figure's ratio,
this one / DIR's.

The app (`--part app`):

- import s:    `explorer import` of every file into a new database, parse cache cleared
- reimport s:  `explorer import` again after one file changed (the others from the cache)
- DB MB:       size of the database file
- peak MB:     peak resident memory of `explorer --db DB`, run headless until its data has
               loaded and been painted
- search p95:  95th percentile of one quote search (limit 50, plus the highlights of the first
               20 hits) over a fixed mix of words, two words, phrases, prefixes being typed
               and speaker filters drawn from the corpus
- frame s:     time for `explorer --db DB` to start, paint its first frame and exit, headless
- bare s:      the same for a bare Textual app (header, a line of text, footer), in the same run
- ratio:       frame / bare

Every figure but search p95 is the median over --runs whole processes, the commands compared
run in turn so that all see the same machine load.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
SIZE = (120, 36)


# -- children: each run in a process of its own --------------------------------------------


def _pilot(wait_for_data: bool) -> Callable:
    async def pilot(driver) -> None:  # a textual Pilot
        import asyncio

        app = driver.app
        if wait_for_data:
            while not getattr(app, "data_ready", True):
                await asyncio.sleep(0.01)
        app.call_after_refresh(app.exit)

    return pilot


def child_app(db: str, wait_for_data: bool) -> None:
    """`explorer --db DB` exactly as the command runs it, but headless, exiting after a frame."""
    from textual.app import App

    original = App.run

    def run_headless(self, *args, **kwargs):
        kwargs.update(headless=True, size=SIZE, auto_pilot=_pilot(wait_for_data))
        return original(self, *args, **kwargs)

    App.run = run_headless  # type: ignore[method-assign]
    from explorer.cli import main

    sys.exit(main(["--db", db]))


def child_bare() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("A bare Textual app.")
            yield Footer()

    Bare().run(headless=True, size=SIZE, auto_pilot=_pilot(False))


# -- the parent ----------------------------------------------------------------------------


def run_process(
    args: list[str], env: dict[str, str], ok: tuple[int, ...] = (0,), cwd: Path = REPO
) -> tuple[float, float]:
    """(wall seconds, peak resident MB) of one whole process; fails loudly if it fails.

    `python -m` imports from the working folder first: to run another checkout's commands,
    run them in that checkout (`cwd`)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode() if process.stderr else ""
    if process.returncode not in ok:
        raise SystemExit(f"{' '.join(args)} failed ({process.returncode}):\n{errors}")
    return elapsed, usage.ru_maxrss / 1024


def corpus_files(size: int, seed: int, folder: Path) -> list[Path]:
    if size == 1:
        seed_folder = folder / "seed"
        seed_folder.mkdir()
        return [Path(shutil.copy(p, seed_folder)) for p in sorted((REPO / "data").glob("*.yaml"))]
    from explorer.bench.corpus import write_corpus

    return write_corpus(size, folder / "articles", seed)


def query_mix(corpus, count: int, seed: int) -> list[str]:
    """Queries a user types: words, pairs, phrases, prefixes, speaker filters."""
    rng = random.Random(seed)
    quotes = list(corpus.quotes.values())
    queries = []
    for index in range(count):
        quote = rng.choice(quotes)
        words = [w.strip(".,“”\"'’:;!?").lower() for w in quote.text.split()]
        words = [w for w in words if len(w) > 2] or ["the"]
        start = rng.randrange(len(words))
        pair = words[start : start + 2]
        speaker = corpus.actors.get(quote.speaker)
        kind = index % 5
        if kind == 0:
            queries.append(rng.choice(words))
        elif kind == 1:
            queries.append(" ".join(pair))
        elif kind == 2:
            queries.append('"' + " ".join(pair) + '"')
        elif kind == 3:
            queries.append(rng.choice(words)[:3])
        else:
            name = speaker.name.split()[-1].lower()[:4] if speaker else "the"
            queries.append(f"speaker:{name} {rng.choice(words)}")
    return queries


def search_p95(db: Path, seed: int) -> tuple[float, float]:
    """(p95 ms of one search, seconds to build the index) on the database's corpus."""
    try:
        from explorer.data.search import SearchIndex
    except ImportError:
        return float("nan"), float("nan")
    from explorer.data import open_corpus

    corpus = open_corpus(db)
    start = time.perf_counter()
    index = SearchIndex(corpus)
    built = time.perf_counter() - start
    samples = []
    for query in query_mix(corpus, 300, seed):
        start = time.perf_counter()
        result = index.search(query, limit=50)
        for hit in result.hits[:20]:
            _ = hit.ranges
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return samples[int(0.95 * (len(samples) - 1))], built


def bench(size: int, runs: int, seed: int, work: Path) -> dict[str, float]:
    folder = work / f"n{size}"
    folder.mkdir()
    files = corpus_files(size, seed, folder)
    db = folder / "explorer.json"
    cache = folder / "explorer.json.parse-cache"
    env = dict(
        os.environ,
        EXPLORER_CACHE_DIR=str(folder / "cache"),
        EXPLORER_NOTES_FILE=str(folder / "notes.json"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    explorer = [PYTHON, "-m", "explorer"]
    imports, reimports = [], []
    for run in range(runs):
        shutil.rmtree(cache, ignore_errors=True)
        imports.append(
            run_process([*explorer, "import", *map(str, files), "--db", str(db)], env)[0]
        )
        changed = files[run % len(files)]
        text = changed.read_text(encoding="utf-8")
        changed.write_text(text + f"# edited in run {run}\n", encoding="utf-8")
        reimports.append(
            run_process([*explorer, "import", *map(str, files), "--db", str(db)], env)[0]
        )
        changed.write_text(text, encoding="utf-8")
    me = [PYTHON, str(Path(__file__).resolve())]
    peaks, frames, bares = [], [], []
    for _ in range(runs):
        peaks.append(run_process([*me, "--child", "memory", str(db)], env)[1])
        frames.append(run_process([*me, "--child", "app", str(db)], env)[0])
        bares.append(run_process([*me, "--child", "bare"], env)[0])
    p95, built = search_p95(db, seed)
    frame, bare = statistics.median(frames), statistics.median(bares)
    return {
        "articles": len(files),
        "import": statistics.median(imports),
        "reimport": statistics.median(reimports),
        "db": db.stat().st_size / 1e6,
        "peak": statistics.median(peaks),
        "p95": p95,
        "index": built,
        "frame": frame,
        "bare": bare,
        "ratio": frame / bare,
    }


# -- the command line: whole processes beside their baselines ------------------------------


def _sample(db: Path, seed: int) -> tuple[list[str], str, str]:
    """Every quote's text (for fzf), one quote id and one article id, read from the database
    file's one-row-a-line layout (as any version of explorer writes it)."""
    import json

    rng = random.Random(seed)
    texts, quotes, articles = [], [], []
    table = None
    with open(db, "rb") as handle:
        for line in handle:
            if line.startswith(b'"') and line.endswith(b": {\n") and not line[1:2].isdigit():
                table = line[1:].split(b'"')[0].decode()
                continue
            if not line.startswith(b'"') or table not in ("quotes", "articles"):
                continue
            row = json.loads(line.split(b": ", 1)[1].rstrip(b",\n"))
            if table == "quotes":
                texts.append(" ".join(row["text"].split()))
                quotes.append(row["id"])
            else:
                articles.append(row["id"])
    return texts, rng.choice(quotes), rng.choice(articles)


def bench_cli(
    size: int, runs: int, seed: int, work: Path, code: str | None = None
) -> dict[str, float]:
    """Import (fresh, one file changed, one added, nothing changed), then search, show and
    export --article, each a whole process, beside `python -c "import explorer"` and
    `fzf --filter`; the commands of the checkout `code` when given (PYTHONPATH)."""
    folder = Path(tempfile.mkdtemp(prefix=f"cli{size}-", dir=work))
    files = corpus_files(size, seed, folder)
    extra = None
    if size > 1:
        from explorer.bench.corpus import Generator

        article_id, text = Generator(seed).article(size)  # the next article of the corpus
        (folder / "more").mkdir()
        extra = folder / "more" / f"{article_id}.yaml"
        extra.write_text(text, encoding="utf-8")
    db = folder / "explorer.json"
    cache = folder / "explorer.json.parse-cache"
    env = dict(
        os.environ,
        **({"PYTHONPATH": code} if code else {}),
        EXPLORER_CACHE_DIR=str(folder / "cache"),
        EXPLORER_DATA_DIR=str(folder / "data"),
        EXPLORER_NOTES_FILE=str(folder / "notes.json"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    explorer = [PYTHON, "-m", "explorer"]

    def timed(
        args: list[str], env: dict[str, str], ok: tuple[int, ...] = (0,)
    ) -> tuple[float, float]:
        return run_process(args, env, ok, cwd=Path(code) if code else REPO)

    importing = [*explorer, "import", *map(str, files), "--db", str(db)]
    fresh, fresh_mb, changed, added, same = [], [], [], [], []
    removed: list[float] = []
    quote_changed: list[float] = []
    import_runs = runs if size < 10_000 else 1
    for run in range(import_runs):
        shutil.rmtree(cache, ignore_errors=True)
        seconds, peak = timed(importing, env)
        fresh.append(seconds)
        fresh_mb.append(peak)
        edited = files[run % len(files)]
        text = edited.read_text(encoding="utf-8")
        # A real edit, as a user makes one: the article's title, so its rows change.
        retitled = re.sub(r'(?m)^(  title: ")', rf"\g<1>Edited in run {run}: ", text, count=1)
        assert retitled != text, f"{edited}: no article title to edit"
        edited.write_text(retitled, encoding="utf-8")
        changed.append(timed(importing, env)[0])
        edited.write_text(text, encoding="utf-8")
        if extra is not None:
            more = [*explorer, "import", *map(str, files), str(extra), "--db", str(db)]
            added.append(timed(more, env)[0])
            removed.append(timed(importing, env)[0])
        else:
            timed(importing, env)
        same.append(timed(importing, env)[0])
        edited = files[(run + 1) % len(files)]
        text = edited.read_text(encoding="utf-8")
        quotes = re.findall(r'(?m)^    text: "(.*)"$', text)
        quoted = next((q for q in quotes if " the " in q), None)
        if quoted is not None:
            # In the quote and the body alike (it stays verbatim there): its words change.
            changed_text = text.replace(quoted, quoted.replace(" the ", " zebra ", 1))
            edited.write_text(changed_text, encoding="utf-8")
            quote_changed.append(timed(importing, env)[0])
            edited.write_text(text, encoding="utf-8")
            timed(importing, env)
    texts, quote_id, article_id = _sample(db, seed)
    quotes_file = folder / "quotes.txt"
    quotes_file.write_text("\n".join(texts) + "\n", encoding="utf-8")
    fzf = shutil.which("fzf")
    commands = {
        "search": [*explorer, "search", "trust", "--db", str(db)],
        "json": [*explorer, "search", "trust", "--json", "--db", str(db)],
        "show": [*explorer, "show", quote_id, "--db", str(db)],
        "unknown": [*explorer, "show", quote_id[1:] + "9", "--db", str(db)],
        "export": [*explorer, "export", "--article", article_id, "--format=json", "--db", str(db)],
        "python": [PYTHON, "-c", "import explorer"],
    }
    if fzf:
        commands["fzf"] = ["sh", "-c", f"{fzf} --filter \"'trust\" < '{quotes_file}'"]
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks: list[float] = []
    for _ in range(runs):
        for name, args in commands.items():  # interleaved: every command sees the same load
            seconds, peak = timed(args, env, ok=(0, 1))
            times[name].append(seconds)
            if name in ("search", "json", "show", "unknown", "export"):
                peaks.append(peak)
    row = {name: statistics.median(values) for name, values in times.items()}
    row.update(
        articles=len(files),
        quotes=len(texts),
        fresh=statistics.median(fresh),
        changed=statistics.median(changed),
        added=statistics.median(added) if added else float("nan"),
        removed=statistics.median(removed) if removed else float("nan"),
        quote_changed=statistics.median(quote_changed) if quote_changed else float("nan"),
        same=statistics.median(same),
        import_mb=max(fresh_mb),
        cli_mb=max(peaks),
        db=db.stat().st_size / 1e6,
        fzf=row.get("fzf", float("nan")),
    )
    row["vs_fzf"] = row["search"] / row["fzf"]
    row["vs_python"] = row["search"] / row["python"]
    return row


CLI_COLUMNS = (
    ("    N", "articles", 0, ""),
    (" quotes", "quotes", 0, ""),
    ("import s", "fresh", 1, ""),
    ("1 changed s", "changed", 2, ""),
    ("1 added s", "added", 2, ""),
    ("1 removed s", "removed", 2, ""),
    ("1 quote changed s", "quote_changed", 2, ""),
    ("same s", "same", 2, ""),
    ("import MB", "import_mb", 0, ""),
    ("search s", "search", 3, ""),
    ("json s", "json", 3, ""),
    ("show s", "show", 3, ""),
    ("unknown s", "unknown", 3, ""),
    ("export s", "export", 3, ""),
    ("CLI MB", "cli_mb", 0, ""),
    ("python s", "python", 3, ""),
    ("fzf s", "fzf", 3, ""),
    ("search/fzf", "vs_fzf", 1, "x"),
    ("search/python", "vs_python", 1, "x"),
)


COLUMNS = (  # (title, key, digits after the point, suffix)
    ("    N", "articles", 0, ""),
    ("import s", "import", 2, ""),
    ("reimport s", "reimport", 2, ""),
    ("DB MB", "db", 1, ""),
    ("peak MB", "peak", 0, ""),
    ("search p95 ms", "p95", 2, ""),
    ("frame s", "frame", 3, ""),
    ("bare s", "bare", 3, ""),
    ("ratio", "ratio", 2, "x"),
)


def ratios(row: dict[str, float], before: dict[str, float]) -> dict[str, float]:
    """Each figure of `row` divided by the baseline's (sizes kept as they are)."""
    kept = ("articles", "quotes")
    return {
        key: value if key in kept else (value / before[key] if before[key] else float("nan"))
        for key, value in row.items()
    }


def format_row(row: dict[str, float], columns: tuple = COLUMNS, ratio: bool = False) -> str:
    """One table row; `ratio`: every figure but the sizes as a ratio (2 digits and "x")."""
    cells = []
    for title, key, digits, suffix in columns:
        if ratio and key not in ("articles", "quotes"):
            digits, suffix = 2, "x"
        cells.append(f"{row[key]:.{digits}f}{suffix}".rjust(len(title)))
    return "  ".join(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="1,1000,10000", help="corpus sizes (default 1,1000,10000)"
    )
    parser.add_argument("--runs", type=int, default=5, help="whole processes per figure")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--code", metavar="DIR", help="run the commands from this checkout (PYTHONPATH)"
    )
    parser.add_argument(
        "--baseline",
        metavar="DIR",
        help="also measure this checkout's commands, in the same run (command line table)",
    )
    parser.add_argument(
        "--part", choices=("cli", "app", "all"), default="all", help="which table(s) to measure"
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        role, *rest = args.child
        if role == "bare":
            child_bare()
        else:
            child_app(rest[0], wait_for_data=role == "memory")
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"explorer corpus benchmark: medians of {args.runs} runs, seed {args.seed}")
    with tempfile.TemporaryDirectory(prefix="explorer-bench-") as work:
        if args.part in ("cli", "all"):
            print("the command line, whole processes (import at 10,000 articles: one run)")
            print("  ".join(title for title, *_ in CLI_COLUMNS), flush=True)
            for size in sizes:
                if args.baseline:
                    before = bench_cli(size, args.runs, args.seed, Path(work), args.baseline)
                    print(format_row(before, CLI_COLUMNS), "  baseline", flush=True)
                row = bench_cli(size, args.runs, args.seed, Path(work), args.code)
                print(format_row(row, CLI_COLUMNS), flush=True)
                if args.baseline:
                    print(
                        format_row(ratios(row, before), CLI_COLUMNS, ratio=True),
                        "  / baseline",
                        flush=True,
                    )
        if args.part in ("app", "all"):
            print("the app")
            print("  ".join(title for title, *_ in COLUMNS), flush=True)
            for size in sizes:
                row = bench(size, args.runs, args.seed, Path(work))
                print(format_row(row), flush=True)


if __name__ == "__main__":
    main()

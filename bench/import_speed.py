"""`explorer import` at scale: wall time, CPU time and peak memory of each kind of import (not
a test).

    python bench/import_speed.py CORPUS_DIR [--work DIR] [--python PY] [--src TREE] [--repeat N]

The article files of CORPUS_DIR (`python -m explorer.bench.corpus N DIR` writes them) are
copied into a work folder (so the corpus itself is never written), then imported under
`/usr/bin/time -v`, in this order:

- fresh: no database, no parse cache, no index;
- nothing changed: the same files again;
- one changed: one article's title edited (a real change of its rows);
- one removed: the last file left out;
- one added: the last file given again (its cache entry went with it, so it is parsed).

Each line gives the wall time, user + system CPU and the peak resident memory of the process
(its worker processes' CPU included, their memory not). `--python` and `--src` run another
interpreter or another checkout (PYTHONPATH), to compare two versions in one run on a machine
whose load varies; `--repeat` runs the whole sequence N times and prints each run's figures
and the medians.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

STEPS = ("fresh", "nothing changed", "one changed", "one removed", "one added")
_FIGURES = {
    "wall": re.compile(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)"),
    "user": re.compile(r"User time \(seconds\): (\S+)"),
    "system": re.compile(r"System time \(seconds\): (\S+)"),
    "rss_kb": re.compile(r"Maximum resident set size \(kbytes\): (\d+)"),
}


def _seconds(clock: str) -> float:
    parts = [float(p) for p in clock.split(":")]
    total = 0.0
    for part in parts:
        total = total * 60 + part
    return total


def _import(python: str, src: str | None, files: list[Path], db: Path) -> dict[str, float]:
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    command = ["/usr/bin/time", "-v", python, "-m", "explorer", "import", *map(str, files)]
    done = subprocess.run(
        [*command, "--db", str(db)], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        sys.exit(f"import failed ({done.returncode}):\n{done.stdout}\n{done.stderr[-4000:]}")
    figures: dict[str, float] = {}
    for name, pattern in _FIGURES.items():
        found = pattern.search(done.stderr)
        if found is None:
            sys.exit(f"no {name} in the output of /usr/bin/time:\n{done.stderr[-2000:]}")
        figures[name] = _seconds(found.group(1)) if name == "wall" else float(found.group(1))
    return {
        "wall": figures["wall"],
        "cpu": figures["user"] + figures["system"],
        "rss_mb": figures["rss_kb"] / 1024,
    }


def _retitle(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(r'(?m)^(  title: ")', r"\1Revised: ", text, count=1)
    if count != 1:
        sys.exit(f"{path}: no article title to edit")
    path.write_text(changed, encoding="utf-8")


def run_once(corpus: Path, work: Path, python: str, src: str | None) -> dict[str, dict[str, float]]:
    if work.exists():
        shutil.rmtree(work)
    folder = work / "articles"
    folder.mkdir(parents=True)
    files = []
    for source in sorted(corpus.glob("*.yaml")):
        shutil.copy2(source, folder / source.name)
        files.append(folder / source.name)
    if len(files) < 3:
        sys.exit(f"{corpus}: needs at least 3 article files")
    db = work / "corpus.json"
    results: dict[str, dict[str, float]] = {}

    def step(name: str, given: list[Path]) -> None:
        results[name] = r = _import(python, src, given, db)
        print(
            f"{name:16} wall {r['wall']:7.1f} s  cpu {r['cpu']:7.1f} s  peak {r['rss_mb']:6.0f} MB",
            flush=True,
        )

    step("fresh", files)
    step("nothing changed", files)
    _retitle(files[len(files) // 2])
    step("one changed", files)
    step("one removed", files[:-1])
    step("one added", files)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="folder of article files")
    parser.add_argument("--work", type=Path, default=Path("/tmp/import-bench"))
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--src", help="checkout to run (put on PYTHONPATH)")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    runs = []
    for number in range(1, args.repeat + 1):
        print(f"run {number}", flush=True)
        runs.append(run_once(args.corpus, args.work, args.python, args.src))
    if args.repeat > 1:
        for step in STEPS:
            med = {k: statistics.median(run[step][k] for run in runs) for k in runs[0][step]}
            print(
                f"median {step:16} wall {med['wall']:7.1f} s  cpu {med['cpu']:7.1f} s  "
                f"peak {med['rss_mb']:6.0f} MB"
            )
    shutil.rmtree(args.work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""How fast `explorer draft` is on a 1,000-word article.

    python bench/draft_speed.py [--runs 5]

The article is real text: the paragraphs of the tuning gold stories (bench/gold/tune), in
order, up to 1,000 words. It prints the median time to draft it after the libraries are
imported and warmed (goal: at most 1 s), and the median wall time of the whole command,
`explorer draft FILE --published DATE --out FILE`, in a fresh process (goal: at most 3 s).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from explorer.data import load_files  # noqa: E402
from explorer.draft import draft, render  # noqa: E402
from explorer.draft.source import paragraphs_of  # noqa: E402

WORDS = 1000


def article() -> tuple[list[str], date]:
    paragraphs: list[str] = []
    count = 0
    published = date(2025, 1, 14)
    for path in sorted((REPO / "bench" / "gold" / "tune").glob("*.yaml")):
        [parsed] = load_files([path]).articles
        for paragraph in paragraphs_of(parsed.body)[0]:
            if count >= WORDS:
                return paragraphs, published
            paragraphs.append(paragraph)
            count += len(paragraph.split())
    return paragraphs, published


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    paragraphs, published = article()
    words = sum(len(p.split()) for p in paragraphs)
    draft(paragraphs[:2], published)  # warm the splitter and the date parser
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        result = draft(paragraphs, published)
        render(result)
        times.append(time.perf_counter() - started)
    print(
        f"draft of a {words}-word article after imports: median {statistics.median(times):.3f} s "
        f"(max {max(times):.3f} s; {len(result.actors)} actors, {len(result.meetings)} meetings, "
        f"{len(result.quotes)} quotes)"
    )
    with tempfile.TemporaryDirectory() as folder:
        story = Path(folder) / "story.txt"
        story.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        out = Path(folder) / "draft.yaml"
        walls = []
        for _ in range(args.runs):
            started = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "explorer",
                    "draft",
                    str(story),
                    "--published",
                    published.isoformat(),
                    "--out",
                    str(out),
                    "--force",  # the same file each run
                ],
                check=True,
                capture_output=True,
            )
            walls.append(time.perf_counter() - started)
    print(
        f"whole command (fresh process, default corpus): median {statistics.median(walls):.3f} s "
        f"(max {max(walls):.3f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

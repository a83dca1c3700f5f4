"""How close `explorer draft` comes to hand-curated gold files.

    python bench/draft_quality.py                      # bench/gold/tune and bench/gold/heldout
    python bench/draft_quality.py bench/gold/tune --details

Each gold file (format v1) is drafted from its `body` and `published` date alone (no title,
no corpus) and the draft is scored against the file. Matching rules:

- Sentences: both the gold file's and the draft's evidence excerpts are located in the gold
  body (quotes and white space folded, as `explorer check` does) and read as the set of
  sentences of the body (the drafter's splitter) that they touch.
- Actors: a draft actor and a gold actor match when their normalised names and aliases
  (case, quote marks, possessives, "the"/"a" ignored) share at least one; pairs are taken
  one-to-one, best first (most shared names, a shared `name` first).
- Quotes: a draft quote and a gold quote match when their evidence sentences overlap (a
  direct quote's own sentence is its evidence) and their texts are alike (difflib ratio of the
  normalised texts >= 0.5, or one contains the other); one-to-one, most alike first (of
  equally alike pairs, those whose speakers agree: "Both sides said" is two quotes). Over
  matched quotes: speaker accuracy (the draft speaker's matched gold actor is the gold
  speaker) and kind accuracy (direct / reported / paraphrase equal).
- Meetings: a draft meeting and a gold meeting match when their evidence sentences overlap and
  they share a participant (through the actor matching) or either has none matched; one-to-one,
  most shared sentences and participants first. Over matched meetings: date accuracy (`when`
  equal as written; both absent counts as right) and status accuracy.
- Precision = matched / drafted, recall = matched / gold, F1 their harmonic mean, per file and
  micro-averaged over a folder (sums of matched, drafted and gold items).
"""

from __future__ import annotations

import argparse
import difflib
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from explorer.data import load_files  # noqa: E402
from explorer.data.text import FoldedText, fold_quotes  # noqa: E402
from explorer.draft import draft  # noqa: E402
from explorer.draft.actors import normalise  # noqa: E402
from explorer.draft.sentences import split  # noqa: E402
from explorer.draft.source import paragraphs_of  # noqa: E402

DEFAULT_FOLDERS = (REPO / "bench" / "gold" / "tune", REPO / "bench" / "gold" / "heldout")


@dataclass
class Counts:
    matched: int = 0
    drafted: int = 0
    gold: int = 0
    right: dict[str, int] = field(default_factory=dict)

    def add(self, other: Counts) -> None:
        self.matched += other.matched
        self.drafted += other.drafted
        self.gold += other.gold
        for key, value in other.right.items():
            self.right[key] = self.right.get(key, 0) + value

    def prf(self) -> tuple[float, float, float]:
        p = self.matched / self.drafted if self.drafted else (1.0 if not self.gold else 0.0)
        r = self.matched / self.gold if self.gold else (1.0 if not self.drafted else 0.0)
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def accuracy(self, key: str) -> float | None:
        return self.right.get(key, 0) / self.matched if self.matched else None


class Locator:
    """Maps excerpts to the sentences of the gold body they touch."""

    def __init__(self, body: str) -> None:
        self.finder = FoldedText(body)
        self.sentences, _ = split(body)

    def sentences_of(self, excerpts: tuple[str, ...] | list[str]) -> set[int]:
        found: set[int] = set()
        for excerpt in excerpts:
            span = self.finder.find(excerpt)
            if span is None:
                continue
            start, end = span
            for sentence in self.sentences:
                if sentence.start < end and sentence.end > start:
                    found.add(sentence.index)
        return found


def _names(names: list[str] | tuple[str, ...]) -> set[str]:
    return {normalise(n) for n in names if normalise(n)}


def _norm_text(text: str) -> str:
    return " ".join(fold_quotes(text).lower().replace('"', "").split()).strip(" .,")


def score_file(path: Path, details: bool) -> tuple[dict[str, Counts], float, list[str]]:
    loaded = load_files([path])
    [article] = loaded.articles
    gold_actors = loaded.actors
    paragraphs, _ = paragraphs_of(article.body)
    started = time.perf_counter()
    result = draft(paragraphs, article.published)
    elapsed = time.perf_counter() - started
    locator = Locator(article.body)
    notes: list[str] = []

    # Actors.
    pairs = []
    for d in result.actors:
        d_names = _names(d.names)
        for g in gold_actors:
            shared = d_names & _names((g.name, *g.aliases))
            if shared:
                name_hit = normalise(d.name) == normalise(g.name)
                pairs.append((name_hit, len(shared), d, g))
    pairs.sort(key=lambda p: (p[0], p[1]), reverse=True)
    actor_map: dict[int, str] = {}
    used_gold: set[str] = set()
    for _, _, d, g in pairs:
        if id(d) in actor_map or g.id in used_gold:
            continue
        actor_map[id(d)] = g.id
        used_gold.add(g.id)
    actors = Counts(len(actor_map), len(result.actors), len(gold_actors))
    if details:
        for d in result.actors:
            if id(d) not in actor_map:
                notes.append(f"  actor extra: {d.name} ({d.kind})")
        for g in gold_actors:
            if g.id not in used_gold:
                notes.append(f"  actor missed: {g.name} ({g.kind})")

    # Quotes.
    gold_quotes = [q for q in loaded.quotes if q.article == article.id]
    quote_pairs = []
    for d in result.quotes:
        d_sent = locator.sentences_of([s.text for s in d.evidence])
        for g in gold_quotes:
            g_sent = locator.sentences_of(g.evidence or (g.text,))
            if not d_sent & g_sent:
                continue
            a, b = _norm_text(d.text), _norm_text(g.text)
            ratio = difflib.SequenceMatcher(None, a, b).ratio()
            if ratio >= 0.5 or (a and b and (a in b or b in a)):
                agrees = actor_map.get(id(d.speaker)) == g.speaker
                quote_pairs.append((ratio, agrees, d, g))
    quote_pairs.sort(key=lambda p: (p[0], p[1]), reverse=True)
    matched_quotes: list[tuple[object, object]] = []
    seen_d: set[int] = set()
    seen_g: set[str] = set()
    for _, _, d, g in quote_pairs:
        if id(d) in seen_d or g.id in seen_g:
            continue
        seen_d.add(id(d))
        seen_g.add(g.id)
        matched_quotes.append((d, g))
    quotes = Counts(len(matched_quotes), len(result.quotes), len(gold_quotes))
    quotes.right["speaker"] = sum(
        1 for d, g in matched_quotes if actor_map.get(id(d.speaker)) == g.speaker
    )
    quotes.right["kind"] = sum(1 for d, g in matched_quotes if d.kind == g.kind)
    if details:
        for d, g in matched_quotes:
            if actor_map.get(id(d.speaker)) != g.speaker:
                notes.append(f"  quote speaker: {d.speaker.name} for {g.speaker}: {g.text[:60]}")
            if d.kind != g.kind:
                notes.append(f"  quote kind: {d.kind} for {g.kind}: {g.text[:60]}")
        for d in result.quotes:
            if id(d) not in seen_d:
                notes.append(f"  quote extra ({d.kind}, {d.speaker.name}): {d.text[:70]}")
        for g in gold_quotes:
            if g.id not in seen_g:
                notes.append(f"  quote missed ({g.kind}, {g.speaker}): {g.text[:70]}")

    # Meetings.
    gold_meetings = [m for m in loaded.meetings if m.article == article.id]
    meeting_pairs = []
    for d in result.meetings:
        d_sent = locator.sentences_of([s.text for s in d.evidence])
        d_people = {actor_map.get(id(a)) for a in d.participants} - {None}
        for g in gold_meetings:
            shared = d_sent & locator.sentences_of(g.evidence)
            if not shared:
                continue
            people = d_people & set(g.participants)
            if people or not d_people:
                meeting_pairs.append((len(shared) + len(people), d, g))
    meeting_pairs.sort(key=lambda p: p[0], reverse=True)
    matched_meetings: list[tuple[object, object]] = []
    seen_d = set()
    seen_g = set()
    for _, d, g in meeting_pairs:
        if id(d) in seen_d or g.id in seen_g:
            continue
        seen_d.add(id(d))
        seen_g.add(g.id)
        matched_meetings.append((d, g))
    meetings = Counts(len(matched_meetings), len(result.meetings), len(gold_meetings))
    meetings.right["date"] = sum(
        1 for d, g in matched_meetings if (d.when or None) == (g.when.iso() if g.when else None)
    )
    meetings.right["status"] = sum(1 for d, g in matched_meetings if d.status == g.status)
    if details:
        for d, g in matched_meetings:
            gw = g.when.iso() if g.when else None
            if d.when != gw or d.status != g.status:
                notes.append(f"  meeting {g.id}: when {d.when} for {gw}, {d.status} for {g.status}")
        for d in result.meetings:
            if id(d) not in seen_d:
                notes.append(f"  meeting extra: {d.title} [{d.evidence[0].text[:50]}]")
        for g in gold_meetings:
            if g.id not in seen_g:
                notes.append(f"  meeting missed: {g.id} [{g.evidence[0][:50]}]")
    return {"actors": actors, "quotes": quotes, "meetings": meetings}, elapsed, notes


def _pct(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.2f}"


def _row(name: str, counts: dict[str, Counts]) -> str:
    a, q, m = counts["actors"], counts["quotes"], counts["meetings"]
    cells = [f"{name[:38]:38}"]
    for c in (a, q, m):
        cells.append(" ".join(_pct(x) for x in c.prf()))
        if c is q:
            cells.append(f"{_pct(q.accuracy('speaker'))} {_pct(q.accuracy('kind'))}")
        if c is m:
            cells.append(f"{_pct(m.accuracy('date'))} {_pct(m.accuracy('status'))}")
    return " | ".join(cells)


HEADER = (
    f"{'file':38} | actors P    R    F  | quotes P    R    F  | spkr kind | "
    "meetings P  R    F  | date stat"
)


def report(folder: Path, details: bool) -> dict[str, Counts] | None:
    files = sorted(folder.glob("*.yaml"))
    if not files:
        print(f"{folder}: no gold files")
        return None
    total = {"actors": Counts(), "quotes": Counts(), "meetings": Counts()}
    print(f"\n{folder.relative_to(REPO) if folder.is_relative_to(REPO) else folder}")
    print(HEADER)
    print("-" * len(HEADER))
    times = []
    for path in files:
        counts, elapsed, notes = score_file(path, details)
        times.append(elapsed)
        for key in total:
            total[key].add(counts[key])
        print(_row(path.stem, counts))
        for note in notes:
            print(note)
    print("-" * len(HEADER))
    print(_row(f"micro-average ({len(files)} files)", total))
    a, q, m = total["actors"], total["quotes"], total["meetings"]
    print(
        f"counts: actors {a.matched}/{a.drafted} drafted/{a.gold} gold, "
        f"quotes {q.matched}/{q.drafted}/{q.gold}, meetings {m.matched}/{m.drafted}/{m.gold}; "
        f"drafting {max(times) * 1000:.0f} ms at most a file"
    )
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, help="folders of gold files")
    parser.add_argument(
        "--details", action="store_true", help="list every miss and extra (tuning sets only)"
    )
    args = parser.parse_args()
    folders = args.folders or list(DEFAULT_FOLDERS)
    for folder in folders:
        report(folder.resolve(), args.details)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

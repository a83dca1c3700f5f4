"""Drafted files for review tests: the seed with `# draft:` guesses written as the drafter
writes them (on the lines right above an item's `- id:` line, at its indentation)."""

from __future__ import annotations

from pathlib import Path

SEED_FILE = Path(__file__).resolve().parents[1] / "data" / "pla-etc-delegation-japan-2025.yaml"

GUESSES: dict[tuple[str, str], list[str]] = {
    ("article", ""): ["publication date read from the page"],
    ("actor", "nikkei"): ["kind inferred from 'business daily'"],
    ("actor", "japanese-counterparts"): ["a group named by one phrase"],
    ("meeting", "wang-yi-japan-visit-2025"): [
        "'next month' read against the publication date",
        "status from 'is expected to'",
    ],
    ("quote", "hayashi-rare-visit"): ["speaker resolved from 'a Japanese government spokesperson'"],
    ("quote", "etc-statement-mutual-trust"): ["speaker carried over from the previous paragraph"],
}


def drafted_text(guesses: dict[tuple[str, str], list[str]] | None = None) -> str:
    """The seed file with guess comments above the items named in `guesses`."""
    guesses = GUESSES if guesses is None else guesses
    out: list[str] = []
    for line in SEED_FILE.read_text(encoding="utf-8").splitlines(keepends=True):
        stripped = line.strip()
        if line.startswith("article:"):
            out += [f"# draft: {g}\n" for g in guesses.get(("article", ""), [])]
        elif stripped.startswith("- id: "):
            ident = stripped.removeprefix("- id: ")
            for (kind, name), texts in guesses.items():
                if name == ident and kind != "article":
                    indent = line[: len(line) - len(line.lstrip())]
                    out += [f"{indent}# draft: {g}\n" for g in texts]
        out.append(line)
    return "".join(out)


def write_draft(path: Path, guesses: dict[tuple[str, str], list[str]] | None = None) -> Path:
    path.write_text(drafted_text(guesses), encoding="utf-8")
    return path

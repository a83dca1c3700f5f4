"""Small article files for tests: a valid one, and helpers to break it one rule at a time."""

from __future__ import annotations

from pathlib import Path

VALID = """\
article:
  id: test-article
  title: Ministers meet
  published: 2025-01-14
  body: |
    Alice Smith met Bob Jones in Paris on Monday.

    "We agreed on everything," said Alice Smith.

    Bob Jones said the talks were useful.
actors:
  - id: alice-smith
    name: Alice Smith
    kind: person
    member_of: [ministry]
  - id: bob-jones
    name: Bob Jones
    kind: person
  - id: ministry
    name: The Ministry
    kind: organisation
    evidence: [Alice Smith met Bob Jones]
meetings:
  - id: paris-talks
    title: Talks in Paris
    when: 2025-01-13
    where: Paris
    status: happened
    participants: [alice-smith, bob-jones]
    evidence: [Alice Smith met Bob Jones in Paris on Monday.]
quotes:
  - id: alice-agreed
    text: We agreed on everything,
    speaker: alice-smith
    kind: direct
    meeting: paris-talks
  - id: bob-useful
    text: The talks were useful.
    speaker: bob-jones
    kind: reported
    evidence: [Bob Jones said the talks were useful.]
"""


def write(folder: Path, text: str, name: str = "article.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def mutate(old: str, new: str, base: str = VALID) -> str:
    """VALID with one exact substring replaced; fails loudly if the anchor text moved."""
    assert old in base, f"test anchor {old!r} not found"
    return base.replace(old, new, 1)

"""Helpers for the draft tests: draft a text, and read the draft back as explorer reads it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from explorer.data import load_files
from explorer.data.models import Loaded
from explorer.draft import Known, draft, render
from explorer.draft.model import Draft

FIXTURES = Path(__file__).resolve().parent / "draft_fixtures"
SEED_STORY = FIXTURES / "seed-story.txt"


def draft_text(text: str, published: date, known: Known | None = None) -> Draft:
    paragraphs = [p.strip() for p in text.strip().split("\n") if p.strip()]
    return draft(paragraphs, published, title="Test story", known=known)


def written(result: Draft, tmp_path: Path, name: str = "draft.yaml") -> tuple[str, Loaded]:
    """The YAML text of a draft, and what `explorer check` makes of it (raises if invalid)."""
    text = render(result)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return text, load_files([path])


def actor_named(result: Draft, name: str):  # type: ignore[no-untyped-def]
    for actor in result.actors:
        if actor.name == name or name in actor.aliases:
            return actor
    names = [a.name for a in result.actors]
    raise AssertionError(f"no actor named {name!r}; actors are {names}")


def quotes_of(result: Draft, kind: str) -> list[tuple[str, str]]:
    return [(q.text, q.speaker.name) for q in result.quotes if q.kind == kind]

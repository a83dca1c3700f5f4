"""Fixtures shared by every test: the seed data, and a private cache so tests never touch ~."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.data import Corpus, corpus_from_files, seed_files

REPO = Path(__file__).resolve().parents[1]
SEED_FILE = REPO / "data" / "pla-etc-delegation-japan-2025.yaml"


@pytest.fixture(autouse=True)
def private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point the default database at a fresh folder so no test reads or writes the user's."""
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(cache))
    return cache


@pytest.fixture(autouse=True)
def private_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the user's corpus at a fresh folder so no test opens or replaces the user's."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("EXPLORER_DATA_DIR", str(data))
    return data


@pytest.fixture(autouse=True)
def private_notes(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point the default notes file at a fresh folder so no test writes the user's notes."""
    notes = tmp_path_factory.mktemp("notes") / "notes.json"
    monkeypatch.setenv("EXPLORER_NOTES_FILE", str(notes))
    return notes


@pytest.fixture(autouse=True)
def private_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point the config folder at a fresh, empty one: the defaults, never the user's keys."""
    config = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("EXPLORER_CONFIG_DIR", str(config))
    return config


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return seed_files()


@pytest.fixture(scope="session")
def seed_corpus(seed_paths: list[Path]) -> Corpus:
    """The seed article, loaded through an in-memory TinyDB (the twin of the database file)."""
    return corpus_from_files(seed_paths)

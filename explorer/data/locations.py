"""Where explorer keeps the user's own corpus and the seed's cache, without loading the data layer.

`explorer --help` names these folders, and launching the app must not wait for the store or
the importer, so this module imports nothing of explorer's and only `platformdirs`.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir

DATA_DIR_ENV = "EXPLORER_DATA_DIR"
CACHE_DIR_ENV = "EXPLORER_CACHE_DIR"
USER_CORPUS_NAME = "corpus.json"
SEED_CACHE_NAME = "seed.json"


def data_dir() -> Path:
    """``$EXPLORER_DATA_DIR``, else the platform's user data folder (~/.local/share/explorer)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(user_data_dir("explorer", appauthor=False))


def user_corpus_path() -> Path:
    """The user's own corpus: what `explorer import` writes, and every command opens once it
    exists (the embedded seed is the default until then)."""
    return data_dir() / USER_CORPUS_NAME


def seed_cache_path() -> Path:
    """The seed article's database, rebuilt from the embedded YAML whenever it is stale."""
    override = os.environ.get(CACHE_DIR_ENV)
    base = (
        Path(override).expanduser()
        if override
        else Path(user_cache_dir("explorer", appauthor=False))
    )
    return base / SEED_CACHE_NAME


def has_user_corpus() -> bool:
    """True once the user has imported a corpus of their own (a file, or anything in its place:
    a folder there is reported as an error rather than silently passed over for the seed)."""
    return os.path.lexists(user_corpus_path())

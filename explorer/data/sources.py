"""Where the embedded seed data lives, and keeping a database in step with its YAML sources."""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import TypeVar

from explorer.data.corpus import Corpus
from explorer.data.errors import StoreError
from explorer.data.locations import has_user_corpus, seed_cache_path, user_corpus_path
from explorer.data.models import Loaded
from explorer.data.schema import FORMAT_VERSION
from explorer.data.store import (
    load_database,
    load_database_file,
    memory_database,
    open_database,
    read_meta,
    read_meta_line,
)

T = TypeVar("T")


def seed_files() -> list[Path]:
    """The article files that `explorer` opens with no arguments, wherever it is installed.

    `explorer/seed` is a link to the repository's `data/` folder in a checkout, and a copy of
    it in an installed package.
    """
    packaged = resources.files("explorer") / "seed"
    return sorted(Path(str(p)) for p in packaged.iterdir() if p.name.endswith(".yaml"))


def default_database_path() -> Path:
    """The seed's cached database (rebuilt from the embedded YAML when stale; never imported
    into: `explorer import` writes the user's corpus, `user_corpus_path()`)."""
    return seed_cache_path()


def default_import_path() -> Path:
    """Where `explorer import` writes without --db: the user's own corpus."""
    return user_corpus_path()


def default_corpus_path() -> Path | None:
    """The database every command opens without --db: the user's corpus once it exists,
    else None for the embedded seed."""
    return user_corpus_path() if has_user_corpus() else None


def fingerprint(paths: Iterable[Path]) -> dict[str, str]:
    """Content hashes of the sources, recorded in the database to tell when it is stale."""
    return {str(p.resolve()): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def import_files(paths: Sequence[str | Path], db_path: str | Path) -> Loaded:
    """Validate every file, then replace the database at `db_path` (and its index) in one
    atomic write: `explorer import`'s own path (`incremental.import_corpus`), without the
    parse cache. Returns the corpus as written."""
    from explorer.data.incremental import import_corpus

    import_corpus(paths, db_path, use_cache=False)
    return load_database_file(db_path)


def changed_sources(db_path: str | os.PathLike[str]) -> tuple[list[str], int]:
    """(the article files a database was imported from that changed or are gone since, how
    many files it was imported from), from its meta row. Only a file modified after the
    database was written is read again (and hashed): a check of 10,000 files costs their
    `stat`, not their bytes."""
    meta = read_meta_line(db_path)
    recorded = meta.get("sources") if meta else None
    if not isinstance(recorded, dict):
        return [], 0
    try:
        written = os.stat(db_path).st_mtime_ns
    except OSError:
        return [], 0
    changed: list[str] = []
    for name, digest in recorded.items():
        try:
            if os.stat(name).st_mtime_ns <= written:
                continue
            with open(name, "rb") as handle:
                if hashlib.file_digest(handle, "sha256").hexdigest() == digest:
                    continue
        except OSError:
            pass  # gone, or no longer readable: changed as far as the database knows
        changed.append(str(name))
    return changed, len(recorded)


def stale_note(db_path: str | os.PathLike[str]) -> str | None:
    """One line telling that the database no longer matches its article files (or None)."""
    changed, total = changed_sources(db_path)
    if not changed:
        return None
    shown = ", ".join(changed[:2]) + (", …" if len(changed) > 2 else "")
    return (
        f"note: {db_path} is out of date: {len(changed):,} of the {total:,} article files "
        f"imported into it changed since ({shown}); run `explorer import` on them again to "
        "see the changes"
    )


def is_stale(db_path: Path, sources: Sequence[Path]) -> bool:
    """True when the database is missing, older than a source, or built from other files."""
    if not db_path.exists():
        return True
    db_time = db_path.stat().st_mtime
    if any(p.stat().st_mtime > db_time for p in sources):
        return True
    try:
        meta = read_meta(open_database(db_path))
    except StoreError:
        return True
    if meta.get("format") != FORMAT_VERSION:  # written by an earlier explorer
        return True
    return bool(meta.get("sources", {}) != fingerprint(sources))


def open_default_corpus() -> Corpus:
    """The user's corpus once `explorer import` has written it; until then the seed corpus,
    rebuilding its cached database first if the YAML has changed.

    Where the cache cannot be written (a read-only home, say), the corpus is built in memory
    from the YAML instead: the user still gets the app, and nothing half-written is left.
    """
    user_corpus = default_corpus_path()
    if user_corpus is not None:
        return open_corpus(user_corpus)
    sources = seed_files()
    db_path = default_database_path()
    if is_stale(db_path, sources):
        try:
            db_path.parent.mkdir(parents=True, exist_ok=True)
            loaded = import_files(sources, db_path)
        except (OSError, StoreError):
            from explorer.data.importer import load_files

            return Corpus(load_files(sources))
        return Corpus(loaded)
    return open_corpus(db_path)


def open_indexed_corpus(db_path: str | Path | None) -> Corpus:
    """The corpus a command reads, answered from the persisted index beside its database
    (`explorer.data.index`; rebuilt when missing or stale): --db's database when given, else
    the user's corpus, else the seed's cache (rebuilt from the YAML, with its index, when
    stale). Raises StoreError as `open_corpus` does."""
    from explorer.data.index import open_indexed

    if db_path is not None:
        return open_indexed(db_path)
    user_corpus = default_corpus_path()
    if user_corpus is not None:
        return open_indexed(user_corpus)
    sources = seed_files()
    db = default_database_path()
    if is_stale(db, sources):
        try:
            db.parent.mkdir(parents=True, exist_ok=True)
            import_files(sources, db)
        except (OSError, StoreError):
            from explorer.data.importer import load_files

            return Corpus(load_files(sources))
    return open_indexed(db)


def answer_from_index(db_path: str | Path | None, work: Callable[[Corpus], T]) -> T:
    """`work(corpus)` on the indexed corpus; when the index turns out damaged midway, it is
    rebuilt and `work` runs again (so it must print nothing until it returns); a second
    failure reads the database into memory instead. A damaged index never gives an answer."""
    from explorer.data.index import IndexedCorpus, IndexUnusable, rebuild_index
    from explorer.data.store import load_database_file

    corpus = open_indexed_corpus(db_path)
    if not isinstance(corpus, IndexedCorpus):
        return work(corpus)
    try:
        return work(corpus)
    except IndexUnusable:
        corpus.close()
    db = corpus.database
    with contextlib.suppress(OSError):
        rebuild_index(db)
    retry = open_indexed_corpus(db)
    try:
        return work(retry)
    except IndexUnusable:
        return work(Corpus(load_database_file(db)))


def open_corpus(db_path: str | Path) -> Corpus:
    """Load a database file and build its indexes."""
    return Corpus(load_database_file(db_path))


def corpus_from_files(paths: Sequence[str | Path]) -> Corpus:
    """A corpus straight from YAML, through an in-memory store, for tests and tools."""
    from explorer.data.importer import load_files

    loaded = load_files(paths)
    return Corpus(load_database(memory_database(loaded), "memory"))

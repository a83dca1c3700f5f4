"""Import a corpus quickly: parse only the files that changed, in parallel, and keep the rest.

`explorer import` over a thousand articles must not re-read a thousand YAML files to add one.
Each file's validated result is kept in a parse cache next to the database, keyed by the
SHA-256 of its bytes (and its path, which the database records). The result is kept in the
form the database needs it: the JSON rows of the file's article, meetings and quotes, its
actors' span rows, and the little that merging needs (its actors' fields, ids, references).
Writing the database is then assembling those rows, not re-serialising models.

Whatever the cache holds, the database is the same as `explorer.data.sources.import_files`
would write for the same files, and it is still written in one atomic step. When anything is
wrong, the problems reported are exactly those of `load_files`: the files involved are parsed
again in full, so every message keeps its file, line and column.

The cache is a folder beside the database, `<database>.parse-cache/`, with one entry file for
each article file: a line giving the sizes of a JSON header and of the rows, the header (the
key and the metadata merging needs), then the rows, one JSON document a line. An entry's name
hashes the key with the importer's code, so a changed validation rule is a cache miss; adding
one article to a thousand writes one entry.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, overload

from explorer.data import dates, importer, models, records, safe_yaml, schema, text
from explorer.data.errors import DataError, Problem
from explorer.data.importer import (
    MergedActor,
    ParsedFile,
    Unit,
    UnitActor,
    merge_files,
    merge_units,
    parse_units,
)
from explorer.data.index import write_database_and_index
from explorer.data.records import article_record, item_record, span_row
from explorer.data.schema import FORMAT_VERSION
from explorer.data.store import database_chunks, encode_database, holds_exactly

CACHE_FORMAT = 2
# Below this many files to parse, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 48


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, allow_nan=False).encode("utf-8")


def cache_path_for(db_path: str | os.PathLike[str]) -> Path:
    """The parse cache folder that belongs to a database: beside it, named after it."""
    db = Path(db_path)
    return db.with_name(db.name + ".parse-cache")


@functools.cache
def _code_version() -> str:
    """A hash of the code that parses and validates: a changed rule invalidates the cache."""
    digest = hashlib.sha256(f"{CACHE_FORMAT}:{FORMAT_VERSION}".encode())
    for module in (importer, text, schema, safe_yaml, dates, records, models):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()


@dataclass
class Entry:
    """One valid file, as the database needs it.

    `meta`: {"article": id, "published": date, "actors": [[id, name, kind, role, member_of,
    aliases, evidence, note], …], "meetings": [ids], "meeting_facts": [[title, where], …],
    "quotes": [ids], "refs": {"actor": [ids], "meeting": [ids]}}.
    `rows`: JSON lines — the article row, then each meeting row, each quote row, and for each
    actor its span rows without the enclosing brackets (an empty line when it has none).
    """

    meta: dict[str, Any]
    rows: bytes


def entry_of(parsed: ParsedFile) -> Entry:
    """The cacheable form of a parsed, problem-free file."""
    lines = [_dumps(article_record(parsed.article))]
    lines += [_dumps(item_record(m)) for m in parsed.meetings]
    lines += [_dumps(item_record(q)) for q in parsed.quotes]
    lines += [_dumps([span_row(s) for s in a.spans])[1:-1] for a in parsed.actors]
    refs: dict[str, dict[str, None]] = {"actor": {}, "meeting": {}}
    for kind, target, *_ in parsed.references:
        refs[kind][target] = None
    meta = {
        "article": parsed.article.id,
        "published": parsed.article.published.isoformat(),
        "actors": [
            [
                a.id,
                a.name,
                a.kind,
                a.role,
                list(a.member_of),
                list(a.aliases),
                list(a.evidence),
                a.note,
            ]
            for a in parsed.actors
        ],
        "meetings": [m.id for m in parsed.meetings],
        "meeting_facts": [[m.title, m.where] for m in parsed.meetings],
        "quotes": [q.id for q in parsed.quotes],
        "refs": {kind: list(targets) for kind, targets in refs.items()},
    }
    return Entry(meta, b"\n".join(lines))


@dataclass
class _Outcome:
    """What parsing one file gave: an entry per article when all are valid, else only ids."""

    index: int
    sha: str | None
    entries: list[Entry] | None = None
    # For a file with problems: what merging would still see of each of its articles.
    metas: list[dict[str, Any]] | None = None


def _read(path: str) -> tuple[bytes | None, str | None]:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None, None
    return data, hashlib.sha256(data).hexdigest()


def _partial_meta(parsed: ParsedFile) -> dict[str, Any]:
    """Ids and references of a file with problems, as merging sees them."""
    refs: dict[str, dict[str, None]] = {"actor": {}, "meeting": {}}
    for kind, target, *_ in parsed.references:
        refs[kind][target] = None
    return {
        "article": parsed.article.id if parsed.article else None,
        "actors": [[a.id, a.name, a.kind] for a in parsed.actors],
        "meetings": [m.id for m in parsed.meetings],
        "quotes": [q.id for q in parsed.quotes],
        "declared": {k: sorted(v) for k, v in parsed.declared.items()},
        "refs": {kind: list(targets) for kind, targets in refs.items()},
        "problems": True,
    }


def _parse_one(job: tuple[int, str, str | None]) -> _Outcome:
    """Parse one file (in a worker process, or not): its entry, or what merging needs of it."""
    index, path, sha = job
    before = _stat(path)
    try:
        units = parse_units(path)
    except DataError:
        return _Outcome(index, None, metas=[{"unreadable": True, "problems": True}])
    if any(u.problems or u.article is None for u in units):
        return _Outcome(index, None, metas=[_partial_meta(u) for u in units])
    # A file that changed while it was read is parsed but not remembered under the old hash.
    fresh = sha if _stat(path) == before else None
    return _Outcome(index, fresh, entries=[entry_of(u) for u in units])


def _stat(path: str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_size, status.st_mtime_ns)


# -- the cache folder ----------------------------------------------------------------------


def _entry_name(key: str) -> str:
    """An entry's file name: the code version is part of it, so a changed rule misses."""
    return hashlib.sha256(f"{_code_version()}\0{key}".encode()).hexdigest()[:40] + ".entry"


def read_entry(path: Path, key: str) -> list[Entry] | None:
    """One file's cached articles, or None when absent, torn, or for another key."""
    try:
        data = path.read_bytes()
        line_end = data.index(b"\n")
        header_size, rows_size = (int(n) for n in data[:line_end].split())
        start = line_end + 1
        if len(data) != start + header_size + rows_size:
            return None
        header = json.loads(data[start : start + header_size])
        if header["key"] != key or len(header["metas"]) != len(header["sizes"]):
            return None
        entries = []
        offset = start + header_size
        for meta, size in zip(header["metas"], header["sizes"], strict=True):
            entries.append(Entry(meta, data[offset : offset + size]))
            offset += size
        return entries
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_entry(path: Path, key: str, entries: Sequence[Entry]) -> None:
    """Write one file's entry through a temporary file; a torn entry is detected and ignored
    on read, so no fsync: the cache only ever saves time."""
    header = _dumps(
        {
            "format": CACHE_FORMAT,
            "key": key,
            "metas": [e.meta for e in entries],
            "sizes": [len(e.rows) for e in entries],
        }
    )
    rows = b"".join(e.rows for e in entries)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(b"%d %d\n" % (len(header), len(rows)) + header + rows)
    os.replace(temporary, path)


def prune_cache(folder: Path, keep: set[str]) -> None:
    """Remove the entries of files that are no longer part of the corpus (or of old code)."""
    for name in os.listdir(folder):
        if name not in keep:
            with contextlib.suppress(OSError):
                os.unlink(folder / name)


# -- merging and writing -------------------------------------------------------------------


@dataclass
class ImportSummary:
    """What an import did: sizes of the corpus, and how many files it parsed or reused."""

    articles: int
    actors: int
    meetings: int
    quotes: int
    parsed: int
    reused: int
    database: Path
    cache: Path | None = None


@dataclass
class _Merged:
    """The corpus as database rows, assembled from the cached entries by `merge_units`."""

    articles: Sequence[Any] = field(default_factory=list)
    meetings: Sequence[Any] = field(default_factory=list)
    quotes: Sequence[Any] = field(default_factory=list)
    actors: list[Any] = field(default_factory=list)
    flagged: set[int] = field(default_factory=set)


def _unit(meta: dict[str, Any], rows: bytes, starts: array[int]) -> Unit:
    """What merging needs of one cached (or partly parsed) article; an actor's spans are its
    span rows, encoded (views of the entry's `rows`, whose lines start at `starts`)."""
    if meta.get("unreadable"):
        return Unit(None, [], [], [], [], {})
    meetings, quotes = meta["meetings"], meta["quotes"]
    first = 1 + len(meetings) + len(quotes)
    view = memoryview(rows)
    span_rows = [view[starts[n] : starts[n + 1] - 1] for n in range(first, len(starts) - 1)]
    actors = []
    for position, actor in enumerate(meta["actors"]):
        role, member_of, aliases, evidence, note = (
            actor[3:8] if len(actor) >= 8 else (None, (), (), (), None)
        )
        spans = span_rows[position] if span_rows else b""
        actors.append(
            UnitActor(actor[0], actor[1], actor[2], role, member_of, aliases, evidence, note, spans)
        )
    refs = meta.get("refs") or {}
    declared = meta.get("declared") or {
        "actor": [a[0] for a in meta["actors"]],
        "meeting": meetings,
    }
    return Unit(
        meta["article"],
        actors,
        meetings,
        quotes,
        [(kind, target) for kind in ("actor", "meeting") for target in refs.get(kind, ())],
        declared,
        dates.parse_day(meta["published"]) if meta.get("published") else None,
        [(title, where) for title, where in meta.get("meeting_facts", ())],
    )


def _line_starts(rows: bytes) -> array[int]:
    """Where each line of an entry's rows starts, and (last) where one more would: line `n`
    is `rows[starts[n] : starts[n + 1] - 1]`. Four bytes a line, where a view of each line
    would take fifty times as much for the whole of a large import."""
    starts = array("I", [0])
    start = 0
    while (end := rows.find(b"\n", start)) != -1:
        start = end + 1
        starts.append(start)
    starts.append(len(rows) + 1)
    return starts


class _Picked(Sequence[memoryview]):
    """Lines of the entries, in the order of a database table: line `numbers[i]` of entry
    `units[i]`, each made a view of the entry's bytes when asked for (never copied)."""

    def __init__(
        self,
        rows: Sequence[bytes],
        starts: Sequence[array[int]],
        picks: Iterable[tuple[int, int]],
        own: dict[int, bytes] | None = None,
    ) -> None:
        self._rows, self._starts = rows, starts
        self._units, self._numbers = array("I"), array("I")
        # Rows of its own at some places (a meeting joined over several articles).
        self._own = own or {}
        for unit, number in picks:
            self._units.append(unit)
            self._numbers.append(number)

    def __len__(self) -> int:
        return len(self._units)

    def _line(self, unit: int, number: int) -> memoryview:
        starts = self._starts[unit]
        return memoryview(self._rows[unit])[starts[number] : starts[number + 1] - 1]

    @overload
    def __getitem__(self, index: int) -> memoryview: ...
    @overload
    def __getitem__(self, index: slice) -> list[memoryview]: ...
    def __getitem__(self, index: int | slice) -> memoryview | list[memoryview]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        own = self._own.get(index % len(self)) if self._own else None
        if own is not None:
            return memoryview(own)
        return self._line(self._units[index], self._numbers[index])

    def __iter__(self) -> Iterator[memoryview]:
        if self._own:
            yield from (self[i] for i in range(len(self)))
            return
        for unit, number in zip(self._units, self._numbers, strict=True):
            yield self._line(unit, number)


def _merge(metas: Sequence[dict[str, Any]], entries: Sequence[Entry | None]) -> _Merged:
    """Join the articles by `merge_units` (the rules `merge_files` applies) and assemble their
    rows; flags every article that a problem of merging involves."""
    rows = [entry.rows if entry else b"" for entry in entries]
    starts = [_line_starts(entry.rows) if entry else array("I") for entry in entries]
    merge = merge_units(
        [_unit(meta, data, at) for meta, data, at in zip(metas, rows, starts, strict=True)]
    )
    merged = _Merged()
    merged.flagged = {
        u for u, meta in enumerate(metas) if meta.get("problems") or meta.get("unreadable")
    }
    for conflict in merge.conflicts:
        merged.flagged.add(conflict.unit)
        if conflict.other is not None:
            merged.flagged.add(conflict.other)
    if merged.flagged:
        return merged
    merged.articles = _Picked(rows, starts, ((u, 0) for u in merge.articles))
    joined = {
        place: _joined_meeting(rows, starts, reports)
        for place, reports in enumerate(merge.meetings)
        if len(reports) > 1
    }
    merged.meetings = _Picked(
        rows, starts, ((r[0][0], 1 + r[0][1]) for r in merge.meetings), joined
    )
    merged.quotes = _Picked(
        rows, starts, ((u, 1 + len(metas[u]["meetings"]) + n) for u, n in merge.quotes)
    )
    merged.actors = [_actor_row(actor) for actor in merge.actors.values()]
    return merged


def _joined_meeting(
    rows: Sequence[bytes], starts: Sequence[array[int]], reports: Sequence[tuple[int, int]]
) -> bytes:
    """The database row of a meeting several articles report, as `item_record` would give
    it: each article's row read back, joined by the importer's rule."""
    from explorer.data.store import _Builder

    builder = _Builder()
    for u, n in reports:
        line = memoryview(rows[u])[starts[u][1 + n] : starts[u][2 + n] - 1]
        builder.add("meetings", json.loads(bytes(line)))
    return _dumps(item_record(importer.join_meetings(builder.loaded.meetings)))


def _actor_row(actor: MergedActor) -> bytes:
    """The database row of a merged actor, as `item_record` would give it."""
    row = {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "role": actor.role,
        "member_of": actor.member_of.items,
        "aliases": actor.aliases.items,
        "evidence": actor.evidence.items,
        "note": actor.note,
        "articles": actor.articles.items,
        "roles": [records.role_row(role) for role in importer.merged_roles(actor)],
    }
    text = _dumps({k: v for k, v in row.items() if v not in (None, (), [], "")})
    spans = [s for s in actor.spans if s]
    if not spans:
        return text
    return text[:-1] + b', "spans": [' + b", ".join(spans) + b"]}"


def _tables(merged: _Merged) -> dict[str, Sequence[Any]]:
    return {
        "articles": merged.articles,
        "actors": merged.actors,
        "meetings": merged.meetings,
        "quotes": merged.quotes,
    }


def _meta(sources: dict[str, str]) -> dict[str, Any]:
    return {"format": FORMAT_VERSION, "sources": sources}


def assemble(merged: _Merged, sources: dict[str, str]) -> bytes:
    """The database file's bytes (the same document `store.serialize` writes)."""
    return encode_database(_meta(sources), _tables(merged))


def _problems(
    names: Sequence[str], metas: Sequence[list[dict[str, Any]]], flagged: set[int]
) -> None:
    """Raise the DataError `load_files` would: flagged files parsed in full, others as ids."""
    problems: list[Problem] = []
    parsed: list[ParsedFile] = []
    for index, name in enumerate(names):
        if index in flagged:
            try:
                parsed.extend(parse_units(name))
            except DataError as error:
                problems.extend(error.problems)
            continue
        for meta in metas[index]:
            stub = ParsedFile(name, None, [], [], [])  # type: ignore[arg-type]
            stub.declared = {
                "actor": {a[0] for a in meta["actors"]},
                "meeting": set(meta["meetings"]),
                "quote": set(meta["quotes"]),
            }
            parsed.append(stub)
    try:
        merge_files(parsed)
    except DataError as error:
        problems.extend(error.problems)
    if not problems:  # pragma: no cover - a flag always stands for a problem
        problems.append(Problem(names[min(flagged)], "could not be merged into the corpus"))
    raise DataError(problems)


def import_corpus(
    paths: Sequence[str | Path],
    db_path: str | os.PathLike[str],
    *,
    use_cache: bool = True,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportSummary:
    """Validate every file and replace the database in one atomic write, parsing only what
    changed since the last import; raises DataError (database untouched) or StoreError."""
    db = Path(db_path)
    names = [str(p) for p in paths]
    cache_folder = cache_path_for(db)
    hashes, keys, files, to_parse = _look_up(names, cache_folder if use_cache else None)
    metas: list[list[dict[str, Any]]] = [[e.meta for e in f] if f else [] for f in files]
    outcomes = _parse_all(to_parse, jobs, progress)
    for outcome in outcomes:
        files[outcome.index] = outcome.entries
        if outcome.entries is not None:
            metas[outcome.index] = [e.meta for e in outcome.entries]
            if outcome.sha is None:
                keys[outcome.index] = None
        else:
            metas[outcome.index] = outcome.metas or [{"unreadable": True}]
    # Merge article by article, as `load_files` does; a flag on an article flags its file.
    owners = [i for i, file_metas in enumerate(metas) for _ in file_metas]
    unit_entries: list[Entry | None] = []
    for file_entries, file_metas in zip(files, metas, strict=True):
        unit_entries += [file_entries[n] if file_entries else None for n in range(len(file_metas))]
    merged = _merge([m for file_metas in metas for m in file_metas], unit_entries)
    if merged.flagged:
        _problems(names, metas, {owners[u] for u in merged.flagged})
    sources = {
        str(Path(name).resolve()): sha
        for name, sha in zip(names, hashes, strict=True)
        if sha is not None
    }
    tables = _tables(merged)
    articles, actors, meetings, quotes = (len(rows) for rows in tables.values())
    meta = _meta(sources)
    chunks = None if _already_written(db, meta, tables) else database_chunks(meta, tables)
    # The entries of the files parsed now are kept before the database is written (they are
    # valid whatever happens to it); the others' are pruned once it is.
    written, kept = _write_cache(cache_folder, keys, files, outcomes) if use_cache else (None, [])
    # The rows are views of the entries' bytes, and from here on only `chunks` holds them: they
    # are freed as soon as the database is written, before its index is built from the file.
    del tables, merged, files, outcomes, unit_entries, metas
    if chunks is not None:
        write_database_and_index(db, chunks)
    if written is not None:
        with contextlib.suppress(OSError):
            prune_cache(written, set(kept))
    return ImportSummary(
        articles=articles,
        actors=actors,
        meetings=meetings,
        quotes=quotes,
        parsed=len(to_parse),
        reused=len(names) - len(to_parse),
        database=db,
        cache=written,
    )


def _look_up(
    names: Sequence[str], folder: Path | None
) -> tuple[
    list[str | None], list[str | None], list[list[Entry] | None], list[tuple[int, str, str | None]]
]:
    """Each file's hash, its cache key and its cached entries (None: to be parsed, listed as
    jobs); `folder` None reads no cache."""
    hashes: list[str | None] = []
    keys: list[str | None] = []
    files: list[list[Entry] | None] = []
    to_parse: list[tuple[int, str, str | None]] = []
    for index, name in enumerate(names):
        _, sha = _read(name)
        hashes.append(sha)
        key = f"{sha}:{name}" if sha else None
        keys.append(key)
        cached = read_entry(folder / _entry_name(key), key) if key and folder else None
        files.append(cached)
        if cached is None:
            to_parse.append((index, name, sha))
    return hashes, keys, files, to_parse


def _write_cache(
    folder: Path,
    keys: Sequence[str | None],
    files: Sequence[list[Entry] | None],
    outcomes: Sequence[_Outcome],
) -> tuple[Path | None, list[str]]:
    """Write the entries of the files parsed now; returns the folder (None when it cannot be
    written: the cache only saves time) and the names of every entry the corpus still uses."""
    fresh = {o.index for o in outcomes if o.entries is not None and o.sha is not None}
    kept: list[str] = []
    try:
        folder.mkdir(exist_ok=True)
        for index, key in enumerate(keys):
            file_entries = files[index]
            if key is None or file_entries is None:
                continue
            entry_name = _entry_name(key)
            kept.append(entry_name)
            if index in fresh:
                write_entry(folder / entry_name, key, file_entries)
    except OSError:
        return None, []  # without it the next import parses every file again
    return folder, kept


def _already_written(db: Path, meta: dict[str, Any], tables: dict[str, Sequence[Any]]) -> bool:
    """True when the database holds exactly the bytes this import would write and its index
    is fresh for it: nothing to replace (re-importing unchanged files rewrites nothing)."""
    from explorer.data.index import IndexUnusable, open_index

    try:
        open_index(db).close()
    except (IndexUnusable, OSError):
        return False
    return holds_exactly(db, database_chunks(meta, tables))


def _parse_all(
    jobs_list: list[tuple[int, str, str | None]],
    jobs: int | None,
    progress: Callable[[int, int], None] | None,
) -> list[_Outcome]:
    workers = jobs if jobs is not None else min(os.cpu_count() or 1, 4)
    total = len(jobs_list)
    if workers <= 1 or total < PARALLEL_THRESHOLD:
        outcomes = []
        for done, job in enumerate(jobs_list, 1):
            outcomes.append(_parse_one(job))
            if progress:
                progress(done, total)
        return outcomes
    chunk = max(1, total // (workers * 8))
    outcomes = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for done, outcome in enumerate(pool.map(_parse_one, jobs_list, chunksize=chunk), 1):
            outcomes.append(outcome)
            if progress:
                progress(done, total)
    return outcomes

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

The index's stamp also keeps a record of the import that wrote it: the importer's code and each
file's status (size, times, inode) and hash. A file whose status is the one recorded, and was
already old when it was recorded, is not read again. When every changed file gives exactly the
entry it gave before (a comment, a blank line), the database keeps its rows: only its meta row
is written again, the rows copied from the old file, and the index is re-stamped in place.
When the changed entries differ only in what no index structure derives anything from (an
article's own row, and where its spans fall in its actors', meetings' and quotes' rows), those
rows are edited in a copy of the old file and the index is patched in place
(`_rows_edited`, `store_splice`, `index_patch`); when they change more of those rows but
nothing merging takes from the entries' headers (a quote's words), the rows are edited the
same way and the index built anew. When the files are those of the last import
followed by new ones, the new articles' rows are added at the end of each table and the
shared actors' rows joined in place, in a copy of the old file, without the other files'
entries being read or merged (`_import_appended`); the index is then built anew.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import sqlite3
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, overload

from explorer.data import dates, importer, models, records, safe_yaml, schema, text
from explorer.data.errors import DataError, Problem, StoreError
from explorer.data.importer import (
    Merge,
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
from explorer.data.store import content_hash, database_chunks, encode_database, holds_exactly
from explorer.data.store_splice import Edits, SpliceMismatch, spliced_database

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


def _share_strings(value: Any) -> None:
    """Make each string of a meta's lists and dicts the one interned copy of its text, in
    place: an actor's id, name and kind, repeated in the meta of every article naming it,
    are then held once for the whole corpus (two thirds of the metas' strings at 1,000
    articles are such repeats, a tenth of a large import's memory as it merges)."""
    from sys import intern

    if isinstance(value, list):
        for n, item in enumerate(value):
            if type(item) is str:
                value[n] = intern(item)
            elif isinstance(item, (list, dict)):
                _share_strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if type(item) is str:
                value[key] = intern(item)
            elif isinstance(item, (list, dict)):
                _share_strings(item)


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
        _share_strings(header["metas"])
        entries = []
        offset = start + header_size
        for meta, size in zip(header["metas"], header["sizes"], strict=True):
            entries.append(Entry(meta, data[offset : offset + size]))
            offset += size
        return entries
    except (OSError, ValueError, KeyError, TypeError):
        return None


def entry_intact(path: Path, key: str) -> bool:
    """True when the entry at `path` is whole and for `key`, from its first bytes and its size
    alone (what `read_entry` checks first): cheap enough to run over every file's entry."""
    head = b'{"format": %d, "key": ' % CACHE_FORMAT + _dumps(key) + b", "
    try:
        with open(path, "rb") as handle:
            data = handle.read(len(head) + 64)
            size = os.fstat(handle.fileno()).st_size
        line_end = data.index(b"\n")
        header_size, rows_size = (int(n) for n in data[:line_end].split())
    except (OSError, ValueError):
        return False
    start = line_end + 1
    return size == start + header_size + rows_size and data[start:].startswith(head)


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
    merge: Merge | None = None


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


def _merge(
    metas: Sequence[dict[str, Any]],
    entries: Sequence[Entry | None],
    known: dict[str, list[str]] | None = None,
) -> _Merged:
    """Join the articles by `merge_units` (the rules `merge_files` applies) and assemble their
    rows; flags every article that a problem of merging involves. `known`: ids of actors and
    meetings that references may name besides the articles' own (those of a database the
    articles are added to)."""
    rows = [entry.rows if entry else b"" for entry in entries]
    starts = [_line_starts(entry.rows) if entry else array("I") for entry in entries]
    units = [_unit(meta, data, at) for meta, data, at in zip(metas, rows, starts, strict=True)]
    if known and units:
        units[0] = dataclasses.replace(
            units[0],
            declared={
                kind: [*units[0].declared.get(kind, ()), *ids] for kind, ids in known.items()
            },
        )
    merge = merge_units(units)
    # The merge itself is kept only for articles added to a database (their actors are
    # joined with its rows); a whole import lets it go with this call.
    merged = _Merged(merge=merge if known is not None else None)
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
    changed since the last import; raises DataError (database untouched) or StoreError.

    One import of a database at a time (`atomic.writers_lock`): holding the lock alone, it
    first removes the temporary files an import killed midway left beside the database."""
    from explorer.data.atomic import remove_stale_temporaries, writers_lock
    from explorer.data.index import index_path_for

    with writers_lock(db_path) as alone:
        if alone:
            remove_stale_temporaries(db_path, index_path_for(db_path))
        return _import_corpus(paths, db_path, use_cache=use_cache, jobs=jobs, progress=progress)


def _import_corpus(
    paths: Sequence[str | Path],
    db_path: str | os.PathLike[str],
    *,
    use_cache: bool,
    jobs: int | None,
    progress: Callable[[int, int], None] | None,
) -> ImportSummary:
    db = Path(db_path)
    names = [str(p) for p in paths]
    cache_folder = cache_path_for(db)
    previous = _previous_import(db)
    hashes, record = _hash_files(names, previous.record if previous else None)
    if use_cache and previous is not None:
        same = _reimport_same_rows(db, names, hashes, record, previous, cache_folder, jobs)
        if same is None:
            same = _import_appended(db, names, hashes, record, previous, cache_folder, jobs)
        if same is not None:
            return same
    keys, files, to_parse = _look_up(names, hashes, cache_folder if use_cache else None)
    metas: list[list[dict[str, Any]]] = [[e.meta for e in f] if f else [] for f in files]
    outcomes = _parse_all(to_parse, jobs, progress)
    for outcome in outcomes:
        files[outcome.index] = outcome.entries
        if outcome.entries is not None:
            metas[outcome.index] = [e.meta for e in outcome.entries]
            _share_strings(metas[outcome.index])
            if outcome.sha is None:
                keys[outcome.index] = None
        else:
            metas[outcome.index] = outcome.metas or [{"unreadable": True}]
    # Merge article by article, as `load_files` does; a flag on an article flags its file.
    # (Comprehensions: no loop variable is left holding the last file's entries, and what
    # outlives the merge is not made while it runs; its memory then goes back whole.)
    unit_entries: list[Entry | None] = [
        file_entries[n] if file_entries else None
        for file_entries, file_metas in zip(files, metas, strict=True)
        for n in range(len(file_metas))
    ]
    merged = _merge([m for file_metas in metas for m in file_metas], unit_entries)
    if merged.flagged:
        owners = [i for i, file_metas in enumerate(metas) for _ in file_metas]
        _problems(names, metas, {owners[u] for u in merged.flagged})
    sources = {
        str(Path(name).resolve()): sha
        for name, sha in zip(names, hashes, strict=True)
        if sha is not None
    }
    tables = _tables(merged)
    articles, actors, meetings, quotes = (len(rows) for rows in tables.values())
    meta = _meta(sources)
    content = content_hash(tables)
    # (A stamp without a content hash cannot tell: the bytes are compared.)
    already = previous is not None and previous.stamp.get("content") in (content, None)
    if already and holds_exactly(db, database_chunks(meta, tables, content)):
        chunks = None  # the database holds these bytes and its index is fresh: nothing to do
    else:
        chunks = database_chunks(meta, tables, content)
    # The entries of the files parsed now are kept before the database is written (they are
    # valid whatever happens to it); the others' are pruned once it is.
    written, kept = _write_cache(cache_folder, keys, files, outcomes) if use_cache else (None, [])
    # The rows are views of the entries' bytes, and from here on only `chunks` holds them: they
    # are freed as soon as the database is written, before its index is built from the file.
    del tables, merged, files, outcomes, unit_entries, metas
    if chunks is not None:
        write_database_and_index(db, chunks, record=record)
    elif _knows_more(previous.record if previous else None, record):
        _restamp(db, record)
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
    names: Sequence[str], hashes: Sequence[str | None], folder: Path | None
) -> tuple[list[str | None], list[list[Entry] | None], list[tuple[int, str, str | None]]]:
    """Each file's cache key and its cached entries (None: to be parsed, listed as jobs);
    `folder` None reads no cache."""
    # The keys outlive the entries read here: made first, they are not scattered among the
    # entries' objects, whose memory then goes back whole once the merge is done with them.
    keys: list[str | None] = [
        f"{sha}:{name}" if sha else None for name, sha in zip(names, hashes, strict=True)
    ]
    files: list[list[Entry] | None] = []
    to_parse: list[tuple[int, str, str | None]] = []
    for index, (name, key) in enumerate(zip(names, keys, strict=True)):
        cached = read_entry(folder / _entry_name(key), key) if key and folder else None
        files.append(cached)
        if cached is None:
            to_parse.append((index, name, hashes[index]))
    return keys, files, to_parse


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


# -- re-importing what changed nothing in the rows -------------------------------------------

RECORD_FORMAT = 1
# A file changed within this long before it was looked at may change again within the same
# tick of the file system's clock, unseen by its status: it is read and hashed again.
_RACY_NS = 2_000_000_000


@dataclass
class _Previous:
    """The database as the last import left it, when its index is fresh for it."""

    stamp: dict[str, Any]
    record: dict[str, Any] | None
    counts: dict[str, int]


def _previous_import(db: Path) -> _Previous | None:
    """The stamp of the database, what its import recorded in the index and its counts;
    None when there is no fresh index beside it (then nothing of the last import is known)."""
    from explorer.data.index import IndexUnusable, database_stamp, open_index

    try:
        index = open_index(db)
    except (IndexUnusable, OSError):
        return None
    try:
        record = index.import_record
        counts = {kind: index.count(kind) for kind in ("article", "actor", "meeting", "quote")}
    finally:
        index.close()
    stamp = database_stamp(db)
    if stamp is None:
        return None
    if record is not None and (
        record.get("format") != RECORD_FORMAT or record.get("code") != _code_version()
    ):
        record = None
    return _Previous(stamp, record, counts)


def _status(path: str) -> list[int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino]


def _hash_files(
    names: Sequence[str], known: dict[str, Any] | None
) -> tuple[list[str | None], dict[str, Any]]:
    """Each file's SHA-256 (None when unreadable), and the record of them to keep in the
    index. A file whose status (size, times, inode) is the one recorded by the last import,
    and was already old then, is not read again: its recorded hash is its hash."""
    looked_at = time.time_ns()
    files: dict[str, Any] = known.get("files", {}) if known else {}
    trusted_before = int(known.get("looked_at", 0)) - _RACY_NS if known else 0
    hashes: list[str | None] = []
    seen: dict[str, list[Any]] = {}
    for name in names:
        status = _status(name)
        prior = files.get(name)
        if (
            status is not None
            and isinstance(prior, list)
            and prior[:4] == status
            and status[1] < trusted_before
        ):
            sha: str | None = prior[4]
        else:
            _, sha = _read(name)
            if status is None or _status(name) != status:
                status = None  # it changed while read: not remembered
        hashes.append(sha)
        if status is not None and sha is not None:
            seen[name] = [*status, sha]
    record = {
        "format": RECORD_FORMAT,
        "code": _code_version(),
        "looked_at": looked_at,
        "files": seen,
    }
    return hashes, record


def _resolved(names: Sequence[str]) -> list[str]:
    """`str(Path(name).resolve())` of each name, each folder resolved once (a name that is a
    link itself is resolved whole). Where this would differ from `resolve`, the sources
    compared with it differ and the whole import runs: never a wrong answer."""
    folders: dict[str, str] = {}
    found = []
    for name in names:
        folder, base = os.path.split(name)
        if not base or base in (".", "..") or os.path.islink(name):
            found.append(str(Path(name).resolve()))
            continue
        real = folders.get(folder)
        if real is None:
            real = folders[folder] = str(Path(folder or ".").resolve())
        found.append(os.path.join(real, base))
    return found


def _knows_more(old: dict[str, Any] | None, new: dict[str, Any]) -> bool:
    """True when `new` knows files `old` does not (or not in their present state): worth
    keeping. A mere later look at the same files is not (the index stays untouched)."""
    return old is None or old.get("files") != new.get("files")


def _restamp(db: Path, record: dict[str, Any], previous: dict[str, Any] | None = None) -> None:
    """Keep `record` in the fresh index of the database in place (it only saves time later)."""
    from explorer.data.index import database_stamp, restamp_index

    stamp = database_stamp(db)
    if stamp is None:
        return
    with contextlib.suppress(OSError, sqlite3.Error):
        restamp_index(db, stamp, record, previous)


def _reimport_same_rows(
    db: Path,
    names: Sequence[str],
    hashes: Sequence[str | None],
    record: dict[str, Any],
    previous: _Previous,
    folder: Path,
    jobs: int | None,
) -> ImportSummary | None:
    """The import when the files are those of the last import and every changed one gives
    exactly the rows it gave then (a comment, a blank line, a touch): the database keeps its
    rows and their hash, only its meta row (each file's hash) is new, and the index is
    re-stamped, not rebuilt. None when that is not so (then the whole import runs).

    The database's rows are copied from the old file (by the kernel where it can), the meta
    row written before them; the same bytes as a fresh import of these files. The index is
    first stamped for the old file and the new one, then the new file renamed into place,
    then the index stamped for it alone: a crash anywhere leaves a pair that answers alike.
    """
    from explorer.data.store import read_meta_line

    if previous.record is None or any(sha is None for sha in hashes):
        return None
    meta = read_meta_line(db)
    sources = meta.get("sources") if meta else None
    if not isinstance(sources, dict) or meta is None:
        return None
    resolved = _resolved(names)
    if list(sources) != resolved or meta.get("content") != previous.stamp.get("content"):
        return None
    changed = [i for i, path in enumerate(resolved) if sources[path] != hashes[i]]
    old_entries: dict[int, list[Entry]] = {}
    new_entries: dict[int, list[Entry]] = {}
    jobs_list: list[tuple[int, str, str | None]] = []
    # An unchanged file whose entry went missing or was damaged is parsed again (it gives the
    # rows the database holds: the same bytes, the same code), so the cache stays whole.
    unchanged = set(range(len(names))).difference(changed)
    for i in sorted(unchanged):
        key = f"{hashes[i]}:{names[i]}"
        if not entry_intact(folder / _entry_name(key), key):
            jobs_list.append((i, names[i], hashes[i]))
    for i in changed:
        old_key = f"{sources[resolved[i]]}:{names[i]}"
        old = read_entry(folder / _entry_name(old_key), old_key)
        if old is None:
            return None
        old_entries[i] = old
        new_key = f"{hashes[i]}:{names[i]}"
        cached = read_entry(folder / _entry_name(new_key), new_key)
        if cached is not None:
            new_entries[i] = cached
        else:
            jobs_list.append((i, names[i], hashes[i]))
    fresh = _parse_queued(jobs_list, jobs, new_entries)
    if fresh is None:
        return None
    edits = _rows_edited([(old_entries[i], new_entries[i]) for i in changed])
    if edits is None:
        return None
    new_sources = {path: str(sha) for path, sha in zip(resolved, hashes, strict=True)}
    spliced = None
    if edits:
        try:
            spliced = spliced_database(db, _meta(new_sources), edits)
        except (SpliceMismatch, OSError, ValueError):
            return None
    keys = [f"{sha}:{name}" for name, sha in zip(names, hashes, strict=True)]
    written = _cache_parsed(folder, keys, new_entries, fresh)
    summary = ImportSummary(
        articles=previous.counts["article"],
        actors=previous.counts["actor"],
        meetings=previous.counts["meeting"],
        quotes=previous.counts["quote"],
        parsed=len(jobs_list),
        reused=len(names) - len(jobs_list),
        database=db,
        cache=written,
    )
    if spliced is not None and edits.rebuild:
        write_database_and_index(db, spliced[0], record=record)
    elif spliced is not None:
        _write_spliced(db, *spliced, record, previous.stamp)
    elif changed:
        _replace_meta_row(db, new_sources, record, previous.stamp)
    elif _knows_more(previous.record, record):
        _restamp(db, record)
    if written is not None and changed:
        with contextlib.suppress(OSError):
            prune_cache(written, {_entry_name(key) for key in keys})
    return summary


def _parse_queued(
    jobs_list: list[tuple[int, str, str | None]],
    jobs: int | None,
    entries: dict[int, list[Entry]],
) -> set[int] | None:
    """Parse the queued files into `entries`: the places parsed, or None when one does not
    give an entry (a fast path then gives way to the whole import, which reports why)."""
    fresh: set[int] = set()
    for outcome in _parse_all(jobs_list, jobs, None):
        if outcome.entries is None or outcome.sha is None:
            return None
        entries[outcome.index] = outcome.entries
        fresh.add(outcome.index)
    return fresh


def _cache_parsed(
    folder: Path, keys: Sequence[str], entries: dict[int, list[Entry]], fresh: set[int]
) -> Path | None:
    """Keep the entries just parsed in the cache: its folder, or None where it cannot be
    written (the import still stands; only the next one parses those files again)."""
    try:
        folder.mkdir(exist_ok=True)
        for i in sorted(fresh):
            write_entry(folder / _entry_name(keys[i]), keys[i], entries[i])
    except OSError:
        return None
    return folder


def _import_appended(
    db: Path,
    names: Sequence[str],
    hashes: Sequence[str | None],
    record: dict[str, Any],
    previous: _Previous,
    folder: Path,
    jobs: int | None,
) -> ImportSummary | None:
    """The import when the files are those of the last import, unchanged and in the same
    order, followed by new ones: the new articles' rows are added at the end of each table
    and the rows of the actors they share with the corpus joined in place, in a copy of the
    old file (`store_splice`), without the other files' entries being read or merged again.
    None when that is not so, or when the new articles clash with the corpus (an id it has,
    an actor's other name, a meeting it reports too, a reference to nothing): then the whole
    import runs (and reports what clashes). The index is built anew from the file written.

    The same bytes as a fresh import of these files: `merge_units` over the new articles
    alone, with what they refer to in the corpus known, gives their rows as the whole merge
    does (they come last: every id they add is numbered after the corpus's, every role they
    give sorts after those of its day), and each shared actor's row is the old one decoded,
    checked to encode back to its bytes, and joined with the new articles' part of it by
    the same rules (`_joined_actor_row`).
    """
    from explorer.data.store import read_meta_line

    if previous.record is None or any(sha is None for sha in hashes):
        return None
    meta = read_meta_line(db)
    sources = meta.get("sources") if meta else None
    if not isinstance(sources, dict) or meta is None:
        return None
    if meta.get("content") != previous.stamp.get("content"):
        return None
    resolved = _resolved(names)
    old = len(sources)
    if not 0 < old < len(names) or list(sources) != resolved[:old]:
        return None
    if any(sources[path] != hashes[i] for i, path in enumerate(resolved[:old])):
        return None
    added = [str(Path(name).resolve()) for name in names[old:]]
    if added != resolved[old:] or len(set(added)) != len(added) or set(added) & set(sources):
        return None
    keys = [f"{sha}:{name}" for name, sha in zip(names, hashes, strict=True)]
    new_entries: dict[int, list[Entry]] = {}
    jobs_list: list[tuple[int, str, str | None]] = []
    for i in range(old, len(names)):
        cached = read_entry(folder / _entry_name(keys[i]), keys[i])
        if cached is not None:
            new_entries[i] = cached
        else:
            jobs_list.append((i, names[i], hashes[i]))
    fresh = _parse_queued(jobs_list, jobs, new_entries)
    if fresh is None:
        return None
    entries = [entry for i in sorted(new_entries) for entry in new_entries[i]]
    made = _appended_edits(db, entries)
    if made is None:
        return None
    edits, counts = made
    new_sources = {path: str(sha) for path, sha in zip(resolved, hashes, strict=True)}
    try:
        chunks, changed = spliced_database(db, _meta(new_sources), edits)
    except (SpliceMismatch, OSError, ValueError):
        return None
    written = _cache_parsed(folder, keys, new_entries, fresh)
    _write_appended(db, chunks, edits.appended, changed, record, previous.stamp)
    if written is not None:
        with contextlib.suppress(OSError):
            prune_cache(written, {_entry_name(key) for key in keys})
    return ImportSummary(
        articles=previous.counts["article"] + counts["article"],
        actors=previous.counts["actor"] + counts["actor"],
        meetings=previous.counts["meeting"] + counts["meeting"],
        quotes=previous.counts["quote"] + counts["quote"],
        parsed=len(jobs_list),
        reused=len(names) - len(jobs_list),
        database=db,
        cache=written,
    )


def _present(db: Path, kind: str, ids: Iterable[str]) -> set[str]:
    """Which of `ids` the database's (fresh) index holds as items of `kind`."""
    from explorer.data.index import index_path_for

    wanted = list(dict.fromkeys(ids))
    found: set[str] = set()
    con = sqlite3.connect(f"{index_path_for(db).resolve().as_uri()}?mode=ro", uri=True)
    try:
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            found.update(
                ident
                for (ident,) in con.execute(
                    f"SELECT id FROM items WHERE kind = ? AND id IN ({marks})", (kind, *chunk)
                )
            )
    finally:
        con.close()
    return found


def _appended_edits(db: Path, entries: Sequence[Entry]) -> tuple[Edits, dict[str, int]] | None:
    """The edits that add the articles of `entries` to the database, and how many of each
    kind they add; None when they clash with it (or among themselves)."""
    metas = [entry.meta for entry in entries]
    try:
        if (
            _present(db, "article", (m["article"] for m in metas))
            or _present(db, "quote", (q for m in metas for q in m["quotes"]))
            or _present(db, "meeting", (x for m in metas for x in m["meetings"]))
        ):
            return None
        declared = {
            "actor": {a[0] for m in metas for a in m["actors"]},
            "meeting": {x for m in metas for x in m["meetings"]},
        }
        named = {
            kind: {t for m in metas for t in m["refs"].get(kind, ())} - declared[kind]
            for kind in declared
        }
        known = {kind: _present(db, kind, ids) for kind, ids in named.items()}
        shared = _present(db, "actor", declared["actor"])
    except (OSError, sqlite3.Error):
        return None
    if any(known[kind] != named[kind] for kind in named):
        return None  # a reference to nothing: the whole import reports it
    merged = _merge(metas, entries, {kind: sorted(ids) for kind, ids in known.items()})
    if merged.flagged or merged.merge is None:
        return None
    edits = Edits()
    for table in ("articles", "meetings", "quotes"):
        for row in _tables(merged)[table]:
            edits.append(table, bytes(row))
    for actor, row in zip(merged.merge.actors.values(), merged.actors, strict=True):
        if actor.id in shared:
            edits.rewrite_actor(actor.id, functools.partial(_joined_actor_row, actor))
        else:
            edits.append("actors", row)
    counts = {
        "article": len(merged.articles),
        "actor": len(merged.actors) - len(shared),
        "meeting": len(merged.meetings),
        "quote": len(merged.quotes),
    }
    return edits, counts


def _joined_actor_row(new: MergedActor, old_row: bytes) -> bytes:
    """An actor's database row (`old_row`) joined with what articles added after it give of
    it (`new`, merged over them alone), as `merge_units` joins them over all articles: the
    first name and kind (else a clash), lists joined without repeats, roles in publication
    order (the old first within a day), the newest role and note, spans in article order.
    Raises SpliceMismatch when the row does not encode back to itself once decoded, or the
    actor clashes."""
    from explorer.data.importer import _Ordered
    from explorer.data.store_splice import SPANS_KEY

    data = bytes(old_row)
    cut = data.rfind(SPANS_KEY)
    if cut != -1:
        if not data.endswith(b"]}") or b'": ' in data[cut + len(SPANS_KEY) :]:
            raise SpliceMismatch("an actor row whose spans are not its last field")
        head, spans = json.loads(data[:cut] + b"}"), data[cut + len(SPANS_KEY) : -2]
    else:
        head, spans = json.loads(data), b""
    if head.get("name") != new.name or head.get("kind") != new.kind:
        raise SpliceMismatch("an actor named or kinded otherwise in the new articles")
    roles = [
        (dates.parse_day(r["published"]), n, r["article"], r.get("role"), r.get("note"))
        for n, r in enumerate(head.get("roles", ()))
    ]

    def actor(roles: list[Any]) -> MergedActor:
        made = MergedActor(
            0,
            head["id"],
            head["name"],
            head["kind"],
            None,
            _Ordered(head.get("member_of", ())),
            _Ordered(head.get("aliases", ())),
            _Ordered(head.get("evidence", ())),
            None,
            _Ordered(head.get("articles", ())),
            [spans],
            roles,
        )
        made.settle()
        return made

    if _actor_row(actor(list(roles))) != data:
        raise SpliceMismatch("an actor row not as an import writes it")
    joined = actor([*roles, *((p, len(roles) + u, *rest) for p, u, *rest in new.roles)])
    joined.member_of.extend(new.member_of.items)
    joined.aliases.extend(new.aliases.items)
    joined.evidence.extend(new.evidence.items)
    joined.articles.extend(new.articles.items)
    joined.spans.extend(new.spans)
    return _actor_row(joined)


def _rows_edited(pairs: Sequence[tuple[Sequence[Entry], Sequence[Entry]]]) -> Edits | None:
    """The edits of the database's rows that each changed file's new entries make, from its
    old ones compared line by line, when each of its rows is one line of an entry (an
    article's own row, its quotes and meetings, its run of each actor's spans) and what
    merging takes from its header (ids, actors' names, roles, meetings' titles…) is
    unchanged. An empty Edits when the rows are the same; None when anything else changed:
    then the whole import runs. `Edits.rebuild` is set when they change more than the index
    can be patched for (a quote's words or kind, a meeting's date, quotes in another order
    within their article, an actor's count of sentences): then it is built anew from the
    database spliced."""
    edits = Edits()
    for old_entries, new_entries in pairs:
        if len(old_entries) != len(new_entries):
            return None
        for old, new in zip(old_entries, new_entries, strict=True):
            if old.meta != new.meta or not _entry_edits(old, new, edits):
                return None
    return edits


def _entry_edits(old: Entry, new: Entry, edits: Edits) -> bool:
    """Add to `edits` what one article's new entry changes; False when its rows cannot be
    edited where they stand (the whole import runs)."""
    old_lines, new_lines = old.rows.split(b"\n"), new.rows.split(b"\n")
    meetings, quotes = len(old.meta["meetings"]), len(old.meta["quotes"])
    if len(old_lines) != len(new_lines) or len(old_lines) != 1 + meetings + quotes + len(
        old.meta["actors"]
    ):
        return False
    if old_lines[0] != new_lines[0]:
        edits.replace("articles", old_lines[0], new_lines[0])
    places: list[tuple[list[Any], list[Any]]] = []
    for n in range(1, 1 + meetings + quotes):
        if old_lines[n] == new_lines[n]:
            continue
        old_row, new_row = json.loads(old_lines[n]), json.loads(new_lines[n])
        old_spans, new_spans = old_row.pop("spans", []), new_row.pop("spans", [])
        if old_row != new_row and not (n > meetings and _reworded(old_row, new_row)):
            edits.rebuild = True  # the row's own fields: what the index derives things from
        if n > meetings:
            places.append((old_spans, new_spans))
        edits.replace("meetings" if n <= meetings else "quotes", old_lines[n], new_lines[n])
    if places and _quote_order(old_lines[1 + meetings :][:quotes], old.meta["article"]) != (
        _quote_order(new_lines[1 + meetings :][:quotes], new.meta["article"])
    ):
        edits.rebuild = True  # the quotes rank in another order within their article
    for n, actor in enumerate(old.meta["actors"], 1 + meetings + quotes):
        if old_lines[n] == new_lines[n]:
            continue
        if not old_lines[n] or not new_lines[n]:
            return False  # an actor given spans, or left with none
        if _sentences(old_lines[n]) != _sentences(new_lines[n]):
            edits.rebuild = True  # sentences joined or split: its count (actor_heads) moves
        edits.spans(actor[0], old_lines[n], new_lines[n])
    return True


def _reworded(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Whether two rows of a quote differ in its words or kind alone: the index is patched
    for that (`index_delta.reword_quotes`)."""
    keys = {*old, *new}
    return all(old.get(k) == new.get(k) for k in keys - {"text", "kind"})


def _sentences(run: bytes) -> int:
    """How many sentences a run of an actor's span rows in one article falls in."""
    return len({(span[3], span[4]) for span in json.loads(b"[" + run + b"]")})


def _quote_order(lines: Sequence[bytes], article: str) -> list[int]:
    """An article's quotes (their rows) in the order search ranks them within it: by where
    each first stands in the article (`index._light`), then file order."""
    places = []
    for n, line in enumerate(lines):
        spans = json.loads(line).get("spans", ())
        starts = [s[1] for s in spans if s[0] == article]
        places.append((min(starts) if starts else 0, n))
    return [n for _, n in sorted(places)]


def _write_spliced(
    db: Path,
    chunks: list[Any],
    rows: list[tuple[str, bytes]],
    record: dict[str, Any],
    old: dict[str, Any],
) -> None:
    """Write the database again from `chunks` (the old file's bytes but for a few rows,
    `rows` their new ones by table), then patch its index for them in place
    (`index_patch.patch_rows`), stamped for the new file in the same SQLite transaction.

    A crash before the database's rename leaves the old pair, answering as before; after it
    and before the patch is committed, the new database beside an index stamped for the old
    one, which no reader answers from (it is rebuilt); after, the new pair. When the index
    cannot be patched it is built anew from the file written."""
    from explorer.data.atomic import atomic_write_bytes
    from explorer.data.index import _PendingIndex, index_path_for
    from explorer.data.index_patch import Unpatchable, patch_rows

    try:
        atomic_write_bytes(db, chunks)
    except OSError as error:
        raise StoreError(f"{db}: cannot write the database: {error.strerror or error}") from None
    try:
        patch_rows(db, rows, old, record)
    except (Unpatchable, OSError, sqlite3.Error):
        index = _PendingIndex(index_path_for(db))
        index.build_from_written(db)  # (or, when it cannot be, the index is removed)
        index.install(db, record)


def _write_appended(
    db: Path,
    chunks: list[Any],
    appended: dict[str, list[bytes]],
    changed: list[tuple[str, bytes]],
    record: dict[str, Any],
    old: dict[str, Any],
) -> None:
    """Write the database again from `chunks` (the old file's bytes with rows added at the
    end of its tables, `appended`, and some actors' rows rewritten, `changed`), then patch
    its index for them in place (`index_delta.patch_appended`), stamped for the new file in
    the same SQLite transaction; the crashes fall as for `_write_spliced`. When the index
    cannot be patched it is built anew from the file written."""
    from explorer.data.atomic import atomic_write_bytes
    from explorer.data.index import _PendingIndex, index_path_for
    from explorer.data.index_delta import patch_appended
    from explorer.data.index_patch import Unpatchable

    try:
        atomic_write_bytes(db, chunks)
    except OSError as error:
        raise StoreError(f"{db}: cannot write the database: {error.strerror or error}") from None
    try:
        patch_appended(db, appended, changed, old, record)
    except (Unpatchable, OSError, sqlite3.Error):
        index = _PendingIndex(index_path_for(db))
        index.build_from_written(db)
        index.install(db, record)


def _replace_meta_row(
    db: Path, sources: dict[str, str], record: dict[str, Any], old: dict[str, Any]
) -> None:
    """Write the database again with a new meta row and the very rows it holds (`old` is its
    stamp), re-stamping its index around the rename (see `_reimport_same_rows`)."""
    from explorer.data.atomic import FileRange, atomic_write_bytes
    from explorer.data.index import database_stamp, index_path_for, restamp_index
    from explorer.data.store import meta_line

    with open(db, "rb") as handle:
        first = handle.readline()
    data: list[bytes | FileRange] = [
        meta_line(_meta(sources), str(old["content"])),
        FileRange(db, len(first), int(old["size"])),
    ]
    stamped: list[dict[str, Any]] = []

    def stamp_both(temporary: Path) -> None:
        stamp = database_stamp(temporary)
        if stamp is None:
            return
        try:
            restamp_index(db, stamp, record, previous=old)
        except (OSError, sqlite3.Error):
            return  # the index is removed once the database is in place
        stamped.append(stamp)

    try:
        atomic_write_bytes(db, data, before_replace=stamp_both)
    except OSError as error:
        raise StoreError(f"{db}: cannot write the database: {error.strerror or error}") from None
    if stamped:
        with contextlib.suppress(OSError, sqlite3.Error):
            restamp_index(db, stamped[0], record)
    else:
        with contextlib.suppress(OSError):
            os.unlink(index_path_for(db))

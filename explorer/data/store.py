"""The TinyDB runtime store: written whole and atomically by import, read once at load."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import JSONStorage, MemoryStorage

from explorer.data.bulk import collector_paused
from explorer.data.dates import parse_when
from explorer.data.errors import DatabaseDamaged, StoreError
from explorer.data.models import (
    Actor,
    ActorRole,
    Article,
    Loaded,
    Meeting,
    MeetingReport,
    Quote,
    Span,
)
from explorer.data.records import article_record, item_record
from explorer.data.schema import ACTOR, FORMAT_VERSION, MEETING, QUOTE
from explorer.data.text import clean_text

TABLES = ("articles", "actors", "meetings", "quotes")


def to_rows(loaded: Loaded) -> dict[str, list[dict[str, Any]]]:
    """Models as JSON-ready rows, one list a table."""
    return {
        "articles": [article_record(a) for a in loaded.articles],
        "actors": [item_record(a) for a in loaded.actors],
        "meetings": [item_record(m) for m in loaded.meetings],
        "quotes": [item_record(q) for q in loaded.quotes],
    }


def encode_database(meta: dict[str, Any], tables: Mapping[str, Sequence[Any]]) -> bytes:
    """A TinyDB JSON document laid out one row a line, from rows already encoded as JSON.

    Any JSON reader (TinyDB's included) reads it as usual; `load_database_file` reads it a
    line at a time, so a large database never exists twice in memory (text and tree).
    """
    return b"".join(database_chunks(meta, tables))


def database_chunks(
    meta: dict[str, Any], tables: Mapping[str, Sequence[Any]], content: str | None = None
) -> Iterator[Any]:
    """`encode_database`'s bytes as chunks in order, the rows themselves among them (bytes
    or memoryviews, never copied): a large database is written without being joined.
    `content`: the rows' hash when already known (`content_hash` of the same tables)."""
    # The rows' hash, in the meta row of the same file (so written in the same atomic step):
    # what the persisted indexes (explorer.data.index) check themselves against.
    yield meta_line(meta, content_hash(tables) if content is None else content)
    yield from _body(tables)


def _body(tables: Mapping[str, Sequence[Any]]) -> Iterator[Any]:
    for position, table in enumerate(TABLES):
        yield b'"%s": {\n' % table.encode()
        rows = tables.get(table, ())
        last = len(rows)
        for number, row in enumerate(rows, 1):
            yield b'"%d": ' % number
            yield row
            yield b",\n" if number < last else b"\n"
        yield b"}}\n" if position == len(TABLES) - 1 else b"},\n"


def content_hash(tables: Mapping[str, Sequence[Any]]) -> str:
    """The hash of a database's rows as `encode_database` lays them out (its meta row's
    "content")."""
    digest = hashlib.sha256()
    for chunk in _body(tables):
        digest.update(chunk)
    return digest.hexdigest()


def meta_line(meta: dict[str, Any], content: str) -> bytes:
    """The first line of a database in `encode_database`'s layout: its meta row, with the
    hash of the rows that follow (`content`)."""
    return b'{"meta": {"1": ' + _dumps({**meta, "content": content}) + b"},\n"


def holds_exactly(path: str | os.PathLike[str], chunks: Iterable[Any]) -> bool:
    """True when the file at `path` holds exactly the bytes of `chunks` (in order), read a
    block at a time: an import that would write the same database need not write it."""
    block = 1 << 20
    try:
        with open(path, "rb") as handle:
            pending: list[Any] = []
            size = 0
            for chunk in chunks:
                pending.append(chunk)
                size += len(chunk)
                if size >= block:
                    if handle.read(size) != b"".join(pending):
                        return False
                    pending, size = [], 0
            return handle.read(size + 1) == b"".join(pending)
    except OSError:
        return False


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, allow_nan=False).encode("utf-8")


def serialize(loaded: Loaded, sources: dict[str, str] | None = None) -> bytes:
    """The whole database as the bytes of a TinyDB JSON file."""
    meta = {"format": FORMAT_VERSION, "sources": sources or {}}
    rows = {
        table: [_dumps(row) for row in table_rows] for table, table_rows in to_rows(loaded).items()
    }
    return encode_database(meta, rows)


def write_database(path: str | os.PathLike[str], loaded: Loaded, sources: dict[str, str]) -> None:
    """Replace the database file (and its index) in one atomic step; on any failure the old
    file stays."""
    from explorer.data.index import write_database_and_index

    write_database_and_index(path, serialize(loaded, sources), loaded)


def memory_database(loaded: Loaded) -> TinyDB:
    """An in-memory TinyDB holding `loaded`: the twin of a database file, for tests."""
    db = TinyDB(storage=MemoryStorage)
    db.storage.write(json.loads(serialize(loaded)))
    return db


def open_database(path: str | os.PathLike[str]) -> TinyDB:
    """Open a database file read-only, with a clear error when it is missing or not one."""
    target = Path(path)
    if not target.exists():
        raise StoreError(f"{target}: no such database (build one with `explorer import`)")
    if target.is_dir():
        raise StoreError(f"{target}: is a directory, not a database")
    try:
        db = TinyDB(target, storage=JSONStorage, access_mode="r", encoding="utf-8")
        db.storage.read()
    except (ValueError, UnicodeDecodeError) as error:
        raise DatabaseDamaged(f"{target}: not an explorer database ({error})") from None
    except OSError as error:
        raise StoreError(f"{target}: cannot be read: {error.strerror or error}") from None
    return db


def read_meta_line(path: str | os.PathLike[str]) -> dict[str, Any] | None:
    """The meta row of a database file in `encode_database`'s layout, from its first line
    alone (the rest is not read); None for a file in any other layout or unreadable."""
    try:
        with open(path, "rb") as handle:
            first = handle.readline()
    except OSError:
        return None
    if not first.startswith(b'{"meta": ') or not first.endswith(b",\n"):
        return None
    try:
        row = _meta_row(json.loads(first[9:-2]))
    except (ValueError, RecursionError):
        return None
    return row if isinstance(row, dict) else None


def read_meta(db: TinyDB) -> dict[str, Any]:
    """The database's meta row, or {} when there is none to be read."""
    try:
        rows = db.table("meta").all()
        return dict(rows[0]) if rows else {}
    except (AttributeError, TypeError, ValueError, KeyError):
        return {}


def load_database(db: TinyDB, name: str = "database") -> Loaded:
    """Read every table into models; a malformed database is a StoreError, not a crash."""
    try:
        data = db.storage.read()
    except (ValueError, UnicodeDecodeError) as error:
        raise DatabaseDamaged(f"{name}: not an explorer database ({error})") from None
    return _from_document(data, name)


@collector_paused()
def load_database_file(path: str | os.PathLike[str]) -> Loaded:
    """Read a database file into models, a row at a time where it is laid out one row a line.

    Same errors as `open_database` + `load_database`; a file in any other JSON layout (one
    written by hand, say) is read whole, as TinyDB would.
    """
    target = Path(path)
    if not target.exists():
        raise StoreError(f"{target}: no such database (build one with `explorer import`)")
    if target.is_dir():
        raise StoreError(f"{target}: is a directory, not a database")
    name = str(target)
    try:
        with open(target, "rb") as handle:
            try:
                return _from_lines(handle, name)
            except _NotLineLayout:
                pass
            handle.seek(0)
            data = json.loads(handle.read())
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        raise DatabaseDamaged(f"{target}: not an explorer database ({error})") from None
    except OSError as error:
        raise StoreError(f"{target}: cannot be read: {error.strerror or error}") from None
    return _from_document(data, name)


def load_database_bytes(data: bytes, name: str) -> Loaded:
    """Models from a database file's bytes in `encode_database`'s layout (about to be written:
    the index is built from exactly what the file will hold); same checks and errors."""
    import io

    try:
        return _from_lines(io.BytesIO(data), name)
    except _NotLineLayout:
        raise DatabaseDamaged(f"{name}: not an explorer database") from None


class _NotLineLayout(Exception):
    """The file is not (or not wholly) in the one-row-a-line layout: read it whole instead."""


def _check_format(meta: Any, name: str) -> None:
    version = meta.get("format") if isinstance(meta, dict) else None
    if version != FORMAT_VERSION:
        raise DatabaseDamaged(
            f"{name}: database format {version!r}, expected {FORMAT_VERSION}; "
            "rebuild it with `explorer import`"
        )


def _meta_row(meta_table: Any) -> Any:
    """The one row of the meta table, or None when the table is not there or not a table."""
    if not isinstance(meta_table, dict):
        return None
    return next(iter(meta_table.values()), None)


class _Fault(Exception):
    """One thing wrong inside a database's content, said in words a user can act on."""


def _damaged(name: str, fault: str) -> DatabaseDamaged:
    return DatabaseDamaged(f"{name}: damaged database ({fault}); rebuild it with `explorer import`")


def _row_fault(table: str, number: int, error: Exception) -> str:
    """Why row `number` of `table` could not be read, from what reading it raised."""
    if isinstance(error, KeyError):
        return f"{table} row {number} has no {error.args[0]!r} field"
    return f"{table} row {number}: {error}"


_ROW_ERRORS = (KeyError, TypeError, ValueError, IndexError, AttributeError, _Fault)


def _from_document(data: Any, name: str) -> Loaded:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DatabaseDamaged(f"{name}: not an explorer database (top level is not an object)")
    _check_format(_meta_row(data.get("meta")), name)
    builder = _Builder()
    for table in TABLES:
        rows = data.get(table)
        if rows is None:
            raise _damaged(name, f"it has no {table!r} table")
        if not isinstance(rows, dict):
            raise _damaged(name, f"its {table!r} table is not an object of rows")
        for number, row in enumerate(rows.values(), 1):
            try:
                builder.add(table, row)
            except _ROW_ERRORS as error:
                raise _damaged(name, _row_fault(table, number, error)) from None
    return builder.finish(name)


def _from_lines(handle: Any, name: str) -> Loaded:
    """Models from a file in `encode_database`'s layout; raises _NotLineLayout otherwise."""
    try:
        first = handle.readline()
        if not first.startswith(b'{"meta": ') or not first.endswith(b",\n"):
            raise _NotLineLayout
        meta = json.loads(first[9:-2])
        _check_format(_meta_row(meta), name)
        builder = _Builder()
        table: str | None = None
        finished = False
        seen: set[str] = set()
        number = 0
        for line in handle:
            if finished or not line.endswith(b"\n"):
                raise _NotLineLayout
            if table is None:
                if not (line.startswith(b'"') and line.endswith(b'": {\n')):
                    raise _NotLineLayout
                table = line[1:-5].decode("utf-8")
                seen.add(table)
                number = 0
                continue
            if line in (b"},\n", b"}}\n"):
                finished = line == b"}}\n"
                table = None
                continue
            key, separator, value = line.partition(b": ")
            if not separator or not key.startswith(b'"'):
                raise _NotLineLayout
            value = value[:-2] if value.endswith(b",\n") else value[:-1]
            row = json.loads(value)
            number += 1
            if table in TABLES:
                try:
                    builder.add(table, row)
                except _ROW_ERRORS as error:
                    raise _damaged(name, _row_fault(table, number, error)) from None
        if not finished:
            raise _NotLineLayout
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise _NotLineLayout from None
    for table in TABLES:
        if table not in seen:
            raise _damaged(name, f"it has no {table!r} table")
    return builder.finish(name)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise _Fault(f"expected text, found {_shown(value)}")
    return clean_text(value)


def _opt(value: Any) -> str | None:
    return None if value is None else _text(value)


def _list(values: Any) -> list[Any]:
    if values is None:
        return []
    if not isinstance(values, list):
        raise _Fault(f"expected a list, found {_shown(values)}")
    return values


def _texts(values: Any) -> tuple[str, ...]:
    return tuple(_text(v) for v in _list(values))


def _offset(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _Fault(f"expected an offset, found {_shown(value)}")
    return value


_KINDS = {
    "actor": frozenset(ACTOR["kind"].choices),
    "meeting": frozenset(MEETING["status"].choices),
    "quote": frozenset(QUOTE["kind"].choices),
}


def _check_consistency(loaded: Loaded) -> None:
    """Every id unique, every reference resolving, every span inside its article's body.

    A database written by `explorer import` always passes; one edited by hand, truncated
    and repaired, or written by something else may not, and would otherwise fail later, in
    the middle of a command or of the app, far from its cause. Raises _Fault.
    """
    articles: dict[str, int] = {}
    for article in loaded.articles:
        if article.id in articles:
            raise _Fault(f"article {article.id!r} is there twice")
        articles[article.id] = len(article.body)
    tables: dict[str, set[str]] = {}
    for kind, items in (
        ("actor", loaded.actors),
        ("meeting", loaded.meetings),
        ("quote", loaded.quotes),
    ):
        ids: set[str] = set()
        for item in items:
            if item.id in ids:
                raise _Fault(f"{kind} {item.id!r} is there twice")
            ids.add(item.id)
        tables[kind] = ids

    def resolve(what: str, kind: str, target: str | None, where: str) -> None:
        known = articles if kind == "article" else tables[kind]
        if target not in known:
            raise _Fault(f"{what} names {where} {target!r}, which is not in the database")

    def spans_fit(what: str, spans: Sequence[Span]) -> None:
        for span in spans:
            size = articles.get(span.article)
            if size is None:
                resolve(what, "article", span.article, "the article")
            elif not (
                0 <= span.sentence_start <= span.start <= span.end <= span.sentence_end <= size
            ):
                raise _Fault(f"{what} points outside the body of article {span.article!r}")

    for actor in loaded.actors:
        what = f"actor {actor.id!r}"
        if actor.kind not in _KINDS["actor"]:
            raise _Fault(f"{what} has the unknown kind {actor.kind!r}")
        if not actor.articles:
            raise _Fault(f"{what} is in no article")
        for article_id in actor.articles:
            resolve(what, "article", article_id, "the article")
        for parent in actor.member_of:
            resolve(what, "actor", parent, "the actor")
        for role in actor.roles:
            resolve(what, "article", role.article, "the article")
        spans_fit(what, actor.spans)
    for meeting in loaded.meetings:
        what = f"meeting {meeting.id!r}"
        if meeting.status not in _KINDS["meeting"]:
            raise _Fault(f"{what} has the unknown status {meeting.status!r}")
        for article_id in (meeting.article, *meeting.articles):
            resolve(what, "article", article_id, "the article")
        for report in meeting.reports:
            resolve(what, "article", report.article, "the article")
            if report.status not in _KINDS["meeting"]:
                raise _Fault(f"{what} has the unknown status {report.status!r}")
        for participant in meeting.participants:
            resolve(what, "actor", participant, "the participant")
        spans_fit(what, meeting.spans)
    for quote in loaded.quotes:
        what = f"quote {quote.id!r}"
        if quote.kind not in _KINDS["quote"]:
            raise _Fault(f"{what} has the unknown kind {quote.kind!r}")
        resolve(what, "article", quote.article, "the article")
        for speaker in quote.speakers:
            resolve(what, "actor", speaker, "the speaker")
        if quote.meeting is not None:
            resolve(what, "meeting", quote.meeting, "the meeting")
        spans_fit(what, quote.spans)


class _Builder:
    """Rows to models. Ids, kinds and span offsets recur by the hundred thousand in a large
    corpus; each distinct value is kept once (a 1,000-article corpus loads in a third of the
    memory it would otherwise take)."""

    def __init__(self) -> None:
        self.loaded = Loaded([], [], [], [])
        self._memo: dict[Any, Any] = {}

    def _same(self, value: Any) -> Any:
        return self._memo.setdefault(value, value)

    def _id(self, value: Any) -> str:
        text = _text(value)
        same: str = self._memo.setdefault(text, text)
        return same

    def _ids(self, values: Any) -> tuple[str, ...]:
        return tuple(self._id(v) for v in _list(values))

    def _spans(self, rows: Any) -> tuple[Span, ...]:
        same = self._same
        spans = []
        for r in _list(rows):
            if not isinstance(r, list) or len(r) != 6:
                raise _Fault(f"expected a span of six values, found {_shown(r)}")
            spans.append(
                Span(
                    self._id(r[0]),
                    same(_offset(r[1])),
                    same(_offset(r[2])),
                    same(_offset(r[3])),
                    same(_offset(r[4])),
                    self._id(r[5]),
                )
            )
        return tuple(spans)

    def _role(self, r: Any) -> ActorRole:
        if not isinstance(r, dict):
            raise _Fault(f"expected a role, found {_shown(r)}")
        return ActorRole(
            self._id(r["article"]),
            date.fromisoformat(_text(r["published"])),
            _opt(r.get("role")),
            _opt(r.get("note")),
        )

    def _report(self, r: Any) -> MeetingReport:
        if not isinstance(r, dict):
            raise _Fault(f"expected a report, found {_shown(r)}")
        return MeetingReport(
            self._id(r["article"]),
            date.fromisoformat(_text(r["published"])),
            self._id(r["status"]),
            parse_when(_text(r["when"])) if r.get("when") else None,
            _texts(r.get("evidence")),
        )

    def finish(self, name: str) -> Loaded:
        """The models, once they are known to hang together (else DatabaseDamaged)."""
        try:
            _check_consistency(self.loaded)
        except _Fault as fault:
            raise _damaged(name, str(fault)) from None
        return self.loaded

    def add(self, table: str, r: Any) -> None:
        if not isinstance(r, dict):
            raise _Fault(f"expected a record, found {_shown(r)}")
        if table == "articles":
            self.loaded.articles.append(
                Article(
                    id=self._id(r["id"]),
                    title=_text(r["title"]),
                    published=date.fromisoformat(_text(r["published"])),
                    body=_text(r["body"]),
                    source=_opt(r.get("source")),
                    url=_opt(r.get("url")),
                    subheadings=_texts(r.get("subheadings")),
                    file=_opt(r.get("file")),
                )
            )
        elif table == "actors":
            self.loaded.actors.append(
                Actor(
                    id=self._id(r["id"]),
                    name=_text(r["name"]),
                    kind=self._id(r["kind"]),
                    role=_opt(r.get("role")),
                    member_of=self._ids(r.get("member_of")),
                    aliases=_texts(r.get("aliases")),
                    evidence=_texts(r.get("evidence")),
                    note=_opt(r.get("note")),
                    articles=self._ids(r.get("articles")),
                    spans=self._spans(r.get("spans", [])),
                    roles=tuple(self._role(x) for x in _list(r.get("roles"))),
                )
            )
        elif table == "meetings":
            self.loaded.meetings.append(
                Meeting(
                    id=self._id(r["id"]),
                    title=_text(r["title"]),
                    status=self._id(r["status"]),
                    article=self._id(r["article"]),
                    participants=self._ids(r.get("participants")),
                    when=parse_when(_text(r["when"])) if r.get("when") else None,
                    where=_opt(r.get("where")),
                    summary=_opt(r.get("summary")),
                    evidence=_texts(r.get("evidence")),
                    note=_opt(r.get("note")),
                    spans=self._spans(r.get("spans", [])),
                    articles=self._ids(r.get("articles")),
                    reports=tuple(self._report(x) for x in _list(r.get("reports"))),
                )
            )
        elif table == "quotes":
            speakers = r["speaker"]
            speakers = self._ids(speakers) if isinstance(speakers, list) else (self._id(speakers),)
            if not speakers:
                raise _Fault("a quote has no speaker")
            self.loaded.quotes.append(
                Quote(
                    id=self._id(r["id"]),
                    text=_text(r["text"]),
                    speaker=speakers[0],
                    speakers=speakers,
                    kind=self._id(r["kind"]),
                    article=self._id(r["article"]),
                    meeting=None if r.get("meeting") is None else self._id(r["meeting"]),
                    evidence=_texts(r.get("evidence")),
                    note=_opt(r.get("note")),
                    spans=self._spans(r.get("spans", [])),
                )
            )

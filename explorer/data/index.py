"""Persisted indexes beside a database, so that one question reads only what it needs.

TinyDB (the JSON database `explorer import` writes) stays the store of every entity. Beside it,
`<database>.index` is an SQLite file of derived data only, built from the database and never
written to by anything else:

- ``items``: every article, actor, meeting and quote by (kind, id): its database row, and its
  place in the database (file order);
- ``links``: each relation both ways (members of an actor, meetings of a participant, quotes
  of a speaker and of a meeting) and the items of each article;
- ``orders``: the orders the app lists things in (actors by name, meetings by date, the
  timeline, articles by publication);
- ``heads``: each actor's name and aliases, each article's title and day, each meeting's
  title, apart from their rows (an actor of many articles has a row of megabytes, an article
  its body): what lists and the lines about a quote show. An index written before it had
  this table answers the same from the rows;
- ``actor_heads``: each actor's row in its pane (name, kind, role, how many articles and the
  first) and how many distinct sentences support it; ``links`` also holds ``spoken_of``, the
  meetings an actor's statements speak of without it taking part. An actor of many articles
  has a hundred thousand spans and thousands of statements: its detail and its row read
  these, not them. It also holds the actor's row without its spans and roles (``slim``, what
  `IndexedCorpus.get` decodes) and whether its roles vary over its articles;
- ``actor_spans``: each actor's spans, one row for each run of them in one article (the
  article, where the run starts among the actor's spans, its spans as stored), so that a page
  of an actor's sentences reads the spans of a few articles, not a row of megabytes;
- ``related_places``: for each actor, the places in the Meetings and the Quotes panes' orders
  of the meetings and quotes related to it (`Corpus.related`), sorted, as 4-byte numbers: a
  pane relinked to an actor of 36,000 statements reads one row, not 36,000 ids to look up;
- the quote search engine's own structures (`explorer.data.search`): quotes numbered in rank
  order, postings per word, pairs of common words, pre-joined prefixes, field values and the
  name keys of speaker:, meeting: and article:. `StoredSearchIndex` runs the engine's code
  unchanged over them, fetched lazily, so it ranks and matches exactly as the in-memory one.

The index records the database's content hash (written in the database's meta row, in the
same atomic write as its rows) and the file's size and modification time. When any of these
differ, or the index is missing, of another format or unreadable, it is stale: it is rebuilt
from the database (`open_indexed`), into a temporary file renamed over the old one, so a
reader sees the old index or the new one. Where it cannot be written (a read-only folder),
the corpus is read into memory as before: slower, never wrong.

Measured on the synthetic 1,000-article corpus (50,000 quotes, this 2-core machine): SQLite
FTS5 builds its text index in 0.5 s and answers a word in 0.5 ms, but its tokens, prefixes and
ranking are not the engine's (no typo-near words, no pair index, no rank order); the engine's
own structures, stored as blobs, give the same answers by construction at a cost of a few
SQLite lookups per query word. That is the format chosen here.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from array import array
from collections import OrderedDict
from collections.abc import (
    Callable,
    Collection,
    Iterable,
    Iterator,
    KeysView,
    Mapping,
    Sequence,
)
from datetime import date
from itertools import chain
from pathlib import Path
from typing import Any

from explorer.data.atomic import FileRange, fsync_directory
from explorer.data.bulk import collector_paused
from explorer.data.corpus import ActorHead, Corpus, QuoteLinks, RelationGroup
from explorer.data.errors import StoreError
from explorer.data.models import (
    ITEM_KINDS,
    Actor,
    Article,
    Item,
    ItemKind,
    Loaded,
    Meeting,
    MeetingReport,
    Quote,
    Ref,
    Span,
)
from explorer.data.records import article_record, item_record
from explorer.data.text import clean_text

DECODE_MEMO = 100_000  # distinct values `_decoder` shares between the items it decodes
INDEX_FORMAT = 5  # 2: built from a database of format 2 (format-1.1 fields); 3: actor_heads,
# and the meetings each actor's statements speak of; 4: actor_spans, and actor_heads' slim
# rows and roles_vary; 5: related_places
INDEX_SUFFIX = ".index"
BUILD_CACHE_KIB = 96 * 1024  # SQLite's page cache while an index is built
SENTENCE_PAGES_CACHED = 8  # actors' first sentences `IndexedCorpus.sentences` keeps
CLOSE_IDS_SCORED = 50_000  # ids `IndexedCorpus.close_ids` may score (of every kind asked)

_TABLE_OF = {"article": "articles", "actor": "actors", "meeting": "meetings", "quote": "quotes"}
_LINKS = ("members", "meetings_of_actor", "quotes_by_actor", "quotes_of_meeting")
ORDERS = ("actor", "meeting", "quote", "timeline", "article")
# More articles than this asked about at once (an actor's sentences): every article's id
# is read, once, rather than each article looked up.
ARTICLES_ASKED = 500


class IndexUnusable(Exception):
    """The index file is missing, stale, of another format or damaged: rebuild it."""


def index_path_for(db_path: str | os.PathLike[str]) -> Path:
    """The index file that belongs to a database: beside it, named after it."""
    db = Path(db_path)
    return db.with_name(db.name + INDEX_SUFFIX)


# -- the database's stamp ---------------------------------------------------------------------


# The meta row names every article file with its hash: about 130 bytes a file, so 1.3 MB at
# 10,000 files. A longer first line is not the meta row of `encode_database`'s layout.
_META_LINE_MAX = 64 << 20


def database_stamp(db_path: str | os.PathLike[str]) -> dict[str, Any] | None:
    """What ties an index to one state of the database: its content hash (from the meta row on
    its first line, when it has one), size and modification time; None if it cannot be read."""
    try:
        status = os.stat(db_path)
        with open(db_path, "rb") as handle:
            first = handle.readline(_META_LINE_MAX)
    except OSError:
        return None
    content = None
    if first.startswith(b'{"meta": ') and first.endswith(b",\n"):
        try:
            meta = json.loads(first[9:-2])
            row = next(iter(meta.values()), None) if isinstance(meta, dict) else None
            if isinstance(row, dict) and isinstance(row.get("content"), str):
                content = row["content"]
        except ValueError:
            content = None
    return {"content": content, "size": status.st_size, "mtime_ns": status.st_mtime_ns}


# -- building ---------------------------------------------------------------------------------


def _pack(docs: Any, nbytes: int) -> bytes:
    """A set of quote numbers as stored: a bitset ("B") or sorted 4-byte numbers ("A")."""
    if isinstance(docs, int):
        return b"B" + docs.to_bytes(nbytes, "little")
    numbers = docs if isinstance(docs, array) else array("I", sorted(docs))
    return b"A" + numbers.tobytes()


def _unpack(blob: bytes) -> Any:
    if blob[:1] == b"B":
        return int.from_bytes(blob[1:], "little")
    if blob[:1] == b"A" and (len(blob) - 1) % 4 == 0:
        numbers = array("I")
        numbers.frombytes(blob[1:])
        return numbers
    raise IndexUnusable("a set of quotes is damaged")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _actor_order(actor: Actor) -> tuple[str, str]:
    # As the Actors pane lists them (explorer.widgets.rows.sort_items).
    return (actor.label.casefold(), actor.id)


def _meeting_order(meeting: Meeting) -> tuple[bool, tuple[date, date] | tuple[()], str]:
    # As the Meetings pane lists them (explorer.widgets.rows.sort_items).
    return (meeting.when is None, meeting.when.sort_key if meeting.when else (), meeting.id)


def _timeline_order(meeting: Meeting) -> tuple[int, tuple[date, date], str, str]:
    # As the timeline lists them (explorer.screens.timeline.timeline_order).
    if meeting.when is None:
        return (1, (date.max, date.max), meeting.title.casefold(), meeting.id)
    return (0, meeting.when.sort_key, meeting.title.casefold(), meeting.id)


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE items (kind TEXT, id TEXT, pos INTEGER NOT NULL, row TEXT NOT NULL,
                    PRIMARY KEY (kind, id)) WITHOUT ROWID;
CREATE TABLE links (name TEXT, key TEXT, pos INTEGER, target TEXT NOT NULL,
                    PRIMARY KEY (name, key, pos)) WITHOUT ROWID;
CREATE TABLE orders (name TEXT, pos INTEGER, id TEXT NOT NULL,
                     PRIMARY KEY (name, pos)) WITHOUT ROWID;
CREATE TABLE qdocs (doc INTEGER PRIMARY KEY, id TEXT NOT NULL, folded TEXT NOT NULL);
CREATE TABLE postings (word TEXT PRIMARY KEY, docs BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE vocab (pos INTEGER PRIMARY KEY, word TEXT NOT NULL);
CREATE TABLE pairs (pair TEXT PRIMARY KEY, docs BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE prefixes (prefix TEXT PRIMARY KEY, docs BLOB NOT NULL, rare BLOB NOT NULL,
                       common TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE fields (name TEXT, key TEXT, docs BLOB NOT NULL,
                     PRIMARY KEY (name, key)) WITHOUT ROWID;
CREATE TABLE keys (field TEXT, head TEXT, target TEXT, number INTEGER, start INTEGER,
                   PRIMARY KEY (field, head, target, number, start)) WITHOUT ROWID;
CREATE TABLE names (field TEXT, number INTEGER, name TEXT NOT NULL,
                    PRIMARY KEY (field, number)) WITHOUT ROWID;
CREATE TABLE heads (kind TEXT, id TEXT, name TEXT NOT NULL, extra TEXT,
                    PRIMARY KEY (kind, id)) WITHOUT ROWID;
CREATE TABLE actor_heads (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
                          role TEXT, articles INTEGER NOT NULL, first TEXT,
                          sentences INTEGER NOT NULL, slim TEXT NOT NULL,
                          roles_vary INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE actor_spans (id TEXT, article TEXT, first INTEGER, spans TEXT NOT NULL,
                          PRIMARY KEY (id, article, first)) WITHOUT ROWID;
CREATE TABLE related_places (id TEXT, kind TEXT, places BLOB NOT NULL,
                             PRIMARY KEY (id, kind)) WITHOUT ROWID;
"""


# A database's rows as written, encoded: table name ("articles", …) -> one JSON row each.
Rows = Mapping[str, Iterable[Any]]


class _FileRows(Mapping[str, Iterable[bytes]]):
    """The rows of a database file in `store.encode_database`'s layout, table by table, read
    from the file whenever they are iterated: an index is built from what was written without
    the rows being held in memory beside it."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._tables: dict[str, tuple[int, int]] = {}
        with open(path, "rb") as handle:
            offset = len(handle.readline())  # the meta row
            table, start = "", 0
            for line in handle:
                if not table and line.startswith(b'"') and line.endswith(b'": {\n'):
                    table, start = line[1:-5].decode("utf-8"), offset + len(line)
                elif table and line in (b"},\n", b"}}\n"):
                    self._tables[table] = (start, offset)
                    table = ""
                offset += len(line)

    def __getitem__(self, table: str) -> Iterable[bytes]:
        start, end = self._tables[table]
        return _RowsBetween(self._path, start, end)

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)


class _RowsBetween:
    """One table's rows: the JSON of each `"N": {…},` line between two offsets of a file."""

    def __init__(self, path: Path, start: int, end: int) -> None:
        self._path, self._start, self._end = path, start, end

    def __iter__(self) -> Iterator[bytes]:
        with open(self._path, "rb") as handle:
            handle.seek(self._start)
            left = self._end - self._start
            while left > 0:
                line = handle.readline()
                if not line:
                    return
                left -= len(line)
                value = line[line.index(b": ") + 2 :]
                yield value[:-2] if value.endswith(b",\n") else value.rstrip(b"\n")


_DECODE_BATCH = 256  # rows decoded at once: more holds more of them in memory for no gain


def _decode_rows(batch: list[bytes]) -> list[Any]:
    """Each row of `batch` decoded; a row that is not one JSON value raises ValueError, as
    decoding it alone would (a damaged row must not shift its neighbours)."""
    if not batch:
        return []
    values = json.loads(b"[" + b",".join(batch) + b"]")
    if len(values) != len(batch):
        return [json.loads(row) for row in batch]
    return values  # type: ignore[no-any-return]


@collector_paused()
def _light(rows: Rows) -> Loaded:
    """What the index needs of each row, as models without bodies or provenance: a quote
    keeps one span, where it stands in its article (its place in the rank order)."""
    from sys import intern

    from explorer.data.dates import parse_when

    def read(table: str) -> Iterator[dict[str, Any]]:
        # Rows are decoded a few hundred at a time, as one JSON list: a call a row costs
        # more than decoding most rows does.
        batch: list[bytes] = []
        for row in rows.get(table, ()):
            batch.append(bytes(row))
            if len(batch) == _DECODE_BATCH:
                yield from _decode_rows(batch)
                batch = []
        yield from _decode_rows(batch)

    def actor_rows() -> Iterator[dict[str, Any]]:
        # An actor's spans (every mention, a quarter of the database) are its row's last
        # field and unused here: the row is read without them. Inside a string JSON escapes
        # every `"`, so these bytes can only be that field's key, and with no `": `
        # after them (a key's end) no field follows it.
        key = b', "spans": ['
        for row in rows.get("actors", ()):
            data = bytes(row)
            cut = data.rfind(key)
            if cut != -1 and data.endswith(b"]}") and b'": ' not in data[cut + len(key) :]:
                try:
                    yield json.loads(data[:cut] + b"}")
                except ValueError:
                    yield json.loads(data)
                continue
            yield json.loads(data)

    articles = [
        Article(intern(r["id"]), r["title"], date.fromisoformat(r["published"]), "")
        for r in read("articles")
    ]
    actors = [
        Actor(
            intern(r["id"]),
            r["name"],
            intern(r["kind"]),
            member_of=tuple(map(intern, r.get("member_of", ()))),
            aliases=tuple(r.get("aliases", ())),
            articles=tuple(map(intern, r.get("articles", ()))),
        )
        for r in actor_rows()
    ]
    meetings = [
        Meeting(
            intern(r["id"]),
            r["title"],
            intern(r["status"]),
            intern(r["article"]),
            participants=tuple(map(intern, r.get("participants", ()))),
            when=parse_when(r["when"]) if r.get("when") else None,
            articles=tuple(map(intern, r.get("articles", ()))),
        )
        for r in read("meetings")
    ]
    quotes = []
    for r in read("quotes"):
        article = intern(r["article"])
        places = [s[1] for s in r.get("spans", ()) if s[0] == article]
        speakers = r["speaker"] if isinstance(r["speaker"], list) else [r["speaker"]]
        quotes.append(
            Quote(
                intern(r["id"]),
                r["text"],
                intern(speakers[0]),
                intern(r["kind"]),
                article,
                intern(r["meeting"]) if r.get("meeting") is not None else None,
                spans=(Span(article, min(places), 0, 0, 0, ""),) if places else (),
                speakers=tuple(map(intern, speakers)),
            )
        )
    return Loaded(articles, actors, meetings, quotes)


def _item_rows(loaded: Loaded, rows: Rows | None) -> Iterator[tuple[str, str, int, str]]:
    """(kind, id, place, row) of every item: the database's own rows when given."""
    items: tuple[tuple[str, str, Sequence[Article | Item]], ...] = (
        ("article", "articles", loaded.articles),
        ("actor", "actors", loaded.actors),
        ("meeting", "meetings", loaded.meetings),
        ("quote", "quotes", loaded.quotes),
    )
    for kind, table, models in items:
        if rows is not None:
            for n, (model, row) in enumerate(zip(models, rows.get(table, ()), strict=True)):
                yield kind, model.id, n, bytes(row).decode("utf-8")
            continue
        for n, model in enumerate(models):
            record = article_record(model) if isinstance(model, Article) else item_record(model)
            yield kind, model.id, n, _dumps(record)


def _head_rows(loaded: Loaded) -> Iterator[tuple[str, str, str, str | None]]:
    """(kind, id, name, extra) of every actor (its aliases as JSON), article (its day) and
    meeting: what lists and lines about items show, apart from their rows (an actor of many
    articles has a row of megabytes, an article its body)."""
    for actor in loaded.actors:
        yield "actor", actor.id, actor.name, _dumps(list(actor.aliases))
    for article in loaded.articles:
        yield "article", article.id, article.title, article.published.isoformat()
    for meeting in loaded.meetings:
        yield "meeting", meeting.id, meeting.title, None


ActorHeadRow = tuple[str, str, str, str | None, int, str | None, int, str, int]
SpanRun = tuple[str, str, int, str]


def _actor_rows(loaded: Loaded, rows: Rows | None) -> Iterator[tuple[ActorHeadRow, list[SpanRun]]]:
    """Each actor's `actor_heads` row and `actor_spans` rows, from the database's rows when
    given (`_light` models have no roles nor spans), else from its models as stored."""
    articles = {article.id for article in loaded.articles}
    if rows is None:
        records: Iterable[Any] = (item_record(actor) for actor in loaded.actors)
    else:
        records = (json.loads(bytes(row)) for row in rows.get("actors", ()))
    for actor, record in zip(loaded.actors, records, strict=True):
        yield actor_tables_rows(actor.id, record, articles)


def actor_tables_rows(
    ident: str, record: dict[str, Any], articles: Collection[str] | None
) -> tuple[ActorHeadRow, list[SpanRun]]:
    """One actor's (id, name, kind, role, article count, first article, distinct sentences,
    slim row, roles vary) and its runs of spans (id, article, first place, spans as JSON),
    from its stored row: a sentence counts once, and only in an article of `articles` (every
    one when None), as `Corpus.sentence_count`."""
    spans = record.get("spans") or []
    found = {(s[0], s[3], s[4]) for s in spans}
    cleaned = {article: clean_text(article) for article, _, _ in found}
    keys = {
        (cleaned[a], start, end)
        for a, start, end in found
        if articles is None or cleaned[a] in articles
    }
    listed = record.get("articles") or ()
    first = clean_text(listed[0]) if listed else None
    role = record.get("role")
    role = clean_text(role) if isinstance(role, str) else None
    name, kind = clean_text(record["name"]), clean_text(record["kind"])
    roles = {
        clean_text(r["role"])
        for r in record.get("roles") or ()
        if isinstance(r, dict) and isinstance(r.get("role"), str) and r["role"]
    } - {""}
    slim = _dumps({k: v for k, v in record.items() if k not in ("spans", "roles")})
    head = (ident, name, kind, role, len(listed), first, len(keys), slim, int(len(roles) > 1))
    runs: list[SpanRun] = []
    at = 0
    while at < len(spans):
        article = spans[at][0]
        end = at + 1
        while end < len(spans) and spans[end][0] == article:
            end += 1
        runs.append((ident, str(article), at, _dumps(spans[at:end])))
        at = end
    return head, runs


def _link_rows(corpus: Corpus) -> Iterator[tuple[str, str, int, str]]:
    """(name, key, place, target) of every relation, in key order, so each row goes at the
    end of the table's tree rather than into its middle. Made as they are inserted: at 10,000
    articles the million and a half rows, as one sorted list, took a quarter of a gigabyte."""
    tables: dict[str, Mapping[str, Sequence[object]]] = {
        name: getattr(corpus, name) for name in _LINKS
    }
    tables["items_in_article"] = corpus.items_in_article
    for name in sorted(tables):
        table = tables[name]
        for key in sorted(table):
            for n, target in enumerate(table[key]):
                yield name, key, n, str(target)
    # `spoken_of`, last of the names in order: `Corpus.spoken_of` of every speaker.
    for actor in sorted(corpus.quotes_by_actor):
        for n, meeting in enumerate(corpus.spoken_of(actor)):
            yield "spoken_of", actor, n, meeting


def _related_place_rows(
    corpus: Corpus, orders: Mapping[str, Sequence[str]]
) -> Iterator[tuple[str, str, bytes]]:
    """(actor, kind, places) of every actor with meetings or quotes related to it: their
    places in the panes' orders (`orders`), sorted, packed as 4-byte numbers. The meetings
    are those `Corpus.related` gives (its own, and those its statements speak of)."""
    for kind in ("meeting", "quote"):
        place = {ident: n for n, ident in enumerate(orders[kind])}
        if kind == "quote":
            actors: Iterable[str] = sorted(corpus.quotes_by_actor)
        else:
            actors = sorted(set(corpus.meetings_of_actor) | set(corpus.quotes_by_actor))
        for actor in actors:
            if kind == "quote":
                ids: Iterable[str] = corpus.quotes_by_actor.get(actor, ())
            else:
                ids = chain(corpus.meetings_of_actor.get(actor, ()), corpus.spoken_of(actor))
            places = sorted({n for ident in ids if (n := place.get(ident)) is not None})
            if places:
                yield actor, kind, array("I", places).tobytes()
        del place


@collector_paused()
def _fill(con: sqlite3.Connection, loaded: Loaded, rows: Rows | None = None) -> dict[str, Any]:
    """Every table but meta; returns the meta values the readers need. `rows`, when given,
    are the database's rows of the same items, stored as they are."""
    from explorer.data.search import SearchIndex

    corpus = Corpus(loaded)
    con.executemany("INSERT INTO items VALUES (?, ?, ?, ?)", _item_rows(loaded, rows))
    con.executemany("INSERT INTO heads VALUES (?, ?, ?, ?)", _head_rows(loaded))
    for head, runs in _actor_rows(loaded, rows):
        con.execute("INSERT INTO actor_heads VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", head)
        con.executemany("INSERT INTO actor_spans VALUES (?, ?, ?, ?)", runs)
    con.executemany("INSERT INTO links VALUES (?, ?, ?, ?)", _link_rows(corpus))
    orders = {
        "actor": [a.id for a in sorted(loaded.actors, key=_actor_order)],
        "meeting": [m.id for m in sorted(loaded.meetings, key=_meeting_order)],
        "quote": [q.id for q in loaded.quotes],
        "timeline": [m.id for m in sorted(loaded.meetings, key=_timeline_order)],
        "article": [a.id for a in sorted(loaded.articles, key=lambda a: (a.published, a.id))],
    }
    con.executemany(
        "INSERT INTO related_places VALUES (?, ?, ?)", _related_place_rows(corpus, orders)
    )
    # The engine reads only the corpus's items: their relations (an item of each article,
    # hundreds of thousands of them at 10,000 articles) are stored now and let go before it.
    corpus.members = corpus.meetings_of_actor = {}
    corpus.quotes_by_actor = corpus.quotes_of_meeting = {}
    corpus.items_in_article = {}
    con.executemany(
        "INSERT INTO orders VALUES (?, ?, ?)",
        ((name, n, ident) for name, ids in orders.items() for n, ident in enumerate(ids)),
    )
    # The big cache served the inserts into the middle of the items' tree; the search tables
    # go in in key order. Its pages are handed back before the engine, the largest thing
    # built here, is made.
    con.execute("PRAGMA cache_size=-2000")
    con.execute("PRAGMA shrink_memory")
    engine = SearchIndex(corpus)
    nbytes = engine._sets.nbytes
    con.executemany(
        "INSERT INTO qdocs VALUES (?, ?, ?)",
        ((d, q.id, engine._texts[d]) for d, q in enumerate(engine._quotes)),
    )
    con.executemany(
        "INSERT INTO postings VALUES (?, ?)",
        ((w, _pack(docs, nbytes)) for w, docs in sorted(engine._postings.items())),
    )
    con.executemany("INSERT INTO vocab VALUES (?, ?)", enumerate(engine._vocab))
    con.executemany(
        "INSERT INTO pairs VALUES (?, ?)",
        ((p, _pack(docs, nbytes)) for p, docs in sorted(engine._pairs.items())),
    )
    con.executemany(
        "INSERT INTO prefixes VALUES (?, ?, ?, ?)",
        (
            (p, _pack(x.docs, nbytes), _pack(x.rare_docs, nbytes), _dumps(list(x.common_words)))
            for p, x in sorted(engine._prefixes.items())
        ),
    )
    con.executemany(
        "INSERT INTO fields VALUES (?, ?, ?)",
        (
            (name, key, _pack(docs, nbytes))
            for name, table in sorted(engine._field_docs.items())
            for key, docs in sorted(table.items())
        ),
    )
    for field, keys in (
        ("speaker", engine._speakers),
        ("meeting", engine._meetings),
        ("article", engine._articles),
    ):
        con.executemany(
            "INSERT INTO keys VALUES (?, ?, ?, ?, ?)", ((field, *key) for key in keys._keys)
        )
        con.executemany(
            "INSERT INTO names VALUES (?, ?, ?)",
            ((field, n, name) for n, name in enumerate(keys._names)),
        )
    return {
        "counts": {
            "article": len(loaded.articles),
            "actor": len(loaded.actors),
            "meeting": len(loaded.meetings),
            "quote": len(loaded.quotes),
        },
        "longest": engine._longest,
        "alphabet": engine._alphabet,
        "common": sorted(engine._common),
        "vocab": len(engine._vocab),
    }


def _temporary_path(target: Path) -> Path:
    import secrets

    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")


def build_index_file(loaded: Loaded, target: Path, rows: Rows | None = None) -> Path:
    """Write the index of `loaded` to a new temporary file beside `target`; returns its path.

    With `rows` (the database's rows as written), `loaded` may be `_light(rows)`.

    The caller stamps it (`stamp_index_file`) and renames it into place (`install_index`).
    """
    temporary = _temporary_path(target)
    try:
        con = sqlite3.connect(temporary, isolation_level=None)
        try:
            con.execute("PRAGMA journal_mode=OFF")
            con.execute("PRAGMA synchronous=OFF")
            # Items go in by file order, not key order: with the default 2 MB of cache each
            # insert into the middle of the tree reads and writes pages back and forth.
            con.execute(f"PRAGMA cache_size=-{BUILD_CACHE_KIB}")
            con.executescript(_SCHEMA)
            con.execute("BEGIN")
            meta = _fill(con, loaded, rows)
            meta["format"] = INDEX_FORMAT
            con.executemany(
                "INSERT INTO meta VALUES (?, ?)", ((k, _dumps(v)) for k, v in meta.items())
            )
            con.execute("COMMIT")
        finally:
            con.close()
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


STAMP_KEYS = ("content", "size", "mtime_ns")


def _stamp_text(
    stamp: dict[str, Any] | None,
    record: dict[str, Any] | None = None,
    previous: dict[str, Any] | None = None,
) -> str:
    """The index's 'database' meta value: the stamp of the database it answers for (while a
    database of the very same rows replaces the old one, with the old one's stamp as
    `previous`), then, on a line of its own, what the import that wrote both recorded
    (`record`, see `IndexedCorpus.import_record`). A reader decodes the stamp alone: the
    record, which names every file, is read only by the next import."""
    if stamp is None:
        return _dumps(None)
    value = dict(stamp)
    if previous is not None:
        value["previous"] = {k: previous.get(k) for k in STAMP_KEYS}
    text = _dumps(value)
    return text if record is None else text + "\n" + _dumps(record)


def _split_stamp(text: str) -> tuple[Any, str]:
    """The stamp at the start of a 'database' meta value, and what follows it."""
    value, end = json.JSONDecoder().raw_decode(text)
    return value, text[end:]


def stamp_matches(stored: Any, stamp: dict[str, Any] | None) -> bool:
    """True when an index's 'database' value answers for a database with this stamp."""
    if stamp is None or not isinstance(stored, dict):
        return False
    wanted = {k: stamp.get(k) for k in STAMP_KEYS}
    if {k: stored.get(k) for k in STAMP_KEYS} == wanted:
        return True
    previous = stored.get("previous")
    return isinstance(previous, dict) and {k: previous.get(k) for k in STAMP_KEYS} == wanted


def stamp_index_file(
    temporary: Path, stamp: dict[str, Any] | None, record: dict[str, Any] | None = None
) -> None:
    """Record which state of the database the index belongs to, and make it durable."""
    con = sqlite3.connect(temporary, isolation_level=None)
    try:
        con.execute(
            "INSERT OR REPLACE INTO meta VALUES ('database', ?)",
            (_stamp_text(stamp, record),),
        )
    finally:
        con.close()
    with open(temporary, "rb+") as handle:
        os.fsync(handle.fileno())


def restamp_index(
    db_path: str | os.PathLike[str],
    stamp: dict[str, Any],
    record: dict[str, Any] | None,
    previous: dict[str, Any] | None = None,
) -> None:
    """Re-stamp the database's index in place, in one SQLite transaction (durable when it
    returns): for a database whose rows are the very ones the index was built from. With
    `previous`, it answers for both the old file and the new one, so the rename between
    them needs no rebuild whenever a crash falls. Raises OSError or sqlite3.Error."""
    target = index_path_for(db_path)
    if not target.is_file():
        raise FileNotFoundError(str(target))
    con = sqlite3.connect(target, isolation_level=None)
    try:
        con.execute("PRAGMA synchronous=FULL")
        con.execute(
            "UPDATE meta SET value = ? WHERE key = 'database'",
            (_stamp_text(stamp, record, previous),),
        )
    finally:
        con.close()


def install_index(temporary: Path, target: Path) -> None:
    """Rename a stamped index into place: readers see the old index or the new one.

    A hot journal the old file left (a patch that died before its commit) belongs to the old
    file: left beside the new one, SQLite's next read-write open would roll the old pages into
    it. It goes as soon as the new file is in place.
    """
    try:
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    with contextlib.suppress(FileNotFoundError):
        os.unlink(target.with_name(target.name + "-journal"))
    fsync_directory(target.parent)


def write_index(
    db_path: str | os.PathLike[str],
    loaded: Loaded,
    stamp: dict[str, Any],
    rows: Rows | None = None,
) -> None:
    """Build, stamp and install the index of the database at `db_path` (raises OSError);
    `rows`, as for `build_index_file`."""
    target = index_path_for(db_path)
    temporary = build_index_file(loaded, target, rows)
    try:
        stamp_index_file(temporary, stamp)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    install_index(temporary, target)


def write_database_and_index(
    db_path: str | os.PathLike[str],
    data: bytes | Iterable[bytes | FileRange],
    loaded: Loaded | None = None,
    rows: Rows | None = None,
    *,
    record: dict[str, Any] | None = None,
) -> None:
    """Replace the database with `data` and its index with one built from the same rows.

    The index is built into a temporary file before the database is renamed into place (in
    one atomic step); then it is stamped with the new file and renamed into place too. A
    crash before the database's rename leaves the old database and its index; after it, the
    new database beside an index stamped for the old one, which every reader then finds stale
    and rebuilds. Raises StoreError when the database cannot be written (the old one stays).

    `data` is the file's bytes (or its chunks, in order, in `store.encode_database`'s
    layout, some of them ranges of the old file, `atomic.FileRange`); the index is built from `loaded` when given, else from `rows`, the same rows
    encoded, else from the database file as written (complete, not yet renamed), read a
    table at a time: chunks that are views of rows held nowhere else are then freed as they
    are written, before the index is built. `record`, when given, is what the import records in
    the index's stamp (`IndexedCorpus.import_record`).
    """
    from explorer.data.atomic import atomic_write_bytes

    db = Path(db_path)
    index = _PendingIndex(index_path_for(db))
    streamed = loaded is None and rows is None and not isinstance(data, bytes)
    if loaded is not None:
        index.build(loaded, rows)
    elif rows is not None:
        index.build(_light(rows), rows)
    elif isinstance(data, bytes):
        from explorer.data.store import load_database_bytes

        index.build(load_database_bytes(data, str(db)), None)
    try:
        atomic_write_bytes(db, data, before_replace=index.build_from_written if streamed else None)
    except OSError as error:
        index.discard()
        raise StoreError(f"{db}: cannot write the database: {error.strerror or error}") from None
    except BaseException:
        index.discard()
        raise
    index.install(db, record)


def _release_freed_memory() -> None:
    """Hand the memory freed so far back to the system (glibc's `malloc_trim`, where there
    is one): the rows of a large import are freed in pieces scattered through the heap, which
    the allocator would otherwise keep, so the index built next would add to them."""
    import ctypes

    try:
        trim = ctypes.CDLL(None).malloc_trim  # the C library the interpreter runs on
    except (OSError, AttributeError, TypeError):
        return  # not glibc
    trim.argtypes = [ctypes.c_size_t]
    trim(0)


class _PendingIndex:
    """An index being written for a database about to replace the old one."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.temporary: Path | None = None

    def build(self, models: Loaded, source: Rows | None) -> None:
        try:
            self.temporary = build_index_file(models, self.target, source)
        except (OSError, sqlite3.Error):
            self.temporary = None  # the next reader builds it

    def build_from_written(self, written: Path) -> None:
        """The index of the database file as written (complete, about to be renamed)."""
        _release_freed_memory()
        try:
            source = _FileRows(written)
            models = _light(source)
        except (OSError, ValueError, KeyError):
            return  # the next reader builds it
        self.build(models, source)

    def discard(self) -> None:
        _discard(self.temporary)

    def install(self, db: Path, record: dict[str, Any] | None = None) -> None:
        """Stamp the index with the database now in place and rename it beside it; without
        one, the old database's index is removed (it must not outlive it unchecked)."""
        if self.temporary is None:
            with contextlib.suppress(OSError):
                os.unlink(self.target)
            return
        try:
            stamp_index_file(self.temporary, database_stamp(db), record)
            install_index(self.temporary, self.target)
        except (OSError, sqlite3.Error):
            self.discard()
        except BaseException:
            self.discard()
            raise


def _discard(path: Path | None) -> None:
    if path is not None:
        with contextlib.suppress(OSError):
            os.unlink(path)


# -- reading ----------------------------------------------------------------------------------


class _Reader:
    """One read-only connection; every failure of the file becomes IndexUnusable."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise IndexUnusable(f"{path}: no index")
        try:
            self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            self.meta = {}
            self.stamp_tail = ""
            for key, value in self.con.execute("SELECT * FROM meta"):
                if key == "database":
                    self.meta[key], self.stamp_tail = _split_stamp(value)
                else:
                    self.meta[key] = json.loads(value)
        except (sqlite3.Error, ValueError) as error:
            raise IndexUnusable(f"{path}: {error}") from None
        if self.meta.get("format") != INDEX_FORMAT:
            raise IndexUnusable(f"{path}: index format {self.meta.get('format')!r}")
        # An index written before the heads table answers from its items' rows instead.
        self.has_heads = self.one("SELECT 1 FROM sqlite_master WHERE name = 'heads'") is not None

    def one(self, sql: str, *args: Any) -> Any:
        try:
            row = self.con.execute(sql, args).fetchone()
        except sqlite3.Error as error:
            raise IndexUnusable(str(error)) from None
        return None if row is None else row[0]

    def all(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        try:
            return self.con.execute(sql, args).fetchall()
        except sqlite3.Error as error:
            raise IndexUnusable(str(error)) from None

    def stream(self, sql: str, *args: Any) -> Iterator[tuple[Any, ...]]:
        try:
            cursor = self.con.execute(sql, args)
            while rows := cursor.fetchmany(512):
                yield from rows
        except sqlite3.Error as error:
            raise IndexUnusable(str(error)) from None

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.con.close()


class _Table(Mapping[str, Any]):
    """One kind of item by id, read from the index on demand (the last few hundred kept)."""

    CACHED = 4096

    def __init__(self, reader: _Reader, kind: str, size: int, decode: Any) -> None:
        self._reader, self._kind, self._size, self._decode = reader, kind, size, decode
        self._cache: OrderedDict[str, Any] = OrderedDict()

    def __getitem__(self, ident: str) -> Any:
        cached = self._cache.get(ident)
        if cached is not None:
            return cached
        if not isinstance(ident, str):
            raise KeyError(ident)
        if self._kind == "actor":
            # An actor of many articles has tens of thousands of spans and roles: its row as
            # stored without them (SQLite taking them out of its row read all its megabytes),
            # each read when first asked for (the reader, the detail's sentences).
            row = self._reader.one("SELECT slim FROM actor_heads WHERE id = ?", ident)
        else:
            row = self._reader.one(
                "SELECT row FROM items WHERE kind = ? AND id = ?", self._kind, ident
            )
        if row is None:
            raise KeyError(ident)
        item = self._decode(self._kind, row)
        if self._kind == "actor":
            object.__setattr__(item, "spans", _LazyPart(self, ident, "spans"))
            object.__setattr__(item, "roles", _LazyPart(self, ident, "roles"))
        self._cache[ident] = item
        if len(self._cache) > self.CACHED:
            self._cache.popitem(last=False)
        return item

    def __contains__(self, ident: object) -> bool:
        if not isinstance(ident, str):
            return False
        if ident in self._cache:
            return True
        found = self._reader.one("SELECT 1 FROM items WHERE kind = ? AND id = ?", self._kind, ident)
        return found is not None

    def __iter__(self) -> Iterator[str]:
        for (ident,) in self._reader.stream(
            "SELECT id FROM items WHERE kind = ? ORDER BY pos", self._kind
        ):
            yield ident

    def __len__(self) -> int:
        return self._size

    def values(self) -> Iterator[Any]:  # type: ignore[override]
        for _, row in self._reader.stream(
            "SELECT id, row FROM items WHERE kind = ? ORDER BY pos", self._kind
        ):
            yield self._decode(self._kind, row)

    def items(self) -> Iterator[tuple[str, Any]]:  # type: ignore[override]
        for ident, row in self._reader.stream(
            "SELECT id, row FROM items WHERE kind = ? ORDER BY pos", self._kind
        ):
            yield ident, self._decode(self._kind, row)

    def in_order(self, ids: Iterable[str]) -> tuple[str, ...]:
        """The given ids that are in the table, in the table's (file) order."""
        wanted = sorted(set(ids))
        placed: list[tuple[int, str]] = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            placed += self._reader.all(
                f"SELECT pos, id FROM items WHERE kind = ? AND id IN ({marks})",
                self._kind,
                *chunk,
            )
        return tuple(ident for _, ident in sorted(placed))


class _LazyPart(Sequence[Any]):
    """An actor's spans or roles, read from its stored row when first used."""

    __slots__ = ("_field", "_ident", "_table", "_values")

    def __init__(self, table: _Table, ident: str, field: str) -> None:
        self._table, self._ident, self._field = table, ident, field
        self._values: tuple[Any, ...] | None = None

    def _read(self) -> tuple[Any, ...]:
        if self._values is None:
            table = self._table
            found = table._reader.one(
                f"SELECT json_extract(row, '$.{self._field}') FROM items WHERE kind = ? AND id = ?",
                table._kind,
                self._ident,
            )
            self._values = () if found is None else table._decode.part(self._field, found)
        return self._values

    def __len__(self) -> int:
        return len(self._read())

    def __getitem__(self, index: Any) -> Any:
        return self._read()[index]

    def __iter__(self) -> Iterator[Span]:
        return iter(self._read())

    def __eq__(self, other: object) -> bool:
        return tuple(self) == (tuple(other) if isinstance(other, Sequence) else other)

    def __hash__(self) -> int:
        return hash(self._read())

    def __repr__(self) -> str:
        return repr(self._read())


class _Links(Mapping[str, tuple[Any, ...]]):
    """One relation index (key -> targets in order), read on demand."""

    def __init__(self, reader: _Reader, name: str, as_refs: bool = False) -> None:
        self._reader, self._name, self._as_refs = reader, name, as_refs
        self._cache: OrderedDict[str, tuple[Any, ...]] = OrderedDict()

    def __getitem__(self, key: str) -> tuple[Any, ...]:
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        rows = self._reader.all(
            "SELECT target FROM links WHERE name = ? AND key = ? ORDER BY pos", self._name, key
        )
        if not rows:
            raise KeyError(key)
        if self._as_refs:
            found: tuple[Any, ...] = tuple(_ref(target) for (target,) in rows)
        else:
            found = tuple(chain.from_iterable(rows))  # each row is (target,)
        self._cache[key] = found
        if len(self._cache) > 256:
            self._cache.popitem(last=False)
        return found

    def cached(self, key: str) -> tuple[Any, ...] | None:
        """The targets of `key` if they were read already (nothing is read here)."""
        return self._cache.get(key)

    def __iter__(self) -> Iterator[str]:
        for (key,) in self._reader.stream(
            "SELECT DISTINCT key FROM links WHERE name = ? ORDER BY key", self._name
        ):
            yield key

    def __len__(self) -> int:
        return int(
            self._reader.one("SELECT count(DISTINCT key) FROM links WHERE name = ?", self._name)
        )


def _decoder(name: str) -> Any:
    """kind, stored row -> model, by the database reader's own checks (one memo of ids)."""
    from explorer.data.store import _ROW_ERRORS, _Builder
    from explorer.data.store import _list as store_list

    builder = _Builder()
    lists: dict[str, list[Any]] = {
        "article": builder.loaded.articles,
        "actor": builder.loaded.actors,
        "meeting": builder.loaded.meetings,
        "quote": builder.loaded.quotes,
    }

    def decode(kind: str, row: str) -> Any:
        if len(builder._memo) > DECODE_MEMO:
            # The ids shared between items decoded one by one: bounded, not kept for the
            # life of the process (a long session reads most of a large corpus).
            builder._memo.clear()
        try:
            builder.add(_TABLE_OF[kind], json.loads(row))
        except (*_ROW_ERRORS, ValueError, RecursionError) as error:
            raise IndexUnusable(f"{name}: a stored {kind} is damaged ({error})") from None
        return lists[kind].pop()

    def part(field: str, values: Any) -> tuple[Any, ...]:
        """An actor's stored spans or roles (a JSON list, or its items), as models."""
        try:
            rows = json.loads(values) if isinstance(values, str) else values
            if field == "spans":
                spans = _plain_spans(rows)
                return builder._spans(rows) if spans is None else spans
            return tuple(builder._role(r) for r in store_list(rows))
        except (*_ROW_ERRORS, ValueError, RecursionError) as error:
            raise IndexUnusable(f"{name}: a stored actor is damaged ({error})") from None

    decode.part = part  # type: ignore[attr-defined]
    return decode


def _plain_spans(rows: Any) -> tuple[Span, ...] | None:
    """Stored spans as models, each text cleaned once however many spans share it (an actor
    of many articles has a hundred thousand); None when any is not six plain values, for
    the database reader's checks to say what is wrong."""
    if not isinstance(rows, list):
        return None
    texts: dict[Any, str] = {}
    spans: list[Span] = []
    for row in rows:
        if type(row) is not list or len(row) != 6:
            return None
        article, start, end, sentence_start, sentence_end, how = row
        if not (
            type(start) is int
            and type(end) is int
            and type(sentence_start) is int
            and type(sentence_end) is int
            and min(start, end, sentence_start, sentence_end) >= 0
            and type(article) is str
            and type(how) is str
        ):
            return None
        cleaned = texts.get(article)
        if cleaned is None:
            cleaned = texts[article] = clean_text(article)
        kind = texts.get(how)
        if kind is None:
            kind = texts[how] = clean_text(how)
        spans.append(Span(cleaned, start, end, sentence_start, sentence_end, kind))
    return tuple(spans)


def _ref(text: str) -> Ref:
    kind, _, ident = text.partition(":")
    if kind not in ITEM_KINDS:
        raise IndexUnusable(f"a link names {text!r}")
    return Ref(kind, ident)


# An actor's links after its parents, as `Corpus.relations` lists them: label, links, kind.
_ACTOR_LINKS: tuple[tuple[str, str, ItemKind], ...] = (
    ("member", "members", "actor"),
    ("meeting", "meetings_of_actor", "meeting"),
    ("statement", "quotes_by_actor", "quote"),
    ("spoke about", "spoken_of", "meeting"),
)


class IndexedCorpus(Corpus):
    """A corpus answered from its persisted index: nothing is read until it is asked for.

    The read interface for the app and the commands; it is a `Corpus` (the same lookups,
    relations and sentences, by the same code), plus:

    - ``count(kind)``: how many items of a kind ("actor", "meeting", "quote", "article");
    - ``page(order, offset, limit)``: items in a stored order, a page at a time; `order` is a
      kind ("actor" by name, "meeting" by date, "quote" in file order, "article" by
      publication, items as Articles) or "timeline" (meetings as the timeline lists them);
    - ``position(order, ident)``: an item's place in that order (None if not in it);
    - ``get(ref)`` / ``find(id)`` / ``relations(ref)`` / ``related(ref, kind)`` /
      ``sentences(ref)`` / ``spans_in(article_id)``: as `Corpus`;
    - ``search(query, limit, prefix_last)``: `explorer.data.search`'s engine over the stored
      index (a `SearchResult`, ranked exactly as `SearchIndex` ranks it).

    The mappings `articles`, `actors`, `meetings`, `quotes` read one row per lookup; iterating
    one reads the whole table, which only an export of everything needs.

    A damaged index file raises `IndexUnusable` from any of these; `open_indexed` rebuilds it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.database = path.with_name(path.name.removesuffix(INDEX_SUFFIX))
        self._reader = _Reader(path)
        counts = self._reader.meta.get("counts") or {}
        decode = _decoder(str(path))
        self.articles = _Table(self._reader, "article", counts.get("article", 0), decode)  # type: ignore[assignment]
        self.actors = _Table(self._reader, "actor", counts.get("actor", 0), decode)  # type: ignore[assignment]
        self.meetings = _Table(self._reader, "meeting", counts.get("meeting", 0), decode)  # type: ignore[assignment]
        self.quotes = _Table(self._reader, "quote", counts.get("quote", 0), decode)  # type: ignore[assignment]
        self.members = _Links(self._reader, "members")  # type: ignore[assignment]
        self.meetings_of_actor = _Links(self._reader, "meetings_of_actor")  # type: ignore[assignment]
        self.quotes_by_actor = _Links(self._reader, "quotes_by_actor")  # type: ignore[assignment]
        self.quotes_of_meeting = _Links(self._reader, "quotes_of_meeting")  # type: ignore[assignment]
        self._spoken_of = _Links(self._reader, "spoken_of")
        self.items_in_article = _Links(self._reader, "items_in_article", as_refs=True)  # type: ignore[assignment]
        self._tables = {"actor": self.actors, "meeting": self.meetings, "quote": self.quotes}  # type: ignore[dict-item]
        self._spans_in_article = None
        self._relations = OrderedDict()
        self._search: StoredSearchIndex | None = None
        self._names: dict[str, str | None] = {}  # actor names asked for (they are small)
        self._actor_heads: dict[str, ActorHead | None] = {}  # and their rows' heads (as small)
        # Every id of a kind, once `ids` read them: the keys of their places in its order.
        self._positions: dict[str, dict[str, int]] = {}
        self._known: dict[str, KeysView[str]] = {}
        self._sentence_pages: OrderedDict[tuple[str, int], list[tuple[Article, Span]]] = (
            OrderedDict()
        )

    @property
    def stamp(self) -> dict[str, Any] | None:
        """The state of the database this index was built from (see `stamp_matches`)."""
        return self._reader.meta.get("database")

    @property
    def import_record(self) -> dict[str, Any] | None:
        """What the import that wrote the database and this index recorded (None when the
        index was rebuilt by a reader): see `explorer.data.incremental`."""
        try:
            found = json.loads(self._reader.stamp_tail) if self._reader.stamp_tail else None
        except ValueError:
            return None
        return found if isinstance(found, dict) else None

    def close(self) -> None:
        self._reader.close()

    # -- the narrow interface -------------------------------------------------------------

    def count(self, kind: str) -> int:
        """How many items of `kind` ("article", "actor", "meeting" or "quote")."""
        return int((self._reader.meta.get("counts") or {}).get(kind, 0))

    def _order_table(self, order: str) -> _Table:
        if order not in ORDERS:
            raise ValueError(f"unknown order {order!r} (one of {', '.join(ORDERS)})")
        if order == "timeline":
            return self.meetings  # type: ignore[return-value]
        if order == "article":
            return self.articles  # type: ignore[return-value]
        return self._tables[order]  # type: ignore[return-value]

    def page(self, order: str, offset: int, limit: int) -> list[Any]:
        """Items `offset`…`offset + limit` in a stored order (see the class docstring)."""
        table = self._order_table(order)
        rows = self._reader.all(
            "SELECT id FROM orders WHERE name = ? AND pos >= ? ORDER BY pos LIMIT ?",
            order,
            max(0, offset),
            max(0, limit),
        )
        return [table[ident] for (ident,) in rows]

    def ids(self, order: str) -> list[str]:
        """Every id in a stored order (ids only: cheap even for half a million quotes)."""
        self._order_table(order)
        found = [
            ident
            for (ident,) in self._reader.stream(
                "SELECT id FROM orders WHERE name = ? ORDER BY pos", order
            )
        ]
        if order in (*ITEM_KINDS, "article"):  # every id of a kind: `present` answers
            positions = self._positions[order] = dict(zip(found, range(len(found)), strict=True))
            self._known[order] = positions.keys()
        return found

    def positions(self, order: str) -> dict[str, int]:
        """Each id's place in a kind's stored order, made once with `ids` (the panes' orders
        and `present` share it: half a million quotes are one dict, not a dict and a set)."""
        if order not in self._positions:
            self.ids(order)
        return self._positions[order]

    def position(self, order: str, ident: str) -> int | None:
        """Where `ident` stands in a stored order, for jumping a paged list to an item."""
        self._order_table(order)
        found = self._reader.one("SELECT pos FROM orders WHERE name = ? AND id = ?", order, ident)
        return None if found is None else int(found)

    def items_per_article(self) -> dict[str, int]:
        """How many items each article holds, in one query (the article picker's counts)."""
        return {
            key: int(count)
            for key, count in self._reader.all(
                "SELECT key, count(*) FROM links WHERE name = 'items_in_article' GROUP BY key"
            )
        }

    def meetings_holding(self, values: Iterable[str]) -> list[Meeting]:
        """The meetings whose stored row holds one of `values` as a JSON string (a status:
        "planned"), in file order: SQLite picks the rows, only they are decoded. A row that
        holds the text in another field (a title "planned") comes too: callers check."""
        decode = self.meetings._decode  # type: ignore[attr-defined]
        return [decode("meeting", row) for (row,) in self._rows_holding(values, "row")]

    def _rows_holding(self, values: Iterable[str], columns: str) -> list[tuple[Any, ...]]:
        """`columns` of the meetings whose row holds one of `values` as a JSON string."""
        words = sorted(set(values))
        if not words:
            return []
        clause = " OR ".join("row LIKE ? ESCAPE '\\'" for _ in words)
        patterns = [
            '%"' + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + '"%'
            for w in words
        ]
        return self._reader.all(
            f"SELECT {columns} FROM items WHERE kind = 'meeting' AND ({clause}) ORDER BY pos",
            *patterns,
        )

    def reports_holding(self, values: Iterable[str]) -> list[tuple[str, tuple[MeetingReport, ...]]]:
        """(id, reports) of the meetings whose stored row holds one of `values` as a JSON
        string, in file order: only each report's article, date, status and `when` are read
        (no evidence, spans or texts). As for `meetings_holding`, a row that holds the text
        elsewhere comes too; a row stored without reports (format 1.0) gives none."""
        from sys import intern

        from explorer.data.dates import parse_when

        whens: dict[str, Any] = {}
        found: list[tuple[str, tuple[MeetingReport, ...]]] = []
        for ident, row in self._rows_holding(values, "id, row"):
            try:
                reports = []
                for r in json.loads(row).get("reports", ()):
                    text = r.get("when")
                    if text and text not in whens:
                        whens[text] = parse_when(text)
                    reports.append(
                        MeetingReport(
                            intern(r["article"]),
                            date.fromisoformat(r["published"]),
                            intern(r["status"]),
                            whens[text] if text else None,
                        )
                    )
            except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as error:
                raise IndexUnusable(f"{self.path}: a stored meeting is damaged ({error})") from None
            found.append((ident, tuple(reports)))
        return found

    def all(self, kind: ItemKind) -> list[Item]:
        return list(self._tables[kind].values())

    def article_heads(self) -> list[tuple[str, str, date]]:
        """(id, title, publication day) of every article by publication (then id), in one
        query, their bodies left unread: what lists of articles show."""
        if self._reader.has_heads:
            sql = (
                "SELECT o.id, h.name, h.extra FROM orders o"
                " JOIN heads h ON h.kind = 'article' AND h.id = o.id"
                " WHERE o.name = 'article' ORDER BY o.pos"
            )
        else:
            sql = (
                "SELECT o.id, json_extract(i.row, '$.title'), json_extract(i.row, '$.published')"
                " FROM orders o JOIN items i ON i.kind = 'article' AND i.id = o.id"
                " WHERE o.name = 'article' ORDER BY o.pos"
            )
        rows = self._reader.all(sql)
        try:
            return [
                (ident, clean_text(title), date.fromisoformat(day)) for ident, title, day in rows
            ]
        except (TypeError, ValueError) as error:
            raise IndexUnusable(f"{self.path}: a stored article is damaged ({error})") from None

    def timeline_heads(self) -> list[tuple[str, str | None, str]]:
        """(id, date as written or None, article) of every meeting in timeline order, in one
        query, the rest of each meeting left unread: where the timeline's rows fall."""
        return [
            (ident, when or None, article)
            for ident, when, article in self._reader.all(
                "SELECT o.id, json_extract(i.row, '$.when'), json_extract(i.row, '$.article')"
                " FROM orders o JOIN items i ON i.kind = 'meeting' AND i.id = o.id"
                " WHERE o.name = 'timeline' ORDER BY o.pos"
            )
        ]

    def actor_keys(self) -> list[tuple[str, str, tuple[str, ...]]]:
        """(id, name, aliases) of every actor, in one query, their spans left unread."""
        if self._reader.has_heads:
            sql = (
                "SELECT i.id, h.name, h.extra FROM items i"
                " JOIN heads h ON h.kind = 'actor' AND h.id = i.id"
                " WHERE i.kind = 'actor' ORDER BY i.pos"
            )
        else:
            sql = (
                "SELECT id, json_extract(row, '$.name'), json_extract(row, '$.aliases')"
                " FROM items WHERE kind = 'actor' ORDER BY pos"
            )
        rows = self._reader.all(sql)
        try:
            return [
                (ident, clean_text(name), tuple(clean_text(a) for a in json.loads(aliases or "[]")))
                for ident, name, aliases in rows
            ]
        except (TypeError, ValueError) as error:
            raise IndexUnusable(f"{self.path}: a stored actor is damaged ({error})") from None

    def actor_name(self, actor_id: str) -> str | None:
        """An actor's name from its stored row, its spans left unread (as `Corpus`)."""
        if actor_id in self._names:
            return self._names[actor_id]
        cached = self.actors._cache.get(actor_id)  # type: ignore[attr-defined]
        if cached is not None:
            name: str | None = cached.name
        elif self._reader.has_heads:
            found = self._reader.one(
                "SELECT name FROM heads WHERE kind = 'actor' AND id = ?", actor_id
            )
            name = clean_text(found) if isinstance(found, str) else None
        else:
            # From the row: its whole head at once, as its row in the pane will ask for it
            # (SQLite reads the whole row, megabytes for an actor of many articles, either way).
            head = self.actor_head(actor_id)
            name = head.name if head is not None else None
        self._names[actor_id] = name
        return name

    def actor_head(self, actor_id: str) -> ActorHead | None:
        """As `Corpus`: from the actor already read, else five fields of its stored row
        picked by SQLite (decoding the whole row in Python, its roles and articles by the
        thousand for an actor of many articles, was most of drawing such a row)."""
        if actor_id in self._actor_heads:
            return self._actor_heads[actor_id]
        cached = self.actors._cache.get(actor_id)  # type: ignore[attr-defined]
        head = ActorHead.of(cached) if cached is not None else self._read_actor_head(actor_id)
        self._actor_heads[actor_id] = head
        if head is not None:
            self._names[actor_id] = head.name
        return head

    def _read_actor_head(self, actor_id: str) -> ActorHead | None:
        found = self._reader.all(
            "SELECT name, kind, role, articles, first FROM actor_heads WHERE id = ?", actor_id
        )
        if not found:
            return None
        name, kind, role, count, first = found[0]
        texts = (name, kind, *(v for v in (role, first) if v is not None))
        if not all(isinstance(v, str) for v in texts) or not isinstance(count, int):
            raise IndexUnusable(f"{self.path}: a stored actor is damaged (its name or kind)")
        return ActorHead(name, kind, role, count, first)

    def actor_names(self, actor_ids: Iterable[str]) -> dict[str, str]:
        """As `Corpus`, in one query for every 500 ids (names already asked for are kept)."""
        asked = list(dict.fromkeys(actor_ids))
        wanted = [ident for ident in asked if ident not in self._names]
        for ident, name in self._heads("actor", wanted, "name", "json_extract(row, '$.name')"):
            self._names[ident] = clean_text(name) if isinstance(name, str) else None
        for ident in wanted:
            self._names.setdefault(ident, None)
        return {ident: name for ident in asked if (name := self._names.get(ident)) is not None}

    def meeting_titles(self, meeting_ids: Iterable[str]) -> dict[str, str]:
        """As `Corpus`, in one query for every 500 ids, the rest of each meeting unread."""
        found: dict[str, str] = {}
        for ident, title in self._heads(
            "meeting", meeting_ids, "name", "json_extract(row, '$.title')"
        ):
            if not isinstance(title, str):
                raise IndexUnusable(f"{self.path}: a stored meeting is damaged (its title)")
            found[ident] = clean_text(title)
        return found

    def article_dates(self, article_ids: Iterable[str]) -> dict[str, tuple[str, date]]:
        """As `Corpus`, in one query for every 500 ids: no article's body is read."""
        found: dict[str, tuple[str, date]] = {}
        columns = "json_extract(row, '$.title'), json_extract(row, '$.published')"
        try:
            for ident, title, day in self._heads("article", article_ids, "name, extra", columns):
                found[ident] = (clean_text(title), date.fromisoformat(day))
        except (TypeError, ValueError) as error:
            raise IndexUnusable(f"{self.path}: a stored article is damaged ({error})") from None
        return found

    # -- ids, for suggestions: from the heads and the orders, no item read -----------------

    def _id_source(self, kind: str) -> tuple[str, tuple[Any, ...]]:
        """A table and condition giving every id of `kind` as `id`, the narrowest stored."""
        if kind == "quote":
            return "orders WHERE name = ?", ("quote",)
        if self._reader.has_heads:
            return "heads WHERE kind = ?", (kind,)
        return "items WHERE kind = ?", (kind,)

    def ids_of(self, kind: ItemKind) -> Iterable[str]:
        """As `Corpus`, from the orders (quotes) or heads, never the items' rows."""
        source, args = self._id_source(kind)
        return [ident for (ident,) in self._reader.stream(f"SELECT id FROM {source}", *args)]

    def in_file_order(self, kind: ItemKind, ids: Iterable[str]) -> list[str]:
        """As `Corpus`, in one query for every 500 ids."""
        return list(self._tables[kind].in_order(ids))  # type: ignore[attr-defined]

    def named(self, kind: ItemKind, text: str, test: Callable[[str], bool]) -> list[str]:
        """As `Corpus`: the search's name keys give the actors and meetings named as `text`
        folds (a coarser likeness than `test`'s), and only their names are tested."""
        from explorer.data.search import _KEY_CHARS, fold

        field = {"actor": "speaker", "meeting": "meeting"}.get(kind)
        needle = fold(text)
        if field is None or not needle:
            return self._named_scan(kind, test)
        rows = self._reader.all(
            "SELECT DISTINCT k.target FROM keys k"
            " JOIN names n ON n.field = k.field AND n.number = k.number"
            " WHERE k.field = ? AND k.head = ? AND k.start = 0 AND n.name = ?",
            field,
            needle[:_KEY_CHARS],
            needle,
        )
        candidates = [target for (target,) in rows]
        matched: list[str] = []
        if kind == "actor":
            for ident, name, aliases in self._heads(
                "actor",
                candidates,
                "name, extra",
                "json_extract(row, '$.name'), json_extract(row, '$.aliases')",
            ):
                try:
                    names = (name, *json.loads(aliases or "[]"))
                except ValueError as error:
                    raise IndexUnusable(
                        f"{self.path}: a stored actor is damaged ({error})"
                    ) from None
                if any(isinstance(n, str) and test(clean_text(n)) for n in names):
                    matched.append(ident)
        else:
            for ident, title in self._heads(
                "meeting", candidates, "name", "json_extract(row, '$.title')"
            ):
                if isinstance(title, str) and test(clean_text(title)):
                    matched.append(ident)
        return self.in_file_order(kind, matched)

    def _named_scan(self, kind: ItemKind, test: Callable[[str], bool]) -> list[str]:
        """`named` by every name of the kind (what folds to no word has no key)."""
        if kind == "actor":
            rows = [(ident, (name, *aliases)) for ident, name, aliases in self.actor_keys()]
        elif kind == "meeting":
            sql = (
                "SELECT id, name FROM heads WHERE kind = 'meeting'"
                if self._reader.has_heads
                else "SELECT id, json_extract(row, '$.title') FROM items WHERE kind = 'meeting'"
            )
            rows = [
                (ident, (clean_text(title),) if isinstance(title, str) else ())
                for ident, title in self._reader.stream(sql)
            ]
        else:
            return []
        matched = [ident for ident, names in rows if any(test(name) for name in names)]
        return self.in_file_order(kind, matched)

    def ids_with_parts(self, kind: ItemKind, words: Sequence[str], limit: int) -> list[str]:
        """As `Corpus`: SQLite tests the ids, only those that hold the words come back."""
        if limit <= 0:
            return []
        source, args = self._id_source(kind)
        tests = " AND ".join("instr('-' || id || '-', ?) > 0" for _ in words)
        parts = tuple(f"-{word}-" for word in words)
        if kind == "quote":  # the orders keep the quotes' file order
            rows = self._reader.all(
                f"SELECT id FROM {source} AND {tests} ORDER BY pos LIMIT ?", *args, *parts, limit
            )
            return [ident for (ident,) in rows]
        from explorer.data.search import _TOP, fold

        field = {"actor": "speaker", "meeting": "meeting"}.get(kind)
        needle = fold(max(words, key=len)) if words else ""
        if field is None or not needle:
            rows = self._reader.all(f"SELECT id FROM {source} AND {tests}", *args, *parts)
            return self.in_file_order(kind, [ident for (ident,) in rows])[:limit]
        # The search's name keys hold every word of these ids, folded (an id is one of their
        # names): the ids with a word beginning as the longest word does, then tested whole.
        rows = self._reader.all(
            "SELECT DISTINCT target FROM keys WHERE field = ? AND head >= ? AND head < ?",
            field,
            needle,
            needle + _TOP,
        )
        matched = [ident for (ident,) in rows if all(word in ident.split("-") for word in words)]
        return self.in_file_order(kind, matched)[:limit]

    def close_ids(self, kinds: Iterable[ItemKind], word: str, n: int) -> list[str]:
        """As `Corpus` (difflib's measure), without scoring every id. Up to
        CLOSE_IDS_SCORED ids, the same ids: SQLite keeps those whose letters could score high
        enough (difflib's `quick_ratio`, an upper bound of its score, counted in SQL), the bar
        set by the ids that begin as `word` does, and only those are scored. Beyond that many
        (at 10,000 articles half a million quote ids: seconds of counting), only the ids that
        begin as `word` does, from its longest beginning that some id has, are scored."""
        import difflib
        from collections import Counter

        cutoff = 0.6
        kinds = list(dict.fromkeys(kinds))
        seeds: dict[str, set[str]] = {kind: set() for kind in kinds}
        for length in range(len(word), 0, -1):
            head = word[:length]
            for kind in kinds:
                seeds[kind].update(
                    ident
                    for (ident,) in self._reader.all(
                        "SELECT id FROM items WHERE kind = ? AND id >= ? AND id < ? LIMIT 64",
                        kind,
                        head,
                        head + "\U0010ffff",
                    )
                )
            if sum(map(len, seeds.values())) >= n:
                break
        seeded = [ident for kind in kinds for ident in sorted(seeds[kind])]
        best = difflib.get_close_matches(word, seeded, n=n, cutoff=cutoff)
        if sum(self.count(kind) for kind in kinds) > CLOSE_IDS_SCORED:
            return best
        bar = cutoff
        if len(best) >= n:
            bar = max(cutoff, difflib.SequenceMatcher(None, best[-1], word).ratio())
        counts = Counter(word)
        matches = " + ".join("min(length(id) - length(replace(id, ?, '')), ?)" for _ in counts)
        letters = tuple(value for pair in counts.items() for value in pair)
        candidates: list[str] = []
        for kind in kinds:
            source, args = self._id_source(kind)
            rows = self._reader.all(
                f"SELECT id FROM {source} AND 2.0 * ({matches}) >= ? * (length(id) + ?)",
                *args,
                *letters,
                bar - 1e-9,
                len(word),
            )
            candidates += sorted(seeds[kind] | {ident for (ident,) in rows})
        return difflib.get_close_matches(word, candidates, n=n, cutoff=cutoff)

    def __len__(self) -> int:
        return self.count("actor") + self.count("meeting") + self.count("quote")

    def _chunks(
        self, kind: str, ids: Iterable[str], columns: str, table: str = "items"
    ) -> Iterator[tuple[Any, ...]]:
        """`columns` of the stored rows of the given ids of `kind`, 500 ids a query."""
        wanted = list(dict.fromkeys(ids))
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            yield from self._reader.all(
                f"SELECT {columns} FROM {table} WHERE kind = ? AND id IN ({marks})", kind, *chunk
            )

    def _heads(
        self, kind: str, ids: Iterable[str], columns: str, fallback: str
    ) -> Iterator[tuple[Any, ...]]:
        """(id, *`columns`) of the given ids of `kind` from the heads table, or (id,
        *`fallback`'s columns of their rows) from an index written before it."""
        if not self._reader.has_heads:
            return self._chunks(kind, ids, f"id, {fallback}")
        return self._chunks(kind, ids, f"id, {columns}", table="heads")

    def related_places(self, ref: Ref, kind: ItemKind) -> Sequence[int] | None:
        """As `Corpus`: for an actor and meetings or quotes, as stored at import (one row,
        where its related ids were thousands to read and look up in the pane's order)."""
        if ref.kind != "actor" or kind not in ("meeting", "quote") or ref in self._relations:
            return None
        blob = self._reader.one(
            "SELECT places FROM related_places WHERE id = ? AND kind = ?", ref.id, kind
        )
        if blob is None:
            return array("I") if self.present_ids("actor", (ref.id,)) else None
        if not isinstance(blob, bytes) or len(blob) % 4:
            raise IndexUnusable(f"{self.path}: a stored actor is damaged (its related places)")
        places = array("I")
        places.frombytes(blob)
        return places

    def spoken_of(self, actor_id: str) -> tuple[str, ...]:
        """As `Corpus`, as stored at import (no statement is read)."""
        return tuple(self._spoken_of.get(actor_id, ()))

    def roles_vary(self, actor: Actor) -> bool:
        """As `Corpus`; as found at import when its roles are unread (an actor of many
        articles has one for each article, in a row of megabytes)."""
        roles = actor.roles
        if not isinstance(roles, _LazyPart) or roles._values is not None:
            return super().roles_vary(actor)
        found = self._reader.one("SELECT roles_vary FROM actor_heads WHERE id = ?", actor.id)
        if not isinstance(found, int):
            raise IndexUnusable(f"{self.path}: a stored actor is damaged (its roles)")
        return bool(found)

    def sentence_count(self, ref: Ref) -> int:
        """As `Corpus`; an actor's as counted at import (its spans are left unread)."""
        if ref.kind != "actor":
            return super().sentence_count(ref)
        found = self._reader.one("SELECT sentences FROM actor_heads WHERE id = ?", ref.id)
        if found is not None and not isinstance(found, int):
            raise IndexUnusable(f"{self.path}: a stored actor is damaged (its sentences)")
        return found or 0

    def relation_groups(self, ref: Ref, limit: int) -> list[RelationGroup]:
        """As `Corpus`; an actor's are counted and paged by SQLite, so an actor of tens of
        thousands of statements and meetings has only the first `limit` of each read."""
        item = self.get(ref)
        if not isinstance(item, Actor) or ref in self._relations:
            return super().relation_groups(ref, limit)
        parents = [Ref("actor", p) for p in item.member_of]
        present = self.present(parents)
        parents = [p for p in parents if p in present]
        groups = [RelationGroup("member of", tuple(parents[:limit]), len(parents))]
        for label, name, kind in _ACTOR_LINKS:
            groups.append(self._link_group(label, name, kind, ref.id, limit))
        return [group for group in groups if group.total]

    def _link_group(
        self, label: str, name: str, kind: ItemKind, key: str, limit: int
    ) -> RelationGroup:
        """The first `limit` targets of one links list and its length, from its stored rows
        (the meetings spoken of, those of them that are there, as `relations` keeps); from
        the list itself when it was read already (the panes relinked to the actor read its
        meetings and statements whole: counting them again took a good part of its detail)."""
        links = {
            "members": self.members,
            "meetings_of_actor": self.meetings_of_actor,
            "quotes_by_actor": self.quotes_by_actor,
            "spoken_of": self._spoken_of,
        }[name]
        read = links.cached(key)  # type: ignore[attr-defined]
        if read is not None and (name != "spoken_of" or kind in self._known):
            targets: tuple[Any, ...] = read
            if name == "spoken_of":
                there = self.present_ids(kind, targets)
                targets = tuple(t for t in targets if t in there)
            page = targets[:limit]
            if not all(isinstance(t, str) for t in page):
                raise IndexUnusable(f"{self.path}: a stored link is damaged ({name} of {key})")
            return RelationGroup(label, tuple(Ref(kind, t) for t in page), len(targets))
        where = "name = ? AND key = ?"
        if name == "spoken_of":
            where += " AND EXISTS (SELECT 1 FROM items i WHERE i.kind = ? AND i.id = target)"
            args: tuple[Any, ...] = (name, key, kind)
        else:
            args = (name, key)
        total = self._reader.one(f"SELECT count(*) FROM links WHERE {where}", *args)
        rows = self._reader.all(
            f"SELECT target FROM links WHERE {where} ORDER BY pos LIMIT ?", *args, limit
        )
        if not isinstance(total, int) or not all(isinstance(t, str) for (t,) in rows):
            raise IndexUnusable(f"{self.path}: a stored link is damaged ({name} of {key})")
        return RelationGroup(label, tuple(Ref(kind, t) for (t,) in rows), total)

    def quote_links(self, quote_ids: Iterable[str]) -> dict[str, QuoteLinks]:
        """As `Corpus`, from the two fields of the stored rows (no quote is decoded)."""
        found: dict[str, QuoteLinks] = {}
        ids = list(quote_ids)
        for ident, fields in self._chunks(
            "quote", ids, "id, json_extract(row, '$.speaker', '$.meeting')"
        ):
            speaker, meeting = json.loads(fields)
            names = speaker if isinstance(speaker, list) else [speaker]
            if not names or not all(isinstance(n, str) for n in names):
                raise IndexUnusable(f"{self.path}: a stored quote is damaged (its speaker)")
            if meeting is not None and not isinstance(meeting, str):
                raise IndexUnusable(f"{self.path}: a stored quote is damaged (its meeting)")
            found[ident] = (
                tuple(clean_text(n) for n in names),
                None if meeting is None else clean_text(meeting),
            )
        return {ident: found[ident] for ident in ids if ident in found}

    def articles_present(self, article_ids: Iterable[str]) -> set[str]:
        """As `Corpus`: for a few ids, one query for every 500; for more, from every article's
        id, read once from the articles' order (looking up thousands of articles one by one
        in the table of their bodies took most of a second at 10,000 articles)."""
        wanted = set(article_ids)
        known = self._known.get("article")
        if known is None and len(wanted) > ARTICLES_ASKED:
            self.ids("article")
            known = self._known.get("article")
        if known is not None:
            return known & wanted
        return {ident for (ident,) in self._chunks("article", wanted, "id")}

    def present(self, refs: Iterable[Ref]) -> set[Ref]:
        """As `Corpus`, from the ids of the kinds `ids` has read (the panes read all), else
        one query for each kind's ids rather than one for each item."""
        found: set[Ref] = set()
        unknown: dict[str, list[str]] = {}  # kinds whose ids were not all read: asked
        for ref in refs:
            known = self._known.get(ref.kind)
            if known is None:
                unknown.setdefault(ref.kind, []).append(ref.id)
            elif ref.id in known:
                found.add(ref)
        for kind, ids in unknown.items():
            found.update(Ref(kind, ident) for (ident,) in self._chunks(kind, ids, "id"))  # type: ignore[arg-type]
        return found

    def present_ids(self, kind: ItemKind, ids: Iterable[str]) -> set[str]:
        """As `Corpus`, from the ids of `kind` when `ids` has read them (the panes read
        all), else one query for every 500."""
        known = self._known.get(kind)
        if known is not None:
            return known & set(ids)
        return {ident for (ident,) in self._chunks(kind, ids, "id")}

    def _placed_spans(self, ident: str, where: str, *args: Any) -> list[tuple[int, Span]]:
        """An actor's spans of the articles `where` picks from `actor_spans` (only their runs
        are read and decoded, never its whole row), each with its place among its spans, in
        the order of the runs `where` ends with."""
        rows = self._reader.all(
            f"SELECT first, spans FROM actor_spans WHERE id = ? {where}", ident, *args
        )
        places: list[int] = []
        values: list[Any] = []
        try:
            for first, run in rows:
                decoded = json.loads(run)
                places.extend(range(first, first + len(decoded)))
                values.extend(decoded)
        except (TypeError, ValueError) as error:
            raise IndexUnusable(f"{self.path}: a stored actor is damaged ({error})") from None
        spans = self.actors._decode.part("spans", values)  # type: ignore[attr-defined]
        return list(zip(places, spans, strict=True))

    def spans_in_articles(self, ref: Ref, article_ids: Iterable[str]) -> list[Span]:
        """As `Corpus`; an actor's are read from the runs of those articles, the rest unread."""
        if ref.kind != "actor":
            return super().spans_in_articles(ref, article_ids)
        wanted = list(dict.fromkeys(article_ids))
        placed: list[tuple[int, Span]] = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            placed += self._placed_spans(ref.id, f"AND article IN ({marks})", *chunk)
        placed.sort(key=lambda pair: pair[0])
        return [span for _, span in placed]

    def sentences(self, ref: Ref, limit: int | None = None) -> list[tuple[Article, Span]]:
        """As `Corpus`; the first `limit` of an actor's are found by SQLite sorting its spans,
        so an actor of many articles is not decoded whole for one sentence (and the last few
        actors' pages are kept: the detail asks again on every visit back to one)."""
        if limit is None:
            return self._all_sentences(ref)
        if ref.kind != "actor" or self.get(ref) is None:
            return super().sentences(ref, limit)
        cached = self._sentence_pages.get((ref.id, limit))
        if cached is None:
            cached = self._sentence_pages[(ref.id, limit)] = self._first_sentences(ref, limit)
            if len(self._sentence_pages) > SENTENCE_PAGES_CACHED:
                self._sentence_pages.popitem(last=False)
        else:
            self._sentence_pages.move_to_end((ref.id, limit))
        return list(cached)

    def _first_sentences(self, ref: Ref, limit: int) -> list[tuple[Article, Span]]:
        """The first `limit` sentences of an actor, read a range of its articles at a time.

        Its spans are stored one article after another, each article's in body order, and
        every one of them is in an article its row lists (import takes an actor's spans from
        the articles that name it): the first articles by id, sorted from that short list,
        hold its first sentences. SQLite picks the spans of those articles and sorts only
        them, as `Corpus.sentences` orders them, not every span of the actor (an actor of
        many articles has a hundred thousand: sorting them all for one page took most of a
        move onto it). A range that gives too few sentences is followed by the next, twice
        as many articles, so a page reads its actor's spans a few times at most."""
        actor = self.get(ref)
        articles = sorted(set(actor.articles)) if actor is not None else []
        seen: set[tuple[str, int, int]] = set()
        result: list[tuple[Article, Span]] = []
        start, size = 0, max(8, limit)
        while len(result) < limit and start < len(articles):
            first, last = articles[start], articles[min(start + size, len(articles)) - 1]
            placed = self._placed_spans(ref.id, "AND article BETWEEN ? AND ?", first, last)
            # As `Corpus.sentences` orders them: by article, sentence, then stored place.
            placed.sort(key=lambda pair: (pair[1].article, pair[1].sentence_start, pair[0]))
            self._take_sentences([span for _, span in placed], seen, result, limit)
            start, size = start + size, size * 2
        return result

    def _all_sentences(self, ref: Ref) -> list[tuple[Article, Span]]:
        """`sentences` without a limit: their articles read together, 500 a query."""
        return [pair for batch in self.sentence_batches(ref) for pair in batch]

    def sentence_batches(self, ref: Ref) -> Iterator[list[tuple[Article, Span]]]:
        """As `Corpus`: the sentences of the next 500 articles at a time, only their articles
        decoded (an actor of 5,000 articles would hold every body at once)."""
        item = self.get(ref)
        if item is None:
            return
        if isinstance(item.spans, _LazyPart) and item.spans._values is None:
            spans = self._sentence_spans(ref.id)
        else:
            spans = sorted(item.spans, key=lambda s: (s.article, s.sentence_start))
        decode = self.articles._decode  # type: ignore[attr-defined]
        seen: set[tuple[str, int, int]] = set()
        wanted = list(dict.fromkeys(span.article for span in spans))
        at = 0
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            articles = {
                ident: decode("article", row)
                for ident, row in self._chunks("article", chunk, "id, row")
            }
            result: list[tuple[Article, Span]] = []
            last = chunk[-1]
            while at < len(spans) and spans[at].article <= last:
                span = spans[at]
                at += 1
                key = (span.article, span.sentence_start, span.sentence_end)
                article = articles.get(span.article)
                if key in seen or article is None:
                    continue
                seen.add(key)
                result.append((article, span))
            yield result

    def _sentence_spans(self, ident: str) -> list[Span]:
        """An actor's spans in `sentences` order, the first of each sentence alone decoded:
        sorted and told apart from their stored values (an actor of many articles has a
        hundred thousand spans, most of them of a sentence already kept)."""
        found = self._reader.one(
            "SELECT json_extract(row, '$.spans') FROM items WHERE kind = 'actor' AND id = ?",
            ident,
        )
        if found is None:
            return []
        seen: set[tuple[Any, Any, Any]] = set()
        kept: list[Any] = []
        try:
            for value in sorted(json.loads(found), key=lambda v: (v[0], v[3])):
                key = (value[0], value[3], value[4])
                if key not in seen:
                    seen.add(key)
                    kept.append(value)
        except (TypeError, ValueError, LookupError, RecursionError) as error:
            raise IndexUnusable(f"{self.path}: a stored actor is damaged ({error})") from None
        return list(self.actors._decode.part("spans", kept))  # type: ignore[attr-defined]

    def quote_texts(self, quote_ids: Iterable[str]) -> dict[str, str]:
        """As `Corpus`, in one query for every 500 ids, the rest of each quote unread."""
        found: dict[str, str] = {}
        for ident, text in self._chunks("quote", quote_ids, "id, json_extract(row, '$.text')"):
            if not isinstance(text, str):
                raise IndexUnusable(f"{self.path}: a stored quote is damaged (its text)")
            found[ident] = clean_text(text)
        return found

    def spans_in(self, article_id: str) -> list[tuple[Span, Ref]]:
        """Every supporting span in one article with its item, in body order (as Corpus)."""
        found: list[tuple[Span, Ref]] = []
        for ref in self.items_in_article.get(article_id, ()):
            item = self.get(ref)
            if item is None:
                continue
            found += [(span, ref) for span in item.spans if span.article == article_id]
        found.sort(key=lambda pair: (pair[0].start, -pair[0].end))
        return found

    def search_index(self) -> StoredSearchIndex:
        """The quote search engine over this index (made once)."""
        if self._search is None:
            self._search = StoredSearchIndex(self)
        return self._search

    def search(self, query: Any, limit: int | None = None, *, prefix_last: bool = True) -> Any:
        """`SearchIndex.search` over the stored index: the same hits, in the same order."""
        return self.search_index().search(query, limit, prefix_last=prefix_last)


# -- the search engine over the index ---------------------------------------------------------


class _LazyDocs(Mapping[str, Any]):
    """word (or pair, or field value) -> a set of quote numbers, read when first asked."""

    def __init__(
        self, reader: _Reader, sql: str, *args: Any, delta: tuple[Any, str] | None = None
    ) -> None:
        self._reader, self._sql, self._args = reader, sql, args
        # (DocMap, the query of the delta table) of an index patched for added articles
        # (see `index_delta`): stored numbers are mapped to today's.
        self._delta = delta
        self._cache: dict[str, Any] = {}

    def _load(self, key: str) -> Any:
        if key in self._cache:
            return self._cache[key]
        blob = self._reader.one(self._sql, *self._args, key) if isinstance(key, str) else None
        found = None if blob is None else _unpack(blob)
        if self._delta is not None and isinstance(key, str):
            from explorer.data.index_delta import mapped

            docmap, sql = self._delta
            added = self._reader.one(sql, *self._args, key)
            found = mapped(docmap, found, None if added is None else _unpack(added))
        self._cache[key] = found
        return found

    def __getitem__(self, key: str) -> Any:
        found = self._load(key)
        if found is None:
            raise KeyError(key)
        return found

    def get(self, key: str, default: Any = None) -> Any:
        found = self._load(key)
        return default if found is None else found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._load(key) is not None

    def __iter__(self) -> Iterator[str]:  # pragma: no cover - the engine never iterates these
        raise TypeError("a stored index is not iterated")

    def __len__(self) -> int:  # pragma: no cover - the engine never sizes these
        raise TypeError("a stored index is not sized")


class _LazyRows(Sequence[Any]):
    """A stored sequence by position (the vocabulary, quote texts, quotes), read on demand."""

    def __init__(
        self, size: int, fetch: Any, fetch_range: Any = None, fetch_many: Any = None
    ) -> None:
        self._size, self._fetch, self._fetch_range = size, fetch, fetch_range
        self._fetch_many = fetch_many
        self._cache: dict[int, Any] = {}

    def many(self, indices: Sequence[int]) -> list[Any]:
        """The rows at `indices`, those not yet read in one go (one query for them all)."""
        missing = [i for i in dict.fromkeys(indices) if i not in self._cache]
        if missing and self._fetch_many is not None:
            self._cache.update(self._fetch_many(missing))
        return [self[i] for i in indices]

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._size)
            if step == 1 and self._fetch_range is not None:
                return self._fetch_range(start, stop) if stop > start else []
            return [self[i] for i in range(start, stop, step)]
        if index < 0:
            index += self._size
        if not 0 <= index < self._size:
            raise IndexError(index)
        found = self._cache.get(index)
        if found is None:
            found = self._cache[index] = self._fetch(index)
        return found


class _LazyPrefixes(Mapping[str, Any]):
    def __init__(self, reader: _Reader, docmap: Any = None) -> None:
        self._reader = reader
        self._docmap = docmap  # of an index patched for added articles (`index_delta`)
        self._cache: dict[str, Any] = {}

    def get(self, prefix: str, default: Any = None) -> Any:
        from explorer.data.search import _Prefix

        if prefix not in self._cache:
            rows = self._reader.all(
                "SELECT docs, rare, common FROM prefixes WHERE prefix = ?", prefix
            )
            if rows and self._docmap is not None:
                from explorer.data.index_delta import mapped

                added = self._reader.all(
                    "SELECT docs, rare FROM dprefixes WHERE prefix = ?", prefix
                )
                docs, rare = (_unpack(b) for b in added[0]) if added else (None, None)
                empty = array("I")
                self._cache[prefix] = _Prefix(
                    mapped(self._docmap, _unpack(rows[0][0]), docs) or empty,
                    mapped(self._docmap, _unpack(rows[0][1]), rare) or empty,
                    tuple(json.loads(rows[0][2])),
                )
            else:
                self._cache[prefix] = (
                    _Prefix(_unpack(rows[0][0]), _unpack(rows[0][1]), tuple(json.loads(rows[0][2])))
                    if rows
                    else None
                )
        found = self._cache[prefix]
        return default if found is None else found

    def __getitem__(self, prefix: str) -> Any:
        found = self.get(prefix)
        if found is None:
            raise KeyError(prefix)
        return found

    def __iter__(self) -> Iterator[str]:  # pragma: no cover - never iterated
        raise TypeError("a stored index is not iterated")

    def __len__(self) -> int:  # pragma: no cover - never sized
        raise TypeError("a stored index is not sized")


class _StoredKeys:
    """`search._KeyIndex.find` over the stored keys: the same range of heads, the same test."""

    def __init__(self, reader: _Reader, field: str) -> None:
        self._reader, self._field = reader, field

    def find(self, words: Sequence[str]) -> set[str]:
        from explorer.data.search import _KEY_CHARS, _TOP

        needle = " ".join(words)
        head = needle[:_KEY_CHARS]
        rows = self._reader.all(
            "SELECT target, number, start FROM keys WHERE field = ? AND head >= ? AND head < ?",
            self._field,
            head,
            head + _TOP,
        )
        if len(needle) <= _KEY_CHARS:
            return {target for target, _, _ in rows}
        found: set[str] = set()
        for target, number, start in rows:
            if target in found:
                continue
            name = self._reader.one(
                "SELECT name FROM names WHERE field = ? AND number = ?", self._field, number
            )
            if name is not None and name.startswith(needle, start):
                found.add(target)
        return found


def _stored_engine_base() -> type:
    from explorer.data.search import SearchIndex

    return SearchIndex


class StoredSearchIndex(_stored_engine_base()):  # type: ignore[misc]
    """`SearchIndex` whose structures are read from the index file as a query needs them.

    Only `__init__` differs: every method of the engine runs as written, so hits, their order,
    near matches and messages are those of `SearchIndex(corpus)` on the same database.
    """

    def __init__(self, corpus: IndexedCorpus) -> None:
        from explorer.data.search import _DocSets

        reader = corpus._reader
        meta = reader.meta
        quotes, words = int(meta["counts"]["quote"]), int(meta["vocab"])
        self.corpus = corpus
        self._sets = _DocSets(quotes)
        docmap = None
        if meta.get("segments") is not None:
            from explorer.data.index_delta import DocMap

            docmap = DocMap(meta["segments"])
            if docmap.size != quotes:
                raise IndexUnusable("the quote numbers do not cover the quotes")

        def stored(d: int) -> int:
            return d if docmap is None else docmap.stored(d)

        def delta(table: str, where: str) -> tuple[Any, str] | None:
            return None if docmap is None else (docmap, f"SELECT docs FROM {table} WHERE {where}")

        self._texts = _LazyRows(
            quotes, lambda d: reader.one("SELECT folded FROM qdocs WHERE doc = ?", stored(d))
        )
        self._longest = int(meta["longest"])
        self._postings = _LazyDocs(
            reader, "SELECT docs FROM postings WHERE word = ?", delta=delta("dpostings", "word = ?")
        )
        self._common = frozenset(meta["common"])
        self._vocab = _LazyRows(
            words,
            lambda i: reader.one("SELECT word FROM vocab WHERE pos = ?", i),
            lambda lo, hi: [
                w
                for (w,) in reader.all(
                    "SELECT word FROM vocab WHERE pos >= ? AND pos < ? ORDER BY pos", lo, hi
                )
            ],
        )
        self._alphabet = str(meta["alphabet"])
        self._pairs = _LazyDocs(
            reader, "SELECT docs FROM pairs WHERE pair = ?", delta=delta("dpairs", "pair = ?")
        )
        self._prefixes = _LazyPrefixes(reader, docmap)
        self._field_docs = {
            name: _LazyDocs(
                reader,
                "SELECT docs FROM fields WHERE name = ? AND key = ?",
                name,
                delta=delta("dfields", "name = ? AND key = ?"),
            )
            for name in ("speaker", "meeting", "article", "kind")
        }
        self._speakers = _StoredKeys(reader, "speaker")
        self._meetings = _StoredKeys(reader, "meeting")
        self._articles = _StoredKeys(reader, "article")

        def quote_of(d: int) -> Quote:
            ident = reader.one("SELECT id FROM qdocs WHERE doc = ?", stored(d))
            if ident is None:
                raise IndexUnusable(f"quote number {d} is missing")
            return corpus.quotes[ident]

        def quotes_of(docs: Sequence[int]) -> dict[int, Quote]:
            table: _Table = corpus.quotes  # type: ignore[assignment]
            decode = table._decode
            found: dict[int, Quote] = {}
            for start in range(0, len(docs), 500):
                chunk = [d for d in docs[start : start + 500] if 0 <= d < quotes]
                today = {stored(d): d for d in chunk}
                marks = ",".join("?" * len(chunk))
                # Their spans are read when asked for (a search shows none of them).
                for s, row in reader.all(
                    "SELECT q.doc, json_remove(i.row, '$.spans') FROM qdocs q JOIN items i"
                    f" ON i.kind = 'quote' AND i.id = q.id WHERE q.doc IN ({marks})",
                    *today,
                ):
                    quote = found[today[s]] = decode("quote", row)
                    object.__setattr__(quote, "spans", _LazyPart(table, quote.id, "spans"))
            return found

        self._quotes = _LazyRows(quotes, quote_of, fetch_many=quotes_of)


# -- opening, with rebuilding -----------------------------------------------------------------


def open_index(db_path: str | os.PathLike[str]) -> IndexedCorpus:
    """The database's index when it is there and fresh; raises IndexUnusable otherwise."""
    stamp = database_stamp(db_path)
    index = IndexedCorpus(index_path_for(db_path))
    index.database = Path(db_path)
    if not stamp_matches(index.stamp, stamp):
        index.close()
        raise IndexUnusable("the index is stale")
    return index


def rebuild_index(db_path: str | os.PathLike[str], loaded: Loaded | None = None) -> Loaded | None:
    """Read the database (its full checks) and write its index; returns what was read, or
    None when it was let go to build the index from the file (see `_rebuild_from_rows`).

    Raises StoreError for a database that cannot be read, OSError when the index cannot be
    written (the caller may still use what was read).
    """
    from explorer.data.atomic import writers_lock

    # Shared with other readers, and taken only when no import holds it: the next import
    # then leaves this one's temporary file alone (see `atomic.remove_stale_temporaries`).
    with writers_lock(db_path, shared=True):
        return _rebuild_index(db_path, loaded)


def _rebuild_index(db_path: str | os.PathLike[str], loaded: Loaded | None) -> Loaded | None:
    from explorer.data.store import load_database_file

    stamp = database_stamp(db_path)
    if stamp is None:
        raise StoreError(f"{db_path}: cannot be read")
    if loaded is not None:
        write_index(db_path, loaded, stamp)
        return loaded
    checked = load_database_file(db_path)
    counts = _counts(checked)
    source = _rows_in_line_layout(Path(db_path))
    if source is None:
        write_index(db_path, checked, stamp)  # a file in another layout: from its models
        return checked
    del checked
    _release_freed_memory()
    _write_index_from_rows(db_path, source, counts, stamp)
    return None


def _rows_in_line_layout(db: Path) -> _FileRows | None:
    """The database's rows read from its file, when it is laid out one row a line with each
    table (as `explorer import` writes it), else None."""
    from explorer.data.store import TABLES

    try:
        source = _FileRows(db)
    except OSError:
        return None
    return source if all(table in source for table in TABLES) else None


def _write_index_from_rows(
    db_path: str | os.PathLike[str], source: _FileRows, counts: list[int], stamp: dict[str, Any]
) -> None:
    """The index of a database that passed its checks, built as an import builds it, from the
    rows in its file rather than from the models the checks made: these held 10,000 articles'
    every span and body beside the index being built (a 1.4 GB peak). The models are gone by
    then; only their counts are kept, to tell that the file still holds the rows checked."""
    try:
        models = _light(source)
    except (ValueError, KeyError, TypeError):
        models = None
    if models is None or _counts(models) != counts:
        raise OSError(f"{db_path}: changed while its index was built")
    write_index(db_path, models, stamp, source)


def _counts(loaded: Loaded) -> list[int]:
    return [len(loaded.articles), len(loaded.actors), len(loaded.meetings), len(loaded.quotes)]


def open_indexed(db_path: str | os.PathLike[str]) -> Corpus:
    """The corpus of a database, answered from its index (rebuilt first when stale, missing
    or damaged). Where the index cannot be written, the database is read into memory instead.

    Raises StoreError (the database itself is missing or damaged), as `open_corpus` does.
    """
    db = Path(db_path)
    if not db.is_file():
        from explorer.data.store import load_database_file

        load_database_file(db)  # raises the StoreError that names what is wrong
    with contextlib.suppress(IndexUnusable):
        return open_index(db)
    try:
        loaded = rebuild_index(db)
    except (OSError, sqlite3.Error):
        from explorer.data.store import load_database_file

        return Corpus(load_database_file(db))
    try:
        return open_index(db)
    except IndexUnusable:
        if loaded is not None:
            return Corpus(loaded)
    from explorer.data.store import load_database_file

    return Corpus(load_database_file(db))


def search_engine(corpus: Corpus) -> Any:
    """The search engine for a corpus: the stored one for an IndexedCorpus, else built."""
    if isinstance(corpus, IndexedCorpus):
        return corpus.search_index()
    from explorer.data.search import SearchIndex

    return SearchIndex(corpus)


__all__ = [
    "INDEX_FORMAT",
    "IndexUnusable",
    "IndexedCorpus",
    "StoredSearchIndex",
    "build_index_file",
    "database_stamp",
    "index_path_for",
    "install_index",
    "open_index",
    "open_indexed",
    "rebuild_index",
    "restamp_index",
    "search_engine",
    "stamp_index_file",
    "stamp_matches",
    "write_database_and_index",
    "write_index",
]

"""Quote numbers of an index patched for added articles, and the patch itself.

The quote search numbers quotes densely in rank order (newest article first), so one article
added among ten thousand moves the number of every quote ranked after it: stored as they are
built, every set of quotes would have to be written again (a minute at 10,000 articles). So
an index keeps the sets it was built with (the base, quotes numbered 0…B-1) and numbers the
quotes added since on from there (B, B+1, …, each article's quotes in a run); its meta row
`segments` lists the runs of those stored numbers in today's rank order. A reader maps each
stored set through them (`DocMap`) before the engine sees it, and reads what the patches
added to a set from the delta tables (`dpostings`, `dpairs`, `dfields`, `dprefixes`), in
stored numbers too. The engine then runs unchanged: the same sets as a fresh build, so the
same hits in the same order.

Which words are "common" (those with pair sets) stays the base's: the pair sets only spare
reading quotes' texts, and stay exact for the words they are kept for. The vocabulary and the
typo letters are merged exactly (near matches depend on them).

`patch_appended` writes all of it, and the other tables' rows for the new articles, in one
SQLite transaction that also stamps the index for the database now in place.
"""

from __future__ import annotations

import bisect
import json
import os
import sqlite3
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from itertools import pairwise
from typing import Any

from explorer.data.index import (
    _actor_order,
    _dumps,
    _head_rows,
    _light,
    _meeting_order,
    _pack,
    _split_stamp,
    _stamp_text,
    _timeline_order,
    _unpack,
    actor_tables_rows,
    database_stamp,
    index_path_for,
    stamp_matches,
)
from explorer.data.index_patch import Unpatchable, patch_transaction
from explorer.data.models import Loaded
from explorer.data.store_splice import SPANS_KEY
from explorer.data.text import clean_text

MAX_SEGMENTS = 256  # runs of stored numbers before the index is built anew (compacted)
MAX_DELTA_SHARE = 0.25  # quotes added since the base, as a share of it, before the same
MAX_DELTA_FLOOR = 20_000  # (a small corpus is built anew in a moment: it takes more patches)

DELTA_SCHEMA = """
CREATE TABLE IF NOT EXISTS dpostings (word TEXT PRIMARY KEY, docs BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dpairs (pair TEXT PRIMARY KEY, docs BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dfields (name TEXT, key TEXT, docs BLOB NOT NULL,
                                    PRIMARY KEY (name, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dprefixes (prefix TEXT PRIMARY KEY, docs BLOB NOT NULL,
                                      rare BLOB NOT NULL) WITHOUT ROWID;
"""


class DocMap:
    """Stored quote numbers <-> numbers in today's rank order, from the meta's `segments`
    ([stored start, length] runs, in rank order)."""

    def __init__(self, segments: Sequence[Sequence[int]]) -> None:
        runs: list[tuple[int, int, int]] = []
        at = 0
        for start, length in segments:
            runs.append((int(start), int(length), at))
            at += int(length)
        self.size = at
        self._runs = runs
        self._currents = [c for _, _, c in runs]

    def stored(self, doc: int) -> int:
        """The stored number of the quote ranked `doc`."""
        k = bisect.bisect_right(self._currents, doc) - 1
        start, _, at = self._runs[k]
        return start + doc - at

    def current(self, docs: Any) -> Any:
        """A stored set (bitset or ascending array) as today's numbers, in the same form."""
        if isinstance(docs, int):
            out = 0
            for start, length, at in self._runs:
                part = (docs >> start) & ((1 << length) - 1)
                if part:
                    out |= part << at
            return out
        out_array = array("I")
        for start, length, at in self._runs:
            lo = bisect.bisect_left(docs, start)
            hi = bisect.bisect_left(docs, start + length, lo)
            if lo == hi:
                continue
            shift = at - start
            out_array.extend(docs[lo:hi] if shift == 0 else [d + shift for d in docs[lo:hi]])
        return out_array


def mapped(docmap: DocMap | None, base: Any, delta: Any) -> Any:
    """The set of today's numbers a stored set and its delta make; None when empty (a word
    whose quotes are all gone is no longer a word of the corpus)."""
    if docmap is None:
        return base
    parts = [docmap.current(x) for x in (base, delta) if x is not None]
    if not parts:
        return None
    if len(parts) == 2:
        a, b = parts
        if isinstance(a, int) or isinstance(b, int):
            bits = a if isinstance(a, int) else b
            other = b if isinstance(a, int) else a
            for d in other:
                bits |= 1 << d
            result: Any = bits
        else:
            result = array("I", sorted(set(a) | set(b)))
    else:
        result = parts[0]
    empty = result == 0 if isinstance(result, int) else not len(result)
    return None if empty else result


# -- the patch ----------------------------------------------------------------------------


def _meta(con: sqlite3.Connection) -> dict[str, Any]:
    return {
        key: json.loads(value)
        for key, value in con.execute("SELECT key, value FROM meta WHERE key != 'database'")
    }


def _set_meta(con: sqlite3.Connection, key: str, value: Any) -> None:
    con.execute(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)",
        (key, json.dumps(value, ensure_ascii=False, allow_nan=False)),
    )


def _add_delta(
    con: sqlite3.Connection, table: str, where: dict[str, str], numbers: Sequence[int]
) -> None:
    """Stored numbers added to one delta row (kept as an ascending array)."""
    cond = " AND ".join(f"{column} = ?" for column in where)
    found = con.execute(f"SELECT docs FROM {table} WHERE {cond}", tuple(where.values())).fetchone()
    docs = array("I") if found is None else _unpack(found[0])
    docs = array("I", sorted(set(docs).union(numbers)))
    marks = ", ".join("?" * (len(where) + 1))
    con.execute(
        f"INSERT OR REPLACE INTO {table} ({', '.join(where)}, docs) VALUES ({marks})",
        (*where.values(), b"A" + docs.tobytes()),
    )


def _count(con: sqlite3.Connection, sql: str, *args: Any) -> int:
    return int(con.execute(sql, args).fetchone()[0])


def _insert_sorted(
    con: sqlite3.Connection,
    name: str,
    size: int,
    new: Sequence[tuple[Any, str]],
    key_at: Any,
) -> list[int]:
    """New ids put into a stored order (sorted by key) where their keys fall; the ids after
    the first of them move down. Returns where each went among the old ones, ascending."""
    if not new:
        return []
    places = []
    for key, ident in sorted(new):
        places.append((bisect.bisect_left(range(size), key, key=key_at), key, ident))
    first = min(p for p, _, _ in places)
    tail = [
        ident
        for (ident,) in con.execute(
            "SELECT id FROM orders WHERE name = ? AND pos >= ? ORDER BY pos", (name, first)
        )
    ]
    merged: list[str] = []
    k = 0
    for n, ident in enumerate(tail, first):
        while k < len(places) and places[k][0] == n:
            merged.append(places[k][2])
            k += 1
        merged.append(ident)
    merged.extend(ident for _, _, ident in places[k:])
    con.execute("DELETE FROM orders WHERE name = ? AND pos >= ?", (name, first))
    con.executemany(
        "INSERT INTO orders VALUES (?, ?, ?)",
        ((name, n, ident) for n, ident in enumerate(merged, first)),
    )
    return [p for p, _, _ in places]


def _links_of(con: sqlite3.Connection, name: str, key: str) -> list[str]:
    return [
        t
        for (t,) in con.execute(
            "SELECT target FROM links WHERE name = ? AND key = ? ORDER BY pos", (name, key)
        )
    ]


def _write_links(
    con: sqlite3.Connection, name: str, key: str, old: list[str], new: list[str]
) -> None:
    if new[: len(old)] == old:
        con.executemany(
            "INSERT INTO links VALUES (?, ?, ?, ?)",
            ((name, key, n, t) for n, t in enumerate(new[len(old) :], len(old))),
        )
        return
    con.execute("DELETE FROM links WHERE name = ? AND key = ?", (name, key))
    con.executemany(
        "INSERT INTO links VALUES (?, ?, ?, ?)", ((name, key, n, t) for n, t in enumerate(new))
    )


def _fold(text: str) -> list[str]:
    from explorer.data.search import fold_tokens

    return fold_tokens(text)


def _add_keys(con: sqlite3.Connection, field: str, entries: Iterable[tuple[str, str]]) -> None:
    """`search._KeyIndex` entries added: a name already known keeps its number."""
    from explorer.data.search import _KEY_CHARS

    top = con.execute("SELECT max(number) FROM names WHERE field = ?", (field,)).fetchone()[0]
    following = -1 if top is None else int(top)
    for text, target in entries:
        words = _fold(text)
        joined = " ".join(words)
        number = None
        for (candidate,) in con.execute(
            "SELECT DISTINCT k.number FROM keys k JOIN names n ON n.field = k.field"
            " AND n.number = k.number WHERE k.field = ? AND k.head = ? AND k.start = 0"
            " AND n.name = ?",
            (field, joined[:_KEY_CHARS], joined),
        ):
            number = int(candidate)
        if number is None and not words:
            found = con.execute(
                "SELECT number FROM names WHERE field = ? AND name = ''", (field,)
            ).fetchone()
            number = None if found is None else int(found[0])
        if number is None:
            following += 1
            number = following
            con.execute("INSERT INTO names VALUES (?, ?, ?)", (field, number, joined))
        start = 0
        for word in words:
            con.execute(
                "INSERT OR IGNORE INTO keys VALUES (?, ?, ?, ?, ?)",
                (field, joined[start : start + _KEY_CHARS], target, number, start),
            )
            start += len(word) + 1


def patch_appended(
    db_path: str | os.PathLike[str],
    appended: Mapping[str, Sequence[bytes]],
    changed: Sequence[tuple[str, bytes]],
    old_stamp: dict[str, Any],
    record: dict[str, Any] | None,
) -> None:
    """Patch the index of the database at `db_path` (fresh for `old_stamp`) for articles
    added at the end of its tables (`appended`: table -> the new rows, as written) and the
    actors' rows they rewrote (`changed`: (table, new row)), the database now in place, and
    stamp it for that file, in one durable SQLite transaction: until it is committed the
    index is stamped for the old file, which no reader finds in place (so none answers from
    it).

    Raises Unpatchable (nothing changed) when the index is not fresh for `old_stamp`, does not
    hold what the patch expects, or has taken enough patches to be built anew; sqlite3.Error
    or OSError.
    """
    stamp = database_stamp(db_path)
    if stamp is None:
        raise OSError(f"{db_path}: cannot be read")
    target = index_path_for(db_path)
    if not target.is_file():
        raise Unpatchable("no index")
    with patch_transaction(target, cache_kib=65536) as con:
        meta = _meta(con)
        stored, _ = _split_stamp(
            con.execute("SELECT value FROM meta WHERE key = 'database'").fetchone()[0]
        )
        if not stamp_matches(stored, old_stamp):
            raise Unpatchable("the index is not fresh for the database in place")
        _patch_appended(con, meta, appended, changed)
        con.execute(
            "UPDATE meta SET value = ? WHERE key = 'database'", (_stamp_text(stamp, record),)
        )


def _patch_appended(
    con: sqlite3.Connection,
    meta: dict[str, Any],
    appended: Mapping[str, Sequence[bytes]],
    changed: Sequence[tuple[str, bytes]],
) -> None:
    counts = dict(meta["counts"])
    new = _light({table: list(rows) for table, rows in appended.items()})
    shared_rows = [row for table, row in changed if table == "actors"]
    if len(shared_rows) != len(changed):
        raise Unpatchable("rows other than actors' changed")
    shared = _light({"actors": shared_rows})
    # -- items, heads -------------------------------------------------------------------
    positions: dict[str, int] = {}
    for actor, row in zip(shared.actors, shared_rows, strict=True):
        found = con.execute(
            "SELECT i.pos, h.name FROM items i JOIN heads h ON h.kind = 'actor' AND h.id = i.id"
            " WHERE i.kind = 'actor' AND i.id = ?",
            (actor.id,),
        ).fetchone()
        if found is None:
            raise Unpatchable(f"actor {actor.id!r} is not in the index")
        if found[1] != actor.name:
            raise Unpatchable(f"actor {actor.id!r} renamed")
        positions[actor.id] = int(found[0])
        con.execute(
            "UPDATE items SET row = ? WHERE kind = 'actor' AND id = ?",
            (bytes(row).decode("utf-8"), actor.id),
        )
    tables: tuple[tuple[str, str, Sequence[Any]], ...] = (
        ("article", "articles", new.articles),
        ("actor", "actors", new.actors),
        ("meeting", "meetings", new.meetings),
        ("quote", "quotes", new.quotes),
    )
    for kind, table, models in tables:
        rows = appended.get(table, ())
        first = counts[kind]
        con.executemany(
            "INSERT INTO items VALUES (?, ?, ?, ?)",
            (
                (kind, model.id, n, bytes(row).decode("utf-8"))
                for n, (model, row) in enumerate(zip(models, rows, strict=True), first)
            ),
        )
        if kind == "actor":
            positions.update((m.id, n) for n, m in enumerate(models, first))
    con.executemany("INSERT INTO heads VALUES (?, ?, ?, ?)", _head_rows(new))
    con.executemany("INSERT OR REPLACE INTO heads VALUES (?, ?, ?, ?)", _head_rows(shared))
    # -- actors' heads: a sentence counts in an article of the corpus only ---------------
    new_ids = [a.id for a in new.articles]
    actor_rows = list(appended.get("actors", ()))
    mentioned: set[str] = set()
    for row in actor_rows:
        record = json.loads(bytes(row))
        mentioned.update(clean_text(str(s[0])) for s in record.get("spans", ()))
    present = set(new_ids)
    present.update(_present(con, "article", mentioned - present))
    for actor, row in zip(new.actors, actor_rows, strict=True):
        head, runs = actor_tables_rows(actor.id, json.loads(bytes(row)), present)
        con.execute("INSERT INTO actor_heads VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", head)
        con.executemany("INSERT INTO actor_spans VALUES (?, ?, ?, ?)", runs)
    for row in shared_rows:
        head, runs = _shared_actor_rows(con, bytes(row), new_ids)
        con.execute("INSERT OR REPLACE INTO actor_heads VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", head)
        con.executemany("INSERT INTO actor_spans VALUES (?, ?, ?, ?)", runs)
    # -- relations ----------------------------------------------------------------------
    from explorer.data.corpus import Corpus

    in_order = sorted(shared.actors, key=lambda a: positions[a.id]) + list(new.actors)
    mini = Corpus(Loaded(list(new.articles), in_order, list(new.meetings), list(new.quotes)))
    new_articles = {a.id for a in new.articles}
    items: list[Any] = [*new.meetings, *new.quotes]
    for item in items:
        if not new_articles.issuperset(item.articles):
            raise Unpatchable(f"{item.id!r} is of an article of the index")
    for article, in_it in mini.items_in_article.items():
        if article not in new_articles:
            continue  # a shared actor's: listed there already
        _write_links(con, "items_in_article", article, [], [str(t) for t in in_it])
    for key, members in mini.members.items():
        old = _links_of(con, "members", key)
        joined = set(old) | set(members)
        order = dict(
            con.execute(
                "SELECT id, pos FROM items WHERE kind = 'actor' AND id IN "
                f"({', '.join('?' * len(joined))})",
                tuple(joined),
            ).fetchall()
        )
        order.update(positions)
        if len(order) < len(joined):
            raise Unpatchable(f"a member of {key!r} is not in the index")
        _write_links(con, "members", key, old, sorted(joined, key=order.__getitem__))
    attended: dict[str, set[str]] = {}
    for name, links in (
        ("meetings_of_actor", mini.meetings_of_actor),
        ("quotes_by_actor", mini.quotes_by_actor),
        ("quotes_of_meeting", mini.quotes_of_meeting),
    ):
        for key, targets in links.items():
            old = _links_of(con, name, key)
            _write_links(con, name, key, old, [*old, *targets])
            if name == "meetings_of_actor":
                attended[key] = {*old, *targets}
    speakers = set(mini.quotes_by_actor) | set(mini.meetings_of_actor)
    related: dict[str, set[str]] = {}  # meetings newly related to an actor
    for speaker in sorted(speakers):
        met = attended.get(speaker)
        if met is None:
            met = set(_links_of(con, "meetings_of_actor", speaker))
        old = _links_of(con, "spoken_of", speaker)
        statements = mini.quotes_by_actor.get(speaker, ())
        later = [m for q in statements if (m := mini.quotes[q].meeting)]
        spoken = list(dict.fromkeys(m for m in [*old, *later] if m not in met))
        if spoken != old:
            _write_links(con, "spoken_of", speaker, old, spoken)
        related[speaker] = {*mini.meetings_of_actor.get(speaker, ()), *spoken[len(old) :]}
    # -- orders -------------------------------------------------------------------------
    con.executemany(
        "INSERT INTO orders VALUES ('quote', ?, ?)",
        ((n, q.id) for n, q in enumerate(new.quotes, counts["quote"])),
    )

    def head_key(kind: str, make: Any) -> Any:
        def key_at(pos: int) -> Any:
            found = con.execute(
                "SELECT h.id, h.name, h.extra FROM orders o JOIN heads h ON h.kind = ?"
                " AND h.id = o.id WHERE o.name = ? AND o.pos = ?",
                (kind, kind, pos),
            ).fetchone()
            if found is None:
                raise Unpatchable(f"the {kind} order has a gap")
            return make(*found)

        return key_at

    _insert_sorted(
        con,
        "actor",
        counts["actor"],
        [(_actor_order(a), a.id) for a in new.actors],
        head_key("actor", lambda i, name, _: (name.casefold(), i)),
    )
    _insert_sorted(
        con,
        "article",
        counts["article"],
        [((a.published, a.id), a.id) for a in new.articles],
        head_key("article", lambda i, _, day: (date.fromisoformat(day), i)),
    )
    for name, make in (("meeting", _meeting_order), ("timeline", _timeline_order)):

        def meeting_at(pos: int, name: str = name, make: Any = make) -> Any:
            found = con.execute(
                "SELECT i.row FROM orders o JOIN items i ON i.kind = 'meeting' AND i.id = o.id"
                " WHERE o.name = ? AND o.pos = ?",
                (name, pos),
            ).fetchone()
            if found is None:
                raise Unpatchable(f"the {name} order has a gap")
            return make(_light({"meetings": [found[0].encode("utf-8")]}).meetings[0])

        went = _insert_sorted(
            con, name, counts["meeting"], [(make(m), m.id) for m in new.meetings], meeting_at
        )
        if name == "meeting":
            _patch_related_places(con, went, related, mini, counts["quote"])
    # -- the keys `speaker:`, `meeting:` and `article:` find items by --------------------
    _add_keys(
        con,
        "speaker",
        (
            (text, a.id)
            for a in [*shared.actors, *new.actors]
            for text in (a.name, a.id, *a.aliases)
        ),
    )
    _add_keys(con, "meeting", ((text, m.id) for m in new.meetings for text in (m.title, m.id)))
    _add_keys(con, "article", ((text, a.id) for a in new.articles for text in (a.title, a.id)))
    # -- the quote search -----------------------------------------------------------------
    _patch_search(con, meta, new)
    counts["article"] += len(new.articles)
    counts["actor"] += len(new.actors)
    counts["meeting"] += len(new.meetings)
    counts["quote"] += len(new.quotes)
    _set_meta(con, "counts", counts)


def _shared_actor_rows(
    con: sqlite3.Connection, row: bytes, added: Sequence[str]
) -> tuple[Any, list[tuple[str, str, int, str]]]:
    """`index.actor_tables_rows` of an actor of the corpus that added articles name, without
    decoding its every span (an actor of many articles has a row of megabytes): the added
    articles' spans come last in its row (`incremental._joined_actor_row`), after those it
    had (its runs in the index), so its sentences are those it had (none in the added
    articles, which were not in the corpus) and the distinct ones of the spans added, and its
    runs those it had and theirs."""
    cut = row.rfind(SPANS_KEY)
    if cut == -1 or not row.endswith(b"]}") or b'": ' in row[cut + len(SPANS_KEY) :]:
        raise Unpatchable("an actor row without its spans last")
    record = json.loads(row[:cut] + b"}")
    ident = record["id"]
    old = con.execute("SELECT sentences FROM actor_heads WHERE id = ?", (ident,)).fetchone()
    last = con.execute(
        "SELECT first, spans FROM actor_spans WHERE id = ? ORDER BY first DESC LIMIT 1", (ident,)
    ).fetchone()
    if old is None or last is None:
        raise Unpatchable(f"actor {ident!r} has no head or no spans in the index")
    had = int(last[0]) + len(json.loads(last[1]))
    spans = row[cut + len(SPANS_KEY) - 1 : -1].decode("utf-8")
    # Inside a JSON string every `"` is escaped: these characters start a span.
    starts = [
        at
        for article in added
        if (at := spans.find("[" + json.dumps(article, ensure_ascii=False) + ", ")) != -1
    ]
    tail: list[Any] = []
    if starts:
        decoder = json.JSONDecoder()
        at = min(starts)
        while True:
            span, at = decoder.raw_decode(spans, at)
            tail.append(span)
            if spans.startswith(", ", at):
                at += 2
            elif at == len(spans) - 1 and spans[at] == "]":
                break
            else:
                raise Unpatchable(f"actor {ident!r}: its spans are not a list")
    if any(span[0] not in added for span in tail):
        raise Unpatchable(f"actor {ident!r}: the added articles' spans are not its last")
    keys = {(clean_text(s[0]), s[3], s[4]) for s in tail}
    listed = record.get("articles") or ()
    role = record.get("role")
    roles = {
        clean_text(r["role"])
        for r in record.get("roles") or ()
        if isinstance(r, dict) and isinstance(r.get("role"), str) and r["role"]
    } - {""}
    slim = _dumps({k: v for k, v in record.items() if k not in ("spans", "roles")})
    head = (
        ident,
        clean_text(record["name"]),
        clean_text(record["kind"]),
        clean_text(role) if isinstance(role, str) else None,
        len(listed),
        clean_text(listed[0]) if listed else None,
        int(old[0]) + len(keys),
        slim,
        int(len(roles) > 1),
    )
    runs = []
    at = 0
    while at < len(tail):
        end = at + 1
        while end < len(tail) and tail[end][0] == tail[at][0]:
            end += 1
        runs.append((ident, str(tail[at][0]), had + at, _dumps(tail[at:end])))
        at = end
    return head, runs


def _patch_related_places(
    con: sqlite3.Connection,
    went: list[int],
    related: dict[str, set[str]],
    mini: Any,
    first_quote: int,
) -> None:
    """`index._related_place_rows` patched: every actor's meetings' places move down past
    the new meetings put before them (`went`: where they went among the old ones), then the
    meetings and quotes newly related to an actor join its places."""
    rows = con.execute("SELECT id, places FROM related_places WHERE kind = 'meeting'").fetchall()
    meetings: dict[str, set[int]] = {}
    for ident, blob in rows:
        places = array("I")
        places.frombytes(blob)
        meetings[ident] = {q + bisect.bisect_right(went, q) for q in places}
    wanted = sorted({m for ms in related.values() for m in ms})
    place: dict[str, int] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        place.update(
            con.execute(
                "SELECT id, pos FROM orders WHERE name = 'meeting' AND id IN "
                f"({', '.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
        )
    for actor, ids in related.items():
        found = {place[m] for m in ids if m in place}
        if found:
            meetings.setdefault(actor, set()).update(found)
    con.execute("DELETE FROM related_places WHERE kind = 'meeting'")
    con.executemany(
        "INSERT INTO related_places VALUES (?, 'meeting', ?)",
        ((a, array("I", sorted(p)).tobytes()) for a, p in sorted(meetings.items()) if p),
    )
    numbers = {q.id: n for n, q in enumerate(mini.quotes.values(), first_quote)}
    for actor, ids in mini.quotes_by_actor.items():
        found = con.execute(
            "SELECT places FROM related_places WHERE id = ? AND kind = 'quote'", (actor,)
        ).fetchone()
        places = array("I")
        if found is not None:
            places.frombytes(found[0])
        places.extend(sorted(numbers[q] for q in ids))
        con.execute(
            "INSERT OR REPLACE INTO related_places VALUES (?, 'quote', ?)",
            (actor, places.tobytes()),
        )


def _present(con: sqlite3.Connection, kind: str, ids: Iterable[str]) -> set[str]:
    wanted = list(ids)
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(
            i
            for (i,) in con.execute(
                f"SELECT id FROM items WHERE kind = ? AND id IN ({', '.join('?' * len(chunk))})",
                (kind, *chunk),
            )
        )
    return found


def _segments(meta: dict[str, Any]) -> list[list[int]]:
    found = meta.get("segments")
    if found is None:
        return [[0, int(meta["counts"]["quote"])]] if meta["counts"]["quote"] else []
    return [[int(s), int(n)] for s, n in found]


def _split_at(segments: list[list[int]], at: int) -> int:
    """Split the runs so one begins at today's number `at`; returns its index."""
    start = 0
    for k, (s, n) in enumerate(segments):
        if at == start:
            return k
        if at < start + n:
            segments[k : k + 1] = [[s, at - start], [s + at - start, n - (at - start)]]
            return k + 1
        start += n
    return len(segments)


def _coalesced(segments: list[list[int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for s, n in segments:
        if n == 0:
            continue
        if out and out[-1][0] + out[-1][1] == s:
            out[-1][1] += n
        else:
            out.append([s, n])
    return out


def _prepared(
    meta: dict[str, Any], con: sqlite3.Connection, more: int
) -> tuple[list[list[int]], int, int]:
    """The runs of stored numbers, the next stored number and the base's size, once the
    delta tables are there; Unpatchable when `more` quotes more call for a build anew."""
    for statement in DELTA_SCHEMA.split(";"):
        if statement.strip():
            con.execute(statement)  # (executescript would commit the transaction)
    segments = _segments(meta)
    total = int(meta["counts"]["quote"])
    stored = int(meta.get("stored", total))
    base = int(meta.get("base", total))
    added = stored + more - base
    if len(segments) > MAX_SEGMENTS or added > max(MAX_DELTA_SHARE * base, MAX_DELTA_FLOOR):
        raise Unpatchable("enough patches: the index is built anew")
    return segments, stored, base


class _Additions:
    """The sets new quotes (by stored number) join, as `SearchIndex` makes them, gathered to
    be written to the delta tables at once."""

    def __init__(self, con: sqlite3.Connection, meta: dict[str, Any]) -> None:
        self.common = frozenset(meta["common"])
        self.prefixes = {p for (p,) in con.execute("SELECT prefix FROM prefixes")}
        self.postings: dict[str, list[int]] = {}
        self.pairs: dict[str, list[int]] = {}
        self.fields: dict[tuple[str, str], list[int]] = {}
        self.prefix_docs: dict[str, tuple[list[int], list[int]]] = {}
        self.longest = int(meta["longest"])
        self.rows: list[tuple[int, str, str]] = []

    def add(self, d: int, quote: Any) -> None:
        from explorer.data.search import fold_tokens

        common = self.common
        words = fold_tokens(quote.text)
        text = " " + " ".join(words) + " "
        self.longest = max(self.longest, len(text))
        self.rows.append((d, quote.id, text))
        for word in set(words):
            self.postings.setdefault(word, []).append(d)
            for size in range(1, min(len(word), 3) + 1):
                if word[:size] in self.prefixes:
                    docs, rare = self.prefix_docs.setdefault(word[:size], ([], []))
                    if not docs or docs[-1] != d:
                        docs.append(d)
                    if word not in common and (not rare or rare[-1] != d):
                        rare.append(d)
        for pair in {f"{a} {b}" for a, b in pairwise(words) if a in common and b in common}:
            self.pairs.setdefault(pair, []).append(d)
        fields = self.fields
        for speaker in dict.fromkeys(quote.speakers):
            fields.setdefault(("speaker", speaker), []).append(d)
        if quote.meeting:
            fields.setdefault(("meeting", quote.meeting), []).append(d)
        fields.setdefault(("article", quote.article), []).append(d)
        fields.setdefault(("kind", quote.kind), []).append(d)

    def write(self, con: sqlite3.Connection) -> None:
        con.executemany("INSERT INTO qdocs VALUES (?, ?, ?)", self.rows)
        for word, docs in self.postings.items():
            _add_delta(con, "dpostings", {"word": word}, docs)
        for pair, docs in self.pairs.items():
            _add_delta(con, "dpairs", {"pair": pair}, docs)
        for (name, key), docs in self.fields.items():
            _add_delta(con, "dfields", {"name": name, "key": key}, docs)
        for prefix, (docs, rare) in self.prefix_docs.items():
            found = con.execute(
                "SELECT docs, rare FROM dprefixes WHERE prefix = ?", (prefix,)
            ).fetchone()
            old_docs, old_rare = (
                (_unpack(found[0]), _unpack(found[1])) if found else (array("I"), array("I"))
            )
            con.execute(
                "INSERT OR REPLACE INTO dprefixes VALUES (?, ?, ?)",
                (
                    prefix,
                    _pack(array("I", sorted({*old_docs, *docs})), 0),
                    _pack(array("I", sorted({*old_rare, *rare})), 0),
                ),
            )


def _words_present(
    con: sqlite3.Connection, docmap: DocMap, words: Iterable[str], exact: bool
) -> set[str]:
    """Which of `words` some quote of the index holds today: with `exact` False (no quote was
    ever dropped from it), any stored set of the word tells."""
    found = set()
    for word in words:
        base = con.execute("SELECT docs FROM postings WHERE word = ?", (word,)).fetchone()
        delta = con.execute("SELECT docs FROM dpostings WHERE word = ?", (word,)).fetchone()
        if not exact:
            if base is not None or delta is not None:
                found.add(word)
            continue
        docs = mapped(
            docmap,
            None if base is None else _unpack(base[0]),
            None if delta is None else _unpack(delta[0]),
        )
        if docs is not None:
            found.add(word)
    return found


def _patch_search(con: sqlite3.Connection, meta: dict[str, Any], new: Loaded) -> None:
    """The new quotes numbered on from the stored ones, placed in rank order (`segments`),
    their sets in the delta tables; vocabulary, typo letters and longest text merged."""
    quotes = new.quotes
    if not quotes:
        return
    segments, stored, base = _prepared(meta, con, len(quotes))
    total = int(meta["counts"]["quote"])
    docmap = DocMap(segments)
    published = {a.id: a.published for a in new.articles}
    # Rank order, as `SearchIndex._rank_key` (the new quotes come last in file order).

    def rank(numbered: tuple[int, Any]) -> tuple[int, str, int, int]:
        number, quote = numbered
        place = min((s.start for s in quote.spans if s.article == quote.article), default=0)
        day = published.get(quote.article)
        if day is None:
            raise Unpatchable(f"a new quote of article {quote.article!r} of the index")
        return (-day.toordinal(), quote.article, place, number)

    ranked = sorted(enumerate(quotes), key=rank)

    def article_key_at(doc: int) -> tuple[int, str]:
        found = con.execute(
            "SELECT h.extra, h.id FROM qdocs q JOIN items i ON i.kind = 'quote' AND i.id = q.id"
            " JOIN heads h ON h.kind = 'article' AND h.id = json_extract(i.row, '$.article')"
            " WHERE q.doc = ?",
            (docmap.stored(doc),),
        ).fetchone()
        if found is None:
            raise Unpatchable(f"quote number {doc} is not in the index")
        return (-date.fromisoformat(found[0]).toordinal(), found[1])

    # Each new article's quotes are one run, put before the first stored quote that ranks
    # after them.
    runs: list[tuple[int, tuple[int, str], int, int]] = []  # (place, key, first stored, n)
    number = stored
    k = 0
    while k < len(ranked):
        article = ranked[k][1].article
        j = k
        while j < len(ranked) and ranked[j][1].article == article:
            j += 1
        key = (-published[article].toordinal(), article)
        lo = bisect.bisect_left(range(total), key, key=article_key_at)
        runs.append((lo, key, number, j - k))
        number += j - k
        k = j
    shift = 0
    for place, _, first, n in sorted(runs):
        at = _split_at(segments, place + shift)
        segments.insert(at, [first, n])
        shift += n
    segments = _coalesced(segments)
    additions = _Additions(con, meta)
    for d, (_, quote) in enumerate(ranked, stored):
        additions.add(d, quote)
    known = _words_present(con, docmap, additions.postings, bool(meta.get("dropped")))
    additions.write(con)
    unknown = sorted(set(additions.postings) - known)
    if unknown:
        _merge_vocab(con, meta, unknown, [])
    _set_meta(con, "segments", segments)
    _set_meta(con, "stored", stored + len(quotes))
    _set_meta(con, "base", base)
    _set_meta(con, "longest", additions.longest)


def reword_quotes(
    con: sqlite3.Connection, meta: dict[str, Any], changes: Sequence[tuple[Any, Any]]
) -> None:
    """Quotes whose words or kind changed, each where it stood in rank order ((old, new)
    `_light` quotes, in one SQLite transaction the caller commits): each takes a new stored
    number in its old one's place, the old one's sets drop it (it is in no run any more), the
    new one's are added; words no quote holds any more leave the vocabulary, new ones join."""
    segments, stored, base = _prepared(meta, con, len(changes))
    before = DocMap(segments)
    additions = _Additions(con, meta)
    for number, (old, new) in enumerate(changes, stored):
        if (old.id, old.article, old.speakers, old.meeting) != (
            new.id,
            new.article,
            new.speakers,
            new.meeting,
        ):
            raise Unpatchable(f"quote {old.id!r} changed more than its words")
        doc = _current_number(con, before, old)
        at = _split_at(segments, doc)
        _split_at(segments, doc + 1)
        segments[at] = [number, 1]
        additions.add(number, new)
    segments = _coalesced(segments)
    words = {w for old, new in changes for w in (*_fold(old.text), *_fold(new.text))}
    had = _words_present(con, before, words, True)
    additions.write(con)
    has = _words_present(con, DocMap(segments), words, True)
    if had != has:
        _merge_vocab(con, meta, sorted(has - had), sorted(had - has))
    _set_meta(con, "segments", segments)
    _set_meta(con, "stored", stored + len(changes))
    _set_meta(con, "base", base)
    _set_meta(con, "longest", additions.longest)
    _set_meta(con, "dropped", True)


def _current_number(con: sqlite3.Connection, docmap: DocMap, quote: Any) -> int:
    """Where a quote of the index stands in today's rank order: among its article's."""
    base = con.execute(
        "SELECT docs FROM fields WHERE name = 'article' AND key = ?", (quote.article,)
    ).fetchone()
    delta = con.execute(
        "SELECT docs FROM dfields WHERE name = 'article' AND key = ?", (quote.article,)
    ).fetchone()
    docs = mapped(
        docmap,
        None if base is None else _unpack(base[0]),
        None if delta is None else _unpack(delta[0]),
    )
    for doc in _ascending(docs):
        found = con.execute("SELECT id FROM qdocs WHERE doc = ?", (docmap.stored(doc),)).fetchone()
        if found is not None and found[0] == quote.id:
            return doc
    raise Unpatchable(f"quote {quote.id!r} is not in the index")


def _ascending(docs: Any) -> list[int]:
    if docs is None:
        return []
    if isinstance(docs, int):
        return [d for d in range(docs.bit_length()) if docs >> d & 1]
    return sorted(docs)


def _merge_vocab(
    con: sqlite3.Connection, meta: dict[str, Any], added: list[str], removed: list[str]
) -> None:
    """Words new to the corpus put in the sorted vocabulary and words no quote holds any more
    taken out (the words after the first of them move), and the typo letters counted again,
    as `SearchIndex._index_words` counts them."""
    vocab = [w for (w,) in con.execute("SELECT word FROM vocab ORDER BY pos")]
    first = bisect.bisect_left(vocab, min([*added, *removed]))
    gone = set(removed)
    merged = sorted({*(w for w in vocab[first:] if w not in gone), *added})
    con.execute("DELETE FROM vocab WHERE pos >= ?", (first,))
    con.executemany("INSERT INTO vocab VALUES (?, ?)", enumerate(merged, first))
    letters = Counter("".join([*vocab[:first], *merged]))
    _set_meta(con, "alphabet", "".join(sorted(letters, key=lambda c: -letters[c])[:40]))
    _set_meta(con, "vocab", first + len(merged))

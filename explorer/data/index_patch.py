"""The index of a database patched in place for articles whose rows alone changed.

Rebuilding the index of ten thousand articles takes a minute; an edit of one article's title
or body (its spans, quotes, meetings and actors as they were) changes three things in it: the
article's row (`items`), its head (`heads`: title and day) and the keys `article:` finds it
by (`keys`, `names`); where its spans fall moves (an edit before them) in the rows of its
actors, meetings and quotes (`items`), and so in an actor's runs of spans (`actor_spans`) and
its row without them (`actor_heads`' slim row). Those are written again in one SQLite transaction that
also stamps the index for the new database file, so the index answers for the old file or
for the new one, never for a mix (see `patch_rows`). The quote search structures, the
relations and the orders are untouched: none depends on what such an edit changes. Whatever
the patch cannot be sure of raises `Unpatchable` (the index is then left to be rebuilt).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from explorer.data.index import (
    _head_rows,
    _item_rows,
    _light,
    _stamp_text,
    actor_tables_rows,
    database_stamp,
    index_path_for,
    stamp_matches,
)


class Unpatchable(Exception):
    """The index is not the one the patch was meant for: rebuild it instead."""


def _article_keys(entries: Sequence[tuple[str, str]]) -> Any:
    """The `article:` key index search builds (`SearchIndex._index_fields`) over (id, title)
    pairs in file order."""
    from explorer.data.search import _KeyIndex

    return _KeyIndex((text, ident) for ident, title in entries for text in (title, ident))


_KIND_OF = {"articles": "article", "actors": "actor", "meetings": "meeting", "quotes": "quote"}


def patch_rows(
    db_path: str | os.PathLike[str],
    rows: Sequence[tuple[str, bytes]],
    old_stamp: dict[str, Any],
    record: dict[str, Any] | None,
) -> None:
    """Patch the index of the database at `db_path` (fresh for `old_stamp`) for the rows
    `rows` ((table, new database row) of items whose fields the index derives anything from
    are unchanged, but for an article's title and day), the database now in place, and stamp
    it for that file, in one durable SQLite transaction: until it is committed the index is
    stamped for the old file, which no reader finds in place (so none answers from it).

    Raises Unpatchable (nothing changed) when the index is not fresh for `old_stamp` or does
    not hold these items, sqlite3.Error or OSError.
    """
    stamp = database_stamp(db_path)
    if stamp is None:
        raise OSError(f"{db_path}: cannot be read")
    articles = [row for table, row in rows if table == "articles"]
    others = [(_KIND_OF[table], row) for table, row in rows if table != "articles"]
    new = _light({"articles": articles})
    target = index_path_for(db_path)
    if not target.is_file():
        raise Unpatchable("no index")
    with patch_transaction(target) as con:
        _patch(con, new, articles, old_stamp)
        _reword(con, [row for kind, row in others if kind == "quote"])
        for kind, row in others:
            _replace_item(con, kind, row)
        con.execute(
            "UPDATE meta SET value = ? WHERE key = 'database'", (_stamp_text(stamp, record),)
        )


@contextlib.contextmanager
def patch_transaction(target: Path, cache_kib: int | None = None) -> Iterator[sqlite3.Connection]:
    """The index opened for one patch, in one transaction: all of it is committed, or, on
    any error (a refusal, a failed write, a crash), none of it."""
    con = sqlite3.connect(target, isolation_level=None)
    try:
        con.execute("PRAGMA synchronous=FULL")
        if cache_kib is not None:
            con.execute(f"PRAGMA cache_size=-{int(cache_kib)}")
        con.execute("BEGIN IMMEDIATE")
        try:
            yield con
            con.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                con.execute("ROLLBACK")
            raise
    finally:
        con.close()


def _reword(con: sqlite3.Connection, rows: Sequence[bytes]) -> None:
    """The quote search patched for the quotes of `rows` whose words or kind changed
    (`index_delta.reword_quotes`), read against their rows in the index before these are
    replaced."""
    from explorer.data.index_delta import _meta, reword_quotes

    changes = []
    for row in rows:
        new = _light({"quotes": [row]}).quotes[0]
        found = con.execute(
            "SELECT row FROM items WHERE kind = 'quote' AND id = ?", (new.id,)
        ).fetchone()
        if found is None:
            raise Unpatchable(f"quote {new.id!r} is not in the index")
        old = _light({"quotes": [found[0].encode("utf-8")]}).quotes[0]
        if (old.text, old.kind) != (new.text, new.kind):
            changes.append((old, new))
    if changes:
        reword_quotes(con, _meta(con), changes)


def _replace_item(con: sqlite3.Connection, kind: str, row: bytes) -> None:
    """An item's row replaced, where it stands (its id is its row's first field: an actor's
    row of megabytes is not decoded for it)."""
    text = row.decode("utf-8")
    if not text.startswith('{"id": '):
        raise Unpatchable(f"a {kind} row without its id first")
    ident = json.JSONDecoder().raw_decode(text, 7)[0]
    done = con.execute("UPDATE items SET row = ? WHERE kind = ? AND id = ?", (text, kind, ident))
    if done.rowcount != 1:
        raise Unpatchable(f"{kind} {ident!r} is not in the index")
    if kind == "actor":
        _replace_actor(con, ident, text)


def _replace_actor(con: sqlite3.Connection, ident: str, text: str) -> None:
    """An actor's runs of spans and its slim row, made again from its new row: its other
    heads (name, role, articles, distinct sentences) are those the patch was meant for."""
    head, runs = actor_tables_rows(ident, json.loads(text), None)
    done = con.execute(
        "UPDATE actor_heads SET slim = ?, roles_vary = ? WHERE id = ?", (head[7], head[8], ident)
    )
    if done.rowcount != 1:
        raise Unpatchable(f"actor {ident!r} has no head in the index")
    con.execute("DELETE FROM actor_spans WHERE id = ?", (ident,))
    con.executemany("INSERT INTO actor_spans VALUES (?, ?, ?, ?)", runs)


def _joined(text: str) -> str:
    from explorer.data.search import fold_tokens

    return " ".join(fold_tokens(text))


def _rename_keys(con: sqlite3.Connection, renamed: dict[str, tuple[str, str]]) -> bool:
    """The `article:` keys of articles retitled, when each old title was a name of its
    article's alone and each new one is no other's (the common case): the name keeps its
    number, its keys are those of the new words. False (nothing written) in any other case,
    where the names are numbered again from all the titles."""
    from explorer.data.search import _KEY_CHARS

    olds = [_joined(old) for old, _ in renamed.values()]
    news = [_joined(new) for _, new in renamed.values()]
    if len({*olds, *news}) != 2 * len(renamed) or not all(olds) or not all(news):
        return False
    numbers = dict(
        con.execute(
            "SELECT name, number FROM names WHERE field = 'article' AND name IN "
            f"({', '.join('?' * (2 * len(renamed)))})",
            (*olds, *news),
        ).fetchall()
    )
    if any(new in numbers for new in news) or not all(old in numbers for old in olds):
        return False
    for ident, old in zip(renamed, olds, strict=True):
        shared = con.execute(
            "SELECT 1 FROM keys WHERE field = 'article' AND number = ? AND target != ? LIMIT 1",
            (numbers[old], ident),
        ).fetchone()
        if shared is not None or _joined(ident) == old:
            return False
    for ident, old, new in zip(renamed, olds, news, strict=True):
        number = numbers[old]
        con.execute("DELETE FROM keys WHERE field = 'article' AND number = ?", (number,))
        keys, start = set(), 0
        for word in new.split(" "):
            keys.add((new[start : start + _KEY_CHARS], ident, number, start))
            start += len(word) + 1
        con.executemany("INSERT INTO keys VALUES ('article', ?, ?, ?, ?)", sorted(keys))
        con.execute(
            "UPDATE names SET name = ? WHERE field = 'article' AND number = ?", (new, number)
        )
    return True


def _patch(con: sqlite3.Connection, new: Any, rows: Sequence[bytes], old_stamp: Any) -> None:
    from explorer.data.index import _split_stamp

    found = con.execute("SELECT value FROM meta WHERE key = 'database'").fetchone()
    if found is None or not stamp_matches(_split_stamp(found[0])[0], old_stamp):
        raise Unpatchable("the index is not fresh for the database in place")
    if con.execute("SELECT 1 FROM sqlite_master WHERE name = 'heads'").fetchone() is None:
        raise Unpatchable("the index has no heads")
    titles = {a.id: a.title for a in new.articles}
    if not titles:
        return
    previous: dict[str, str] = {}
    for ident in titles:
        found = con.execute(
            "SELECT name FROM heads WHERE kind = 'article' AND id = ?", (ident,)
        ).fetchone()
        if found is None:
            raise Unpatchable(f"article {ident!r} is not in the index")
        previous[ident] = found[0]
    for _, ident, _, row in _item_rows(new, {"articles": rows}):
        con.execute("UPDATE items SET row = ? WHERE kind = 'article' AND id = ?", (row, ident))
    for head in _head_rows(new):
        marks = ", ".join("?" * len(head))
        con.execute(f"INSERT OR REPLACE INTO heads VALUES ({marks})", head)
    renamed = {i: (previous[i], title) for i, title in titles.items() if previous[i] != title}
    if not renamed or _rename_keys(con, renamed):
        return
    now = con.execute(
        "SELECT h.id, h.name FROM items i JOIN heads h ON h.kind = 'article' AND h.id = i.id"
        " WHERE i.kind = 'article' ORDER BY i.pos"
    ).fetchall()
    before = _article_keys([(i, renamed[i][0] if i in renamed else title) for i, title in now])
    after = _article_keys(now)
    stored = con.execute("SELECT count(*) FROM keys WHERE field = 'article'").fetchone()[0]
    named = con.execute("SELECT count(*) FROM names WHERE field = 'article'").fetchone()[0]
    if (stored, named) != (len(before._keys), len(before._names)):
        raise Unpatchable("the index's article keys are not those of its heads")
    old_keys, new_keys = set(before._keys), set(after._keys)
    con.executemany(
        "DELETE FROM keys WHERE field = 'article' AND head = ? AND target = ? AND number = ?"
        " AND start = ?",
        sorted(old_keys - new_keys),
    )
    con.executemany("INSERT INTO keys VALUES ('article', ?, ?, ?, ?)", sorted(new_keys - old_keys))
    con.execute("DELETE FROM names WHERE field = 'article' AND number >= ?", (len(after._names),))
    con.executemany(
        "INSERT OR REPLACE INTO names VALUES ('article', ?, ?)",
        [
            (n, name)
            for n, name in enumerate(after._names)
            if n >= len(before._names) or before._names[n] != name
        ],
    )

"""What an index answers, table by table, whatever way it was written: a fresh build, or a
build patched for added articles (`explorer.data.index_delta`), whose quote sets are stored
in other numbers and whose names may be numbered otherwise. Two indexes of one corpus give
the same view."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from explorer.data.index import IndexedCorpus, index_path_for

_PLAIN = ("items", "links", "orders", "heads", "actor_heads", "actor_spans", "related_places")


def _numbers(docs: Any) -> list[int]:
    if docs is None:
        return []
    if isinstance(docs, int):
        return [d for d in range(docs.bit_length()) if docs >> d & 1]
    return sorted(docs)


def index_view(db: Path) -> dict[str, Any]:
    """Every row of the tables read as stored, the keys by the names they lead to, and every
    set of quotes the search reads, in rank order (as the engine sees them)."""
    path = index_path_for(db)
    with sqlite3.connect(path) as con:
        view: dict[str, Any] = {
            t: sorted(con.execute(f"SELECT * FROM {t}").fetchall()) for t in _PLAIN
        }
        view["keys"] = sorted(
            con.execute(
                "SELECT k.field, k.head, k.target, n.name, k.start FROM keys k JOIN names n"
                " ON n.field = k.field AND n.number = k.number"
            ).fetchall()
        )
        view["names"] = sorted(set(con.execute("SELECT field, name FROM names").fetchall()))
        words = [w for (w,) in con.execute("SELECT word FROM vocab ORDER BY pos")]
        pairs = [p for (p,) in con.execute("SELECT pair FROM pairs")]
        fields = con.execute("SELECT name, key FROM fields").fetchall()
        prefixes = [p for (p,) in con.execute("SELECT prefix FROM prefixes")]
        tables = {t for (t,) in con.execute("SELECT name FROM sqlite_master")}
        if "dpairs" in tables:  # what patches added: sets of their own
            pairs += [p for (p,) in con.execute("SELECT pair FROM dpairs")]
            fields += con.execute("SELECT name, key FROM dfields").fetchall()
        pairs, fields = sorted(set(pairs)), sorted(set(fields))
    corpus = IndexedCorpus(path)
    try:
        meta = corpus._reader.meta
        view["meta"] = {k: meta[k] for k in ("counts", "vocab", "alphabet", "format")}
        engine = corpus.search_index()
        size = len(engine)
        view["vocab"] = words
        view["words"] = {w: _numbers(engine._postings.get(w)) for w in words}
        view["texts"] = [engine._texts[d] for d in range(size)]
        view["quotes"] = [engine._quotes[d].id for d in range(size)]
        view["fields"] = {
            (name, key): _numbers(engine._field_docs[name].get(key)) for name, key in fields
        }
        view["common"] = set(meta["common"])
        view["pairs"] = {p: _numbers(engine._pairs.get(p)) for p in pairs}
        view["prefixes"] = {
            p: (_numbers(x.docs), x.common_words)
            for p in prefixes
            if (x := engine._prefixes.get(p)) is not None
        }
    finally:
        corpus.close()
    return view


def same_answers(patched: Path, fresh: Path) -> None:
    """Assert that the index of `patched` answers as the fresh one of `fresh` does: every
    table, every set of quotes (pairs of the words both keep pairs for)."""
    a, b = index_view(patched), index_view(fresh)
    for key in [*_PLAIN, "keys", "names", "meta", "vocab", "words", "texts", "quotes", "fields"]:
        assert a[key] == b[key], key
    common = a["common"] & b["common"]
    for pair in set(a["pairs"]) | set(b["pairs"]):
        first, second = pair.split(" ")
        if first in common and second in common:
            assert a["pairs"].get(pair, []) == b["pairs"].get(pair, []), pair
    for prefix in set(a["prefixes"]) & set(b["prefixes"]):
        assert a["prefixes"][prefix][0] == b["prefixes"][prefix][0], prefix


def patched(db: Path) -> bool:
    """Whether the index of `db` was patched for added articles since it was built."""
    with sqlite3.connect(index_path_for(db)) as con:
        return con.execute("SELECT 1 FROM meta WHERE key = 'segments'").fetchone() is not None


def same_index(db: Path, fresh: Path) -> None:
    """Assert that the index of `db` is that of `fresh`, built afresh: row for row when it
    was built too, answer for answer (`same_answers`) when it was patched for added articles."""
    if patched(db):
        same_answers(db, fresh)
        return
    from tests.test_import_incremental import _index_rows

    assert _index_rows(db) == _index_rows(fresh)

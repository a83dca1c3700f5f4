"""The TinyDB runtime store: written whole and atomically by import, read once at load."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import JSONStorage, MemoryStorage

from explorer.data.atomic import atomic_write_bytes
from explorer.data.dates import parse_when
from explorer.data.errors import StoreError
from explorer.data.importer import Loaded
from explorer.data.models import Actor, Article, Meeting, Quote, Span
from explorer.data.records import article_record, item_record
from explorer.data.schema import FORMAT_VERSION
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


def _spans(rows: list[list[Any]]) -> tuple[Span, ...]:
    return tuple(Span(r[0], int(r[1]), int(r[2]), int(r[3]), int(r[4]), str(r[5])) for r in rows)


def serialize(loaded: Loaded, sources: dict[str, str] | None = None) -> bytes:
    """The whole database as the bytes of a TinyDB JSON file."""
    tables: dict[str, dict[str, Any]] = {
        "meta": {"1": {"format": FORMAT_VERSION, "sources": sources or {}}}
    }
    for table, rows in to_rows(loaded).items():
        tables[table] = {str(i): row for i, row in enumerate(rows, start=1)}
    return json.dumps(tables, ensure_ascii=False, allow_nan=False).encode("utf-8")


def write_database(path: str | os.PathLike[str], loaded: Loaded, sources: dict[str, str]) -> None:
    """Replace the database file in one atomic step; on any failure the old file stays."""
    data = serialize(loaded, sources)
    try:
        atomic_write_bytes(path, data)
    except OSError as error:
        raise StoreError(f"{path}: cannot write the database: {error.strerror or error}") from None


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
        raise StoreError(f"{target}: not an explorer database ({error})") from None
    except OSError as error:
        raise StoreError(f"{target}: cannot be read: {error.strerror or error}") from None
    return db


def read_meta(db: TinyDB) -> dict[str, Any]:
    rows = db.table("meta").all()
    return dict(rows[0]) if rows else {}


def load_database(db: TinyDB, name: str = "database") -> Loaded:
    """Read every table into models; a malformed database is a StoreError, not a crash."""
    try:
        data = db.storage.read()
    except (ValueError, UnicodeDecodeError) as error:
        raise StoreError(f"{name}: not an explorer database ({error})") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise StoreError(f"{name}: not an explorer database (top level is not an object)")
    meta = next(iter((data.get("meta") or {}).values()), {})
    version = meta.get("format") if isinstance(meta, dict) else None
    if version != FORMAT_VERSION:
        raise StoreError(
            f"{name}: database format {version!r}, expected {FORMAT_VERSION}; "
            "rebuild it with `explorer import`"
        )
    try:
        return _models(data)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as error:
        raise StoreError(f"{name}: damaged database ({type(error).__name__}: {error})") from None


def _rows(data: dict[str, Any], table: str) -> list[dict[str, Any]]:
    return list((data.get(table) or {}).values())


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {value!r}")
    return clean_text(value)


def _opt(value: Any) -> str | None:
    return None if value is None else _text(value)


def _texts(values: Any) -> tuple[str, ...]:
    return tuple(_text(v) for v in values or ())


def _models(data: dict[str, Any]) -> Loaded:
    articles = [
        Article(
            id=_text(r["id"]),
            title=_text(r["title"]),
            published=date.fromisoformat(r["published"]),
            body=_text(r["body"]),
            source=_opt(r.get("source")),
            url=_opt(r.get("url")),
            subheadings=_texts(r.get("subheadings")),
            file=_opt(r.get("file")),
        )
        for r in _rows(data, "articles")
    ]
    actors = [
        Actor(
            id=_text(r["id"]),
            name=_text(r["name"]),
            kind=_text(r["kind"]),
            role=_opt(r.get("role")),
            member_of=_texts(r.get("member_of")),
            aliases=_texts(r.get("aliases")),
            evidence=_texts(r.get("evidence")),
            note=_opt(r.get("note")),
            articles=_texts(r.get("articles")),
            spans=_spans(r.get("spans", [])),
        )
        for r in _rows(data, "actors")
    ]
    meetings = [
        Meeting(
            id=_text(r["id"]),
            title=_text(r["title"]),
            status=_text(r["status"]),
            article=_text(r["article"]),
            participants=_texts(r.get("participants")),
            when=parse_when(r["when"]) if r.get("when") else None,
            where=_opt(r.get("where")),
            summary=_opt(r.get("summary")),
            evidence=_texts(r.get("evidence")),
            note=_opt(r.get("note")),
            spans=_spans(r.get("spans", [])),
        )
        for r in _rows(data, "meetings")
    ]
    quotes = [
        Quote(
            id=_text(r["id"]),
            text=_text(r["text"]),
            speaker=_text(r["speaker"]),
            kind=_text(r["kind"]),
            article=_text(r["article"]),
            meeting=_opt(r.get("meeting")),
            evidence=_texts(r.get("evidence")),
            note=_opt(r.get("note")),
            spans=_spans(r.get("spans", [])),
        )
        for r in _rows(data, "quotes")
    ]
    return Loaded(articles, actors, meetings, quotes)

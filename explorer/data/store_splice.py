"""A database file written again with a few of its rows replaced, the rest copied as they are.

An import that changes one article of ten thousand need not assemble and write half a
gigabyte of rows through memory: the new file is the new meta row, then the old file's bytes
up to the first replaced row, that row's new line, the old bytes up to the next, and so on,
copied by the kernel (`atomic.FileRange`). The rows' hash of the meta row (`store.
content_hash`) is the one a fresh write of the same rows gives: the old rows are read once to
take it, a block at a time, never held.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from explorer.data.atomic import FileRange
from explorer.data.store import meta_line


class SpliceMismatch(Exception):
    """The file does not hold the rows to be replaced as expected: write it whole instead."""


SPANS_KEY = b', "spans": ['  # where an actor row's spans start (its last field)


class Edits:
    """The rows to change: a row replaced whole ({old: new} for a table, the old row as the
    file encodes it), or, in an actor's row, one article's spans (`spans(actor, old, new)`:
    the article's span rows as a run of the row's spans, which are each article's in turn)."""

    def __init__(self) -> None:
        self.whole: dict[str, dict[bytes, bytes]] = {}
        self.actor_spans: dict[bytes, tuple[bytes, bytes]] = {}

    def replace(self, table: str, old: bytes, new: bytes) -> None:
        self.whole.setdefault(table, {})[old] = new

    def spans(self, actor_id: str, old: bytes, new: bytes) -> None:
        self.actor_spans[b'{"id": ' + _dumps(actor_id)] = (old, new)

    def __len__(self) -> int:
        return sum(map(len, self.whole.values())) + len(self.actor_spans)


def _dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, allow_nan=False).encode("utf-8")


def _with_spans(row: bytes, old: bytes, new: bytes) -> bytes:
    """`row` (an actor's) with the run `old` of its spans replaced by `new`; raises
    SpliceMismatch unless the run is there once, whole."""
    cut = row.rfind(SPANS_KEY)
    if cut == -1 or not row.endswith(b"]}") or not old:
        raise SpliceMismatch("an actor row without the spans to replace")
    start = cut + len(SPANS_KEY)
    spans = row[start:-2]
    at = spans.find(old)
    if at == -1 or spans.find(old, at + 1) != -1:
        raise SpliceMismatch("an actor's spans are not there once")
    end = at + len(old)
    if (at and spans[at - 2 : at] != b", ") or (end < len(spans) and spans[end : end + 2] != b", "):
        raise SpliceMismatch("an actor's spans are not whole there")
    return row[:start] + spans[:at] + new + spans[end:] + b"]}"


def spliced_database(
    path: str | os.PathLike[str], meta: dict[str, Any], edits: Edits
) -> tuple[list[bytes | FileRange], list[tuple[str, bytes]]]:
    """The chunks of the database at `path` with `edits` made and `meta` as its meta row
    (with the rows' hash), and each changed row as (table, its new row).

    Raises SpliceMismatch when the file is not in `store.encode_database`'s layout or does not
    hold each row to change exactly once, OSError when it cannot be read.
    """
    source = Path(path)
    wanted: dict[str, dict[int, dict[bytes, bytes]]] = {}
    for name, rows in edits.whole.items():
        for old, replacement in rows.items():
            wanted.setdefault(name, {}).setdefault(len(old), {})[old] = replacement
    digest = hashlib.sha256()
    pieces: list[tuple[int, int, bytes]] = []  # (start, end, new line) in file offsets
    done: set[tuple[str, bytes]] = set()
    changed: list[tuple[str, bytes]] = []
    with open(source, "rb") as handle:
        first = handle.readline()
        if not first.startswith(b'{"meta": ') or not first.endswith(b",\n"):
            raise SpliceMismatch(f"{source}: not in the one-row-a-line layout")
        offset = len(first)
        table: str | None = None
        for line in handle:
            start, offset = offset, offset + len(line)
            if table is None or line in (b"},\n", b"}}\n"):
                if table is None and line.startswith(b'"') and line.endswith(b'": {\n'):
                    table = line[1:-5].decode("utf-8")
                else:
                    table = None
                digest.update(line)
                continue
            edit = _edited(line, table, wanted, edits)
            if edit is not None:
                new_line, key = edit
                if key in done:
                    raise SpliceMismatch(f"{source}: a row to change is there twice")
                done.add(key)
                pieces.append((start, offset, new_line))
                changed.append((table, new_line[new_line.find(b": ") + 2 :].rstrip(b",\n")))
                line = new_line
            digest.update(line)
        size = offset
    if len(done) != len(edits):
        raise SpliceMismatch(f"{source}: {len(edits) - len(done)} rows to change not found")
    chunks: list[bytes | FileRange] = [meta_line(meta, digest.hexdigest())]
    at = len(first)
    for start, end, line in pieces:
        if start > at:
            chunks.append(FileRange(source, at, start))
        chunks.append(line)
        at = end
    if size > at:
        chunks.append(FileRange(source, at, size))
    return chunks, changed


def _edited(
    line: bytes, table: str, wanted: dict[str, dict[int, dict[bytes, bytes]]], edits: Edits
) -> tuple[bytes, tuple[str, bytes]] | None:
    """The new line of a row line of `table` the edits change, and which edit it is; None
    for a line they leave."""
    row_at = line.find(b": ") + 2
    if row_at < 2:
        raise SpliceMismatch("a row line without its number")
    ending = 2 if line.endswith(b",\n") else 1
    if table == "actors" and edits.actor_spans:
        head_end = line.find(b", ", row_at)
        change = edits.actor_spans.get(line[row_at:head_end]) if head_end != -1 else None
        if change is not None:
            row = _with_spans(line[row_at:-ending], *change)
            return line[:row_at] + row + line[-ending:], ("", line[row_at:head_end])
    candidates = wanted.get(table, {}).get(len(line) - row_at - ending)
    old = line[row_at:-ending] if candidates else b""
    new_row = candidates.get(old) if candidates else None
    if new_row is None:
        return None
    return line[:row_at] + new_row + line[-ending:], (table, old)

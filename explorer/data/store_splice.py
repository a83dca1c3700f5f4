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
import itertools
import json
import mmap
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from explorer.data.atomic import FileRange
from explorer.data.store import TABLES, meta_line


class SpliceMismatch(Exception):
    """The file does not hold the rows to be replaced as expected: write it whole instead."""


SPANS_KEY = b', "spans": ['  # where an actor row's spans start (its last field)


class Edits:
    """The rows to change: a row replaced whole ({old: new} for a table, the old row as the
    file encodes it), or, in an actor's row, one article's spans (`spans(actor, old, new)`:
    the article's span rows as a run of the row's spans, which are each article's in turn; an
    actor named by several edited articles has a run for each), or an actor's row made anew
    from the old one (`rewrite_actor`); and rows added at the end of a table (`append`)."""

    def __init__(self) -> None:
        self.whole: dict[str, dict[bytes, bytes]] = {}
        self.actor_spans: dict[bytes, list[tuple[bytes, bytes]]] = {}
        self.actor_rows: dict[bytes, Callable[[bytes], bytes]] = {}
        self.appended: dict[str, list[bytes]] = {}
        # Set by the caller when the edits change what the index cannot be patched for.
        self.rebuild = False

    def replace(self, table: str, old: bytes, new: bytes) -> None:
        self.whole.setdefault(table, {})[old] = new

    def spans(self, actor_id: str, old: bytes, new: bytes) -> None:
        self.actor_spans.setdefault(b'{"id": ' + _dumps(actor_id), []).append((old, new))

    def rewrite_actor(self, actor_id: str, make: Callable[[bytes], bytes]) -> None:
        """The actor's row replaced by `make(old row)`, which raises SpliceMismatch when it
        cannot make it."""
        self.actor_rows[b'{"id": ' + _dumps(actor_id)] = make

    def append(self, table: str, row: bytes) -> None:
        self.appended.setdefault(table, []).append(row)

    def __len__(self) -> int:
        return (
            sum(map(len, self.whole.values()))
            + sum(map(len, self.actor_spans.values()))
            + len(self.actor_rows)
            + sum(map(len, self.appended.values()))
        )


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

    The file is mapped, not read line by line: each row to change is found by the bytes of
    its line (a search the C library makes), and the hash is taken over the long runs between
    them. Raises SpliceMismatch when the file is not in `store.encode_database`'s layout or
    does not hold each row to change, OSError when it cannot be read.
    """
    source = Path(path)
    with open(source, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size == 0:
            raise SpliceMismatch(f"{source}: empty")
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            body = data.find(b"\n") + 1
            if data[:9] != b'{"meta": ' or data[body - 2 : body] != b",\n":
                raise SpliceMismatch(f"{source}: not in the one-row-a-line layout")
            regions = _regions(data, body, size, source)
            pieces = _located(data, regions, edits, source)
        # The hash is taken over the file read a block at a time, not over the map, whose
        # every page would then count in the process's memory.
        digest = hashlib.sha256()
        at = body
        for start, end, line, _ in pieces:
            _hash_range(handle, digest, at, start)
            digest.update(line)
            at = end
        _hash_range(handle, digest, at, size)
    chunks: list[bytes | FileRange] = [meta_line(meta, digest.hexdigest())]
    at = body
    for start, end, line, _ in pieces:
        if start > at:
            chunks.append(FileRange(source, at, start))
        chunks.append(line)
        at = end
    if size > at:
        chunks.append(FileRange(source, at, size))
    return chunks, [(table, row) for _, _, _, (table, row) in pieces if row]


def _hash_range(handle: Any, digest: Any, start: int, end: int) -> None:
    block = bytearray(1 << 22)
    view = memoryview(block)
    handle.seek(start)
    while start < end:
        got = handle.readinto(view[: min(len(block), end - start)])
        if not got:
            raise SpliceMismatch("the database ended early")
        digest.update(view[:got])
        start += got


def _regions(data: mmap.mmap, body: int, size: int, source: Path) -> dict[str, tuple[int, int]]:
    """Where each table's row lines are: (first byte, first byte of its closing line). Only
    the tables' header lines are looked for (a row line holds no newline, so a newline, a
    table's name and a brace can only start its header)."""
    regions: dict[str, tuple[int, int]] = {}
    names = list(TABLES)
    starts = []
    at = body - 1
    for name in names:
        header = b'\n"%s": {\n' % name.encode()
        found = data.find(header, at)
        if found == -1:
            raise SpliceMismatch(f"{source}: no {name!r} table")
        starts.append((found + 1, found + len(header)))
        at = found + len(header) - 1
    for n, name in enumerate(names):
        rows_start = starts[n][1]
        close = starts[n + 1][0] - 3 if n + 1 < len(names) else size - 3
        closing = b"},\n" if n + 1 < len(names) else b"}}\n"
        if close < rows_start or data[close : close + 3] != closing:
            raise SpliceMismatch(f"{source}: the {name!r} table is not closed")
        regions[name] = (rows_start, close)
    return regions


def _row_line_start(data: mmap.mmap, lo: int, at: int) -> int:
    """The start of the line holding a row that starts at `at` when that line is `"N": ` and
    the row (a row line), else -1."""
    start = data.rfind(b"\n", lo - 1, at) + 1
    number = data[start : at - 2]
    whole = (
        data[at - 2 : at] == b": "
        and len(number) >= 3
        and number[:1] == number[-1:] == b'"'
        and number[1:-1].isdigit()
    )
    return start if whole else -1


def _located(
    data: mmap.mmap, regions: dict[str, tuple[int, int]], edits: Edits, source: Path
) -> list[tuple[int, int, bytes, tuple[str, bytes]]]:
    """Each edit as (line start, line end, new line, (table, new row)), in file order."""
    pieces: list[tuple[int, int, bytes, tuple[str, bytes]]] = []
    for table, rows in edits.whole.items():
        if table not in regions:
            raise SpliceMismatch(f"{source}: no {table!r} table")
        lo, hi = regions[table]
        cursor = lo
        for old, new in rows.items():
            # An article's rows follow each other: each is looked for after the last one.
            found = _find_row(data, old, cursor, hi)
            if found == -1:
                found = _find_row(data, old, lo, cursor)
            if found == -1:
                raise SpliceMismatch(f"{source}: a {table} row to change is not there")
            start, at = _row_line_start(data, lo, found), found
            end = at + len(old)
            ending = data[end : end + 2]
            if ending != b",\n":
                ending = data[end : end + 1]
            if ending not in (b",\n", b"\n"):
                raise SpliceMismatch(f"{source}: a {table} row to change is not a whole line")
            pieces.append((start, end + len(ending), data[start:at] + new + ending, (table, new)))
            cursor = end
    if edits.actor_spans or edits.actor_rows:
        if "actors" not in regions:
            raise SpliceMismatch(f"{source}: no actors table")
        if not edits.actor_spans.keys().isdisjoint(edits.actor_rows):
            raise SpliceMismatch(f"{source}: two changes of one actor")
        lo, hi = regions["actors"]
        seen: set[bytes] = set()
        line_start = lo
        while line_start < hi:  # a line an actor: a few thousand, however long
            line_end = data.find(b"\n", line_start, hi) + 1
            if line_end == 0:
                raise SpliceMismatch(f"{source}: an actor row not ended")
            row_at = data.find(b": ", line_start, line_end) + 2
            head_end = data.find(b", ", row_at, line_end)
            head = data[row_at:head_end] if head_end != -1 else b""
            changes = edits.actor_spans.get(head)
            make = edits.actor_rows.get(head)
            if changes is not None or make is not None:
                if head in seen:
                    raise SpliceMismatch(f"{source}: an actor to change is there twice")
                seen.add(head)
                line = data[line_start:line_end]
                cut = 2 if line.endswith(b",\n") else 1
                row = line[row_at - line_start : -cut]
                if make is not None:
                    row = make(row)
                for old, new in changes or ():  # each article's run of spans, a distinct one
                    row = _with_spans(row, old, new)
                pieces.append(
                    (
                        line_start,
                        line_end,
                        line[: row_at - line_start] + row + line[-cut:],
                        ("actors", row),
                    )
                )
            line_start = line_end
        if len(seen) != len(edits.actor_spans) + len(edits.actor_rows):
            raise SpliceMismatch(f"{source}: an actor to change is not there")
    for table, added in edits.appended.items():
        if table not in regions:
            raise SpliceMismatch(f"{source}: no {table!r} table")
        if added:
            pieces.append(_appended(data, regions[table], added, table, source))
    pieces.sort(key=lambda piece: piece[0])
    joined: list[tuple[int, int, bytes, tuple[str, bytes]]] = []
    for piece in pieces:
        if joined and piece[3][1] == b"" and joined[-1][1] == piece[1] == piece[0] + 1:
            # Rows added after a row changed: the changed line ends with the table's last
            # newline, which the added rows begin by giving a comma.
            start, _, line, changed = joined.pop()
            joined.append((start, piece[1], line[:-1] + piece[2], changed))
            continue
        joined.append(piece)
    for before, after in itertools.pairwise(joined):
        if after[0] < before[1]:
            raise SpliceMismatch(f"{source}: two changes of one row")
    return joined


def _appended(
    data: mmap.mmap, region: tuple[int, int], rows: list[bytes], table: str, source: Path
) -> tuple[int, int, bytes, tuple[str, bytes]]:
    """The rows added after a table's last one, numbered on from it, as one piece: the last
    row's line end (its newline, given a comma) through the new lines. (Its changed rows, for
    an index patch, are not listed: a table's new rows are all in the piece.)"""
    lo, close = region
    if close == lo:
        first, start = 1, close
        lines = [b""]
    else:
        start = close - 1  # the newline ending the table's last row
        line_start = data.rfind(b"\n", lo - 1, start) + 1
        number = data[line_start : data.find(b": ", line_start, start)]
        if data[start : start + 1] != b"\n" or not (
            len(number) >= 3 and number[:1] == number[-1:] == b'"' and number[1:-1].isdigit()
        ):
            raise SpliceMismatch(f"{source}: the {table!r} table's last row is not a row line")
        first = int(number[1:-1]) + 1
        lines = [b",\n"]
    last = first + len(rows) - 1
    for n, row in enumerate(rows, first):
        lines.append(b'"%d": ' % n + row + (b",\n" if n < last else b"\n"))
    return start, close, b"".join(lines), (table, b"")  # no row: rows added


def _find_row(data: mmap.mmap, row: bytes, lo: int, hi: int) -> int:
    """Where `row` starts as the whole row of a line between `lo` and `hi`, or -1."""
    at = data.find(b": " + row, lo, hi)
    while at != -1:
        end = at + 2 + len(row)
        if data[end : end + 1] in (b",", b"\n") and _row_line_start(data, lo, at + 2) != -1:
            return at + 2
        at = data.find(b": " + row, at + 1, hi)
    return -1

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
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from explorer.data.atomic import FileRange
from explorer.data.store import meta_line


class SpliceMismatch(Exception):
    """The file does not hold the rows to be replaced as expected: write it whole instead."""


def spliced_database(
    path: str | os.PathLike[str],
    meta: dict[str, Any],
    table: str,
    replacements: Mapping[bytes, bytes],
) -> tuple[list[bytes | FileRange], str]:
    """The chunks of the database at `path` with, in `table`, each row `old` (as encoded in the
    file) replaced by `replacements[old]`, and `meta` as its meta row; and the rows' hash.

    Raises SpliceMismatch when the file is not in `store.encode_database`'s layout or does not
    hold each old row exactly once in that table, OSError when it cannot be read.
    """
    source = Path(path)
    wanted: dict[int, dict[bytes, bytes]] = {}
    for old, replacement in replacements.items():
        wanted.setdefault(len(old), {})[old] = replacement
    header = b'"%s": {\n' % table.encode()
    digest = hashlib.sha256()
    pieces: list[tuple[int, int, bytes]] = []  # (start, end, new line) in file offsets
    found: set[bytes] = set()
    with open(source, "rb") as handle:
        first = handle.readline()
        if not first.startswith(b'{"meta": ') or not first.endswith(b",\n"):
            raise SpliceMismatch(f"{source}: not in the one-row-a-line layout")
        offset = len(first)
        inside = False
        for line in handle:
            start, offset = offset, offset + len(line)
            if not inside:
                inside = line == header
                digest.update(line)
                continue
            if line in (b"},\n", b"}}\n"):
                inside = False
                digest.update(line)
                continue
            row_at = line.find(b": ") + 2
            ending = 2 if line.endswith(b",\n") else 1
            candidates = wanted.get(len(line) - row_at - ending) if row_at > 1 else None
            new_row = candidates.get(line[row_at:-ending]) if candidates else None
            if new_row is None:
                digest.update(line)
                continue
            old = line[row_at:-ending]
            if old in found:
                raise SpliceMismatch(f"{source}: a row to replace is there twice")
            found.add(old)
            line = line[:row_at] + new_row + line[-ending:]
            pieces.append((start, offset, line))
            digest.update(line)
        size = offset
    if len(found) != len(replacements):
        raise SpliceMismatch(f"{source}: {len(replacements) - len(found)} rows not found")
    chunks: list[bytes | FileRange] = [meta_line(meta, digest.hexdigest())]
    at = len(first)
    for start, end, line in pieces:
        if start > at:
            chunks.append(FileRange(source, at, start))
        chunks.append(line)
        at = end
    if size > at:
        chunks.append(FileRange(source, at, size))
    return chunks, digest.hexdigest()

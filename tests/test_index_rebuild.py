"""The index a reader rebuilds (missing, stale) is the very index `explorer import` wrote, from
a database in import's layout (read from its rows) or in any other (read from its models)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from explorer.bench.corpus import write_corpus
from explorer.cli import main
from explorer.data import import_files
from explorer.data.index import index_path_for, rebuild_index


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rebuild")
    files = write_corpus(12, folder / "articles", 5)
    db = folder / "corpus.json"
    import_files(files, db)
    return db


def _tables(index: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in key order; of meta, all but the database's stamp (which
    names the file, its size and time)."""
    con = sqlite3.connect(f"file:{index}?mode=ro", uri=True)
    try:
        names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        found = {
            name: con.execute(f"SELECT * FROM {name} ORDER BY 1, 2").fetchall() for name in names
        }
    finally:
        con.close()
    found["meta"] = [row for row in found["meta"] if row[0] != "database"]
    return found


def _copy(db: Path, folder: Path, data: bytes | None = None) -> Path:
    copy = folder / "copy.json"
    copy.write_bytes(db.read_bytes() if data is None else data)
    return copy


def test_a_missing_index_is_rebuilt_as_the_import_wrote_it(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = _copy(imported, tmp_path)
    assert not index_path_for(copy).exists()
    assert main(["search", "the", "--db", str(copy)]) == 0
    rebuilt = capsys.readouterr().out
    assert main(["search", "the", "--db", str(imported)]) == 0
    assert rebuilt == capsys.readouterr().out and rebuilt
    assert _tables(index_path_for(copy)) == _tables(index_path_for(imported))


def test_a_database_in_another_layout_is_indexed_from_its_models_the_same(
    imported: Path, tmp_path: Path
) -> None:
    # The same rows as one indented JSON document (as a hand or another tool may write it):
    # not readable row by row, so the index is built from the models its checks made.
    document = json.dumps(json.loads(imported.read_bytes()), indent=2, ensure_ascii=False)
    copy = _copy(imported, tmp_path, document.encode("utf-8"))
    loaded = rebuild_index(copy)
    assert loaded is not None and len(loaded.quotes) > 0
    assert _tables(index_path_for(copy)) == _tables(index_path_for(imported))


def test_a_database_that_fails_its_checks_gets_no_index(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Rows that read but do not hold together (a quote of a speaker who is not there): the
    # rebuild reads the models' full checks before it builds anything from the rows.
    lines = imported.read_bytes().split(b"\n")
    quote = next(i for i, line in enumerate(lines) if b'"speaker": "' in line)
    start = lines[quote].index(b'"speaker": "') + len(b'"speaker": "')
    lines[quote] = lines[quote][:start] + b"nobody-at-all-" + lines[quote][start:]
    copy = _copy(imported, tmp_path, b"\n".join(lines))
    assert main(["search", "the", "--db", str(copy)]) == 2
    err = capsys.readouterr().err
    assert "copy.json" in err and "nobody-at-all-" in err and "Traceback" not in err
    assert not index_path_for(copy).exists()

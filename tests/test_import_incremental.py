"""Re-importing with files changed, added or removed gives exactly what a fresh import of the
same files gives: the same database bytes and an index with the same answers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from explorer.bench.corpus import write_corpus
from explorer.cli import main
from explorer.data.index import index_path_for, open_index


def _import(files: list[Path], db: Path, *extra: str) -> None:
    assert main(["import", *map(str, files), "--db", str(db), *extra]) == 0


def _index_rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table of the index but its stamp (which names the file's own size and time)."""
    with sqlite3.connect(index_path_for(db)) as con:
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        rows = {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall()) for t in tables}
    rows["meta"] = [r for r in rows["meta"] if r[0] != "database"]
    return rows


@pytest.fixture
def corpus(tmp_path: Path) -> list[Path]:
    return write_corpus(8, tmp_path / "articles", 5)


@pytest.mark.parametrize("change", ["edit", "add", "remove", "nothing"])
def test_a_reimport_equals_a_fresh_import(
    change: str, corpus: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kept.json"
    _import(corpus[:6], db)
    files = corpus[:6]
    if change == "edit":
        text = files[2].read_text(encoding="utf-8")
        files[2].write_text(text.replace("said", "stated", 1), encoding="utf-8")
    elif change == "add":
        files = corpus[:7]
    elif change == "remove":
        files = corpus[:5]
    _import(files, db)
    out = capsys.readouterr().out
    if change != "nothing":
        assert "unchanged since the last import" in out
    fresh = tmp_path / "fresh.json"
    _import(files, fresh, "--no-cache")
    assert db.read_bytes() == fresh.read_bytes()
    assert _index_rows(db) == _index_rows(fresh)
    kept, new = open_index(db), open_index(fresh)
    for query in ("the", "said", '"of the"', "speaker:a", "-the"):
        assert [h.quote.id for h in kept.search(query).hits] == [
            h.quote.id for h in new.search(query).hits
        ]

"""An index renamed into place never inherits the journal of the file it replaces.

A process that dies while it patches the index in place (an import's in-place patch) leaves a
hot `<index>-journal` beside it. Readers open the index read-only, cannot roll that journal
back, and rebuild the index into a new file renamed over the old one. Were the journal left
there, the next read-write open (the next import's patch) would roll the old file's pages into
the new index.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from explorer.data.index import install_index

_CRASH_MID_TRANSACTION = """
import os, sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA cache_size=1")  # pages spill to the file before the commit
con.execute("BEGIN IMMEDIATE")
con.execute("UPDATE t SET v = 'half-written ' || v")
os._exit(0)  # dies before COMMIT or ROLLBACK
"""


def _database(path: Path, value: str, rows: int = 2000) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (n INTEGER PRIMARY KEY, v TEXT NOT NULL)")
    con.executemany("INSERT INTO t (v) VALUES (?)", ((value * 40,) for _ in range(rows)))
    con.commit()
    con.close()


def test_a_crashed_patch_journal_is_not_rolled_into_the_index_installed_over_it(
    tmp_path: Path,
) -> None:
    index = tmp_path / "corpus.json.index"
    _database(index, "old ")
    subprocess.run([sys.executable, "-c", _CRASH_MID_TRANSACTION, str(index)], check=True)
    journal = tmp_path / "corpus.json.index-journal"
    assert journal.is_file() and journal.stat().st_size > 0, "the crash left no hot journal"

    rebuilt = tmp_path / "corpus.json.index.tmp"
    _database(rebuilt, "new ", rows=1500)
    install_index(rebuilt, index)

    assert not journal.exists()
    con = sqlite3.connect(index)  # read-write, as the next in-place patch opens it
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("SELECT count(*), min(v), max(v) FROM t").fetchone() == (
            1500,
            "new " * 40,
            "new " * 40,
        )
    finally:
        con.close()

"""Re-importing with files changed, added or removed gives exactly what a fresh import of the
same files gives: the same database bytes and an index with the same answers."""

from __future__ import annotations

import re
import sqlite3
import time
from pathlib import Path

import pytest

from explorer.bench.corpus import write_corpus
from explorer.cli import main
from explorer.data.index import IndexUnusable, index_path_for, open_index, open_indexed
from tests.index_view import same_index


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
    same_index(db, fresh)
    kept, new = open_index(db), open_index(fresh)
    for query in ("the", "said", '"of the"', "speaker:a", "-the"):
        assert [h.quote.id for h in kept.search(query).hits] == [
            h.quote.id for h in new.search(query).hits
        ]


class Crash(BaseException):
    """The process dying at this point (not an error anything catches)."""


@pytest.mark.parametrize("step", ["database", "index"])
def test_a_crash_while_an_edit_is_written_leaves_a_usable_pair(
    step: str,
    corpus: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The process dies as it renames the database (or, once the database is in place, its
    index): the previous database and index stay, usable as they are; or the new database
    stands beside an index that is never answered from, rebuilt for it. Importing again
    then gives what a fresh import gives."""
    import os

    db = tmp_path / "kept.json"
    files = corpus[:6]
    _import(files, db)
    old_db, old_index = db.read_bytes(), index_path_for(db).read_bytes()
    edited = "story-00003"
    old_body = open_index(db).articles[edited].body
    old_hits = [h.quote.id for h in open_index(db).search("said").hits]
    text = files[2].read_text(encoding="utf-8")
    files[2].write_text(text.replace("said", "stated", 1), encoding="utf-8")
    replace = os.replace
    target = db if step == "database" else index_path_for(db)

    def crash(source: object, destination: object) -> None:
        if Path(str(destination)) == target:
            raise Crash
        replace(source, destination)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", crash)
    if step == "index":  # an edit of the body is patched into the index, not renamed over it
        from explorer.data import index_patch

        def crash_patch(*args: object) -> None:
            raise Crash

        monkeypatch.setattr(index_patch, "_patch", crash_patch)
    with pytest.raises(Crash):
        main(["import", *map(str, files), "--db", str(db)])
    monkeypatch.undo()
    capsys.readouterr()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")], "no litter"
    assert index_path_for(db).read_bytes() == old_index
    fresh = tmp_path / "fresh.json"
    _import(files, fresh, "--no-cache")
    if step == "database":
        assert db.read_bytes() == old_db
        kept = open_index(db)  # the old pair, usable without a rebuild
        assert kept.articles[edited].body == old_body
        assert [h.quote.id for h in kept.search("said").hits] == old_hits
    else:
        assert db.read_bytes() == fresh.read_bytes()
        with pytest.raises(IndexUnusable):
            open_index(db)  # stamped for the old database: never an answer
        rebuilt = open_indexed(db)
        assert rebuilt.articles[edited].body == open_index(fresh).articles[edited].body
        assert rebuilt.articles[edited].body != old_body
    _import(files, db)
    assert db.read_bytes() == fresh.read_bytes()
    same_index(db, fresh)


@pytest.mark.parametrize("where", ["words", "fields"])
def test_a_crash_while_the_new_index_is_built_leaves_the_old_pair(
    where: str,
    corpus: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The process dies part way through building the index of an edited corpus (the new
    database written but not yet in place): the old database and index stay, and answer as
    before without a rebuild; nothing half-written is left beside them."""
    from explorer.data.search import SearchIndex

    db = tmp_path / "kept.json"
    files = corpus[:6]
    _import(files, db)
    old_db, old_index = db.read_bytes(), index_path_for(db).read_bytes()
    old_hits = [h.quote.id for h in open_index(db).search("said").hits]
    text = files[2].read_text(encoding="utf-8")
    # A meeting's date changes too: the orders change, so the index is built again.
    text = re.sub(r'(?m)^    when: "[^"]*"$', '    when: "2001-01"', text, count=1)
    files[2].write_text(text.replace("said", "stated", 1), encoding="utf-8")

    def crash(self: SearchIndex, *args: object) -> None:
        raise Crash

    monkeypatch.setattr(SearchIndex, f"_index_{where}", crash)
    with pytest.raises(Crash):
        main(["import", *map(str, files), "--db", str(db)])
    monkeypatch.undo()
    capsys.readouterr()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")], "no litter"
    assert db.read_bytes() == old_db
    assert index_path_for(db).read_bytes() == old_index
    assert [h.quote.id for h in open_index(db).search("said").hits] == old_hits
    _import(files, db)
    fresh = tmp_path / "fresh.json"
    _import(files, fresh, "--no-cache")
    assert db.read_bytes() == fresh.read_bytes()
    same_index(db, fresh)


def test_a_reimport_of_unchanged_files_rewrites_nothing(corpus: list[Path], tmp_path: Path) -> None:
    db = tmp_path / "kept.json"
    _import(corpus[:6], db)
    before = (db.stat(), index_path_for(db).stat())
    _import(corpus[:6], db)
    after = (db.stat(), index_path_for(db).stat())
    for old, new in zip(before, after, strict=True):
        assert (new.st_ino, new.st_mtime_ns) == (old.st_ino, old.st_mtime_ns)
    open_index(db).close()  # still fresh


def test_a_reimport_restores_a_database_edited_by_hand(corpus: list[Path], tmp_path: Path) -> None:
    """Even an edit that keeps the file's size and its meta row is undone: the database is
    what its files say, not what it was."""
    db = tmp_path / "kept.json"
    _import(corpus[:6], db)
    written = db.read_bytes()
    lines = written.split(b"\n")
    row = next(n for n, line in enumerate(lines) if b'"text": "' in line)
    start = lines[row].index(b'"text": "') + len(b'"text": "')
    edited = lines[row][:start] + b"X" + lines[row][start + 1 :]
    assert edited != lines[row] and len(edited) == len(lines[row])
    lines[row] = edited
    db.write_bytes(b"\n".join(lines))
    open_indexed(db)  # the index is rebuilt for the edited file (stamped as fresh)
    _import(corpus[:6], db)
    assert db.read_bytes() == written


def test_a_command_on_a_corpus_whose_files_changed_says_it_is_out_of_date(
    corpus: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --db a command opens the user's corpus; once an article file imported into it
    changes (or goes), the command says so, naming the file; a file merely touched, or the
    files imported again, give no note."""
    import os

    files = corpus[:4]
    assert main(["import", *map(str, files)]) == 0
    capsys.readouterr()
    assert main(["search", "the"]) == 0
    assert "out of date" not in capsys.readouterr().err
    # After the database was written, however long the import took.
    later = time.time_ns() + 10**9
    os.utime(files[0], ns=(later, later))  # touched, not changed
    assert main(["search", "the"]) == 0
    assert "out of date" not in capsys.readouterr().err

    text = files[1].read_text(encoding="utf-8")
    files[1].write_text(text.replace("said", "stated", 1), encoding="utf-8")
    os.utime(files[1], ns=(later, later))
    files[3].unlink()
    assert main(["search", "the"]) == 0
    err = " ".join(capsys.readouterr().err.split())
    assert "out of date: 2 of the 4 article files" in err, err
    assert files[1].name in err and files[3].name in err
    assert main(["show", "--db", str(tmp_db := files[0].parent / "x.json"), "x"]) != 0
    assert "out of date" not in capsys.readouterr().err, "only the user's corpus is checked"
    assert not tmp_db.exists()

    assert main(["import", *map(str, files[:3])]) == 0
    capsys.readouterr()
    assert main(["search", "the"]) == 0
    assert "out of date" not in capsys.readouterr().err


def _comment_on(path: Path) -> None:
    """An edit that changes the file's bytes but none of its data."""
    path.write_text(path.read_text(encoding="utf-8") + "# checked again\n", encoding="utf-8")


def test_an_edit_that_changes_no_data_keeps_the_index(corpus: list[Path], tmp_path: Path) -> None:
    """A comment added to a file: the database is what a fresh import writes (each file's
    hash is in it), and the index, whose rows are the same, is not rebuilt but still fresh."""
    db = tmp_path / "kept.json"
    files = corpus[:6]
    _import(files, db)
    index_before = index_path_for(db).stat()
    _comment_on(files[1])
    _comment_on(files[4])
    _import(files, db)
    index_after = index_path_for(db).stat()
    assert index_after.st_ino == index_before.st_ino, "re-stamped in place, not rebuilt"
    fresh = tmp_path / "fresh.json"
    _import(files, fresh, "--no-cache")
    assert db.read_bytes() == fresh.read_bytes()
    same_index(db, fresh)
    kept = open_index(db)  # fresh for the new file: no rebuild needed to answer
    assert [h.quote.id for h in kept.search("said").hits] == [
        h.quote.id for h in open_index(fresh).search("said").hits
    ]
    # And a real edit after it is still seen.
    text = files[1].read_text(encoding="utf-8")
    files[1].write_text(text.replace("said", "stated", 1), encoding="utf-8")
    _import(files, db)
    _import(files, fresh, "--no-cache")
    assert db.read_bytes() == fresh.read_bytes()
    same_index(db, fresh)


@pytest.mark.parametrize("step", ["database", "index"])
def test_a_crash_while_a_data_free_edit_is_written_leaves_a_usable_pair(
    step: str,
    corpus: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The process dies as the database is renamed, or once it is in place and its index not
    yet stamped for it alone: whichever file is there, its index answers for it as it is."""
    import os

    from explorer.data import index as index_module

    db = tmp_path / "kept.json"
    files = corpus[:6]
    _import(files, db)
    old_db = db.read_bytes()
    hits = [h.quote.id for h in open_index(db).search("said").hits]
    _comment_on(files[2])
    if step == "database":
        replace = os.replace

        def crash(source: object, destination: object) -> None:
            if Path(str(destination)) == db:
                raise Crash
            replace(source, destination)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "replace", crash)
    else:
        restamp = index_module.restamp_index

        def crash_on_second(*args: object, **kwargs: object) -> None:
            if kwargs.get("previous") is None:
                raise Crash
            restamp(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(index_module, "restamp_index", crash_on_second)
    with pytest.raises(Crash):
        main(["import", *map(str, files), "--db", str(db)])
    monkeypatch.undo()
    capsys.readouterr()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")], "no litter"
    fresh = tmp_path / "fresh.json"
    _import(files, fresh, "--no-cache")
    if step == "database":
        assert db.read_bytes() == old_db
    else:
        assert db.read_bytes() == fresh.read_bytes()
    kept = open_index(db)  # answers for the file in place, without a rebuild
    assert [h.quote.id for h in kept.search("said").hits] == hits
    kept.close()
    _import(files, db)
    assert db.read_bytes() == fresh.read_bytes()
    same_index(db, fresh)


def test_an_edit_that_keeps_the_size_and_time_of_a_file_is_seen(
    corpus: list[Path], tmp_path: Path
) -> None:
    """Files whose status is unchanged are not read again; one rewritten with the same size
    and its old modification time put back is still read (its status changed all the same)."""
    import os

    db = tmp_path / "kept.json"
    files = corpus[:4]
    old = files[1].stat()
    earlier = old.st_mtime_ns - 10 * 10**9
    os.utime(files[1], ns=(earlier, earlier))  # old enough to be trusted by its status
    _import(files, db)
    text = files[1].read_text(encoding="utf-8")
    edited = text.replace("said", "saiD", 1)
    assert edited != text and len(edited) == len(text)
    files[1].write_text(edited, encoding="utf-8")
    os.utime(files[1], ns=(earlier, earlier))
    _import(files, db)
    fresh = tmp_path / "fresh.json"
    _import(files, fresh, "--no-cache")
    assert db.read_bytes() == fresh.read_bytes()


def test_a_meta_row_too_long_to_stamp_still_rewrites_nothing(
    corpus: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the database's first line is too long for its hash to be read from it (one
    that names very many files), unchanged files still rewrite nothing, and a comment added
    still gives what a fresh import gives."""
    from explorer.data import index as index_module

    monkeypatch.setattr(index_module, "_META_LINE_MAX", 64)
    db = tmp_path / "kept.json"
    _import(corpus[:6], db)
    before = db.stat()
    _import(corpus[:6], db)
    assert (db.stat().st_ino, db.stat().st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    _comment_on(corpus[3])
    _import(corpus[:6], db)
    fresh = tmp_path / "fresh.json"
    _import(corpus[:6], fresh, "--no-cache")
    assert db.read_bytes() == fresh.read_bytes()

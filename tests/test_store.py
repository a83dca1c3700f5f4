"""The database: atomic import, clear errors for bad files, and the self-rebuilding default."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.data import StoreError, default_database_path, open_corpus, open_default_corpus
from explorer.data import atomic as atomic_module
from explorer.data.schema import FORMAT_VERSION
from tests.articles import VALID, mutate, write


@pytest.fixture
def database(tmp_path: Path) -> Path:
    db = tmp_path / "explorer.json"
    assert main(["import", str(write(tmp_path, VALID, "valid.yaml")), "--db", str(db)]) == 0
    return db


def test_import_then_open_round_trips_every_item(database: Path) -> None:
    corpus = open_corpus(database)
    assert set(corpus.actors) == {"alice-smith", "bob-jones", "ministry"}
    assert corpus.meetings["paris-talks"].when.human() == "13 Jan 2025"
    assert corpus.quotes_by_actor["alice-smith"] == ("alice-agreed",)
    assert corpus.members["ministry"] == ("alice-smith",)
    assert corpus.meetings_of_actor["bob-jones"] == ("paris-talks",)
    assert corpus.quotes_of_meeting["paris-talks"] == ("alice-agreed",)


def test_import_failing_halfway_through_its_write_leaves_the_old_database(
    database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """The new bytes are half written when the disk fails: the old file must be untouched."""
    before = database.read_bytes()
    real_fdopen = os.fdopen

    class FailingHalfway:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()
            return False

        def write(self, data: bytes) -> int:
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            raise OSError(28, "No space left on device")

        def __getattr__(self, name):
            return getattr(self.handle, name)

    monkeypatch.setattr(
        atomic_module.os, "fdopen", lambda fd, mode: FailingHalfway(real_fdopen(fd, mode))
    )
    second = write(tmp_path, mutate("Ministers meet", "Ministers meet again"), "second.yaml")
    assert main(["import", str(second), "--db", str(database)]) == 2
    err = capsys.readouterr().err
    assert "No space left on device" in err and "Traceback" not in err
    assert database.read_bytes() == before
    assert open_corpus(database).articles["test-article"].title == "Ministers meet"
    assert [p.name for p in database.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_import_killed_mid_write_leaves_the_old_database(database: Path, tmp_path: Path) -> None:
    """A real process killed while writing: readers still see the complete old database."""
    before = database.read_bytes()
    # A long body, not a long title: titles have at most 300 characters.
    paragraph = "    Bob Jones said the talks were useful.\n"
    big = mutate(paragraph, paragraph + "\n    " + "x " * 1_000_000 + "\n")
    source = write(tmp_path, big, "big.yaml")
    script = (
        "import os, sys\n"
        "from explorer.data import atomic\n"
        "real = os.fsync\n"
        "def die(fd):\n"
        "    os.kill(os.getpid(), 9)\n"
        "atomic.os.fsync = die\n"
        "from explorer.cli import main\n"
        f"main(['import', {str(source)!r}, '--db', {str(database)!r}])\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.returncode == -9
    assert database.read_bytes() == before
    open_corpus(database)


def test_import_to_an_unwritable_place_is_a_clear_error(tmp_path: Path, capsys) -> None:
    source = write(tmp_path, VALID)
    assert main(["import", str(source), "--db", str(tmp_path / "no" / "such" / "db.json")]) == 2
    assert "no such directory" in capsys.readouterr().err
    assert main(["import", str(source), "--db", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"{not json", "not an explorer database"),
        (b"\xff\xfe\x00", "not an explorer database"),
        (b"[]", "not an explorer database"),
        (
            json.dumps({"meta": {"1": {"format": 99}}}).encode(),
            f"database format 99, expected {FORMAT_VERSION}",
        ),
        (b"{}", "database format None"),
        (
            json.dumps(
                {"meta": {"1": {"format": FORMAT_VERSION}}, "actors": {"1": {"id": "x"}}}
            ).encode(),
            "damaged database",
        ),
    ],
    ids=["truncated", "binary", "wrong shape", "future format", "no meta", "damaged row"],
)
def test_bad_database_files_are_clear_errors(
    content: bytes, fragment: str, tmp_path: Path, capsys
) -> None:
    db = tmp_path / "bad.json"
    db.write_bytes(content)
    with pytest.raises(StoreError, match=fragment):
        open_corpus(db)
    assert main(["show", "alice-smith", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert fragment in err and str(db) in err and "Traceback" not in err
    assert db.read_bytes() == content, "a bad database is never rewritten"


def test_missing_database_is_a_clear_error(tmp_path: Path, capsys) -> None:
    assert main(["show", "x", "--db", str(tmp_path / "missing.json")]) == 2
    assert "no such database" in capsys.readouterr().err


def test_default_database_is_built_when_missing_and_rebuilt_when_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    source = write(folder, VALID)
    monkeypatch.setattr("explorer.data.sources.seed_files", lambda: [source])
    db = default_database_path()
    assert not db.exists()
    assert open_default_corpus().articles["test-article"].title == "Ministers meet"
    assert db.exists()
    built = db.stat().st_mtime_ns

    assert open_default_corpus().articles["test-article"].title == "Ministers meet"
    assert db.stat().st_mtime_ns == built, "an up-to-date database is not rebuilt"

    time.sleep(0.01)
    source.write_text(mutate("Ministers meet", "Ministers met"), encoding="utf-8")
    future = time.time() + 5
    os.utime(source, (future, future))
    assert open_default_corpus().articles["test-article"].title == "Ministers met"


def test_default_corpus_works_when_the_cache_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(blocker / "cache"))
    corpus = open_default_corpus()
    assert "yoshimasa-hayashi" in corpus.actors


def test_explorer_show_lists_statements_and_meetings(capsys) -> None:
    assert main(["show", "yoshimasa-hayashi"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "quote:hayashi-rare-visit" in out
    assert "quote:hayashi-trip-after-ministers-met" in out
    assert "spoke about: PLA Eastern Theater Command delegation visits Japan" in out
    assert "In the article" in out
    assert "said Japan’s top government spokesman, Yoshimasa Hayashi." in out


def test_explorer_show_json_and_not_found(capsys) -> None:
    assert main(["show", "wang-yi", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["type"] == "actor" and record["name"] == "Wang Yi"
    meetings = {r["id"] for r in record["related"] if r["type"] == "meeting"}
    assert {"iwaya-wang-yi-meeting-2024", "akiba-china-visit-2024"} <= meetings
    assert any("Wang Yi" in s["text"] for s in record["sentences"])
    assert main(["show", "nobody-at-all"]) == 1
    assert "no actor, meeting or quote" in capsys.readouterr().err


def test_python_dash_m_and_usage_errors() -> None:
    ok = subprocess.run(
        [sys.executable, "-m", "explorer", "--version"], capture_output=True, text=True
    )
    assert ok.returncode == 0 and "explorer" in ok.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "explorer", "frobnicate"], capture_output=True, text=True
    )
    assert bad.returncode == 2 and "invalid choice" in bad.stderr and "Traceback" not in bad.stderr

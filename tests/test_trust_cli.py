"""The command line answers from the data the user named, or says why it cannot.

Each test here stands for a way the command line once gave a wrong answer without saying so:
an import undone by the next command, options before the command ignored, a typed folder
created behind the user's back, and the rest of the exit-code and message rules.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.cli import main
from tests.articles import VALID, mutate, write

SECOND = (
    mutate("id: test-article", "id: second-article")
    .replace("alice-agreed", "alice-agreed-2")
    .replace("bob-useful", "bob-useful-2")
    .replace("paris-talks", "paris-talks-2")
)


def fresh_home(tmp_path: Path) -> dict[str, str]:
    """The environment of a user who has never run explorer: a home folder of their own."""
    home = tmp_path / "home"
    home.mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("EXPLORER_") and not key.startswith("XDG_")
    }
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"))
    env["XDG_CACHE_HOME"] = str(home / ".cache")
    env["XDG_CONFIG_HOME"] = str(home / ".config")
    env["COLUMNS"] = "80"
    return env


def explorer(env: dict[str, str], *args: str, stdin: str | None = None):
    return subprocess.run(
        [sys.executable, "-m", "explorer", *args],
        env=env,
        capture_output=True,
        text=True,
        input=stdin,
        timeout=300,
    )


# -- 1. the user's own corpus ---------------------------------------------------------------


def test_import_without_db_is_the_corpus_every_command_then_opens(tmp_path: Path) -> None:
    env = fresh_home(tmp_path)
    mine = write(tmp_path, VALID, "my.yaml")
    seed_only = explorer(env, "show", "alice-smith")
    assert seed_only.returncode == 1, "before any import the seed is the corpus"
    assert explorer(env, "show", "yoshimasa-hayashi").returncode == 0

    imported = explorer(env, "import", str(mine))
    assert imported.returncode == 0, imported.stderr
    corpus = Path(env["XDG_DATA_HOME"]) / "explorer" / "corpus.json"
    assert corpus.is_file() and str(corpus) in imported.stdout

    shown = explorer(env, "show", "alice-smith")
    assert shown.returncode == 0, shown.stderr
    assert "Alice Smith" in shown.stdout
    found = explorer(env, "search", "agreed", "--json")
    assert found.returncode == 0, found.stderr
    assert [json.loads(line)["id"] for line in found.stdout.splitlines()] == ["alice-agreed"]
    exported = explorer(env, "export", "--format", "json")
    assert exported.returncode == 0, exported.stderr
    articles = json.loads(exported.stdout)["articles"]
    assert [a["article"]["id"] for a in articles] == ["test-article"]
    # ...and again, after the seed's cache has had every chance to be rebuilt.
    assert explorer(env, "show", "alice-smith").returncode == 0
    assert explorer(env, "show", "yoshimasa-hayashi").returncode == 1


def test_the_seed_opens_while_nothing_is_imported_and_is_never_overwritten(
    tmp_path: Path,
) -> None:
    env = fresh_home(tmp_path)
    assert explorer(env, "show", "yoshimasa-hayashi").returncode == 0
    seed_cache = Path(env["XDG_CACHE_HOME"]) / "explorer" / "seed.json"
    before = seed_cache.read_bytes()
    assert explorer(env, "import", str(write(tmp_path, VALID, "my.yaml"))).returncode == 0
    assert seed_cache.read_bytes() == before


def test_the_data_folder_is_named_in_help_and_moved_by_the_environment(tmp_path: Path) -> None:
    env = fresh_home(tmp_path)
    env["EXPLORER_DATA_DIR"] = str(tmp_path / "elsewhere")
    shown = explorer(env, "--help")
    assert str(tmp_path / "elsewhere" / "corpus.json") in shown.stdout
    assert "EXPLORER_DATA_DIR" in shown.stdout
    assert explorer(env, "import", str(write(tmp_path, VALID, "my.yaml"))).returncode == 0
    assert (tmp_path / "elsewhere" / "corpus.json").is_file()


def test_the_app_loads_the_users_corpus_once_imported(
    tmp_path: Path, private_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from explorer import app

    # The app's background loader is `load_corpus(db)`; with no --db it picks the corpus.
    assert "yoshimasa-hayashi" in app.load_corpus(None).actors
    assert main(["import", str(write(tmp_path, VALID, "my.yaml"))]) == 0
    assert (private_data / "corpus.json").is_file()
    corpus = app.load_corpus(None)
    assert set(corpus.articles) == {"test-article"}
    assert "alice-smith" in corpus.actors


def test_a_damaged_user_corpus_is_reported_not_replaced_by_the_seed(
    private_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (private_data / "corpus.json").write_text("{not json", encoding="utf-8")
    assert main(["show", "yoshimasa-hayashi"]) == 2
    err = capsys.readouterr().err
    assert "corpus.json" in err and "Traceback" not in err


# -- 2. --db and --notes before the command ---------------------------------------------------


@pytest.fixture
def other_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "other.json"
    assert main(["import", str(write(tmp_path, VALID)), "--db", str(db)]) == 0
    capsys.readouterr()
    return db


@pytest.mark.parametrize("before", [True, False])
def test_db_is_used_before_or_after_the_command(
    other_db: Path, before: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(other_db)]
    argv = [*db, "show", "alice-smith"] if before else ["show", "alice-smith", *db]
    assert main(argv) == 0
    assert "Alice Smith" in capsys.readouterr().out


def test_db_before_search_and_export_too(other_db: Path, capsys) -> None:
    assert main(["--db", str(other_db), "search", "agreed", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "alice-agreed"
    assert main(["--db", str(other_db), "export", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"][0]["article"]["id"] == "test-article"


def test_db_before_import_is_the_database_written(tmp_path: Path, capsys) -> None:
    db = tmp_path / "built.json"
    assert main(["--db", str(db), "import", str(write(tmp_path, VALID))]) == 0
    assert db.is_file()


def test_notes_before_the_command_is_the_notes_file(tmp_path: Path, capsys) -> None:
    notes = tmp_path / "mine.json"
    assert main(["--notes", str(notes), "note", "yoshimasa-hayashi", "a note"]) == 0
    assert notes.is_file()
    capsys.readouterr()
    assert main(["--notes", str(notes), "notes", "--json"]) == 0
    assert [n["text"] for n in json.loads(capsys.readouterr().out)] == ["a note"]


def test_an_option_a_command_cannot_use_is_refused_not_ignored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--notes", str(tmp_path / "n.json"), "show", "yoshimasa-hayashi"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "--notes does not apply to `explorer show`" in err
    assert err.startswith("usage: explorer show")


def test_two_different_databases_are_refused(other_db: Path, tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--db", str(other_db), "show", "alice-smith", "--db", str(tmp_path / "x.json")])
    assert stopped.value.code == 2
    assert "--db given twice" in capsys.readouterr().err


# -- 3. a mistyped notes folder ---------------------------------------------------------------


def test_note_refuses_a_notes_file_in_a_missing_folder(tmp_path: Path, capsys) -> None:
    notes = tmp_path / "mistyped" / "dir" / "n.json"
    assert main(["note", "yoshimasa-hayashi", "text", "--notes", str(notes)]) == 2
    err = capsys.readouterr().err
    assert "no such directory" in err and "nothing saved" in err
    assert not (tmp_path / "mistyped").exists()

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
from explorer.data.schema import FORMAT_VERSION
from tests.articles import VALID, mutate, write
from tests.conftest import SEED_FILE

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
    assert main(["notes", "--notes", str(notes)]) == 2
    assert "no such directory" in capsys.readouterr().err
    assert not (tmp_path / "mistyped").exists()


# -- 4. piped output is never wrapped; a terminal's is wrapped to its width --------------------


@pytest.mark.parametrize(
    "args",
    [["show", "yoshimasa-hayashi"], ["notes"], ["note", "yoshimasa-hayashi", "x" * 150]],
)
def test_piped_output_is_never_wrapped(tmp_path: Path, args: list[str]) -> None:
    env = fresh_home(tmp_path)
    env["EXPLORER_NOTES_FILE"] = str(tmp_path / "notes.json")
    note = "a long note that a script greps for " + "word " * 40
    assert explorer(env, "note", "yoshimasa-hayashi", note.strip()).returncode == 0
    done = explorer(env, *args)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert max(map(len, lines)) > 100, "some line is longer than a terminal's 80 columns"
    if args[0] == "notes":
        assert any(line.strip() == note.strip() for line in lines)
    if args[0] == "show":
        body = " ".join(SEED_FILE.read_text(encoding="utf-8").split())
        sentences = [line.strip().rsplit("  [", 1)[0] for line in lines if "  [pla-" in line]
        assert sentences and all(" ".join(s.split()) in body for s in sentences)


def test_terminal_output_is_wrapped_to_the_terminal_width(tmp_path: Path) -> None:
    import pty
    import re

    env = fresh_home(tmp_path)
    env["COLUMNS"] = "50"
    env["TERM"] = "xterm"
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "explorer", "show", "yoshimasa-hayashi"],
            env=env,
            stdout=follower,
            stderr=subprocess.PIPE,
            timeout=300,
        )
        os.close(follower)
        follower = -1
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        if follower != -1:
            os.close(follower)
        os.close(leader)
    assert done.returncode == 0, done.stderr
    text = re.sub(
        r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)", "", b"".join(chunks).decode()
    )
    lines = [line for line in text.replace("\r", "").split("\n") if line.strip()]
    assert len(lines) > 10
    assert max(len(line) for line in lines) <= 50


# -- 5. one rule for exit codes, the same answer for the same input -----------------------------


def test_an_unknown_id_is_nothing_found_everywhere(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "nope"]) == 1
    assert "no actor, meeting or quote with id 'nope'" in capsys.readouterr().err
    assert main(["export", "--format", "json", "--article", "nope"]) == 1
    assert "no article with id 'nope'" in capsys.readouterr().err


@pytest.mark.parametrize("query", ["-", "", "***"])
def test_a_query_with_nothing_to_search_for_is_the_same_answer_in_search_and_export(
    query: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", query]) == 1
    searched = capsys.readouterr()
    assert main(["export", "--format", "csv", "--query", query]) == 1
    exported = capsys.readouterr()
    assert searched.out == exported.out == ""
    assert searched.err == exported.err and searched.err.startswith("explorer: ")


def test_an_unquoted_minus_word_is_part_of_the_query(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "trust -defence", "--json"]) == 0
    quoted = capsys.readouterr().out
    assert main(["search", "trust", "-defence", "--json"]) == 0
    assert capsys.readouterr().out == quoted
    assert main(["search", "trust", "--json", "-defence"]) == 0
    assert capsys.readouterr().out == quoted
    assert main(["search", "trust", "--json"]) == 0
    assert len(capsys.readouterr().out.splitlines()) > len(quoted.splitlines())


def test_an_unquoted_minus_word_works_from_the_shell(tmp_path: Path) -> None:
    done = explorer(fresh_home(tmp_path), "search", "trust", "-defence", "--limit", "5")
    assert done.returncode == 0, done.stderr
    assert "mutual trust" in done.stdout


def test_a_bad_option_of_a_command_prints_that_commands_usage(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["show", "china", "--bad-flag"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: explorer show") and "--bad-flag" in err


@pytest.mark.parametrize(
    "typed", ["Yoshimasa Hayashi", "hayashi", "HAYASHI", "actor:hayashi", "hayshi"]
)
def test_a_name_or_a_word_of_an_id_gets_did_you_mean(
    typed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", typed]) == 1
    assert "did you mean yoshimasa-hayashi?" in capsys.readouterr().err
    assert main(["note", typed, "text"]) == 1
    assert "did you mean yoshimasa-hayashi?" in capsys.readouterr().err


def test_the_readme_exit_code_table_is_what_the_commands_do(capsys) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "Exit codes: 0 ok, 1 nothing found, 2 bad input or usage." in readme
    assert main(["show", "yoshimasa-hayashi"]) == 0
    assert main(["search", "zzzqqq"]) == 1
    assert main(["check", "/no/such/file.yaml"]) == 2
    capsys.readouterr()


# -- 6. check shows where a quote parts from the body ----------------------------------------


def test_a_mismatched_quote_says_where_it_first_differs(tmp_path: Path, capsys) -> None:
    long_quote = "We agreed on everything, " + "and more besides " * 5
    body_line = f'    "{long_quote.strip()}," said Alice Smith.'
    text = mutate(
        '    "We agreed on everything," said Alice Smith.',
        body_line,
    ).replace(
        "text: We agreed on everything,",
        "text: " + long_quote.replace("everything", "nearly everything").strip(),
    )
    assert main(["check", str(write(tmp_path, text))]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "does not occur verbatim in the article body" in err
    assert "after “We agreed on”, the body has “everything, and more besides and”" in err
    assert "where the file has “nearly everything, and more besides”" in err
    quoted = err.split("direct quote ", 1)[1].split(" does not occur")[0]
    assert quoted.startswith("'We agreed on nearly") and quoted.endswith("…'"), quoted


def test_a_mismatched_evidence_excerpt_says_where_it_first_differs(tmp_path: Path, capsys):
    text = mutate(
        "evidence: [Bob Jones said the talks were useful.]",
        "evidence: [Bob Jones said the talks were splendid.]",
    )
    assert main(["check", str(write(tmp_path, text))]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "after “Jones said the talks were”, the body has “useful.”" in err
    assert "where the file has “splendid.”" in err


# -- 7. counts agree with their nouns -----------------------------------------------------------


def test_counts_say_1_file_and_2_files(tmp_path: Path, capsys) -> None:
    one = write(tmp_path, VALID)
    assert main(["check", str(one)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 file OK: 1 article, 3 actors, 1 meeting, 2 quotes"), out
    two = write(tmp_path, SECOND, "second.yaml")
    assert main(["check", str(one), str(two)]) == 0
    assert capsys.readouterr().out.startswith("2 files OK: 2 articles,")
    db = tmp_path / "db.json"
    assert main(["import", str(one), "--db", str(db)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "imported 1 article: 3 actors, 1 meeting, 2 quotes" in out and "(1 file parsed)" in out
    assert "(s)" not in out
    assert main(["export", "--db", str(db), "--format", "markdown", "--query", "agreed"]) == 0
    out = capsys.readouterr().out
    assert "1 article, 2 actors, 1 meeting, 1 quote." in out


# -- 8. text that cannot be written as UTF-8 ----------------------------------------------------


def surrogate_export(tmp_path: Path) -> Path:
    """An export (JSON, which allows the escape) with a lone surrogate in a meeting title."""
    db = tmp_path / "db.json"
    assert main(["import", str(write(tmp_path, VALID)), "--db", str(db)]) == 0
    out = tmp_path / "export.json"
    assert main(["export", "--db", str(db), "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8").replace("Talks in Paris", "Talks \\ud800 in Paris")
    out.write_text(text, encoding="utf-8")
    return out


@pytest.mark.parametrize("pure_python_yaml", [False, True])
def test_a_lone_surrogate_is_refused_alike_by_check_and_import(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch, pure_python_yaml: bool
) -> None:
    if pure_python_yaml:  # PyYAML without libyaml reads the escape as a string
        import yaml

        monkeypatch.setattr("explorer.data.safe_yaml._Loader", yaml.SafeLoader)
    sources = [
        surrogate_export(tmp_path),
        write(
            tmp_path, mutate("title: Talks in Paris", 'title: "Talks \\ud800 in Paris"'), "s.yaml"
        ),
    ]
    capsys.readouterr()
    for source in sources:
        assert main(["check", str(source)]) == 2
        checked = capsys.readouterr().err
        db = tmp_path / "new.json"
        assert main(["import", str(source), "--db", str(db)]) == 2
        imported = capsys.readouterr().err
        assert not db.exists()
        first_line = checked.splitlines()[0]
        assert first_line in imported
        assert f"{source}:" in first_line and "surrogate" in first_line, first_line
        line = first_line.split(f"{source}:", 1)[1].split(":")[0]
        assert line.isdigit(), f"the message names the line: {first_line}"


# -- 9. and 13. a database that is valid JSON but not a consistent explorer database ----------


def _database_rows(tmp_path: Path) -> dict:
    db = tmp_path / "good.json"
    assert main(["import", str(write(tmp_path, VALID)), "--db", str(db)]) == 0
    return json.loads(db.read_text(encoding="utf-8"))


def _damage(document: dict, how: str) -> dict:
    tables = document
    if how == "actors but no article":
        tables["articles"] = {}
    elif how == "missing table":
        del tables["quotes"]
    elif how == "table is a list":
        tables["meetings"] = list(tables["meetings"].values())
    elif how == "row is not a record":
        tables["actors"]["1"] = "alice-smith"
    elif how == "name is a number":
        tables["actors"]["1"]["name"] = 42
    elif how == "missing field":
        del tables["meetings"]["1"]["title"]
    elif how == "speaker points nowhere":
        tables["quotes"]["1"]["speaker"] = "nobody"
    elif how == "participant points nowhere":
        tables["meetings"]["1"]["participants"] = ["alice-smith", "nobody"]
    elif how == "member_of is text":
        tables["actors"]["1"]["member_of"] = "ministry"
    elif how == "meeting points nowhere":
        tables["quotes"]["1"]["meeting"] = "no-meeting"
    elif how == "span outside the body":
        tables["quotes"]["1"]["spans"][0][2] = 10**6
    elif how == "duplicate id":
        tables["actors"]["9"] = dict(tables["actors"]["1"])
    elif how == "meta is a list":
        tables["meta"] = [{"format": FORMAT_VERSION}]
    elif how == "unknown kind":
        tables["quotes"]["1"]["kind"] = "rumour"
    elif how == "date is a number":
        tables["articles"]["1"]["published"] = 20250114
    else:  # pragma: no cover
        raise AssertionError(how)
    return document


DAMAGES = [
    "actors but no article",
    "missing table",
    "table is a list",
    "row is not a record",
    "name is a number",
    "missing field",
    "speaker points nowhere",
    "participant points nowhere",
    "member_of is text",
    "meeting points nowhere",
    "span outside the body",
    "duplicate id",
    "meta is a list",
    "unknown kind",
    "date is a number",
]


@pytest.mark.parametrize("layout", ["one row a line", "any JSON"])
@pytest.mark.parametrize("how", DAMAGES)
def test_a_damaged_database_is_one_clear_message_and_exit_2(
    tmp_path: Path, how: str, layout: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from explorer.data.errors import DatabaseDamaged
    from explorer.data.sources import open_corpus
    from explorer.data.store import encode_database

    document = _damage(_database_rows(tmp_path), how)
    db = tmp_path / "damaged.json"
    if layout == "any JSON" or how in ("table is a list", "meta is a list", "missing table"):
        db.write_text(json.dumps(document), encoding="utf-8")
    else:
        meta = document.pop("meta")["1"]
        rows = {
            table: [json.dumps(row).encode() for row in document[table].values()]
            for table in document
        }
        db.write_bytes(encode_database(meta, rows))
    capsys.readouterr()
    before = db.read_bytes()
    with pytest.raises(DatabaseDamaged):
        open_corpus(db)
    for argv in (
        ["show", "alice-smith"],
        ["search", "agreed"],
        ["export", "--format", "json"],
        ["export", "--format", "markdown"],
        ["notes"],
    ):
        assert main([*argv, "--db", str(db)]) == 2, argv
        out, err = capsys.readouterr()
        assert out == ""
        lines = err.splitlines()
        assert len(" ".join(lines).split("explorer: ")) == 2, err
        assert str(db) in " ".join(err.split()) and "Traceback" not in err
    assert db.read_bytes() == before


def test_a_database_with_actors_but_no_article_cannot_be_exported(tmp_path: Path, capsys):
    db = tmp_path / "actors-only.json"
    db.write_text(json.dumps(_damage(_database_rows(tmp_path), "actors but no article")))
    capsys.readouterr()
    assert main(["export", "--db", str(db), "--format", "json"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "damaged database" in err and "not in the database" in err


# -- 10. and 14. replacing files: modes, links, protection --------------------------------------


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def test_a_new_file_gets_the_mode_the_umask_gives(tmp_path: Path, umask_022) -> None:
    from explorer.data.atomic import atomic_write_bytes

    atomic_write_bytes(tmp_path / "new.csv", b"x")
    assert (tmp_path / "new.csv").stat().st_mode & 0o777 == 0o644
    os.umask(0o077)
    atomic_write_bytes(tmp_path / "private.csv", b"x")
    assert (tmp_path / "private.csv").stat().st_mode & 0o777 == 0o600
    os.umask(0o022)
    atomic_write_bytes(tmp_path / "notes.json", b"x", new_file_mode=0o600)
    assert (tmp_path / "notes.json").stat().st_mode & 0o777 == 0o600


def test_export_out_creates_a_file_as_readable_as_the_umask_says(
    tmp_path: Path, umask_022, capsys
) -> None:
    out = tmp_path / "corpus.json"
    assert main(["export", "--out", str(out)]) == 0
    assert out.stat().st_mode & 0o777 == 0o644


def test_an_existing_file_keeps_its_mode(tmp_path: Path, umask_022) -> None:
    from explorer.data.atomic import atomic_write_bytes

    path = tmp_path / "kept.md"
    path.write_bytes(b"old")
    path.chmod(0o640)
    atomic_write_bytes(path, b"new")
    assert path.read_bytes() == b"new" and path.stat().st_mode & 0o777 == 0o640


def test_writing_through_a_symlink_writes_its_target_and_keeps_the_link(
    tmp_path: Path, capsys
) -> None:
    real = tmp_path / "real" / "briefing.md"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "briefing.md"
    link.symlink_to(real)
    assert main(["export", "--out", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").startswith("# Briefing")
    assert [p.name for p in real.parent.iterdir()] == ["briefing.md"], "no temporary left"


def test_a_write_protected_export_target_is_refused(tmp_path: Path, capsys) -> None:
    out = tmp_path / "protected.csv"
    out.write_text("mine")
    out.chmod(0o444)  # root may write it anyway: explorer reads the mode bits itself
    assert main(["export", "--out", str(out)]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert f"{out}: cannot write: the file is write-protected" in err
    assert out.read_text() == "mine" and out.stat().st_mode & 0o777 == 0o444
    link = tmp_path / "link.csv"
    link.symlink_to(out)
    assert main(["export", "--out", str(link)]) == 2
    assert out.read_text() == "mine"


def test_a_write_protected_database_is_not_replaced_by_import(tmp_path: Path, capsys) -> None:
    db = tmp_path / "news.json"
    assert main(["import", str(write(tmp_path, VALID)), "--db", str(db)]) == 0
    before = db.read_bytes()
    db.chmod(0o400)
    second = write(tmp_path, SECOND, "second.yaml")
    assert main(["import", str(second), "--db", str(db)]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "write-protected" in err and "nothing imported" in err
    assert db.read_bytes() == before


def test_the_atomic_writer_itself_refuses_a_protected_file(tmp_path: Path) -> None:
    from explorer.data.atomic import WriteProtected, atomic_write_bytes

    path = tmp_path / "notes.json"
    path.write_bytes(b"kept")
    path.chmod(0o444)
    with pytest.raises(WriteProtected):
        atomic_write_bytes(path, b"lost")
    assert path.read_bytes() == b"kept"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.json"]


# -- 11. dates that are not dates ------------------------------------------------------------


@pytest.mark.parametrize(
    "when",
    [
        "2024-00",
        "2024-13",
        "2024-01-00",
        "2024-00-10",
        "٢٠٢٤",
        "２０２４-01",
        "2024-0１",
        "2025-01-13/2025-01-00",
    ],
)
def test_a_date_that_is_not_a_date_is_refused_with_its_line(
    when: str, tmp_path: Path, capsys
) -> None:
    path = write(tmp_path, mutate("when: 2025-01-13", f'when: "{when}"'))
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    line = VALID.splitlines().index("    when: 2025-01-13") + 1
    assert f"{path}:{line}:" in err and "when" in err, err


def test_a_published_date_with_day_00_is_refused(tmp_path: Path, capsys) -> None:
    path = write(tmp_path, mutate("published: 2025-01-14", "published: 2025-01-00"))
    assert main(["check", str(path)]) == 2
    assert f"{path}:4:" in capsys.readouterr().err


# -- 12. whatever imports also round-trips ---------------------------------------------------


def test_an_alias_of_control_characters_only_is_refused_with_its_line(
    tmp_path: Path, capsys
) -> None:
    path = write(
        tmp_path,
        mutate("    name: Bob Jones\n", '    name: Bob Jones\n    aliases: ["\\x01\\x1b"]\n'),
    )
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:18:" in err and "aliases[0] must not be empty" in err
    assert main(["import", str(path), "--db", str(tmp_path / "db.json")]) == 2


@pytest.mark.parametrize(
    "alias",
    ["\\x1b[31mBob\\x1b[0m", "Bob\\u202e", "\\x07B\\x7fob", "B\\r\\nob", " Bob ", "[bold]Bob[/]"],
)
def test_the_json_export_of_hostile_text_imports_back_to_the_same_model(
    alias: str, tmp_path: Path, capsys
) -> None:
    from explorer.data.store import load_database_file, to_rows

    text = mutate("    name: Bob Jones\n", f'    name: Bob Jones\n    aliases: ["{alias}"]\n')
    text = text.replace("title: Talks in Paris", f'title: "Talks {alias}"')
    db = tmp_path / "db.json"
    assert main(["import", str(write(tmp_path, text)), "--db", str(db)]) == 0
    exported = tmp_path / "export.json"
    assert main(["export", "--db", str(db), "--out", str(exported)]) == 0
    again = tmp_path / "again.json"
    assert main(["import", str(exported), "--db", str(again)]) == 0, capsys.readouterr().err

    def model(path: Path) -> dict:
        rows = to_rows(load_database_file(path))
        for row in rows["articles"]:
            row.pop("file")
        return rows

    assert model(again) == model(db)


# -- 15. names and titles have a sane length ----------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ("    name: Bob Jones\n", "    name: " + "Bob " * 100 + "\n", 17),
        ("    name: Bob Jones\n", "    name: Bob Jones\n    aliases: [" + "x" * 301 + "]\n", 18),
        ("title: Talks in Paris", "title: " + "Talks " * 60, 25),
        ("title: Ministers meet", "title: " + "Ministers " * 40, 3),
        ("  - id: bob-jones", "  - id: " + "-".join(["bob"] * 100), 16),
    ],
    ids=["actor name", "alias", "meeting title", "article title", "id"],
)
def test_a_name_or_title_past_300_characters_is_refused_with_its_line(
    old: str, new: str, line: int, tmp_path: Path, capsys
) -> None:
    path = write(tmp_path, mutate(old, new))
    assert main(["check", str(path)]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert f"{path}:{line}:" in err and "at most 300" in err, err


def test_a_name_of_exactly_300_characters_is_accepted(tmp_path: Path, capsys) -> None:
    name = ("Bob Jones " * 30)[:300]
    path = write(tmp_path, mutate("    name: Bob Jones\n", f"    name: {name}\n"))
    assert main(["check", str(path)]) == 0, capsys.readouterr().err

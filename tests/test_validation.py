"""Every validation rule, each with its own failing file: exit 2, a located message, and the
existing database byte-for-byte unchanged."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from explorer.cli import main
from tests.articles import VALID, mutate, write

LINE_OF = re.compile(r"article\.yaml:(\d+)(?::(\d+))?: ")

# (name, file text, expected line or None, a fragment the message must contain)
CASES: list[tuple[str, str, int | None, str]] = [
    (
        "duplicate key",
        mutate("  title: Ministers meet\n", "  title: A\n  title: B\n"),
        4,
        "duplicate key 'title'",
    ),
    (
        "python tag",
        mutate("  title: Ministers meet", "  title: !!python/object/apply:os.system [ls]"),
        3,
        "tag:yaml.org,2002:python/object/apply:os.system is not allowed",
    ),
    (
        "alias bomb",
        'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
        "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n",
        1,
        "anchor &a is not allowed",
    ),
    (
        "invalid date",
        mutate("when: 2025-01-13", "when: 2024-02-30"),
        26,
        "'2024-02-30' is not a valid date",
    ),
    (
        "reversed interval",
        mutate("when: 2025-01-13", "when: 2025-01-17/2025-01-13"),
        26,
        "ends before it starts",
    ),
    (
        "unknown speaker",
        mutate("speaker: bob-jones", "speaker: carol-white"),
        39,
        "unknown actor 'carol-white'",
    ),
    (
        "unknown participant",
        mutate("participants: [alice-smith, bob-jones]", "participants: [alice-smith, dave]"),
        29,
        "unknown actor 'dave'",
    ),
    (
        "unknown member_of",
        mutate("member_of: [ministry]", "member_of: [palace]"),
        15,
        "unknown actor 'palace'",
    ),
    (
        "unknown meeting",
        mutate("meeting: paris-talks", "meeting: rome-talks"),
        36,
        "unknown meeting 'rome-talks'",
    ),
    (
        "duplicate id",
        mutate("  - id: bob-jones", "  - id: alice-smith"),
        16,
        "duplicate actor id 'alice-smith'",
    ),
    (
        "direct quote not in body",
        mutate("text: We agreed on everything,", "text: We agreed on nothing"),
        33,
        "'We agreed on nothing' does not occur verbatim",
    ),
    (
        "evidence not in body",
        mutate("evidence: [Bob Jones said the talks were useful.]", "evidence: [Bob said so.]"),
        41,
        "'Bob said so.' does not occur",
    ),
    ("unknown key", mutate("    where: Paris\n", "    wher: Paris\n"), 27, "unknown key 'wher'"),
    (
        "list where a string belongs",
        mutate("  title: Ministers meet", "  title: [Ministers, meet]"),
        3,
        "must be a single value, not ['Ministers', 'meet']",
    ),
    (
        "string where a list belongs",
        mutate("participants: [alice-smith, bob-jones]", "participants: alice-smith"),
        29,
        "must be a list, not the single value 'alice-smith'",
    ),
    ("bad id", mutate("  - id: bob-jones", "  - id: Bob_Jones"), 16, "'Bob_Jones' is not an id"),
    (
        "bad kind",
        mutate("    kind: person\n    member_of", "    kind: alien\n    member_of"),
        14,
        "'alien' is not one of person",
    ),
    (
        "bad status",
        mutate("status: happened", "status: rescheduled"),
        28,
        "'rescheduled' is not one of happened",
    ),
    (
        "missing required field",
        mutate("    title: Talks in Paris\n", ""),
        24,
        "missing required field 'title'",
    ),
    (
        "meeting without evidence",
        mutate("    evidence: [Alice Smith met Bob Jones in Paris on Monday.]\n", ""),
        24,
        "missing required field 'evidence'",
    ),
    (
        "reported quote without evidence",
        mutate("    evidence: [Bob Jones said the talks were useful.]\n", ""),
        37,
        "needs evidence",
    ),
    (
        "published not a day",
        mutate("published: 2025-01-14", "published: 2025-01"),
        4,
        "must be a full date",
    ),
    ("empty file", "", None, "is empty"),
    ("only a comment", "# nothing here\n", None, "is empty"),
    ("not a mapping", "- just\n- a list\n", None, "must be a mapping"),
    ("broken YAML", "article: [unclosed\n", 2, "invalid YAML"),
    ("deep nesting", "a: " + "[" * 5000 + "]" * 5000 + "\n", 1, "nesting"),
    (
        "subheading not in body",
        mutate("  published: 2025-01-14\n", "  published: 2025-01-14\n  subheadings: [Nope]\n"),
        5,
        "subheading 'Nope'",
    ),
    (
        "non-string key",
        mutate("  title: Ministers meet\n", "  title: Ministers meet\n  1: one\n"),
        4,
        "key '1' is a YAML int, not a string",
    ),
    ("oversized file", VALID + "# " + "x" * (9 * 1024 * 1024) + "\n", None, "is larger than 8 MiB"),
    ("two documents", VALID + "---\nx: 1\n", 42, "only one YAML document"),
]


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A real database built from the valid file, to prove a failed import leaves it alone."""
    db = tmp_path / "explorer.json"
    assert main(["import", str(write(tmp_path, VALID, "valid.yaml")), "--db", str(db)]) == 0
    return db


@pytest.mark.parametrize(("name", "text", "line", "fragment"), CASES, ids=[c[0] for c in CASES])
def test_invalid_file_is_reported_and_database_untouched(
    name: str,
    text: str,
    line: int | None,
    fragment: str,
    tmp_path: Path,
    database: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = database.read_bytes()
    path = write(tmp_path, text)
    capsys.readouterr()

    assert main(["check", str(path)]) == 2
    check_err = capsys.readouterr().err
    assert main(["import", str(path), "--db", str(database)]) == 2
    captured = capsys.readouterr()

    for err in (check_err, captured.err):
        assert "Traceback" not in err
        assert str(path) in err
        assert fragment in " ".join(err.split()), err
        if line is not None:
            lines = [int(m.group(1)) for m in LINE_OF.finditer(err)]
            assert line in lines, err
    assert database.read_bytes() == before


def test_all_problems_of_a_file_are_reported_at_once(tmp_path: Path, capsys) -> None:
    text = mutate("speaker: bob-jones", "speaker: nobody")
    text = mutate("    where: Paris\n", "    wher: Paris\n", text)
    text = mutate("when: 2025-01-13", "when: 2025-13-01", text)
    assert main(["check", str(write(tmp_path, text))]) == 2
    err = capsys.readouterr().err
    assert "unknown key 'wher'" in err
    assert "'2025-13-01' is not a valid date" in err
    assert "unknown actor 'nobody'" in err


@pytest.mark.parametrize(
    ("setup", "fragment"),
    [
        (lambda d: d / "missing.yaml", "no such file"),
        (
            lambda d: (
                (d / "latin1.yaml").write_bytes(b"article:\n  title: Caf\xe9\n")
                and d / "latin1.yaml"
            ),
            "is not UTF-8",
        ),
        (lambda d: d, "is a directory"),
    ],
    ids=["missing file", "non-UTF-8 file", "directory"],
)
def test_unreadable_inputs(setup, fragment: str, tmp_path: Path, capsys) -> None:
    path = setup(tmp_path)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert fragment in err and str(path) in err and "Traceback" not in err


def test_quotes_and_whitespace_compare_loosely(tmp_path: Path, capsys) -> None:
    """A curator may type straight quotes and re-wrap lines; the excerpt still matches."""
    text = mutate(
        "Bob Jones said the talks were useful.", "Bob Jones said the “talks”\n    were useful."
    )
    text = mutate(
        "evidence: [Bob Jones said the talks were useful.]",
        "evidence: ['Bob Jones said the \"talks\" were useful.']",
        text,
    )
    assert main(["check", str(write(tmp_path, text))]) == 0, capsys.readouterr().err


def test_valid_file_checks_clean(tmp_path: Path, capsys) -> None:
    assert main(["check", str(write(tmp_path, VALID))]) == 0
    assert "1 file OK" in capsys.readouterr().out


def test_seed_data_checks_clean(seed_paths, capsys) -> None:
    assert main(["check", *map(str, seed_paths)]) == 0


def test_control_characters_are_removed_at_import(tmp_path: Path) -> None:
    from explorer.data import load_files

    text = mutate("name: Bob Jones", 'name: "Bob\\e[31m Jones\\u202e\\x07"')
    loaded = load_files([write(tmp_path, text)])
    bob = next(a for a in loaded.actors if a.id == "bob-jones")
    assert bob.name == "Bob[31m Jones"
    assert all(ord(c) >= 0x20 for c in bob.name)

"""`explorer search`: the same engine on the command line, for people and for scripts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.data import import_files


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["search", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_plain_text_when_piped(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "trust")
    assert code == 0
    assert "\x1b[" not in out
    lines = out.splitlines()
    assert lines[0] == "“The visit will enhance understanding and mutual trust.”"
    assert "PLA Eastern Theater Command · paraphrase · 14 Jan 2025" in lines[1]
    assert any(line.startswith("“This visit will help enhance") for line in lines)
    assert "2 quotes" in err


def test_highlights_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    code, out, _ = run(capsys, "mutual", "trust")
    assert code == 0
    assert "\x1b[1;7mmutual trust\x1b[0m" in out


def test_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "speaker:hayashi", "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 4
    assert {row["speaker"]["name"] for row in rows} == {"Yoshimasa Hayashi"}
    first = rows[0]
    assert set(first) >= {"id", "text", "match", "highlights", "kind", "speaker", "article"}
    assert first["article"] == {
        "id": "pla-etc-delegation-japan-2025",
        "title": "Chinese military delegation in Japan on rare visit",
        "published": "2025-01-14",
    }


def test_json_highlights_point_at_the_words(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "trust", "--json")
    for row in map(json.loads, out.splitlines()):
        assert [row["text"][s:e] for s, e in row["highlights"]] == ["trust"]
        assert row["match"] == "exact"


def test_limit(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "speaker:hayashi", "--limit", "1", "--json")
    assert code == 0 and len(out.splitlines()) == 1
    code, out, err = run(capsys, "speaker:hayashi", "--limit", "2")
    assert code == 0 and "2 of 4 quotes" in err


def test_typo_shows_near_matches_labelled(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "trsut")
    assert code == 0
    assert "near matches" in err and "trust" in err
    assert out.count("near match") == 2


def test_command_line_words_are_whole_words(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "trus")  # no typing here: "trus" is not a prefix
    assert code == 0 and "near match" in out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["xyzzy"], "no quote contains “xyzzy”"),
        (["speaker:nobody"], "no speaker matches “nobody”"),
        (["trust -trust"], "remove a -word"),  # one argument, so "-" is not an option
    ],
)
def test_nothing_found_exits_1_with_the_reason(
    capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 1
    assert out == ""
    assert says in err and "widen" in err


@pytest.mark.parametrize("args", [[""], ["***"], ["-"], ["speaker:"]])
def test_nothing_to_search_for_finds_nothing(capsys: pytest.CaptureFixture[str], args) -> None:
    # No query is an error (README): one with nothing to search for finds nothing, exit 1.
    code, out, err = run(capsys, *args)
    assert code == 1 and out == "" and err.startswith("explorer: ") and "Traceback" not in err


@pytest.mark.parametrize("limit", ["0", "-3", "many"])
def test_bad_limit_is_a_usage_error(capsys: pytest.CaptureFixture[str], limit: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["search", "trust", "--limit", limit])
    assert exit_info.value.code == 2
    assert "1 or more" in capsys.readouterr().err


def test_missing_database_is_one_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "trust", "--db", str(tmp_path / "missing.json"))
    assert code == 2 and out == "" and err.startswith("explorer: ")


def test_markup_in_data_is_printed_literally(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from tests.articles import VALID, write

    text = VALID.replace("the talks were useful.", "the talks were [bold]useful[/].")
    text = text.replace("text: The talks were useful.", 'text: "The talks were [bold]useful[/]."')
    text = text.replace(
        "evidence: [Bob Jones said the talks were [bold]useful[/].]",
        'evidence: ["Bob Jones said the talks were [bold]useful[/]."]',
    )
    db = tmp_path / "db.json"
    import_files([write(tmp_path, text)], db)
    code, out, _ = run(capsys, "useful", "--db", str(db))
    assert code == 0
    assert "“The talks were [bold]useful[/].”" in out


def test_dash_words_work_in_one_quoted_argument(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "-defence trust", "--json")
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["etc-emphasis-mutual-trust"]


def test_subprocess_json_is_one_object_per_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "explorer", "search", "mutual trust", "--json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [row["id"] for row in rows] == [
        "etc-emphasis-mutual-trust",
        "etc-statement-mutual-trust",
    ]

"""`explorer expectations`: each kind with its sentences, as text and as JSON; a bad
database is one clear message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.data import import_files
from tests.articles import write
from tests.test_expectations import ANNOUNCED, LATER, V11


@pytest.fixture
def db(tmp_path: Path) -> Path:
    files = [write(tmp_path, ANNOUNCED, "announced.yaml"), write(tmp_path, LATER, "later.yaml")]
    target = tmp_path / "corpus.json"
    import_files(files, target)
    return target


def test_lists_each_kind_with_the_sentence_that_expects_it(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["expectations", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert (
        "as of 5 Jan 2025 (the newest article): 0 fulfilled · 0 changed · 2 open · 1 overdue" in out
    )
    overdue = out[out.index("Overdue") :]
    assert "! Paris summit  (paris-summit)  due 20 Dec 2024" in overdue
    assert (
        "planned for 20 Dec 2024, in “Leaders to meet” (10 Dec 2024): "
        "Alice Smith will meet Bob Jones in Paris on 20 December."
    ) in overdue
    assert "no later article reports it" in overdue
    opened = out[out.index("Open") : out.index("Overdue")]
    assert "Visit to Rome" in opened and "A state visit  (state-visit)  no date given" in opened
    assert "phone-call" not in out  # it happened; no one expected it


def test_json_is_one_object_of_every_expectation(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["expectations", "--json", "--db", str(db)]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["as_of"] == "2025-01-05"
    assert found["counts"] == {"fulfilled": 0, "changed": 0, "open": 2, "overdue": 1}
    summit = found["expectations"][-1]
    assert summit == {
        "meeting": "paris-summit",
        "title": "Paris summit",
        "kind": "overdue",
        "due": "2024-12-20",
        "change": None,
        "expected": {
            "article": "summit-announced",
            "article_title": "Leaders to meet",
            "published": "2024-12-10",
            "status": "planned",
            "when": "2024-12-20",
            "sentence": "Alice Smith will meet Bob Jones in Paris on 20 December.",
        },
        "outcome": None,
    }


def test_the_seed_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["expectations", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["counts"]["open"] == 3


@pytest.mark.parametrize("content", [None, "not json", '{"meta": 1}'])
def test_a_missing_or_damaged_database_is_one_message(
    tmp_path: Path, content: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "corpus.json"
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    assert main(["expectations", "--db", str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("explorer: ") and str(bad) in captured.err
    assert "Traceback" not in captured.err and len(captured.err.strip().splitlines()) == 1


def test_the_v11_corpus_lists_the_talks_fulfilled_and_the_third_meeting_overdue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's must-show: the second article reports held the talks the first expects;
    a third meeting, expected before the newest article, is overdue."""
    target = tmp_path / "corpus.json"
    import_files(sorted(V11.glob("*.yaml")), target)
    assert main(["expectations", "--db", str(target)]) == 0
    out = capsys.readouterr().out
    assert "1 fulfilled · 0 changed · 0 open · 1 overdue" in out
    fulfilled = out[out.index("Fulfilled") : out.index("Overdue")]
    assert "✓ Iwaya–Wang Yi talks in Beijing  (iwaya-wang-yi-talks-2024)" in fulfilled
    assert (
        "expected for 25 Dec 2024, in “Japan's foreign minister expected to visit China this "
        "month” (14 Dec 2024): Japanese Foreign Minister Takeshi Iwaya is expected to visit"
    ) in fulfilled
    assert (
        "happened on 25 Dec 2024, in “Iwaya and Wang Yi hold talks in Beijing” (25 Dec 2024): "
        "Japanese Foreign Minister Takeshi Iwaya held talks with Wang Yi"
    ) in fulfilled
    overdue = out[out.index("Overdue") :]
    assert "! Preparatory talks of the two foreign ministries" in overdue
    assert "due 18 Dec 2024" in overdue and "no later article reports it" in overdue
    assert main(["expectations", "--json", "--db", str(target)]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [(e["meeting"], e["kind"]) for e in found["expectations"]] == [
        ("iwaya-wang-yi-talks-2024", "fulfilled"),
        ("preparatory-talks-tokyo-2024", "overdue"),
    ]
    talks = found["expectations"][0]
    assert talks["expected"]["article"] == "iwaya-visit-expected-2024"
    assert talks["outcome"]["article"] == "iwaya-wang-yi-talks-2024"
    assert talks["outcome"]["status"] == "happened"

"""The synthetic corpus: valid, deterministic, and shaped like a real collection of news."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from explorer.bench.corpus import generate, write_corpus
from explorer.cli import main
from explorer.data import load_files
from explorer.data.importer import parse_file


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_corpus(12, tmp_path_factory.mktemp("generated"), seed=3)


def test_generated_files_pass_explorer_check(corpus: list[Path], capsys) -> None:
    assert main(["check", *map(str, corpus)]) == 0
    assert "12 files OK: 12 articles" in capsys.readouterr().out


def test_the_command_line_writes_n_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "explorer.bench.corpus", "4", str(out), "--seed", "9"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(list(out.glob("*.yaml"))) == 4
    assert main(["check", *map(str, sorted(out.glob("*.yaml")))]) == 0


def test_each_article_has_the_shape_of_a_busy_news_story(corpus: list[Path]) -> None:
    for path in corpus:
        parsed = parse_file(path)
        assert 18 <= len(parsed.actors) <= 22
        assert len(parsed.meetings) == 8
        assert len(parsed.quotes) == 50
        kinds = Counter(q.kind for q in parsed.quotes)
        assert kinds["direct"] and kinds["paraphrase"] and kinds["reported"]
        assert {m.status for m in parsed.meetings} >= {"happened"}
        # Every direct quote is verbatim in the body; every excerpt located.
        for quote in parsed.quotes:
            assert quote.spans, quote.id
        for meeting in parsed.meetings:
            assert meeting.spans, meeting.id


def test_actors_are_shared_across_articles_with_one_name_and_kind(corpus: list[Path]) -> None:
    seen: dict[str, tuple[str, str]] = {}
    shared = 0
    for path in corpus:
        for actor in parse_file(path).actors:
            if actor.id in seen:
                shared += 1
                assert seen[actor.id] == (actor.name, actor.kind)
            seen[actor.id] = (actor.name, actor.kind)
    assert shared >= 20, "popular actors appear in many articles"
    loaded = load_files(corpus)
    assert max(len(a.articles) for a in loaded.actors) >= 6


def test_dates_spread_over_years(corpus: list[Path]) -> None:
    loaded = load_files(corpus)
    assert len({a.published.year for a in loaded.articles}) >= 5
    precisions = {m.when.precision for m in loaded.meetings if m.when}
    assert {p.value for p in precisions} == {"day", "month", "year"}


def test_word_frequencies_fall_off_like_a_real_corpus(corpus: list[Path]) -> None:
    words = Counter(
        word.lower()
        for article in load_files(corpus).articles
        for word in article.body.replace("“", " ").replace("”", " ").split()
    )
    ranked = [count for _, count in words.most_common()]
    assert words.most_common(1)[0][0] == "the"
    assert ranked[0] > 5 * ranked[50] > 0, "a few words are very common"
    assert sum(1 for c in ranked if c == 1) > len(ranked) / 4, "a long tail of rare words"


def test_the_same_seed_gives_the_same_files_and_corpora_nest() -> None:
    assert list(generate(3, seed=5)) == list(generate(3, seed=5))
    assert list(generate(3, seed=5)) != list(generate(3, seed=6))
    assert list(generate(5, seed=5))[:3] == list(generate(3, seed=5))

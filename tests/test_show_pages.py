"""`explorer show` prints the first `--limit` of each list of an item and says how many more
there are; `--all` and `--json` print every one. What a user reading at a terminal sees."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from explorer.bench.corpus import write_corpus
from explorer.cli import main
from explorer.data import import_files
from explorer.data.corpus import Corpus
from explorer.data.store import load_database_file

FOOTER = "Each list shows its first 3: add --all to print every one, or --limit N."


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    path = folder / "db.json"
    import_files(write_corpus(12, folder / "articles"), path)
    return path


@pytest.fixture(scope="module")
def corpus(db: Path) -> Corpus:
    return Corpus(load_database_file(db))


def busiest(corpus: Corpus) -> str:
    """The actor of the most statements (many more than a page of 3)."""
    return max(corpus.actors, key=lambda a: len(corpus.quotes_by_actor.get(a, ())))


def show(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    code = main(["show", *args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def labels(lines: list[str]) -> Counter[str]:
    """How many lines of each kind of link ("  statement: …") the output has."""
    return Counter(m[1] for line in lines if (m := re.match(r"  ([a-z ]+): .*  \(\w+:", line)))


def section(lines: list[str], heading: str) -> list[str]:
    start = lines.index(heading) + 1
    end = next((n for n in range(start, len(lines)) if not lines[n].startswith("  ")), len(lines))
    return lines[start:end]


def test_each_list_shows_its_first_lines_and_counts_the_rest(
    capsys: pytest.CaptureFixture[str], db: Path, corpus: Corpus
) -> None:
    actor = busiest(corpus)
    code, every, _ = show(capsys, actor, "--all", "--db", str(db))
    assert code == 0
    code, page, err = show(capsys, actor, "--limit", "3", "--db", str(db))
    assert (code, err) == (0, "")
    statements = len(corpus.quotes_by_actor[actor])
    assert statements > 3
    # The heading and fields as --all prints them, the articles cut to three.
    articles = corpus.actors[actor].articles
    assert len(articles) > 3
    assert page[0] == every[0]
    assert f"  articles: {', '.join(articles[:3])}, … ({len(articles):,} articles)" in page
    # The first three of each kind of link, in the order --all prints them.
    related, related_all = section(page, "Related"), section(every, "Related")
    for label in labels(every):
        shown = [line for line in related if line.startswith(f"  {label}: ")]
        assert shown == [line for line in related_all if line.startswith(f"  {label}: ")][:3]
    assert labels(page)["statement"] == 3
    assert f"  … and {statements - 3:,} more statements" in related
    # The first three sentences, and how many more.
    sentences = section(every, "In the article")
    assert section(page, "In the article") == [
        *sentences[:3],
        f"  … and {len(sentences) - 3:,} more sentences",
    ]
    assert page[-1] == FOOTER
    assert len(page) < len(every) / 3


def test_all_prints_every_statement_and_sentence(
    capsys: pytest.CaptureFixture[str], db: Path, corpus: Corpus
) -> None:
    actor = busiest(corpus)
    _, every, _ = show(capsys, actor, "--all", "--db", str(db))
    assert labels(every)["statement"] == len(corpus.quotes_by_actor[actor])
    assert len(section(every, "In the article")) == len(corpus.sentences(corpus.actors[actor].ref))
    assert not any("more" in line and line.startswith("  … and") for line in every)
    assert FOOTER not in every


def test_json_gives_everything_whatever_the_limit(
    capsys: pytest.CaptureFixture[str], db: Path, corpus: Corpus
) -> None:
    actor = busiest(corpus)
    _, whole, _ = show(capsys, actor, "--json", "--db", str(db))
    _, limited, _ = show(capsys, actor, "--json", "--limit", "2", "--db", str(db))
    assert limited == whole
    found = json.loads(whole[0])
    statements = [r["id"] for r in found["related"] if r["relation"] == "statement"]
    assert statements == list(corpus.quotes_by_actor[actor])
    assert len(found["sentences"]) == len(corpus.sentences(corpus.actors[actor].ref))


def test_an_item_under_the_limit_prints_as_with_all(
    capsys: pytest.CaptureFixture[str], db: Path, corpus: Corpus
) -> None:
    quote = next(iter(corpus.quotes))
    code, page, _ = show(capsys, quote, "--db", str(db))
    assert code == 0
    assert page == show(capsys, quote, "--all", "--db", str(db))[1]
    assert not any(line.startswith("  … and") for line in page)
    assert not any(line.startswith("Each list shows") for line in page)


@pytest.mark.parametrize("value", [str(2**63 - 1), "9" * 30])
def test_a_limit_beyond_any_list_prints_as_all(
    capsys: pytest.CaptureFixture[str], db: Path, corpus: Corpus, value: str
) -> None:
    actor = busiest(corpus)
    code, page, err = show(capsys, actor, "--limit", value, "--db", str(db))
    assert (code, err) == (0, "")
    assert page == show(capsys, actor, "--all", "--db", str(db))[1]


@pytest.mark.parametrize("value", ["0", "-3", "x", "2.5", ""])
def test_a_bad_limit_is_one_clear_message(
    capsys: pytest.CaptureFixture[str], db: Path, corpus: Corpus, value: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["show", busiest(corpus), "--limit", value, "--db", str(db)])
    out, err = capsys.readouterr()
    assert exited.value.code == 2
    assert out == ""
    assert f"argument --limit: expected a whole number of 1 or more, not {value!r}" in err
    assert "Traceback" not in err


def test_limit_and_all_together_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], db: Path, corpus: Corpus
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["show", busiest(corpus), "--limit", "3", "--all", "--db", str(db)])
    assert exited.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_an_unknown_id_says_so_and_prints_nothing(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    code, out, err = show(capsys, "nobody-at-all", "--limit", "3", "--db", str(db))
    assert (code, out) == (1, [])
    assert err.strip().startswith("explorer: no actor, meeting or quote with id 'nobody-at-all'")


@pytest.mark.parametrize("everything", ["--all", "--json"])
def test_all_found_damaged_midway_prints_each_line_once(
    capsys: pytest.CaptureFixture[str],
    db: Path,
    corpus: Corpus,
    monkeypatch: pytest.MonkeyPatch,
    everything: str,
) -> None:
    """--all and --json print as they read; when the index fails after the links are
    printed, it is rebuilt and the rest follows, nothing printed twice."""
    from explorer.data import index

    actor = busiest(corpus)
    _, every, _ = show(capsys, actor, everything, "--db", str(db))
    original = index.IndexedCorpus.sentence_batches
    failed: list[bool] = []

    def fails_once(self: index.IndexedCorpus, ref: Any) -> Any:
        if not failed:
            failed.append(True)
            raise index.IndexUnusable("damaged")
        return original(self, ref)

    monkeypatch.setattr(index.IndexedCorpus, "sentence_batches", fails_once)
    code, again, err = show(capsys, actor, everything, "--db", str(db))
    assert failed
    assert (code, err) == (0, "")
    assert again == every


def test_plain_lines_are_what_rich_would_write(tmp_path: Path) -> None:
    """Piped, the lines are made as text, not Rich Text: the same characters come out for
    markup-like names, tabs, CJK and emoji."""
    import io

    from rich.console import Console

    from explorer.commands.common import print_lines
    from explorer.commands.show import _CUT, item_batches, item_lines
    from explorer.data.sources import corpus_from_files
    from tests.articles import VALID, mutate, write

    text = mutate("name: The Ministry", "name: 'The [red]Ministry[/]\t漢字 😀'")
    text = mutate(
        "    Bob Jones said the talks were useful.",
        "    Bob Jones said the talks were useful.\t[b]x[/b] 漢字 😀 for\tsure.",
        text,
    )
    assert text != VALID
    corpus = corpus_from_files([write(tmp_path, text)])
    written: dict[str, str] = {}
    for ref in [*(a.ref for a in corpus.actors.values()), *(q.ref for q in corpus.quotes.values())]:
        rich, plain = io.StringIO(), io.StringIO()
        print_lines(Console(file=rich, highlight=False, soft_wrap=True), item_lines(corpus, ref))
        made = [line for batch in item_batches(corpus, ref, plain=True) for line in batch]
        print_lines(
            Console(file=plain, highlight=False, soft_wrap=True),
            [line for line in made if line is not _CUT],
        )
        assert plain.getvalue() == rich.getvalue(), ref
        written[ref.id] = plain.getvalue()
    # The markup-like name is printed as it is, its tab expanded; so is the sentence.
    assert "member of: The [red]Ministry[/] " in written["alice-smith"]
    assert "[b]x[/b] 漢字 😀" in written["bob-jones"]
    assert "\t" not in "".join(written.values())

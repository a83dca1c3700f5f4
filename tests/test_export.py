"""`explorer export`: JSON that imports back, CSV for spreadsheets, a Markdown briefing and a
Graphviz graph, of the whole corpus, one article, or what a search matches."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from explorer.bench.corpus import write_corpus
from explorer.cli import main
from explorer.data import DataError, Loaded, corpus_from_files, load_files, open_corpus
from explorer.data.export import CSV_COLUMNS, render, select
from explorer.data.incremental import import_corpus
from tests.articles import VALID, mutate, write
from tests.test_corpus_import import SECOND

HOSTILE_NAME = 'Bob "B\\ob" [click](http://e.example) <b>x</b> | *j* {y} =1+1'


@pytest.fixture
def corpus_files(tmp_path: Path, seed_paths: list[Path]) -> list[Path]:
    """The seed, two hand-written articles sharing an actor, and three generated ones."""
    return [
        *seed_paths,
        write(tmp_path, VALID, "first.yaml"),
        write(tmp_path, SECOND, "second.yaml"),
        *write_corpus(3, tmp_path / "generated", seed=11),
    ]


@pytest.fixture
def database(corpus_files: list[Path], tmp_path: Path) -> Path:
    db = tmp_path / "corpus.json"
    import_corpus(corpus_files, db)
    return db


def without_files(loaded: Loaded) -> tuple:
    """A model as the export keeps it: `Article.file` names where it was imported from."""
    return (
        [dataclasses.replace(a, file=None) for a in loaded.articles],
        loaded.actors,
        loaded.meetings,
        loaded.quotes,
        [[item.spans for item in items] for items in (loaded.actors, loaded.meetings)],
        [q.spans for q in loaded.quotes],
    )


def test_the_json_export_reimports_to_the_same_model(
    corpus_files: list[Path], database: Path, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "export.json"
    assert main(["export", "--format", "json", "--db", str(database), "--out", str(out)]) == 0
    assert "as json to" in capsys.readouterr().out
    assert without_files(load_files([out])) == without_files(load_files(corpus_files))

    again = tmp_path / "again.json"
    assert main(["import", str(out), "--db", str(again)]) == 0
    args = ["export", "--format", "json", "--db", str(again), "--out", str(tmp_path / "2.json")]
    assert main(args) == 0
    second = json.loads((tmp_path / "2.json").read_text(encoding="utf-8"))
    assert second == json.loads(out.read_text(encoding="utf-8")), "an export is a fixed point"


def test_one_article_exports_on_its_own_and_imports_alone(database: Path, tmp_path: Path) -> None:
    out = tmp_path / "one.json"
    args = ["export", "--db", str(database), "--article", "second-article", "--out", str(out)]
    assert main(args) == 0
    loaded = load_files([out])
    assert [a.id for a in loaded.articles] == ["second-article"]
    assert {q.id for q in loaded.quotes} == {"carol-well", "alice-agreed-again"}
    assert {a.id for a in loaded.actors} == {"alice-smith", "carol-white"}


def test_a_broken_export_is_reported_with_lines_in_the_export(
    database: Path, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "export.json"
    assert (
        main(["export", "--db", str(database), "--article", "test-article", "--out", str(out)]) == 0
    )
    capsys.readouterr()
    text = out.read_text(encoding="utf-8").replace('"status": "happened"', '"status": "maybe"')
    out.write_text(text, encoding="utf-8")
    line = text[: text.index('"maybe"')].count("\n") + 1
    with pytest.raises(DataError) as failure:
        load_files([out])
    assert [(p.file, p.line) for p in failure.value.problems] == [(str(out), line)]
    assert "'maybe' is not one of" in failure.value.problems[0].message


def test_csv_has_a_header_and_one_row_per_item(database: Path, tmp_path: Path, capsys) -> None:
    assert main(["export", "--format", "csv", "--db", str(database)]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert tuple(rows[0]) == CSV_COLUMNS
    corpus = open_corpus(database)
    body = rows[1:]
    assert len(body) == len(corpus.actors) + len(corpus.meetings) + len(corpus.quotes)
    by_kind = {kind: [r for r in body if r[0] == kind] for kind in ("actor", "meeting", "quote")}
    assert {r[1] for r in by_kind["actor"]} == set(corpus.actors)
    assert {r[1] for r in by_kind["meeting"]} == set(corpus.meetings)
    assert {r[1] for r in by_kind["quote"]} == set(corpus.quotes)
    alice = next(r for r in by_kind["actor"] if r[1] == "alice-smith")
    assert alice[CSV_COLUMNS.index("articles")] == "test-article; second-article"
    agreed = next(r for r in by_kind["quote"] if r[1] == "alice-agreed")
    assert agreed[CSV_COLUMNS.index("sentence")] == '"We agreed on everything," said Alice Smith.'
    assert all(len(r) == len(CSV_COLUMNS) for r in body)


def hostile_corpus(tmp_path: Path) -> list[Path]:
    text = mutate("name: Bob Jones", f"name: '{HOSTILE_NAME.replace(chr(39), chr(39) * 2)}'")
    text = text.replace("title: Talks in Paris", 'title: "Talks\\nin \\"Paris\\" \\\\N"')
    return [write(tmp_path, text, "hostile.yaml")]


def test_csv_never_hands_a_spreadsheet_a_formula(tmp_path: Path) -> None:
    corpus = corpus_from_files(hostile_corpus(tmp_path))
    rows = list(csv.reader(io.StringIO(render(select(corpus), "csv"))))
    bob = next(r for r in rows if r[1] == "bob-jones")
    assert bob[2] == HOSTILE_NAME, "text is kept as it is, commas and quotes included"
    text = mutate("name: Bob Jones", "name: '=HYPERLINK(\"http://e.example\")'")
    corpus = corpus_from_files([write(tmp_path, text, "formula.yaml")])
    rows = list(csv.reader(io.StringIO(render(select(corpus), "csv"))))
    assert next(r for r in rows if r[1] == "bob-jones")[2].startswith("'=HYPERLINK")


@pytest.mark.skipif(
    shutil.which("dot") is None and not os.environ.get("EXPLORER_REQUIRE_DOT"),
    reason="Graphviz's dot is not installed (CI installs it and sets EXPLORER_REQUIRE_DOT)",
)
@pytest.mark.parametrize("which", ["corpus", "hostile"])
def test_dot_output_is_valid_for_graphviz(
    which: str, database: Path, tmp_path: Path, capsys
) -> None:
    hostile = corpus_from_files(hostile_corpus(tmp_path)) if which == "hostile" else None
    if hostile is None:
        assert main(["export", "--format", "dot", "--db", str(database)]) == 0
        text = capsys.readouterr().out
    else:
        text = render(select(hostile), "dot")
    result = subprocess.run(
        ["dot", "-Tjson"], input=text, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr
    graph = json.loads(result.stdout)
    # Graphviz reports labels as written (escString): undo the escapes to compare.
    labels = {
        re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), node["label"])
        for node in graph.get("objects", [])
    }
    if hostile is not None:
        assert HOSTILE_NAME in labels, "names reach Graphviz literally"
        assert 'Talks\nin "Paris" \\N\n13 Jan 2025 · happened' in labels
        assert len(graph["objects"]) == len(hostile.actors) + len(hostile.meetings)
    else:
        assert "Alice Smith" in labels and "Talks in Rome\n28 Feb 2025 · happened" in labels


def test_markdown_briefing_has_actors_timeline_and_each_quote_with_its_sentence(
    database: Path, capsys
) -> None:
    assert main(["export", "--format", "markdown", "--db", str(database)]) == 0
    text = capsys.readouterr().out
    for heading in ("## Articles", "## Actors", "### People", "## Timeline", "## Quotes"):
        assert heading in text
    assert "> “We agreed on everything,”" in text
    assert 'In the article: "**We agreed on everything,**" said Alice Smith.' in text
    timeline = text[text.index("## Timeline") : text.index("## Quotes")]
    assert timeline.index("13 Jan 2025") < timeline.index("28 Feb 2025"), "in date order"


def test_markdown_shows_hostile_text_literally(tmp_path: Path) -> None:
    text = render(select(corpus_from_files(hostile_corpus(tmp_path))), "markdown")
    assert "[click](http" not in text and "<b>" not in text
    assert "\\[click\\](http://e.example) &lt;b&gt;x&lt;/b&gt; \\| \\*j\\*" in text


def test_query_exports_only_matching_quotes_and_their_speakers(database: Path, capsys) -> None:
    args = ["export", "--format", "json", "--db", str(database), "--query", "agreed everything"]
    assert main(args) == 0
    export = json.loads(capsys.readouterr().out)
    assert export["view"] == {"query": "agreed everything"}
    [article] = export["articles"]
    assert [q["id"] for q in article["quotes"]] == ["alice-agreed"]
    assert {a["id"] for a in article["actors"]} == {"alice-smith", "bob-jones"}
    assert [m["id"] for m in article["meetings"]] == ["paris-talks"]

    assert main(["export", "--format", "csv", "--db", str(database), "--query", "zqxj"]) == 1
    assert "no quote matches 'zqxj'" in capsys.readouterr().err


def test_usage_mistakes_are_one_clear_message(database: Path, tmp_path: Path, capsys) -> None:
    assert main(["export", "--db", str(database)]) == 2
    assert "choose a format" in capsys.readouterr().err
    # An id that names nothing is "nothing found", as for `explorer show`.
    assert main(["export", "--format", "json", "--db", str(database), "--article", "second"]) == 1
    err = capsys.readouterr().err
    assert "no article with id 'second'" in err and "second-article" in err
    assert main(["export", "--format", "csv", "--db", str(database), "--out", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err
    missing = tmp_path / "no" / "such.csv"
    assert main(["export", "--db", str(database), "--out", str(missing)]) == 2
    assert "no such directory" in capsys.readouterr().err
    assert "Traceback" not in capsys.readouterr().err


def test_out_infers_the_format_and_replaces_the_file_atomically(
    database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "briefing.md"
    out.write_text("old briefing", encoding="utf-8")
    assert main(["export", "--db", str(database), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Briefing: all ")

    from explorer.data import atomic

    def failing_replace(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", failing_replace)
    before = out.read_bytes()
    assert main(["export", "--db", str(database), "--out", str(out), "--format", "csv"]) == 2
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []

"""Files added after those of the last import are imported by adding their rows to a copy of
the database (the shared actors' rows joined in place), not by merging every file again; the
result is exactly that of a fresh import, and anything the splice cannot be sure of runs the
whole import instead."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from explorer.bench.corpus import write_corpus
from explorer.cli import main
from explorer.data import incremental
from explorer.data.index import open_index
from tests.index_view import patched, same_answers
from tests.test_import_incremental import _import, _index_rows


@pytest.fixture
def corpus(tmp_path: Path) -> list[Path]:
    return write_corpus(9, tmp_path / "articles", 5)


@pytest.fixture
def appended(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each import took the path that adds rows (True) or ran whole (False)."""
    taken: list[bool] = []
    real = incremental._import_appended

    def spy(*args: Any, **kwargs: Any) -> Any:
        summary = real(*args, **kwargs)
        taken.append(summary is not None)
        return summary

    monkeypatch.setattr(incremental, "_import_appended", spy)
    return taken


def _actors(db: Path) -> dict[str, dict[str, Any]]:
    with open(db, "rb") as handle:
        return {row["id"]: row for row in json.load(handle)["actors"].values()}


def _answers(db: Path) -> dict[str, object]:
    """What a user sees through the index: searches of every kind, the lists, an actor."""
    corpus = open_index(db)
    try:
        queries = ("the", "said", '"of the"', "speaker:a", "-the", "minist", "kind:dir", "trsut")
        return {
            "search": {q: [(h.quote.id, h.match) for h in corpus.search(q).hits] for q in queries},
            "orders": {order: corpus.ids(order) for order in ("actor", "meeting", "article")},
            "timeline": corpus.ids("timeline"),
        }
    finally:
        corpus.close()


def _same_as_fresh(files: list[Path], db: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.json"
    _import(files, fresh, "--no-cache")
    assert db.read_bytes() == fresh.read_bytes()
    # The index was patched, not built again: its quote sets are stored in other numbers,
    # and it answers as the fresh one does, set for set and row for row.
    same_answers(db, fresh)
    assert _answers(db) == _answers(fresh)


@pytest.mark.parametrize("count", [1, 2], ids=["one added", "two added"])
def test_files_added_at_the_end_are_spliced_in_as_a_fresh_import_writes_them(
    count: int,
    corpus: list[Path],
    tmp_path: Path,
    appended: list[bool],
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "kept.json"
    _import(corpus[:6], db)
    before = _actors(db)
    files = corpus[: 6 + count]
    _import(files, db)
    assert appended[-1], "the rows were added, not every file merged again"
    assert f"{count} file" in capsys.readouterr().out
    after = _actors(db)
    shared = [a for a in before if after[a] != before[a]]
    assert shared, "the new articles name actors of the corpus: their rows were joined"
    assert any(len(after[a].get("roles", ())) > len(before[a].get("roles", ())) for a in shared)
    assert set(after) > set(before), "and actors of their own"
    assert patched(db), "the index was patched, not built again"
    _same_as_fresh(files, db, tmp_path)


def test_files_added_one_import_after_another_stay_as_a_fresh_import(
    corpus: list[Path], tmp_path: Path, appended: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    db = Path("kept.json")  # a relative path, as typed
    _import(corpus[:5], db)
    for end in (6, 7, 9):
        _import(corpus[:end], db)
    assert appended[-3:] == [True, True, True]
    assert patched(db)
    _same_as_fresh(corpus, db, tmp_path)


def test_a_file_added_among_the_others_is_imported_whole(
    corpus: list[Path], tmp_path: Path, appended: list[bool]
) -> None:
    db = tmp_path / "kept.json"
    _import([*corpus[:3], *corpus[4:7]], db)
    _import(corpus[:7], db)
    assert appended[-1] is False
    _same_as_fresh(corpus[:7], db, tmp_path)


def test_a_file_added_with_another_changed_is_imported_whole(
    corpus: list[Path], tmp_path: Path, appended: list[bool]
) -> None:
    db = tmp_path / "kept.json"
    _import(corpus[:6], db)
    text = corpus[1].read_text(encoding="utf-8")
    corpus[1].write_text(text.replace(" said", " stated", 1), encoding="utf-8")
    _import(corpus[:7], db)
    assert appended[-1] is False
    _same_as_fresh(corpus[:7], db, tmp_path)


def _copy_as(source: Path, target: Path, article: str, change: str = "") -> Path:
    """`source` as a new article `article` (its quote and meeting ids made its own)."""
    text = source.read_text(encoding="utf-8")
    old = re.search(r"(?m)^  id: (\S+)$", text)
    assert old is not None
    text = text.replace(old.group(1), article)
    if change == "actor renamed":
        text, count = re.subn(r'(?m)^(    name: ")', r"\1Renamed ", text, count=1)
        assert count == 1
    target.write_text(text, encoding="utf-8")
    return target


@pytest.mark.parametrize(
    "clash",
    ["an article of the corpus again", "an actor named otherwise"],
    ids=str,
)
def test_an_added_file_that_clashes_with_the_corpus_is_reported_and_changes_nothing(
    clash: str,
    corpus: list[Path],
    tmp_path: Path,
    appended: list[bool],
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "kept.json"
    _import(corpus[:6], db)
    old_db, old_rows = db.read_bytes(), _index_rows(db)
    extra = tmp_path / "extra.yaml"
    if clash == "an article of the corpus again":
        extra.write_bytes(corpus[2].read_bytes())
    else:
        _copy_as(corpus[2], extra, "story-zebra", "actor renamed")
    capsys.readouterr()
    assert main(["import", *map(str, corpus[:6]), str(extra), "--db", str(db)]) != 0
    assert appended[-1] is False
    err = capsys.readouterr().err
    assert "extra.yaml" in err and "Traceback" not in err
    assert db.read_bytes() == old_db
    assert _index_rows(db) == old_rows


def test_an_added_copy_of_an_article_under_another_id_is_spliced_in(
    corpus: list[Path], tmp_path: Path, appended: list[bool]
) -> None:
    """Every actor of the copy is one of the corpus, with the same spans again."""
    db = tmp_path / "kept.json"
    _import(corpus[:6], db)
    extra = _copy_as(corpus[2], tmp_path / "extra.yaml", "story-zebra")
    files = [*corpus[:6], extra]
    _import(files, db)
    assert appended[-1]
    _same_as_fresh(files, db, tmp_path)


class Crash(BaseException):
    """The process dying at this point."""


def test_a_crash_as_the_added_rows_are_written_leaves_the_old_pair(
    corpus: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "kept.json"
    _import(corpus[:6], db)
    old_db, old_rows, old_answers = db.read_bytes(), _index_rows(db), _answers(db)
    replace = os.replace

    def crash_rename(source: object, destination: object) -> None:
        if Path(str(destination)) == db:
            raise Crash
        replace(source, destination)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", crash_rename)
    with pytest.raises(Crash):
        main(["import", *map(str, corpus[:7]), "--db", str(db)])
    monkeypatch.undo()
    capsys.readouterr()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")], "no litter"
    assert db.read_bytes() == old_db
    assert _index_rows(db) == old_rows
    assert _answers(db) == old_answers  # answered from the old index, without a rebuild
    _import(corpus[:7], db)
    _same_as_fresh(corpus[:7], db, tmp_path)


def _outputs(db: Path, capsys: pytest.CaptureFixture[str], ids: list[str]) -> list[str]:
    """What the commands print over the database: searches (as JSON, near matches and phrases
    among them), items shown, an article exported."""
    printed = []
    commands = [
        ["search", q, "--json"]
        for q in (
            "the",
            "said the",
            '"of the"',
            "minist",
            "trsut",
            "kind:dir -the",
            "speaker:a",
            "zebrafisj",
        )
    ]
    commands += [["show", ident] for ident in ids]
    commands += [["export", "--article", ids[0], "--format=json"], ["export", "--format=json"]]
    for command in commands:
        capsys.readouterr()
        main([*command, "--db", str(db)])
        printed.append(capsys.readouterr().out)
    return printed


def test_after_files_added_the_commands_print_what_they_print_after_a_fresh_import(
    corpus: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kept.json"
    _import(corpus[:5], db)
    _import(corpus[:7], db)
    _import(corpus, db)  # twice patched: runs of both in the quote numbers
    assert patched(db)
    fresh = tmp_path / "fresh.json"
    _import(corpus, fresh, "--no-cache")
    with open(db, "rb") as handle:
        tables = json.load(handle)
    ids = [next(iter(tables[t].values()))["id"] for t in ("articles", "actors", "quotes")]
    ids.append(list(tables["articles"].values())[-1]["id"])
    assert _outputs(db, capsys, ids) == _outputs(fresh, capsys, ids)


def test_a_crash_while_the_index_is_patched_never_answers_from_a_mismatched_pair(
    corpus: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from explorer.data import index_delta
    from explorer.data.index import IndexUnusable, open_indexed

    db = tmp_path / "kept.json"
    _import(corpus[:6], db)
    old_rows = _index_rows(db)

    def crash(*args: object) -> None:
        raise Crash

    # The new database is in place, the index's patch half made when the process dies.
    monkeypatch.setattr(index_delta, "_patch_search", crash)
    with pytest.raises(Crash):
        main(["import", *map(str, corpus[:7]), "--db", str(db)])
    monkeypatch.undo()
    capsys.readouterr()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")], "no litter"
    assert _index_rows(db) == old_rows, "nothing of the patch was committed"
    with pytest.raises(IndexUnusable):
        open_index(db)  # stamped for the old database: no reader answers from it
    open_indexed(db).close()  # the first reader builds it anew
    fresh = tmp_path / "fresh.json"
    _import(corpus[:7], fresh, "--no-cache")
    assert db.read_bytes() == fresh.read_bytes()
    assert _answers(db) == _answers(fresh)


def test_an_index_that_cannot_be_patched_is_built_anew_by_the_import(
    corpus: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from explorer.data import index_delta

    db = tmp_path / "kept.json"
    _import(corpus[:5], db)
    _import(corpus[:6], db)
    assert patched(db)
    monkeypatch.setattr(index_delta, "MAX_SEGMENTS", 1)  # enough patches: compacted
    _import(corpus[:7], db)
    assert not patched(db), "built anew from the database written"
    _same_as_fresh(corpus[:7], db, tmp_path)


def test_an_import_removes_the_temporary_files_a_killed_import_left_and_no_others(
    corpus: list[Path], tmp_path: Path
) -> None:
    from explorer.data.atomic import writers_lock

    db = tmp_path / "kept.json"
    _import(corpus[:5], db)
    # What `kill -9` during an import leaves: a database and an index half written.
    stale = [tmp_path / ".kept.json.0a1b2c3d.tmp", tmp_path / ".kept.json.index.deadbeef.tmp"]
    others = [
        tmp_path / ".kept.json.notes.tmp",  # not of that making
        tmp_path / ".other.json.0a1b2c3d.tmp",  # another database's
        tmp_path / "kept.json.0a1b2c3d.tmp",
    ]
    for path in [*stale, *others]:
        path.write_bytes(b"half written")
    with writers_lock(db) as alone:
        assert alone
        with writers_lock(db, shared=True) as shared:
            assert not shared, "a reader building the index does not share an import's lock"
    _import(corpus[:6], db)
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in others)
    _same_as_fresh(corpus[:6], db, tmp_path)


def _reword(path: Path, old: str, new: str, nth: int = 0) -> None:
    """A word of one direct quote changed, in the quote and the body alike (the quote stays
    verbatim there), as a user corrects one."""
    text = path.read_text(encoding="utf-8")
    quotes = [q for q in re.findall(r'(?m)^    text: "(.*)"$', text) if f" {old} " in q]
    quoted = quotes[nth]
    path.write_text(text.replace(quoted, quoted.replace(f" {old} ", f" {new} ", 1)), "utf-8")


@pytest.mark.parametrize(
    "steps",
    [
        ["reword"],
        ["reword", "reword again"],
        ["add", "reword"],
        ["reword", "add"],
    ],
    ids=lambda steps: " then ".join(steps),
)
def test_a_quote_reworded_patches_the_index_as_a_fresh_import_builds_it(
    steps: list[str], corpus: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kept.json"
    files = corpus[:6]
    _import(files, db)
    for step in steps:
        if step == "add":
            files = corpus[:7]
        elif step == "reword":
            _reword(files[2], "the", "zebrafish")  # a word new to the corpus
        else:
            _reword(files[4], "of", "abaft", nth=1)
        _import(files, db)
        assert patched(db), f"{step}: the index was patched, not built again"
    _same_as_fresh(files, db, tmp_path)
    fresh = tmp_path / "fresh.json"
    with open(db, "rb") as handle:
        tables = json.load(handle)
    ids = [next(iter(tables[t].values()))["id"] for t in ("articles", "actors", "quotes")]
    assert _outputs(db, capsys, ids) == _outputs(fresh, capsys, ids)


def test_a_word_reworded_away_leaves_the_vocabulary_and_near_matches(
    corpus: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kept.json"
    files = corpus[:6]
    _import(files, db)
    _reword(files[2], "the", "zebrafish")
    _import(files, db)
    _reword(files[2], "zebrafish", "the")  # the word again held by no quote
    _import(files, db)
    assert patched(db)
    fresh = tmp_path / "fresh.json"
    _import(files, fresh, "--no-cache")
    same_answers(db, fresh)
    for query in ("zebrafish", "zebrafisj", "zebra"):
        capsys.readouterr()
        main(["search", query, "--json", "--db", str(db)])
        kept = capsys.readouterr().out
        main(["search", query, "--json", "--db", str(fresh)])
        assert kept == capsys.readouterr().out, query

"""An edit of what search or the lists derive things from (a quote's words or kind, a
meeting's date, the order of an article's quotes) is written by replacing the article's rows
in a copy of the database, without every file being merged again; the index is built anew.
The result is exactly that of a fresh import."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from explorer.bench.corpus import write_corpus
from explorer.data import incremental
from explorer.data.index import index_path_for, open_index
from tests.index_view import patched, same_index
from tests.test_import_append import _answers
from tests.test_import_incremental import _import


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    return write_corpus(6, tmp_path / "articles", 5)


@pytest.fixture
def merges(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many articles each whole merge of the corpus joined."""
    counted: list[int] = []
    real = incremental._merge

    def spy(metas: Any, *args: Any, **kwargs: Any) -> Any:
        counted.append(len(metas))
        return real(metas, *args, **kwargs)

    monkeypatch.setattr(incremental, "_merge", spy)
    return counted


def _quote_texts(path: Path) -> list[str]:
    return re.findall(r'(?m)^    text: "(.*)"$', path.read_text(encoding="utf-8"))


def _edit(path: Path, edit: str) -> None:
    text = path.read_text(encoding="utf-8")
    if edit == "quote words":  # in the body and the quote alike, so it stays verbatim
        quoted = next(q for q in _quote_texts(path) if " the " in q)
        changed = text.replace(quoted, quoted.replace(" the ", " zebra ", 1))
    elif edit == "quote kind":
        changed = text.replace("    kind: reported\n", "    kind: paraphrase\n", 1)
    else:  # "two files": a quote's words here, a kind in the other
        _edit(path, "quote words")
        return
    assert changed != text
    path.write_text(changed, encoding="utf-8")


@pytest.mark.parametrize("edit", ["quote words", "quote kind", "two files"], ids=str)
def test_an_edit_of_a_quote_replaces_its_rows_and_patches_the_index_as_a_fresh_import(
    edit: str, files: list[Path], tmp_path: Path, merges: list[int]
) -> None:
    db = tmp_path / "kept.json"
    _import(files, db)
    index_before = index_path_for(db).stat().st_ino
    _edit(files[2], edit)
    if edit == "two files":
        _edit(files[4], "quote kind")
    merges.clear()
    _import(files, db)
    assert merges == [], "the rows were replaced, the corpus not merged again"
    assert index_path_for(db).stat().st_ino == index_before, "the index was patched in place"
    assert patched(db), "its quote search too"
    fresh = tmp_path / "fresh.json"
    _import(files, fresh, "--no-cache")
    assert db.read_bytes() == fresh.read_bytes()
    same_index(db, fresh)
    assert _answers(db) == _answers(fresh)
    if edit != "quote kind":
        assert open_index(db).search("zebra").hits, "the new words are found"


def test_an_edit_of_an_actor_is_merged_whole(
    files: list[Path], tmp_path: Path, merges: list[int]
) -> None:
    db = tmp_path / "kept.json"
    _import(files, db)
    text = files[2].read_text(encoding="utf-8")
    changed, count = re.subn(r'(?m)^(    role: ")', r"\1acting ", text, count=1)
    assert count == 1
    files[2].write_text(changed, encoding="utf-8")
    merges.clear()
    _import(files, db)
    assert merges == [len(files)]
    fresh = tmp_path / "fresh.json"
    _import(files, fresh, "--no-cache")
    assert db.read_bytes() == fresh.read_bytes()
    same_index(db, fresh)

"""An edit of an article's own row (its title, source, url) is re-imported by patching the
database and its index in place; the result is exactly that of a fresh import, and a crash at
any step leaves a pair that never answers wrongly."""

from __future__ import annotations

import itertools
import os
import re
from pathlib import Path

import pytest

from explorer.bench.corpus import write_corpus
from explorer.cli import main
from explorer.data.corpus import Corpus
from explorer.data.index import IndexUnusable, index_path_for, open_index, open_indexed
from explorer.data.models import Span
from explorer.data.store import load_database_file
from tests.index_view import same_index
from tests.test_import_incremental import _import, _index_rows


def _retitle(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(r'(?m)^  title: ".*"$', f'  title: "{title}"', text, count=1)
    assert count == 1
    path.write_text(changed, encoding="utf-8")


def _answers(db: Path, article: str) -> dict[str, object]:
    """What a user sees of the corpus through its index."""
    corpus = open_index(db)
    try:
        queries = ("the", "said", '"of the"', "article:zebra", "article:quartz", "article:story")
        heads = corpus.article_heads()
        return {
            "search": {q: [h.quote.id for h in corpus.search(q).hits] for q in queries},
            "title": corpus.articles[article].title,
            "source": corpus.articles[article].source,
            "heads": heads,
            "articles": corpus.ids("article"),
            "timeline": corpus.ids("timeline"),
            "related": sorted(str(r) for r in corpus.items_in_article[article]),
            "spans": [(span, str(ref)) for span, ref in corpus.spans_in(article)],
            "sentences": {
                str(ref): [(a.id, span) for a, span in corpus.sentences(ref)]
                for ref in corpus.items_in_article[article]
            },
        }
    finally:
        corpus.close()


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    return write_corpus(6, tmp_path / "articles", 5)


@pytest.mark.parametrize(
    "edit",
    [
        "title",
        "shared title",
        "unshared title",
        "source",
        "body",
        "two bodies",
        "two files",
        "title back",
    ],
    ids=str,
)
def test_an_edit_of_an_article_row_patches_the_pair_as_a_fresh_import_writes_it(
    edit: str, files: list[Path], tmp_path: Path
) -> None:
    db = tmp_path / "kept.json"
    _import(files, db)
    index_before = index_path_for(db).stat()
    article = "story-00003"
    if edit == "title":
        _retitle(files[2], "Zebra quartz summit")
    elif edit in ("shared title", "unshared title"):  # another's name: names renumbered
        other = re.search(r'(?m)^  title: "(.*)"$', files[4].read_text(encoding="utf-8"))
        assert other is not None
        _retitle(files[2], other.group(1))
        if edit == "unshared title":
            _import(files, db)
            _retitle(files[2], "Zebra quartz summit")
    elif edit == "source":
        text = files[2].read_text(encoding="utf-8")
        files[2].write_text(
            re.sub(r'(?m)^  source: ".*"$', '  source: "Zebra Wire"', text, count=1),
            encoding="utf-8",
        )
    elif edit in ("body", "two bodies"):  # a word before the spans: every span after it moves
        # Two bodies: the actors both articles name have both runs of spans moved.
        for path in files[2:3] if edit == "body" else (files[0], files[2]):
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace(" said", " stated", 1), encoding="utf-8")
    elif edit == "two files":
        _retitle(files[2], "Zebra quartz summit")
        _retitle(files[0], "Quartz [bold]markup[/] 東京 🦓")
    else:  # a title changed, imported, then changed again
        _retitle(files[2], "Zebra quartz summit")
        _import(files, db)
        _retitle(files[2], "Quartz talks resume")
    _import(files, db)
    assert index_path_for(db).stat().st_ino == index_before.st_ino, "patched, not rebuilt"
    fresh = tmp_path / "fresh.json"
    _import(files, fresh, "--no-cache")
    assert db.read_bytes() == fresh.read_bytes()
    same_index(db, fresh)
    assert _answers(db, article) == _answers(fresh, article)
    if edit in ("title", "two files"):
        assert open_index(db).articles[article].title == "Zebra quartz summit"
        assert open_index(db).search("article:zebra").hits


def test_two_sentences_joined_count_their_actor_one_sentence_fewer(
    files: list[Path], tmp_path: Path
) -> None:
    """A body edit that joins two sentences naming one actor moves no span, but the actor's
    count of sentences (stored at import) goes down by one, as a fresh import counts it."""
    db = tmp_path / "kept.json"
    _import(files, db)
    corpus = Corpus(load_database_file(db))
    body = corpus.articles["story-00003"].body
    text = files[2].read_text(encoding="utf-8")
    joined = next(
        body[a.sentence_start : a.sentence_end]
        for actor in corpus.actors.values()
        for a, b in itertools.pairwise(
            sorted({s for s in actor.spans if s.article == "story-00003"}, key=_sentence)
        )
        if a.sentence_end + 1 == b.sentence_start
        and body[a.sentence_end - 1] == "."
        # not a meeting's evidence, which must stand in the body as it is
        and text.count(body[a.sentence_start : a.sentence_end]) == 1
    )
    assert text.count(joined + " ") == 1
    files[2].write_text(text.replace(joined + " ", joined[:-1] + "; "), encoding="utf-8")
    _import(files, db)
    fresh = tmp_path / "fresh.json"
    _import(files, fresh, "--no-cache")
    assert db.read_bytes() == fresh.read_bytes()
    same_index(db, fresh)
    for actor in Corpus(load_database_file(fresh)).actors.values():
        ref = actor.ref
        assert open_index(db).sentence_count(ref) == open_index(fresh).sentence_count(ref)


def _sentence(span: Span) -> tuple[int, int]:
    return (span.sentence_start, span.sentence_end)


def test_an_edit_of_what_search_finds_is_patched_in_place_as_a_fresh_import_builds_it(
    files: list[Path], tmp_path: Path
) -> None:
    """A quote's kind changed (and its article retitled): the quote search is patched too
    (`index_delta.reword_quotes`), in the same file, not built anew."""
    db = tmp_path / "kept.json"
    _import(files, db)
    index_before = index_path_for(db).stat()
    _retitle(files[2], "Zebra quartz summit")
    text = files[2].read_text(encoding="utf-8")
    assert "    kind: reported\n" in text
    files[2].write_text(
        text.replace("    kind: reported\n", "    kind: paraphrase\n", 1), encoding="utf-8"
    )
    _import(files, db)
    assert index_path_for(db).stat().st_ino == index_before.st_ino
    fresh = tmp_path / "fresh.json"
    _import(files, fresh, "--no-cache")
    assert db.read_bytes() == fresh.read_bytes()
    same_index(db, fresh)


class Crash(BaseException):
    """The process dying at this point."""


@pytest.mark.parametrize("step", ["database", "patch"])
def test_a_crash_while_an_article_row_is_patched_never_answers_wrongly(
    step: str,
    files: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Dying as the database is renamed leaves the old pair, answering as before without a
    rebuild; dying half way through the index's patch (the new database in place) leaves the
    index as it was (SQLite rolls the patch back), stamped for the old file: never answered
    from, rebuilt for the new one."""
    from explorer.data import index_patch

    db = tmp_path / "kept.json"
    _import(files, db)
    old_db, old_title = db.read_bytes(), open_index(db).articles["story-00003"].title
    old_rows = _index_rows(db)
    _retitle(files[2], "Zebra quartz summit")
    if step == "patch":

        def crash(*args: object) -> object:
            raise Crash

        monkeypatch.setattr(index_patch, "_head_rows", crash)  # after the items are written
    else:
        replace = os.replace

        def crash_rename(source: object, destination: object) -> None:
            if Path(str(destination)) == db:
                raise Crash
            replace(source, destination)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "replace", crash_rename)
    with pytest.raises(Crash):
        main(["import", *map(str, files), "--db", str(db)])
    monkeypatch.undo()
    capsys.readouterr()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")], "no litter"
    assert _index_rows(db) == old_rows
    fresh = tmp_path / "fresh.json"
    _import(files, fresh, "--no-cache")
    if step == "database":
        assert db.read_bytes() == old_db
        assert open_index(db).articles["story-00003"].title == old_title  # no rebuild needed
    else:
        assert db.read_bytes() == fresh.read_bytes()
        with pytest.raises(IndexUnusable):
            open_index(db)
        assert open_indexed(db).articles["story-00003"].title == "Zebra quartz summit"
    _import(files, db)
    assert db.read_bytes() == fresh.read_bytes()
    same_index(db, fresh)
    assert open_index(db).articles["story-00003"].title == "Zebra quartz summit"

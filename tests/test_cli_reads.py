"""The commands that answer one question (search, show, export of one article) read only what
they print from the index: never the whole database, never a whole table, and a few queries
however many hits they print. Each answer is the one the whole corpus in memory gives."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from explorer.bench.corpus import write_corpus
from explorer.cli import main
from explorer.data import import_files
from explorer.data.corpus import Corpus
from explorer.data.store import load_database_file


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reads")
    path = folder / "db.json"
    import_files(write_corpus(30, folder / "articles"), path)
    return path


def _forbidden(*_: Any, **__: Any) -> Any:
    raise AssertionError("the whole corpus was read to answer one question")


@contextlib.contextmanager
def counting_queries() -> Iterator[list[str]]:
    """Every SQL statement the index is asked, while whole reads fail the test."""
    from explorer.data import index

    asked: list[str] = []
    patch = pytest.MonkeyPatch()
    for name in ("one", "all", "stream"):
        original = getattr(index._Reader, name)

        def counted(self: Any, sql: str, *args: Any, _original: Any = original) -> Any:
            asked.append(sql)
            return _original(self, sql, *args)

        patch.setattr(index._Reader, name, counted)
    for target in ("__iter__", "values", "items"):
        patch.setattr(index._Table, target, _forbidden)
    patch.setattr(index._Links, "__iter__", _forbidden)
    patch.setattr("explorer.data.store.load_database_file", _forbidden)
    patch.setattr("explorer.data.index.IndexedCorpus.all", _forbidden)
    try:
        yield asked
    finally:
        patch.undo()


def in_memory(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands answer from the database read whole into memory (the reference)."""
    loaded = load_database_file(db)
    monkeypatch.setattr("explorer.data.sources.open_indexed_corpus", lambda _path: Corpus(loaded))


def answer(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def reference(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    with pytest.MonkeyPatch.context() as patch:
        in_memory(db, patch)
        return answer(capsys, *args)


@pytest.mark.parametrize("as_json", [False, True])
def test_search_reads_only_the_hits_it_prints(
    capsys: pytest.CaptureFixture[str], db: Path, as_json: bool
) -> None:
    args = ["search", "the", "--db", str(db), *(["--json"] if as_json else [])]
    expected = reference(capsys, db, *args)
    with counting_queries() as asked:
        got = answer(capsys, *args)
    assert got == expected
    shown = len(got[1].splitlines()) // (1 if as_json else 2)
    assert shown > 100  # many hits, each with speakers, an article and perhaps a meeting
    # One question for each kind of thing shown (and the engine's own), not one per hit.
    assert len(asked) < 30, asked


def test_search_limit_reads_only_the_hits_shown(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    args = ["search", "the", "--limit", "3", "--db", str(db)]
    expected = reference(capsys, db, *args)
    with counting_queries():
        got = answer(capsys, *args)
    assert got == expected
    assert len(got[1].splitlines()) == 6 and "3 of " in got[2]


def test_piped_lines_are_what_rich_would_write(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Piped output skips Rich's layout: the same characters come out, tabs expanded to the
    same columns, wide characters and markup-like text as they are."""
    import io

    from rich.console import Console
    from rich.text import Text

    from explorer.commands.common import print_lines

    texts = ["a\tb", "漢字\tx", "[bold]no markup[/]", "trail  ", "two\nlines\tz", "", "😀\t!"]
    lines = [Text(t, style="cyan") for t in texts]
    lines[0].stylize("bold reverse", 0, 1)
    rich_out = io.StringIO()
    Console(file=rich_out, highlight=False, soft_wrap=True).print(
        Text("\n").join(lines), soft_wrap=True
    )
    ours = io.StringIO()
    print_lines(Console(file=ours, highlight=False, soft_wrap=True), lines)
    assert ours.getvalue() == rich_out.getvalue()
    assert "\t" not in ours.getvalue()
    # Lines given as str come out as Text(str) would: control codes out, tabs expanded.
    strings = ["bell\x07 here", "a\x0bb\x0cc\rd", "\tx", *texts]
    rich_out = io.StringIO()
    Console(file=rich_out, highlight=False, soft_wrap=True).print(
        Text("\n").join(Text(t) for t in strings), soft_wrap=True
    )
    ours = io.StringIO()
    print_lines(Console(file=ours, highlight=False, soft_wrap=True), strings)
    assert ours.getvalue() == rich_out.getvalue()


def test_an_index_without_heads_answers_the_same(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    """An index written before names and titles had a table of their own answers from the
    items' rows: the same lines, the same lists."""
    import shutil
    import sqlite3

    from explorer.data.index import index_path_for, open_index

    old = tmp_path / "old.json"
    shutil.copy2(db, old)
    shutil.copy2(index_path_for(db), index_path_for(old))
    with contextlib.closing(sqlite3.connect(index_path_for(old))) as con:
        con.execute("DROP TABLE heads")
        con.commit()
    new_index, old_index = open_index(db), open_index(old)
    try:
        assert not old_index._reader.has_heads and new_index._reader.has_heads
        assert old_index.article_heads() == new_index.article_heads()
        assert old_index.actor_keys() == new_index.actor_keys()
        actors = [ident for ident, _, _ in new_index.actor_keys()]
        assert old_index.actor_names(actors) == new_index.actor_names(actors)
        assert [old_index.actor_name(a) for a in actors] == [
            new_index.actor_name(a) for a in actors
        ]
        meetings = new_index.ids("meeting")
        assert old_index.meeting_titles(meetings) == new_index.meeting_titles(meetings)
    finally:
        new_index.close()
        old_index.close()
    for args in (["search", "the", "--json"], ["search", "the"]):
        assert answer(capsys, *args, "--db", str(old)) == answer(capsys, *args, "--db", str(db))


def _typed(db: Path) -> list[str]:
    """Ids, names, words and typos of the corpus's items, as a user might type them."""
    corpus = Corpus(load_database_file(db))
    actor = next(
        a
        for a in corpus.actors.values()
        if a.aliases and "-" in a.id and a.id.split("-")[-1] not in corpus.actors
    )
    meeting = next(iter(corpus.meetings.values()))
    quote = list(corpus.quotes)[7]
    word = actor.id.split("-")[-1]
    return [
        actor.name.upper(),
        actor.aliases[0],
        f"actor:{word}",
        word,
        word[:2] + word[3:],  # a letter dropped
        meeting.title,
        f"meeting:{meeting.id}x",
        quote + "9",
        quote.replace("-", " "),
        "quote:" + quote[1:],
        "zzzz-nothing-like-it",
        "!!",
    ]


def test_show_of_an_unknown_id_suggests_from_the_index(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    said: list[str] = []
    for typed in _typed(db):
        args = ["show", typed, "--db", str(db)]
        expected = reference(capsys, db, *args)
        with counting_queries():
            got = answer(capsys, *args)
        assert got == expected, typed
        said.append(got[2])
    # Most typed names got a suggestion, and none named an item (else this proves little).
    assert all(s.startswith("explorer: no actor, meeting or quote") for s in said), said
    assert sum("did you mean" in s for s in said) >= 8, said


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "dot"])
def test_export_of_one_article_reads_only_its_items(
    capsys: pytest.CaptureFixture[str], db: Path, fmt: str
) -> None:
    """An article whose actors appear in many others: only their spans and sentences in
    this article (and the first of theirs) are read, and the file is the same."""
    corpus = Corpus(load_database_file(db))
    article = max(
        corpus.articles,
        key=lambda a: sum(
            len(corpus.actors[r.id].articles)
            for r in corpus.items_in_article.get(a, ())
            if r.kind == "actor"
        ),
    )
    args = ["export", "--article", article, "--format", fmt, "--db", str(db)]
    expected = reference(capsys, db, *args)
    with counting_queries():
        got = answer(capsys, *args)
    assert got == expected
    assert got[0] == 0 and article in got[1]


def test_an_actors_spans_in_some_articles_and_first_sentences(db: Path) -> None:
    """The index picks an actor's spans in given articles and its first sentences as the
    whole actor in memory gives them."""
    from explorer.data.index import open_index
    from explorer.data.models import Ref

    memory = Corpus(load_database_file(db))
    index = open_index(db)
    try:
        actors = sorted(memory.actors.values(), key=lambda a: -len(a.articles))[:5]
        for actor in actors:
            some = [*actor.articles[::3], "no-such-article"]
            ref = Ref("actor", actor.id)
            assert index.spans_in_articles(ref, some) == memory.spans_in_articles(ref, some)
            for limit in (1, 2, 40, None):
                assert index.sentences(ref, limit) == memory.sentences(ref, limit)
            assert tuple(index.actors[actor.id].roles) == actor.roles
    finally:
        index.close()


@pytest.mark.parametrize("as_json", [False, True])
def test_show_reads_what_it_prints_in_a_few_queries(
    capsys: pytest.CaptureFixture[str], db: Path, as_json: bool
) -> None:
    """The actor of the most statements, a meeting and a quote: the same lines as the whole
    corpus in memory gives, their links' names and texts read a kind at a time."""
    corpus = Corpus(load_database_file(db))
    actor = max(corpus.actors, key=lambda a: len(corpus.quotes_by_actor.get(a, ())))
    related = len(corpus.relations(corpus.actors[actor].ref))
    assert related > 100
    for ident in (actor, next(iter(corpus.meetings)), list(corpus.quotes)[3]):
        args = ["show", ident, "--db", str(db), *(["--json"] if as_json else [])]
        expected = reference(capsys, db, *args)
        with counting_queries() as asked:
            got = answer(capsys, *args)
        assert got == expected, ident
        assert got[0] == 0
        assert len(asked) < 40, (ident, len(asked))


def test_the_markdown_of_one_article_follows_up_only_its_own_meetings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The briefing of one article says what became of its expected meetings (a later
    article's report included) without reading every planned meeting of the corpus: the
    file is the one the whole corpus in memory gives."""
    files = sorted((Path(__file__).resolve().parent / "corpus_v11").glob("*.yaml"))
    v11 = tmp_path / "v11.json"
    import_files(files, v11)
    briefings = []
    for article in Corpus(load_database_file(v11)).articles:
        args = ["export", "--article", article, "--format", "markdown", "--db", str(v11)]
        expected = reference(capsys, v11, *args)
        with counting_queries(), pytest.MonkeyPatch.context() as patch:
            for name in ("meetings_holding", "reports_holding"):
                patch.setattr(f"explorer.data.index.IndexedCorpus.{name}", _forbidden)
            got = answer(capsys, *args)
        assert got == expected, article
        briefings.append(got[1])
    # Some briefing follows a meeting up in a later article (else this proves little).
    assert any("- ✓ fulfilled: **" in text for text in briefings), briefings
    assert any("  - happened on " in text for text in briefings), briefings


@pytest.mark.parametrize("as_json", [False, True])
def test_show_of_an_actor_decodes_one_span_a_sentence(
    capsys: pytest.CaptureFixture[str], db: Path, as_json: bool
) -> None:
    """An actor of many statements: of its spans, only the first of each sentence it prints
    is made a model (the rest are sorted and told apart as stored), the lines unchanged."""
    from explorer.data import store

    corpus = Corpus(load_database_file(db))
    actor = max(corpus.actors, key=lambda a: len(corpus.actors[a].spans))
    spans = len(corpus.actors[actor].spans)
    sentences = len(corpus.sentences(corpus.actors[actor].ref))
    assert spans > sentences
    # Every sentence printed (a page of them decodes fewer: tests/test_show_pages.py).
    args = ["show", actor, "--db", str(db), "--json" if as_json else "--all"]
    expected = reference(capsys, db, *args)
    from explorer.data import index

    made: list[int] = []
    original = store._Builder._spans
    plain = index._plain_spans

    def counted(self: Any, rows: Any) -> Any:
        found = original(self, rows)
        made.append(len(found))
        return found

    def counted_plain(rows: Any) -> Any:
        found = plain(rows)
        made.append(len(found or ()))
        return found

    with counting_queries(), pytest.MonkeyPatch.context() as patch:
        patch.setattr(store._Builder, "_spans", counted)
        patch.setattr(index, "_plain_spans", counted_plain)
        got = answer(capsys, *args)
    assert got == expected
    assert sum(made) == sentences, (sum(made), sentences, spans)


@pytest.mark.parametrize("as_json", [False, True])
def test_show_of_an_actor_reads_its_statements_once(
    capsys: pytest.CaptureFixture[str], db: Path, as_json: bool
) -> None:
    """The rows of an actor's statements are read once, for their meetings and their texts
    together (not again to know they are there, nor for their texts), the lines unchanged."""
    from explorer.data import index

    corpus = Corpus(load_database_file(db))
    actor = max(corpus.actors, key=lambda a: len(corpus.quotes_by_actor.get(a, ())))
    statements = len(corpus.quotes_by_actor[actor])
    args = ["show", actor, "--db", str(db), "--json" if as_json else "--all"]
    expected = reference(capsys, db, *args)
    quoted: list[str] = []
    original = index._Reader.all

    def counted(self: Any, sql: str, *args: Any) -> Any:
        if "FROM items" in sql and args[:1] == ("quote",):
            quoted.append(sql)
        return original(self, sql, *args)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(index._Reader, "all", counted)
        got = answer(capsys, *args)
    assert got == expected
    assert len(quoted) == -(-statements // 500), quoted


def test_an_actors_spans_clean_each_text_once_and_name_a_damaged_one(
    db: Path, tmp_path: Path
) -> None:
    """An actor's spans read from the index are the database's, each article id and kind
    cleaned once however many spans share it; a damaged span is named, not a traceback."""
    import shutil
    import sqlite3

    from explorer.data import index as index_module
    from explorer.data.index import IndexUnusable, index_path_for, open_index

    corpus = Corpus(load_database_file(db))
    actor = max(corpus.actors, key=lambda a: len(corpus.actors[a].spans))
    spans = corpus.actors[actor].spans
    texts = {s.article for s in spans} | {s.how for s in spans}
    assert len(spans) > 2 * len(texts)
    cleaned: list[str] = []
    original = index_module.clean_text

    def counted(text: str) -> str:
        cleaned.append(text)
        return original(text)

    index = open_index(db)
    try:
        stored = index.actors[actor].spans
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(index_module, "clean_text", counted)
            patch.setattr("explorer.data.store.clean_text", counted)
            assert tuple(stored) == tuple(spans)
        assert len(cleaned) == len(texts), len(cleaned)
    finally:
        index.close()

    copy = tmp_path / "db.json"
    shutil.copy2(db, copy)
    shutil.copy2(index_path_for(db), index_path_for(copy))
    con = sqlite3.connect(index_path_for(copy))
    with con:
        con.execute(
            "UPDATE items SET row = json_set(row, '$.spans[1]', json('[\"a\", 1]'))"
            " WHERE kind = 'actor' AND id = ?",
            (actor,),
        )
    con.close()
    index = open_index(copy)
    try:
        with pytest.raises(IndexUnusable, match=r"a stored actor is damaged.*six values"):
            tuple(index.actors[actor].spans)
    finally:
        index.close()

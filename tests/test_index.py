"""The persisted index beside a database: the same answers as the corpus in memory, rebuilt
when missing, stale or damaged, and never left out of step by a crash during an import."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.bench.corpus import write_corpus
from explorer.cli import main
from explorer.data import Corpus, Ref, import_files
from explorer.data.index import (
    IndexedCorpus,
    IndexUnusable,
    index_path_for,
    open_index,
    open_indexed,
)
from explorer.data.search import SearchIndex
from explorer.data.store import load_database_file

# -- corpora, built once per test session -----------------------------------------------------


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory, seed_paths: list[Path]) -> Path:
    db = tmp_path_factory.mktemp("seed") / "seed.json"
    import_files(seed_paths, db)
    return db


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic")
    files = write_corpus(12, folder / "articles", 3)
    db = folder / "corpus.json"
    import_files(files, db)
    return db


def _engines(db: Path) -> tuple[IndexedCorpus, SearchIndex, Corpus]:
    memory = Corpus(load_database_file(db))
    return open_index(db), SearchIndex(memory), memory


def _same(stored: object, memory: object) -> None:
    a, b = stored, memory
    assert [(h.quote, h.match, h.ranges) for h in a.hits] == [  # type: ignore[attr-defined]
        (h.quote, h.match, h.ranges)
        for h in b.hits  # type: ignore[attr-defined]
    ]
    for name in ("total", "near", "corrections", "message"):
        assert getattr(a, name) == getattr(b, name), name


def _words(corpus: Corpus) -> list[str]:
    from explorer.data.search import fold_tokens

    found: dict[str, None] = {}
    for quote in list(corpus.quotes.values())[:200]:
        found.update(dict.fromkeys(fold_tokens(quote.text)))
    for actor in corpus.actors.values():
        found.update(dict.fromkeys(fold_tokens(actor.name)))
    return sorted(found)


def _query(draw: st.DrawFn, words: list[str]) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        word = draw(st.sampled_from(words))
        shape = draw(st.sampled_from(["word", "typo", "prefix", "phrase", "not", "field"]))
        if shape == "typo" and len(word) > 3:
            i = draw(st.integers(0, len(word) - 2))
            word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif shape == "prefix":
            word = word[: draw(st.integers(1, max(1, len(word))))]
        elif shape == "phrase":
            word = f'"{word} {draw(st.sampled_from(words))}"'
        elif shape == "not":
            word = "-" + word
        elif shape == "field":
            name = draw(st.sampled_from(["speaker", "meeting", "kind", "article"]))
            word = f"{name}:{word[: draw(st.integers(1, max(1, len(word))))]}"
        parts.append(word)
    return " ".join(parts)


@pytest.mark.parametrize("which", ["seed_db", "synthetic_db"])
def test_the_stored_engine_answers_as_the_engine_in_memory(
    which: str, request: pytest.FixtureRequest
) -> None:
    stored, memory, corpus = _engines(request.getfixturevalue(which))
    words = _words(corpus)

    @settings(
        max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    @given(st.data(), st.booleans(), st.sampled_from([None, 1, 7]))
    def check(data: st.DataObject, prefix_last: bool, limit: int | None) -> None:
        query = data.draw(st.composite(lambda draw: _query(draw, words))())
        _same(
            stored.search(query, limit, prefix_last=prefix_last),
            memory.search(query, limit, prefix_last=prefix_last),
        )

    check()


@pytest.mark.parametrize("which", ["seed_db", "synthetic_db"])
def test_the_stored_corpus_links_as_the_corpus_in_memory(
    which: str, request: pytest.FixtureRequest
) -> None:
    stored, _, corpus = _engines(request.getfixturevalue(which))
    assert len(stored) == len(corpus)
    assert list(stored.articles) == list(corpus.articles)
    for kind in ("actor", "meeting", "quote"):
        assert stored.count(kind) == len(corpus.all(kind))  # type: ignore[arg-type]
        for item in list(corpus.all(kind))[:60]:  # type: ignore[arg-type]
            ref = item.ref
            assert stored.get(ref) == item
            assert stored.get(ref).spans == item.spans  # type: ignore[union-attr]
            assert stored.relations(ref) == corpus.relations(ref)
            assert stored.sentences(ref) == corpus.sentences(ref)
            for other in ("actor", "meeting", "quote"):
                assert stored.related(ref, other) == corpus.related(ref, other)  # type: ignore[arg-type]
    for article in corpus.articles:
        assert stored.spans_in(article) == corpus.spans_in(article)
        assert stored.items_in_article[article] == corpus.items_in_article[article]
    assert stored.find("nope") == []
    assert stored.get(Ref("quote", "nope")) is None


@pytest.mark.parametrize("which", ["seed_db", "synthetic_db"])
def test_the_stored_corpus_reads_quotes_speakers_and_meetings_as_the_corpus_in_memory(
    which: str, request: pytest.FixtureRequest
) -> None:
    # What an actor's or a meeting's relations are made from, read without the quotes.
    stored, _, corpus = _engines(request.getfixturevalue(which))
    ids = [*list(corpus.quotes)[::-1], "nope", next(iter(corpus.quotes))]
    found = stored.quote_links(ids)
    assert found == corpus.quote_links(ids)
    assert list(found) == [i for i in dict.fromkeys(ids) if i != "nope"]
    assert any(meeting for _, meeting in found.values())
    refs = [Ref("quote", "nope"), *(item.ref for item in corpus.all("actor")[:5])]
    refs += [Ref("meeting", m) for m in list(corpus.meetings)[:5]] + [Ref("actor", "nope")]
    assert stored.present(refs) == corpus.present(refs) == set(refs[1:-1])
    articles = [*list(corpus.articles)[:7], "nope"]
    assert stored.articles_present(articles) == corpus.articles_present(articles)
    assert stored.articles_present(articles) == set(articles[:-1])
    for kind in ("actor", "meeting", "quote"):
        stored.ids(kind)  # as the panes do: then every id of the kind is known
    assert stored.present(refs) == set(refs[1:-1])


@pytest.mark.parametrize("which", ["seed_db", "synthetic_db"])
def test_the_stored_actor_heads_and_counts_are_the_corpus_in_memory(
    which: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    # What an actor's row and its detail read from the index instead of its spans and
    # statements: each actor's head, its count of sentences, the meetings it spoke of.
    import shutil

    from explorer.data.index import rebuild_index

    db = request.getfixturevalue(which)
    imported, _, corpus = _engines(db)
    # Built from the database's rows at import, and from its models when a reader rebuilds it.
    copy = tmp_path / "copy.json"
    shutil.copy2(db, copy)
    rebuild_index(copy)
    rebuilt = open_index(copy)
    spoke = 0
    for stored in (imported, rebuilt):
        for actor in corpus.all("actor"):
            ref = actor.ref
            assert stored.actor_head(actor.id) == corpus.actor_head(actor.id)
            assert stored.sentence_count(ref) == corpus.sentence_count(ref)
            assert stored.sentence_count(ref) == len(corpus.sentences(ref))
            assert stored.spoken_of(actor.id) == corpus.spoken_of(actor.id)
            spoke += len(corpus.spoken_of(actor.id))
            read = stored.get(ref)
            assert read is not None and stored.roles_vary(read) == corpus.roles_vary(actor)  # type: ignore[arg-type]
            pages = [stored.sentences(ref, n) for n in (1, 3, 1)]
            assert pages == [corpus.sentences(ref, n) for n in (1, 3, 1)]
        assert stored.actor_head("nope") is None and stored.spoken_of("nope") == ()
        assert stored.sentence_count(Ref("actor", "nope")) == 0
    assert spoke  # the corpora have statements about meetings their speakers missed
    rebuilt.close()


@pytest.mark.parametrize("which", ["seed_db", "synthetic_db"])
def test_an_actors_links_are_counted_alike_before_and_after_its_lists_are_read(
    which: str, request: pytest.FixtureRequest
) -> None:
    # The detail counts an actor's links by SQLite, or from the lists the panes read whole
    # when it moved onto the actor: the groups are the corpus in memory's either way.
    db = request.getfixturevalue(which)
    _, _, corpus = _engines(db)
    cold, warm = open_index(db), open_index(db)
    for kind in ("actor", "meeting", "quote"):
        warm.ids(kind)  # as the panes do
    for actor in corpus.all("actor"):
        ref = actor.ref
        for kind in ("meeting", "quote"):
            warm.related(ref, kind)
            warm.related_through_members(ref, kind)
        for limit in (1, 3, 100):
            expected = corpus.relation_groups(ref, limit)
            assert cold.relation_groups(ref, limit) == expected, (actor.id, limit)
            assert warm.relation_groups(ref, limit) == expected, (actor.id, limit)
    cold.close()
    warm.close()


def test_every_page_of_an_actors_sentences_is_the_corpus_in_memory(synthetic_db: Path) -> None:
    # The index reads an actor's first sentences a range of its articles at a time: every
    # page, from one sentence to more than it has, is the one the whole corpus lists.
    stored, _, corpus = _engines(synthetic_db)
    many = 0
    for actor in corpus.all("actor"):
        ref = actor.ref
        every = corpus.sentences(ref)
        many += len(actor.articles) > 8
        for limit in range(1, len(every) + 3):
            assert stored.sentences(ref, limit) == every[:limit], (actor.id, limit)
    assert many, "the corpus has actors of more articles than a first range"
    stored.close()


def test_pages_list_items_in_the_panes_orders(seed_db: Path) -> None:
    stored = open_index(seed_db)
    corpus = Corpus(load_database_file(seed_db))
    actors = sorted(corpus.actors.values(), key=lambda a: (a.name.casefold(), a.id))
    assert stored.page("actor", 0, 5) == actors[:5]
    assert stored.page("actor", 5, 1000) == actors[5:]
    assert stored.ids("quote") == list(corpus.quotes)
    assert stored.position("actor", actors[3].id) == 3
    assert stored.position("actor", "nope") is None
    timeline = stored.page("timeline", 0, 1000)
    assert {m.id for m in timeline} == set(corpus.meetings)
    dated = [m.when.sort_key for m in timeline if m.when]
    assert dated == sorted(dated)
    with pytest.raises(ValueError, match="unknown order"):
        stored.page("nope", 0, 1)


# -- freshness --------------------------------------------------------------------------------


def _search_ids(capsys: pytest.CaptureFixture[str], db: Path, query: str) -> list[str]:
    code = main(["search", query, "--json", "--db", str(db)])
    out, _ = capsys.readouterr()
    assert code in (0, 1)
    return [json.loads(line)["id"] for line in out.splitlines()]


@pytest.fixture
def two_corpora(tmp_path: Path) -> tuple[list[Path], list[Path]]:
    """Two corpora of different articles: what a re-import replaces, and what it brings."""
    first = write_corpus(3, tmp_path / "first", 1)
    second = [p for p in write_corpus(6, tmp_path / "second", 1)][3:]
    return first, second


def _all_quote_ids(files: list[Path], tmp_path: Path, name: str) -> set[str]:
    db = tmp_path / f"{name}-reference.json"
    import_files(files, db)
    return set(Corpus(load_database_file(db)).quotes)


def test_a_missing_index_is_rebuilt(
    tmp_path: Path, seed_paths: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "news.json"
    import_files(seed_paths, db)
    index = index_path_for(db)
    before = _search_ids(capsys, db, "trust")
    index.unlink()
    assert _search_ids(capsys, db, "trust") == before
    assert index.is_file(), "the index is built again beside the database"
    assert open_index(db).count("quote") > 0


def test_a_stale_index_is_rebuilt(
    tmp_path: Path,
    two_corpora: tuple[list[Path], list[Path]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    first, second = two_corpora
    db = tmp_path / "news.json"
    import_files(first, db)
    old_index = index_path_for(db).read_bytes()
    import_files(second, db)
    # An index of the old database put back beside the new one (a backup restored, say).
    index_path_for(db).write_bytes(old_index)
    with pytest.raises(IndexUnusable, match="stale"):
        open_index(db)
    wanted = _all_quote_ids(second, tmp_path, "second")
    found = set(_search_ids(capsys, db, "the"))
    assert found and found <= wanted
    assert isinstance(open_index(db), IndexedCorpus), "the rebuilt index is fresh"


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.write_bytes(b"not an index at all" * 100),
        lambda path: path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 3]),
        lambda path: path.write_bytes(b""),
    ],
    ids=["garbage", "truncated", "empty"],
)
def test_a_damaged_index_file_is_rebuilt(
    damage: object, tmp_path: Path, seed_paths: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "news.json"
    import_files(seed_paths, db)
    before = _search_ids(capsys, db, "trust")
    code = main(["show", "yoshimasa-hayashi", "--json", "--db", str(db)])
    shown = capsys.readouterr().out
    damage(index_path_for(db))  # type: ignore[operator]
    assert _search_ids(capsys, db, "trust") == before
    assert main(["show", "yoshimasa-hayashi", "--json", "--db", str(db)]) == code
    assert capsys.readouterr().out == shown


def test_a_damaged_row_inside_a_readable_index_is_never_an_answer(
    tmp_path: Path, seed_paths: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "news.json"
    import_files(seed_paths, db)
    code = main(["show", "yoshimasa-hayashi", "--json", "--db", str(db)])
    shown = capsys.readouterr().out
    with sqlite3.connect(index_path_for(db)) as con:
        con.execute("UPDATE items SET row = '{\"id\": 1' WHERE id = 'yoshimasa-hayashi'")
        con.execute("UPDATE postings SET docs = x'5a' WHERE word = 'trust'")
    assert main(["show", "yoshimasa-hayashi", "--json", "--db", str(db)]) == code
    assert capsys.readouterr().out == shown
    memory = SearchIndex(Corpus(load_database_file(db)))
    assert _search_ids(capsys, db, "trust") == [h.quote.id for h in memory.search("trust").hits]


def test_a_database_edited_after_its_index_is_read_from_the_edit(
    tmp_path: Path, seed_paths: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "news.json"
    import_files(seed_paths, db)
    text = db.read_text(encoding="utf-8")
    assert "mutual trust" in text
    db.write_text(text.replace("mutual trust", "mutual faith"), encoding="utf-8")
    assert _search_ids(capsys, db, '"mutual trust"') == []
    assert _search_ids(capsys, db, '"mutual faith"')


def test_a_damaged_database_is_reported_whatever_its_index(
    tmp_path: Path, seed_paths: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "news.json"
    import_files(seed_paths, db)
    db.write_bytes(db.read_bytes()[:-200])
    assert main(["search", "trust", "--db", str(db)]) == 2
    assert "news.json" in capsys.readouterr().err


# -- a crash during an import -----------------------------------------------------------------


class Crash(BaseException):
    """The process dying at this point (not an error anything catches)."""


def test_a_crash_before_the_database_is_replaced_leaves_the_old_pair(
    tmp_path: Path,
    two_corpora: tuple[list[Path], list[Path]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first, second = two_corpora
    db = tmp_path / "news.json"
    import_files(first, db)
    old_db, old_index = db.read_bytes(), index_path_for(db).read_bytes()

    def crash(*args: object, **kwargs: object) -> None:
        raise Crash

    monkeypatch.setattr("explorer.data.atomic.os.replace", crash)
    with pytest.raises(Crash):
        main(["import", *map(str, second), "--db", str(db)])
    monkeypatch.undo()
    assert db.read_bytes() == old_db
    assert index_path_for(db).read_bytes() == old_index
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")], "no litter"
    found = set(_search_ids(capsys, db, "the"))
    assert found and found <= _all_quote_ids(first, tmp_path, "first")


def test_a_crash_after_the_database_is_replaced_never_answers_from_the_old_index(
    tmp_path: Path,
    two_corpora: tuple[list[Path], list[Path]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first, second = two_corpora
    db = tmp_path / "news.json"
    import_files(first, db)

    def crash(*args: object, **kwargs: object) -> None:
        raise Crash

    monkeypatch.setattr("explorer.data.index.install_index", crash)
    with pytest.raises(Crash):
        main(["import", *map(str, second), "--db", str(db)])
    monkeypatch.undo()
    found = set(_search_ids(capsys, db, "the"))
    assert found and found <= _all_quote_ids(second, tmp_path, "second")


def test_an_index_that_cannot_be_written_leaves_the_corpus_read_from_the_database(
    tmp_path: Path, seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "news.json"
    import_files(seed_paths, db)
    index_path_for(db).unlink()

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("explorer.data.index.build_index_file", refuse)
    corpus = open_indexed(db)
    assert not isinstance(corpus, IndexedCorpus)
    assert set(corpus.quotes) == set(Corpus(load_database_file(db)).quotes)


def test_an_actor_named_like_a_field_of_its_row_is_indexed_by_its_name(tmp_path: Path) -> None:
    """The index reads an actor's row without its spans; a name or alias holding the very
    text that starts them (`, "spans": [`) is still the actor's whole name."""
    from explorer.data.index import _light
    from explorer.data.models import Actor, Span

    odd = 'Ann, "spans": [["x", 1]], "aliases": ["Bo"]'
    actor = Actor(
        "ann",
        odd,
        "person",
        aliases=(f"{odd}: ", 'The "spans": ['),
        articles=("a",),
        spans=(Span("a", 0, 3, 0, 9, "name"),),
    )
    from explorer.data.records import item_record

    row = json.dumps(item_record(actor), ensure_ascii=False).encode()
    # A row of another writer, with its spans before other fields, keeps those fields too.
    reordered = json.dumps(
        {"id": "bo", "name": "Bo", "kind": "person", "spans": [], "aliases": ["B"]}
    ).encode()
    light = _light({"actors": [row, reordered]})
    assert [(a.name, a.aliases) for a in light.actors] == [
        (odd, (f"{odd}: ", 'The "spans": [')),
        ("Bo", ("B",)),
    ]


def test_a_database_row_holding_two_values_is_refused_not_read_as_two_rows() -> None:
    """Rows are decoded many at a time; a damaged row that reads as two values must not
    shift every row after it onto the wrong item."""
    from explorer.data.index import _light

    def article(n: int) -> bytes:
        row = {"id": f"a{n}", "title": f"T{n}", "published": f"2024-01-0{n}", "body": ""}
        return json.dumps(row).encode()

    assert [a.id for a in _light({"articles": [article(1), article(2)]}).articles] == ["a1", "a2"]
    with pytest.raises(ValueError):
        _light({"articles": [article(1) + b", " + article(2), article(3)]})


def test_an_actor_whose_roles_change_is_told_apart_without_reading_its_roles(
    tmp_path: Path,
) -> None:
    db = tmp_path / "corpus.json"
    import_files(sorted((Path(__file__).parent / "corpus_v11").glob("*.yaml")), db)
    stored, memory = open_index(db), Corpus(load_database_file(db))
    for actor in memory.all("actor"):
        read = stored.get(actor.ref)
        assert read is not None
        assert stored.roles_vary(read) == memory.roles_vary(actor)  # type: ignore[arg-type]
    assert stored.roles_vary(stored.get(Ref("actor", "wang-yi")))  # type: ignore[arg-type]
    stored.close()


def test_an_actors_row_and_pages_of_sentences_are_read_from_its_runs_not_its_row(
    synthetic_db: Path, tmp_path: Path
) -> None:
    # An actor of many articles has a stored row of megabytes: its detail (its fields, the
    # first page of its sentences, whether its roles vary, its spans in a few articles) reads
    # its slim row and its runs of spans, each run the spans of one article in stored order.
    import shutil

    from explorer.data.records import span_row

    db = tmp_path / "corpus.json"
    shutil.copy2(synthetic_db, db)
    shutil.copy2(index_path_for(synthetic_db), index_path_for(db))
    corpus = Corpus(load_database_file(db))
    with sqlite3.connect(index_path_for(db)) as con:
        for actor in corpus.all("actor"):
            runs = con.execute(
                "SELECT article, first, spans FROM actor_spans WHERE id = ? ORDER BY first",
                (actor.id,),
            ).fetchall()
            joined = [span for _, _, spans in runs for span in json.loads(spans)]
            assert joined == [span_row(s) for s in actor.spans], actor.id
            assert all({s[0] for s in json.loads(spans)} == {a} for a, _, spans in runs)
            assert [first for _, first, _ in runs] == sorted({first for _, first, _ in runs})
        # Their rows' spans and roles gone from the items: nothing below may read them.
        con.execute(
            "UPDATE items SET row = json_set(row, '$.spans', json('[]'), '$.roles', json('[]'))"
            " WHERE kind = 'actor'"
        )
    stored = open_index(db)
    many = 0
    for actor in corpus.all("actor"):
        ref = actor.ref
        read = stored.get(ref)
        assert read is not None
        assert (read.name, read.articles, read.member_of, read.aliases) == (
            actor.name,
            actor.articles,
            actor.member_of,
            actor.aliases,
        )
        assert stored.roles_vary(read) == corpus.roles_vary(actor)  # type: ignore[arg-type]
        for limit in (1, 3, 25):
            assert stored.sentences(ref, limit) == corpus.sentences(ref, limit), actor.id
        some = sorted(set(actor.articles))[1:4]
        assert stored.spans_in_articles(ref, some) == corpus.spans_in_articles(ref, some)
        many += len(corpus.sentences(ref)) > 3
    assert many, "the corpus has actors of more sentences than one page"
    stored.close()


def test_an_index_from_before_the_runs_of_spans_is_rebuilt_with_them(
    synthetic_db: Path, tmp_path: Path
) -> None:
    import shutil

    db = tmp_path / "corpus.json"
    shutil.copy2(synthetic_db, db)
    shutil.copy2(index_path_for(synthetic_db), index_path_for(db))
    with sqlite3.connect(index_path_for(db)) as con:  # as the format before wrote it
        con.execute("DROP TABLE actor_spans")
        con.execute("UPDATE meta SET value = '3' WHERE key = 'format'")
    with pytest.raises(IndexUnusable, match="format"):
        open_index(db)
    corpus, memory = open_indexed(db), Corpus(load_database_file(db))
    assert isinstance(corpus, IndexedCorpus), "rebuilt, not read into memory"
    for actor in memory.all("actor"):
        assert corpus.sentences(actor.ref, 3) == memory.sentences(actor.ref, 3)
    with sqlite3.connect(index_path_for(db)) as con:
        runs = con.execute("SELECT count(*) FROM actor_spans").fetchone()[0]
    assert runs >= len(memory.all("actor"))
    corpus.close()


@pytest.mark.parametrize("which", ["seed_db", "synthetic_db"])
def test_an_actors_related_places_are_its_related_items_in_the_panes_orders(
    which: str, request: pytest.FixtureRequest
) -> None:
    # A pane relinked to an actor reads where its meetings and quotes stand in the pane's
    # order as stored at import: the places of the very items `related` names.
    from explorer.widgets.rows import sort_items

    db = request.getfixturevalue(which)
    stored, _, corpus = _engines(db)
    some = 0
    for kind in ("meeting", "quote"):
        place = {item.id: n for n, item in enumerate(sort_items(kind, corpus.all(kind)))}
        for actor in corpus.all("actor"):
            related = corpus.related(actor.ref, kind)
            expected = sorted(place[ident] for ident in related if ident in place)
            assert list(stored.related_places(actor.ref, kind) or ()) == expected, actor.id
            assert corpus.related_places(actor.ref, kind) is None  # found from the ids
            some += len(expected) > 1
    assert stored.related_places(Ref("actor", "nope"), "quote") is None
    assert stored.related_places(Ref("meeting", corpus.all("meeting")[0].id), "quote") is None
    assert some, "the corpus has actors of several meetings and quotes"
    stored.close()

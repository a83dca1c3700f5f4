"""Behaviour that a plausible slip in the code would change while every other test still passed.

Each test names the slip it guards against: a closed phrase whose last word became a prefix,
the common-pair index taken as exact for long phrases, CSV cells left open to formulas, a
meeting's speakers dropped from its related actors, a notes file's mode lost on rewrite.
"""

from __future__ import annotations

import csv
import io
import os
import stat
from datetime import date
from pathlib import Path

import pytest

from explorer.app import build_app
from explorer.data import Actor, Article, Corpus, Loaded, Meeting, Quote, Ref, Span
from explorer.data.export import CSV_COLUMNS, render, select
from explorer.data.notes import NotesStore
from explorer.data.search import SearchIndex
from explorer.widgets.item_pane import RELATED_MARK
from tests.test_app import move_to, rows


def quote_corpus(texts: list[str]) -> Corpus:
    """One article holding every text as a direct quote of one speaker, in order."""
    body = " ".join(texts)
    quotes, start = [], 0
    for n, text in enumerate(texts):
        span = Span("article", start, start + len(text), start, start + len(text), "text")
        quotes.append(Quote(f"q{n}", text, "ada", "direct", "article", spans=(span,)))
        start += len(text) + 1
    article = Article("article", "Article", date(2024, 1, 1), body)
    speaker = Actor("ada", "Ada Speaker", "person", articles=("article",))
    return Corpus(Loaded([article], [speaker], [], quotes))


def found(index: SearchIndex, query: str) -> list[str]:
    return [hit.quote.text for hit in index.search(query).hits]


# -- search: a closed phrase ends at a whole word ---------------------------------------------


@pytest.mark.parametrize("prefix_last", [True, False])
def test_a_closed_phrase_does_not_take_its_last_word_as_a_prefix(prefix_last: bool) -> None:
    texts = ["Mutual trustworthiness builds trust.", "We want mutual trust now."]
    index = SearchIndex(quote_corpus(texts))
    result = index.search('"mutual trust"', prefix_last=prefix_last)
    assert [hit.quote.text for hit in result.hits] == ["We want mutual trust now."]
    assert result.total == 1
    assert [marked for hit in result.hits for marked in hit.ranges] == [(8, 20)]
    # Still being typed (no closing quote), the last word is a prefix: both are found.
    assert sorted(found(index, '"mutual trust')) == sorted(texts)


def test_a_closed_phrase_at_the_end_of_a_quote_is_found() -> None:
    index = SearchIndex(quote_corpus(["We want mutual trust", "mutual trusted friends"]))
    assert found(index, '"mutual trust"') == ["We want mutual trust"]


# -- search: the pair index proves two-word phrases only ---------------------------------------


def test_a_long_phrase_of_common_words_is_checked_word_by_word() -> None:
    """'visit and' and 'and the' are common pairs everywhere; 'visit and the' is in three quotes.

    Past the size where common words get a pair index (more than 64 quotes hold each word), the
    pairs narrow the candidates, but only reading the quote proves a phrase of three words.
    """
    texts = [f"the visit and talks and the rest, round {n}" for n in range(200)]
    texts += [f"after the visit and the talks, round {n}" for n in range(3)]
    index = SearchIndex(quote_corpus(texts))
    result = index.search('"visit and the"')
    assert result.total == 3
    assert sorted(hit.quote.text for hit in result.hits) == sorted(texts[-3:])
    assert index.search('"visit and the talks"').total == 3
    assert index.search('"the visit and talks and the"').total == 200
    # Ranking "as typed" makes the same distinction among all-word matches.
    ranked = index.search("visit and the", limit=5)
    assert ranked.total == 203
    assert [hit.match.value for hit in ranked.hits] == ["exact"] * 3 + ["all-words"] * 2
    assert {hit.quote.text for hit in ranked.hits[:3]} == set(texts[-3:])


# -- CSV: no cell starts a formula ------------------------------------------------------------

FORMULA_STARTS = ["=", "+", "-", "@"]


def formula_corpus(start: str) -> Corpus:
    """Every text cell of the CSV starts with `start`, the sentences included."""
    name = f"{start}HYPERLINK(1)"
    quote = f"{start}SUM(A1:A9) said Ada."
    body = f"{name} spoke. {quote}"
    first = Span("article", 0, len(name), 0, len(name) + len(" spoke."), "name")
    said = body.index(quote)
    span = Span("article", said, len(body), said, len(body), "text")
    article = Article("article", f"{start}title", date(2024, 1, 1), body)
    actor = Actor(
        "ada",
        name,
        "person",
        role=f"{start}role",
        aliases=(f"{start}alias",),
        articles=("article",),
        spans=(first,),
    )
    meeting = Meeting(
        "talks", f"{start}talks", "happened", "article", ("ada",), where=f"{start}where"
    )
    quote_item = Quote("said", quote, "ada", "direct", "article", "talks", spans=(span,))
    return Corpus(Loaded([article], [actor], [meeting], [quote_item]))


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_no_csv_cell_starts_a_formula_in_any_column(start: str) -> None:
    corpus = formula_corpus(start)
    table = list(csv.DictReader(io.StringIO(render(select(corpus), "csv"))))
    by_id = {row["id"]: row for row in table}
    # The cells a spreadsheet would otherwise run, in every column that holds them.
    assert by_id["ada"]["label"] == f"'{start}HYPERLINK(1)"
    assert by_id["ada"]["role"] == f"'{start}role"
    assert by_id["ada"]["aliases"] == f"'{start}alias"
    assert by_id["ada"]["sentence"] == f"'{start}HYPERLINK(1) spoke."
    assert by_id["talks"]["label"] == f"'{start}talks"
    assert by_id["talks"]["where"] == f"'{start}where"
    assert by_id["said"]["label"] == f"'{start}SUM(A1:A9) said Ada."
    assert by_id["said"]["sentence"] == f"'{start}SUM(A1:A9) said Ada."
    for row in table:
        for column in CSV_COLUMNS:
            assert row[column][:1] not in FORMULA_STARTS, (column, row[column])


# -- related first: a meeting's speakers ------------------------------------------------------

DEFENCE_MINISTERS = Ref("meeting", "defence-ministers-meeting-2024")
MINISTERS = {"japanese-defence-minister", "chinese-defence-minister"}


def test_a_meetings_speakers_are_related_actors(seed_corpus: Corpus) -> None:
    # Hayashi spoke about the ministers' meeting without attending it.
    related = seed_corpus.related(DEFENCE_MINISTERS, "actor")
    assert related == MINISTERS | {"yoshimasa-hayashi"}


async def test_a_meetings_speakers_come_first_in_the_actors_pane(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        actors, meetings, _quotes = app.main.panes
        await pilot.press("2")
        await move_to(pilot, meetings, DEFENCE_MINISTERS.id)
        await pilot.pause()
        assert app.main.current == DEFENCE_MINISTERS
        assert set(actors.shown[:3]) == MINISTERS | {"yoshimasa-hayashi"}
        assert all(row.startswith(RELATED_MARK) for row in rows(actors)[:3])
        assert not rows(actors)[3].startswith(RELATED_MARK)


# -- notes: a rewrite keeps the file's mode ---------------------------------------------------


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o666], ids=oct)
def test_saving_a_note_keeps_the_notes_files_mode(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "notes.json"
    store = NotesStore(path)
    store.save_text(Ref("actor", "wang-yi"), "first", label="Wang Yi")
    os.chmod(path, mode)
    store.save_text(Ref("actor", "wang-yi"), "second", label="Wang Yi")
    store.save_text(Ref("actor", "xi-jinping"), "third", label="Xi Jinping")
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert sorted(note.text for note in NotesStore(path).notes()) == ["second", "third"]

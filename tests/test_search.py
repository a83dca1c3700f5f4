"""Quote search engine: the query language, ranking, typo tolerance, and queries meant to break it."""

from __future__ import annotations

import dataclasses
import tracemalloc
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.data import Actor, Article, Corpus, Loaded, Quote, Span
from explorer.data.search import (
    FieldClause,
    MatchKind,
    SearchIndex,
    TextClause,
    fold,
    parse_query,
    tokenize,
)


@pytest.fixture(scope="module")
def seed_index(seed_corpus: Corpus) -> SearchIndex:
    return SearchIndex(seed_corpus)


def ids(result) -> list[str]:
    return [hit.quote.id for hit in result.hits]


def marked(hit) -> list[str]:
    return [hit.quote.text[start:end] for start, end in hit.ranges]


# -- folding ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Mutual TRUST", "mutual trust"),
        ("Ōsaka Zürich café", "osaka zurich cafe"),
        ("cafe\u0301 au lait", "cafe au lait"),  # a combining accent stays inside its word
        ("Straße", "strasse"),
        ("People’s Liberation Army", "people s liberation army"),
        ("pla-eastern_theater", "pla eastern theater"),
        ("(trust|visit)*", "trust visit"),
        ("***", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_tokenize_keeps_offsets_into_the_original_text() -> None:
    text = "Zürich’s café"
    assert [(w, text[s:e]) for w, s, e in tokenize(text)] == [
        ("zurich", "Zürich"),
        ("s", "s"),
        ("cafe", "café"),
    ]


# -- parser -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "clauses"),
    [
        ("trust", [TextClause(("trust",), prefix=True, raw="trust")]),
        ("trust ", [TextClause(("trust",), raw="trust")]),  # a finished word is whole
        (
            "Mutual TRÜST",
            [
                TextClause(("mutual",), raw="Mutual"),
                TextClause(("trust",), prefix=True, raw="TRÜST"),
            ],
        ),
        ('"mutual trust"', [TextClause(("mutual", "trust"), quoted=True, raw='"mutual trust"')]),
        (
            "“mutual trust”",  # typographic quotes count as quotes
            [TextClause(("mutual", "trust"), quoted=True, raw='"mutual trust"')],
        ),
        (
            '"mutual tr',  # unclosed: a phrase to the end, still being typed
            [TextClause(("mutual", "tr"), quoted=True, prefix=True, raw='"mutual tr')],
        ),
        ("-trust", [TextClause(("trust",), negated=True, raw="-trust")]),
        (
            '-"mutual trust"',
            [TextClause(("mutual", "trust"), negated=True, quoted=True, raw='-"mutual trust"')],
        ),
        ("speaker:hayashi", [FieldClause("speaker", ("hayashi",), raw="speaker:hayashi")]),
        ("Speaker:Hayashi", [FieldClause("speaker", ("hayashi",), raw="Speaker:Hayashi")]),
        (
            'speaker:"eastern theater" kind:direct',
            [
                FieldClause("speaker", ("eastern", "theater"), raw='speaker:"eastern theater"'),
                FieldClause("kind", ("direct",), raw="kind:direct"),
            ],
        ),
        (
            "-meeting:laos",
            [FieldClause("meeting", ("laos",), negated=True, raw="-meeting:laos")],
        ),
        ("article:pla-etc", [FieldClause("article", ("pla", "etc"), raw="article:pla-etc")]),
        ("china's", [TextClause(("china", "s"), prefix=True, raw="china's")]),
        ("foo:bar ", [TextClause(("foo", "bar"), raw="foo:bar")]),  # not a field: words
        ("trust trust ", [TextClause(("trust",), raw="trust")]),  # said twice, kept once
        ("tr\u202eust\x1b[31m ", [TextClause(("trust", "31m"), raw="trust[31m")]),
    ],
)
def test_parse(query: str, clauses: list) -> None:
    assert list(parse_query(query).clauses) == clauses


@pytest.mark.parametrize(
    ("query", "ignored"),
    [
        ("-", ["-"]),
        ("- trust", ["-"]),
        ("--trust", ["-"]),
        ("speaker:", ["speaker:"]),
        ('speaker:"" trust', ['speaker:""']),
        ("***", ["***"]),
        ('""', ['""']),
        ("?", ["?"]),
    ],
)
def test_parts_with_nothing_to_search_are_ignored_and_named(query: str, ignored: list) -> None:
    assert list(parse_query(query).ignored) == ignored


def test_prefix_can_be_turned_off_for_finished_queries() -> None:
    assert parse_query("trust", prefix_last=False).clauses == (TextClause(("trust",), raw="trust"),)


def test_negated_words_are_never_prefixes() -> None:
    (clause,) = parse_query("-tru").clauses
    assert clause.negated and not clause.prefix


# -- the seed ---------------------------------------------------------------------------------

STATEMENT = "etc-statement-mutual-trust"
EMPHASIS = "etc-emphasis-mutual-trust"
HAYASHI = {
    "hayashi-rare-visit",
    "hayashi-aiming-to-improve-relations",
    "hayashi-etc-visited-counterparts",
    "hayashi-trip-after-ministers-met",
}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("trust", {STATEMENT, EMPHASIS}),
        ("TRUST", {STATEMENT, EMPHASIS}),
        ("tru", {STATEMENT, EMPHASIS}),  # the last word as a prefix
        ("trust mutual", {STATEMENT, EMPHASIS}),  # any order
        ('"mutual trust"', {STATEMENT, EMPHASIS}),
        ('"trust mutual"', set()),
        ('"understanding and mutual trust between"', {STATEMENT}),
        ("trust -defence", {EMPHASIS}),
        ('visit -"mutual trust"', {"hayashi-rare-visit"}),
        ("speaker:hayashi", HAYASHI),
        ("speaker:yoshimasa", HAYASHI),  # name
        ("speaker:yoshimasa-hay", HAYASHI),  # id, by prefix
        ("speaker:spokesman", HAYASHI),  # alias, from a word start
        ("speaker:HAYA", HAYASHI),
        ('speaker:"eastern command"', {STATEMENT, EMPHASIS}),
        ("-speaker:hayashi", {STATEMENT, EMPHASIS, "nikkei-wang-yi-invitation"}),
        ("speaker:hayashi speaker:nikkei", HAYASHI | {"nikkei-wang-yi-invitation"}),
        ("kind:direct", {STATEMENT, "hayashi-aiming-to-improve-relations"}),
        ("kind:para", {EMPHASIS}),
        ("kind:reported speaker:nikkei", {"nikkei-wang-yi-invitation"}),
        ("meeting:defence", {"hayashi-trip-after-ministers-met"}),
        ("meeting:wang-yi-japan", {"nikkei-wang-yi-invitation"}),
        ("article:pla-etc trust", {STATEMENT, EMPHASIS}),
        ("article:chinese military", {"hayashi-rare-visit"}),  # by title; "military", a word
        ("pla-eastern", {"hayashi-etc-visited-counterparts"}),
        ("wang japan", {"nikkei-wang-yi-invitation"}),
        ("xyzzy", set()),
        ("speaker:nobody", set()),
        ("kind:rumour", set()),
    ],
)
def test_seed_queries(seed_index: SearchIndex, query: str, expected: set[str]) -> None:
    assert set(ids(seed_index.search(query))) == expected


def test_trust_is_highlighted_in_the_statement(seed_index: SearchIndex) -> None:
    result = seed_index.search("trust")
    hit = next(h for h in result.hits if h.quote.id == STATEMENT)
    assert marked(hit) == ["trust"]
    assert result.count_label() == "2 quotes"


def test_phrase_is_highlighted_as_one_range(seed_index: SearchIndex) -> None:
    hit = seed_index.search('"mutual trust"').hits[0]
    assert marked(hit) == ["mutual trust"]


def test_prefix_highlights_the_whole_word(seed_index: SearchIndex) -> None:
    hit = seed_index.search("visit").hits[0]  # "visit" as a prefix also finds "visited"
    assert {m.lower() for h in seed_index.search("visit").hits for m in marked(h)} == {
        "visit",
        "visited",
    }
    assert marked(hit)


def test_fields_and_exclusions_highlight_nothing(seed_index: SearchIndex) -> None:
    for hit in seed_index.search("speaker:hayashi -trust").hits:
        assert hit.ranges == ()


@pytest.mark.parametrize(
    ("typo", "word"),
    [("trsut", "trust"), ("turst", "trust"), ("trustt", "trust"), ("delegatoin", "delegation")],
)
def test_typos_find_near_matches_labelled_as_such(
    seed_index: SearchIndex, typo: str, word: str
) -> None:
    result = seed_index.search(typo)
    assert result.near and result.hits
    assert all(hit.match is MatchKind.NEAR for hit in result.hits)
    assert all(word in [m.lower() for m in marked(hit)] for hit in result.hits)
    assert word in result.corrections[typo]
    assert "near matches" in (result.message or "")
    assert result.count_label().endswith("near matches") or result.total == 1


def test_a_typo_beside_a_good_word_is_corrected_alone(seed_index: SearchIndex) -> None:
    result = seed_index.search("mutual trsut")
    assert result.near and set(ids(result)) == {STATEMENT, EMPHASIS}
    assert set(result.corrections) == {"trsut"}


def test_words_that_exist_but_never_meet_are_not_near_matches(seed_index: SearchIndex) -> None:
    result = seed_index.search("trust wang")
    assert not result.hits and not result.near
    assert "each part matches on its own" in (result.message or "")


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("xyzzy", "no quote contains “xyzzy”"),
        ("speaker:nobody", "no speaker matches “nobody”"),
        ("meeting:nowhere", "no meeting matches “nowhere”"),
        ("kind:rumour", "kind is one of direct, paraphrase, reported"),
        ('"trust mutual"', "drop the quotes"),
        ("trust -trust", "remove a -word"),
        ("trust wang", "remove a word or a filter"),
    ],
)
def test_empty_results_say_why_and_how_to_widen(
    seed_index: SearchIndex, query: str, says: str
) -> None:
    result = seed_index.search(query)
    assert result.hits == [] and result.total == 0
    assert result.message is not None
    assert says in result.message
    assert "widen" in result.message


def test_empty_query_asks_for_words(seed_index: SearchIndex) -> None:
    result = seed_index.search("   ")
    assert result.query.is_empty and not result.hits
    assert "speaker:" in (result.message or "")


def test_limit_keeps_the_total(seed_index: SearchIndex) -> None:
    result = seed_index.search("speaker:hayashi", limit=2)
    assert len(result.hits) == 2 and result.total == 4
    assert ids(result) == ids(seed_index.search("speaker:hayashi"))[:2]


# -- ranking ----------------------------------------------------------------------------------


def small_corpus(rows: list[tuple[str, str, date]]) -> Corpus:
    """One article per (quote id, text, published) row, all quoted by one speaker."""
    articles, quotes = [], []
    for n, (quote_id, text, published) in enumerate(rows):
        article_id = f"article-{n}"
        articles.append(Article(article_id, f"Article {n}", published, text))
        span = Span(article_id, 0, len(text), 0, len(text), "text")
        quotes.append(Quote(quote_id, text, "speaker", "direct", article_id, spans=(span,)))
    speaker = Actor("speaker", "Ada Speaker", "person", articles=tuple(a.id for a in articles))
    return Corpus(Loaded(articles, [speaker], [], quotes))


RANKING = small_corpus(
    [
        ("old-phrase", "We want mutual trust.", date(2020, 1, 1)),
        ("new-phrase", "Mutual trust matters.", date(2024, 1, 1)),
        ("newest-apart", "Trust is mutual.", date(2025, 1, 1)),
        ("mid-apart", "Mutual respect and trust.", date(2022, 1, 1)),
        ("unrelated", "Nothing here.", date(2026, 1, 1)),
    ]
)


@pytest.mark.parametrize(
    ("query", "order", "kinds"),
    [
        (
            "mutual trust",
            ["new-phrase", "old-phrase", "newest-apart", "mid-apart"],
            ["exact", "exact", "all-words", "all-words"],
        ),
        (
            "mutual tr",  # while typing, the phrase test takes the last word as a prefix
            ["new-phrase", "old-phrase", "newest-apart", "mid-apart"],
            ["exact", "exact", "all-words", "all-words"],
        ),
        (
            "trust mutual",  # as typed, the words are side by side nowhere
            ["newest-apart", "new-phrase", "mid-apart", "old-phrase"],
            ["all-words"] * 4,
        ),
        ("trust", ["newest-apart", "new-phrase", "mid-apart", "old-phrase"], ["exact"] * 4),
        ('"mutual trust"', ["new-phrase", "old-phrase"], ["exact", "exact"]),
        ("trsut", ["newest-apart", "new-phrase", "mid-apart", "old-phrase"], ["near"] * 4),
    ],
)
def test_ranking(query: str, order: list[str], kinds: list[str]) -> None:
    result = SearchIndex(RANKING).search(query)
    assert ids(result) == order
    assert [hit.match.value for hit in result.hits] == kinds


def test_ranking_respects_the_limit_across_classes() -> None:
    result = SearchIndex(RANKING).search("mutual trust", limit=3)
    assert ids(result) == ["new-phrase", "old-phrase", "newest-apart"]
    assert result.total == 4


def test_large_corpus_uses_the_same_rules() -> None:
    """Past the size where sets become bitsets and word pairs get their own index."""
    rows = [(f"q{n}", f"the visit and the talks number {n}", date(2020, 1, 1)) for n in range(3000)]
    rows += [("pair", "talks the visit", date(2021, 1, 1))]
    index = SearchIndex(small_corpus(rows))
    result = index.search("the visit", limit=5)
    assert result.total == 3001
    assert ids(result)[0] == "pair"  # newest, and the phrase is in it
    assert index.search('"visit and the"').total == 3000
    assert ids(index.search('"talks the visit"')) == ["pair"]
    assert index.search("-number").total == 1
    assert index.search("number 2999").total == 1
    assert ids(index.search("nmber 2999")) == ["q2999"]


# -- hostile queries --------------------------------------------------------------------------

HOSTILE = [
    '"unbalanced',
    'trust"',
    '"""',
    "-",
    "- - -",
    '-"',
    "speaker:",
    'speaker:"',
    "kind:",
    'article:"unclosed',
    ".*",
    "(trust|visit)*",
    "[a-z]+\\",
    "^$",
    "\\x00\x00",
    "\u202e\u2066evil",
    "[bold]trust[/]",
    "[@click=app.quit]",
    "trust" * 1000,
    "trust " * 1000,
    '"' + "trust " * 1000,
    "x" * 5000,
    "-" * 5000,
    ":" * 5000,
    "speaker:" * 500,
    "🙂 trust",
    "ｔｒｕｓｔ",  # full-width letters fold to ASCII
    "\n\t trust \r\n",
]


@pytest.mark.parametrize("query", HOSTILE, ids=lambda q: repr(q[:20]))
def test_hostile_queries_never_raise(seed_index: SearchIndex, query: str) -> None:
    result = seed_index.search(query)
    assert result.total >= len(result.hits)
    assert result.hits or result.message
    for hit in result.hits:
        for start, end in hit.ranges:
            assert 0 <= start < end <= len(hit.quote.text)


def test_full_width_letters_and_markup_are_searched_as_words(seed_index: SearchIndex) -> None:
    assert set(ids(seed_index.search("ｔｒｕｓｔ"))) == {STATEMENT, EMPHASIS}
    assert seed_index.search("[bold]trust[/]").total == 0  # "bold trust" is not a phrase here


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_text_is_a_query(query: str) -> None:
    index = _HYPOTHESIS_INDEX
    result = index.search(query)
    assert result.total >= len(result.hits)
    for hit in result.hits:
        assert hit.ranges == tuple(sorted(hit.ranges))


_HYPOTHESIS_INDEX = SearchIndex(RANKING)


# -- long names -------------------------------------------------------------------------------


def long_name_corpus(words: int) -> Corpus:
    """RANKING's quotes, their speaker named by `words` short words (a valid, hostile file)."""
    name = " ".join(("ab", "cd", "ef", "gh")[n % 4] for n in range(words))
    speaker = dataclasses.replace(RANKING.actors["speaker"], name=name, aliases=(name,))
    return Corpus(
        Loaded(list(RANKING.articles.values()), [speaker], [], list(RANKING.quotes.values()))
    )


@pytest.mark.parametrize("words", [5_000, 40_000])
def test_a_long_name_costs_the_index_its_length_not_its_square(words: int) -> None:
    corpus = long_name_corpus(words)
    name = corpus.actors["speaker"].name
    tracemalloc.start()
    try:
        index = SearchIndex(corpus)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Every suffix of the name would be words²·3/2 characters (2.4 GB for 40,000 words).
    assert peak < 600 * words, f"building the index took {peak:,} bytes"
    assert len(index._speakers) <= words + 2  # one entry per word start (and the id)
    # Still found by a prefix at any word start, a long value included.
    tail = " ".join(name.split()[-30:])  # longer than what the index holds of a word start
    for value in ("ef gh ab", name.split()[-1], tail, name[:300]):
        result = index.search(f'speaker:"{value}"')
        assert result.total == len(RANKING.quotes), value
    assert index.search(f'speaker:"{tail} zz"').total == 0
    assert index.search('speaker:"ab ef"').total == 0

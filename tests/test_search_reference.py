"""The search engine against a plain reference: every quote read, every clause tested as written.

The engine answers from posting lists, pair sets, pre-joined prefixes and bitsets; the reference
below reads each quote's words and checks the query's rules one by one, as the README states
them, from the parts the query was written from (not from the engine's parse of it). Random
small corpora (some repeated until their words are common enough for the pair index and the
bitsets) and random queries of words, prefixes, phrases, negations and fields must give the
same quotes, in the same order, with the same kind of match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.data import Actor, Article, Corpus, Loaded, Meeting, Quote, Span
from explorer.data.search import SearchIndex

# Few words, in families that share a start, so prefixes and phrases collide often.
FAMILIES = [("a", "an", "and"), ("the", "then"), ("visit", "visited"), ("trust", "trusty"), ("x1",)]
VOCAB = [w for family in FAMILIES for w in family]
SEPARATORS = [" ", " ", " ", ", ", ". ", "-", "'"]
KINDS = ["direct", "paraphrase", "reported"]
FIELD_NAMES = ["speaker", "meeting", "kind", "article"]


@dataclass(frozen=True)
class Part:
    """One part of a query as written: words (one, or a phrase), or a field and its value.

    `open` is a phrase without its closing quote (only ever the last part); `joined` writes
    the words as one word with hyphens ("visit-and"), which also asks for them side by side.
    """

    words: tuple[str, ...]
    negated: bool = False
    field: str | None = None
    quoted: bool = False
    open: bool = False
    joined: bool = False

    def text(self) -> str:
        sign = "-" if self.negated else ""
        spaced = " ".join(self.words)
        if self.field is not None:
            value = f'"{spaced}"' if len(self.words) > 1 else spaced
            return f"{sign}{self.field}:{value}"
        if self.quoted:
            return f'{sign}"{spaced}' + ("" if self.open else '"')
        return sign + "-".join(self.words)


# -- the reference ----------------------------------------------------------------------------


def words_of(text: str) -> list[str]:
    """ASCII text's words, folded: runs of letters and digits, lower case."""
    return re.findall(r"[a-z0-9]+", text.lower())


def has_phrase(tokens: list[str], words: tuple[str, ...], prefix: bool) -> bool:
    """Whether the words occur side by side in order; the last may be a prefix."""
    size = len(words)
    for i in range(len(tokens) - size + 1):
        if tokens[i : i + size - 1] != list(words[:-1]):
            continue
        last = tokens[i + size - 1]
        if last == words[-1] or (prefix and last.startswith(words[-1])):
            return True
    return False


def starts_at_a_word(texts: list[str], value: tuple[str, ...]) -> bool:
    """Whether some text, from one of its words on, begins with the value (a prefix)."""
    wanted = " ".join(value)
    for text in texts:
        tokens = words_of(text)
        if any(" ".join(tokens[i:]).startswith(wanted) for i in range(len(tokens))):
            return True
    return False


def field_matches(corpus: Corpus, quote: Quote, part: Part) -> bool:
    if part.field == "kind":
        return quote.kind.startswith(" ".join(part.words))
    if part.field == "speaker":
        actor = corpus.actors[quote.speaker]
        return starts_at_a_word([actor.name, actor.id, *actor.aliases], part.words)
    if part.field == "meeting":
        if quote.meeting is None:
            return False
        meeting = corpus.meetings[quote.meeting]
        return starts_at_a_word([meeting.title, meeting.id], part.words)
    article = corpus.articles[quote.article]
    return starts_at_a_word([article.title, article.id], part.words)


def prefix_part(parts: list[Part], trailing_space: bool, prefix_last: bool) -> Part | None:
    """The part whose last word is a prefix: the query's end, if it is words still being typed
    (a word, or a phrase without its closing quote), not excluded, with no space after."""
    last = parts[-1]
    typing = last.field is None and not last.negated and (last.open or not last.quoted)
    return last if prefix_last and typing and not trailing_space else None


def matches(corpus: Corpus, quote: Quote, part: Part, prefix: bool) -> bool:
    if part.field is not None:
        return field_matches(corpus, quote, part)
    return has_phrase(words_of(quote.text), part.words, prefix)


def reference_search(
    corpus: Corpus, parts: list[Part], trailing_space: bool, prefix_last: bool
) -> list[tuple[str, str]]:
    """(quote id, match kind) best first: newest article, then place in it; as typed first.

    A quote matches every word part, one value at least of each field named, and no
    excluded part.
    """
    prefixed = prefix_part(parts, trailing_space, prefix_last)
    order = {quote_id: n for n, quote_id in enumerate(corpus.quotes)}

    def rank(quote: Quote) -> tuple:
        published = corpus.articles[quote.article].published
        place = min(s.start for s in quote.spans if s.article == quote.article)
        return (-published.toordinal(), quote.article, place, order[quote.id])

    def wanted(quote: Quote) -> bool:
        fields: dict[str, list[Part]] = {}
        for part in parts:
            hit = matches(corpus, quote, part, part is prefixed)
            if part.negated:
                if hit:
                    return False
            elif part.field is not None:
                fields.setdefault(part.field, []).append(part)
            elif not hit:
                return False
        return all(any(matches(corpus, quote, p, False) for p in f) for f in fields.values())

    found = sorted(filter(wanted, corpus.quotes.values()), key=rank)
    free = [p for p in parts if p.field is None and not p.negated and not p.quoted]
    typed = tuple(w for p in free for w in p.words)
    if len(typed) < 2:
        return [(q.id, "exact") for q in found]
    exact = [q for q in found if has_phrase(words_of(q.text), typed, free[-1] is prefixed)]
    rest = [q for q in found if q not in exact]
    return [(q.id, "exact") for q in exact] + [(q.id, "all-words") for q in rest]


# -- random corpora and queries ---------------------------------------------------------------

word = st.sampled_from(VOCAB)


@st.composite
def texts(draw: st.DrawFn, vocab: list[str] = VOCAB, min_words: int = 1, max_words: int = 8) -> str:
    """Words of `vocab` in any case, apart by spaces or punctuation."""
    words = draw(st.lists(st.sampled_from(vocab), min_size=min_words, max_size=max_words))
    cases = (str, str, str.capitalize, str.upper)
    text = draw(st.sampled_from(cases))(words[0])
    for w in words[1:]:
        text += draw(st.sampled_from(SEPARATORS)) + draw(st.sampled_from(cases))(w)
    return text


@st.composite
def corpora(draw: st.DrawFn) -> Corpus:
    # Quotes drawn from a few words repeat their pairs and phrases, from many they rarely do.
    families = draw(st.lists(st.sampled_from(FAMILIES), min_size=1, max_size=3, unique=True))
    vocab = [w for family in families for w in family]
    n_articles = draw(st.integers(1, 3))
    articles = [
        Article(
            f"art-{n}",
            draw(texts(max_words=3)),
            date(2020 + draw(st.integers(0, 3)), 1, 1 + n),
            "",
        )
        for n in range(n_articles)
    ]
    actors = [
        Actor(
            f"{VOCAB[n]}-{n}",
            draw(texts(max_words=3)),
            "person",
            aliases=tuple(draw(st.lists(texts(max_words=3), max_size=2))),
        )
        for n in range(draw(st.integers(1, 3)))
    ]
    meetings = [
        Meeting(f"m{n}-{draw(word)}", draw(texts(max_words=4)), "happened", "art-0")
        for n in range(draw(st.integers(0, 2)))
    ]
    base = draw(st.lists(texts(vocab), min_size=1, max_size=10))
    # Repeated, the words become common: the pair index and the bitsets come into play.
    repeat = draw(st.sampled_from([1, 2, 40, 40]))
    extra = draw(st.lists(texts(vocab), max_size=4))
    quotes = []
    for n, text in enumerate(base * repeat + extra):
        article = articles[draw(st.integers(0, n_articles - 1))].id
        place = draw(st.integers(0, 50))
        span = Span(article, place, place + 1, place, place + 1, "text")
        meeting = draw(st.none() | st.sampled_from([m.id for m in meetings] or [None]))
        quotes.append(
            Quote(
                f"q{n}",
                text,
                draw(st.sampled_from([a.id for a in actors])),
                draw(st.sampled_from(KINDS)),
                article,
                meeting,
                spans=(span,),
            )
        )
    return Corpus(Loaded(articles, actors, meetings, quotes))


@st.composite
def prefixes(draw: st.DrawFn) -> str:
    w = draw(word)
    return w[: draw(st.integers(1, len(w)))]


@st.composite
def phrases(draw: st.DrawFn, corpus: Corpus) -> tuple[str, ...]:
    """Words side by side somewhere in the corpus, sometimes one more word stitched on from
    another place (each pair then occurs, the whole phrase perhaps nowhere), or any words;
    sometimes the last word cut short."""
    tokens = [words_of(q.text) for q in corpus.quotes.values()]
    if draw(st.integers(0, 3)) == 0:
        words = draw(st.lists(word, min_size=1, max_size=4))
    else:
        source = draw(st.sampled_from(tokens))
        size = draw(st.integers(1, min(3, len(source))))
        at = draw(st.integers(0, len(source) - size))
        words = source[at : at + size]
        followers = [t[i + 1] for t in tokens for i in range(len(t) - 1) if t[i] == words[-1]]
        if followers and draw(st.booleans()):
            words.append(draw(st.sampled_from(followers)))
    if len(words[-1]) > 1 and draw(st.booleans()):
        words[-1] = words[-1][: draw(st.integers(1, len(words[-1]) - 1))]
    return tuple(words)


SHAPES = ("word", "prefix", "phrase", "phrase", "phrase", "field")


@st.composite
def parts(draw: st.DrawFn, corpus: Corpus, shapes: tuple[str, ...] = SHAPES) -> Part:
    negated = draw(st.integers(0, 3)) == 0
    shape = draw(st.sampled_from(shapes))
    if shape == "word":
        return Part((draw(word),), negated)
    if shape == "prefix":
        return Part((draw(prefixes()),), negated)
    if shape == "phrase":
        words = draw(phrases(corpus))
        if len(words) > 1 and draw(st.integers(0, 3)) == 0:
            return Part(words, negated, joined=True)
        return Part(words, negated, quoted=True)
    name = draw(st.sampled_from(FIELD_NAMES))
    if name == "kind":
        value: tuple[str, ...] = (draw(st.sampled_from(KINDS))[: draw(st.integers(1, 6))],)
    elif draw(st.booleans()):
        value = (draw(word), draw(prefixes()))
    else:
        value = (draw(prefixes()),)
    return Part(value, negated, field=name)


def same_clause(part: Part) -> tuple:
    """Parts the engine takes for one (said twice, kept once): not drawn twice."""
    return (part.words, part.negated, part.field, part.quoted)


@st.composite
def searches(
    draw: st.DrawFn, shapes: tuple[str, ...] = SHAPES, most: int = 4
) -> tuple[Corpus, list[Part], bool]:
    """A corpus, a query about it (its words, phrases, prefixes and fields), a trailing space."""
    corpus = draw(corpora())
    drawn = draw(st.lists(parts(corpus, shapes), min_size=1, max_size=most, unique_by=same_clause))
    if drawn[-1].quoted and draw(st.integers(0, 4)) == 0:  # still typing the phrase
        last = drawn[-1]
        drawn[-1] = Part(last.words, last.negated, quoted=True, open=True)
    return corpus, drawn, draw(st.integers(0, 3)) == 0


# -- the property -----------------------------------------------------------------------------


def check(search: tuple[Corpus, list[Part], bool], prefix_last: bool, limit: int) -> None:
    """The engine's answer to the query is the reference's, limited or not."""
    corpus, parts_, trailing_space = search
    query = " ".join(part.text() for part in parts_) + (" " if trailing_space else "")
    expected = reference_search(corpus, parts_, trailing_space, prefix_last)
    index = SearchIndex(corpus)
    result = index.search(query, prefix_last=prefix_last)
    if not expected:
        # Nothing matches exactly: nothing, or near matches labelled as such.
        assert result.total == 0 or result.near, (query, result.hits)
        return
    assert not result.near, query
    assert result.total == len(expected), query
    assert [(hit.quote.id, hit.match.value) for hit in result.hits] == expected, query
    limited = index.search(query, limit=limit, prefix_last=prefix_last)
    assert limited.total == len(expected)
    assert [(hit.quote.id, hit.match.value) for hit in limited.hits] == expected[:limit]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(search=searches(), prefix_last=st.booleans(), limit=st.integers(1, 6))
def test_the_engine_finds_what_reading_every_quote_finds(
    search: tuple[Corpus, list[Part], bool], prefix_last: bool, limit: int
) -> None:
    check(search, prefix_last, limit)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    search=searches(("phrase",), most=2),
    prefix_last=st.sampled_from([True, True, False]),
    limit=st.integers(1, 6),
)
def test_phrases_find_what_reading_every_quote_finds(
    search: tuple[Corpus, list[Part], bool], prefix_last: bool, limit: int
) -> None:
    """Phrases alone, closed or still typed, where pair sets and prefixes decide most."""
    check(search, prefix_last, limit)


def test_the_reference_reads_the_rules_as_the_readme_states_them() -> None:
    """The reference itself, on cases whose answer is plain to see."""
    assert has_phrase(["mutual", "trust", "now"], ("mutual", "trust"), False)
    assert not has_phrase(["mutual", "trusty"], ("mutual", "trust"), False)
    assert has_phrase(["mutual", "trusty"], ("mutual", "trust"), True)
    assert not has_phrase(["trust", "mutual"], ("mutual", "trust"), True)
    assert starts_at_a_word(["Yoshimasa Hayashi"], ("hay",))
    assert starts_at_a_word(["Yoshimasa Hayashi"], ("yoshimasa", "h"))
    assert not starts_at_a_word(["Yoshimasa Hayashi"], ("ashi",))
    closed, still_typed = Part(("mutual", "trust"), quoted=True), Part(("tru",))
    assert closed.text() == '"mutual trust"' and Part(("a", "b"), joined=True).text() == "a-b"
    assert prefix_part([closed], False, True) is None
    assert prefix_part([closed, still_typed], False, True) is still_typed
    assert prefix_part([closed, still_typed], True, True) is None

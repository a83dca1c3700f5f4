"""Quote search: the query language, an index built once per Corpus, and ranked, highlighted hits.

The app's search line and `explorer search` share this engine. It imports nothing from Textual
and never touches the database: everything a keystroke needs is built in `SearchIndex.__init__`.

Query language (every part optional, parts separated by spaces):

    words            all must match, any order; case and accents ignored; while typing, the
                     last word also matches as a prefix ("tru" finds "trust")
    "exact phrase"   the words side by side, in this order (an unclosed quote runs to the end)
    -word  -"a b"    leave out quotes that contain it
    speaker:NAME     the speaker's name, alias or id, by prefix at a word start (speaker:hay)
    meeting:NAME     the meeting's title or id, by prefix (meeting:"defence ministers")
    kind:KIND        direct, paraphrase or reported (prefix: kind:dir)
    article:ID       the article's id or title, by prefix
    -speaker:NAME    any field can be negated; a field given twice means either value

Nothing a user types is an error: characters that are neither letters nor digits separate
words (so regex syntax is searched as plain words), a lone "-" or an empty field is ignored.
When nothing matches, near matches (one typo away: "trsut" finds "trust") are shown and
labelled as such; when even those fail, the result says why and how to widen the search.

Ranking: the words typed as one exact phrase first, then quotes with all the words, then near
matches; ties by article date, newest first, then by the quote's place in its article.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache
from itertools import pairwise
from typing import Protocol, TypeAlias, runtime_checkable

from explorer.data.corpus import Corpus
from explorer.data.models import QUOTE_KINDS, Quote, Ref
from explorer.data.text import clean_text, fold_quotes

FIELDS = ("speaker", "meeting", "kind", "article")

# -- folding and tokens -----------------------------------------------------------------------

# A word is a run of letters and digits; combining marks (and the vowel signs of Indic and Thai
# scripts) stay inside the word they modify, so "é" written as "e" + U+0301 is one word.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0900-\u0963"
    "\u0966-\u0dff\u0e31-\u0e3a\u0e47-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
)
_WORD = re.compile(rf"(?:[^\W_]|[{_MARKS}])+")
_PLAIN_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> tuple[str, ...]:
    """One word of text as the index sees it: accents dropped, case folded ("Ōsaka" -> osaka).

    Compatibility forms may split a word ("½" -> "1", "2"), hence a tuple.
    """
    if word.isascii():
        return (word.lower(),)
    decomposed = unicodedata.normalize("NFKD", word)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return tuple(_PLAIN_WORD.findall(stripped))


def fold(text: str) -> str:
    """Text folded for comparison: the folded words joined by single spaces."""
    return " ".join(fold_tokens(text))


_ASCII_WORD = re.compile(r"[a-z0-9]+")


def fold_tokens(text: str) -> list[str]:
    """The folded words of a text, in order.

    ASCII text (most quotes) is folded by one regular expression over its lowercase form:
    there a word is a run of ASCII letters and digits, and folding it is lowercasing it, so
    the words are those `_fold_word` gives word by word, found many times faster.
    """
    if text.isascii():
        return _ASCII_WORD.findall(text.lower())
    words: list[str] = []
    for word in _WORD.findall(text):
        if word.isascii():
            words.append(word.lower())
        else:
            words.extend(_fold_word(word))
    return words


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Folded words with the (start, end) of the original word they come from, for highlights."""
    if text.isascii():
        return [(m.group(), m.start(), m.end()) for m in _ASCII_WORD.finditer(text.lower())]
    found: list[tuple[str, int, int]] = []
    for match in _WORD.finditer(text):
        for word in _fold_word(match.group()):
            found.append((word, match.start(), match.end()))
    return found


# -- the query --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TextClause:
    """Words that must occur: one word, or several side by side (a phrase).

    A phrase comes from quotes (`quoted`) or from one typed word that folds into several, such
    as "china's" or "pla-eastern". `prefix` lets the last word match as a prefix.
    """

    words: tuple[str, ...]
    negated: bool = False
    quoted: bool = False
    prefix: bool = False
    raw: str = ""

    @property
    def is_phrase(self) -> bool:
        return len(self.words) > 1


@dataclass(frozen=True, slots=True)
class FieldClause:
    """A filter on a quote's speaker, meeting, kind or article; the value is folded words."""

    name: str
    value: tuple[str, ...]
    negated: bool = False
    raw: str = ""


Clause = TextClause | FieldClause


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query; `ignored` names the parts that were dropped, for the user to see."""

    text: str
    clauses: tuple[Clause, ...] = ()
    ignored: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.clauses

    @property
    def positive_text(self) -> tuple[TextClause, ...]:
        return tuple(c for c in self.clauses if isinstance(c, TextClause) and not c.negated)

    @property
    def free_words(self) -> tuple[tuple[str, ...], bool]:
        """The unquoted words in typed order, for ranking "as typed" first; and prefix-ness."""
        free = [c for c in self.positive_text if not c.quoted]
        words = tuple(w for c in free for w in c.words)
        return words, bool(free) and free[-1].prefix


_FIELD = re.compile(r"(speaker|meeting|kind|article):", re.IGNORECASE)


def parse_query(text: str, *, prefix_last: bool = True) -> Query:
    """Parse a query; never raises, whatever the text (see the module docstring)."""
    source = fold_quotes(clean_text(text))
    clauses: list[Clause] = []
    ignored: list[str] = []
    seen: set[Clause] = set()
    n = len(source)
    i = 0
    last_text: int | None = None  # index in `clauses` of the clause that ends the query
    while i < n:
        if source[i].isspace():
            i += 1
            continue
        start = i
        negated = False
        if source[i] == "-":
            if i + 1 >= n or source[i + 1].isspace() or source[i + 1] == "-":
                ignored.append("-")
                i += 1
                continue
            negated = True
            i += 1
        field_match = _FIELD.match(source, i)
        if field_match:
            name = field_match.group(1).lower()
            value, i, _closed = _read_value(source, field_match.end())
            words = tuple(fold_tokens(value))
            raw = source[start:i]
            if not words:
                ignored.append(raw)
                continue
            clause: Clause = FieldClause(name, words, negated, raw)
            ends_query = False
        else:
            quoted = source[i] == '"'
            value, i, closed = _read_value(source, i)
            words = tuple(fold_tokens(value))
            raw = source[start:i]
            if not words:
                ignored.append(raw)
                continue
            ends_query = i >= n and not (quoted and closed) and not value[-1:].isspace()
            clause = TextClause(words, negated, quoted, False, raw)
        if clause in seen:
            continue
        seen.add(clause)
        clauses.append(clause)
        last_text = len(clauses) - 1 if ends_query else None
    if prefix_last and last_text is not None:
        tail = clauses[last_text]
        if isinstance(tail, TextClause) and not tail.negated:
            clauses[last_text] = TextClause(tail.words, False, tail.quoted, True, tail.raw)
    return Query(text, tuple(clauses), tuple(ignored))


def _read_value(source: str, i: int) -> tuple[str, int, bool]:
    """A quoted value up to its closing quote (or the end), else a run up to white space."""
    if i < len(source) and source[i] == '"':
        close = source.find('"', i + 1)
        if close == -1:
            return source[i + 1 :], len(source), False
        return source[i + 1 : close], close + 1, True
    end = i
    while end < len(source) and not source[end].isspace():
        end += 1
    return source[i:end], end, True


# -- sets of quotes ---------------------------------------------------------------------------

# A set of quotes is either a few document numbers (when small) or an int used as a bitset
# (when large): ANDing two bitsets of 50,000 quotes costs well under a microsecond. Small sets
# are stored in the index as sorted arrays of 4-byte numbers (a tenth of a frozenset's memory)
# and become frozensets only while a query combines them.
Docs: TypeAlias = "int | frozenset[int] | array[int]"
_NONZERO = re.compile(rb"[^\x00]")
_BITS_OF_BYTE = tuple(tuple(b for b in range(8) if byte >> b & 1) for byte in range(256))


def _numbers() -> array[int]:
    """An empty array of quote numbers (4 bytes each), as the build collects them."""
    return array("I")


class _DocSets:
    """Set algebra over the two representations, for a corpus of `size` quotes."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.nbytes = (size + 7) // 8
        self.small = max(64, size // 64)
        self.all: int = (1 << size) - 1
        self.empty: frozenset[int] = frozenset()

    def from_ids(self, ids: Iterable[int]) -> Docs:
        ids = ids if isinstance(ids, (set, frozenset, list, tuple)) else list(ids)
        if len(ids) <= self.small:
            return array("I", sorted(set(ids)))
        return self.to_bits(ids)

    def from_ascending(self, ids: Sequence[int]) -> Docs:
        """`from_ids` of numbers already ascending and without repeats (as the index is built,
        a quote at a time): the same set, without sorting what is in order. An array of them
        (what the build collects) becomes the set itself when small."""
        if len(ids) <= self.small:
            return ids if isinstance(ids, array) and ids.typecode == "I" else array("I", ids)
        return self.to_bits(ids)

    @staticmethod
    def _set(docs: frozenset[int] | array[int]) -> frozenset[int]:
        return docs if isinstance(docs, frozenset) else frozenset(docs)

    def to_bits(self, docs: Docs | Iterable[int]) -> int:
        if isinstance(docs, int):
            return docs
        flags = bytearray(self.nbytes)
        for d in docs:
            flags[d >> 3] |= 1 << (d & 7)
        return int.from_bytes(flags, "little")

    def count(self, docs: Docs) -> int:
        return docs.bit_count() if isinstance(docs, int) else len(docs)

    def both(self, a: Docs, b: Docs) -> Docs:
        if isinstance(a, int):
            if isinstance(b, int):
                return a & b
            a, b = b, a
        if isinstance(b, int):
            flags = b.to_bytes(self.nbytes, "little")
            return frozenset(d for d in a if flags[d >> 3] >> (d & 7) & 1)
        return self._set(a) & self._set(b)

    def either(self, a: Docs, b: Docs) -> Docs:
        if isinstance(a, int) and isinstance(b, int):
            return a | b
        if isinstance(a, int):
            return a | self.to_bits(b)
        if isinstance(b, int):
            return b | self.to_bits(a)
        joined = self._set(a) | self._set(b)
        return joined if len(joined) <= self.small else self.to_bits(joined)

    def union(self, parts: Iterable[Docs]) -> Docs:
        bits = 0
        ids: set[int] = set()
        for part in parts:
            if isinstance(part, int):
                bits |= part
            else:
                ids.update(part)
        if not bits:
            return frozenset(ids) if len(ids) <= self.small else self.to_bits(ids)
        return bits | self.to_bits(ids) if ids else bits

    def without(self, a: Docs, b: Docs) -> Docs:
        if isinstance(a, int) and isinstance(b, int):
            return a & ~b
        if isinstance(a, int):
            return a & ~self.to_bits(b)
        inside = self.contains(b)
        return frozenset(d for d in a if not inside(d))

    def contains(self, docs: Docs) -> Callable[[int], bool]:
        if isinstance(docs, int):
            flags = docs.to_bytes(self.nbytes, "little")
            return lambda d: bool(flags[d >> 3] >> (d & 7) & 1)
        return self._set(docs).__contains__

    def ordered(self, docs: Docs) -> Iterator[int]:
        """Document numbers in ascending order, which is rank order, lazily."""
        if not isinstance(docs, int):
            yield from sorted(docs)
            return
        flags = docs.to_bytes(self.nbytes, "little")
        for match in _NONZERO.finditer(flags):
            base = match.start() << 3
            for bit in _BITS_OF_BYTE[flags[match.start()]]:
                yield base + bit


# -- results ----------------------------------------------------------------------------------


class MatchKind(StrEnum):
    """How a hit matched, best first: the words as typed, all of them, or one typo away."""

    EXACT = "exact"
    ALL_WORDS = "all-words"
    NEAR = "near"


@dataclass(frozen=True, slots=True)
class _Highlighter:
    """What to mark in a quote's text: whole words, word prefixes, and phrases."""

    words: frozenset[str]
    prefixes: tuple[str, ...]
    phrases: tuple[tuple[tuple[str, ...], bool], ...]

    def ranges(self, text: str) -> tuple[tuple[int, int], ...]:
        if not (self.words or self.prefixes or self.phrases):
            return ()
        words, prefixes = self.words, self.prefixes
        if text.isascii():
            # The common case, kept lean: one regex pass, spans taken only for marked words.
            marked = [
                m.span()
                for m in _ASCII_WORD.finditer(text.lower())
                if (word := m.group()) in words or (prefixes and word.startswith(prefixes))
            ]
            if not self.phrases:
                return _merge(marked, text)
            tokens = tokenize(text)
        else:
            tokens = tokenize(text)
            marked = [
                (start, end)
                for word, start, end in tokens
                if word in words or (prefixes and word.startswith(prefixes))
            ]
        for phrase, prefix in self.phrases:
            size, first = len(phrase), phrase[0]
            for i in range(len(tokens) - size + 1):
                if tokens[i][0] == first and _phrase_at(tokens, i, phrase, prefix):
                    marked.append((tokens[i][1], tokens[i + size - 1][2]))
        return _merge(marked, text)


def _phrase_at(
    tokens: Sequence[tuple[str, int, int]], i: int, words: tuple[str, ...], prefix: bool
) -> bool:
    last = len(words) - 1
    for k, word in enumerate(words):
        token = tokens[i + k][0]
        if not (token == word or (prefix and k == last and token.startswith(word))):
            return False
    return True


def _merge(ranges: list[tuple[int, int]], text: str) -> tuple[tuple[int, int], ...]:
    """Sorted, non-overlapping ranges; neighbours separated only by spaces become one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and (start <= merged[-1][1] or not text[merged[-1][1] : start].strip()):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


class _QuoteRows(Protocol):
    """The engine's quotes by number: a list in memory, rows read on demand from an index."""

    def __getitem__(self, doc: int, /) -> Quote: ...


@runtime_checkable
class _QuoteRowsInOneGo(_QuoteRows, Protocol):
    """Rows read from a stored index: several quotes in one query (a list has no need)."""

    def many(self, docs: Sequence[int], /) -> list[Quote]: ...


class Hit:
    """One quote found: how it matched, and (read when asked) the quote and what to mark.

    The quote is read from the engine's rows only when asked: a search lists up to its limit
    of hits, but a screen shows a dozen of them, and reading a quote from a stored index
    decodes its record.
    """

    __slots__ = ("_doc", "_highlighter", "_quote", "_quotes", "_ranges", "match")

    def __init__(
        self,
        quotes: _QuoteRows,
        doc: int,
        match: MatchKind,
        highlighter: _Highlighter,
    ) -> None:
        self._quotes = quotes
        self._doc = doc
        self._quote: Quote | None = None
        self.match = match
        self._highlighter = highlighter
        self._ranges: tuple[tuple[int, int], ...] | None = None

    @property
    def quote(self) -> Quote:
        if self._quote is None:
            self._quote = self._quotes[self._doc]
        return self._quote

    @property
    def ref(self) -> Ref:
        return self.quote.ref

    @property
    def ranges(self) -> tuple[tuple[int, int], ...]:
        """(start, end) character ranges of `quote.text` to highlight, sorted and disjoint."""
        if self._ranges is None:
            self._ranges = self._highlighter.ranges(self.quote.text)
        return self._ranges

    def __repr__(self) -> str:
        return f"Hit({self.quote.id!r}, {self.match.value})"


def read_quotes(hits: Sequence[Hit]) -> list[Quote]:
    """The quotes of `hits`, in order, read together: a stored index answers those not yet
    read in one query (each hit keeps its quote), rather than one query for each hit."""
    groups: dict[int, tuple[_QuoteRows, list[Hit]]] = {}
    for hit in hits:
        if hit._quote is None:
            groups.setdefault(id(hit._quotes), (hit._quotes, []))[1].append(hit)
    for rows, waiting in groups.values():
        if isinstance(rows, _QuoteRowsInOneGo):
            for hit, quote in zip(waiting, rows.many([h._doc for h in waiting]), strict=True):
                hit._quote = quote
    return [hit.quote for hit in hits]


@dataclass(frozen=True)
class SearchResult:
    """The hits of one query, best first; `total` counts every match, `hits` may be limited.

    `near` is true when the hits are near matches (nothing matched exactly); `corrections`
    then maps each mistyped word to the words it was taken for. `message` explains an empty
    result (or the near matches) in one sentence a user can act on.
    """

    query: Query
    hits: list[Hit]
    total: int
    near: bool = False
    corrections: dict[str, tuple[str, ...]] = field(default_factory=dict)
    message: str | None = None

    def __len__(self) -> int:
        return len(self.hits)

    def __bool__(self) -> bool:
        return bool(self.hits)

    @property
    def refs(self) -> list[Ref]:
        return [hit.ref for hit in self.hits]

    def count_label(self) -> str:
        """ "6 quotes", "1 quote", "3 near matches": the size of the whole result."""
        if self.near:
            return f"{self.total} near match{'es' if self.total != 1 else ''}"
        return f"{self.total} quote{'s' if self.total != 1 else ''}"


# -- the index --------------------------------------------------------------------------------

_TOP = "\U0010ffff"
_MAX_NEAR_WORD = 32
_NEAR_MIN = 3
_MAX_CORRECTIONS = 4


_KEY_CHARS = 48  # of a name, from each word start, that the key index holds


class _KeyIndex:
    """Names found by a prefix starting at any word: "hay" finds "Yoshimasa Hayashi".

    Each folded name is kept once; per word start the index holds only the next _KEY_CHARS
    characters and where they come from, so a name of W words costs O(W), not the O(W²) of
    every suffix. A value longer than that is checked against the whole name.
    """

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        names: dict[str, int] = {}
        keys: set[tuple[str, str, int, int]] = set()
        for text, target in entries:
            words = fold_tokens(text)
            joined = " ".join(words)
            number = names.setdefault(joined, len(names))
            start = 0
            for word in words:
                keys.add((joined[start : start + _KEY_CHARS], target, number, start))
                start += len(word) + 1
        self._names = list(names)
        self._keys = sorted(keys)
        self._heads = [key[0] for key in self._keys]

    def __len__(self) -> int:
        return len(self._keys)

    def find(self, words: Sequence[str]) -> set[str]:
        needle = " ".join(words)
        head = needle[:_KEY_CHARS]
        lo = bisect.bisect_left(self._heads, head)
        hi = bisect.bisect_left(self._heads, head + _TOP, lo)
        if len(needle) <= _KEY_CHARS:
            return {target for _, target, _, _ in self._keys[lo:hi]}
        found: set[str] = set()
        for _, target, number, start in self._keys[lo:hi]:
            if target not in found and self._names[number].startswith(needle, start):
                found.add(target)
        return found


@dataclass(frozen=True, slots=True)
class _Prefix:
    """Every word beginning with a prefix: the quotes that hold one, split for phrase work."""

    docs: Docs
    rare_docs: Docs
    common_words: tuple[str, ...]


class SearchIndex:
    """Everything search needs, built once from a Corpus; `search` then never scans quotes.

    Quotes are numbered in rank order (newest article first), so "best first" is ascending
    number. Per word: a bitset when common, a frozenset when rare. Pairs of common words have
    their own sets, so a phrase of common words is found without reading candidate texts.
    Prefixes of up to three letters are pre-joined; typos are found by generating the edits of
    the typed word and looking them up in the vocabulary.
    """

    PREJOINED_PREFIX = 3

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        # Sorted with their places in file order beside them, rather than looked up in a
        # dict of every quote's id kept for the whole build.
        ranked = sorted(enumerate(corpus.quotes.values()), key=self._rank_key)
        self._quotes: list[Quote] = [quote for _, quote in ranked]
        del ranked
        self._sets = _DocSets(len(self._quotes))
        token_lists = self._index_words()
        self._index_pairs(token_lists)
        del token_lists
        self._prefixes: dict[str, _Prefix] = {}
        self._prefixes = self._prejoin_prefixes()
        self._index_fields()

    def _index_words(self) -> Iterator[list[str]]:
        """Postings per folded word, the vocabulary, and each quote's words as one string;
        returns each quote's words again, read back from that string one quote at a time
        (a list of every quote's words, each word a string of its own, would be the largest
        thing the index ever held)."""
        sets = self._sets
        # Quote numbers are collected as 4-byte arrays: as lists of ints, the millions of
        # postings of 10,000 articles took a quarter of a gigabyte.
        postings: defaultdict[str, array[int]] = defaultdict(_numbers)
        texts: list[str] = []
        for d, quote in enumerate(self._quotes):
            words = fold_tokens(quote.text)
            texts.append(" " + " ".join(words) + " ")
            for word in set(words):  # each word once a quote; the postings stay in order
                postings[word].append(d)
        self._texts = texts
        self._longest = max(map(len, texts), default=0)
        self._postings: dict[str, Docs] = {
            w: sets.from_ascending(ids) for w, ids in postings.items()
        }
        self._common = frozenset(w for w, ids in postings.items() if len(ids) > sets.small)
        self._vocab: list[str] = sorted(postings)
        letters: defaultdict[str, int] = defaultdict(int)
        for word in self._vocab:
            for char in word:
                letters[char] += 1
        self._alphabet = "".join(sorted(letters, key=lambda c: -letters[c])[:40])
        # A folded word holds no space, so splitting the joined words gives them back.
        return (text.split() for text in texts)

    def _index_pairs(self, token_lists: Iterable[list[str]]) -> None:
        """Quotes per pair of adjacent common words: phrases of common words need no reading."""
        pairs: defaultdict[str, array[int]] = defaultdict(_numbers)
        common = self._common
        for d, words in enumerate(token_lists):
            # Each pair once a quote (a set), appended in quote order as before.
            for key in {f"{a} {b}" for a, b in pairwise(words) if a in common and b in common}:
                pairs[key].append(d)
        self._pairs: dict[str, Docs] = {k: self._sets.from_ascending(v) for k, v in pairs.items()}

    def _index_fields(self) -> None:
        """Names to ids for speaker:, meeting: and article:, and quotes per field value."""
        corpus, sets = self.corpus, self._sets
        self._speakers = _KeyIndex(
            (text, actor.id)
            for actor in corpus.actors.values()
            for text in (actor.name, actor.id, *actor.aliases)
        )
        self._meetings = _KeyIndex(
            (text, meeting.id)
            for meeting in corpus.meetings.values()
            for text in (meeting.title, meeting.id)
        )
        self._articles = _KeyIndex(
            (text, article.id)
            for article in corpus.articles.values()
            for text in (article.title, article.id)
        )
        by_speaker: defaultdict[str, array[int]] = defaultdict(_numbers)
        by_meeting: defaultdict[str, array[int]] = defaultdict(_numbers)
        by_article: defaultdict[str, array[int]] = defaultdict(_numbers)
        by_kind: defaultdict[str, array[int]] = defaultdict(_numbers)
        for d, quote in enumerate(self._quotes):
            for speaker in dict.fromkeys(quote.speakers):
                by_speaker[speaker].append(d)
            if quote.meeting:
                by_meeting[quote.meeting].append(d)
            by_article[quote.article].append(d)
            by_kind[quote.kind].append(d)
        self._field_docs: dict[str, dict[str, Docs]] = {
            name: {key: sets.from_ascending(ids) for key, ids in table.items()}
            for name, table in (
                ("speaker", by_speaker),
                ("meeting", by_meeting),
                ("article", by_article),
                ("kind", by_kind),
            )
        }

    def _rank_key(self, numbered: tuple[int, Quote]) -> tuple[int, str, int, int]:
        """Newest article first; within an article, where the quote is, then file order (the
        number beside the quote)."""
        number, quote = numbered
        article = self.corpus.articles.get(quote.article)
        published = article.published if article else date.min
        place = min((s.start for s in quote.spans if s.article == quote.article), default=0)
        return (-published.toordinal(), quote.article, place, number)

    def __len__(self) -> int:
        return len(self._quotes)

    # -- words ------------------------------------------------------------------------------

    def _word_range(self, prefix: str) -> tuple[int, int]:
        lo = bisect.bisect_left(self._vocab, prefix)
        return lo, bisect.bisect_left(self._vocab, prefix + _TOP, lo)

    def _prejoin_prefixes(self) -> dict[str, _Prefix]:
        """The short prefixes that cover many words, joined once so a keystroke need not."""
        groups: defaultdict[str, list[str]] = defaultdict(list)
        for word in self._vocab:
            for size in range(1, min(len(word), self.PREJOINED_PREFIX) + 1):
                groups[word[:size]].append(word)
        return {
            prefix: self._join_prefix(words) for prefix, words in groups.items() if len(words) > 16
        }

    def _join_prefix(self, words: Sequence[str]) -> _Prefix:
        sets = self._sets
        common = tuple(w for w in words if w in self._common)
        rare = sets.union(self._postings[w] for w in words if w not in self._common)
        docs = sets.union([rare, *(self._postings[w] for w in common)])
        return _Prefix(docs, rare, common)

    def _prefix(self, prefix: str) -> _Prefix:
        known = self._prefixes.get(prefix)
        if known is not None:
            return known
        lo, hi = self._word_range(prefix)
        return self._join_prefix(self._vocab[lo:hi])

    def _word_docs(self, word: str, prefix: bool) -> Docs:
        if prefix:
            return self._prefix(word).docs
        return self._postings.get(word, self._sets.empty)

    def _phrase_docs(self, words: Sequence[str], prefix: bool, within: Docs) -> Docs:
        """Quotes in `within` holding the words side by side, read only where sets cannot tell."""
        needle = self._needle(words, prefix)
        if len(needle) > self._longest:
            return self._sets.empty
        candidates, certain = self._phrase_candidates(words, prefix, within)
        if certain:
            return candidates
        texts = self._texts
        return self._sets.from_ids(
            [d for d in self._sets.ordered(candidates) if needle in texts[d]]
        )

    def _phrase_candidates(
        self, words: Sequence[str], prefix: bool, within: Docs
    ) -> tuple[Docs, bool]:
        """A superset of the phrase's quotes from the pair sets, and whether it is exact."""
        sets = self._sets
        candidates = within
        for word in words[:-1]:
            candidates = sets.both(candidates, self._postings.get(word, sets.empty))
        candidates = sets.both(candidates, self._word_docs(words[-1], prefix))
        if len(words) < 2:
            return candidates, True
        certain = len(words) == 2 and not prefix
        used: set[tuple[str, str]] = set()
        for i in range(len(words) - 1):
            a, b = words[i], words[i + 1]
            if a not in self._common:
                certain = False
                continue
            last = prefix and i + 1 == len(words) - 1
            if (a, b) in used and not last:
                continue
            used.add((a, b))
            if last:
                joined = self._prefix(b)
                pair_docs = sets.union(
                    [
                        joined.rare_docs,
                        *(self._pairs.get(f"{a} {w}", sets.empty) for w in joined.common_words),
                    ]
                )
            elif b in self._common:
                pair_docs = self._pairs.get(f"{a} {b}", sets.empty)
            else:
                certain = False
                continue
            candidates = sets.both(candidates, pair_docs)
        return candidates, certain

    @staticmethod
    def _needle(words: Sequence[str], prefix: bool) -> str:
        return " " + " ".join(words) + ("" if prefix else " ")

    # -- near matches -----------------------------------------------------------------------

    def _edits(self, word: str) -> set[str]:
        """Every string one edit away: a letter dropped, swapped, changed or added."""
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        letters = self._alphabet + "".join(
            c for c in dict.fromkeys(word) if c not in self._alphabet
        )
        edits = {a + b[1:] for a, b in splits if b}
        edits |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        edits |= {a + c + b[1:] for a, b in splits if b for c in letters}
        edits |= {a + c + b for a, b in splits for c in letters}
        edits.discard(word)
        return edits

    def near_words(self, word: str, prefix: bool = False) -> tuple[str, ...]:
        """Words of the corpus one typo away from `word` (for a prefix: from its start)."""
        if not _NEAR_MIN <= len(word) <= _MAX_NEAR_WORD:
            return ()
        found: set[str] = set()
        vocab, postings = self._vocab, self._postings
        for edit in self._edits(word):
            if edit in postings:
                found.add(edit)
            # As a prefix, only edits no longer than the word: an added letter would rarely
            # begin a word that the exact lookup above has not already found.
            if prefix and _NEAR_MIN < len(edit) <= len(word):
                lo = bisect.bisect_left(vocab, edit)
                if lo < len(vocab) and vocab[lo].startswith(edit):
                    found.update(vocab[lo : bisect.bisect_left(vocab, edit + _TOP, lo)])
        if prefix:
            found = {w for w in found if not w.startswith(word)}
        else:
            found.discard(word)
        return tuple(sorted(found))

    # -- search -----------------------------------------------------------------------------

    def parse(self, text: str, *, prefix_last: bool = True) -> Query:
        return parse_query(text, prefix_last=prefix_last)

    def search(
        self, query: str | Query, limit: int | None = None, *, prefix_last: bool = True
    ) -> SearchResult:
        """The quotes matching `query`, best first, at most `limit` of them; never raises."""
        parsed = query if isinstance(query, Query) else parse_query(query, prefix_last=prefix_last)
        if parsed.is_empty:
            return SearchResult(parsed, [], 0, message=_empty_query_message(parsed))
        sets = self._sets
        docs = self._evaluate(parsed, near=None)
        total = sets.count(docs)
        if total:
            hits = self._ranked(parsed, docs, limit)
            return SearchResult(parsed, hits, total)
        corrections = self._corrections(parsed)
        if corrections:
            docs = self._evaluate(parsed, near=corrections)
            total = sets.count(docs)
            if total:
                highlighter = self._highlighter(parsed, corrections)
                numbers = _take(sets.ordered(docs), limit)
                hits = [Hit(self._quotes, d, MatchKind.NEAR, highlighter) for d in numbers]
                return SearchResult(
                    parsed,
                    hits,
                    total,
                    near=True,
                    corrections=corrections,
                    message=_near_message(corrections),
                )
        return SearchResult(parsed, [], 0, message=self._why_empty(parsed))

    def _clause_docs(
        self, clause: Clause, within: Docs, near: dict[str, tuple[str, ...]] | None
    ) -> Docs:
        """The quotes of `within` that hold the clause (ignoring its negation)."""
        sets = self._sets
        if isinstance(clause, FieldClause):
            return sets.both(within, self._field(clause))
        if near is not None and not clause.negated:
            result = within
            for i, word in enumerate(clause.words):
                prefix = clause.prefix and i == len(clause.words) - 1
                parts = [self._word_docs(word, prefix)]
                parts += [self._postings[w] for w in near.get(word, ())]
                result = sets.both(result, sets.union(parts))
            return result
        if clause.is_phrase:
            return self._phrase_docs(clause.words, clause.prefix, within)
        return sets.both(within, self._word_docs(clause.words[0], clause.prefix))

    def _evaluate(self, query: Query, near: dict[str, tuple[str, ...]] | None) -> Docs:
        """The quotes matching every clause (words expanded by `near` when given)."""
        sets = self._sets
        docs: Docs = sets.all
        # Fields first (a field named twice takes either value), then the rarest-looking words:
        # the set shrinks before any phrase has to be read.
        fields: defaultdict[str, list[Docs]] = defaultdict(list)
        for clause in query.clauses:
            if isinstance(clause, FieldClause) and not clause.negated:
                fields[clause.name].append(self._field(clause))
        for either in fields.values():
            docs = sets.both(docs, sets.union(either))
        words = [c for c in query.positive_text]
        words.sort(key=self._estimate)
        for clause in words:
            if not sets.count(docs):
                return sets.empty
            docs = self._clause_docs(clause, docs, near)
        if not sets.count(docs):
            return sets.empty
        for clause in query.clauses:
            if clause.negated:
                docs = sets.without(docs, self._clause_docs(clause, docs, None))
        return docs

    def _estimate(self, clause: TextClause) -> int:
        word = clause.words[-1]
        if clause.prefix:
            return self._sets.size
        return self._sets.count(self._postings.get(word, self._sets.empty))

    def _field(self, clause: FieldClause) -> Docs:
        sets = self._sets
        table = self._field_docs[clause.name]
        if clause.name == "kind":
            wanted = " ".join(clause.value)
            keys: set[str] = {kind for kind in QUOTE_KINDS if kind.startswith(wanted)}
        else:
            finder = {
                "speaker": self._speakers,
                "meeting": self._meetings,
                "article": self._articles,
            }[clause.name]
            keys = finder.find(clause.value)
        return sets.union(table[key] for key in keys if key in table)

    def _ranked(self, query: Query, docs: Docs, limit: int | None) -> list[Hit]:
        """Exact-as-typed first, then all-words, each in rank (number) order."""
        sets = self._sets
        highlighter = self._highlighter(query, None)
        words, prefix = query.free_words
        quotes = self._quotes
        if len(words) < 2:
            numbers = _take(sets.ordered(docs), limit)
            return [Hit(quotes, d, MatchKind.EXACT, highlighter) for d in numbers]
        candidates, certain = self._phrase_candidates(words, prefix, docs)
        needle = self._needle(words, prefix)
        texts = self._texts
        exact: list[int] = []
        for d in sets.ordered(candidates):
            if limit is not None and len(exact) >= limit:
                break
            if certain or needle in texts[d]:
                exact.append(d)
        hits = [Hit(quotes, d, MatchKind.EXACT, highlighter) for d in exact]
        if limit is not None and len(hits) >= limit:
            return hits
        is_exact = set(exact)
        rest = (d for d in sets.ordered(docs) if d not in is_exact)
        remaining = None if limit is None else limit - len(hits)
        hits += [Hit(quotes, d, MatchKind.ALL_WORDS, highlighter) for d in _take(rest, remaining)]
        return hits

    def _highlighter(self, query: Query, near: dict[str, tuple[str, ...]] | None) -> _Highlighter:
        words: set[str] = set()
        prefixes: list[str] = []
        phrases: list[tuple[tuple[str, ...], bool]] = []
        for clause in query.positive_text:
            if clause.is_phrase and near is None:
                phrases.append((clause.words, clause.prefix))
                continue
            for i, word in enumerate(clause.words):
                if clause.prefix and i == len(clause.words) - 1:
                    prefixes.append(word)
                else:
                    words.add(word)
                if near:
                    words.update(near.get(word, ()))
        return _Highlighter(frozenset(words), tuple(prefixes), tuple(phrases))

    def _corrections(self, query: Query) -> dict[str, tuple[str, ...]]:
        """For each typed word found nowhere, the words one typo away; {} when that is hopeless.

        Words that do occur are left alone: if they merely never meet, a near match would only
        be noise. When some unknown word has no near word either, nothing can match at all.
        """
        corrections: dict[str, tuple[str, ...]] = {}
        for clause in query.positive_text:
            for i, word in enumerate(clause.words):
                prefix = clause.prefix and i == len(clause.words) - 1
                if word in corrections or self._sets.count(self._word_docs(word, prefix)):
                    continue
                if len(corrections) >= _MAX_CORRECTIONS:
                    return {}
                near = self.near_words(word, prefix)
                if not near:
                    return {}
                corrections[word] = near
        return corrections

    def _why_empty(self, query: Query) -> str:
        """Which part of the query finds nothing, and what to do about it."""
        sets = self._sets
        shown = _shorten(" ".join(query.text.split()))
        for clause in query.clauses:
            if clause.negated:
                continue
            if isinstance(clause, TextClause) and not clause.is_phrase:
                alone = self._word_docs(clause.words[0], clause.prefix)
            else:
                alone = self._clause_docs(clause, sets.all, None)
            if not sets.count(alone):
                if isinstance(clause, FieldClause):
                    if clause.name == "kind":
                        reason = "kind is one of direct, paraphrase, reported"
                    else:
                        reason = f"no {clause.name} matches “{' '.join(clause.value)}”"
                    advice = f"remove or change {clause.name}:"
                else:
                    reason = f"no quote contains “{_shorten(' '.join(clause.words))}”"
                    if clause.quoted:
                        advice = "drop the quotes around the phrase or check its spelling"
                    elif clause.is_phrase:
                        advice = f"type the words of “{_shorten(clause.raw)}” apart"
                    else:
                        advice = "check the spelling or try another word"
                return f"No quotes match “{shown}”: {reason}. To widen the search, {advice}."
        if any(c.negated for c in query.clauses) and sets.count(self._evaluate_positive(query)):
            return (
                f"No quotes match “{shown}”: the excluded words leave nothing. "
                "To widen the search, remove a -word."
            )
        return (
            f"No quotes match “{shown}”: each part matches on its own, but no quote has them "
            "all. To widen the search, remove a word or a filter."
        )

    def _evaluate_positive(self, query: Query) -> Docs:
        positive = Query(query.text, tuple(c for c in query.clauses if not c.negated))
        if positive.is_empty:
            return self._sets.all
        return self._evaluate(positive, None)


def _shorten(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _take(numbers: Iterable[int], limit: int | None) -> list[int]:
    if limit is None:
        return list(numbers)
    taken: list[int] = []
    if limit <= 0:
        return taken
    for number in numbers:
        taken.append(number)
        if len(taken) >= limit:
            break
    return taken


def _near_message(corrections: dict[str, tuple[str, ...]]) -> str:
    parts = []
    for word, near in corrections.items():
        shown = ", ".join(near[:5]) + (", …" if len(near) > 5 else "")
        parts.append(f"“{word}” as {shown}")
    return "No exact matches; showing near matches for " + "; ".join(parts) + "."


def _empty_query_message(query: Query) -> str:
    if query.ignored:
        return (
            "Nothing to search for: the query has no letters or digits. Type words, "
            '"a phrase", -word, speaker:, meeting:, kind: or article:.'
        )
    return 'Type words, "a phrase", -word, speaker:, meeting:, kind: or article: to search quotes.'


__all__ = [
    "FIELDS",
    "Clause",
    "Docs",
    "FieldClause",
    "Hit",
    "MatchKind",
    "Query",
    "SearchIndex",
    "SearchResult",
    "TextClause",
    "fold",
    "fold_tokens",
    "parse_query",
    "read_quotes",
    "tokenize",
]

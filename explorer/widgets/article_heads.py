"""Every article's id, title and publication day, read once per corpus without the bodies.

The article picker lists them and the timeline marks where each was published; over a
persisted index that is one query (`IndexedCorpus.article_heads`), made once, in the
background (the main screen's worker reads them once the panes show), not an article
decoded at a time.
"""

from __future__ import annotations

import threading
from datetime import date
from typing import NamedTuple
from weakref import WeakKeyDictionary

from explorer.data import Corpus
from explorer.data.index import IndexedCorpus


class ArticleHead(NamedTuple):
    """An article as lists show it: no body."""

    id: str
    title: str
    published: date


_heads: WeakKeyDictionary[Corpus, list[ArticleHead]] = WeakKeyDictionary()
_counts: WeakKeyDictionary[Corpus, dict[str, int]] = WeakKeyDictionary()
_reading = threading.Lock()


def article_heads(corpus: Corpus) -> list[ArticleHead]:
    """Every article by publication day (then id)."""
    with _reading:
        heads = _heads.get(corpus)
        if heads is None:
            if isinstance(corpus, IndexedCorpus):
                heads = [ArticleHead(*head) for head in corpus.article_heads()]
            else:
                ordered = sorted(corpus.articles.values(), key=lambda a: (a.published, a.id))
                heads = [ArticleHead(a.id, a.title, a.published) for a in ordered]
            _heads[corpus] = heads
        return heads


def article_counts(corpus: Corpus) -> dict[str, int]:
    """How many items each article holds (one query over a persisted index)."""
    with _reading:
        counts = _counts.get(corpus)
        if counts is None:
            if isinstance(corpus, IndexedCorpus):
                counts = corpus.items_per_article()
            else:
                counts = {key: len(refs) for key, refs in corpus.items_in_article.items()}
            _counts[corpus] = counts
        return counts

"""The article(s) an item comes from, as the end of its row when several articles are loaded."""

from __future__ import annotations

from textual.content import Content

from explorer.data import Corpus, Item


def article_tag(corpus: Corpus, item: Item) -> Content | None:
    """ "  story-00012" (or "  in 14 articles"), dim; None when the corpus is one article."""
    articles = item.articles
    return articles_tag(corpus, len(articles), articles[0] if articles else None)


def articles_tag(corpus: Corpus, count: int, first: str | None) -> Content | None:
    """The same from how many articles an item is in and the first of them."""
    if len(corpus.articles) < 2:
        return None
    if count > 1:  # an actor, or a meeting several articles report
        return Content.styled(f"  in {count} articles", "dim italic")
    return Content.styled(f"  {first}" if first is not None else "", "dim italic")

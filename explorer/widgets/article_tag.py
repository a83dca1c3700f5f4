"""The article(s) an item comes from, as the end of its row when several articles are loaded."""

from __future__ import annotations

from textual.content import Content

from explorer.data import Corpus, Item


def article_tag(corpus: Corpus, item: Item) -> Content | None:
    """ "  story-00012" (or "  in 14 articles"), dim; None when the corpus is one article."""
    if len(corpus.articles) < 2:
        return None
    articles = item.articles
    if len(articles) > 1:  # an actor, or a meeting several articles report
        return Content.styled(f"  in {len(articles)} articles", "dim italic")
    return Content.styled(f"  {articles[0]}" if articles else "", "dim italic")

"""Every fact of the seed has a sentence behind it, and every highlight says what its item says.

These checks fold quotes and white space on their own (not with the data layer's matcher that
found the spans), so a matcher that drifts is caught rather than trusted.
"""

from __future__ import annotations

import json
import re

import pytest

from explorer.cli import main
from explorer.data import Actor, Corpus, Meeting, Quote, Ref
from explorer.widgets.article_view import build_highlights

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "«": '"', "»": '"'})


def fold(text: str) -> str:
    """Typographic and straight quotes as equal, runs of white space as one space."""
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip()


def every_item(corpus: Corpus) -> list[Ref]:
    return [item.ref for kind in ("actor", "meeting", "quote") for item in corpus.all(kind)]


def test_every_actor_meeting_and_quote_of_the_seed_has_a_supporting_sentence(
    seed_corpus: Corpus,
) -> None:
    unsupported = [str(ref) for ref in every_item(seed_corpus) if not seed_corpus.sentences(ref)]
    assert unsupported == []
    assert len(every_item(seed_corpus)) == 19 + 9 + 7


def test_each_supporting_sentence_holds_its_excerpt(seed_corpus: Corpus) -> None:
    for ref in every_item(seed_corpus):
        for article, span in seed_corpus.sentences(ref):
            assert span.sentence_start <= span.start < span.end <= span.sentence_end, ref
            sentence = article.body[span.sentence_start : span.sentence_end]
            assert sentence.strip() == sentence and sentence, ref


def allowed_texts(item: Actor | Meeting | Quote, how: str) -> list[str]:
    """What a span of this item, found this way, may say."""
    if how == "name" and isinstance(item, Actor):
        return [item.name]
    if how == "alias" and isinstance(item, Actor):
        return list(item.aliases)
    if how == "text" and isinstance(item, Quote):
        return [item.text]
    if how == "evidence":
        return list(item.evidence)
    return []


def test_every_highlighted_span_says_what_its_item_says(seed_corpus: Corpus) -> None:
    checked = 0
    for article in seed_corpus.articles.values():
        for highlight in build_highlights(seed_corpus.spans_in(article.id)):
            item = seed_corpus[highlight.ref]
            shown = fold(article.body[highlight.start : highlight.end])
            allowed = [fold(text) for text in allowed_texts(item, highlight.how)]
            assert shown in allowed, (highlight.ref, highlight.how, shown)
            checked += 1
    assert checked > 50


def test_a_direct_quote_is_highlighted_as_its_own_words(seed_corpus: Corpus) -> None:
    for quote in seed_corpus.quotes.values():
        if quote.kind != "direct":
            continue
        texts = {
            fold(seed_corpus.articles[span.article].body[span.start : span.end])
            for span in quote.spans
            if span.how == "text"
        }
        assert texts == {fold(quote.text)}, quote.id


@pytest.mark.parametrize("how", ["name", "alias", "text", "evidence"])
def test_the_check_itself_rejects_a_span_that_says_something_else(
    seed_corpus: Corpus, how: str
) -> None:
    """A span shifted by one character no longer matches: the test above has teeth."""
    article = next(iter(seed_corpus.articles.values()))
    highlight = next(h for h in build_highlights(seed_corpus.spans_in(article.id)) if h.how == how)
    item = seed_corpus[highlight.ref]
    shifted = fold(article.body[highlight.start + 1 : highlight.end])
    assert shifted not in [fold(text) for text in allowed_texts(item, how)]


# -- the command line ---------------------------------------------------------------------


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    "ident", ["yoshimasa-hayashi", "etc-delegation-visit-2025", "etc-statement-mutual-trust"]
)
def test_show_prints_every_supporting_sentence(
    seed_corpus: Corpus, ident: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", ident]) == 0
    out = squash(capsys.readouterr().out)
    assert "In the article" in out
    (ref,) = seed_corpus.find(ident)
    sentences = seed_corpus.sentences(ref)
    assert sentences
    after = out.index("In the article")
    for article, span in sentences:
        sentence = squash(article.body[span.sentence_start : span.sentence_end])
        assert sentence in out[after:]


def test_show_json_lists_the_supporting_sentences(
    seed_corpus: Corpus, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", "wang-yi", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    expected = [
        (article.id, span.sentence_start, span.sentence_end)
        for article, span in seed_corpus.sentences(Ref("actor", "wang-yi"))
    ]
    assert [(s["article"], s["start"], s["end"]) for s in record["sentences"]] == expected
    assert all("Wang Yi" in s["text"] for s in record["sentences"])

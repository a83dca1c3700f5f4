"""The seed article as curated data: complete, consistent and supported sentence by sentence."""

from __future__ import annotations

from explorer.data import Corpus
from explorer.data.text import fold_quotes


def test_every_item_of_the_seed_has_a_provenance_span(seed_corpus: Corpus) -> None:
    missing = [
        str(item.ref)
        for kind in ("actor", "meeting", "quote")
        for item in seed_corpus.all(kind)
        if not item.spans
    ]
    assert missing == []


def test_spans_point_at_the_text_they_claim(seed_corpus: Corpus) -> None:
    def norm(text: str) -> str:
        return " ".join(fold_quotes(text).split())

    for kind in ("actor", "meeting", "quote"):
        for item in seed_corpus.all(kind):
            for span in item.spans:
                body = seed_corpus.articles[span.article].body
                excerpt = norm(body[span.start : span.end])
                sentence = body[span.sentence_start : span.sentence_end]
                assert span.sentence_start <= span.start < span.end <= span.sentence_end
                assert "\n\n" not in sentence
                if span.how == "name":
                    assert excerpt == norm(item.name)
                elif span.how == "alias":
                    assert excerpt in {norm(a) for a in item.aliases}
                elif span.how == "text":
                    assert excerpt == norm(item.text)
                else:
                    assert excerpt in {norm(e) for e in item.evidence}


def test_body_is_the_article_less_web_page_leftovers(seed_corpus: Corpus) -> None:
    article = seed_corpus.articles["pla-etc-delegation-japan-2025"]
    assert "Impact Shorts" not in article.body and "More Shorts" not in article.body
    assert not article.body.rstrip().endswith(")")
    assert article.subheadings == (
        "Visit to enhance understanding, trust",
        "High-level engagement on both sides",
    )
    assert article.published.isoformat() == "2025-01-14"


def test_seed_dates_statuses_and_links(seed_corpus: Corpus) -> None:
    meetings = seed_corpus.meetings
    visit = meetings["etc-delegation-visit-2025"]
    assert visit.when.human() == "13–17 Jan 2025" and visit.status == "ongoing"
    assert meetings["defence-ministers-meeting-2024"].when.iso() == "2024-11"
    assert meetings["iwaya-wang-yi-meeting-2024"].when.iso() == "2024-12"
    assert meetings["wang-yi-japan-visit-2025"].when.iso() == "2025-02"
    assert meetings["wang-yi-japan-visit-2025"].status == "expected"
    assert meetings["g20-osaka-summit-2019"].when.iso() == "2019"
    assert seed_corpus.actors["pla-eastern-theater-command"].member_of == (
        "peoples-liberation-army",
    )
    assert seed_corpus.actors["peoples-liberation-army"].member_of == ("china",)
    direct = seed_corpus.quotes["etc-statement-mutual-trust"]
    assert direct.kind == "direct" and direct.speaker == "pla-eastern-theater-command"
    assert set(seed_corpus.meetings_of_actor["wang-yi"]) >= {
        "iwaya-wang-yi-meeting-2024",
        "akiba-china-visit-2024",
        "wang-yi-japan-visit-2025",
    }

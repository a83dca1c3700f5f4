"""Quote search latency on synthetic corpora of 1, 100 and 1,000 articles (not a test).

    /work/venv/bin/python bench/search.py [--sizes 1,100,1000] [--repeat 200] [--seed 7]

Each corpus is generated deterministically from the seed: articles in the shape of data format
v1 (slug ids, dated articles whose bodies hold every quote verbatim, actors shared across
articles with a few famous ones speaking often, meetings, quote kinds), quote words drawn from
a Zipf distribution (s = 1.07) over a vocabulary whose head is real English function and news
words and whose tail is pronounceable made-up words, with a few collocations ("mutual trust",
"defence exchanges") planted as news prose has them, and one word in eight drawn from the
article's theme (one of five) and its own topic words, so that words co-occur as they do in real articles. 50 quotes per article, so 1,000 articles
hold about 50,000 quotes.

For each query type the script times `SearchIndex.search(query, limit=50)` plus the highlight
ranges of the first 20 hits (one screenful), and beside it, in the same run, a plain linear
scan: every quote's lowercased text tested for each query word as a substring (for the speaker
filter, every quote's lowercased speaker names). It prints p50 and p95 in milliseconds and the
ratio of the p50s.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import random
import re
import resource
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from explorer.data import Actor, Article, Corpus, Loaded, Meeting, Quote, Span, When
from explorer.data.models import PartialDate
from explorer.data.search import SearchIndex

QUOTES_PER_ARTICLE = 50


def _words(text: str) -> list[str]:
    return text.split()


ZIPF_S = 1.07

# The head of the distribution: the commonest English words in news text, most frequent first.
HEAD = _words(
    """
the of and to a in that is for on said it with was as by he at from his be will have are
this has not an but they its we were been their which more who would had also after our one
two about there over new than other all year up out time into government people minister
country some president when can could first last military only talks visit foreign defence
security between china japan state week told relations officials united states meeting
against because national while cooperation during since under trade would before trust
support economic region talks leaders agreement issues peace further both sides policy
mutual exchanges stability forces army navy summit dialogue statement spokesman ministry
important development regional international strategic partnership border sea east south
north west pacific asian european council press conference earlier later month years
continue promote enhance understanding improve committed believe hope expect concern
"""
)
THEMES = (
    "china japan relations visit defence trust delegation military exchanges talks",
    "trade economic agreement tariffs growth markets exports investment partnership",
    "security border forces army navy sea tensions patrol incident",
    "summit leaders dialogue peace cooperation council statement agreement",
    "election president government policy parliament vote campaign reform",
)
COLLOCATIONS = (
    "mutual trust",
    "defence exchanges",
    "south china sea",
    "regional stability",
    "strategic partnership",
    "press conference",
    "foreign minister",
)
SYLLABLES = _words(
    "ka ri to mo na shi ta ro be la vi en tor mar den sel quin ga po lu fe ze xi han wen "
    "dor ak ul ste pra gon tri cla bra mu se ko"
)
FIRST_NAMES = _words(
    "Yoshimasa Takeshi Wang Li Anna Pedro Maria Ivan Fatima Kwame Sofia Hiroshi Mei Ahmed "
    "Chen Olga Rahul Zainab Lucas Amara Kenji Elena Omar Nadia"
)
QUOTE_KINDS = ("direct", "paraphrase", "reported")


def _pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def vocabulary(rng: random.Random, size: int = 30_000) -> list[str]:
    words = list(dict.fromkeys(HEAD))
    seen = set(words)
    while len(words) < size:
        word = _pseudo_word(rng)
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def make_actors(rng: random.Random, count: int) -> list[Actor]:
    """A pool shared by every article; the first ones are the famous, often-quoted ones."""
    actors = [
        Actor(
            id="yoshimasa-hayashi",
            name="Yoshimasa Hayashi",
            kind="person",
            aliases=("Hayashi", "Japan's top government spokesman"),
        ),
        Actor(
            id="pla-eastern-theater-command",
            name="PLA Eastern Theater Command",
            kind="organisation",
            aliases=("Eastern Theater Command", "Eastern Command"),
        ),
    ]
    used = {a.id for a in actors}
    while len(actors) < count:
        first = rng.choice(FIRST_NAMES)
        last = _pseudo_word(rng).capitalize()
        ident = f"{first}-{last}".lower()
        if ident in used:
            continue
        used.add(ident)
        actors.append(Actor(id=ident, name=f"{first} {last}", kind="person", aliases=(last,)))
    return actors


def make_corpus(articles: int, seed: int = 7) -> Corpus:
    """`articles` articles of 50 quotes each, the same for the same seed."""
    rng = random.Random(seed)
    words = vocabulary(rng)
    cumulative = list(itertools.accumulate(1 / (rank + 1) ** ZIPF_S for rank in range(len(words))))
    actors = make_actors(rng, 2_000)
    popularity = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(actors))))
    article_rows: list[Article] = []
    meeting_rows: list[Meeting] = []
    quote_rows: list[Quote] = []
    spoken: dict[str, set[str]] = {}
    first_day = date(2015, 1, 1)
    for a in range(articles):
        article_id = f"article-{a:05d}"
        published = first_day + timedelta(days=rng.randrange(3650))
        cast = list(dict.fromkeys(rng.choices(actors, cum_weights=popularity, k=8)))
        meeting_id = f"meeting-{a:05d}"
        texts: list[str] = []
        # News prose is topical: an article keeps coming back to a few subjects.
        topic = rng.choice(THEMES).split() + rng.sample(words[400:5000], 8)
        for _ in range(QUOTES_PER_ARTICLE):
            sentence = rng.choices(words, cum_weights=cumulative, k=rng.randint(8, 32))
            for at in range(len(sentence)):
                if rng.random() < 0.12:
                    sentence[at] = rng.choice(topic)
            if rng.random() < 0.15:
                at = rng.randrange(len(sentence))
                sentence[at:at] = rng.choice(COLLOCATIONS).split()
            text = " ".join(sentence)
            texts.append(text[0].upper() + text[1:] + ".")
        body = "\n\n".join(texts) + "\n"
        article_rows.append(
            Article(id=article_id, title=f"Synthetic article {a}", published=published, body=body)
        )
        meeting_rows.append(
            Meeting(
                id=meeting_id,
                title=f"Talks in {_pseudo_word(rng).capitalize()}",
                status="happened",
                article=article_id,
                participants=tuple(actor.id for actor in cast[:3]),
                when=When(PartialDate(published.year, published.month)),
            )
        )
        start = 0
        for q, text in enumerate(texts):
            speaker = rng.choice(cast)
            spoken.setdefault(speaker.id, set()).add(article_id)
            span = Span(article_id, start, start + len(text), start, start + len(text), "text")
            quote_rows.append(
                Quote(
                    id=f"{article_id}-q{q:02d}",
                    text=text,
                    speaker=speaker.id,
                    kind=rng.choice(QUOTE_KINDS),
                    article=article_id,
                    meeting=meeting_id if rng.random() < 0.3 else None,
                    spans=(span,),
                )
            )
            start += len(text) + 2
    actor_rows = [
        Actor(
            id=actor.id,
            name=actor.name,
            kind=actor.kind,
            aliases=actor.aliases,
            articles=tuple(sorted(spoken[actor.id])),
        )
        for actor in actors
        if actor.id in spoken
    ]
    return Corpus(Loaded(article_rows, actor_rows, meeting_rows, quote_rows))


QUERIES = {
    "one word": "trust",
    "2-letter prefix": "tr",
    "three words": "japan china relations",
    "phrase": '"mutual trust"',
    "speaker filter": "speaker:hayashi",
    "typo": "trsut",
    "no match": "zyxwvut",
    "common words": "the said",
}


def linear_scan(corpus: Corpus, query: str) -> Callable[[], int]:
    """The baseline: a Python loop over every quote's lowercased text (or speaker names)."""
    quotes = list(corpus.quotes.values())
    if query.startswith("speaker:"):
        wanted = query.split(":", 1)[1].lower()
        names = {a.id: " ".join((a.name, a.id, *a.aliases)).lower() for a in corpus.actors.values()}
        speakers = [names.get(q.speaker, "") for q in quotes]
        return lambda: sum(1 for s in speakers if wanted in s)
    texts = [q.text.lower() for q in quotes]
    phrase = re.fullmatch(r'"(.*)"', query)
    needles = [phrase.group(1)] if phrase else query.lower().split()
    if len(needles) == 1:
        needle = needles[0]
        return lambda: sum(1 for t in texts if needle in t)
    return lambda: sum(1 for t in texts if all(n in t for n in needles))


def timed(run: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.perf_counter_ns()
            run()
            samples.append((time.perf_counter_ns() - start) / 1e6)
    finally:
        gc.enable()
    return samples


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def bench(articles: int, repeat: int, seed: int) -> None:
    started = time.perf_counter()
    corpus = make_corpus(articles, seed)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    index = SearchIndex(corpus)
    built = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"\n{articles} article(s), {len(corpus.quotes):,} quotes: generated in {generated:.2f} s, "
        f"index built in {built:.2f} s (peak RSS so far {rss:.0f} MB)"
    )
    header = (
        f"{'query':<16} {'text':<26} {'hits':>6} {'p50 ms':>8} {'p95 ms':>8}"
        f" {'scan p50':>9} {'scan p95':>9} {'ratio':>7}"
    )
    print(header)
    print("-" * len(header))
    for name, query in QUERIES.items():

        def engine(query: str = query) -> int:
            result = index.search(query, limit=50)
            for hit in result.hits[:20]:
                hit.ranges  # noqa: B018  (the highlights one screen shows)
            return result.total

        total = engine()
        ours = timed(engine, repeat)
        scan = linear_scan(corpus, query)
        theirs = timed(scan, max(5, repeat // 10))
        ratio = statistics.median(theirs) / statistics.median(ours)
        print(
            f"{name:<16} {query:<26} {total:>6} {statistics.median(ours):>8.3f} {p95(ours):>8.3f}"
            f" {statistics.median(theirs):>9.3f} {p95(theirs):>9.3f} {ratio:>6.0f}x"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1,100,1000", help="article counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=200, help="timed runs per query")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        bench(size, args.repeat, args.seed)


if __name__ == "__main__":
    main()

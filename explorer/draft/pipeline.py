"""From an article's paragraphs and publication date to a Draft: the rules in order."""

from __future__ import annotations

import re
from datetime import date

from explorer.draft.actors import ActorFinder
from explorer.draft.ids import IdMaker, slug
from explorer.draft.known import Known
from explorer.draft.meetings import MeetingFinder
from explorer.draft.model import Draft, DraftActor, DraftMeeting, DraftQuote
from explorer.draft.quotes import QuoteFinder
from explorer.draft.sentences import split

_MEETING_REFERENCE = re.compile(
    r"\b(?:the|this|that)\s+(visit|trip|talks|meeting|summit|call|tour|match)\b", re.I
)
MAX_TITLE = 90


class DraftError(ValueError):
    """Input that cannot make a draft; the message says what to give instead."""


def draft(
    paragraphs: list[str],
    published: date,
    *,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    article_id: str | None = None,
    known: Known | None = None,
    dropped: list[str] | None = None,
) -> Draft:
    """Draft the article whose body is `paragraphs`, as of `published`."""
    known = known or Known()
    paragraphs = [p for p in paragraphs if p.strip()]
    if not paragraphs:
        raise DraftError("the article has no text")
    body = "\n\n".join(paragraphs) + "\n"
    sentences, headings = split(body)
    guesses: list[str] = []
    for line in dropped or ():
        guesses.append(f"dropped the line {line[:80]!r} as page furniture, not article text")
    if not title:
        first = next((s.text for s in sentences if not s.heading), paragraphs[0])
        title = _shorten(first)
        if not re.search(r"\w", title):
            title = "Untitled article"
            guesses.append("no title given and no words to take one from")
        else:
            guesses.append("title taken from the first sentence")
    finder = ActorFinder(body, sentences)
    finder.find()
    quotes = QuoteFinder(body, sentences, finder).find()
    meetings = MeetingFinder(body, sentences, finder, published, quotes).find()
    for meeting in meetings:
        # "visiting Nevada and Iowa": a country or state only ever named as a place is
        # where the meeting is, not one of its parties.
        parties = [p for p in meeting.participants if not finder.only_a_place(p)]
        if parties:
            meeting.participants = parties
    actors = finder.finish()
    _check_references(actors, quotes, meetings)
    _link_quotes(quotes, meetings)
    result = Draft(
        id="",
        title=title,
        published=published,
        body=body,
        source=source,
        url=url,
        subheadings=headings,
        actors=actors,
        meetings=meetings,
        quotes=quotes,
        guesses=guesses,
    )
    _assign_ids(result, known, article_id)
    return result


def _check_references(
    actors: list[DraftActor], quotes: list[DraftQuote], meetings: list[DraftMeeting]
) -> None:
    """Every speaker, participant and parent is an actor of the draft (so the file checks)."""
    kept = {id(a) for a in actors}
    for actor in [*(q.speaker for q in quotes), *(p for m in meetings for p in m.participants)]:
        if id(actor) not in kept:
            actors.append(actor)
            kept.add(id(actor))
    for actor in actors:
        actor.member_of = [p for p in actor.member_of if id(p) in kept and p is not actor]


def _shorten(text: str) -> str:
    text = text.strip()
    if len(text) <= MAX_TITLE:
        return text.rstrip(".")
    cut = text[:MAX_TITLE].rsplit(" ", 1)[0]
    return (cut or text[:MAX_TITLE]) + "…"


def _link_quotes(quotes: list[DraftQuote], meetings: list[DraftMeeting]) -> None:
    """A quote is about the meeting whose evidence holds its sentence, or that it names."""
    by_sentence: dict[int, DraftMeeting] = {}
    for meeting in meetings:
        for sentence in meeting.evidence:
            by_sentence.setdefault(sentence.index, meeting)
    for quote in quotes:
        for sentence in quote.evidence:
            if sentence.index in by_sentence:
                quote.meeting = by_sentence[sentence.index]
                break
        if quote.meeting is not None:
            continue
        first = quote.evidence[0]
        match = _MEETING_REFERENCE.search(" ".join(s.text for s in quote.evidence))
        if match:
            earlier = [m for m in meetings if min(s.index for s in m.evidence) <= first.index]
            noun = match.group(1).lower()
            for meeting in reversed(earlier):
                if noun in meeting.trigger or meeting.trigger.startswith(noun[:4]):
                    quote.meeting = meeting
                    break
            else:
                if earlier:
                    quote.meeting = earlier[-1]
            if quote.meeting is not None:
                quote.guesses.append(
                    f'meeting read from "{match.group()}" as {quote.meeting.title}'
                )


def _assign_ids(result: Draft, known: Known, article_id: str | None) -> None:
    article_ids = IdMaker(known.articles)
    if article_id:
        if article_id in known.articles:
            raise DraftError(
                f"article id {article_id!r} is already in the corpus; give another with --id"
            )
        article_ids.taken.add(article_id)
        result.id = article_id
    else:
        base = slug(result.title, max_words=6, drop_stopwords=True) or "article"
        result.id = article_ids.make(f"{base} {result.published.year}", "article")
    actor_ids = IdMaker(known.actors)
    reused: set[str] = set()
    for actor in result.actors:
        _actor_id(actor, known, actor_ids, reused)
    meeting_ids = IdMaker(known.meetings)
    for meeting in result.meetings:
        year = meeting.when[:4] if meeting.when else ""
        meeting.id = meeting_ids.make(
            f"{meeting.title} {year}", "meeting", max_words=7, drop_stopwords=True
        )
    quote_ids = IdMaker(known.quotes)
    for quote in result.quotes:
        speaker = quote.speaker.id.split("-")[-1]
        quote.id = quote_ids.make(
            f"{speaker} {quote.text}", "quote", max_words=6, drop_stopwords=True
        )


def _actor_id(actor: DraftActor, known: Known, ids: IdMaker, reused: set[str]) -> None:
    """The corpus's id for an actor it knows by this name; a new, unused id otherwise."""
    match = known.actor_named(actor.names, actor.kind)
    if match is not None and match[0].id not in reused:
        corpus_actor, matched = match
        reused.add(corpus_actor.id)
        actor.id = corpus_actor.id
        drafted_name = actor.name
        actor.name = corpus_actor.name
        actor.add_alias(drafted_name)
        actor.kind = corpus_actor.kind
        actor.aliases = [a for a in actor.aliases if a != actor.name]
        actor.reused = True
        actor.guesses = [g for g in actor.guesses if not g.startswith("kind inferred")]
        actor.guesses.append(f'the corpus actor {corpus_actor.id}, named "{matched}"')
        return
    actor.id = ids.make(actor.name, actor.kind)

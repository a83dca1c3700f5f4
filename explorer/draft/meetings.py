"""Meetings: encounters between actors the body reports or announces.

A sentence with a meeting verb or noun (CAMEO's consult family: met, visited, hosted, held
talks, phone call, summit; and signed with, played against) gives a meeting whose
participants are the actors of its clause, its place the "in X" / "visited X" beside the
trigger, its date from when.py and its status from the clause's tense and modality. A
sentence that refers back ("The visit commenced on Monday…") adds its evidence, and its
date, to the meeting it refers to instead of making a new one.
"""

from __future__ import annotations

import re
from datetime import date

from explorer.draft import places
from explorer.draft.actors import ActorFinder
from explorer.draft.lexicon import (
    AMBIGUOUS_MEETING_VERBS,
    MEETING_NOUNS,
    MEETING_VERBS,
    SPEECH_FORMS,
)
from explorer.draft.model import DraftActor, DraftMeeting, Mention, Sentence
from explorer.draft.quotes import quoted_spans
from explorer.draft.when import status_of, when_of

_VERBS = re.compile(
    r"\b("
    + "|".join(sorted((re.escape(v) for v in set(MEETING_VERBS)), key=len, reverse=True))
    + r")\b"
)
_NOUNS = re.compile(
    r"\b((?:a|an|the|this|that|his|her|its|their|our)\s+)?((?:[\w’'-]+\s+){0,3}?)("
    + "|".join(sorted((re.escape(n) for n in MEETING_NOUNS), key=len, reverse=True))
    + r")s?\b",
    re.I,
)
_ANAPHORIC = {"the", "this", "that", "these"}
_SPEECH = re.compile(
    r"[,”\"]\s*(?:"
    + "|".join(re.escape(v) for v in sorted(SPEECH_FORMS, key=len, reverse=True))
    + r")\b[^,]*$|,\s*[^,]{0,80}\b(?:said|says|told|reported|added)\s*\.?$"
)
_PLACE_AFTER = re.compile(r"\b(?:in|at)\s+((?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")
_VISITED = re.compile(
    r"\b(?:visited|visit|visits|visiting|reached|arrived in|travelled to|traveled to|visit to|trip to)\s+((?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
)
_NOT_MEETING_CONTEXT = re.compile(
    r"\b(?:phone call for|call for|called for|called on|called it|called the|so-called|"
    r"game changer|signed into law|signed off|match the|matched)\b",
    re.I,
)


class MeetingFinder:
    def __init__(
        self, body: str, sentences: list[Sentence], finder: ActorFinder, published: date
    ) -> None:
        self.body = body
        self.sentences = sentences
        self.finder = finder
        self.published = published
        self.meetings: list[DraftMeeting] = []
        self.quoted = quoted_spans(body)

    def _object_after(self, sentence: Sentence, offset: int) -> bool:
        """An actor (or a place) named right after a verb: "beat the Celtics", "met Wang Yi"."""
        start = sentence.start + offset
        for mention in self.finder.mentions:
            if mention.actor is not None and start <= mention.start <= start + 30:
                gap = self.body[start : mention.start]
                if re.fullmatch(r"[\s\w-]*", gap) and not re.search(
                    r"\b(?:and|but|or|that|which|who|after|before|when|while)\b", gap
                ):
                    return True
        return False

    def find(self) -> list[DraftMeeting]:
        for sentence in self.sentences:
            if sentence.heading:
                continue
            self._sentence(sentence)
        return self.meetings

    def _clause(self, sentence: Sentence) -> tuple[str, int]:
        """The sentence without a closing attribution ("…, Hayashi said."): its end offset."""
        match = _SPEECH.search(sentence.text)
        end = match.start() if match else len(sentence.text)
        return sentence.text[:end], end

    def _sentence(self, sentence: Sentence) -> None:
        text, end = self._clause(sentence)
        if _NOT_MEETING_CONTEXT.search(text):
            text = _NOT_MEETING_CONTEXT.sub(lambda m: "\u2592" * len(m.group()), text)
        text = _blank_quotes(text, sentence, self.quoted)
        verb = None
        for candidate in _VERBS.finditer(text):
            if candidate.group(1).lower() in AMBIGUOUS_MEETING_VERBS and not self._object_after(
                sentence, candidate.end()
            ):
                continue
            verb = candidate
            break
        noun = None
        for match in _NOUNS.finditer(text):
            noun = match
            break
        if verb is None and noun is None:
            return
        mentions = [
            m
            for m in self.finder.mentions
            if m.actor is not None and m.start >= sentence.start and m.end <= sentence.start + end
        ]
        where = self._where(text, sentence)
        participants = self._participants(mentions, where, sentence)
        when, when_guess = when_of(text, self.published)
        trigger = (verb.group(1) if verb else noun.group(3)).lower()
        # A reference back: "The visit commenced …", "the talks", "the trip".
        if (
            noun is not None
            and (verb is None or noun.start() < verb.start())
            and (noun.group(1) or "").strip().lower() in _ANAPHORIC
            and not noun.group(2).strip()
            and self.meetings
        ):
            target = self._referent(noun.group(3).lower())
            if target is not None:
                self._extend(target, sentence, text, participants, where, when, when_guess)
                return
        if not participants:
            return
        if verb is None and noun is not None and not _event_noun(noun):
            return
        # The same actors as the last meeting, no other date: more about that meeting.
        if self.meetings:
            last = self.meetings[-1]
            if set(map(id, participants)) <= set(map(id, last.participants)) and (
                when is None or last.when is None or when == last.when
            ):
                self._extend(last, sentence, text, participants, where, when, when_guess)
                return
        status, status_guess = status_of(text, when, self.published)
        if when is None and status == "ongoing":
            when = self.published.isoformat()
            when_guess = f"when read as the publication date ({status}, no date given)"
        meeting = DraftMeeting(
            title=_title(participants, trigger, where),
            status=status,
            participants=participants,
            evidence=[sentence],
            trigger=trigger,
            when=when,
            where=where,
        )
        if when_guess:
            meeting.guesses.append(when_guess)
        if status_guess:
            meeting.guesses.append(f"status {status} inferred from the tense")
        for actor in participants:
            self.finder.keep(actor)
        self.meetings.append(meeting)

    def _referent(self, noun: str) -> DraftMeeting | None:
        family = {
            "visit": {"visit", "visited", "visits", "trip", "tour", "reached", "arrived in"},
            "trip": {"visit", "visited", "trip", "tour", "reached"},
            "talks": {"talks", "held talks", "met", "meeting", "meet", "met with"},
            "meeting": {"meeting", "met", "met with", "talks", "held talks", "meet"},
        }.get(noun, {noun})
        for meeting in reversed(self.meetings):
            if meeting.trigger in family or meeting.trigger == noun:
                return meeting
        return self.meetings[-1]

    def _extend(
        self,
        meeting: DraftMeeting,
        sentence: Sentence,
        text: str,
        participants: list[DraftActor],
        where: str | None,
        when: str | None,
        when_guess: str | None,
    ) -> None:
        if sentence not in meeting.evidence:
            meeting.evidence.append(sentence)
        if when and (meeting.when is None or ("/" in when and "/" not in meeting.when)):
            meeting.when = when
            meeting.guesses = [g for g in meeting.guesses if not g.startswith("when ")]
            if when_guess:
                meeting.guesses.append(when_guess)
            status, _ = status_of(text, when, self.published)
            if "/" in when:
                meeting.status = status
        if where and not meeting.where:
            meeting.where = where

    def _where(self, text: str, sentence: Sentence) -> str | None:
        for pattern in (_VISITED, _PLACE_AFTER):
            for match in pattern.finditer(text):
                place = match.group(1)
                if place.startswith("the "):
                    place = place[4:]
                lowered = place.lower()
                if (
                    lowered in places.BY_NAME
                    or lowered in places.BY_CAPITAL
                    or _is_place(place, self.finder)
                ):
                    return place
        return None

    def _participants(
        self, mentions: list[Mention], where: str | None, sentence: Sentence
    ) -> list[DraftActor]:
        seen: list[DraftActor] = []
        for mention in sorted(mentions, key=lambda m: m.start):
            actor = mention.actor
            assert actor is not None
            if where and mention.text == where:
                continue
            before = self.body[max(sentence.start, mention.start - 12) : mention.start].lower()
            if re.search(
                r"\b(?:in|at|from|to|into|near)\s+(?:the\s+)?$", before
            ) and actor.kind in ("country",):
                continue
            if actor.kind == "country" and any(
                p.country == actor.name or actor in p.member_of for p in seen
            ):
                continue
            if actor not in seen:
                seen.append(actor)
        # A member and its parent named together: the member is the participant.
        parents = {id(p) for a in seen for p in a.member_of}
        return [a for a in seen if id(a) not in parents or a.kind == "person"]


def _blank_quotes(text: str, sentence: Sentence, spans: list) -> str:  # type: ignore[type-arg]
    """The clause with quoted words blanked: what someone said is not what happened."""
    chars = list(text)
    for span in spans:
        for pos in range(
            max(span.start, sentence.start), min(span.end, sentence.start + len(text))
        ):
            chars[pos - sentence.start] = "\u2592"
    return "".join(chars)


def _event_noun(match: re.Match[str]) -> bool:
    """A meeting noun that stands for an event of its own ("a regional defence gathering")."""
    noun = match.group(3).lower()
    return noun in {
        "summit",
        "visit",
        "talks",
        "meeting",
        "phone call",
        "dinner",
        "conference",
        "gathering",
        "inauguration",
        "ceremony",
        "match",
        "final",
        "hearing",
        "session",
        "negotiations",
        "trip",
        "tour",
        "forum",
    }


def _is_place(place: str, finder: ActorFinder) -> bool:
    actor = finder.by_key.get(place.lower())
    return actor is None and place[:1].isupper() and place.lower() not in finder.lower_words


def _title(participants: list[DraftActor], trigger: str, where: str | None) -> str:
    names = [a.name for a in participants[:3]]
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    verb = {
        "met": "meet",
        "met with": "meet",
        "meet": "meet",
        "meets": "meet",
        "visited": "visit",
        "visits": "visit",
        "held talks": "hold talks",
        "hosted": "host",
    }.get(trigger, trigger)
    title = f"{who}: {verb}"
    if where:
        title += f" in {where}"
    return title

"""Meetings: encounters between actors the body reports or announces.

A sentence with a meeting verb or noun (CAMEO's consult family: met, visited, hosted, held
talks, phone call, summit; and signed with, played against) gives a meeting whose
participants are the actors of its clause, its place the "in X" / "visited X" beside the
trigger, its date from when.py and its status from the clause's tense and modality. A
sentence that refers back ("The visit commenced on Monday…") adds its evidence, and its
date, to the meeting it refers to instead of making a new one.
"""

from __future__ import annotations

import itertools
import re
from datetime import date

from explorer.draft import places
from explorer.draft.actors import ActorFinder, normalise, reference_at
from explorer.draft.lexicon import (
    AMBIGUOUS_MEETING_VERBS,
    EVENT_NOUNS,
    GROUP_NOUNS,
    MEDIA_NAMES,
    MEDIA_NOUNS,
    MEETING_NOUNS,
    MEETING_VERBS,
    MONTHS,
    SPORT_RESULT_VERBS,
    TITLE_WORDS,
    VOTE_VERBS,
    WEEKDAYS,
    speech_alternation,
)
from explorer.draft.model import DraftActor, DraftMeeting, DraftQuote, Mention, Sentence
from explorer.draft.quotes import Span, quoted_spans
from explorer.draft.when import (
    find_dates,
    is_age_or_count,
    is_future,
    is_past,
    offsets,
    shifted,
    status_of,
    tense_at,
    when_of,
)

# A score may stand inside a match verb: "drew 2-2 with", "lost 110-102 to", "won 3-1 against".
_SCORE = r",?\s+(?:\d{1,3}\s*[-–]\s*\d{1,3}\s+)?"
_SCORE_IN = re.compile(r",?\s+(?:\d+\s*[-–]\s*\d+\s+)?")
# A date just after a verb or its object: "told the trust in June", "told WKRP on Monday".
_DATE_AFTER_TEXT = (
    r"\s+(?:(?:in|on|at|during|since)\s+|last\s+|this\s+|earlier\s+)[\w.]+(?:\s+\d{1,2}\b)?"
)
# An order or a sale is a deal when it counts what is bought or names its buyer ("an order of
# 50 Airbus jets", "ordered 30 Boeing 787s", "five 787 sales", "sales to Qatar"); "an
# executive order" and "ordered the arrest" are commands.
_PURCHASE_AFTER = re.compile(
    r"\s+(?:(?:of|for)\s+)?(?:(?:an?\s+)?(?:additional|another|further|more|up\s+to|some)\s+)?"
    r"(?:\d|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b|"
    r"dozens?\b|hundreds?\b)"
    r"|\s+(?:of\s+[\w\s-]{1,40}?\s+)?to\s+(?:the\s+)?[A-Z]"
    # … or its price: "sold it for 24.4 million euros", "bought the club for $2 billion".
    r"|\s+(?:[\w’'-]+\s+){0,6}?for\s+(?:about\s+|around\s+|nearly\s+|some\s+)?[$€£¥]?\d[\d,.]*"
    r"\s*(?:million|billion|bn|m\b|euros|dollars|pounds|yen|yuan)",
    re.IGNORECASE,
)
_PURCHASE_BEFORE = re.compile(
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens)\s+"
    r"(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_PURCHASES = {"order", "orders", "ordered", "sale", "sales", "sold", "bid", "bids"}
# More of CAMEO's consult family (04x) than the shared lexicon lists: a perfect "had spoken
# to", a welcome ("was warmly greeted by a crowd"), consultations and testimony.
_COURT_VERBS = (
    "pleaded guilty",
    "pleaded not guilty",
    "pleads guilty",
    "pleads not guilty",
    "plead guilty",
    "plead not guilty",
    "was sentenced",
    "were sentenced",
    "be sentenced",
    "was convicted",
    "were convicted",
    "was acquitted",
    "were acquitted",
    "was arraigned",
    "were arraigned",
    "appeared in court",
    "appear in court",
)
# The court's sittings named by a noun: "Sentencing is scheduled for Feb. 14".
_COURT_NOUNS = {"sentencing", "arraignment"}
_MORE_VERBS = (
    "spoken to",
    "spoken with",
    "greeted",
    "consulted with",
    "huddled with",
    "testified before",
    # a courtesy visit (CAMEO 042): "will call on President Kovind", "called on the minister"
    "called on",
    "call on",
    "calls on",
    "calling on",
    "appeared before",
    # a demonstration (CAMEO 141): "Thousands of teachers rallied at the Statehouse"
    "rallied at",
    "rallied outside",
    "rally at",
    "rally outside",
    "protested outside",
    "protested at",
    "demonstrated outside",
    "marched to",
    "marched on",
    "marched through",
    # a defendant before a court, a session of it: "pleaded guilty Monday", "was sentenced
    # to 12 years", "was convicted of criminal mischief in 1998"
    *_COURT_VERBS,
)
_MORE_AMBIGUOUS = {"greeted", "called on", "call on", "calls on", "calling on"}
_MARKET_SUBJECT = re.compile(
    r"\b(?:shares|stocks?|markets?|prices?|index|indices|dollar|yen|euro|bonds?|futures|"
    r"bulls|investors)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_DEMONSTRATIONS = {
    v
    for v in _MORE_VERBS
    if v.split()[0] in ("rallied", "rally", "protested", "demonstrated", "marched")
}
# Events named by a noun, beyond the shared lexicon: a bid (as an order), an auction, a trial,
# an interview, and a deliberative body's vote ("ahead of the planned vote").
_MORE_NOUNS = (
    "bid",
    "auction",
    "trial",
    "interview",
    "vote",
    "air show",
    "airshow",
    "trade show",
    "trade fair",
    "motor show",
    "expo",
    *_COURT_NOUNS,
    # Someone speaking to an audience met (CAMEO 010 told to those present): "gave a
    # speech at the academy", "gave his players a pep talk", a seminar or a reception.
    "speech",
    "pep talk",
    "seminar",
    "reception",
    "joint commission",
    # A private meeting of two leaders and a courtesy visit, as diplomatic reports name them
    # (CAMEO 040/042): "will hold a tête-à-tête with his counterpart", "paid a courtesy call
    # on the Prime Minister", "was accorded a ceremonial welcome".
    "tête-à-tête",
    "tête-a-tête",
    "tete-a-tete",
    "courtesy call",
    "courtesy visit",
    "ceremonial welcome",
    "official welcome",
    "red-carpet welcome",
    "welcome ceremony",
)
_VERBS = re.compile(
    r"\b("
    + "|".join(
        sorted(
            (_SCORE.join(re.escape(w) for w in v.split()) for v in {*MEETING_VERBS, *_MORE_VERBS}),
            key=len,
            reverse=True,
        )
    )
    + r")\b"
)
# People one meets even when they are not named: "met his counterpart", "will meet the
# Iranian foreign minister", "hosted union leaders".
_PERSON_NOUNS = (
    {w for w in TITLE_WORDS if w.isalpha() and len(w) > 3}
    | set(GROUP_NOUNS)
    | {"counterpart", "delegation", "team", "side", "club", "rivals", "opponents", "leaders"}
    # "will meet the Fijian community", "met families of the victims"
    | {"community", "communities", "diaspora", "families", "relatives", "survivors", "victims"}
)
_PERSON_OBJECT = re.compile(
    r"\s+(?:(?:his|her|their|its|the|a|an|two|several|local|senior|top)\s+)?"
    r"(?:(?!(?:of|for|to|with|in|on|at|and|or|that|which)\b)[\w’'-]+\s+){0,3}?("
    + "|".join(sorted(_PERSON_NOUNS, key=len, reverse=True))
    # … as the head of its phrase: "his counterpart Wang Yi", not "an executive order".
    + r")(?=\s*(?:[,.;:)]|$)|\s+(?:of|from|in|at|on|and|to|for|who|which|that|over|during|"
    r"next|last|this|later|soon|again|today|tomorrow|yesterday|early|late|when|after|before|"
    r"as|amid|about|with|by|under|privately|briefly|separately|twice|there|where|while|but|"
    r"or|if|since|until)\b"
    r"|\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)
# "The two will meet again in Tokyo": meet with no object, a meeting of its subjects.
_MEET_ALONE = re.compile(
    r"\s*(?:[,.;]|$)|\s+[“\"‘']?(?:again|in|on|at|next|this|later|for|with|privately|today|"
    r"tomorrow|soon|face\s+to\s+face|to\s+discuss)\b"
)
# A pronoun or a short reference as the clause's subject: "he also held talks with …", or
# the possessive before a meeting noun: "his first match in charge", "their talks".
_REFERRING_SUBJECT = re.compile(
    r"(?:^|[\s,(])(he|she|they|it|his|her|their|the\s+(?:[a-z-]+\s+){0,2}(?:minister|president|premier|"
    r"chancellor|secretary|leader|company|firm|carrier|airline|club|team|government|ministry|"
    r"agency|delegation))\s+(?:[a-z]+\s+){0,3}$"
    # … or its auxiliaries: "where he is scheduled to meet", "she was due to visit"
    r"|(?:^|[\s,(])(he|she|they)\s+(?:is|are|was|were|has|have|had|will|would)\s+"
    r"(?:(?:also|now|still|then|due|set|scheduled|expected|going|about|to|be|been)\s+){1,3}$",
    re.IGNORECASE,
)
_DATE_WORDS = {*MONTHS, *WEEKDAYS}
# Nouns that are a meeting when its other side follows: "the March 21 call to the offices of
# Omar", "was having lunch with Sondland", "a conversation in Warsaw between Sondland and".
_WITH_NOUNS = ("call", "lunch", "breakfast", "conversation")
_NOUNS = re.compile(
    r"\b((?:a|an|the|this|that|his|her|its|their|our)\s+)?((?:[\w’'-]+\s+){0,3}?)("
    + "|".join(
        sorted(
            (re.escape(n) for n in {*MEETING_NOUNS, *_MORE_NOUNS, *_WITH_NOUNS}),
            key=len,
            reverse=True,
        )
    )
    + r")s?\b",
    re.I,
)
_ANAPHORIC = {"the", "this", "that", "these"}
_DETERMINED = re.compile(
    r"\b(a|an|the|this|that|these|his|her|its|their|our)\s+((?:(?!(?:a|an|the|this|that)\s)"
    r"[\w’'-]+\s+){0,2})$",
    re.IGNORECASE,
)
_SPEECH = re.compile(
    r"[,”\"]\s*(?:"
    + speech_alternation()
    + r")\b[^,]*$|,\s*according to\b[^,]*$|,\s*[^,]{0,80}\b(?:said|says|told|reported|added)"
    r"(?:\s+(?:in|on|at)\s+(?:a|an|the)?\s*[\w\s]{0,30})?\s*\.?$"
)
_PLACE_AFTER = re.compile(r"\b(?:in|at)\s+((?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")
_VISITED = re.compile(
    r"\b(?:visited|visit|visits|visiting|reached|arrived in|travelled to|traveled to|visit to|trip to)\s+((?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)"
)
_NOT_MEETING_CONTEXT = re.compile(
    # "called on X to resign" is a demand ("called on President Kovind", a visit, stays)
    r"\b(?:phone call for|call(?:ed|s|ing)? (?:up)?on\b(?=[^.;:]{0,80}?\bto\s+(?!the\b|a\b|an\b)[a-z]+)|"
    r"called it|called the|so-called|"
    r"game changer|signed into law|signed off|match the|matched)\b",
    re.I,
)


class MeetingFinder:
    def __init__(
        self,
        body: str,
        sentences: list[Sentence],
        finder: ActorFinder,
        published: date,
        quotes: list[DraftQuote] | None = None,
    ) -> None:
        self.body = body
        self.quotes = quotes or []
        self.sentences = sentences
        self.finder = finder
        self.published = published
        self.meetings: list[DraftMeeting] = []
        self.quoted = quoted_spans(body)

    def _object_after(self, sentence: Sentence, offset: int) -> bool:
        """An actor (or a place) named right after a verb: "beat the Celtics", "met Wang Yi",
        or people described: "met his counterpart", "will meet the Iranian foreign minister"."""
        start = sentence.start + offset
        window = self.body[start : min(sentence.end, start + 80)]
        person = _PERSON_OBJECT.match(window)
        if person is not None and person.group(1) not in _ADJECTIVE_TITLES:
            return True  # ("a major Mark Rothko retrospective": an adjective, not a Major)
        if re.search(r"\bmeets?$", self.body[max(0, start - 6) : start]) and _MEET_ALONE.match(
            window
        ):
            return True
        for mention in self.finder.mentions:
            if mention.actor is not None and start <= mention.start <= start + 30:
                gap = self.body[start : mention.start]
                if re.fullmatch(r"\s*an?\s+(?:[\w-]+\s+){0,3}", gap, re.IGNORECASE) or re.match(
                    r"\s+(?:in|at|on|into|across|throughout)\s", gap
                ):
                    continue  # "hosting a major Mark Rothko retrospective", "received in X"
                if re.fullmatch(r"[\s\w-]*", gap) and not re.search(
                    r"\b(?:and|but|or|that|which|who|after|before|when|while)\b", gap
                ):
                    return True
        return False

    def find(self) -> list[DraftMeeting]:
        for sentence in self.sentences:
            if sentence.heading or _QUESTION.match(sentence.text):
                continue  # "What charges does Assange face in the US?" asks, tells nothing
            self._sentence(sentence)
        self._quoted_meetings()
        for meeting in self.meetings:
            if meeting.when is None:
                self._date_of_match(meeting)
            if meeting.when is None:
                self._date_of_occasion(meeting)
            if meeting.when is None:
                self._date_from_neighbour(meeting)
            if meeting.when is None:
                self._date_of_news_day(meeting)
            if (
                meeting.when is None
                and meeting.status == "ongoing"
                and meeting.trigger not in _PROCESSES
            ):
                meeting.when = self.published.isoformat()
                meeting.guesses.append("when read as the publication date (ongoing, no date given)")
        return self.meetings

    def _quoted_meetings(self) -> None:
        """A meeting the speaker tells of their own in a direct quote ("I will have a call with
        Minister Milling tomorrow", "We met the minister on Monday"): the speaker's, with those
        the quote names after the word. Other meetings in quotes are what someone says, not
        what the story tells."""
        speakers = {q.start: q.speaker for q in self.quotes if q.kind == "direct"}
        for span in self.quoted:
            speaker = speakers.get(span.inner_start)
            if speaker is None:
                continue
            for sentence in self.sentences:
                if sentence.heading or sentence.end <= span.inner_start:
                    continue
                if sentence.start >= span.inner_end:
                    break
                chars = [
                    c if span.inner_start <= sentence.start + i < span.inner_end else "\u2592"
                    for i, c in enumerate(sentence.text)
                ]
                text = "".join(chars)
                for kind, start, stop, word in self._triggers(sentence, text):
                    if kind == "anaphor" or not _FIRST_PERSON.search(text[:start]):
                        continue
                    if kind == "noun" and word not in EVENT_NOUNS and word != "call":
                        continue
                    end = re.search(r"[.;:!?]|\u2592", text[stop:])
                    clause_end = stop + end.start() if end else len(text)
                    clause = text[max(0, text.rfind("\u2592", 0, start) + 1) : clause_end]
                    others = [
                        m.actor
                        for m in self.finder.mentions
                        if m.actor is not None
                        and sentence.start + stop <= m.start < sentence.start + clause_end
                        and m.actor is not speaker
                    ]
                    participants = [speaker]
                    for actor in others:
                        if all(actor is not p for p in participants):
                            participants.append(actor)
                    if len(participants) < 2:
                        continue  # "we met": with whom the quote does not say
                    when, when_guess = when_of(clause, self.published)
                    self._add(sentence, clause, participants, word, None, when, when_guess, True)

    def _date_of_match(self, meeting: DraftMeeting) -> None:
        """A press conference or interview told as after a match ("at the post-match press
        conference", "speaking after the game") is on the day of the last match told before
        it, when that one has its day."""
        first = meeting.evidence[0]
        if not _AFTER_MATCH.search(first.text):
            return
        for earlier in reversed(self.meetings[: self.meetings.index(meeting)]):
            if earlier.trigger in _ENCOUNTERS or earlier.trigger in _MATCH_NOUNS:
                if earlier.when is not None and len(earlier.when) == 10:
                    meeting.when = earlier.when
                    meeting.guesses.append(
                        f"when read as {earlier.when}, the day of the match it follows"
                    )
                return

    def _date_of_occasion(self, meeting: DraftMeeting) -> None:
        """A meeting told as part of the one before ("At the convening, Wharton joined …",
        "the Mayor also met with …") is of its days, when they share someone."""
        first = meeting.evidence[0]
        if meeting.status in ("planned", "expected"):
            self._date_of_programme(meeting)
            return
        if meeting.status != "happened" or not _OCCASION.search(first.text[:80]):
            return
        index = self.meetings.index(meeting)
        if index == 0:
            return
        before = self.meetings[index - 1]
        if (
            before.when is None
            or before.status != "happened"
            or before.evidence[0].index >= first.index
            or not {id(a) for a in before.participants} & {id(a) for a in meeting.participants}
        ):
            return
        meeting.when = before.when
        meeting.guesses.append(f"when read as {before.when}, the days of the meeting it is part of")

    def _date_of_programme(self, meeting: DraftMeeting) -> None:
        """A meeting to come told right after a one-day visit to come, with someone of it
        ("Manalo will visit Thailand tomorrow. Manalo and Sangiampongsa will hold a bilateral
        meeting"), is of the visit's day: the programme of the visit."""
        first = meeting.evidence[0]
        for before in reversed(self.meetings[: self.meetings.index(meeting)]):
            if before.evidence[0].index < first.index - 2:
                return
            if (
                before.trigger in _VISIT_WORDS
                and before.status == "planned"
                and before.when is not None
                and len(before.when) == 10
                and {id(a) for a in before.participants} & {id(a) for a in meeting.participants}
            ):
                meeting.when = before.when
                meeting.guesses.append(
                    f"when read as {before.when}, the day of the visit it is part of"
                )
                return

    def _date_from_neighbour(self, meeting: DraftMeeting) -> None:
        """A meeting told without a date takes the one date of the sentence before it (in its
        paragraph, or the last of the paragraph before when it opens one), when both are in the
        same tense ("Djokovic and Murray will make their first appearance on Wednesday. Serbia
        takes on Japan and Britain plays the Netherlands.")."""
        first = meeting.evidence[0]
        if first.index == 0 or _BACKGROUND.search(self._clause(first)[0]):
            return  # "had met", "previously met": before the time of the sentence before
        previous = self.sentences[first.index - 1]
        if previous.paragraph < first.paragraph - 1 or previous.heading:
            return
        text, _ = self._clause(previous)
        found = [f for f in find_dates(text, self.published) if f.precision != "year"]
        if len(found) != 1 or is_future(text) != (meeting.status in ("planned", "expected")):
            return
        if any(previous in m.evidence for m in self.meetings if m is not meeting):
            return  # that date is another meeting's
        ahead = found[0].iso[:10] > self.published.isoformat()
        if ahead != (meeting.status in ("planned", "expected")):
            return  # a date ahead for what happened, or behind for what is to come
        meeting.when = found[0].iso
        meeting.guesses.append(
            f'when "{found[0].words}" taken from the sentence before, read as {found[0].iso}'
        )

    def _news_day(self, ahead: bool) -> tuple[str, str, int] | None:
        """The day the story's lead tells its news of ("pleaded guilty Monday", "said
        yesterday", "was defeated in the Senate on Tuesday"; "will lead a delegation to
        Pretoria on Wednesday" for news to come, `ahead`): the first day-precise date of the
        first two sentences, when it is in the week up to publication (after it, for news to
        come) and told in the tense of such news. The reference time of the report, that its
        undated events stand at."""
        lead = [s for s in self.sentences if not s.heading][:2]
        for sentence in lead:
            text = without_dateline(sentence.text)
            days_told = [
                f
                for f in find_dates(text, self.published)
                if f.precision == "day" and not is_age_or_count(text, f)
            ]
            if not days_told:
                continue
            if len({f.iso for f in days_told}) > 1:
                return None  # "spent Monday distancing themselves from Thursday's fight"
            found = days_told[0]
            days = (date.fromisoformat(found.iso) - self.published).days
            future = tense_at(text, found.start) == "future"
            if (0 <= days <= 7 and future) if ahead else (-7 <= days <= 0 and not future):
                return found.iso, found.words, sentence.index
            return None
        return None

    def _date_of_news_day(self, meeting: DraftMeeting) -> None:
        """A meeting told with no date of its own, after a lead that dates the news, is of the
        lead's day: news English tells the day once, in the lead, and the events of the report
        keep that reference time ("A man pleaded guilty Monday to …. Carlineo pleaded guilty
        to threatening …"; "The minister will visit Pretoria on Wednesday. She will meet …").
        Not what the clause sets before it (a past perfect, "earlier", "previously", "recent")
        nor a process with no day; a meeting to come takes only news to come, and the other
        way round."""
        if meeting.status not in ("happened", "planned") or meeting.trigger in _PROCESSES:
            return
        news = self._news_day(ahead=meeting.status == "planned")
        if news is None:
            return
        iso, words, index = news
        first = meeting.evidence[0]
        if first.index < index:
            return
        if any(
            _TIME_SHIFT.search(s.text)
            and all(f.iso != iso for f in find_dates(s.text, self.published))
            for s in self.sentences[index + 1 : first.index + 1]
        ):
            # "Meanwhile, Manalo traveled to Kuala Lumpur": the report moves off the time of
            # its lead ("Earlier Saturday, …" stays on the day)
            return
        text, _ = self._clause(first)
        # (a year beside it, "projected … this year", tells no day of it)
        dates = [f for f in find_dates(text, self.published, first.text) if f.precision != "year"]
        if dates or _BACKGROUND.search(text):
            return
        meeting.when = iso
        meeting.guesses.append(f'when "{words}" of the lead read as {iso}, the day of the news')

    def _clause(self, sentence: Sentence) -> tuple[str, int]:
        """The sentence without a closing attribution ("…, Hayashi said."): its end offset. A
        dateline opening it is blanked: its date is the report's, not an event's."""
        match = _SPEECH.search(sentence.text)
        end = match.start() if match else len(sentence.text)
        return without_dateline(sentence.text[:end]), end

    def _triggers(self, sentence: Sentence, text: str) -> list[tuple[str, int, int, str]]:
        """The meeting words of a clause: (kind, start, end, word), kind verb | noun | anaphor."""
        found: list[tuple[str, int, int, str]] = []
        for verb in _VERBS.finditer(text):
            word = _SCORE_IN.sub(" ", verb.group(1).lower())
            if word in ("called", "call") and re.match(
                r"\s+(?:for|on|upon|off|it|them|him|her)\b", text[verb.end() :], re.I
            ):
                continue  # "called for Yoon's ouster", "called on X to": a demand, not a call
            if word in ("called", "call", "calls", "calling") and _NAMING.match(text, verb.end()):
                continue  # "called Omar a “terrorist”": a name given, not a call
            if word.endswith(" off") and re.match(
                r"\s+(?:on|from|until|making)\b", text[verb.end() :]
            ):
                continue  # "held off on signing him": a delay, not a game
            if (word in AMBIGUOUS_MEETING_VERBS or word in _MORE_AMBIGUOUS) and (
                not self._object_after(sentence, verb.end())
                or re.search(
                    r"\b(?:the|a|an|his|her|its|their|this|that)\s+$", text[: verb.start()]
                )
                or (
                    word in _ALSO_NOUNS
                    and re.search(
                        r"\b(?:the|a|an|his|her|its|their|this|that)\s+(?:[a-z-]+\s+){1,2}$",
                        text[: verb.start()],
                    )
                )
                or (word in _ALSO_NOUNS and _ADJECTIVE_BEFORE.search(text[: verb.start()]))
            ):
                continue  # "a positive sign", "hit in the face": a noun, not a meeting
            if word in _PURCHASES and not _is_purchase(text, verb.start(1), verb.end(1)):
                continue
            if word in ("played", "play", "called", "call") and re.search(
                r"\b(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?$", text[: verb.start()]
            ):
                continue  # "the anthems were played by the bands", "will be called KABIL"
            if word in _VOTES and not _DELIBERATIVE.search(text[: verb.start()]):
                continue  # "voters voted", "she voted against": no session
            if word in ("visits", "visit") and _VISIT_KIND.search(text[: verb.start(1)]):
                # "after state visits to Trinidad and Tobago": visits named, not a verb in
                # the present of a schedule
                found.append(("noun", verb.start(1), verb.end(1), "visit"))
                continue
            found.append(("verb", verb.start(1), verb.end(1), word))
        for lifted in _LIFTED.finditer(text):
            # "scored twice to lift the Islanders over the Penguins": the two sides' game.
            start, end = lifted.span("over")
            if not any(f[1] < end and start < f[2] for f in found):
                found.append(("verb", start, end, "beat"))
        for noun in _NOUNS.finditer(text):
            start, end = noun.start(3), noun.end(3)
            if any(
                m.start <= sentence.start + start < m.end
                for m in self.finder.mentions
                if m.actor is not None and m.actor.kind == "organisation"
            ):
                continue  # "the Kohelet Policy Forum": a name, not a meeting
            before = _DETERMINED.search(text[max(0, start - 40) : start])
            determiner = before.group(1).lower() if before else ""
            modifiers = before.group(2).strip() if before else ""
            kind = "anaphor" if determiner in _ANAPHORIC and not modifiers else "noun"
            if re.search(
                r"\b[Tt]he\s+(?:[A-Z][\w’'-]*\s+){1,6}$", text[max(0, start - 80) : start]
            ) and any(_tells(m, noun.group(3)) for m in self.meetings):
                kind = "anaphor"  # "the Caribbean Financial Access Roundtable was held …"
            if re.match(_MODIFIED, text[end:]):
                continue  # "auction house", "vote count": the noun modifies another
            if text[max(0, start - 4) : start].lower() == "mid-":
                kind = "anaphor"  # "walked in mid-meeting": the meeting under way
            if noun.group(3).lower() == "negotiating table":
                kind = "noun"  # "to the negotiating table": talks to come, not ones told
            if noun.group(3).lower() in _PURCHASES and not _is_purchase(text, start, end):
                continue
            if (
                kind == "noun"
                and noun.group(3).lower() in _PACTS
                and not _CONCLUDED.search(text[max(0, start - 60) : start])
                and not re.match(
                    r"\s+(?:with|between)\b", text[end + 1 if text[end : end + 1] == "s" else end :]
                )
            ):
                continue  # "the legal footing for a peace deal", "on the verge of a deal"
            overlapping = [f for f in found if f[1] < end and start < f[2]]
            if overlapping:
                if not determiner:
                    continue
                found = [f for f in found if f not in overlapping]
            found.append((kind, start, end, noun.group(3).lower()))
        for giving in _GIVING.finditer(text):
            start, end = giving.span(1)
            if any(f[1] < end and start < f[2] for f in found):
                continue
            found.append(("verb", start, end, giving.group(1).lower()))
        found.sort(key=lambda f: f[1])
        return found

    def _sentence(self, sentence: Sentence) -> None:
        text, _end = self._clause(sentence)
        if _NOT_MEETING_CONTEXT.search(text):
            text = _NOT_MEETING_CONTEXT.sub(lambda m: "\u2592" * len(m.group()), text)
        text = _blank_quotes(text, sentence, self.quoted)
        triggers = self._triggers(sentence, text)
        if self._score_line(sentence):
            # "Wild 4, Sabres 1: … Minnesota beat Buffalo": the line's result, told again.
            triggers = [t for t in triggers if t[3] not in _ENCOUNTERS]
        if not triggers:
            (
                self._press(sentence)
                or self._interview(sentence)
                or self._testimony(sentence)
                or self._session(sentence)
            )
            return
        windows = _split_repeats(_clauses(text), triggers, text)
        made: set[tuple[int, int]] = set()
        pairs: set[tuple[int, ...]] = set()
        known = len(self.meetings)
        pending: list[tuple[DraftMeeting, str, str | None, str | None, str | None]] = []
        for kind, start, stop, word in triggers:
            if _IF_CLAUSE.search(text[:start]):
                continue  # "if peace talks are ever revived": a condition, not a meeting
            window = next(((a, b) for a, b in windows if a <= start < b), (0, len(text)))
            clause = text[window[0] : window[1]]
            if kind in ("noun", "anaphor") and _NOUN_TAIL.fullmatch(text[stop : window[1]]):
                # "the extradition hearing, which is scheduled … in February": the relative
                # clause right after the noun tells its date and its status.
                following = next((b for a, b in windows if a == window[1]), None)
                if following is not None and _RELATIVE_AFTER.match(text, window[1]):
                    clause = text[window[0] : following]
            others = [t for t in triggers if window[0] <= t[1] < window[1] and t[1] != start]
            mentions = [
                m
                for m in self.finder.mentions
                if m.actor is not None
                and m.start >= sentence.start + window[0]
                and m.end <= sentence.start + window[1]
                and not any(q.start <= m.start < q.end for q in self.quoted)
            ]
            said = next(
                (
                    m.end()
                    for m in _REPORTED_THAT.finditer(text, window[0], start)
                    if any(
                        sentence.start + m.end() <= n.start < sentence.start + start
                        for n in mentions
                    )
                ),
                None,
            )
            if said is not None:
                # "Wang Yi said Friday that Xi's tour has yielded fruitful results": the
                # statement names whose tour; its speaker is no side of it.
                mentions = [m for m in mentions if m.start >= sentence.start + said]
            where = self._where(clause, sentence)
            when, when_guess = self._offset_when(sentence, text, start)
            if when is None:
                when, when_guess = self._day_of_event(clause)
            if when is None:
                when, when_guess = when_of(
                    _without_absolute(_report_dates_blanked(clause, start - window[0])),
                    self.published,
                    start - window[0],
                    text,
                )
            if when is None and re.match(r"\s*when\b", clause, re.IGNORECASE) and window[0]:
                # "made headlines earlier this year when it put up 43 million euros": the
                # when-clause is of the time its main clause tells.
                main = next((a for a, b in windows if b == window[0]), None)
                if main is not None:
                    when, when_guess = when_of(
                        _without_absolute(text[main : window[0]]), self.published, None, text
                    )
            if when is None and re.match(r",?\s*(?:while|whereas)\b", text[window[0] :]):
                # "Isner is set to play Nishioka on Wednesday night, while Querrey takes on
                # Harrison in the final match": the clause set beside it shares its day.
                when, when_guess = self._sibling_day(text, windows, window)
            if when is not None and len(when) == 10:
                lasting = _LASTING.search(clause)
                if lasting is not None:
                    # "arrived on Tuesday for a two-day State visit": the days it lasts
                    days = _COUNTS.get(lasting.group(1).lower()) or int(lasting.group(1))
                    end = shifted(when, days - 1) if 1 < days <= 31 else None
                    if end is not None:
                        when = f"{when}/{end}"
                        when_guess = (
                            f'{when_guess}; "{lasting.group()}" lasting to {end}'
                            if when_guess
                            else None
                        )
            dated = self._dated_reference(text, start) if kind == "noun" else None
            if dated is not None:
                # "Tuesday's networking gathering": the meeting of that Tuesday told before.
                pending.append((dated, clause, None, None, None))
                continue
            if kind == "anaphor":
                target = self._referent(word) if self.meetings else None
                if target is not None and when is not None and _RESUMES.match(text, stop):
                    # "The Tour is set to resume on Tuesday": the day it resumes is a
                    # meeting to come of its own, not the date of the one told before.
                    sides = self._participants(mentions, where, sentence) or list(
                        target.participants
                    )
                    self._add_resumption(sentence, clause, sides, word, where, when, when_guess)
                    continue
                if target is not None:
                    real = [t for t in others if t[0] != "anaphor"]
                    if _ENDED.search(text[max(0, start - 40) : start]) or _ENDED_AFTER.match(
                        text, stop
                    ):
                        real = [("ended", 0, 0, "")]  # "scuttled the talks in September"
                    pending.append(
                        (
                            target,
                            clause,
                            where if not real else None,
                            when if not real else None,
                            when_guess,
                        )
                    )
                    continue
            if word == "vote" and not _DELIBERATIVE_BODY.search(sentence.text):
                continue  # "a vote" of voters, not of a body in session
            if (
                kind != "verb"
                and word not in EVENT_NOUNS
                and word not in _MORE_NOUNS
                # "the March 21 call to the offices of Omar": a call with its other side
                and not (word in _WITH_NOUNS and _CALL_TO.match(text, stop))
                # "an emergency meeting of the body": a kind of an event noun is one too
                and word.split()[-1] not in EVENT_NOUNS
            ):
                continue
            if word in _ENCOUNTERS:
                if word == "against" and not _SPORT_CONTEXT.search(clause):
                    continue
                if _HYPOTHETICAL.search(text[max(0, start - 50) : start]):
                    continue  # "voters could see defeating Trump": a hope, not a match
                participants = self._pair(sentence, start, stop, mentions)
                if len(participants) == 1 and not any(
                    m.end <= sentence.start + start for m in mentions
                ):
                    # "FC Goa emerged as champions after defeating Chennaiyin": the side
                    # before the word is the sentence's subject, or the one "they" means.
                    side = self._subject_before(sentence, text, window[0], start)
                    if side is None:
                        side = self._resumed_subject(sentence, text, windows, window, start)
                    if side is not None and side not in participants:
                        participants.insert(0, side)
                pair = tuple(sorted(id(a) for a in participants))
                if len(participants) < 2 or pair in pairs:
                    continue
                pairs.add(pair)
                made.add(window)
                again = self._same_encounter(participants, when)
                if again is not None:
                    self._extend(again, sentence, clause, where, when, when_guess)
                    continue
                self._add(sentence, clause, participants, word, where, when, when_guess)
                continue
            if window in made and not (kind == "noun" and text[start : start + 1].isupper()):
                # (a named event beside a meeting of its own: "announced Wednesday at the
                # Dubai Air Show", the deal and the show)
                continue
            if word in _DEMONSTRATIONS and _MARKET_SUBJECT.search(text[:start]):
                continue  # "Alibaba shares rallied at the open": a market, not a crowd
            if word in _DEMONSTRATIONS:
                # "rallied at the Statehouse", "marched to the US Embassy": the name after
                # the verb is where they gathered, not one of them.
                site = next(
                    (
                        m
                        for m in mentions
                        if re.fullmatch(
                            r"\s+(?:the\s+)?", self.body[sentence.start + stop : m.start]
                        )
                    ),
                    None,
                )
                if site is not None:
                    mentions = [m for m in mentions if m.actor is not site.actor]
                    where = where or self.body[site.start : site.end]
            if word in _COURT_VERBS:
                # "Carlineo, 55, of Addison, pleaded guilty to threatening to kill Rep. Omar":
                # the defendant is the subject; those after the verb are what the case is
                # about, the places beside the name where he is from.
                mentions = [m for m in mentions if m.end <= sentence.start + start][:1]
            participants = self._participants(mentions, where, sentence)
            both = _BOTH.search(text, window[0], window[1])
            if both is not None:
                two = self._both(sentence, both)
                if two:
                    # "The two leaders talked on the phone": those two, not a group "Two leaders"
                    at = (sentence.start + both.start(), sentence.start + both.end())
                    overlapping = {
                        id(m.actor) for m in mentions if m.start < at[1] and at[0] < m.end
                    }
                    participants = [
                        *two,
                        *(a for a in participants if id(a) not in overlapping and a not in two),
                    ]
            subject = self._referred_subject(sentence, text, window[0], start, mentions)
            if subject is None and not any(m.start < sentence.start + start for m in mentions):
                subject = self._resumed_subject(sentence, text, windows, window, start)
            if (
                subject is None
                and kind == "verb"
                and re.fullmatch(r"\s*(?:after|before|while|since)\s+", text[window[0] : start])
            ):
                # "Amorim arrived on Tuesday after visiting Mozambique, Zimbabwe …": the one
                # who visited is the sentence's subject.
                subject = self._subject_before(sentence, text, window[0], start)
            if subject is not None and subject not in participants:
                participants.insert(0, subject)
            if not participants and kind == "noun" and word in _SIDE_EVENTS:
                participants = self._current_sides(sentence)
            if not participants and kind == "noun" and word in _COURT_NOUNS:
                participants = self._defendant(sentence)
            if not participants:
                continue
            named = kind == "noun" and text[start : start + 1].isupper() and window in made
            made.add(window)
            shares = self._shares(sentence, stop, window, mentions) if word in _PURCHASES else []
            if len(shares) >= 2:
                # "five 787 sales: two to Biman Bangladesh Airlines and three to the Ghanaian
                # government": one sale to each buyer, with the seller of the clause.
                rest = [a for a in participants if a not in shares]
                for buyer in shares:
                    self._add(sentence, clause, [*rest, buyer], word, where, when, when_guess, True)
                continue
            if (
                kind != "verb"
                and when is not None
                and when[:10] > self.published.isoformat()
                and _RESUMES.match(text, stop)
            ):
                # "until his trial resumes on Monday": the sitting to come.
                self._add_resumption(sentence, clause, participants, word, where, when, when_guess)
                continue
            moved = _POSTPONED.search(clause) if kind != "verb" else None
            if moved is not None:
                # "postponed the hearing to August 22": the meeting's date is the new one.
                # (read ahead: the day it is put off to is to come)
                put_off = "will " + clause[moved.end() :]
                later = [
                    f
                    for f in find_dates(put_off, self.published)
                    if not put_off[5 : f.start].strip()
                ]
                if later and later[0].iso != when:
                    when, when_guess = (
                        later[0].iso,
                        (
                            f'when "{later[0].words}" read as {later[0].iso}, the day it was '
                            f"put off to (published {self.published.isoformat()})"
                        ),
                    )
            adjourned = _ADJOURNED.search(clause)
            if adjourned is not None and kind != "verb":
                # "adjourned the trial until September 5": the session that adjourned, and
                # the one it adjourned to.
                later = [
                    f
                    for f in find_dates(clause, self.published)
                    if adjourned.end() - 1 <= f.start <= adjourned.end()
                ]
                if later:
                    session = clause[: adjourned.start("until")] + clause[later[0].end :]
                    held, held_guess = when_of(session, self.published, None, text)
                    self._add(sentence, session, participants, word, where, held, held_guess, named)
                    resumes_on, resumes_guess = when_of(
                        clause[adjourned.start("until") :], self.published
                    )
                    self._add_resumption(
                        sentence, clause, participants, word, where, resumes_on, resumes_guess
                    )
                    continue
            self._add(sentence, clause, participants, word, where, when, when_guess, named)
        # "Both sides hoped the swap would lead to talks": a sentence that tells a meeting of
        # its own is about that one, not more about the one its "the swap" refers to.
        if len(self.meetings) == known:
            for target, clause, where, when, when_guess in pending:
                self._extend(target, sentence, clause, where, when, when_guess)
        if len(self.meetings) == known:
            self._press(sentence) or self._session(sentence)
        else:
            # "Prosecutors told reporters the decision had been taken after interviews with
            # seven witnesses": the press told first is a meeting too, beside those it tells.
            self._press(sentence, before=triggers[0][1])

    def _press(self, sentence: Sentence, before: int | None = None) -> bool:
        """ "X told reporters …", "telling reporters", "told US media this month", "said in an
        interview with Le Figaro": someone speaking to the press is a meeting of theirs (its
        date that of the clause), when the sentence tells no other meeting."""
        text = _blank_quotes(sentence.text, sentence, self.quoted)
        match = _PRESS.search(text)
        if match is None or (before is not None and match.end() > before):
            return False
        speaker = self._speaker_of(sentence, text, match.start())
        if speaker is None:
            return False
        participants = [speaker]
        after = sentence.start + match.end()
        for mention in self.finder.mentions:
            if (
                mention.actor is not None
                and mention.actor is not speaker
                and after <= mention.start <= after + 12
                and re.fullmatch(r"\s+with\s+(?:the\s+)?", self.body[after : mention.start])
            ):
                participants.append(mention.actor)  # "in an interview with Le Figaro"
        # Its clause: from the comma before the verb ("Milley, chairman of …, told US media
        # this month") to the words it says ("that …", a comma).
        left = max(text.rfind(",", 0, match.start()), text.rfind(";", 0, match.start())) + 1
        stop = re.search(r"[,;:]|\s[—–]\s|\bthat\b", text[match.end() :])
        clause = text[left : match.end() + (stop.start() if stop else len(text))]
        when, when_guess = when_of(clause, self.published, match.start() - left, text)
        word = next(g for g in match.groups() if g).lower()
        self._add(sentence, clause, participants, word, None, when, when_guess)
        return True

    def _interview(self, sentence: Sentence) -> bool:
        """ "Lamrani told Business Insider …", "Haq told Polygraph.info that …", "told VOA
        correspondent Carla Babb": a named person or body speaking to a named outlet (or its
        reporter) is an interview, a meeting of the two. An anonymous source ("sources told
        Reuters", "EU diplomats told Reuters") meets no one the story names."""
        text = _blank_quotes(sentence.text, sentence, self.quoted)
        for match in _TOLD_OUTLET.finditer(text):
            at = sentence.start + match.end()
            outlet = next(
                (m for m in self.finder.mentions if m.start == at and m.actor is not None), None
            )
            if outlet is None or outlet.actor is None or not self._is_outlet(outlet.actor):
                continue
            told = outlet.actor
            speaker = self._speaker_of(sentence, text, match.start())
            if speaker is None or speaker is told or not _is_named(speaker):
                continue
            participants = [speaker, told]
            # "told VOA Pentagon correspondent Carla Babb": the reporter too.
            reporter = _REPORTER.match(self.body, outlet.end)
            reporter_end = None
            if reporter is not None:
                person = next(
                    (
                        m
                        for m in self.finder.mentions
                        if m.start == reporter.end() and m.actor is not None
                    ),
                    None,
                )
                if person is not None and person.actor and person.actor not in participants:
                    participants.append(person.actor)
                    reporter_end = person.end
            left = max(text.rfind(",", 0, match.start()), text.rfind(";", 0, match.start())) + 1
            # Its clause ends with the outlet (its reporter) and a date beside it ("told WKRP
            # on Monday"), not the words told ("the ferry would run in March").
            end = (reporter_end or outlet.end) - sentence.start
            after = _DATE_AFTER.match(text, end)
            clause = text[left : after.end() if after else end]
            when, when_guess = when_of(clause, self.published, match.start() - left, text)
            self._add(sentence, clause, participants, "interview", None, when, when_guess)
            return True
        return False

    def _testimony(self, sentence: Sentence) -> bool:
        """ "Holmes testified", "Hill, who will testify Thursday", "told investigators",
        "spoke before lawmakers": a witness before an inquiry, a court or a legislature is a
        meeting of the witness (CAMEO 010 to an audience met), dated by the words beside it."""
        text = _blank_quotes(sentence.text, sentence, self.quoted)
        match = _TESTIFIED.search(text)
        if match is None:
            return False
        speaker = self._speaker_of(sentence, text, match.start())
        if speaker is None or not _is_named(speaker):
            return False
        left = max(text.rfind(",", 0, match.start()), text.rfind(";", 0, match.start())) + 1
        after = _WITNESS_DATE.match(text, match.end())
        clause = text[left : after.end() if after else match.end()]
        when, when_guess = when_of(clause, self.published, match.start() - left, text)
        self._add(sentence, clause, [speaker], "testimony", None, when, when_guess)
        return True

    def _is_outlet(self, actor: DraftActor) -> bool:
        """A news outlet: an organisation by a wire's name ("Reuters"), by a media noun ("JIS
        News", "the Nikkei business daily"), or one the story names only as told ("told
        KXAN", "told Observer")."""
        if actor.kind != "organisation":
            return False
        lowered = actor.name.lower()
        if lowered in MEDIA_NAMES or re.search(
            r"\b(?:news|" + "|".join(MEDIA_NOUNS) + r")\b", lowered
        ):
            return True
        if re.search(r"\w\.(?:com|org|net|info|news|tv|co\.uk)$", lowered):
            return True  # a website by its address: "Polygraph.info", "Rappler.com"
        return bool(actor.mentions) and all(
            re.search(
                r"\b(?:told|tells|telling|to)\s+(?:the\s+)?$",
                self.body[max(0, m.start - 12) : m.start],
            )
            for m in actor.mentions
        )

    def _session(self, sentence: Sentence) -> bool:
        """A body that deliberates, in session: "The trust heard in June that …", "the
        council refused last week to hear …", or someone before it: "Mr. Cueto told the
        trust …", "pledged to the trust in July". The body is an actor named there or
        referred to ("the trust", "trust members")."""
        text = _blank_quotes(sentence.text, sentence, self.quoted)
        matches = [*_SESSION.finditer(text), *_BEFORE_BODY.finditer(text)]
        for match in sorted(matches, key=lambda m: m.start()):
            body = self._body_at(sentence, match.start("body"), match.group("body"))
            if body is None:
                continue
            participants = [body]
            before_body = "to" in match.groupdict()
            left = max(text.rfind(",", 0, match.start()), text.rfind(";", 0, match.start())) + 1
            if before_body:
                # The one before the body: the actor (or pronoun) just before the verb in its
                # clause; "an earlier county presentation assured trust members" has none.
                speaker = self._subject_in(sentence, text, left, match.start("to"))
                if speaker is not None and speaker is not body:
                    participants.insert(0, speaker)
                # Its clause ends with the body and a date beside it, not what was told.
                after = _DATE_AFTER.match(text, match.end())
                clause = text[left : after.end() if after else match.end()]
            else:
                stop = re.search(r"[,;:]|\s[—–]\s|\bthat\b", text[match.end() :])
                clause = text[left : match.end() + (stop.start() if stop else len(text))]
            when, when_guess = when_of(clause, self.published, match.start() - left, text)
            word = match.group("to" if before_body else "verb").lower()
            self._add(sentence, clause, participants, word, None, when, when_guess)
            return True
        return False

    def _subject_in(self, sentence: Sentence, text: str, left: int, at: int) -> DraftActor | None:
        """The actor named (or a pronoun meaning one) between `left` and the verb at `at`."""
        before = [
            m
            for m in self.finder.mentions
            if m.actor is not None
            and sentence.start + left <= m.start
            and m.end <= sentence.start + at
        ]
        if before:
            return before[-1].actor
        pronoun = re.search(r"\b(he|she|they)\s+(?:[a-z]+\s+){0,2}$", text[left:at], re.I)
        if pronoun is None:
            # "Transportation chief Eulois Cleckley, who is now suspended …, pledged to the
            # trust": the subject the sentence opens with, past its relative clause.
            opening = [
                m
                for m in self.finder.mentions
                if m.actor is not None
                and sentence.start <= m.start < sentence.start + min(left, 60)
            ]
            if opening and re.match(r",\s*(?:who|which)\b", self.body[opening[0].end :]):
                return opening[0].actor
            return None
        return reference_at(
            self.finder.actors,
            self.finder.mentions,
            sentence.start + left + pronoun.start(1),
            pronoun.group(1),
        )

    def _body_at(self, sentence: Sentence, offset: int, phrase: str) -> DraftActor | None:
        """The deliberative body an actor mention, or a short reference, names here."""
        start = sentence.start + offset
        for mention in self.finder.mentions:
            if mention.actor is not None and mention.start <= start < mention.end:
                return mention.actor
            if mention.actor is not None and start <= mention.start < start + len(phrase):
                return mention.actor
        words = phrase.lower().split()
        if words and words[0] == "the":
            found = reference_at(self.finder.actors, self.finder.mentions, start, phrase)
            if found is not None and found.kind in ("organisation", "group"):
                return found
        return None

    def _speaker_of(self, sentence: Sentence, text: str, at: int) -> DraftActor | None:
        """Who speaks to the press: the speaker of the sentence's quotes when they have one,
        else the actor (or the person a pronoun means) just before the verb."""
        speakers = {id(q.speaker): q.speaker for q in self.quotes if sentence in q.evidence}
        if len(speakers) == 1:
            return next(iter(speakers.values()))
        before = [
            m
            for m in self.finder.mentions
            if m.actor is not None and sentence.start <= m.start < sentence.start + at
        ]
        pronoun = re.search(r"\b(he|she|they)\s+(?:[a-z]+\s+){0,2}$", text[:at], re.I)
        if pronoun is not None and not (
            before and before[-1].start >= sentence.start + pronoun.start()
        ):
            return reference_at(
                self.finder.actors,
                self.finder.mentions,
                sentence.start + pronoun.start(1),
                pronoun.group(1),
            )
        return before[-1].actor if before else None

    def _shares(
        self, sentence: Sentence, stop: int, window: tuple[int, int], mentions: list[Mention]
    ) -> list[DraftActor]:
        """The buyers of a sale or order split among them: "two to X and three to Y"."""
        found: list[DraftActor] = []
        for mention in mentions:
            offset = mention.start - sentence.start
            if offset < stop or offset >= window[1] or mention.actor is None:
                continue
            before = self.body[max(sentence.start, mention.start - 24) : mention.start]
            if _SHARE_BEFORE.search(before) and mention.actor not in found:
                found.append(mention.actor)
        return found

    def _dated_reference(self, text: str, start: int) -> DraftMeeting | None:
        """The meeting a noun names by its day ("Tuesday's gathering", "last week's
        meeting"), when one meeting already drafted is of that day."""
        match = _POSSESSIVE_DATE.search(text[max(0, start - 60) : start])
        if match is None:
            return None
        found = find_dates(match.group(1), self.published, text)
        if len(found) != 1:
            return None
        same = [m for m in self.meetings if m.when == found[0].iso]
        return same[-1] if len(same) == 1 else None

    def _score_line(self, sentence: Sentence) -> bool:
        """A result line of a round-up, "Panthers 5, Flyers 2: Barkov had a goal …": a game
        between the two sides it names, on the day the round-up's lead tells."""
        line = _SCORE_LINE.match(sentence.text)
        if line is None:
            return False
        sides = [
            self._side_named(sentence.start + line.start(group), line.group(group))
            for group in (1, 3)
        ]
        if (sides[0] is None) != (sides[1] is None):
            # "Jets 2, Predators 1:": the side no sentence named yet is a team too, as the
            # other side of the line is.
            group = 1 if sides[0] is None else 3
            name = line.group(group)
            actor = self.finder.new_actor(
                name, "organisation", f'kind organisation guessed: "{name}" is a side of a result'
            )
            start = sentence.start + line.start(group)
            self.finder.mention(actor, start, start + len(name), sentence.index)
            sides[0 if group == 1 else 1] = actor
        if sides[0] is None or sides[1] is None or sides[0] is sides[1]:
            return False
        participants = [sides[0], sides[1]]
        if self._same_encounter(participants, None) is not None:
            return True
        when, when_guess = self._lead_day()
        known = len(self.meetings)
        self._add(sentence, line.group(), participants, "beat", None, when, when_guess)
        if len(self.meetings) > known:
            self.meetings[-1].status = "happened"
        return True

    def _side_named(self, at: int, name: str) -> DraftActor | None:
        """The actor a result line names at `at`: its mention there, or the one of that name."""
        for mention in self.finder.mentions:
            if mention.actor is not None and mention.start == at:
                return mention.actor
        return next((a for a in self.finder.actors if name in a.names), None) or (
            self.finder.by_key.get(normalise(name))
        )

    def _lead_day(self) -> tuple[str | None, str | None]:
        """The day the story's lead tells ("… 5-4 Tuesday night"), when it is the day of
        publication or the one before: the night a round-up reports."""
        for sentence in [s for s in self.sentences if not s.heading][:2]:
            for found in find_dates(sentence.text, self.published):
                if (
                    found.precision == "day"
                    and 0 <= (self.published - date.fromisoformat(found.iso)).days <= 1
                ):
                    return found.iso, (
                        f'when "{found.words}" of the lead read as {found.iso}, the night '
                        "the round-up reports"
                    )
        return None, None

    def _same_encounter(
        self, participants: list[DraftActor], when: str | None
    ) -> DraftMeeting | None:
        """An earlier match of exactly these sides on no other day: "Kazakhstan also needed
        the doubles match to beat the Netherlands" is the tie told before, not a second one
        ("These teams meet again in three days", a rematch, has a date of its own)."""
        sides = {id(a) for a in participants}
        for meeting in self.meetings:
            if (
                (meeting.trigger in _ENCOUNTERS or meeting.trigger in _MATCH_NOUNS)
                and {id(a) for a in meeting.participants} == sides
                and (when is None or meeting.when is None or when == meeting.when)
                and meeting.status == "happened"
                and (when is None or when <= self.published.isoformat())
            ):
                return meeting
        return None

    def _day_of_event(self, clause: str) -> tuple[str | None, str | None]:
        """ "On days four and five of the conference, investors will visit sites": the days
        counted from the first of the dated event told before ("The conference, scheduled for
        June 13 to 17")."""
        match = _EVENT_DAYS.search(clause)
        if match is None or not self.meetings:
            return None, None
        event = self._referent(match.group(3).lower())
        if event is None or event.when is None or len(event.when.partition("/")[0]) != 10:
            return None, None
        first = _DAY_COUNTS.get(match.group(1).lower()) or int(match.group(1))
        last = _DAY_COUNTS.get((match.group(2) or "").lower()) or int(match.group(2) or first)
        begun = event.when.partition("/")[0]
        start, end = shifted(begun, first - 1), shifted(begun, last - 1)
        if start is None or end is None or end < start:
            return None, None
        ending = event.when.partition("/")[2]
        if ending and end > ending:
            return None, None  # more days than the event has
        iso = start if start == end else f"{start}/{end}"
        return iso, f'when read as {iso}: "{match.group()}", counted from {begun}'

    def _offset_when(self, sentence: Sentence, text: str, at: int) -> tuple[str | None, str | None]:
        """The date of a meeting told "a day after" another event, or "two days after" its
        own dated one: "The crash comes a day after the Taliban swapped …" (the swap the day
        before the crash, told in the present: the day of publication); "One night after the
        Thunder's win over the Clippers, Oklahoma City could not catch the Lakers" (the night
        before the Lakers game)."""
        for offset in offsets(text):
            phrase = text[offset.start : offset.end]
            if offset.start <= at < offset.end:
                if find_dates(phrase, self.published):
                    continue  # "a day after they met on Monday": its own date
                # The main clause: before the phrase, or after it when the phrase opens.
                left, right = (
                    (0, offset.start) if text[: offset.start].strip() else (offset.end, len(text))
                )
                anchor = self._anchor(sentence, text[left:right], left, right)
                if anchor is None:
                    continue
                iso, how = anchor
                moved = shifted(iso, -offset.days)
            else:
                found = [
                    f for f in find_dates(phrase, self.published, text) if f.precision == "day"
                ]
                if not found:
                    continue
                iso, how = found[0].iso, f'"{found[0].words}" ({found[0].iso})'
                moved = shifted(iso, offset.days)
            if moved is not None:
                return moved, f'when read as {moved}: "{offset.words}" {how}'
        return None, None

    def _anchor(
        self, sentence: Sentence, main: str, left: int, right: int
    ) -> tuple[str, str] | None:
        """The day of the event a "N days after" phrase counts from: a date of the sentence
        outside the phrase, a dated meeting of the actors the rest of the sentence names, or
        the day of publication for news told in the present ("The crash comes a day after")."""
        found = [f for f in find_dates(main, self.published) if f.precision == "day"]
        if found:
            return found[0].iso, f'"{found[0].words}" ({found[0].iso})'
        named = {
            id(m.actor)
            for m in self.finder.mentions
            if m.actor is not None and sentence.start + left <= m.start < sentence.start + right
        }
        for meeting in reversed(self.meetings):
            if (
                meeting.when
                and len(meeting.when) == 10
                and named & {id(a) for a in meeting.participants}
            ):
                return meeting.when, f"the meeting of {meeting.when}"
        if not is_past(main) and not is_future(main):
            return self.published.isoformat(), "the news of the day of publication"
        return None

    def _subject_before(
        self, sentence: Sentence, text: str, left: int, start: int
    ) -> DraftActor | None:
        """The subject of a sentence whose match word stands in a later clause ("… after
        defeating X"), or the actor a pronoun just before the word stands for."""
        pronoun = re.search(r"\b(they|it|he|she)\s+(?:[a-z]+\s+){0,2}$", text[left:start], re.I)
        if pronoun is not None:
            position = sentence.start + left + pronoun.start(1)
            return reference_at(
                self.finder.actors, self.finder.mentions, position, pronoun.group(1)
            )
        if not re.fullmatch(
            r"\s*(?:after|before|while|when|by|in|with|since)?\s*"
            r"|,\s+and\s+(?:(?:will|would|then|later|next|is|set|due|to)\s+)*",
            text[left:start],
        ):
            return None
        first = min(
            (
                m
                for m in self.finder.mentions
                if m.actor is not None
                and sentence.start <= m.start < sentence.start + min(left, 60)
            ),
            key=lambda m: m.start,
            default=None,
        )
        coordinated = re.match(r",\s+and\b", text[left:start]) is not None
        if first is None or (_ENCOUNTER_WORD.search(text[:left]) and not coordinated):
            return None
        return first.actor

    def _current_sides(self, sentence: Sentence) -> list[DraftActor]:
        """The people of the meeting the story is telling, for an event it names with no one
        ("Six agreements will be signed", "two years of backroom talks"): the last meeting's,
        told in this sentence or the two before."""
        if not self.meetings:
            return []
        last = self.meetings[-1]
        if last.evidence[-1].index < sentence.index - 2 or len(last.participants) < 2:
            return []
        return list(last.participants)

    def _defendant(self, sentence: Sentence) -> list[DraftActor]:
        """The one before the court in the story's last court act, told in this sentence or
        the three before ("Carlineo pleaded guilty … Sentencing is scheduled for Feb. 14")."""
        for meeting in reversed(self.meetings):
            if meeting.evidence[-1].index < sentence.index - 3:
                return []
            if meeting.trigger in _COURT_VERBS or meeting.trigger in _COURT_NOUNS:
                return list(meeting.participants[:1])
        return []

    def _sibling_day(
        self, text: str, windows: list[tuple[int, int]], window: tuple[int, int]
    ) -> tuple[str | None, str | None]:
        """The one day of the clause before a "while" clause, in the same tense."""
        sibling = next((w for w in windows if w[1] == window[0]), None)
        if sibling is None:
            return None, None
        found = [
            f
            for f in find_dates(text[sibling[0] : sibling[1]], self.published)
            if f.precision == "day"
        ]
        mine, theirs = text[window[0] : window[1]], text[sibling[0] : sibling[1]]
        if len(found) != 1 or is_past(mine) != is_past(theirs):
            return None, None
        return found[
            0
        ].iso, f'when "{found[0].words}" taken from the clause beside it, read as {found[0].iso}'

    def _both(self, sentence: Sentence, both: re.Match[str]) -> list[DraftActor]:
        """The two that "the two leaders", "both sides", "the two countries" mean: the two of
        that kind the sentence names elsewhere, else those of the last meeting told, else
        the last two named before."""
        noun = both.group(1).lower()
        kinds = (
            {"country"}
            if noun in ("countries", "nations", "governments")
            else {"organisation", "country"}
            if noun in ("teams", "clubs", "sides", "companies", "firms")
            else {"person"}
        )
        at = (sentence.start + both.start(), sentence.start + both.end())

        def two(mentions: list[Mention]) -> list[DraftActor]:
            found: list[DraftActor] = []
            for mention in mentions:
                actor = mention.actor
                if actor is not None and actor.kind in kinds and actor not in found:
                    found.append(actor)
            return found

        inside = two(
            [
                m
                for m in self.finder.mentions
                if sentence.start <= m.start < sentence.end
                and not (m.start < at[1] and at[0] < m.end)
            ]
        )
        if len(inside) == 2:
            return inside
        for meeting in reversed(self.meetings):
            kept = [a for a in meeting.participants if a.kind in kinds]
            if len(kept) == 2:
                return kept
            if kept:
                break
        earlier = two(
            sorted(
                (m for m in self.finder.mentions if m.end <= sentence.start),
                key=lambda m: m.start,
                reverse=True,
            )
        )
        return earlier[:2][::-1] if len(earlier) >= 2 else []

    def _resumed_subject(
        self,
        sentence: Sentence,
        text: str,
        windows: list[tuple[int, int]],
        window: tuple[int, int],
        start: int,
    ) -> DraftActor | None:
        """The subject of a clause that resumes after a relative clause: "John Isner, who
        received a bye, is set to play Nishioka" is Isner's match."""
        if re.search(r"[,;]", text[window[0] + 1 : start]):
            return None
        if _RELATIVE_OPENING.match(text, window[0]):
            relative: tuple[int, int] | None = window  # ", who arrived in Kuala Lumpur"
        elif _RESUMED.match(text, window[0]):
            relative = next((w for w in windows if w[1] == window[0]), None)
        else:
            return None
        if relative is None or not _RELATIVE_OPENING.match(text, relative[0]):
            return None
        head = [
            m
            for m in self.finder.mentions
            if m.actor is not None
            and m.start >= sentence.start
            and m.end <= sentence.start + relative[0]
            and not self.body[m.end : sentence.start + relative[0]].strip()
        ]
        return head[0].actor if head else None

    def _referred_subject(
        self, sentence: Sentence, text: str, left: int, start: int, mentions: list[Mention]
    ) -> DraftActor | None:
        """The actor a pronoun subject means ("He also held talks with …"), when no actor is
        named before the meeting word in its clause."""
        if any(m.start < sentence.start + start for m in mentions):
            return None
        match = _REFERRING_SUBJECT.search(text[left:start])
        if match is None:
            return None
        group = 1 if match.group(1) else 2
        phrase = re.sub(r"\s+", " ", match.group(group))
        position = sentence.start + left + match.start(group)
        opening = _OPENING_CLAUSE.match(text)
        if opening is not None and start < opening.end(1) and phrase.lower() in ("he", "she"):
            # "After he meets with Blinken, Milei will head …": the pronoun of a clause put
            # first points ahead, to the main clause's subject.
            ahead = next(
                (
                    m
                    for m in self.finder.mentions
                    if m.actor is not None
                    and m.actor.kind == "person"
                    and sentence.start + opening.end(1) < m.start
                    and not self.body[sentence.start + opening.end(1) + 1 : m.start].strip()
                ),
                None,
            )
            if ahead is not None:
                return ahead.actor
        relative = _WHO_SAID.search(text[:start], 0, left + match.start(group))
        if relative is not None and phrase.lower() in ("he", "she", "they"):
            # "the source, who said he had spoken to …": the one the relative clause is of.
            antecedent = [
                m
                for m in self.finder.mentions
                if m.actor is not None
                and sentence.start <= m.start
                and m.end <= sentence.start + relative.start()
                and not self.body[m.end : sentence.start + relative.start()].strip(" ,")
            ]
            return antecedent[-1].actor if antecedent else None
        return reference_at(self.finder.actors, self.finder.mentions, position, phrase)

    def _pair(
        self, sentence: Sentence, start: int, stop: int, mentions: list[Mention]
    ) -> list[DraftActor]:
        """ "Nadal defeated Khachanov": the one named just before and the one just after."""
        before = [m for m in mentions if m.end <= sentence.start + start]
        after = [m for m in mentions if m.start >= sentence.start + stop]
        # The opponent stands right after the word ("beat the Celtics", "against defending
        # champion Croatia"), not past a comma ("against every team in the league, and …").
        if after and re.search(r"[,;:]", self.body[sentence.start + stop : after[0].start]):
            after = []
        # "Kukushkin of Kazakhstan downed Germany's Benjamin Becker": the players, not the
        # countries they are from.
        if before and len(before) >= 2 and _is_origin(before[-1], before[-2], self.body):
            before = before[:-1]
        if len(after) >= 2 and after[0].actor is not None and after[0].actor.kind == "country":
            gap = self.body[after[0].end : after[1].start]
            if (
                re.fullmatch(r"[’']s\s+(?:[a-z-]+\s+){0,2}", gap)
                and after[1].actor is not None
                and after[1].actor.kind == "person"
            ):
                after = after[1:]
        pair: list[DraftActor] = []
        if before:
            # "Granollers and Lopez defeated …": every name joined by "and" before the verb.
            side = [before[-1]]
            for previous in reversed(before[:-1]):
                if _ends_encounter(self.body[max(0, previous.start - 30) : previous.start]):
                    break  # "… takes on Japan and Britain plays": Japan is another's opponent
                if re.fullmatch(r"\s*(?:,|and|, and)\s*", self.body[previous.end : side[0].start]):
                    side.insert(0, previous)
                else:
                    break
            pair.extend(m.actor for m in side)  # type: ignore[misc]
        if after:
            side = [after[0]]
            for following in after[1:]:
                if _starts_encounter(self.body[following.end : following.end + 30]):
                    break  # "Serbia takes on Japan and Britain plays …": a new subject
                if re.fullmatch(
                    r"\s*(?:,|and|, and)\s*", self.body[side[-1].end : following.start]
                ):
                    side.append(following)
                else:
                    break
            pair.extend(m.actor for m in side if m.actor not in pair)  # type: ignore[misc]
        return pair

    def _add(
        self,
        sentence: Sentence,
        text: str,
        participants: list[DraftActor],
        trigger: str,
        where: str | None,
        when: str | None,
        when_guess: str | None,
        named: bool = False,
    ) -> None:
        context = _blank_quotes(self._clause(sentence)[0], sentence, self.quoted)
        status, status_guess = status_of(text, when, self.published, context)
        if status == "happened" and re.search(
            r"\barriv(?:ed|es|ing)\s+(?:here\s+)?(?:for|at)\s+(?:a|an|the)\s+"
            r"(?:[\w’'-]+\s+){0,4}?" + re.escape(trigger) + r"\b",
            text,
            re.IGNORECASE,
        ):
            # "told reporters as he arrived for a meeting of EU foreign ministers": the
            # meeting was starting as the story was written, on the day it tells or that day.
            begun = when.partition("/")[0] if when else self.published.isoformat()
            if len(begun) == 10 and 0 <= (self.published - date.fromisoformat(begun)).days <= 1:
                status, status_guess = "ongoing", True
        # The same actors as the last meeting, no other date and not the other side of now
        # (what happened and what is to come): more about that meeting. A named event is its
        # own meeting ("a deal … announced at the Dubai Air Show": the deal and the show).
        if (
            self.meetings
            and trigger not in _ENCOUNTERS
            and not named
            and not _other_kind(trigger, self.meetings[-1].trigger)
            # "Rabuka will also meet the Fijian community": another meeting of the same
            # people, not more of the one before
            and not (trigger in MEETING_VERBS and _ALSO.search(text))
        ):
            last = self.meetings[-1]
            to_come = {"planned", "expected"}
            if (
                set(map(id, participants)) <= set(map(id, last.participants))
                and (when is None or last.when is None or when == last.when)
                and not (
                    (status in to_come and last.status == "happened")
                    or (status == "happened" and last.status in to_come and not status_guess)
                    # under way now, and one to come: "is in Panama meeting with ministers"
                    # after "seeking an agreement ahead of the summit"
                    or (status == "ongoing" and last.status in to_come and not status_guess)
                )
            ):
                self._extend(last, sentence, text, where, when, when_guess)
                return
        # The same actors on the same day, told again later: "In addition to its order of 30
        # Boeing jets Wednesday" is the Boeing deal of Wednesday told first.
        if when and trigger not in _ENCOUNTERS and not named:
            for earlier in self.meetings[:-1]:
                if earlier.when == when and set(map(id, participants)) <= set(
                    map(id, earlier.participants)
                ):
                    self._extend(earlier, sentence, text, where, when, when_guess)
                    return
        if (
            trigger in _TRAVELS
            and not named
            # "Earlier too, Xi was expected to visit Kathmandu": a journey of another time
            and not _BACKGROUND.search(text)
            and not _TIME_SHIFT.search(text)
        ):
            earlier_visit = self._same_visit(participants, when, where, status)
            if earlier_visit is not None:
                self._extend(earlier_visit, sentence, text, where, when, when_guess)
                return
        if (
            status == "happened"
            and _PRESENT_SCHEDULE.fullmatch(trigger)
            and (status_guess or not is_past(text))
        ):
            # "Serbia takes on Japan": the present of a fixture, even beside a past told in
            # another clause ("Isner, who received a bye, …, while Querrey takes on Harrison")
            status = "planned"
        if status in ("happened", "planned") and trigger in _LASTING_EVENTS and when:
            # "announced Wednesday at the Dubai Air Show", "This week, Patrick launched a tour":
            # an event of days that covers the day of publication is under way then.
            begun, _, ending = when.partition("/")
            ending = ending or begun
            if (
                len(begun) == 10
                and len(ending) == 10
                and date.fromisoformat(begun) <= self.published <= date.fromisoformat(ending)
                and (status == "happened" or begun < ending)
            ):
                status, status_guess = "ongoing", True
        if status == "happened" and trigger in _ARRIVALS and when is not None:
            begun, _, ending = when.partition("/")
            if len(begun) == 10 and (
                0 <= (self.published - date.fromisoformat(begun)).days <= 1
                and (
                    not ending or len(ending) != 10 or date.fromisoformat(ending) >= self.published
                )
            ):
                status, status_guess = "ongoing", True
        # The same two or more sides' meeting to come, told again later ("is scheduled to
        # meet Milei" … "After he meets with Blinken"): the one meeting announced.
        if status in ("planned", "expected") and len(participants) >= 2 and not named:
            for earlier in self.meetings:
                if (
                    earlier.status in ("planned", "expected")
                    and set(map(id, participants)) == set(map(id, earlier.participants))
                    and (when is None or earlier.when is None or when == earlier.when)
                    and (trigger in _ENCOUNTERS) == (earlier.trigger in _ENCOUNTERS)
                    and not _other_kind(trigger, earlier.trigger)
                ):
                    self._extend(earlier, sentence, text, where, when, when_guess)
                    return
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

    def _same_visit(
        self, participants: list[DraftActor], when: str | None, where: str | None, status: str
    ) -> DraftMeeting | None:
        """The visit told before by the same travellers, when this one ("Blinken's visit comes
        at a time …", "Kagame has arrived in the Republic of Congo", "Wang is the senior most
        leader visiting Kathmandu") tells no other day, place, nor side of now: a
        traveller is on one visit at a time, so later words of a visit are of that visit.
        "The visit is the second after the one he had in 2010" has its own year."""
        to_come = {"planned", "expected"}
        for earlier in reversed(self.meetings):
            if earlier.trigger not in _TRAVELS:
                continue
            if not set(map(id, participants)) <= set(map(id, earlier.participants)):
                continue
            if when is not None and when != earlier.when:
                continue
            if (status in to_come) != (earlier.status in to_come):
                continue
            if where and earlier.where and not places.same_place(where, earlier.where):
                continue  # "instead of Kathmandu, had visited Dhaka": another journey
            return earlier
        return None

    def _add_resumption(
        self,
        sentence: Sentence,
        text: str,
        participants: list[DraftActor],
        trigger: str,
        where: str | None,
        when: str | None,
        when_guess: str | None,
    ) -> None:
        """The session to come of a trial, hearing or race that stopped: its own meeting."""
        known = len(self.meetings)
        self._add(sentence, text, participants, trigger, where, when, when_guess, named=True)
        if len(self.meetings) > known:
            resumed = self.meetings[-1]
            resumed.title = _title(participants, f"{trigger} resumes", where)
            if resumed.status == "happened" and when and when > self.published.isoformat():
                resumed.status = "planned"

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
        # "attended the roundtable … The roundtable was held": the meeting told with the noun.
        for meeting in reversed(self.meetings):
            if _tells(meeting, noun):
                return meeting
        return self.meetings[-1]

    def _extend(
        self,
        meeting: DraftMeeting,
        sentence: Sentence,
        text: str,
        where: str | None,
        when: str | None,
        when_guess: str | None,
    ) -> None:
        if sentence not in meeting.evidence:
            meeting.evidence.append(sentence)
        if when and (
            meeting.when is None
            or ("/" in when and "/" not in meeting.when)
            # "the AICE 2022 … The conference, scheduled for June 13 to 17": the same meeting
            # told more precisely
            or (len(when) > len(meeting.when) and when.startswith(meeting.when))
        ):
            meeting.when = when
            meeting.guesses = [g for g in meeting.guesses if not g.startswith("when ")]
            if when_guess:
                meeting.guesses.append(when_guess)
            status, _ = status_of(text, when, self.published)
            if "/" in when or not meeting.when:
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
                if lowered.split()[0] in _DATE_WORDS:
                    continue
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
            if (where and mention.text == where) or mention.text.lower() in _DATE_WORDS:
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


# A meeting told as part of the one before: "At the convening, …", "also met with".
_OCCASION = re.compile(
    r"^\s*(?:At|During|On\s+the\s+sidelines\s+of|On\s+the\s+margins\s+of)\s+the\b|"
    r"\b(?:also|In\s+addition|Later|Afterwards)\b"
)
_ALSO = re.compile(r"\b(?:also|too|as well)\b", re.IGNORECASE)
# "called Omar a “terrorist”", "called him a liar", "called the deal “historic”"
_NAMING = re.compile(
    r"\s+(?:him|her|them|it|(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s+"
    r"(?:an?\s+(?!(?:day|week|month|year|few|couple|hour|minute|second|time|number|lot)s?\b)"
    r"|[“\"‘'\u2592])"
)
_CALL_TO = re.compile(
    r"s?(?:\s+in\s+[A-Z][\w-]*)?\s+(?:to|with|between)\s+(?:the\s+)?(?:[A-Z]|offices?\b|his\b|her\b)"
)
# The speaker as the subject in their own words: "I will have a call with …", "we met".
_FIRST_PERSON = re.compile(
    r"(?:^|[\s“\"‘(\u2592])(?:I|[Ww]e)\s+(?:(?:will|would|shall|’ll|'ll|also|then|recently|"
    r"have|has|had|just|am|are|was|were|going|to|be|already|finally|again|later|first)\s+){0,3}"
    r"(?:[a-z]+\s+(?:an?\s+|the\s+)?)?$"
)
# "Panthers 5, Flyers 2:", "Islanders 5, Penguins 4 (OT):" opening a round-up's paragraph
_SCORE_LINE = re.compile(
    r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})\s+(\d{1,3}),\s+"
    r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})\s+(\d{1,3})(?:,?\s+\((?:\d?OT|SO)\))?:"
)
_VISIT_KIND = re.compile(
    r"\b(?:state|official|working|private|royal|bilateral|reciprocal|\w+-day)\s+$", re.IGNORECASE
)
# A sitting stopped until a later one (CAMEO 0311, the session of a court or a body put
# off): "adjourned the trial until September 5", "suspended the session until Monday".
_ADJOURNED = re.compile(
    r"\b(?:adjourn(?:s|ed|ing)?|suspend(?:s|ed|ing)?|recess(?:es|ed)?)"
    r"\b[^;]*?(?P<until>\b(?:until|till|to)\s+)",
    re.IGNORECASE,
)
# A meeting put off to another day: "postponed the hearing to August 22", "delayed the
# vote until next week", "rescheduled the summit for March".
_POSTPONED = re.compile(
    r"\b(?:postpon(?:e|es|ed|ing)|delay(?:s|ed|ing)?|reschedul(?:e|es|ed|ing)|put\s+off|"
    r"pushed\s+back|push(?:es|ing)?\s+back)\b[^;]*?\b(?:until|till|to|for)\s+",
    re.IGNORECASE,
)
# "The Tour is set to resume on Tuesday", "the talks will reconvene in March".
_RESUMES = re.compile(
    r"s?\s+(?:(?:is|are|was|were|will|would|be|set|due|expected|scheduled|to)\s+){0,4}"
    r"(?:resum|reconven)(?:e|es|ed|ing)\b(?!\s+(?:ties|relations|talks|work)\b)",
    re.IGNORECASE,
)
# What a clause sets before the news it reports: a past perfect ("had invited"), or words of
# an earlier time ("previously", "earlier", "once", "in the past", "last season").
_BACKGROUND = re.compile(
    r"\b(?:(?:had|to\s+have|having)\s+(?:not\s+|never\s+|already\s+|also\s+|\w+ly\s+)?"
    r"\w+(?:ed|en|wn|de|ght|ung|ang|ew|et|ld|ne|id|ok|ft)|"
    r"previously|earlier|formerly|once|(?:the|a|its|their|his|her)\s+recent|in\s+the\s+past|last\s+(?:season|time)|"
    r"for\s+the\s+first\s+time\s+since|ago|in\s+(?:its|their|his|her)\s+history|"
    r"(?:for|over)\s+(?:the\s+)?(?:past\s+|last\s+)?(?:[\w-]+\s+)?(?:years|decades|months))\b",
    re.IGNORECASE,
)
# What moves a report off the time of its lead: "Meanwhile, Manalo traveled to …",
# "Separately, …", "Earlier, …" ("Later, …" stays on the day: "Later, in remarks at …").
_TIME_SHIFT = re.compile(
    r"^\W*(?:Meanwhile|Separately|Elsewhere|Earlier|Previously|Before\s+that|In\s+other\s+news)\b",
    re.IGNORECASE,
)
_VISIT_WORDS = {"visit", "visits", "visited", "visiting", "trip", "tour", "state visit"}
# Meetings that last and go on with no day of their own ("are in talks on a merger", "a
# 25-year partnership", "is acting as a mediator"): under way, with no date to give.
_PROCESSES = {
    "talks",
    "in talks with",
    "negotiations",
    "negotiating with",
    "consultations",
    "dialogue",
    "mediation",
    "mediating",
    "partnership",
    "codeshare",
    "agreement",
    "deal",
    "contract",
    "joint venture",
    "merger",
    "receiving",
    "donating",
}
# How long a meeting told with its first day lasts: "for a two-day State visit", "a
# three-day summit", "the 5-day conference".
_COUNTS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_LASTING = re.compile(
    r"\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[- ]day\s+"
    r"(?:[\w-]+\s+){0,2}?(?:visit|trip|tour|summit|conference|meeting|talks|forum|session|"
    r"state\s+visit|official\s+visit|working\s+visit|mission|event|festival|expo|show)s?\b",
    re.IGNORECASE,
)
# Events that last some days: under way on any day they cover.
_LASTING_EVENTS = {
    "tour",
    "air show",
    "airshow",
    "trade show",
    "trade fair",
    "motor show",
    "expo",
    "summit",
    "finals",
    "tournament",
    "festival",
    "visit",
    "trip",
    "state visit",
}
# Arriving is the start of a stay: on the day of publication or the day before, the visitor
# is still there ("arrived in Kigali on Tuesday for a two-day State visit").
_ARRIVALS = {"arrived in", "arrives in", "reached", "landed in", "arrived"}
# A journey of someone's, told by its visit, its trip or its arrival.
_TRAVELS = {
    "visit",
    "visits",
    "visited",
    "visiting",
    "state visit",
    "trip",
    "tour",
    "courtesy visit",
    *_ARRIVALS,
}

# "Officials divulged Thursday that the government had allowed two visits": Thursday is when
# it was told, not when the visits were.
_REPORT_DATE = re.compile(
    r"\b(?:said|says|told\s+\w+|announced|announces|divulged|disclosed|revealed|confirmed|"
    r"reported|stated|added|noted|explained|acknowledged|admitted|insisted|wrote|tweeted)\b"
    r"([^,;]{0,40}?)\bthat\b"
)


def _report_dates_blanked(clause: str, at: int) -> str:
    """The clause with the dates of a report blanked when the meeting word stands in what
    is reported ("said on Thursday that … met"): those dates are the telling's."""
    for match in _REPORT_DATE.finditer(clause):
        if match.end() <= at and match.group(1).strip():
            start, end = match.span(1)
            clause = clause[:start] + " " * (end - start) + clause[end:]
    return clause


_MONTH_WORD = r"(?:" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\.?"
# A wire dateline: "Kathmandu, 6 September:", "Islamabad, Feb 4 (IANS)", "LAGOS, March 3 —".
_DATELINE = re.compile(
    r"^\s*[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*){0,3},\s+"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+"
    + _MONTH_WORD
    + r"|"
    + _MONTH_WORD
    + r"\s+\d{1,2}(?:st|nd|rd|th)?)"
    r"(?:,?\s+(?:19|20)\d\d)?\s*(?:\([A-Za-z][\w .&-]{0,30}\)\s*[:—–-]?|[:—–-])",
    re.IGNORECASE,
)


def without_dateline(text: str) -> str:
    """The text with a wire dateline that opens it blanked (same length): the day the report
    was filed, not the day of what it tells ("Kathmandu, 6 September: Wang Yi is paying a
    three-day visit beginning from Sunday, 8 September")."""
    match = _DATELINE.match(text)
    return "\u2592" * match.end() + text[match.end() :] if match else text


def _without_absolute(clause: str) -> str:
    """The clause with a trailing ", with the painting classified … in 2020" blanked: the date
    of an absolute phrase is its own, not the clause's."""
    return re.sub(r",\s+with\s+[^,;]*", lambda m: " " * len(m.group()), clause)


def _tells(meeting: DraftMeeting, noun: str) -> bool:
    """Whether a meeting's evidence names it with `noun` ("attended the roundtable")."""
    pattern = re.compile(r"\b" + re.escape(noun) + r"s?\b", re.IGNORECASE)
    return any(pattern.search(sentence.text) for sentence in meeting.evidence)


def _is_purchase(text: str, start: int, end: int) -> bool:
    """Whether an order or sale word at `start`-`end` of `text` is a purchase (a deal)."""
    return bool(
        _PURCHASE_AFTER.match(text, end)
        or _PURCHASE_BEFORE.search(text[max(0, start - 60) : start])
    )


def _blank_quotes(text: str, sentence: Sentence, spans: list[Span]) -> str:
    """The clause with quoted words blanked: what someone said is not what happened."""
    chars = list(text)
    for span in spans:
        for pos in range(
            max(span.start, sentence.start), min(span.end, sentence.start + len(text))
        ):
            chars[pos - sentence.start] = "\u2592"
    return "".join(chars)


# Someone speaking to the press (CAMEO 010, make a statement, to an audience met): "told
# reporters", "telling reporters", "told US media", "briefed journalists", "in an interview".
_PRESS = re.compile(
    r"\b(told|tells|telling|briefed|briefing|addressed|addressing)\s+(?:the\s+)?"
    r"(?:(?:[A-Z][\w.]*|local|state|foreign|national|international|visiting|gathered)\s+)?"
    r"(?:reporters|journalists|newsmen|media|press|news\s+conference|press\s+conference)\b"
    r"|\b(?:said|says|told|speaking|spoke)\b[^.;]{0,60}?\b(in\s+an?\s+(?:exclusive\s+)?"
    r"interview)\b"
    # Words said at an event the speaker attends: "a spokeswoman said at a press conference
    # last week", "said Tuesday at the Code Media conference", "speaking at a virtual
    # briefing" (not past a comma: "said Avi Bell, a fellow at the Kohelet Policy Forum").
    r"|\b(?:said|says|told|speaking|spoke|stated|remarked|announced)\s+(?:[^.;,]{0,30}?\s)?"
    r"(?:at|during)\s+(?:a|an|the|his|her|their|its|[A-Z][\w’'-]*[’']s)\s+"
    r"(?:[\w’'.-]+\s+){0,4}?(press\s+conference|news\s+conference|press\s+briefing|"
    r"media\s+briefing|briefing|conference|summit|forum|rally|ceremony|webinar|seminar)\b"
)
# Speaking to an outlet by name ("told KXAN", "spoke to the Observer"); the outlet is the
# mention right after it.
_TOLD_OUTLET = re.compile(
    r"\b(?:told|tells|telling|spoke\s+to|speaking\s+to|talked\s+to|talking\s+to|"
    r"said\s+to|gave\s+an?\s+interview\s+to)\s+(?:the\s+)?(?=[A-Z0-9])"
)
# An outlet's journalist named after it: "VOA Pentagon correspondent Carla Babb",
# "Reuters' reporter Jane Doe", "the BBC's John Simpson".
_REPORTER = re.compile(
    r"(?:[’']s?)?\s+(?:[A-Z][\w-]*\s+){0,3}?(?:reporter|correspondent|journalist|editor|"
    r"anchor|host|columnist)\s+"
)


def _is_named(actor: DraftActor) -> bool:
    """An actor the story names ("Omar Lamrani", "the Pentagon"), not one it describes
    without a name ("a senior political source", "EU diplomats"): its name ends in a
    capitalised word."""
    last = actor.name.split()[-1] if actor.name.split() else ""
    return last[:1].isupper() and actor.kind in {"person", "organisation", "country"}


# A witness before those who hear testimony: "testified", "will testify", "told
# investigators", "spoke before lawmakers" (not "testified to the quality of": a witness's
# verb has no such object).
_TESTIFIED = re.compile(
    r"\b(?:testified|testifies|testify|testifying)\b(?!\s+to\s+(?:the|its|his|her|their)\s+"
    r"(?:quality|value|importance|strength|power|success|need)\b)"
    r"|\b(?:told|telling|spoke\s+before|speaking\s+before|appeared\s+before|"
    r"testified\s+before)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:lawmakers|legislators|investigators|"
    r"jurors|the\s+jury|senators|MPs|congressmen|prosecutors|the\s+court|the\s+inquiry)\b"
)
_WITNESS_DATE = re.compile(
    r"\s+(?:(?:on|last|next|this)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|week|month)\b"
    r"|" + _DATE_AFTER_TEXT
)


# A player's deed that carries the team past the other (AP game ledes): "to lift the New
# York Islanders over the Pittsburgh Penguins", "powered Fiji past Tonga", "sent the Bulls
# to a win over the Knicks".
_LIFTED = re.compile(
    r"\b(?:lift|lifts|lifted|lifting|carry|carries|carried|carrying|power|powers|powered|"
    r"powering|propel|propels|propelled|propelling|lead|leads|led|leading)\s+(?:the\s+)?"
    r"(?:[A-Z][\w.’'-]*\s+){1,4}(?P<over>over|past)\s+(?:the\s+)?[A-Z]"
)


# A pact is a meeting when someone makes it ("finalized a deal", "reached an agreement",
# "signed peace treaties") or it is between named sides ("a deal with Boeing"); "a peace
# deal" hoped for or discussed is none.
_PACTS = {"deal", "agreement", "contract", "partnership", "accord", "treaty"}
_CONCLUDED = re.compile(
    r"\b(?:sign|signs|signed|signing|reach|reached|reaches|reaching|strike|struck|strikes|"
    r"finali[sz]ed?|finali[sz]es|seal|sealed|seals|agreed|agree|ink|inked|clinch|clinched|"
    r"complete|completed|secure|secured|conclude|concluded|announce|announced|announces|"
    r"made|make|won|awarded|land|landed|cut|brokered|broker|negotiated|negotiate|"
    r"unveiled|entered\s+into|enter\s+into)\b[^,;.]{0,40}$",
    re.IGNORECASE,
)
# A meeting called off or ended: the date told is its end's, not the meeting's.
_ENDED = re.compile(
    r"\b(?:scuttled|scuttle|ended|end|called\s+off|cancell?ed|broke\s+off|suspended|"
    r"abandoned|halted|collapsed|walked\s+out\s+of|pulled\s+out\s+of|quit)\s+"
    r"(?:the|these|those|this|that)\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_ENDED_AFTER = re.compile(
    r"s?\s+(?:collapsed|ended|broke\s+down|broke\s+off|stalled|were\s+called\s+off|"
    r"was\s+called\s+off|were\s+cancell?ed|was\s+cancell?ed|were\s+suspended)\b",
    re.IGNORECASE,
)
_QUESTION = re.compile(
    r"(?:what|why|how|who|whom|which|when|where|will|would|could|can|should|is|are|do|does|did)"
    r"\b[^\"“”]*\?\s*$",
    re.IGNORECASE,
)
# What follows a match on its day: "the post-match press conference", "after the game".
_AFTER_MATCH = re.compile(
    r"\b(?:post-?(?:match|game|fight|race)|after\s+the\s+(?:match|game|fight|race|win|loss|defeat))\b",
    re.IGNORECASE,
)
_ADJECTIVE_TITLES = {"major", "general", "private", "first", "senior"}
_MATCH_NOUNS = {"match", "game", "tie", "clash", "final", "derby", "bout", "showdown"}
# What may stand between a meeting noun and a relative clause that tells of it: its
# destination ("a four-day visit to Malaysia, which started on Oct 8").
_NOUN_TAIL = re.compile(
    r"s?(?:\s+(?:to|in)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})?\s*"
)
_RELATIVE_AFTER = re.compile(
    r",\s*(?:which|that)\s+(?:is|are|was|were|will|would|had|has|started|starts|began|begins|"
    r"opened|opens|ended|ends|runs|ran|lasted|lasts|concluded|concludes|kicked\s+off|"
    r"kicks\s+off)\b",
    re.IGNORECASE,
)
_POSSESSIVE_DATE = re.compile(
    r"\b((?:last\s+|this\s+|next\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"yesterday|today|tonight|week|weekend|month|year))['’]s\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
# A deliberative body in session, or someone before it (CAMEO 04x): its words.
_BODY = (
    r"(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){0,5}(?:[Cc]ouncil|[Cc]ommittee|[Bb]oard|[Cc]ommission|"
    r"[Aa]ssembly|[Pp]arliament|[Ss]enate|[Cc]ongress|[Tt]rust|[Cc]abinet|[Ll]egislature|"
    r"[Cc]aucus|[Pp]anel|[Tt]rust\s+members|[Bb]oard\s+members|[Cc]ouncil\s+members|"
    r"[Cc]ommittee\s+members|[Cc]ommissioners|[Cc]ouncillors|[Cc]ouncilors)"
)
_SESSION = re.compile(
    r"(?P<body>" + _BODY + r")\s+(?:(?:in\s+\w+|last\s+\w+|on\s+\w+|\w+ly|also|again)\s+)?"
    r"(?P<verb>heard|hears|discussed|debated|considered|reviewed|questioned|grilled|"
    r"refused\s+(?:\w+\s+){0,2}to\s+hear|declined\s+(?:\w+\s+){0,2}to\s+hear|"
    # a measure decided in session: "The Senate defeated the opposition motion", "the board
    # of supervisors unanimously approved the contract" (CAMEO's legislatures voting)
    r"(?:approved|passed|rejected|defeated|adopted|endorsed|ratified|voted\s+down|"
    r"threw\s+out|struck\s+down)(?=\s+(?:the|a|an|its|their|[A-Z][\w’'-]*[’']s)\s+"
    r"(?:[\w’'-]+\s+){0,3}(?:motions?|bills?|amendments?|resolutions?|budgets?|ordinances?|"
    r"measures?|plans?|proposals?|deals?|contracts?|agreements?|requests?|applications?|"
    r"petitions?|appointments?|nominations?|rezoning|legislation|law)\b))\b"
)
_DATE_AFTER = re.compile(_DATE_AFTER_TEXT)
_BEFORE_BODY = re.compile(
    r"\b(?P<to>told|tells|pledged\s+to|promised|briefed|assured|presented\s+to|addressed|"
    r"testified\s+before|appeared\s+before)\s+(?P<body>" + _BODY + r")\b"
)
# Money given, paid or put up (CAMEO 07x, provide aid; and deals): a meeting of the giver and
# the one given to, when a sum follows the verb ("is donating 1 million euros", "put up 43
# million euros to acquire … for the Musée d'Orsay", "receiving help in the form of 15 million
# euros from LVMH", "invested $2 billion in").
_MONEY = (
    r"(?:[$€£¥]\s?\d[\d,.]*(?:\s*(?:million|billion|bn|m)\b)?|\d[\d,.]*\s*(?:million\s+|billion\s+)?"
    r"(?:euros|dollars|pounds|yen|yuan|francs|rupees)\b)"
)
_GIVING = re.compile(
    r"\b(donat(?:ed|es|ing|e)|provid(?:ed|es|ing|e)|contribut(?:ed|es|ing|e)|gave|give|gives|"
    r"giving|put\s+up|puts\s+up|pledg(?:ed|es|ing|e)|grant(?:ed|s|ing)?|fund(?:ed|s|ing)?|"
    r"pa(?:id|ys|ying|y)|invest(?:ed|s|ing)?|receiv(?:ed|es|ing|e)|award(?:ed|s|ing)?)\b"
    r"(?:\s+[\w-]+){0,5}?\s+" + _MONEY,
    re.IGNORECASE,
)
_SHARE_BEFORE = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|dozen)\s+(?:[\w-]+\s+)?"
    r"(?:to|for|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_HYPOTHETICAL = re.compile(
    r"\b(?:could|would|might|can)\s+(?:see|imagine|picture|envision)\s+(?:[\w’'-]+\s+){0,3}$",
    re.IGNORECASE,
)
# "maintain positive play", "solid play": an adjective before the word makes it a noun.
_ADJECTIVE_BEFORE = re.compile(
    r"\b(?!(?:only|early|likely|rarely|really|finally|initially|usually)\b)"
    r"(?:\w+(?:ive|ous|ful|ent|ant|ic|al)(?<!ally)|good|bad|great|strong|poor|solid|sloppy|"
    r"stellar|fair|fine|tight|tough|rough|open|free|inspired|physical)\s+$"
)  # lower case only: "Portugal play Spain", "President visit" are a name and a verb
# A condition runs to its clause's end: a comma, a semicolon or a dash (" - " as typed).
_IF_CLAUSE = re.compile(r"\b(?:if|unless|whether)\b(?:(?!\s-\s)[^,;—–])*$", re.IGNORECASE)
_WHO_SAID = re.compile(
    r",\s*who\s+(?:said|says|added|told\s+\w+|believes|believed|thinks|thought)\s+"
    r"(?:that\s+)?$",
    re.IGNORECASE,
)
_MODIFIED = re.compile(
    r"s?\s+(?:house|houses|record|records|price|prices|period|room|rooms|count|share|"
    r"process|rules?|schedule|transcript|request|requests|results?)\b",
    re.IGNORECASE,
)
_DELIBERATIVE_BODY = re.compile(
    r"\b(?:council|committee|board|assembly|parliament|senate|house|commission|cabinet|"
    r"legislature|congress|lawmakers|legislators|councillors|councilors|senators|"
    r"shareholders|delegates|justices|court|chamber|motion)\b",
    re.IGNORECASE,
)
_ALSO_NOUNS = {"sign", "face", "play", "host", "visit", "meet", "call", "called", "signed"}
_PRESENT_SCHEDULE = re.compile(r"(?:takes on|plays|faces|meets|visits|hosts|plays host to)")
_SPORT_CONTEXT = re.compile(
    r"\b(?:match|matches|tie|game|games|action|clash|series(?!\s+of\b)|final|semifinal|quarterfinal|"
    r"fixture|season|playoffs?|play-offs?|derby|league|cup|tournament)\b",
    re.IGNORECASE,
)
_ENCOUNTERS = {
    "defeat",
    "beating",
    "defeating",
    "win over",
    "victory over",
    "wins over",
    "cruised past",
    "eased past",
    "breezed past",
    "swept",
    "outlasted",
    "against",
    "had beaten",
    "beat",
    "beats",
    "beaten",
    "defeated",
    "defeats",
    "edged",
    "got past",
    "lost to",
    "fell to",
    "drew with",
    "routed",
    "overcame",
    "eliminated",
    "took on",
    "takes on",
    "faced",
    "face",
    "will face",
    "played",
    "plays",
    "play",
    "faces",
    "played host to",
    "play host to",
    "plays host to",
    *SPORT_RESULT_VERBS,
}
# A vote is a session only of a body that deliberates: "The City Council voted 7-2 …".
_VOTES = set(VOTE_VERBS)
_DELIBERATIVE = re.compile(
    r"\b(?:council|committee|board|assembly|parliament|senate|house|commission|cabinet|"
    r"legislature|congress|lawmakers|legislators|councillors|councilors|senators|"
    r"shareholders|members|delegates|justices|court)\b[^,;]{0,30}$",
    re.IGNORECASE,
)


_ENCOUNTER_WORD = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in sorted(_ENCOUNTERS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


# Events a story tells of the sides it is about without naming them again: "Six agreements
# will be signed", "after two years of backroom talks".
_SIDE_EVENTS = {"agreement", "talks", "negotiations", "consultations", "negotiation", "deal"}
# Kinds of meeting a noun names: two of different kinds are two meetings even of the same
# people ("agreed a deal … Negotiations between the club and his representatives", "hold
# talks … address a press conference").
_KINDS = {
    **dict.fromkeys(
        (
            "talks",
            "negotiations",
            "consultations",
            "discussions",
            "dialogue",
            "held talks",
            "hold talks",
            "holds talks",
            "holding talks",
            "in talks with",
            "held discussions",
            "hold discussions",
        ),
        "talks",
    ),
    **dict.fromkeys(("deal", "agreement", "contract", "partnership", "accord", "treaty"), "deal"),
    **dict.fromkeys(
        ("press conference", "news conference", "interview", "briefing", "press"), "press"
    ),
    **dict.fromkeys(("visit", "trip", "tour", "state visit"), "visit"),
    **dict.fromkeys(("summit", "conference", "forum", "roundtable", "symposium"), "gathering"),
    **dict.fromkeys(("hearing", "trial", "session"), "session"),
    # a game of a series or a tour is a meeting of its own: "will tour Pakistan … the second
    # match scheduled on March 12"
    **dict.fromkeys(("match", "game", "test", "final", "tie", "derby", "bout"), "match"),
}


def _other_kind(trigger: str, last: str) -> bool:
    """Whether two meeting nouns name different kinds of meeting."""
    mine, theirs = _KINDS.get(trigger), _KINDS.get(last)
    return mine is not None and theirs is not None and mine != theirs


def _is_origin(mention: Mention, previous: Mention, body: str) -> bool:
    """Whether `mention` is a country a person is from: "Kukushkin of Kazakhstan"."""
    if mention.actor is None or previous.actor is None:
        return False
    return (
        mention.actor.kind == "country"
        and previous.actor.kind == "person"
        and re.fullmatch(r",?\s+of\s+(?:the\s+)?", body[previous.end : mention.start]) is not None
    )


def _starts_encounter(text: str) -> bool:
    """Whether `text` opens with a match verb: the name before it is a subject of its own."""
    lowered = text.lower().lstrip()
    return any(re.match(re.escape(word) + r"\b", lowered) for word in _ENCOUNTERS)


def _ends_encounter(text: str) -> bool:
    """Whether `text` closes with a match verb (and maybe "the"): what follows is its object."""
    lowered = re.sub(r"\s+(?:the\s+)?$", "", text.lower())
    return any(re.search(r"\b" + re.escape(word) + r"$", lowered) for word in _ENCOUNTERS)


_BOUNDARIES = re.compile(
    r";|\s[—–]\s|\s-\s|,\s+(?=(?:where|which|who|while|but|as|after|before|when|saying|"
    r"including|whereas|although|though|hoping|aiming|seeking|intending|trying|looking\s+to|"
    r"in\s+a\s+bid|in\s+an\s+effort)\b)|\s(?=(?:while|but|whereas|after|before|although|when)\s)"
    r"|\s(?=(?:so that|so(?! far\b)|because|unless)\s)"
    # a second verb of the same subject, in a tense of its own: "beat Thompson 6-3, 6-0, and
    # will play Karlovic on Thursday"
    r"|,\s+(?=and\s+(?:will|would|is\s+set\s+to|is\s+due\s+to|then|later|next)\b)"
)


# A subordinate clause with its own subject opening the sentence ends at its comma: "After he
# meets with Blinken, Milei will head to Washington" is two meetings ("After defeating X,"
# has no subject of its own and stays with its main clause).
_OPENING_CLAUSE = re.compile(
    r"\s*(?:After|Before|When|While|Once|Until|As\s+soon\s+as)\s+(?![\w-]+ing\b)[^,;]{3,120}?(),",
)


# Two actors named by what they are: "the two leaders", "both sides", "the two countries".
_BOTH = re.compile(
    r"\b(?:[Tt]he\s+two|[Bb]oth(?:\s+the)?)\s+(?:[a-z-]+\s+)?((?i:leaders|premiers|presidents|"
    r"prime\s+ministers|heads\s+of\s+state|ministers|men|women|countries|nations|governments|"
    r"sides|teams|clubs|companies|firms|diplomats|chiefs))\b",
)
# A relative clause between commas, and the main clause going on after it: "John Isner, who
# received a bye into the second round, is set to play Nishioka".
_RELATIVE_OPENING = re.compile(r",\s+(?:who|which)\b")
_RELATIVE_CLOSING = re.compile(
    r",\s+(?:who|which)\b[^,;]{3,150}?(,)\s+(?=(?:is|are|was|were|will|would|has|have|had|"
    r"also|then|later)\b)"
)
# A statement's content after its speaker: "Wang Yi said Friday that Xi's tour has yielded
# fruitful results" tells of Xi's tour; the speaker is no side of it.
_REPORTED_THAT = re.compile(
    r"\b(?:said|says|stated|states|noted|notes|added|adds|announced|announces|confirmed|"
    r"confirms|told\s+(?:reporters|journalists|the\s+media))"
    r"(?:\s+(?:on\s+)?(?:[A-Z][a-z]+|today|yesterday|earlier|later|also|previously)){0,2}\s+"
    r"(?=that\s)"
)
# "on day two of the summit", "on days four and five of the conference"
_DAY_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_DAY_WORD = r"(one|two|three|four|five|six|seven|\d)"
_EVENT_DAYS = re.compile(
    rf"\bdays?\s+{_DAY_WORD}(?:\s+(?:and|to|through)\s+{_DAY_WORD})?\s+of\s+"
    r"(?:the|this|that|its)\s+(?:[\w-]+\s+)?(conference|summit|meeting|forum|visit|trip|tour|"
    r"talks|congress|convention|session|festival|expo|exhibition|event)\b",
    re.IGNORECASE,
)
_RESUMED = re.compile(r",\s+(?:is|are|was|were|will|would|has|have|had|also|then|later)\b")


def _clauses(text: str) -> list[tuple[int, int]]:
    """The clause windows of a sentence: each meeting is of the clause its word stands in."""
    cuts = [0, *[m.start() for m in _BOUNDARIES.finditer(text)], len(text)]
    cuts.extend(m.start(1) for m in _RELATIVE_CLOSING.finditer(text))
    cuts = sorted(set(cuts))
    opening = _OPENING_CLAUSE.match(text)
    if opening is not None:
        cuts = sorted({*cuts, opening.end(1)})

    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def _split_repeats(
    windows: list[tuple[int, int]], triggers: list[tuple[str, int, int, str]], text: str
) -> list[tuple[int, int]]:
    """Two orders or sales in one clause, a comma between them, are two clauses: "In
    addition to its order of 30 Boeing jets Wednesday, it announced an order of 50 Airbus
    jets on Monday" is one order from Boeing on Wednesday and one from Airbus on Monday."""
    result: list[tuple[int, int]] = []
    for left, right in windows:
        inside = [t for t in triggers if left <= t[1] < right and t[0] != "anaphor"]
        cuts = []
        for first, second in itertools.pairwise(inside):
            same = {first[3], second[3]} <= _PURCHASES
            comma = text.rfind(",", first[2], second[1])
            if same and comma >= 0:
                cuts.append(comma + 1)
        bounds = [left, *cuts, right]
        result.extend(itertools.pairwise(bounds))
    return result


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
        # "arrived in" + "in Kigali" reads "arrived in Kigali"
        title += f" {where}" if re.search(r"\b(?:in|at|to)$", verb) else f" in {where}"
    return title

"""Dates in a clause, resolved against the publication date at the precision the text allows.

"on Monday" is a day, "in November" a month, "last year" a year, "from Monday to Friday" an
interval; whether "Monday" is the last one or the next comes from the clause's tense.
Explicit dates without a year ("January 20") go through dateparser with the publication date
as RELATIVE_BASE and PREFER_DATES_FROM set by the tense.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from explorer.draft.lexicon import (
    EXPECTED_MARKERS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    ONGOING_MARKERS,
    PLANNED_MARKERS,
    WEEKDAYS,
)

if TYPE_CHECKING:  # imported when first used: dateparser is slow to load
    from dateparser.date import DateDataParser

_MONTH_NAMES = {name: i + 1 for i, name in enumerate(MONTHS)} | MONTH_ABBREVIATIONS
_MONTH = r"(?:" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")"
_YEAR = r"(?:19|20)\d\d"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "month_days",
        re.compile(
            rf"\b({_MONTH})\s+(\d{{1,2}})\s*(?:-|–|to|through|and)\s*(\d{{1,2}})\b(?!\s*:)"
            rf"(?:,?\s+({_YEAR}))?\b",
            re.I,
        ),
    ),
    (
        # "3-5 December", "3 and 4 June", "13 to 17 June 2022"
        "days_month",
        re.compile(
            rf"\b(\d{{1,2}})\s*(?:-|–|to|through|and)\s*(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"({_MONTH})(?:,?\s+({_YEAR}))?\b",
            re.I,
        ),
    ),
    (
        "month_day",
        re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+({_YEAR}))?\b", re.I),
    ),
    (
        "day_month",
        re.compile(
            rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})(?:,?\s+({_YEAR}))?\b", re.I
        ),
    ),
    # "between 2000 and 2013", "from 2019 to 2021": the years from the one to the other
    (
        "years",
        re.compile(
            rf"\b(?:between|from)\s+({_YEAR})\s+(?:and|to|until|till|through)\s+({_YEAR})\b",
            re.I,
        ),
    ),
    ("weekday", re.compile(rf"\b({_WEEKDAY})\b", re.I)),
    (
        "month",
        re.compile(
            rf"\b(?:in|since|during|until|by|from|early|late|mid-?|last|next|this)?\s*({_MONTH})"
            rf"(?:\s+(?:of\s+)?(last|this|next)\s+year|,?\s+({_YEAR}))?\b",
            re.I,
        ),
    ),
    (
        "week",
        re.compile(
            r"\b(last|next|this|earlier this|later this|(?:over\s+|in\s+)?the\s+past|"
            r"(?:over|at|during)\s+the|the\s+coming|coming)\s+(week|weekend)\b",
            re.I,
        ),
    ),
    ("relative", re.compile(r"\b(last|next|this|earlier this|later this)\s+(month|year)\b", re.I)),
    ("ago", re.compile(r"\b(a|one|two|three|four|five|six|\d)\s+(days?|weeks?)\s+ago\b", re.I)),
    ("within", re.compile(r"\bin\s+(a|one|two|three|four|five|six|\d)\s+(days?|weeks?)\b", re.I)),
    (
        "day_word",
        re.compile(
            r"\b(yesterday|today|tomorrow|tonight|overnight|last night|this morning|"
            r"this afternoon|this evening|(?<=by )press time|(?<=at )press time)\b",
            re.I,
        ),
    ),
    ("year", re.compile(rf"\b(?:in\s+|since\s+|the\s+)?({_YEAR})\b")),
    # A season: "last summer", "over the summer", "a summertime phone call": its year.
    (
        "season",
        re.compile(
            r"\b(?:(last|this|next|past|coming)\s+|(?:(?:in|over|during|through)\s+)?the\s+)"
            r"(?:(?:early|late)\s+)?(summer|spring|autumn|fall|winter)\b(?!\s+(?:of|in)\s+(?:19|20)\d\d)"
            r"|\b(summertime|wintertime|springtime)\b",
            re.I,
        ),
    ),
    # A time of day with no date: "hosts a conference call at 9 a.m. ET", "a 12 p.m. rally"
    (
        "clock",
        re.compile(
            r"\b(?:at\s+)?(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|noon\b|midday\b)",
            re.I,
        ),
    ),
]
_FUTURE = re.compile(
    r"\b(will|shall|'ll|’ll|won't|won’t|is to|are to|set to|due to|expected to|scheduled|plans? to|"
    r"planning to|next|upcoming|would|hopes? to|aims? to|intends? to|to be held|is slated)\b",
    re.I,
)


@dataclass(frozen=True)
class Found:
    """A date found in a clause: the ISO value, the words it came from, where they stand."""

    iso: str
    words: str
    start: int
    end: int
    precision: str  # day | interval | week | month | year (clock: a time of day, found alone)
    guessed: bool  # whether the tense decided it (past or future)


# "A plan to impeach the president has failed": a plan named as a thing, not one's intent.
_PLAN_NOUN = re.compile(r"\b(?:a|an|the|his|her|its|their|our|this|that)\s+plans?\s+to\b", re.I)


# "to impose its will", "against the will of the people", "political will": the noun.
_WILL_NOUN = re.compile(
    r"\b(?:a|the|its|his|her|their|our|my|your|political|popular|free|good|ill|own)\s+will\b",
    re.I,
)


def is_future(clause: str) -> bool:
    return bool(_FUTURE.search(_WILL_NOUN.sub("\u2592", _PLAN_NOUN.sub("\u2592", clause))))


def status_of(
    clause: str, when: str | None, published: date, context: str | None = None
) -> tuple[str, bool]:
    """happened | ongoing | planned | expected, and whether that is a guess. `context`, the
    whole sentence, gives the tense of a clause that has no finite verb ("after defeating X
    on Saturday")."""
    # "May 16", "in May": the month, not the modal verb.
    lowered = _MONTH_MAY.sub("\u2592", clause).lower()
    # "they were told Patrick would be stopping by": the future of a past report, which the
    # date and the tense of the report decide, not a guess of the writer's.
    lowered = _REPORTED_WOULD.sub(lambda m: m.group(1) + "\u2592" * 5, lowered)
    # "the newest presidential hopeful": a candidate, not a hope.
    lowered = _HOPEFUL_NOUN.sub("\u2592", lowered)
    # "held a hearing on the proposal", "approved the proposed budget": what a meeting is
    # about or decides, not a meeting proposed.
    lowered = _MATTER_PROPOSED.sub(lambda m: m.group(1) + "\u2592", lowered)
    # "in talks on a possible merger": what the talks are about may be, not the talks.
    lowered = _MATTER_POSSIBLE.sub(lambda m: m.group(1) + "\u2592", lowered)
    if any(_has(lowered, m) for m in (*EXPECTED_MARKERS, *_MORE_EXPECTED)):
        return "expected", False
    if when and "/" in when:
        first, _, last = when.partition("/")
        if _first(first) <= published <= _last(last) and (
            is_future(clause) or _PROGRESSIVE.search(lowered) or not _PAST.search(lowered)
        ):
            return "ongoing", False  # "began on Monday and will end on Friday"
    if any(_has(lowered, m) for m in ONGOING_MARKERS):
        return "ongoing", False
    if any(_has(lowered, m) for m in PLANNED_MARKERS) or _AGREED_TO_MEET.search(lowered):
        return "planned", False
    if when and _first(when.split("/")[0]) > published:
        ahead = (_first(when.split("/")[0]) - published).days
        if ahead == 1 and not is_future(clause) and _PAST.search(lowered):
            return "happened", True  # the local date is a day ahead of the page's
        # "is being seen as …, days ahead of the inauguration on January 20": a progressive
        # tells the present of the clause, the date ahead the event's.
        return "planned", True
    if _PROGRESSIVE.search(lowered):
        return "ongoing", False
    past = bool(_PAST.search(lowered) or (context and _PAST.search(context.lower())))
    if when and not past and _first(when.split("/")[0]) == published:
        return "planned", True  # the present of a schedule, for the day of publication
    if not when and not past and _PRESENT_STATE.search(lowered):
        # "It is the result of a 25-year partnership", "the codeshare includes …": a state
        # told in the present, with no date, holds at publication.
        return "ongoing", True
    return "happened", not past


# Support for what is proposed, beyond the shared markers: "voiced his support for an annual
# forum", "suggested an even broader initiative", "is seeking an agreement".
_MORE_EXPECTED = (
    "support for",
    "suggested",
    "suggests",
    "seeking",
    "seeks",
    "sought",
    "wants",
    # a chance offered, not a meeting fixed: "the forum will be an opportunity to meet"
    "an opportunity",
    "a chance",
)
# A meeting agreed on is one to come: "have agreed to meet soon", "agreed to hold talks".
_AGREED_TO_MEET = re.compile(
    r"\b(?:agreed|agree|agrees|agreeing)\s+to\s+(?:meet|hold|visit|resume|convene|host|"
    r"sit\s+down|talk|negotiate|reopen)\b"
)
_PRESENT_STATE = re.compile(r"\b(?:is|are|remains|remain|continues|continue|includes|include)\b")
_REPORTED_WOULD = re.compile(
    r"(\b(?:(?:was|were|had\s+been)\s+(?:told|informed|assured|promised)\b[^;]*?|"
    # the "will" of a schedule told in reported speech: "officials confirmed that Lula
    # would visit in August", "the ministry announced he would travel on Monday"
    r"(?:confirmed|announced|said|stated|disclosed|revealed|indicated)(?:,\s*\w+,)?\s+"
    r"(?:on\s+\w+\s+)?(?:that\s+)?(?:[^;,]*?\s)?))\bwould\b"
    # (not a wish, a condition or a readiness: "would like to", "would consider")
    r"(?!\s+(?:like|love|prefer|consider|welcome|seek|try|be\s+(?:willing|ready|open|happy|"
    r"able)|have|not)\b)"
)
_MATTER_PROPOSED = re.compile(
    r"(\b(?:on|about|over|against|approved|rejected|defeated|passed|adopted|debated|"
    r"discussed|considered|reviewed|heard)\s+(?:the|a|an|this|that|his|her|its|their)\s+"
    r"(?:[\w'’-]+\s+){0,3}?)propos(?:als?|ed)\b"
)
_MATTER_POSSIBLE = re.compile(
    r"(\b(?:talks|negotiations|discussions|meeting|meetings|consultations)\s+(?:on|about|over|"
    r"for)\s+(?:a|an|the)\s+)(?:possible|potential|likely|proposed)\b"
)
_HOPEFUL_NOUN = re.compile(
    r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bbe )(?<!\bbeen )(?<!\bremain )"
    r"(?<!\bremains )(?<!\bremained )(?<!\bvery )(?<!\bmore )(?<!\bcautiously )(?<!\bstill )"
    r"(?<!\bnot )(?<!\bfeel )(?<!\bfelt )(?<!\bsounded )(?<!\bseemed )\bhopefuls?\b"
    r"(?!\s+(?:that|of|about|the|for)\b)"
)
_MONTH_MAY = re.compile(r"(?<=[a-z,] )May\b|\bMay(?=\s+\d|,?\s+(?:19|20)\d\d)|(?<=\bin )May\b")
_PROGRESSIVE = re.compile(r"\b(?:is|are)\s+(?:\w+ly\s+)?(?:being\s+)?(?!going\b)\w+ing\b")
# Words ending in -ed that are no verb in the past: "the United States", "top-seeded",
# "a hundred", "need", "the alleged use".
_NOT_PAST_ED = (
    r"(?!(?i:united|hundred|hundreds|seed|seeded|need|indeed|speed|feed|breed|proceed|exceed|"
    r"succeed|red|bed|shed|creed|greed|weed|naked|wicked|sacred|kindred|alleged|beloved)\b)"
)
_PAST = re.compile(
    r"\b("
    + _NOT_PAST_ED
    # (a participle after its noun, "a group co-founded by Pique", "the deal brokered by
    # China", is no verb of the clause: its tense is the clause's)
    + r"\w+ed(?!\s+by\b)|met|held|was|were|had|did|made|went|took|came|gave|saw|began|beat|won|lost|"
    r"spoke|told|said|drew|flew|left|sent|brought|led|ran|hit|fought|sought|sat|stood|became|"
    r"paid|spent|sold|bought|kept|struck|got|heard|fell|broke|chose|wrote|"
    r"knew|threw|caught|taught|shook|built|dealt|fled|hid|rode|rang|sang|slept|"
    r"stole|stuck|swore|swam|tore|understood|withdrew|wore|forgave|overcame|undertook|"
    r"laid|found|thought|felt|meant|shot|drove|rose|froze|lent|bore|arose|hung|"
    r"earlier|ago|last|past|"
    # The present perfect tells what has happened: "has spoken with", "have seen".
    r"(?:has|have)\s+(?:\w+ly\s+|already\s+|just\s+|also\s+|now\s+)?"
    r"(?:\w+(?:en|wn)|seen|sat|fought|won|lost|spoke))\b"
)


def _has(text: str, marker: str) -> bool:
    return re.search(r"(?<![\w])" + re.escape(marker) + r"(?![\w])", text) is not None


def _first(iso: str) -> date:
    parts = [int(p) for p in iso.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _last(iso: str) -> date:
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        following = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return following - timedelta(days=1)
    return date(parts[0], 12, 31)


@lru_cache(maxsize=2)
def _parser(base: date, prefer: str) -> DateDataParser:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": prefer,
            "PREFER_DAY_OF_MONTH": "first",
        },
    )


def find_dates(clause: str, published: date, context: str | None = None) -> list[Found]:
    """Every date expression of a clause, resolved, left to right, without overlaps."""
    whole_future = is_future(clause)
    taken: list[tuple[int, int]] = []
    found: list[Found] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(clause):
            start, end = match.span()
            if any(start < e and end > s for s, e in taken):
                continue
            tense = _local_tense(clause, start, whole_future, context)
            value = _resolve(kind, match, published, tense != "past", tense == "present")
            if value is None:
                continue
            iso, precision, guessed = value
            taken.append((start, end))
            found.append(Found(iso, match.group().strip(), start, end, precision, guessed))
    found.sort(key=lambda f: f.start)
    if any(f.precision != "clock" for f in found):
        # "on Nov. 9 at 6 pm": the time of a day the clause names
        found = [f for f in found if f.precision != "clock"]
    else:
        found = [replace(f, precision="day") for f in found]
    # "on Monday, January 13": one day, the written date.
    return [
        f
        for i, f in enumerate(found)
        if not (
            f.words.lower() in WEEKDAYS
            and i + 1 < len(found)
            and found[i + 1].precision == "day"
            and re.fullmatch(r",?\s*(?:the\s+)?", clause[f.end : found[i + 1].start])
        )
    ]


def tense_at(clause: str, start: int) -> str:
    """past | future | present: the tense of the conjunct a date at `start` stands in."""
    return _local_tense(clause, start, is_future(clause))


_BOUNDARY = re.compile(r",|;|\s(?:and|but|while|whereas|before|after)\s")


def _local_tense(clause: str, start: int, whole: bool, context: str | None = None) -> str:
    """The tense of the conjunct a date stands in: "commenced on Monday and will conclude on
    Friday" reads Monday in the past and Friday in the future."""
    boundaries = [m.end() for m in _BOUNDARY.finditer(clause, 0, start)]
    local = clause[boundaries[-1] if boundaries else 0 : start]
    if is_future(local):
        return "future"
    if _PAST.search(local):
        return "past"
    # Neither tense in its conjunct: the clause's; a clause in the present with no past at
    # all is a schedule ("The commission holds a hearing Wednesday"), read ahead from today.
    if whole:
        return "future"
    return "past" if _PAST.search(clause) or (context and _PAST.search(context)) else "present"


Resolved = tuple[str, str, bool]  # ISO value, precision, whether the tense decided it


def _resolve(
    kind: str, match: re.Match[str], published: date, future: bool, present: bool = False
) -> Resolved | None:
    """A date expression of `kind` resolved against the publication date; `future` and
    `present` are the tense of its clause, for the expressions the tense decides."""
    return _RESOLVERS[kind](match, published, future, present)


def _days_month(
    match: re.Match[str], published: date, future: bool, present: bool
) -> Resolved | None:
    """ "3-5 December", "3 and 4 June": the days first, then the month."""
    return _month_days(match, published, future, present, day_first=True)


def _month_days(
    match: re.Match[str], published: date, future: bool, present: bool, day_first: bool = False
) -> Resolved | None:
    """ "June 6-10", "Nov. 3 and 4" (an interval), its year from the tense when none is
    written."""
    month_group, first_group, last_group = (3, 1, 2) if day_first else (1, 2, 3)
    month = _MONTH_NAMES.get(match.group(month_group).lower().rstrip("."))
    first, last = int(match.group(first_group)), int(match.group(last_group))
    if month is None or last < first:
        return None
    if re.search(r"\sand\s", match.group()) and last != first + 1:
        return None  # "on June 6 and 20": two days apart, not the days between

    year = int(match.group(4)) if match.group(4) else None
    if year is None:
        year = published.year
        candidate = _safe(year, month, first)
        if candidate is None:
            return None
        if future and candidate < published:
            year += 1
        elif not future and candidate > published + timedelta(days=45):
            year -= 1
    start, end = _safe(year, month, first), _safe(year, month, last)
    if start is None or end is None:
        return None
    return f"{start.isoformat()}/{end.isoformat()}", "interval", match.group(4) is None


def _month_day(
    match: re.Match[str], published: date, future: bool, present: bool, day_first: bool = False
) -> Resolved | None:
    """ "January 20", "20 January", "Jan. 20, 2025": a day, its year from the tense (through
    dateparser) when none is written; a date within 45 days of publication is this year's."""
    month_text, day_text = (
        (match.group(2), match.group(1)) if day_first else (match.group(1), match.group(2))
    )
    month = _MONTH_NAMES.get(month_text.lower().rstrip("."))
    if month is None:
        return None
    day = int(day_text)
    if match.group(3):
        try:
            return date(int(match.group(3)), month, day).isoformat(), "day", False
        except ValueError:
            return None
    parsed = _parser(published, "future" if future else "past").get_date_data(
        f"{day} {MONTHS[month - 1]}"
    )
    if parsed is None or parsed.date_obj is None:
        return None
    resolved = parsed.date_obj.date()
    # A date this close to publication is this year's, whatever the tense says.
    this_year = _safe(published.year, month, day)
    if this_year is not None and abs((this_year - published).days) <= 45:
        resolved = this_year
    return resolved.isoformat(), "day", True


def _day_month(
    match: re.Match[str], published: date, future: bool, present: bool
) -> Resolved | None:
    return _month_day(match, published, future, present, day_first=True)


def _weekday(match: re.Match[str], published: date, future: bool, present: bool) -> Resolved | None:
    """ "Monday": the last one in the past tense, the next in the future (today's in the
    present of a schedule)."""
    weekday = WEEKDAYS.index(match.group(1).lower())
    delta = (published.weekday() - weekday) % 7
    if future:
        # "is set to meet … on Tuesday" in a Tuesday paper is that day: the Tuesday a week on
        # would be "next Tuesday".
        ahead = (weekday - published.weekday()) % 7
        if not ahead and re.search(r"\bnext\s+$", match.string[: match.start()], re.I):
            ahead = 7
        return (published + timedelta(days=ahead)).isoformat(), "day", True
    if delta == 6:
        # The day after publication, in the past tense: the event's local date is ahead
        # of the page's (a match ending after midnight in a later time zone), since a
        # weekday six days back would be written "last Wednesday".
        return (published + timedelta(days=1)).isoformat(), "day", True
    return (published - timedelta(days=delta)).isoformat(), "day", True


_MONTH_PREFIX = re.compile(r"(?i)(in|since|during|until|by|from|early|late|mid-?|last|next|this)\b")


def _month(match: re.Match[str], published: date, future: bool, present: bool) -> Resolved | None:
    """ "in November", "last March", "June of next year", "May 2024": a month, its year
    from the words or, failing them, the tense."""
    month_text = match.group(1).lower().rstrip(".")
    if month_text == "may" and not _MONTH_PREFIX.match(match.group().strip()):
        return None  # "may" the verb
    if not match.group(1)[0].isupper():
        return None  # "march" the verb or the noun
    month = _MONTH_NAMES[month_text]
    prefix = match.group().strip().split()[0].lower()
    if match.group(3):
        return f"{int(match.group(3)):04d}-{month:02d}", "month", False
    which = (match.group(2) or "").lower()
    if which in ("last", "next"):
        offset = -1 if which == "last" else 1
        return f"{published.year + offset:04d}-{month:02d}", "month", False
    if which == "this" or prefix == "this":
        return f"{published.year:04d}-{month:02d}", "month", False
    if prefix == "next" or future:
        year = published.year if month >= published.month else published.year + 1
        if prefix == "next" and month == published.month:
            year += 1
    else:
        year = published.year if month <= published.month else published.year - 1
        if prefix == "last" and month == published.month:
            year -= 1
    return f"{year:04d}-{month:02d}", "month", True


def _relative(
    match: re.Match[str], published: date, future: bool, present: bool
) -> Resolved | None:
    """ "last month", "next year", "earlier this year"."""
    which, unit = match.group(1).lower(), match.group(2).lower()
    if unit == "month":
        year, month = published.year, published.month
        if which == "last":
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        elif which == "next":
            year, month = (year, month + 1) if month < 12 else (year + 1, 1)
        return f"{year:04d}-{month:02d}", "month", False
    offset = {"last": -1, "next": 1}.get(which, 0)
    return f"{published.year + offset:04d}", "year", False


def _week_words(
    match: re.Match[str], published: date, future: bool, present: bool
) -> Resolved | None:
    return _week(match.group(1), match.group(2).lower(), published, future, present)


def _count_days(match: re.Match[str]) -> int:
    count = _NUMBER_WORDS.get(match.group(1).lower()) or int(match.group(1))
    return count * (7 if match.group(2).lower().startswith("week") else 1)


def _ago(match: re.Match[str], published: date, future: bool, present: bool) -> Resolved | None:
    """ "two days ago", "a week ago"."""
    return (published - timedelta(days=_count_days(match))).isoformat(), "day", False


def _within(match: re.Match[str], published: date, future: bool, present: bool) -> Resolved | None:
    """ "These teams meet again in three days": that many days after publication."""
    return (published + timedelta(days=_count_days(match))).isoformat(), "day", False


def _day_word(
    match: re.Match[str], published: date, future: bool, present: bool
) -> Resolved | None:
    """ "yesterday", "today", "tomorrow", "last night", "this morning"."""
    word = match.group(1).lower()
    offset = {"yesterday": -1, "tomorrow": 1, "overnight": -1, "last night": -1}.get(word, 0)
    return (published + timedelta(days=offset)).isoformat(), "day", False


def _clock(match: re.Match[str], published: date, future: bool, present: bool) -> Resolved | None:
    """ "at 9 a.m." with no date, in a schedule's present or a future: a time of the day of
    publication (TimeML anchors a bare time to the document's date). In the past tense it
    may be the day before a morning paper: no date."""
    if not future:
        return None
    return published.isoformat(), "clock", True


def _years(match: re.Match[str], published: date, future: bool, present: bool) -> Resolved | None:
    first, last = match.group(1), match.group(2)
    if last <= first:
        return None
    return f"{first}/{last}", "interval", False


def _year(match: re.Match[str], published: date, future: bool, present: bool) -> Resolved | None:
    return match.group(1), "year", False


# The month each season begins (northern), and how many months it lasts
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _season(match: re.Match[str], published: date, future: bool, present: bool) -> Resolved | None:
    """ "last summer", "this spring", "over the summer": the year of that season, the last
    one begun by the publication date when told in the past, the next one not yet over when
    told of what is to come."""
    which = (match.group(1) or "").lower()
    name = (match.group(2) or match.group(3)).lower().removesuffix("time")
    begins = _SEASONS[name]
    # the year in which the last season of that name begun by publication began
    begun = published.year if published.month >= begins else published.year - 1
    # … and whether it is over by then (its three months gone)
    over = (published.year * 12 + published.month) - (begun * 12 + begins) >= 3
    if which == "this":
        return f"{begun if not over else published.year:04d}", "year", False
    if which in ("last", "past"):
        year = begun if over else begun - 1
        return f"{year:04d}", "year", False
    if which in ("next", "coming"):
        year = begun + 1
        return f"{year:04d}", "year", False
    if future and over:
        return f"{begun + 1:04d}", "year", True
    return f"{begun:04d}", "year", True


_RESOLVERS = {
    "month_days": _month_days,
    "days_month": _days_month,
    "month_day": _month_day,
    "day_month": _day_month,
    "weekday": _weekday,
    "month": _month,
    "relative": _relative,
    "week": _week_words,
    "ago": _ago,
    "within": _within,
    "day_word": _day_word,
    "year": _year,
    "season": _season,
    "years": _years,
    "clock": _clock,
}


_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _week(
    which: str, unit: str, published: date, future: bool, present: bool = False
) -> tuple[str, str, bool] | None:
    """ "last week", "earlier this week", "over the weekend": the days it spans (a week from
    Monday to Sunday), read against the publication date and, where it decides, the tense:
    "this week" in the past tense is its days up to publication, as "earlier this week"."""
    which = which.lower()
    which = (
        "coming"
        if which.endswith("coming")
        else "earlier"
        if which.startswith("earlier")
        else "later"
        if which.startswith("later")
        else "past"
        if which.endswith("past")
        else "this"
        if which.endswith("the")
        else which
    )
    monday = published - timedelta(days=published.weekday())
    if unit == "weekend":
        saturday = monday + timedelta(days=5)
        guessed = which in ("this", "next")
        if which == "last" or (which in ("this", "past") and not future and published < saturday):
            saturday -= timedelta(days=7)
        elif which == "next" and published >= saturday:
            saturday += timedelta(days=7)
        sunday = saturday + timedelta(days=1)
        return f"{saturday.isoformat()}/{sunday.isoformat()}", "week", guessed
    if which == "past":
        start, end = published - timedelta(days=7), published
    elif which == "last":
        start, end = monday - timedelta(days=7), monday - timedelta(days=1)
    elif which in ("next", "coming"):
        start, end = monday + timedelta(days=7), monday + timedelta(days=13)
    elif which == "earlier" or (which == "this" and not future and not present):
        start, end = monday, published
    elif which == "later":
        start = published + timedelta(days=1)
        end = max(start, monday + timedelta(days=6))
    else:
        start, end = monday, monday + timedelta(days=6)
    return f"{start.isoformat()}/{end.isoformat()}", "week", False


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Verbs that tell when an event starts or ends: "a four-day visit, which started on Oct 8".
_SPAN_VERBS = (
    r"started|starts|began|begins|opened|opens|ended|ends|runs|ran|lasted|lasts|"
    r"concluded|concludes|kicked\s+off|kicks\s+off"
)
_INTERVAL = re.compile(
    r"\b(?:from|between)\b.*\b(?:to|until|till|through|and)\b|\b(?:until|till|through|conclude|"
    r"concludes|end|ends|run until|runs until|last until)\b",
    re.I,
)


def when_of(
    clause: str, published: date, at: int | None = None, context: str | None = None
) -> tuple[str | None, str | None]:
    """The `when` of a meeting clause, and the guess behind it (or None). `at`, the position
    of the meeting's word in the clause, prefers a date in its own comma-delimited part."""
    found = [f for f in find_dates(clause, published, context) if not is_age_or_count(clause, f)]
    if not found:
        return None, None
    if at is not None and len(found) >= 2:
        left = max(clause.rfind(",", 0, at), clause.rfind(";", 0, at)) + 1
        stops = [i for i in (clause.find(",", at), clause.find(";", at)) if i >= 0]
        right = min(stops) if stops else len(clause)
        if re.match(
            r",\s*(?:which|that)\s+(?:is|are|was|were|will|would|had|has|" + _SPAN_VERBS + r")\b",
            clause[right:],
        ):
            # "the extradition hearing, which is scheduled … in February": the relative
            # clause tells of the noun before it.
            stops = [
                i for i in (clause.find(",", right + 1), clause.find(";", right + 1)) if i >= 0
            ]
            right = min(stops) if stops else len(clause)
        own = [f for f in found if left <= f.start < right]
        if own and not (len(own) == 1 and _INTERVAL.search(clause)):
            found = own
    for first, last in itertools.pairwise(found):
        if (
            first.words.lower() in WEEKDAYS
            and last.words.lower() in WEEKDAYS
            and re.fullmatch(r",?\s+and\s+", clause[first.end : last.start])
            and 0 < (date.fromisoformat(last.iso) - date.fromisoformat(first.iso)).days < 7
        ):
            # "talks on Monday and Tuesday": the days from the one to the other.
            iso = f"{first.iso}/{last.iso}"
            return iso, _explain(f'"{first.words}" and "{last.words}"', iso, clause, published)
    days = [f for f in found if f.precision == "day"]
    if len(days) >= 2 and _INTERVAL.search(clause):
        first, last = days[0], days[-1]
        end = last.iso
        if end < first.iso and last.words.lower() in WEEKDAYS:
            # "began on Monday and runs until Friday": the end is the Friday after the start.
            end = (date.fromisoformat(end) + timedelta(days=7)).isoformat()
        if first.iso <= end:
            iso = f"{first.iso}/{end}"
            return (
                iso,
                f'when "{first.words}" to "{last.words}" read as {iso} (each by the tense of '
                f"its clause, published {published.isoformat()})",
            )
    # The most precise date is the meeting's; a bare year beside it only says which year.
    intervals = [f for f in found if f.precision == "interval"]
    if intervals:
        best = intervals[0]
        if not best.guessed:
            return best.iso, None
        return best.iso, _explain(f'"{best.words}"', best.iso, clause, published)
    order = {"day": 0, "week": 1, "month": 2, "year": 3}
    best = min(found, key=lambda f: (order[f.precision], f.start))
    if not best.guessed:
        return best.iso, None
    return best.iso, _explain(f'"{best.words}"', best.iso, clause, published)


def is_age_or_count(clause: str, found: Found) -> bool:
    """A number that is not the meeting's date: an age, a count, or "since 2011"."""
    before = clause[: found.start]
    if re.search(r"\b(?:not|never|n't|n’t)\b[^,;]*\bsince\s+$", before) or (
        re.search(r"\b(?:not|never|n't|n’t)\b[^,;]*$", before)
        and found.words.lower().startswith("since ")
    ):
        return False  # "they had not met since 1965": the last meeting was in 1965
    if not re.search(r"\b(?:not|never|n't|n’t)\b[^,;]*$", before) and re.search(
        r"\bsince\s+(?:becoming|taking|being|joining|winning|he|she|they|it|the|"
        r"(?:[A-Z][\w-]*\s+){1,3}(?:\w+ed|became|took|won|came|began)\b)"
        r"(?![^,;()]*\b(?:was|were|is|are|has|have|had|will)\b)[^,;()]*$"
        r"|\bdating\s+(?:back\s+)?to\s+$",
        before,
        re.IGNORECASE,
    ):
        # "his second visit since becoming Prime Minister in August 2018", "a losing streak
        # dating to 2007": the time of something else, that the meeting is counted from.
        return True
    if (
        re.search(r"\b(?:since|by|before|after)\s+$", before)
        or (
            # "a deal … until the end of the 2022/23 season", "until 2024": a term's end
            found.precision in ("year", "month")
            and re.search(r"\b(?:until|till|through)\s+(?:the\s+(?:end|close)\s+of\s+)?$", before)
        )
        or (found.words.lower().startswith("since "))
    ):
        return True
    return found.precision == "year" and bool(
        re.match(r"\s*(?:years?|people|votes|troops|-year)", clause[found.end :])
    )


def _explain(words: str, iso: str, clause: str, published: date) -> str:
    tense = (
        "future tense"
        if is_future(clause)
        else "past tense"
        if _PAST.search(clause)
        else "present tense"
    )
    if tense == "past tense" and iso[:10] > published.isoformat():
        tense = "past tense, the day after publication: a later time zone"
    return f"when {words} read as {iso} ({tense}, published {published.isoformat()})"


_OFFSET_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_OFFSET = re.compile(
    r"\b(?:(a|an|one|two|three|four|five|\d)\s+(days?|nights?|weeks?)|(hours|the\s+(?:day|night)|"
    r"a\s+few\s+hours|only\s+hours|just\s+hours))\s+(after|before)\b",
    re.I,
)


@dataclass(frozen=True)
class Offset:
    """ "a day after the swap, …": an event dated from another one. `start`-`end` is the
    phrase from the count to the comma that closes it; `days` how far its event lies from the
    other (negative: before it)."""

    start: int
    end: int
    days: int
    words: str


def offsets(text: str) -> list[Offset]:
    """The "N days after …" / "hours before …" phrases of a sentence."""
    found = []
    for match in _OFFSET.finditer(text):
        stop = re.search(r"[,;:]|\s[—–]\s", text[match.end() :])
        end = match.end() + stop.start() if stop else len(text)
        if match.group(3):
            days = 0 if match.group(3).lower().endswith("hours") else 1
        else:
            count = _OFFSET_COUNTS.get(match.group(1).lower()) or int(match.group(1))
            days = count * (7 if match.group(2).lower().startswith("week") else 1)
        # "a day after X": the main event is a day after X, X a day before the main event.
        sign = 1 if match.group(4).lower() == "after" else -1
        found.append(Offset(match.start(), end, sign * days, match.group().strip()))
    return found


def shifted(iso: str, days: int) -> str | None:
    """A day's date moved by `days`; None for anything less precise than a day."""
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", iso):
        return None
    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


def is_past(clause: str) -> bool:
    """Whether a clause has a verb in the past tense (or a word of the past: "ago", "last")."""
    return bool(_PAST.search(clause))

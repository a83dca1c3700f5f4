"""The plain, immutable records that every layer of explorer passes around."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Literal

ItemKind = Literal["actor", "meeting", "quote"]
ITEM_KINDS: tuple[ItemKind, ...] = ("actor", "meeting", "quote")

ACTOR_KINDS = ("person", "organisation", "country", "group")
# postponed and cancelled: format 1.1 (a later article's account of an expected meeting).
MEETING_STATUSES = ("happened", "ongoing", "planned", "expected", "postponed", "cancelled")
CALLED_OFF_STATUSES = ("postponed", "cancelled")
QUOTE_KINDS = ("direct", "paraphrase", "reported")


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month_name(month: int | None) -> str:
    """A month's short name; a date at day or month precision always has its month."""
    if month is None:
        raise ValueError("a date at day or month precision without its month")
    return _MONTHS[month - 1]


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to a year, a month or a day; `first`/`last` bound the period it names."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def first(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last(self) -> date:
        if self.day is not None:
            return self.first
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def human(self) -> str:
        if self.day is not None:
            return f"{self.day} {_month_name(self.month)} {self.year}"
        if self.month is not None:
            return f"{_month_name(self.month)} {self.year}"
        return str(self.year)


@dataclass(frozen=True, slots=True)
class When:
    """A meeting's date: one partial date, or an interval of two."""

    start: PartialDate
    end: PartialDate | None = None

    @property
    def precision(self) -> Precision:
        return self.start.precision

    @property
    def sort_key(self) -> tuple[date, date]:
        return (self.start.first, (self.end or self.start).last)

    def iso(self) -> str:
        return self.start.iso() if self.end is None else f"{self.start.iso()}/{self.end.iso()}"

    def human(self) -> str:
        """The date at its own precision: "13–17 Jan 2025", "Nov 2024", "2019"."""
        start, end = self.start, self.end
        if end is None or end == start:
            return start.human()
        same_precision = start.precision == end.precision
        if same_precision and start.year == end.year:
            if start.precision is Precision.DAY and start.month == end.month:
                return f"{start.day}–{end.day} {_month_name(start.month)} {start.year}"
            if start.precision is Precision.DAY:
                return f"{start.day} {_month_name(start.month)} – {end.human()}"
            if start.precision is Precision.MONTH:
                return f"{_month_name(start.month)}–{end.human()}"
        return f"{start.human()} – {end.human()}"


@dataclass(frozen=True, slots=True)
class Span:
    """Where an item is supported in an article body: the excerpt and its whole sentence.

    `start`/`end` index the excerpt in `Article.body`; `sentence_start`/`sentence_end` the
    sentence (or heading) that contains it. `how` says what matched: "name", "alias",
    "evidence" or "text" (a direct quote's own words).
    """

    article: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    how: str


@dataclass(frozen=True, slots=True)
class Ref:
    """A pointer to one item: ids are unique within a kind, not across kinds."""

    kind: ItemKind
    id: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.id}"


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    title: str
    published: date
    body: str
    source: str | None = None
    url: str | None = None
    subheadings: tuple[str, ...] = ()
    file: str | None = None


@dataclass(frozen=True, slots=True)
class ActorRole:
    """An actor's role and note as one article gives them, as of its publication date."""

    article: str
    published: date
    role: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor over every article that names it.

    `role` and `note` are the current ones: the newest article's that gives one (by
    publication date; of two articles of one day, the later on the command line). `roles` is
    each article's own account that gives a role or a note, oldest first (format 1.1).
    """

    id: str
    name: str
    kind: str
    role: str | None = None
    member_of: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    note: str | None = None
    articles: tuple[str, ...] = ()
    spans: tuple[Span, ...] = field(default=(), compare=False)
    roles: tuple[ActorRole, ...] = ()

    @property
    def ref(self) -> Ref:
        return Ref("actor", self.id)

    @property
    def label(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class MeetingReport:
    """One article's account of a meeting, as of its publication date: the status and date
    it gives, and its own evidence (excerpts of that article's body)."""

    article: str
    published: date
    status: str
    when: When | None = None
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Meeting:
    """One meeting, however many articles report it (format 1.1).

    `reports` holds each article's account, oldest publication first (of two articles of
    one day, the earlier on the command line first); a loaded corpus gives every meeting at
    least one. `status` and `when` are the current ones: the newest report's (`when` the
    newest that gives a date). `article` is the first report's article, `articles` every
    reporting article in report order; `participants` and `evidence` are joined over the
    reports, `summary` and `note` the newest given.
    """

    id: str
    title: str
    status: str
    article: str
    participants: tuple[str, ...] = ()
    when: When | None = None
    where: str | None = None
    summary: str | None = None
    evidence: tuple[str, ...] = ()
    note: str | None = None
    spans: tuple[Span, ...] = field(default=(), compare=False)
    articles: tuple[str, ...] = ()
    reports: tuple[MeetingReport, ...] = ()

    def __post_init__(self) -> None:
        if not self.articles:
            object.__setattr__(self, "articles", (self.article,))

    @property
    def ref(self) -> Ref:
        return Ref("meeting", self.id)

    @property
    def label(self) -> str:
        return self.title


@dataclass(frozen=True, slots=True)
class Quote:
    """One statement. `speakers` are all who made it (a joint statement has several, format
    1.1); `speaker` is the first of them."""

    id: str
    text: str
    speaker: str
    kind: str
    article: str
    meeting: str | None = None
    evidence: tuple[str, ...] = ()
    note: str | None = None
    spans: tuple[Span, ...] = field(default=(), compare=False)
    speakers: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.speakers:
            object.__setattr__(self, "speakers", (self.speaker,))

    @property
    def ref(self) -> Ref:
        return Ref("quote", self.id)

    @property
    def label(self) -> str:
        return self.text

    @property
    def articles(self) -> tuple[str, ...]:
        return (self.article,)


Item = Actor | Meeting | Quote


@dataclass
class Loaded:
    """A whole corpus, validated and resolved: what the store writes and the index reads.

    Here rather than in the importer so that an empty stand-in needs no YAML reader."""

    articles: list[Article]
    actors: list[Actor]
    meetings: list[Meeting]
    quotes: list[Quote]

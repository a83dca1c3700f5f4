"""Expectations followed up: what became of every meeting an article calls planned or expected.

A meeting is an expectation once some article reports it as planned or expected. Its reports
(one per article, oldest publication first) then say what became of it:

- **fulfilled**: a later article reports it happened (or under way);
- **changed**: a later article gives another date, or says it was postponed or cancelled;
- **open**: no later article says more;
- **overdue**: open, and the date it was expected for had passed by the publication day of
  the corpus's newest article.

A date made more precise ("Dec 2024", then "14 Dec 2024") is the same date, not a change.
Only meetings that were ever planned or expected are read: from a persisted index, they are
picked out in SQLite (`IndexedCorpus.meetings_holding`) without decoding the others.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal
from weakref import WeakKeyDictionary

from explorer.data.models import (
    CALLED_OFF_STATUSES,
    Meeting,
    MeetingReport,
    Precision,
    Ref,
    When,
)

if TYPE_CHECKING:
    from explorer.data.corpus import Corpus

Kind = Literal["fulfilled", "changed", "open", "overdue"]
KINDS: tuple[Kind, ...] = ("fulfilled", "changed", "open", "overdue")

EXPECTING = frozenset({"planned", "expected"})
HELD = frozenset({"happened", "ongoing"})
CALLED_OFF = frozenset(CALLED_OFF_STATUSES)

# What each kind means, in a few words (the command's and the screen's legend).
KIND_MEANINGS: dict[Kind, str] = {
    "fulfilled": "a later article reports it happened",
    "changed": "a later article gives another date, or says it was postponed or cancelled",
    "open": "no later article says more",
    "overdue": "open, and its date had passed by the newest article",
}
# One mark a kind, in plain text (the timeline puts it after a meeting's title).
KIND_MARKS: dict[Kind, str] = {"fulfilled": "✓", "changed": "↷", "open": "…", "overdue": "!"}


@dataclass(frozen=True, slots=True)
class Account:
    """What one article said of a meeting, and the sentence it said it in."""

    article: str
    article_title: str
    published: date
    status: str
    when: When | None
    sentence: str | None

    @property
    def said(self) -> str:
        """The status and date in words: "expected for 25 Dec 2024", "happened on 25 Dec
        2024", "happened in Dec 2024", "expected"."""
        if self.when is None:
            return self.status
        if self.status in EXPECTING:
            return f"{self.status} for {self.when.human()}"
        exact = self.when.precision is Precision.DAY and self.when.end is None
        return f"{self.status} {'on' if exact else 'in'} {self.when.human()}"


@dataclass(frozen=True, slots=True)
class Expectation:
    """One meeting that was planned or expected, and what became of it.

    `expected` is the article that expected it (the first to); `outcome` the later article
    that fulfilled or changed it (None while open); `due` the date it is expected for now
    (a changed date replaces the first); `change` says how it changed: "new date",
    "postponed" or "cancelled".
    """

    meeting: str
    title: str
    kind: Kind
    expected: Account
    outcome: Account | None = None
    due: When | None = None
    change: str | None = None

    @property
    def ref(self) -> Ref:
        return Ref("meeting", self.meeting)


@dataclass(frozen=True, slots=True)
class Expectations:
    """Every expectation of a corpus, in `KINDS` order then by date; `as_of` is the newest
    article's publication day (what "overdue" is measured against)."""

    as_of: date | None
    items: tuple[Expectation, ...]

    def of_kind(self, kind: Kind) -> tuple[Expectation, ...]:
        return tuple(item for item in self.items if item.kind == kind)

    def counts(self) -> dict[Kind, int]:
        counts = dict.fromkeys(KINDS, 0)
        for item in self.items:
            counts[item.kind] += 1
        return counts

    def kinds(self) -> dict[str, Kind]:
        """Meeting id -> its kind: what the timeline marks."""
        return {item.meeting: item.kind for item in self.items}


# -- reports --------------------------------------------------------------------------------


def reports_of(
    meeting: Meeting, published: Callable[[str], date | None]
) -> tuple[MeetingReport, ...]:
    """A meeting's reports, oldest first. A loaded corpus gives every meeting its reports; a
    meeting made without them is its one article's account (`published`: an article's
    publication day by id)."""
    if meeting.reports:
        return meeting.reports
    day = published(meeting.article)
    if day is None:
        return ()
    return (MeetingReport(meeting.article, day, meeting.status, meeting.when, meeting.evidence),)


def _within(inner: When, outer: When) -> bool:
    """Whether `inner` names a period inside `outer`'s (the same date, or more precise)."""
    first, last = outer.sort_key
    start, end = inner.sort_key
    return first <= start and end <= last


def _sentence(meeting: Meeting, report: MeetingReport, body: str | None) -> str | None:
    """The sentence of the report's article that supports the meeting: the one holding its
    first excerpt, else the first one in the body."""
    if body is None:
        return None
    spans = sorted(
        (s for s in meeting.spans if s.article == report.article),
        key=lambda s: (s.sentence_start, s.start),
    )
    if not spans:
        return None
    chosen = spans[0]
    if report.evidence:
        first = report.evidence[0]
        chosen = next((s for s in spans if body[s.start : s.end] == first), chosen)
    text = " ".join(body[chosen.sentence_start : chosen.sentence_end].split())
    return text or None


@dataclass(frozen=True, slots=True)
class _Found:
    kind: Kind
    expected: MeetingReport
    outcome: MeetingReport | None
    due: When | None
    change: str | None


def follow_up(reports: Sequence[MeetingReport], as_of: date | None) -> _Found | None:
    """What became of the first expectation among `reports` (oldest first); None when no
    report calls the meeting planned or expected."""
    start = next((n for n, r in enumerate(reports) if r.status in EXPECTING), None)
    if start is None:
        return None
    expected = reports[start]
    due = expected.when
    kind: Kind = "open"
    outcome: MeetingReport | None = None
    change: str | None = None
    for report in reports[start + 1 :]:
        if report.status in HELD:
            return _Found("fulfilled", expected, report, due, None)
        if report.status in CALLED_OFF:
            kind, outcome = "changed", report
            change = report.status
            due = report.when if report.when is not None else due
        elif report.status in EXPECTING and report.when is not None:
            if due is None or _within(report.when, due):
                due = report.when  # the same date, told more precisely
            else:
                kind, outcome, change, due = "changed", report, "new date", report.when
    if kind == "open" and due is not None and as_of is not None and due.sort_key[1] < as_of:
        kind = "overdue"
    return _Found(kind, expected, outcome, due, change)


# -- the corpus ------------------------------------------------------------------------------


def _candidates(corpus: Corpus) -> Iterable[Meeting]:
    """The meetings that may have been planned or expected: from an index, only those whose
    stored row holds such a status; else every meeting (already in memory)."""
    from explorer.data.index import IndexedCorpus

    if isinstance(corpus, IndexedCorpus):
        return corpus.meetings_holding(EXPECTING)
    return corpus.meetings.values()


def newest_publication(corpus: Corpus) -> date | None:
    """The publication day of the corpus's newest article."""
    from explorer.data.index import IndexedCorpus

    if isinstance(corpus, IndexedCorpus):
        count = corpus.count("article")
        newest = corpus.page("article", count - 1, 1) if count else []
        return newest[0].published if newest else None
    return max((a.published for a in corpus.articles.values()), default=None)


class _Articles:
    """Article titles, dates and bodies, each read once (from an index, one row each)."""

    def __init__(self, corpus: Corpus) -> None:
        self._articles = corpus.articles
        self._seen: dict[str, tuple[str, date, str] | None] = {}

    def _get(self, article_id: str) -> tuple[str, date, str] | None:
        if article_id not in self._seen:
            article = self._articles.get(article_id)
            self._seen[article_id] = (
                None if article is None else (article.title, article.published, article.body)
            )
        return self._seen[article_id]

    def published(self, article_id: str) -> date | None:
        found = self._get(article_id)
        return None if found is None else found[1]

    def account(self, meeting: Meeting, report: MeetingReport) -> Account:
        found = self._get(report.article)
        title, body = (found[0], found[2]) if found is not None else (report.article, None)
        return Account(
            report.article,
            title,
            report.published,
            report.status,
            report.when,
            _sentence(meeting, report, body),
        )


def _order(item: Expectation) -> tuple[int, int, tuple[date, date], str, str]:
    due = item.due
    dated = (0, due.sort_key) if due is not None else (1, (date.max, date.max))
    return (KINDS.index(item.kind), dated[0], dated[1], item.title.casefold(), item.meeting)


def _expectations(corpus: Corpus, meetings: Iterable[Meeting]) -> Expectations:
    """What became of each of `meetings` that some article calls planned or expected."""
    as_of = newest_publication(corpus)
    articles = _Articles(corpus)
    found: list[Expectation] = []
    for meeting in meetings:
        result = follow_up(reports_of(meeting, articles.published), as_of)
        if result is None:
            continue
        found.append(
            Expectation(
                meeting.id,
                meeting.title,
                result.kind,
                articles.account(meeting, result.expected),
                articles.account(meeting, result.outcome) if result.outcome else None,
                result.due,
                result.change,
            )
        )
    found.sort(key=_order)
    return Expectations(as_of, tuple(found))


def find_expectations(corpus: Corpus) -> Expectations:
    """Every meeting some article calls planned or expected, and what became of it."""
    return _expectations(corpus, _candidates(corpus))


def expectations_among(corpus: Corpus, meeting_ids: Iterable[str]) -> Expectations:
    """The expectations of `find_expectations(corpus)` that are about `meeting_ids`, the
    same items in the same order: only those meetings are read (from an index, one row
    each), with the articles of their reports, not every planned meeting of the corpus.
    An id the corpus does not hold is left out."""
    table = corpus.meetings
    chosen = (table.get(ident) for ident in dict.fromkeys(meeting_ids))
    return _expectations(corpus, [meeting for meeting in chosen if meeting is not None])


def expectation_kinds(corpus: Corpus, meetings: Iterable[Meeting] | None = None) -> dict[str, Kind]:
    """Meeting id -> kind, for every expectation among `meetings` (default: the corpus's):
    what the timeline marks. Neither sentences nor article bodies are read; from an index,
    only the expected meetings' reports are (not their spans or texts)."""
    from explorer.data.index import IndexedCorpus

    as_of = newest_publication(corpus)
    articles = _Articles(corpus)
    if meetings is None and isinstance(corpus, IndexedCorpus):
        reports = [
            (ident, found or reports_of(corpus.meetings[ident], articles.published))
            for ident, found in corpus.reports_holding(EXPECTING)
        ]
    else:
        chosen = _candidates(corpus) if meetings is None else meetings
        reports = [(m.id, reports_of(m, articles.published)) for m in chosen]
    kinds: dict[str, Kind] = {}
    for ident, told in reports:
        result = follow_up(told, as_of)
        if result is not None:
            kinds[ident] = result.kind
    return kinds


_found: WeakKeyDictionary[Corpus, Expectations] = WeakKeyDictionary()
_finding = threading.Lock()


def expectations(corpus: Corpus) -> Expectations:
    """`find_expectations(corpus)`, worked out once per corpus and then reused (the screen,
    opened again, costs nothing)."""
    with _finding:
        known = _found.get(corpus)
        if known is None:
            known = _found[corpus] = find_expectations(corpus)
        return known


# -- as JSON ---------------------------------------------------------------------------------


def account_record(account: Account) -> dict[str, Any]:
    return {
        "article": account.article,
        "article_title": account.article_title,
        "published": account.published.isoformat(),
        "status": account.status,
        "when": account.when.iso() if account.when else None,
        "sentence": account.sentence,
    }


def expectation_record(item: Expectation) -> dict[str, Any]:
    return {
        "meeting": item.meeting,
        "title": item.title,
        "kind": item.kind,
        "due": item.due.iso() if item.due else None,
        "change": item.change,
        "expected": account_record(item.expected),
        "outcome": account_record(item.outcome) if item.outcome else None,
    }


def expectations_record(found: Expectations) -> dict[str, Any]:
    """The JSON of `explorer expectations --json` (its keys are documented in the README)."""
    return {
        "as_of": found.as_of.isoformat() if found.as_of else None,
        "counts": found.counts(),
        "expectations": [expectation_record(item) for item in found.items],
    }


__all__ = [
    "CALLED_OFF",
    "EXPECTING",
    "HELD",
    "KINDS",
    "KIND_MARKS",
    "KIND_MEANINGS",
    "Account",
    "Expectation",
    "Expectations",
    "Kind",
    "account_record",
    "expectation_kinds",
    "expectation_record",
    "expectations",
    "expectations_among",
    "expectations_record",
    "find_expectations",
    "follow_up",
    "newest_publication",
    "reports_of",
]

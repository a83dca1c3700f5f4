"""The timeline: every meeting in date order, at its own precision, with its status."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import ClassVar, overload
from weakref import WeakKeyDictionary

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.css.styles import RulesMap
from textual.reactive import var
from textual.screen import Screen
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import RenderOptions, Visual
from textual.widgets import Input, Static

from explorer import keymap
from explorer.data import Article, Corpus, Meeting, Ref
from explorer.data.dates import parse_when
from explorer.data.expectations import KIND_MARKS, Kind, expectation_kinds
from explorer.data.index import IndexedCorpus
from explorer.history import Visit
from explorer.screens.closing import unless_closed
from explorer.screens.laid_out import LaidOutOnce
from explorer.widgets.article_heads import article_heads
from explorer.widgets.hints import FittedFooter, TruthfulHints, typing_into_line
from explorer.widgets.provenance import Navigator, PlaceChanged
from explorer.widgets.rows import literal
from explorer.widgets.tall_list import TallList
from explorer.widgets.typed_line import TypedLine

STATUS_STYLES = {
    "happened": "$text-success",
    "ongoing": "bold $text-warning",
    "planned": "bold $text-accent",
    "expected": "italic $text-secondary",
    "postponed": "italic $text-warning",
    "cancelled": "strike $text-error",
}
STATUS_MARKS = {
    **{"happened": "●", "ongoing": "◐", "planned": "○", "expected": "◌"},
    **{"postponed": "◇", "cancelled": "✕"},
}
# What became of an expected meeting (explorer.data.expectations), under its status.
EXPECTATION_STYLES: dict[Kind, str] = {
    "fulfilled": "$text-success",
    "changed": "$text-warning",
    "open": "$text-accent",
    "overdue": "bold $text-error",
}
ACTOR_PREFIXES = ("speaker:", "actor:", "with:", "participant:")


def timeline_order(meetings: Iterable[Meeting]) -> list[Meeting]:
    """Meetings by date (`When.sort_key`), undated last, ties by title then id."""

    def key(meeting: Meeting) -> tuple[int, tuple[date, date], str, str]:
        if meeting.when is None:
            return (1, (date.max, date.max), meeting.title.casefold(), meeting.id)
        return (0, meeting.when.sort_key, meeting.title.casefold(), meeting.id)

    return sorted(meetings, key=key)


def date_label(meeting: Meeting) -> str:
    return meeting.when.human() if meeting.when else "no date"


class DateLabels:
    """`date_label` for the entries drawn: each meeting's date is written out once."""

    def __init__(self) -> None:
        self._labels: dict[str, str] = {}

    def __call__(self, meeting: Meeting) -> str:
        label = self._labels.get(meeting.id)
        if label is None:
            label = self._labels[meeting.id] = date_label(meeting)
        return label


class TimelineMeetings(Sequence[Meeting]):
    """Meetings by their ids, each read from the corpus when asked for (a persisted index
    decodes only the meetings drawn, not the tens of thousands listed)."""

    def __init__(self, corpus: Corpus, ids: Sequence[str]) -> None:
        self._corpus = corpus
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Meeting: ...
    @overload
    def __getitem__(self, index: slice) -> list[Meeting]: ...
    def __getitem__(self, index: int | slice) -> Meeting | list[Meeting]:
        if isinstance(index, slice):
            return [self._corpus.meetings[ident] for ident in self.ids[index]]
        return self._corpus.meetings[self.ids[index]]


@dataclass(frozen=True, slots=True)
class Published:
    """An article's publication day as a timeline row (where it falls among the meetings)."""

    article: str


@dataclass(frozen=True, slots=True)
class TimelineData:
    """What every timeline of one corpus starts from, worked out once per corpus: the order
    and where each publication day falls, from ids, dates and titles only."""

    meetings: TimelineMeetings  # in timeline order
    starts: dict[str, date | None]  # each meeting's first day (None: undated)
    article_of: dict[str, str]  # each meeting's article
    heads: dict[str, tuple[str, date]]  # each article's title and publication day
    published: dict[str, date]  # each article's publication day
    date_width: int  # the date column: the longest date, up to 18 cells
    names: ActorNames
    kinds: dict[str, Kind]  # expected meetings: what became of each
    # The whole timeline's rows (`publication_rows` of every meeting) and where each meeting
    # is among them: the unfiltered timeline, the one `t` opens, is not laid out again.
    rows: list[str | Published]
    row_index: dict[str, int]
    # Each row's height as measured, by row, width and whether the entries leave room for a
    # mark: a timeline opened again measures none of the rows it measured before.
    heights: dict[tuple[str | Published, int, bool], int] = field(default_factory=dict)

    @property
    def ids(self) -> Sequence[str]:
        return self.meetings.ids


_prepared: WeakKeyDictionary[Corpus, TimelineData] = WeakKeyDictionary()
_preparing = threading.Lock()


def timeline_data(corpus: Corpus) -> TimelineData:
    """The corpus's `TimelineData`: made on first use (or by `prepare` in the background),
    then reused, so opening the timeline again costs only what it shows."""
    with _preparing:
        data = _prepared.get(corpus)
        if data is None:
            data = _prepared[corpus] = _timeline_data(corpus)
        return data


def _timeline_data(corpus: Corpus) -> TimelineData:
    heads = {head.id: (head.title, head.published) for head in article_heads(corpus)}
    if isinstance(corpus, IndexedCorpus):
        rows = corpus.timeline_heads()
        whens = {text: parse_when(text) for text in {when for _, when, _ in rows} if text}
        ids = [ident for ident, _, _ in rows]
        starts = {ident: whens[w].sort_key[0] if w else None for ident, w, _ in rows}
        article_of = {ident: article for ident, _, article in rows}
        labels = {when.human() for when in whens.values()}
        if any(w is None for _, w, _ in rows):
            labels.add("no date")
    else:
        ordered = timeline_order(corpus.meetings.values())
        ids = [m.id for m in ordered]
        starts = {m.id: m.when.sort_key[0] if m.when else None for m in ordered}
        article_of = {m.id: m.article for m in ordered}
        labels = {date_label(m) for m in ordered}
    width = min(max((cell_len(label) for label in labels), default=7), 18)
    meetings = TimelineMeetings(corpus, ids)
    published = {article: day for article, (_title, day) in heads.items()}
    names = ActorNames(corpus)
    kinds = expectation_kinds(corpus)  # the expected meetings alone are read
    every = publication_rows(ids, starts, article_of, published)
    return TimelineData(
        *(meetings, starts, article_of, heads, published, width, names, kinds),
        every,
        row_indexes(every),
    )


def publication_rows(
    shown: Iterable[str],
    starts: Mapping[str, date | None],
    article_of: Mapping[str, str],
    published: Mapping[str, date],
) -> list[str | Published]:
    """The shown meetings' ids (in timeline order) with their articles' publication days
    among them: each article just before the first meeting that starts after it was
    published (an undated meeting, or the end, takes the articles still unplaced).
    O(n log n): the articles are sorted once and merged in, as the meetings' start days only
    grow."""
    shown = list(shown)
    seen = dict.fromkeys(article_of[m] for m in shown)  # first appearance order breaks ties
    due = sorted((a for a in seen if a in published), key=published.__getitem__)
    rows: list[str | Published] = []
    next_article = 0
    for meeting in shown:
        starts_on = starts[meeting]
        if starts_on is None:
            rows += [Published(a) for a in due[next_article:]]
            next_article = len(due)
        else:
            while next_article < len(due) and published[due[next_article]] < starts_on:
                rows.append(Published(due[next_article]))
                next_article += 1
        rows.append(meeting)
    rows += [Published(a) for a in due[next_article:]]
    return rows


def row_indexes(rows: Iterable[str | Published]) -> dict[str, int]:
    """Where each meeting is among a timeline's rows."""
    return {row: i for i, row in enumerate(rows) if isinstance(row, str)}


def with_publications(
    shown: Sequence[Meeting], articles: Mapping[str, Article]
) -> list[Meeting | Article]:
    """`publication_rows` over meetings and articles themselves."""
    by_id = {m.id: m for m in shown}
    starts = {m.id: m.when.sort_key[0] if m.when else None for m in shown}
    article_of = {m.id: m.article for m in shown}
    wanted = set(article_of.values())
    published = {a: articles[a].published for a in wanted if a in articles}
    return [
        articles[row.article] if isinstance(row, Published) else by_id[row]
        for row in publication_rows(by_id, starts, article_of, published)
    ]


class TimelineRows(Sequence[Meeting | Article]):
    """A timeline's rows as meetings and articles, each read when asked for (for tests and
    tools: the list draws from the ids and titles)."""

    def __init__(self, corpus: Corpus, rows: Sequence[str | Published]) -> None:
        self._corpus = corpus
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, index: int) -> Meeting | Article: ...
    @overload
    def __getitem__(self, index: slice) -> list[Meeting | Article]: ...
    def __getitem__(self, index: int | slice) -> Meeting | Article | list[Meeting | Article]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        row = self.rows[index]
        if isinstance(row, Published):
            return self._corpus.articles[row.article]
        return self._corpus.meetings[row]


def _cells(text: str) -> int | None:
    """The cells `text` takes on one line, or None when it cannot be told without laying it
    out (line breaks, control codes)."""
    if text.isascii():
        return len(text) if text.isprintable() else None
    if "\n" in text or not text.isprintable():
        return None
    return cell_len(text)


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


@dataclass(frozen=True, slots=True)
class ActorFilter:
    """The actors a timeline is narrowed to, and how the user named them."""

    actor_ids: tuple[str, ...]
    query: str


@dataclass(frozen=True, slots=True)
class TimelinePlace:
    """Where the timeline was: its filter, the meeting under the cursor, marked-only."""

    actor_filter: ActorFilter | None
    cursor: str | None
    only_marked: bool = False


DIRECT_MARK = "● "
MEMBER_MARK = "◦ "  # a meeting of a member (a country's minister), not of the item itself


def marked_meetings(corpus: Corpus, item: Ref | None) -> dict[str, str]:
    """The meetings of `item` ("direct"), and of its members ("member"): what `t` marks."""
    if item is None or item not in corpus:
        return {}
    if item.kind == "meeting":
        return {item.id: "direct"}
    if item.kind == "quote":
        meeting = corpus.quotes[item.id].meeting
        return {meeting: "direct"} if meeting in corpus.meetings else {}
    marked = dict.fromkeys(corpus.related(item, "meeting"), "direct")
    for meeting in corpus.related_through_members(item, "meeting"):
        marked.setdefault(meeting, "member")
    return marked


class ActorNames:
    """Actor ids by folded id, name and alias, built once (when first asked, from names and
    aliases only) so filtering never scans the data."""

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus
        self._built: dict[str, set[str]] | None = None
        self._building = threading.Lock()

    @property
    def _keys(self) -> dict[str, set[str]]:
        with self._building:
            if self._built is None:
                corpus = self._corpus
                if isinstance(corpus, IndexedCorpus):
                    named = corpus.actor_keys()
                else:
                    named = [(a.id, a.name, a.aliases) for a in corpus.actors.values()]
                keys: dict[str, set[str]] = {}
                for actor_id, name, aliases in named:
                    for key in (actor_id, name, *aliases):
                        keys.setdefault(_fold(key), set()).add(actor_id)
                self._built = keys
            return self._built

    def prepare(self) -> None:
        """Build now (off the UI thread), so the first letter typed finds them ready."""
        self._keys  # noqa: B018 - built on first read

    def resolve(self, query: str) -> tuple[str, ...]:
        """Actor ids that `query` names: an exact name, alias or id; else every partial match."""
        text = query.strip()
        folded = _fold(text)
        for prefix in ACTOR_PREFIXES:
            if folded.startswith(prefix):
                folded = folded[len(prefix) :].strip()
                break
        folded = folded.strip("\"'")
        if not folded:
            return ()
        exact = self._keys.get(folded)
        if exact:
            return tuple(sorted(exact))
        found: set[str] = set()
        for key, ids in self._keys.items():
            if folded in key:
                found |= ids
        return tuple(sorted(found))


class MeetingEntry(Visual):
    """One timeline entry, laid out for the width it gets: columns when wide, stacked when not.

    Wide: date | status | title, with place and participants under the title. Narrow: date and
    status on one line, the rest indented below it. Wrapped text keeps its column either way,
    and styles (theme variables) resolve against the row's own background, highlighted or not.
    An expected meeting's `kind` (what became of it: "✓ fulfilled") goes under its status
    when wide, after it when narrow.
    """

    WIDE = 72
    GAP = 2
    INDENT = 2

    def __init__(
        self,
        when: Content,
        status: Content,
        body: Content,
        date_width: int,
        kind: Content | None = None,
    ) -> None:
        self.when = when
        self.status = status
        self.body = body
        self.date_width = date_width
        self.kind = kind
        self.status_width = max(len(s) for s in (*STATUS_MARKS, *KIND_MARKS)) + 2

    @classmethod
    def measures(cls, date_width: int) -> MeetingEntry:
        """An entry with no text, for its column widths."""
        empty = Content("")
        return cls(empty, empty, empty, date_width)

    def body_width(self, width: int) -> int:
        """The cells the body's lines get in an entry `width` cells wide."""
        if width >= self.WIDE:
            return max(width - self.date_width - self.status_width - 2 * self.GAP, 1)
        return max(width - self.INDENT, 1)

    _body_width = body_width

    def _header(self) -> Content:
        gap = " " * max(self.date_width - self.when.cell_length + self.GAP, self.GAP)
        if self.kind is None:
            return Content.assemble(self.when, gap, self.status)
        return Content.assemble(self.when, gap, self.status, "  ", self.kind)

    def _status_column(self) -> Content:
        return self.status if self.kind is None else Content.assemble(self.status, "\n", self.kind)

    def render_strips(
        self, width: int, height: int | None, style: VisualStyle, options: RenderOptions
    ) -> list[Strip]:
        blank = style.rich_style
        body = self.body.render_strips(self._body_width(width), None, style, options)
        if width >= self.WIDE:
            columns = [
                (self.when.render_strips(self.date_width, None, style, options), self.date_width),
                (
                    self._status_column().render_strips(self.status_width, None, style, options),
                    self.status_width,
                ),
                (body, self._body_width(width)),
            ]
            lines = []
            for y in range(max(len(strips) for strips, _ in columns)):
                pieces: list[Strip] = []
                for index, (strips, column_width) in enumerate(columns):
                    if index:
                        pieces.append(Strip.blank(self.GAP, blank))
                    strip = strips[y] if y < len(strips) else Strip.blank(column_width, blank)
                    pieces.append(strip.adjust_cell_length(column_width, blank))
                lines.append(Strip.join(pieces))
        else:
            lines = self._header().render_strips(width, None, style, options)
            indent = Strip.blank(self.INDENT, blank)
            lines += [Strip.join([indent, strip]) for strip in body]
        lines = [line.adjust_cell_length(width, blank) for line in lines]
        return lines if height is None else lines[:height]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        body = self.body.get_height(rules, self._body_width(width))
        if width >= self.WIDE:
            return max(body, 1 if self.kind is None else 2)
        return self._header().get_height(rules, width) + body


class PublicationMarker(Visual):
    """An article's publication day among the meetings: ``── 14 Jan 2025: “Title” published
    ──``, on one line whatever the width: a title too long for it is shortened (…) rather
    than the marker's end wrapping onto a line of its own. Only where even a few letters of
    the title cannot fit does the marker wrap."""

    SHORTEST_TITLE = 8  # cells of title kept, with its ellipsis, before wrapping instead

    def __init__(self, day: str, title: str) -> None:
        self.day = day
        self.title = literal(title)  # one line: no line breaks, no control codes

    def __str__(self) -> str:
        return self.content(None).plain

    def content(self, width: int | None) -> Content:
        """The marker as drawn `width` cells wide (None: in full)."""
        head, tail = f"── {self.day}: ", " published ──"
        title = Content(self.title)
        if width is not None:
            room = width - cell_len(head) - cell_len(tail) - 2  # 2: the quotation marks
            if title.cell_length > room >= self.SHORTEST_TITLE:
                title = title.truncate(room, ellipsis=True)
        return Content.assemble(
            (head, "dim"),
            Content.assemble("“", title, "”").stylize("dim italic"),
            (tail, "dim"),
        )

    def render_strips(
        self, width: int, height: int | None, style: VisualStyle, options: RenderOptions
    ) -> list[Strip]:
        return self.content(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.content(width).get_height(rules, width)


class FilterLine(TypedLine):
    """The actor filter line: Esc here puts the filter back as it was before `/`."""

    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings("timeline.cancel_filter")

    def action_cancel_filter(self) -> None:
        screen = self.screen
        if isinstance(screen, TimelineScreen):
            screen.cancel_filter()


class TimelineList(TallList):
    """The meetings, one entry each: date, status, title; place and participants below;
    each article's publication day (a disabled row) where it falls.

    Entries are built only when drawn (`TallList`), and measured from their text when it
    fits its column (no layout), so opening over thousands of meetings costs their count.
    """

    def __init__(
        self, corpus: Corpus, heads: Mapping[str, tuple[str, date]], **kwargs: object
    ) -> None:
        super().__init__(**kwargs)
        self.corpus = corpus
        self.heads = heads  # each article's title and publication day
        self.several_articles = len(corpus.articles) > 1
        self.date_width = 7
        self._entries: Sequence[str | Published] = []
        self._empty: Content | None = None
        self._index: dict[str, int] = {}
        self._labels = DateLabels()
        # Meetings marked as the current item's (● its own, ◦ its members'), if any.
        self.marked: dict[str, str] = {}
        self.kinds: dict[str, Kind] = {}  # expected meetings: fulfilled, changed, open…
        # Rows' heights measured (`TimelineData.heights`: shared by the corpus's timelines).
        self.heights: dict[tuple[str | Published, int, bool], int] = {}

    def rows_change_layout(self) -> bool:
        # Its height is the screen's below the heading (1fr), however many rows it has.
        return False

    def show(
        self,
        rows: Sequence[str | Published],
        empty: Content | None = None,
        index: dict[str, int] | None = None,
    ) -> None:
        """Show these rows (meeting ids and publication days); `empty` when there are none;
        `index`, where each meeting is among them, when it is known already."""
        self._entries = rows
        self._empty = empty if not rows else None
        self._index = row_indexes(rows) if index is None else index
        self.set_rows(len(rows) if rows else (1 if empty is not None else 0))

    @property
    def rows(self) -> TimelineRows:
        """The rows as meetings and articles (each read when asked for)."""
        return TimelineRows(self.corpus, self._entries)

    def meeting_at(self, index: int) -> Meeting | None:
        row = self.meeting_id_at(index)
        return self.corpus.meetings[row] if row is not None else None

    def meeting_id_at(self, index: int) -> str | None:
        row = self._entries[index] if 0 <= index < len(self._entries) else None
        return row if isinstance(row, str) else None

    def index_of(self, meeting_id: str) -> int | None:
        return self._index.get(meeting_id)

    def prompts(self) -> list[Content | MeetingEntry | PublicationMarker]:
        """Every row as drawn, in order: O(n), for tests and tools, never for a key."""
        return [self.row_visual(index) for index in range(self.row_count)]

    # -- rows -----------------------------------------------------------------------------

    def row_enabled(self, index: int) -> bool:
        return 0 <= index < len(self._entries) and isinstance(self._entries[index], str)

    def row_visual(self, index: int) -> Content | MeetingEntry | PublicationMarker:
        if not self._entries:
            return self._empty or Content("")
        row = self._entries[index]
        if isinstance(row, Published):
            return self._published_marker(row.article)
        meeting = self.corpus.meetings[row]
        return self._prompt(meeting, self._status_source(meeting))

    def row_height(self, index: int, width: int) -> int:
        row = self._entries[index] if self._entries else None
        if row is None:
            return super().row_height(index, width)
        key = (row, width, bool(self.marked))
        height = self.heights.get(key)
        if height is None:
            if isinstance(row, str):
                height = self._fitting_height(self.corpus.meetings[row], width)
            if height is None:
                height = super().row_height(index, width)
            self.heights[key] = height
        return height

    def _fitting_height(self, meeting: Meeting, width: int) -> int | None:
        """The entry's height when every line fits its column (the usual case), else None."""
        lines = self._body_lines(meeting)
        when = _cells(self._labels(meeting))
        status = _cells(self._badge_text(meeting))
        if when is None or status is None:
            return None
        kind = self.kinds.get(meeting.id)
        kind_cells = cell_len(self._kind_text(kind)) if kind is not None else 0
        entry = MeetingEntry.measures(self.date_width)
        body_width = entry.body_width(width)
        if any(cells is None or cells > body_width for cells in lines):
            return None
        if width >= MeetingEntry.WIDE:
            if when > self.date_width or max(status, kind_cells) > entry.status_width:
                return None
            return max(len(lines), 1 if kind is None else 2)
        header = max(self.date_width - when + MeetingEntry.GAP, MeetingEntry.GAP)
        if kind is not None:
            status += 2 + kind_cells
        if when + header + status > width:
            return None
        return 1 + len(lines)

    def _body_lines(self, meeting: Meeting) -> list[int | None]:
        """The cells of each line of an entry's body: title, place and people, article."""
        title = _cells(meeting.title)
        if title is not None and self.marked:
            title += 2  # "● ", "◦ " or its blank
        lines = [title]
        details = self._details(meeting)
        if details:
            lines.append(_cells(details))
        head = self._status_source(meeting)
        if self.several_articles and head is not None:
            lines.append(_cells(f"in {head[0]}{self._as_of(head[1])}"))
        return lines

    def _details(self, meeting: Meeting) -> str:
        details: list[str] = []
        if meeting.where:
            details.append(meeting.where)
        found = (self.corpus.actor_name(p) for p in meeting.participants)
        names = [name for name in found if name is not None]
        if names:
            details.append("with " + ", ".join(names))
        return " · ".join(details)

    def _status_source(self, meeting: Meeting) -> tuple[str, date] | None:
        """The title and day of the article whose account gives the meeting's status: the
        newest that reports it (a meeting several articles report is one row)."""
        return self.heads.get(meeting.articles[-1] if meeting.articles else meeting.article)

    @staticmethod
    def _as_of(published: date) -> str:
        return f", status as of {published.day} {published:%b %Y}"

    @staticmethod
    def _kind_text(kind: Kind) -> str:
        return f"{KIND_MARKS[kind]} {kind}"

    @staticmethod
    def _badge_text(meeting: Meeting) -> str:
        return f"{STATUS_MARKS.get(meeting.status, '?')} {meeting.status}"

    def _published_marker(self, article: str) -> PublicationMarker:
        title, published = self.heads[article]
        return PublicationMarker(f"{published.day} {published:%b %Y}", title)

    def _prompt(self, meeting: Meeting, head: tuple[str, date] | None) -> MeetingEntry:
        status = meeting.status
        when = Content.styled(self._labels(meeting), "bold" if meeting.when else "dim italic")
        badge = Content.styled(self._badge_text(meeting), STATUS_STYLES.get(status, ""))
        parts: list[str | tuple[str, str]] = [(meeting.title, "bold")]
        how = self.marked.get(meeting.id)
        if how is not None:
            parts.insert(0, (DIRECT_MARK if how == "direct" else MEMBER_MARK, "bold $accent"))
        elif self.marked:
            parts.insert(0, "  ")
        details = self._details(meeting)
        if details:
            parts.append(("\n" + details, "dim"))
        if self.several_articles and head is not None:
            parts += [
                ("\nin ", "dim"),
                (head[0], "dim italic"),
                (self._as_of(head[1]), "dim"),
            ]
        kind = self.kinds.get(meeting.id)
        mark = (
            Content.styled(self._kind_text(kind), EXPECTATION_STYLES[kind])
            if kind is not None
            else None
        )
        return MeetingEntry(when, badge, Content.assemble(*parts), self.date_width, mark)


class TimelineScreen(LaidOutOnce, TruthfulHints, Screen[None]):
    """Meetings in date order; a filter narrows them to one actor's; Enter goes to one."""

    # Its styles are read as the screen's defaults, with its widgets' (as the picker's and the
    # search's): a screen's own CSS file is read when it first opens, and restyles every
    # widget of the app, the panes under it too (most of the first `t`).
    DEFAULT_CSS = Path(__file__).with_name("timeline.tcss").read_text(encoding="utf-8")

    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings(
        "timeline.close",
        "timeline.filter",
        "timeline.clear",
        "timeline.related",
        "timeline.down",
        "timeline.up",
        "timeline.first",
        "timeline.last",
    )
    HELP_CONTEXTS: ClassVar[tuple[str, ...]] = ("timeline",)

    actor_filter: var[ActorFilter | None] = var(None, init=False)
    only_marked: var[bool] = var(False, init=False)

    def __init__(
        self,
        corpus: Corpus,
        actor: str | None = None,
        *,
        cursor: str | None = None,
        visit: Visit | None = None,
        place: TimelinePlace | None = None,
        around: Ref | None = None,
        name: str | None = None,
        id: str | None = None,
    ) -> None:
        """Open filtered to `actor` (an id) with the cursor on meeting `cursor`, or at `place`.

        `around`: every meeting shown, the item's own marked (● its own, ◦ its members'), the
        cursor on the first of them; `r` then shows only those. `visit` is this screen's
        entry in the app's history, when it has one.
        """
        super().__init__(name=name, id=id)
        self.corpus = corpus
        data = self.data = timeline_data(corpus)
        self.names = data.names
        self.meetings = data.meetings
        self.kinds = data.kinds
        self.several_articles = len(corpus.articles) > 1
        self._date_width = data.date_width
        self._opened_at(visit=visit, place=place, around=around, actor=actor, cursor=cursor)

    def _opened_at(
        self,
        *,
        visit: Visit | None,
        place: TimelinePlace | None,
        around: Ref | None,
        actor: str | None = None,
        cursor: str | None = None,
    ) -> None:
        """What an opening starts from, the first (`__init__`) and each again (`reopen`)."""
        self.visit = visit
        self._start_place = place
        self._initial_actor = actor if actor is not None and actor in self.corpus.actors else None
        self.around = around
        self.marked = marked_meetings(self.corpus, around)
        if cursor is None and self.marked:
            cursor = next((m for m in self.data.ids if m in self.marked), None)
        self._start_cursor = cursor
        self._filter_before: tuple[ActorFilter | None, str] = (None, "")
        self._opening = True  # the cursor of the rows shown before (when reopened) is not kept

    @property
    def current_ref(self) -> Ref | None:
        """The meeting under the cursor: what "the item under the cursor" means here."""
        timeline = self.query_one(TimelineList)
        index = timeline.highlighted
        meeting = timeline.meeting_id_at(index) if index is not None else None
        return Ref("meeting", meeting) if meeting is not None else None

    def compose(self) -> ComposeResult:
        yield Static(id="timeline-heading")
        yield FilterLine(
            placeholder="actor name, alias or id (speaker:NAME works too): narrows as you type",
            id="timeline-filter",
        )
        timeline = TimelineList(self.corpus, self.data.heads, id="timeline-list")
        timeline.date_width = self._date_width
        timeline.marked = self.marked
        timeline.kinds = self.kinds
        timeline.heights = self.data.heights
        yield timeline
        yield FittedFooter()

    def location(self) -> Visit | None:
        """This screen's history entry (filtering and moving inside it are places)."""
        return self.visit

    @unless_closed
    def on_mount(self) -> None:
        self._start()

    def _start(self) -> None:
        """Show the rows the screen opens on: at its place, filtered to its actor, or all."""
        if self._start_place is not None:
            self._start_cursor = self._start_place.cursor
            self.set_reactive(TimelineScreen.only_marked, self._start_place.only_marked)
            self.actor_filter = self._start_place.actor_filter
        elif self._initial_actor is not None:
            actor = self._initial_actor
            self.actor_filter = ActorFilter((actor,), self.corpus.actor_name(actor) or actor)
        if self.actor_filter is None:
            self._refresh_list()
        self.query_one(TimelineList).focus()

    def reopen(
        self, *, visit: Visit | None, place: TimelinePlace | None, around: Ref | None
    ) -> None:
        """Open again, as a new screen opened with these would (the app keeps one timeline
        per corpus and shows it again: composing and styling a new one, then collecting the
        old one's widgets, was most of each `t` and of the Esc after it). Call it before the
        screen is shown; what it shows is worked out as `on_mount` does."""
        self._opened_at(visit=visit, place=place, around=around)
        self.set_reactive(TimelineScreen.actor_filter, None)
        self.set_reactive(TimelineScreen.only_marked, False)
        field = self.query_one("#timeline-filter", Input)
        with field.prevent(Input.Changed):
            field.value = ""
        field.remove_class("-shown")
        self.query_one(TimelineList).marked = self.marked
        self._start()
        self.refresh_bindings()

    # -- the list -------------------------------------------------------------------------

    def shown_meetings(self) -> list[Meeting]:
        """The meetings the current filter lets through, in timeline order (each read:
        O(n), for tests and tools; the list itself works from `shown_ids`)."""
        return list(TimelineMeetings(self.corpus, self.shown_ids()))

    def shown_ids(self) -> Sequence[str]:
        """The ids of the meetings the current filter lets through, in timeline order."""
        shown: Sequence[str] = self.data.ids
        if self.only_marked and self.marked:
            shown = [m for m in shown if m in self.marked]
        if self.actor_filter is None:
            return shown
        wanted: set[str] = set()
        for actor_id in self.actor_filter.actor_ids:
            wanted |= self.corpus.related(Ref("actor", actor_id), "meeting")
        return [m for m in shown if m in wanted]

    def watch_actor_filter(self) -> None:
        self._refresh_list()
        self.refresh_bindings()

    def watch_only_marked(self) -> None:
        self._refresh_list()

    def _refresh_list(self) -> None:
        timeline = self.query_one(TimelineList)
        previous = self.current_ref if timeline.row_count and not self._opening else None
        self._opening = False
        shown = self.shown_ids()
        data = self.data
        # Each article's publication day is marked where it falls: status is as of then.
        if shown is data.ids:  # the whole timeline: laid out once per corpus
            timeline.show(data.rows, self._empty_prompt(), data.row_index)
        else:
            rows = publication_rows(shown, data.starts, data.article_of, data.published)
            timeline.show(rows, self._empty_prompt())
        self._update_heading(len(shown))
        wanted = self._start_cursor or (previous.id if previous is not None else None)
        self._start_cursor = None
        index = timeline.index_of(wanted) if wanted is not None else None
        if index is None and shown:
            index = timeline.index_of(shown[0])
        if index is not None:
            timeline.highlighted = index
        timeline.scroll_to_highlight()
        self._record_place()

    def _empty_prompt(self) -> Content:
        if self.actor_filter is None:
            return Content.styled("No meeting (r shows all)", "dim italic")
        who = self.actor_filter.query
        if not self.actor_filter.actor_ids:
            return Content.assemble("No actor is named ", (who, "bold"), " — Esc: as it was")
        return Content.assemble("No meeting involves ", (who, "bold"), " — x clears the filter")

    def _marks_text(self) -> Content:
        """What the marks mean: "● 2 of China's, ◦ 5 through its members"."""
        if not self.marked or self.around is None:
            return Content("")
        name = (self.corpus.actor_name(self.around.id) or "") if self.around.kind == "actor" else ""
        direct = sum(how == "direct" for how in self.marked.values())
        members = len(self.marked) - direct
        if self.around.kind != "actor":
            text = f" · {DIRECT_MARK}this item's meeting"
        else:
            text = f" · {DIRECT_MARK}{direct} of {name}'s"
            if members:
                text += f", {MEMBER_MARK}{members} through its members"
        return Content.assemble(
            (text, "$text-accent"), " · r shows all" if self.only_marked else " · r only these"
        )

    def _update_heading(self, count: int) -> None:
        heading = self.query_one("#timeline-heading", Static)
        total = len(self.meetings)
        if self.actor_filter is None:
            counted = f"{count} of {total} meetings" if count != total else f"{total} meetings"
            heading.update(
                Content.assemble(
                    ("Timeline", "bold"), f" · {counted}", self._marks_text(), " · / filters"
                )
            )
            return
        found = (self.corpus.actor_name(a) for a in self.actor_filter.actor_ids)
        actor_names = [name for name in found if name is not None]
        shown_names = ", ".join(actor_names[:3])
        if len(actor_names) > 3:
            shown_names += f" and {len(actor_names) - 3} more"
        heading.update(
            Content.assemble(
                ("Timeline", "bold"),
                " · meetings of ",
                (shown_names, "bold $text-accent"),
                f" · {count} of {total} · x clears",
            )
        )

    # -- actions --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The footer offers only what acts: x with a filter on, r with marked meetings.
        if action == "clear_filter":
            return self.actor_filter is not None
        if action == "toggle_related":
            return bool(self.marked)
        if action == "edit_filter" and typing_into_line(self):
            return False
        return super().check_action(action, parameters)

    def action_cursor(self, direction: str) -> None:
        timeline = self.query_one(TimelineList)
        moves = {
            "down": timeline.action_cursor_down,
            "up": timeline.action_cursor_up,
            "first": timeline.action_first,
            "last": timeline.action_last,
        }
        moves[direction]()

    def action_toggle_related(self) -> None:
        self.only_marked = not self.only_marked

    def action_edit_filter(self) -> None:
        field = self.query_one("#timeline-filter", Input)
        self._filter_before = (self.actor_filter, field.value)
        field.add_class("-shown")
        if self.actor_filter is not None and not field.value:
            field.value = self.actor_filter.query
        self.set_focus(field)  # at once: the letters after `/` are already on their way
        self.refresh_bindings()

    def action_clear_filter(self) -> None:
        self.query_one("#timeline-filter", Input).value = ""
        self.actor_filter = None

    def filter_to(self, query: str, *, typing: bool = False) -> bool:
        """Narrow the timeline to the actors `query` names; False (and a notice) if none.

        While typing, a query that names no one yet leaves the list as it was (silently)."""
        if not query.strip():
            self.actor_filter = None
            return True
        actor_ids = self.names.resolve(query)
        self.actor_filter = ActorFilter(actor_ids, query.strip())
        if not actor_ids:
            self.query_one("#timeline-heading", Static).update(
                Content.assemble(
                    ("No actor is named ", "bold $text-error"),
                    (f"“{query.strip()}”", "bold"),
                    " · Esc: the list as it was",
                )
            )
            if not typing:
                self.app.bell()
            return False
        return True

    @on(Input.Changed, "#timeline-filter")
    def _narrow(self, event: Input.Changed) -> None:
        """As the quote search: the list narrows with each key typed."""
        event.stop()
        if event.input.has_focus:
            self.filter_to(event.value, typing=True)

    @on(Input.Submitted, "#timeline-filter")
    def _submit_filter(self, event: Input.Submitted) -> None:
        if self.filter_to(event.value):
            self._hide_filter()

    def _hide_filter(self) -> None:
        self.query_one("#timeline-filter", Input).remove_class("-shown")
        self.query_one(TimelineList).focus()
        self.refresh_bindings()

    def cancel_filter(self) -> None:
        """Leave the filter line, the filter back as it was before `/`."""
        field = self.query_one("#timeline-filter", Input)
        before, text = self._filter_before
        with field.prevent(Input.Changed):
            field.value = text
        self.actor_filter = before
        self._update_heading(len(self.shown_ids()))
        self._hide_filter()

    async def action_close(self) -> None:
        """Leave: back in the history, or just close."""
        field = self.query_one("#timeline-filter", Input)
        if field.has_focus:
            self.cancel_filter()
        elif self.visit is not None:
            await self.app.run_action("back")
        else:
            self.dismiss()

    @on(TallList.Highlighted, "#timeline-list")
    def _moved(self, event: TallList.Highlighted) -> None:
        event.stop()
        self._record_place()

    def _record_place(self) -> None:
        if self.visit is not None:
            cursor = self.current_ref
            place = TimelinePlace(
                self.actor_filter, cursor.id if cursor else None, self.only_marked
            )
            self.post_message(PlaceChanged(self.visit, place))

    @on(TallList.Selected, "#timeline-list")
    def _go(self, event: TallList.Selected) -> None:
        event.stop()
        meeting = self.query_one(TimelineList).meeting_at(event.index)
        if meeting is None:
            return
        ref = Ref("meeting", meeting.id)
        if isinstance(self.app, Navigator):
            self.app.goto(ref)
        else:
            self.notify(f"cannot go to {ref}: no main screen", severity="warning", markup=False)

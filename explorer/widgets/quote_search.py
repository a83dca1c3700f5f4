"""The quote search line of the main screen: `/` opens it, results narrow as each key is typed.

`QuoteSearch` is the widget (docked at the bottom): a list of hits with the matched words
highlighted, a count ("4 of 6 quotes") or the reason nothing matched, and the line itself.
Keys while typing: Up/Down recall earlier searches, Tab/Shift+Tab (or Ctrl+N/Ctrl+P) pick a
result, Enter goes to it, Esc closes and restores the view from before `/`.
After Enter the line folds into one status row; `n`/`N` then go to the next/previous result.

The main screen declares the keys that open and step through it (`/`, `n`, `N`). The engine is
`explorer.data.search`; its index comes from a `SearchIndexSource` handed in by the app (built
once, off the UI thread, by the loader). Once it is built, each keystroke's search runs at
once (a few milliseconds even at 10,000 articles); until then, in an exclusive worker, so
a slow, stale search never overwrites the results of a newer one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Unpack, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from explorer import keymap
from explorer.data import Corpus, Ref
from explorer.data.search import Hit, MatchKind, SearchResult
from explorer.data.text import clean_text
from explorer.services import SearchIndexSource
from explorer.widgets.options import WidgetOptions
from explorer.widgets.rows import literal, speaker_names
from explorer.widgets.tall_list import TallList
from explorer.widgets.typed_line import TypedLine

if TYPE_CHECKING:
    from textual.css.styles import RulesMap

# How many hits the list holds; the count always gives the total.
RESULT_LIMIT = 500
# Characters of a quote shown in a result row, a window around the first highlight.
SNIPPET_CHARS = 240
LEAD_CHARS = 40
HISTORY_SIZE = 100
HIGHLIGHT = "bold reverse"
STATUS_LINES = 2  # the count line's max-height (quote_search.tcss)

_SPACE = re.compile(r"\s+")


class QueryHistory:
    """Earlier searches of the session, recalled with Up/Down as a shell recalls commands."""

    def __init__(self, size: int = HISTORY_SIZE) -> None:
        self.size = size
        self.entries: list[str] = []
        self._position: int | None = None  # index into entries while recalling
        self._draft = ""

    def add(self, query: str) -> None:
        query = query.strip()
        if query:
            if query in self.entries:
                self.entries.remove(query)
            self.entries.append(query)
            del self.entries[: -self.size]
        self._position = None

    def older(self, current: str) -> str | None:
        if not self.entries:
            return None
        if self._position is None:
            self._draft = current
            self._position = len(self.entries)
        if self._position == 0:
            return None
        self._position -= 1
        return self.entries[self._position]

    def newer(self) -> str | None:
        if self._position is None:
            return None
        self._position += 1
        if self._position >= len(self.entries):
            self._position = None
            return self._draft
        return self.entries[self._position]

    def reset(self) -> None:
        self._position = None


def _visible(text: str) -> str:
    """A piece of a quote made safe for one row, its length unchanged where possible."""
    return _SPACE.sub(" ", clean_text(text))


def highlighted_text(text: str, ranges: Sequence[tuple[int, int]]) -> Content:
    """The quote (a window around its first match when long), matched words highlighted."""
    start = 0
    if ranges and len(text) > SNIPPET_CHARS and ranges[0][0] > LEAD_CHARS:
        start = ranges[0][0] - LEAD_CHARS
    end = min(len(text), start + SNIPPET_CHARS)
    parts: list[tuple[str, str] | str] = ["…" if start else "“"]
    cursor = start
    for first, last in ranges:
        first, last = max(first, cursor), min(last, end)
        if first >= last:
            continue
        parts.append(_visible(text[cursor:first]))
        parts.append((_visible(text[first:last]), HIGHLIGHT))
        cursor = last
    parts.append(_visible(text[cursor:end]))
    parts.append("…" if end < len(text) else "”")
    return Content.assemble(*parts)


def result_row(corpus: Corpus, hit: Hit) -> Content:
    """One result: the quote with its matches, then who said it, the kind, and near-ness."""
    quote = hit.quote
    article = corpus.articles.get(quote.article)
    about = [literal(speaker_names(corpus, quote), 60), quote.kind]
    if article is not None:
        about.append(f"{article.published.day} {article.published:%b %Y}")
    parts: list[tuple[str, str] | str | Content] = [
        highlighted_text(quote.text, hit.ranges),
        "\n",
        ("  " + " · ".join(about), "dim"),
    ]
    if hit.match is MatchKind.NEAR:
        parts.append(("  near match", "italic $warning"))
    return Content.assemble(*parts)


@dataclass(frozen=True, slots=True)
class _Shown:
    """A finished search: its text and result, ready for the UI thread."""

    query: str
    result: SearchResult


class SearchResults(TallList):
    """The hits of the current search; a click goes to one.

    A row is built (and measured) only when it is drawn: a typed letter costs the rows on
    screen, not the 500 listed.
    """

    EAGER_ROWS = 0

    def __init__(self, corpus: Corpus, **kwargs: Unpack[WidgetOptions]) -> None:
        super().__init__(**kwargs)
        self.corpus = corpus
        self.hits: list[Hit] = []

    def show(self, hits: list[Hit]) -> None:
        self.hits = hits
        self.set_rows(len(hits))

    def row_visual(self, index: int) -> Content:
        return result_row(self.corpus, self.hits[index])

    def rows_change_layout(self) -> bool:
        # Its height is its rows' lines up to its max-height: a typed letter whose hits
        # fill it as the last ones did (the usual case) leaves the screen's layout as it was.
        if not self.is_mounted or not self.display or self.styles.max_height is None:
            return True
        screen = self.screen.size
        limit = min(screen.height, int(self.styles.max_height.resolve(screen, screen)))
        self._measure_lines(limit + 1)
        return min(self._total_lines(), limit) != self.size.height

    def quote_ids(self) -> list[str]:
        """The quotes listed, in order."""
        return [hit.quote.id for hit in self.hits]

    def prompt_of(self, quote_id: str) -> Content:
        """The row of one listed quote as drawn (for tests and tools)."""
        return self.row_visual(self.quote_ids().index(quote_id))


class QuoteSearch(Vertical):
    """The search line with its results list and count (see the module docstring)."""

    # Styles live in their .tcss file; unscoped, so they can follow the screen's size classes.
    DEFAULT_CSS = Path(__file__).with_name("quote_search.tcss").read_text(encoding="utf-8")
    SCOPED_CSS = False

    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings(
        "search.cancel",
        "search.recall",
        "search.recall_later",
        "search.pick",
        "search.pick_previous",
    )

    class Goto(Message):
        """The user chose a result: show this quote."""

        def __init__(self, ref: Ref) -> None:
            super().__init__()
            self.ref = ref

    class Cancelled(Message):
        """The user closed the search line without choosing: restore the earlier view."""

    def __init__(
        self, corpus: Corpus, index: SearchIndexSource, **kwargs: Unpack[WidgetOptions]
    ) -> None:
        super().__init__(**kwargs)
        self.corpus = corpus
        self._index = index
        self.history = QueryHistory()
        self.result: SearchResult | None = None
        self.position = 0  # index of the chosen hit in result.hits
        self.accepted = False  # Enter was pressed: n/N move, the line is folded
        self._recalled: str | None = None
        self._listed: _Shown | None = None  # the search whose hits the list holds

    def compose(self) -> ComposeResult:
        yield SearchResults(self.corpus, id="search-results")
        yield Static(id="search-status", markup=False)
        yield TypedLine(
            placeholder='words, "a phrase", -word, speaker:, meeting:, kind:, article:',
            id="search-line",
            compact=True,
        )

    # -- the parts ------------------------------------------------------------------------

    @property
    def line(self) -> Input:
        return self.query_one("#search-line", Input)

    @property
    def results(self) -> SearchResults:
        return self.query_one(SearchResults)

    @property
    def status(self) -> Static:
        return self.query_one("#search-status", Static)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    @property
    def hits(self) -> list[Hit]:
        return self.result.hits if self.result is not None else []

    @property
    def current_ref(self) -> Ref | None:
        hits = self.hits
        return hits[self.position].ref if 0 <= self.position < len(hits) else None

    # -- calls down from the screen -------------------------------------------------------

    def open(self) -> None:
        """Show the line, focused; the last query stays, selected, to edit or type over."""
        self.accepted = False
        self.history.reset()
        self.set_class(True, "-open")
        self.set_class(False, "-accepted")
        self.screen.set_focus(self.line)
        if not self.line.value:
            return
        listed = self._listed
        if listed is not None and listed.query == self.line.value and listed.result is self.result:
            self._from_the_top()  # its hits are listed still: not searched and built again
        else:
            self.run_search(self.line.value)

    def close(self) -> None:
        self.accepted = False
        self.set_class(False, "-open", "-accepted")

    def step(self, delta: int) -> Ref | None:
        """Move to the next (1) or previous (-1) result, round the ends; returns its ref."""
        hits = self.hits
        if not hits:
            return None
        self.position = (self.position + delta) % len(hits)
        self._show_position()
        return self.current_ref

    # -- typing ---------------------------------------------------------------------------

    @on(Input.Changed, "#search-line")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value != self._recalled:
            self.history.reset()  # the user typed: Up starts again from the newest
        self.run_search(event.value)

    def run_search(self, query: str) -> None:
        """Search and show the results: here, once the index is built (a query takes a few
        milliseconds, less than handing it to a thread and back); before, in a worker."""
        if not self._index.ready:
            self._search_in_thread(query)
            return
        self.workers.cancel_group(self, "quote-search")
        self._show(_Shown(query, self._index.get().search(query, limit=RESULT_LIMIT)))

    @work(exclusive=True, thread=True, group="quote-search")
    def _search_in_thread(self, query: str) -> None:
        """Search while the index is built; a newer keystroke cancels this one before it can
        show."""
        result = self._index.get().search(query, limit=RESULT_LIMIT)
        if get_current_worker().is_cancelled:
            return
        self.app.call_from_thread(self._show, _Shown(query, result))

    def _show(self, shown: _Shown) -> None:
        if shown.query != self.line.value:
            return  # typed over since: a newer search is on its way
        self.result = shown.result
        self._listed = shown
        results = self.results
        results.show(shown.result.hits)
        results.set_class(not shown.result.hits, "-empty")
        self._from_the_top()

    def _from_the_top(self) -> None:
        """The first hit chosen, the list at its top."""
        self.position = 0
        if self.hits:
            self.results.highlighted = 0
            self.results.scroll_to_highlight()
        self._show_position()

    def _show_position(self) -> None:
        result = self.result
        if result is None:
            self.status.update("")
            return
        if result.hits:
            total = result.count_label()
            count = f"{self.position + 1} of {total}"
            if len(result.hits) < result.total:
                count += f" (first {len(result.hits)} listed)"
            parts: list[tuple[str, str] | str] = [(count, "bold")]
            if result.near and result.message:
                parts += ["  ", (result.message, "$warning")]
            if self.accepted:
                parts += ["  ", (f"/{literal(result.query.text, 40)}", "dim")]
                parts += [("   n next · N previous · / edit · Esc close", "dim")]
            if self.results.row_count:
                self.results.highlighted = self.position
            self._set_status(Content.assemble(*parts))
        else:
            self._set_status(Content.styled(result.message or "No quotes match", "$warning"))

    def _set_status(self, text: Content) -> None:
        """Show the count (or why nothing matched); the screen is laid out again only when
        the line's height changes (a count replacing a count of one line leaves it as it
        was, and Textual's layout redraws the whole screen)."""
        status = self.status
        width = status.size.width
        if not status.is_mounted or not status.display or width <= 0:
            status.update(text)
            return
        rules = cast("RulesMap", status.styles)  # what a visual is measured by
        height = min(text.get_height(rules, width), STATUS_LINES)
        status.update(text, layout=height != status.size.height)

    # -- keys while typing ----------------------------------------------------------------

    def action_recall(self, step: int) -> None:
        value = self.history.older(self.line.value) if step < 0 else self.history.newer()
        if value is None:
            self.app.bell()
            return
        self._recalled = value
        self.line.value = value
        self.line.cursor_position = len(value)

    def action_pick(self, step: int) -> None:
        if self.step(step) is None:
            self.app.bell()

    def action_cancel(self) -> None:
        self.history.add(self.line.value)
        self.close()
        self.post_message(self.Cancelled())

    @on(Input.Submitted, "#search-line")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.history.add(event.value)
        if self.result is None or self.result.query.text != event.value:
            # Enter before the worker answered: search now, in this thread, and go.
            self.result = self._index.get().search(event.value, limit=RESULT_LIMIT)
            self.position = 0
        self._accept()

    @on(TallList.Selected, "#search-results")
    def _clicked(self, event: TallList.Selected) -> None:
        event.stop()
        self.position = event.index
        self.history.add(self.line.value)
        self._accept()

    def _accept(self) -> None:
        ref = self.current_ref
        if ref is None:
            self._show_position()  # says why nothing matched; the line stays open
            self.app.bell()
            return
        self.accepted = True
        self.set_class(True, "-accepted")
        self._show_position()
        self.post_message(self.Goto(ref))


__all__ = [
    "QueryHistory",
    "QuoteSearch",
    "SearchResults",
    "highlighted_text",
    "result_row",
]

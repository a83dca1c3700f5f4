"""Expectations followed up: every planned or expected meeting, grouped by what became of it.

Each group (fulfilled, changed, open, overdue; `explorer.data.expectations`) lists its
meetings with the sentence of the article that expected each one and, when a later article
followed it up, that article's sentence too. Enter goes to the meeting on the main screen
(recorded in the history); back returns here, on the same row.

History entry: `Visit(None, "expectations")`; its place is the meeting under the cursor.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.css.styles import RulesMap
from textual.screen import Screen
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import RenderOptions, Visual
from textual.widgets import Static

from explorer import keymap
from explorer.data import Corpus, Ref
from explorer.data.expectations import (
    KIND_MARKS,
    KIND_MEANINGS,
    KINDS,
    Account,
    Expectation,
    Expectations,
    Kind,
    expectations,
)
from explorer.history import Visit
from explorer.screens.closing import unless_closed
from explorer.widgets.hints import FittedFooter, TruthfulHints
from explorer.widgets.provenance import Navigator, PlaceChanged
from explorer.widgets.rows import literal
from explorer.widgets.tall_list import TallList

KIND_STYLES: dict[Kind, str] = {
    "fulfilled": "$text-success",
    "changed": "$text-warning",
    "open": "$text-accent",
    "overdue": "bold $text-error",
}
HEADINGS: dict[Kind, str] = {
    "fulfilled": "Fulfilled",
    "changed": "Changed",
    "open": "Open",
    "overdue": "Overdue",
}


def _day(account: Account) -> str:
    return f"{account.published.day} {account.published:%b %Y}"


class Indented(Visual):
    """Lines of text, each wrapped within its own indent (a heading, then its details)."""

    def __init__(self, parts: list[tuple[Content, int]]) -> None:
        self.parts = parts

    def render_strips(
        self, width: int, height: int | None, style: VisualStyle, options: RenderOptions
    ) -> list[Strip]:
        blank = style.rich_style
        lines: list[Strip] = []
        for content, indent in self.parts:
            inner = max(width - indent, 1)
            for strip in content.render_strips(inner, None, style, options):
                line = Strip.join([Strip.blank(indent, blank), strip]) if indent else strip
                lines.append(line.adjust_cell_length(width, blank))
        return lines if height is None else lines[:height]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        return sum(
            max(content.get_height(rules, max(width - indent, 1)), 1)
            for content, indent in self.parts
        )


def account_parts(account: Account, indent: int = 4) -> list[tuple[Content, int]]:
    """What one article said: its status and date, the article, then its sentence."""
    parts = [
        (
            Content.assemble(
                (account.said, "bold"),
                ", in ",
                (f"“{literal(account.article_title)}”", "italic"),
                (f", {_day(account)}", "dim"),
            ),
            indent,
        )
    ]
    if account.sentence:
        parts.append((Content.styled(f"“{literal(account.sentence)}”", "italic"), indent + 2))
    return parts


def entry(item: Expectation) -> Indented:
    """One expectation: mark, title and date; then what each article said."""
    style = KIND_STYLES[item.kind]
    head: list[str | tuple[str, str]] = [
        (f"{KIND_MARKS[item.kind]} ", style),
        (literal(item.title), "bold"),
        (f"  due {item.due.human()}" if item.due else "  no date given", "dim"),
    ]
    if item.change is not None:
        head.append((f" · {item.change}", KIND_STYLES["changed"]))
    parts = [(Content.assemble(*head), 0), *account_parts(item.expected)]
    if item.outcome is not None:
        parts += account_parts(item.outcome)
    elif item.kind == "overdue":
        parts.append((Content.styled("no later article reports it", "dim italic"), 4))
    return Indented(parts)


def heading(kind: Kind, count: int, first: bool = True) -> Content:
    """A kind's heading row; a blank line sets off every one but the first."""
    return Content.assemble(
        "" if first else "\n",
        (f"{HEADINGS[kind]} · {count}", f"{KIND_STYLES[kind]} underline"),
        (f" — {KIND_MEANINGS[kind]}", "dim"),
    )


class ExpectationList(TallList):
    """The expectations by kind: a heading row for each kind (the cursor skips it), then a
    row for each meeting. Rows are built only when drawn."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.rows: list[Expectation | Kind] = []
        self.counts: dict[Kind, int] = {}
        self._empty: Content | None = None
        self._index: dict[str, int] = {}

    def show(self, found: Expectations | None) -> None:
        """Show `found` (None: still being worked out)."""
        rows: list[Expectation | Kind] = []
        if found is not None:
            self.counts = found.counts()
            for kind in KINDS:
                items = found.of_kind(kind)
                if items:
                    rows += [kind, *items]
        self.rows = rows
        self._index = {row.meeting: n for n, row in enumerate(rows) if isinstance(row, Expectation)}
        if found is None:
            self._empty = Content.styled("Following up the expected meetings…", "dim italic")
        elif not rows:
            self._empty = Content.styled(
                "No article calls any meeting planned or expected.", "dim italic"
            )
        else:
            self._empty = None
        self.set_rows(len(rows) if rows else 1)

    def expectation_at(self, index: int | None) -> Expectation | None:
        if index is None or not 0 <= index < len(self.rows):
            return None
        row = self.rows[index]
        return row if isinstance(row, Expectation) else None

    def index_of(self, meeting_id: str) -> int | None:
        return self._index.get(meeting_id)

    def row_enabled(self, index: int) -> bool:
        return self.expectation_at(index) is not None

    def row_visual(self, index: int) -> Visual | Content:
        if not self.rows:
            return self._empty or Content("")
        row = self.rows[index]
        if isinstance(row, Expectation):
            return entry(row)
        return heading(row, self.counts.get(row, 0), first=index == 0)


class ExpectationsScreen(TruthfulHints, Screen[None]):
    """Every planned or expected meeting, by kind; Enter goes to one."""

    CSS_PATH = "expectations.tcss"

    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings("expectations.close")
    HELP_CONTEXTS: ClassVar[tuple[str, ...]] = ("expectations",)

    def __init__(
        self,
        corpus: Corpus,
        *,
        visit: Visit | None = None,
        cursor: str | None = None,
        name: str | None = None,
        id: str | None = None,
    ) -> None:
        """`cursor`: the meeting to put the cursor on (where the user left this screen).
        `visit` is this screen's entry in the app's history, when it has one."""
        super().__init__(name=name, id=id)
        self.corpus = corpus
        self.visit = visit
        self._start_cursor = cursor
        self.found: Expectations | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content.styled("Expectations", "bold"), id="expectations-heading")
        yield ExpectationList(id="expectations-list")
        yield FittedFooter()

    def location(self) -> Visit | None:
        """This screen's history entry (moving inside it is a place, not an entry)."""
        return self.visit

    @property
    def current_ref(self) -> Ref | None:
        """The meeting under the cursor."""
        listing = self.query_one(ExpectationList)
        item = listing.expectation_at(listing.highlighted)
        return item.ref if item is not None else None

    @unless_closed
    def on_mount(self) -> None:
        listing = self.query_one(ExpectationList)
        listing.show(None)
        listing.focus()
        self._follow_up()

    @work(thread=True, exclusive=True, group="expectations", exit_on_error=False)
    def _follow_up(self) -> None:
        """Worked out off the UI thread (a thousand articles take a moment), once a corpus."""
        found = expectations(self.corpus)
        self.app.call_from_thread(self._show, found)

    def _show(self, found: Expectations) -> None:
        if not self.is_attached:
            return
        self.found = found
        listing = self.query_one(ExpectationList)
        listing.show(found)
        self._update_heading(found)
        wanted = listing.index_of(self._start_cursor) if self._start_cursor else None
        first = next((n for n in range(len(listing.rows)) if listing.row_enabled(n)), None)
        index = wanted if wanted is not None else first
        if index is not None:
            listing.highlighted = index
            listing.scroll_to_highlight()
        self._record_place()

    def _update_heading(self, found: Expectations) -> None:
        counts = found.counts()
        parts: list[str | tuple[str, str]] = [("Expectations", "bold")]
        if found.as_of is not None:
            parts.append(f" as of {found.as_of.day} {found.as_of:%b %Y}")
        for kind in KINDS:  # the kinds there are (each group's heading counts it too)
            if counts[kind]:
                parts += [" · ", (f"{KIND_MARKS[kind]} {counts[kind]} {kind}", KIND_STYLES[kind])]
        self.query_one("#expectations-heading", Static).update(Content.assemble(*parts))

    # -- moving and going -----------------------------------------------------------------

    @on(TallList.Highlighted, "#expectations-list")
    def _moved(self, event: TallList.Highlighted) -> None:
        event.stop()
        self._record_place()

    def _record_place(self) -> None:
        if self.visit is not None:
            cursor = self.current_ref
            self.post_message(PlaceChanged(self.visit, cursor.id if cursor else None))

    @on(TallList.Selected, "#expectations-list")
    def _go(self, event: TallList.Selected) -> None:
        event.stop()
        item = self.query_one(ExpectationList).expectation_at(event.index)
        if item is None:
            return
        if isinstance(self.app, Navigator):
            self.app.goto(item.ref)
        else:
            self.notify(
                f"cannot go to {item.ref}: no main screen", severity="warning", markup=False
            )

    async def action_close(self) -> None:
        """Leave: back in the history, or just close."""
        if self.visit is not None:
            await self.app.run_action("back")
        else:
            self.dismiss()

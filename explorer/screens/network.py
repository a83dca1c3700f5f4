"""Who met whom: the actors one actor met at shared meetings, one and two steps away.

The rows: a heading for each step, then each actor reached (most shared meetings first) and,
under it, the meetings that link it inward (with whom, when that is not the centre). Enter on
an actor centres the network on it; on a meeting, opens it on the main screen; both are
jumps of the app's history. The network is worked out in a thread from the relation
indexes (`explorer.data.network`), never by reading every meeting; long lists are cut and
say how many more there are.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Literal
from weakref import WeakKeyDictionary

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Spacing
from textual.screen import Screen
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import Padding, RenderOptions, Visual
from textual.widgets import Static

from explorer import keymap
from explorer.data import Corpus, Ref
from explorer.data.network import Contact, Network, neighbourhood
from explorer.data.text import plural
from explorer.history import Visit
from explorer.screens.closing import unless_closed
from explorer.services import NetworkNavigation
from explorer.widgets.hints import FittedFooter, TruthfulHints
from explorer.widgets.provenance import PlaceChanged
from explorer.widgets.rows import ROW_CHARS, literal
from explorer.widgets.tall_list import TallList

ACTORS_SHOWN = 40  # of each step
MEETINGS_SHOWN = 3  # under each actor
VIA_SHOWN = 2  # names of "via …"
INDENT = 4  # a meeting under its actor
STEP_STYLE = "bold $text-primary"
STEP_NAMES = {1: "One step away", 2: "Two steps away"}
NETWORKS_KEPT = 16

RowKind = Literal["step", "actor", "meeting", "more", "empty"]
Piece = tuple[str, str]  # text, style: shown literally (never markup)


@dataclass(frozen=True, slots=True)
class NetworkRow:
    """One row: a step's heading, an actor, a meeting under it, or a note ("N more")."""

    kind: RowKind
    pieces: tuple[Piece, ...]
    ref: Ref | None = None
    indent: int = 0  # cells before the row, and before each line it wraps onto
    when: str | None = None  # a meeting's date, in a column of its own when there is room

    @property
    def enabled(self) -> bool:
        return self.ref is not None

    def visual(self) -> Visual:
        content = Content.assemble(*self.pieces)
        visual: Visual = content
        if self.when is not None:
            visual = DatedLine(Content.styled(self.when, "$text-primary"), content)
        return Padding(visual, Spacing(0, 0, 0, self.indent)) if self.indent else visual

    def __str__(self) -> str:
        when = f"{self.when:<{DatedLine.DATE - 1}} " if self.when is not None else ""
        return " " * self.indent + when + "".join(text for text, _ in self.pieces)


class DatedLine(Visual):
    """A date, then text: wide, the date in a column and the text wrapping beside it; narrow,
    one run of text after the date."""

    DATE = 15  # cells of the date column ("13–17 Jan 2025" and a space)
    COLUMNS = 60  # the width from which the date has a column

    def __init__(self, when: Content, text: Content) -> None:
        self.when = when
        self.text = text

    def _inline(self) -> Content:
        return Content.assemble(self.when, " ", self.text)

    def render_strips(
        self, width: int, height: int | None, style: VisualStyle, options: RenderOptions
    ) -> list[Strip]:
        if width < self.COLUMNS:
            return self._inline().render_strips(width, height, style, options)
        blank = style.rich_style
        dates = self.when.render_strips(self.DATE - 1, None, style, options)
        texts = self.text.render_strips(width - self.DATE, None, style, options)
        lines = []
        for y, strip in enumerate(texts or [Strip.blank(width - self.DATE, blank)]):
            date = dates[0] if y == 0 and dates else Strip.blank(self.DATE - 1, blank)
            left = Strip.join(
                [date.adjust_cell_length(self.DATE - 1, blank), Strip.blank(1, blank)]
            )
            lines.append(Strip.join([left, strip]).adjust_cell_length(width, blank))
        return lines if height is None else lines[:height]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        if width < self.COLUMNS:
            return self._inline().get_height(rules, width)
        return max(self.text.get_height(rules, width - self.DATE), 1)


@dataclass(frozen=True, slots=True)
class NetworkView:
    """A network as the screen shows it: its heading and rows, worked out off the UI thread."""

    network: Network
    heading: tuple[Piece, ...]
    rows: tuple[NetworkRow, ...]


_kept: WeakKeyDictionary[Corpus, OrderedDict[str, NetworkView]] = WeakKeyDictionary()
_keeping = threading.Lock()


def network_view(corpus: Corpus, actor_id: str) -> NetworkView:
    """The view of `actor_id`'s network, two steps out (the last few kept per corpus: back
    and forward between networks do not walk them again)."""
    with _keeping:
        kept = _kept.setdefault(corpus, OrderedDict())
        view = kept.get(actor_id)
        if view is not None:
            kept.move_to_end(actor_id)
            return view
    view = _build(corpus, neighbourhood(corpus, actor_id, 2))
    with _keeping:
        kept[actor_id] = view
        while len(kept) > NETWORKS_KEPT:
            kept.popitem(last=False)
    return view


def _name(corpus: Corpus, actor_id: str) -> str:
    actor = corpus.actors.get(actor_id)
    return literal(actor.name if actor is not None else actor_id, ROW_CHARS)


def _names(corpus: Corpus, actor_ids: tuple[str, ...], shown: int = VIA_SHOWN) -> str:
    names = ", ".join(_name(corpus, a) for a in actor_ids[:shown])
    if len(actor_ids) > shown:
        names += f" and {len(actor_ids) - shown} more"
    return names


def _build(corpus: Corpus, network: Network) -> NetworkView:
    centre = _name(corpus, network.centre)
    meetings = len(network.meetings)
    heading: list[Piece] = [
        ("Who met whom", "bold"),
        (" · ", ""),
        (centre, "bold $text-accent"),
        (f" · {plural(meetings, 'meeting')}", ""),
    ]
    theirs = len(network.through)
    if theirs:
        whose = "all its members'" if theirs == meetings else f"{theirs} of them its members'"
        heading.append((f" ({whose})", "dim"))
    counts = [plural(len(network.ring(step)), "actor") for step in (1, 2)]
    heading.append((f" · met {counts[0]}, {counts[1]} two steps away", ""))
    if not network.complete:
        heading.append(
            (
                f" · stopped after {network.meetings_read} meetings read: some may be missing",
                "$text-warning",
            )
        )
    if network.ring(1):
        heading.append((" · Enter follows", "dim"))
    rows: list[NetworkRow] = []
    if not network.ring(1):
        why = "took part in no meeting" if not meetings else "shared no meeting with anyone"
        rows.append(NetworkRow("empty", ((f"{centre} {why}", "dim italic"),)))
    for step in (1, 2):
        ring = network.ring(step)
        if not ring:
            if step == 2 and network.ring(1) and network.complete:
                none = "none: those it met met no one else"
                rows.append(
                    NetworkRow("step", ((STEP_NAMES[step], STEP_STYLE), (f" · {none}", "dim")))
                )
            continue
        whom = centre if step == 1 else "those one step away"
        rows.append(
            NetworkRow(
                "step",
                (
                    (STEP_NAMES[step], STEP_STYLE),
                    (f" · met {whom}", ""),
                    (f" · {plural(len(ring), 'actor')}", "dim"),
                ),
            )
        )
        for contact in ring[:ACTORS_SHOWN]:
            rows += _contact_rows(corpus, network, contact)
        if len(ring) > ACTORS_SHOWN:
            rows.append(
                NetworkRow(
                    "more",
                    (
                        (
                            f"… and {len(ring) - ACTORS_SHOWN} more actors {STEP_NAMES[step].lower()}",
                            "dim italic",
                        ),
                    ),
                )
            )
    return NetworkView(network, tuple(heading), tuple(rows))


def _contact_rows(corpus: Corpus, network: Network, contact: Contact) -> list[NetworkRow]:
    actor = corpus.actors.get(contact.actor)
    kind = ""
    if actor is not None:
        kind = actor.kind if not actor.role else f"{actor.kind}, {actor.role}"
    meetings = contact.meetings
    pieces: list[Piece] = [
        (_name(corpus, contact.actor), "bold"),
        (f"  {literal(kind, ROW_CHARS)}" if kind else "", "dim"),
        (f" · {plural(len(meetings), 'meeting')}", "dim"),
    ]
    if contact.step > 1:
        pieces.append((f" · via {_names(corpus, contact.via)}", "dim"))
    rows = [NetworkRow("actor", tuple(pieces), Ref("actor", contact.actor))]
    for meeting_id in meetings[:MEETINGS_SHOWN]:
        meeting = corpus.meetings.get(meeting_id)
        if meeting is None:
            continue
        when = meeting.when.human() if meeting.when else "no date"
        via = tuple(
            dict.fromkeys(a for m, a in contact.links if m == meeting_id and a != network.centre)
        )
        row: list[Piece] = [
            (literal(meeting.title, ROW_CHARS), ""),
            (f"  {meeting.status}", "dim"),
        ]
        if via:
            row.append((f" · with {_names(corpus, via)}", "dim"))
        rows.append(
            NetworkRow("meeting", tuple(row), Ref("meeting", meeting_id), INDENT, when=when)
        )
    if len(meetings) > MEETINGS_SHOWN:
        more = len(meetings) - MEETINGS_SHOWN
        more_pieces: tuple[Piece, ...] = ((f"… and {plural(more, 'more meeting')}", "dim italic"),)
        rows.append(NetworkRow("more", more_pieces, indent=INDENT))
    return rows


class NetworkList(TallList):
    """The network's rows: headings and notes are text, actors and meetings are choices."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.rows: tuple[NetworkRow, ...] = ()

    def show(self, rows: tuple[NetworkRow, ...]) -> None:
        self.rows = rows
        self.set_rows(len(rows))

    def row_at(self, index: int | None) -> NetworkRow | None:
        return self.rows[index] if index is not None and 0 <= index < len(self.rows) else None

    def row_enabled(self, index: int) -> bool:
        row = self.row_at(index)
        return row is not None and row.enabled

    def row_visual(self, index: int) -> Visual:
        row = self.row_at(index)
        return row.visual() if row is not None else Content("")


class NetworkScreen(TruthfulHints, Screen[None]):
    """One actor's network; Enter follows an actor (its own network) or opens a meeting."""

    CSS_PATH = "network.tcss"

    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings(
        "network.close", "network.down", "network.up", "network.first", "network.last"
    )
    HELP_CONTEXTS: ClassVar[tuple[str, ...]] = ("network",)

    def __init__(
        self,
        corpus: Corpus,
        actor_id: str,
        *,
        navigation: NetworkNavigation | None = None,
        visit: Visit | None = None,
        place: int | None = None,
        name: str | None = None,
        id: str | None = None,
    ) -> None:
        """`actor_id`'s network; `visit` is this screen's history entry, `place` the row the
        cursor was on when the user left it."""
        super().__init__(name=name, id=id)
        self.corpus = corpus
        self.actor_id = actor_id
        self.navigation = navigation
        self.visit = visit
        self._start_row = place
        self.view: NetworkView | None = None

    def compose(self) -> ComposeResult:
        heading = Content.assemble(
            ("Who met whom", "bold"),
            " · ",
            (_name(self.corpus, self.actor_id), "bold $text-accent"),
            (" · working it out…", "dim italic"),
        )
        yield Static(heading, id="network-heading")
        yield NetworkList(id="network-list")
        yield FittedFooter()

    @unless_closed
    def on_mount(self) -> None:
        self.query_one(NetworkList).focus()
        self._work_out()

    @work(thread=True, exclusive=True, group="network", exit_on_error=False)
    def _work_out(self) -> None:
        try:
            view = network_view(self.corpus, self.actor_id)
        except Exception as failure:  # a damaged index, a file gone: said, not hung on
            self.app.call_from_thread(self._failed, str(failure) or type(failure).__name__)
            raise
        self.app.call_from_thread(self._show, view)

    def _failed(self, why: str) -> None:
        if self.is_attached:
            self.query_one("#network-heading", Static).update(
                Content.assemble(
                    ("Who met whom", "bold"),
                    " · ",
                    (_name(self.corpus, self.actor_id), "bold $text-accent"),
                    (f" · could not be worked out: {literal(why, ROW_CHARS)}", "$text-error"),
                )
            )

    def _show(self, view: NetworkView) -> None:
        if not self.is_attached:
            return
        self.view = view
        self.query_one("#network-heading", Static).update(Content.assemble(*view.heading))
        network_list = self.query_one(NetworkList)
        network_list.show(view.rows)
        start = self._start_row
        if start is not None and network_list.row_enabled(start):
            network_list.highlighted = start
        else:
            network_list.action_first()
        network_list.scroll_to_highlight()

    @property
    def ready(self) -> bool:
        """The network is worked out and shown."""
        return self.view is not None

    @property
    def current_ref(self) -> Ref | None:
        """The actor or meeting under the cursor: "the item under the cursor" here."""
        network_list = self.query_one(NetworkList)
        row = network_list.row_at(network_list.highlighted)
        return row.ref if row is not None else None

    def rows(self) -> list[str]:
        """Every row as plain text, in order (for tests and tools)."""
        return [str(row) for row in self.query_one(NetworkList).rows]

    def location(self) -> Visit | None:
        """This screen's history entry (moving inside it is a place, not an entry)."""
        return self.visit

    # -- actions --------------------------------------------------------------------------

    def action_cursor(self, direction: str) -> None:
        network_list = self.query_one(NetworkList)
        moves: dict[str, Callable[[], None]] = {
            "down": network_list.action_cursor_down,
            "up": network_list.action_cursor_up,
            "first": network_list.action_first,
            "last": network_list.action_last,
        }
        moves[direction]()

    async def action_close(self) -> None:
        """Leave: back in the history, or just close."""
        if self.visit is not None:
            await self.app.run_action("back")
        else:
            self.dismiss()

    @on(TallList.Highlighted, "#network-list")
    def _moved(self, event: TallList.Highlighted) -> None:
        event.stop()
        if self.visit is not None:
            self.post_message(PlaceChanged(self.visit, event.index))

    @on(TallList.Selected, "#network-list")
    def _follow(self, event: TallList.Selected) -> None:
        event.stop()
        row = self.query_one(NetworkList).row_at(event.index)
        if row is None or row.ref is None:
            return
        if self.navigation is None:
            self.notify(
                f"cannot go to {row.ref}: no history here", severity="warning", markup=False
            )
        elif row.ref.kind == "actor":
            self.navigation.show_network(row.ref.id)
        else:
            self.navigation.goto(row.ref)

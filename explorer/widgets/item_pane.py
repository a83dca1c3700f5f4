"""One list of items (actors, meetings or quotes), linked to the item under the cursor elsewhere.

The pane knows the corpus only through `Corpus` (no store, no TinyDB). The screen calls down
with `relate_to()`; the pane posts `CursorMoved` up when the user moves in it and `Opened`
when the user presses Enter on an item.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Unpack
from weakref import WeakKeyDictionary

from textual.binding import BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive

from explorer import keymap
from explorer.data import Corpus, ItemKind, Ref
from explorer.data.index import IndexedCorpus
from explorer.services import NoteLookup
from explorer.widgets.keys import LIST_KEYS
from explorer.widgets.note_marks import row_mark
from explorer.widgets.options import WidgetOptions
from explorer.widgets.row_order import RowOrder
from explorer.widgets.rows import (
    KIND_TITLES,
    actor_head_row,
    item_row,
    literal,
    ref_label,
    sort_items,
)
from explorer.widgets.virtual_list import VirtualList

RELATED_MARK = "● "
MEMBER_MARK = "◦ "  # related through a member (a country's minister, an army's command)
PLAIN_MARK = "  "
ROWS_CACHED = 1024  # rows of a pane kept built (a few screens of each pane)


@dataclass(frozen=True, slots=True)
class PaneOrder:
    """A pane's own order: every id of its kind, and each id's place in it."""

    ids: list[str]
    position: dict[str, int]


_orders: WeakKeyDictionary[Corpus, dict[str, PaneOrder]] = WeakKeyDictionary()
_ordering = threading.Lock()


def pane_order(corpus: Corpus, kind: ItemKind) -> PaneOrder:
    """The order a pane of `kind` lists its items, made once per corpus (by the loader's
    worker, before the panes are built). From a persisted index only the ids are read (in
    the order stored at import); an in-memory corpus is sorted here."""
    with _ordering:
        known = _orders.setdefault(corpus, {})
        order = known.get(kind)
        if order is None:
            if isinstance(corpus, IndexedCorpus):
                ids = corpus.ids(kind)
                position = corpus.positions(kind)
            else:
                ids = [item.id for item in sort_items(kind, corpus.all(kind))]
                position = dict(zip(ids, range(len(ids)), strict=True))
            order = known[kind] = PaneOrder(ids, position)
        return order


def prepare_panes(corpus: Corpus) -> None:
    """Every pane's order, made ahead (off the UI thread) so the panes show at once."""
    for kind in ("actor", "meeting", "quote"):
        pane_order(corpus, kind)


@dataclass(frozen=True, slots=True)
class Linking:
    """What a pane shows relative to: an item elsewhere and the ids related to it."""

    anchor: Ref
    related: frozenset[str]
    via_members: frozenset[str] = frozenset()  # among `related`: only through a member
    # The related items' places in the pane's order, sorted, when the corpus has them stored
    # (`Corpus.related_places`): `related` is then left empty, its ids unread.
    places: Sequence[int] | None = None

    @property
    def any_related(self) -> bool:
        return bool(self.places) if self.places is not None else bool(self.related)


class ItemPane(VirtualList):
    """A pane of one kind of item, with related items first and marked, or only those.

    Rows are drawn only when on screen (`VirtualList`), and "related first" is a `RowOrder`
    over the pane's fixed order: relinking costs the number of related items, not of all.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *LIST_KEYS,
        keymap.binding("pane.open"),
    ]

    # Its height is the layout's (1fr, app.tcss), never its rows': a relinked pane whose
    # count of rows changed (`r`, an item of fewer related ones) scrolls over more or fewer
    # lines, with no layout of the whole screen (Textual's default) unless its scrollbar
    # comes or goes.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    class CursorMoved(Message):
        """The user put the cursor on an item (moved in the pane, or focused it)."""

        def __init__(self, pane: ItemPane, ref: Ref) -> None:
            super().__init__()
            self.pane = pane
            self.ref = ref

    class Opened(Message):
        """The user asked for the links of the item under the cursor (Enter)."""

        def __init__(self, pane: ItemPane, ref: Ref) -> None:
            super().__init__()
            self.pane = pane
            self.ref = ref

    def __init__(
        self,
        corpus: Corpus,
        kind: ItemKind,
        key: str,
        notes: NoteLookup | None = None,
        filtered: bool = False,
        **kwargs: Unpack[WidgetOptions],
    ) -> None:
        super().__init__(**kwargs)
        self.corpus = corpus
        self.filtered = filtered  # one article's items of more: the title says so
        self.notes = notes  # the user's notes, for the rows' marks (None: no marks)
        self.kind: ItemKind = kind
        self.key = key
        base = pane_order(corpus, kind)
        self._ids: list[str] = base.ids
        self._position: dict[str, int] = base.position
        # Rows built, by id and the width fitted to: the last screenfuls, not every row ever
        # drawn at every width the terminal had (a long session scrolls over most of them).
        self._rows: LRUCache[tuple[str, int], Content] = LRUCache(maxsize=ROWS_CACHED)
        self.linking: Linking | None = None
        self.only_related = False
        self.order = RowOrder(self._ids, self._position)

    # -- calls down -----------------------------------------------------------------------

    def on_mount(self) -> None:
        self._rebuild(keep=None)

    def relate_to(self, linking: Linking | None, only_related: bool) -> None:
        """Show the items related to `linking.anchor` first (or only), cursor on the first."""
        self.linking = linking
        self.only_related = only_related
        first = self._rebuild(keep=self.current_id)
        if linking is not None and linking.any_related and first is not None:
            self.highlighted = 0
        self._update_titles()

    def set_only_related(self, only_related: bool) -> None:
        self.only_related = only_related
        self._rebuild(keep=self.current_id)
        self._update_titles()

    def refresh_notes(self) -> None:
        """Redraw the rows' bookmark and note marks (the user's notes changed)."""
        self.refresh()

    def select(self, item_id: str) -> bool:
        """Put the cursor on an item, showing the whole list first if it was filtered out."""
        if item_id not in self.order:
            if item_id not in self._position:
                return False
            self.linking = None
            self._rebuild(keep=None)
            self._update_titles()
        self.highlighted = self.order.index(item_id)
        return True

    @property
    def shown(self) -> list[str]:
        """The ids shown, in order (a copy: O(n), for tests and tools, not for keys)."""
        return list(self.order)

    @property
    def related_count(self) -> int:
        return self.order.related_count

    @property
    def current_id(self) -> str | None:
        index = self.highlighted
        return self.order[index] if index is not None and index < len(self.order) else None

    @property
    def current_ref(self) -> Ref | None:
        item_id = self.current_id
        return Ref(self.kind, item_id) if item_id is not None else None

    # -- the rows -------------------------------------------------------------------------

    def row_content(self, index: int) -> Content:
        """Row `index` as drawn: ● when related, the note marks, the item, its article."""
        item_id = self.order[index]
        marks: list[Content | tuple[str, str] | str] = []
        if self.linking is not None:
            if index >= self.order.related_count:
                marks.append(PLAIN_MARK)
            elif item_id in self.linking.via_members:
                marks.append((MEMBER_MARK, "$accent"))
            else:
                marks.append((RELATED_MARK, "$accent"))
        mark = row_mark(self.notes, Ref(self.kind, item_id))  # ★ bookmarked, ✎ noted
        if mark is not None:
            marks.append(mark)
        # A quote's row is fitted to the width, so that its words keep their closing mark.
        width = self.scrollable_content_region.width if self.kind == "quote" else 0
        if width:
            width -= sum(Content.assemble(part).cell_length for part in marks)
        key = (item_id, width)
        row = self._rows.get(key)
        if row is None:
            if self.kind == "actor":
                # Its name, kind and role, and how many articles: not the whole actor.
                head = self.corpus.actor_head(item_id)
                if head is None:
                    raise KeyError(item_id)
                row = self._rows[key] = actor_head_row(self.corpus, head)
            else:
                item = self.corpus[Ref(self.kind, item_id)]
                row = self._rows[key] = item_row(self.corpus, item, width or None)
        return Content.assemble(*marks, row) if marks else row

    def _rebuild(self, keep: str | None) -> str | None:
        """Re-order the rows from the indexes; returns the id of the first one shown."""
        related = self.linking.related if self.linking else frozenset()
        places = self.linking.places if self.linking else None
        only = self.only_related and self.linking is not None
        self.order = RowOrder(self._ids, self._position, related, only, places=places)
        count = len(self.order)
        separator = self.order.related_count if self.order.rest_count else 0
        self.set_rows(count, separator, None if count else self._empty_message())
        if keep is not None and keep in self.order:
            self.highlighted = self.order.index(keep)
        elif count:
            self.highlighted = 0
        return self.order[0] if count else None

    def _empty_message(self) -> Content:
        if self.linking is None:
            return Content.styled(f"No {KIND_TITLES[self.kind].lower()}", "dim italic")
        name = ref_label(self.corpus, self.linking.anchor, 40)
        return Content.assemble(
            (f"Nothing related to {name}", "dim italic"),
            ("  (r shows all)", "dim"),
        )

    def _update_titles(self) -> None:
        total = len(self._ids)
        title = KIND_TITLES[self.kind]
        count = f"{total}" if self.linking is None else f"{self.related_count} of {total}"
        self.border_title = Content.assemble(
            (self.key, "bold $accent"),
            f" {title} {count}",
            (" · filtered", "bold $warning") if self.filtered else "",
        )
        if self.linking is None:
            self.border_subtitle = None
            return
        name = literal(ref_label(self.corpus, self.linking.anchor, 30))
        mode = "only related to" if self.only_related else "related first:"
        self.border_subtitle = Content.assemble((mode, "italic"), " ", name)

    # -- messages up ----------------------------------------------------------------------

    # The user's moves are reported from the actions themselves, not from `highlighted`
    # changing: the screen relinks unfocused panes, which moves their cursors too; that must
    # never be taken for a move of the user's.

    def _moved(self) -> None:
        # Straight to the screen rather than bubbling through the containers: keys typed
        # fast ("j" then "2") must reach it in the order the user pressed them.
        ref = self.current_ref
        if ref is not None and self.is_attached:
            self.screen.post_message(self.CursorMoved(self, ref))

    def action_cursor_up(self) -> None:
        super().action_cursor_up()
        self._moved()

    def action_cursor_down(self) -> None:
        super().action_cursor_down()
        self._moved()

    def action_first(self) -> None:
        super().action_first()
        self._moved()

    def action_last(self) -> None:
        super().action_last()
        self._moved()

    def action_page_up(self) -> None:
        super().action_page_up()
        self._moved()

    def action_page_down(self) -> None:
        super().action_page_down()
        self._moved()

    def row_clicked(self, index: int) -> None:
        # A click puts the cursor on the row: that is the user's move.
        self._moved()

    def on_focus(self) -> None:
        self._moved()

    def action_open(self) -> None:
        ref = self.current_ref
        if ref is not None:
            self.post_message(self.Opened(self, ref))

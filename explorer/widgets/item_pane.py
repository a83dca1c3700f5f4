"""One list of items (actors, meetings or quotes), linked to the item under the cursor elsewhere.

The pane knows the corpus only through `Corpus` (no store, no TinyDB). The screen calls down
with `relate_to()`; the pane posts `CursorMoved` up when the user moves in it and `Opened`
when the user presses Enter on an item.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from explorer.data import Corpus, Item, ItemKind, Ref
from explorer.widgets.note_marks import notes_store, row_mark
from explorer.widgets.rows import KIND_TITLES, item_row, literal, ref_label, sort_items

RELATED_MARK = "● "
PLAIN_MARK = "  "


@dataclass(frozen=True, slots=True)
class Linking:
    """What a pane shows relative to: an item elsewhere and the ids related to it."""

    anchor: Ref
    related: frozenset[str]


class ItemPane(OptionList):
    """A pane of one kind of item, with related items first and marked, or only those."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
        Binding("enter", "open", "Links", tooltip="Move to the links of this item"),
    ]

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

    def __init__(self, corpus: Corpus, kind: ItemKind, key: str, **kwargs: object) -> None:
        super().__init__(markup=False, **kwargs)  # type: ignore[arg-type]
        self.corpus = corpus
        self.kind: ItemKind = kind
        self.key = key
        self._items: list[Item] = sort_items(kind, corpus.all(kind))
        self._rows: dict[str, Content] = {}
        self.linking: Linking | None = None
        self.only_related = False
        self.shown: list[str] = []
        self.related_count = 0

    # -- calls down -----------------------------------------------------------------------

    def on_mount(self) -> None:
        self._rebuild(keep=None)

    def relate_to(self, linking: Linking | None, only_related: bool) -> None:
        """Show the items related to `linking.anchor` first (or only), cursor on the first."""
        self.linking = linking
        self.only_related = only_related
        first = self._rebuild(keep=self.current_id)
        if linking is not None and linking.related and first is not None:
            self.highlighted = 0
        self._update_titles()

    def set_only_related(self, only_related: bool) -> None:
        self.only_related = only_related
        self._rebuild(keep=self.current_id)
        self._update_titles()

    def refresh_notes(self) -> None:
        """Redraw the rows' bookmark and note marks (the user's notes changed)."""
        self._rebuild(keep=self.current_id)

    def select(self, item_id: str) -> bool:
        """Put the cursor on an item, showing the whole list first if it was filtered out."""
        if item_id not in self.shown:
            if self.corpus.get(Ref(self.kind, item_id)) is None:
                return False
            self.linking = None
            self._rebuild(keep=None)
            self._update_titles()
        self.highlighted = self.shown.index(item_id)
        return True

    @property
    def current_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    @property
    def current_ref(self) -> Ref | None:
        item_id = self.current_id
        return Ref(self.kind, item_id) if item_id is not None else None

    # -- building the list ----------------------------------------------------------------

    def _row(self, item: Item) -> Content:
        row = self._rows.get(item.id)
        if row is None:
            row = self._rows[item.id] = item_row(self.corpus, item)
        mark = row_mark(notes_store(self), item.ref)  # ★ bookmarked, ✎ noted
        return Content.assemble(mark, row) if mark is not None else row

    def _rebuild(self, keep: str | None) -> str | None:
        """Refill the options; returns the id of the first one shown."""
        related = self.linking.related if self.linking else frozenset()
        first = [item for item in self._items if item.id in related]
        rest = [] if self.only_related and self.linking else self._items
        if first:
            rest = [item for item in rest if item.id not in related]
        options: list[Option | None] = []
        for item in first:
            options.append(
                Option(Content.assemble((RELATED_MARK, "$accent"), self._row(item)), id=item.id)
            )
        if first and rest:
            options.append(None)  # a rule between related and the rest
        marked = self.linking is not None
        for item in rest:
            row = self._row(item)
            options.append(Option(Content.assemble(PLAIN_MARK, row) if marked else row, id=item.id))
        if not first and not rest:
            options.append(Option(self._empty_message(), disabled=True))
        self.shown = [item.id for item in (*first, *rest)]
        self.related_count = len(first)
        self.set_options(options)
        if keep in self.shown:
            self.highlighted = self.shown.index(keep)
        elif self.shown:
            self.highlighted = 0
        return self.shown[0] if self.shown else None

    def _empty_message(self) -> Content:
        if self.linking is None:
            return Content.styled(f"No {KIND_TITLES[self.kind].lower()}", "dim italic")
        name = ref_label(self.corpus, self.linking.anchor, 40)
        return Content.assemble(
            (f"Nothing related to {name}", "dim italic"),
            ("  (r shows all)", "dim"),
        )

    def _update_titles(self) -> None:
        total = len(self._items)
        title = KIND_TITLES[self.kind]
        count = f"{total}" if self.linking is None else f"{self.related_count} of {total}"
        self.border_title = Content.assemble((self.key, "bold $accent"), f" {title} {count}")
        if self.linking is None:
            self.border_subtitle = None
            return
        name = literal(ref_label(self.corpus, self.linking.anchor, 30))
        mode = "only related to" if self.only_related else "related first:"
        self.border_subtitle = Content.assemble((mode, "italic"), " ", name)

    # -- messages up ----------------------------------------------------------------------

    # The user's moves are reported from the actions themselves, not from OptionHighlighted:
    # the screen rebuilds unfocused panes, and their highlight messages arrive later, when
    # focus may have moved; they must never be taken for a move of the user's.

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

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # A click highlights the row, then "selects" it: that is the user's move.
        event.stop()
        self._moved()

    def on_focus(self) -> None:
        self._moved()

    def action_open(self) -> None:
        ref = self.current_ref
        if ref is not None:
            self.post_message(self.Opened(self, ref))

"""Tabs naming the panes, for layouts where only one list shows at a time."""

from __future__ import annotations

from typing import Unpack

from textual.content import Content
from textual.message import Message

from explorer.widgets.clickable_line import ClickableLine
from explorer.widgets.options import WidgetOptions


class PaneTabs(ClickableLine):
    """`1 Actors  2 Meetings  3 Quotes  4 Detail`; the active one stands out, a click picks."""

    class Picked(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, names: list[str], **kwargs: Unpack[WidgetOptions]) -> None:
        super().__init__(separator=" ", **kwargs)
        self.names = names
        self.show_active(0)

    def show_active(self, active: int) -> None:
        pieces = []
        for index, name in enumerate(self.names):
            label = f" {index + 1} {name} "
            pieces.append(Content.styled(label, "bold reverse" if index == active else "dim"))
        self.set_pieces(pieces)

    def piece_clicked(self, index: int) -> None:
        self.post_message(self.Picked(index))

"""The path the user took: one crumb per history entry; a click on a crumb goes there."""

from __future__ import annotations

from textual.content import Content
from textual.message import Message

from explorer.widgets.clickable_line import ClickableLine


class Breadcrumb(ClickableLine):
    """Crumbs up to and after the current one; the current one stands out."""

    class Goto(Message):
        """A crumb was clicked: go to history entry `index`."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, **kwargs: object) -> None:
        super().__init__(separator=" › ", **kwargs)
        self.show_trail([], -1)

    def show_trail(self, labels: list[str], current: int) -> None:
        """Show `labels` (plain text, shown literally) with entry `current` highlighted."""
        pieces = []
        for index, label in enumerate(labels):
            if index == current:
                style = "bold reverse"
            elif index > current:
                style = "dim italic"
            else:
                style = "underline"
            pieces.append(Content.styled(label, style))
        if not pieces:
            pieces = [Content.styled("no jumps yet — Enter follows a link, [ goes back", "dim")]
        self.set_pieces(pieces, prefix=Content.styled("Path: ", "bold"))
        self.has_trail = bool(labels)

    def piece_clicked(self, index: int) -> None:
        if self.has_trail:
            self.post_message(self.Goto(index))

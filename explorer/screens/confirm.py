"""A yes/no question in a modal: `ConfirmScreen(question)` dismisses with True or False.

Used before anything the user could regret: deleting a note, discarding an edited one.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from explorer import keymap
from explorer.screens.closing import unless_closed


class ConfirmScreen(ModalScreen[bool]):
    """Ask once; y (or Enter on Yes) confirms, Esc (or Enter on No) declines."""

    CSS_PATH = "notes.tcss"

    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings(
        "dialog.yes", "dialog.no", "dialog.switch"
    )
    HELP_CONTEXTS: ClassVar[tuple[str, ...]] = ("dialog",)

    def __init__(self, question: str | Content, *, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question if isinstance(question, Content) else Content(question)
        self.yes, self.no = yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(self.question, id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                # Each answer shows its key (the user's own, when config.toml remaps it).
                remapped = keymap.remapped(self.app)
                yes_key = keymap.shown_keys(keymap.key("dialog.yes"), remapped)
                no_key = keymap.shown_keys(keymap.key("dialog.no"), remapped)
                yield Button(f"{self.yes} ({yes_key})", variant="error", id="confirm-yes")
                yield Button(f"{self.no} ({no_key})", variant="primary", id="confirm-no")

    @unless_closed
    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()  # the safe answer is the default

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

"""The review screen's dialogs, each a `ModalScreen[T]` that dismisses with a typed result
(None when cancelled with Esc): a choice from a list, a meeting's date, a new actor or quote."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from explorer import keymap
from explorer.data import dates
from explorer.data.models import ACTOR_KINDS, QUOTE_KINDS
from explorer.screens.closing import unless_closed

Choice = tuple[str, str]
"""(value, label): one line of a picker."""


def _fits(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class PickerScreen(ModalScreen[str | None]):
    """Pick one value: type to narrow the list, ↑ ↓ to move, Enter to choose, Esc to cancel."""

    CSS_PATH = "review.tcss"

    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings(
        "dialog.cancel", "dialog.down", "dialog.up"
    )

    def __init__(self, title: str, choices: list[Choice], current: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box", classes="review-dialog") as box:
            box.border_title = Content(_fits(self.title_text))  # a name or quote: never markup
            box.border_subtitle = "Enter picks · Esc cancels"
            yield Input(placeholder="type to narrow", id="picker-filter")
            yield OptionList(id="picker-options")

    @unless_closed
    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#picker-filter", Input).focus()

    def _fill(self, query: str) -> None:
        words = query.casefold().split()
        options = self.query_one("#picker-options", OptionList)
        options.clear_options()
        shown = [
            (value, label)
            for value, label in self.choices
            if all(word in f"{label} {value}".casefold() for word in words)
        ]
        options.add_options(
            Option(Content(_fits(label, 120)), id=f"choice-{index}")
            for index, (_, label) in enumerate(shown)
        )
        self._shown = shown
        values = [value for value, _ in shown]
        if shown:
            options.highlighted = values.index(self.current) if self.current in values else 0

    @on(Input.Changed, "#picker-filter")
    def _narrow(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#picker-filter")
    def _submit(self) -> None:
        options = self.query_one("#picker-options", OptionList)
        if options.highlighted is None or not self._shown:
            self.app.bell()
            return
        self.dismiss(self._shown[options.highlighted][0])

    @on(OptionList.OptionSelected, "#picker-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._shown[event.option_index][0])

    def action_move(self, step: int) -> None:
        options = self.query_one("#picker-options", OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)


class WhenScreen(ModalScreen[str | None]):
    """A meeting's date, as format v1 writes one; empty for no date. Enter saves."""

    CSS_PATH = "review.tcss"

    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings("dialog.cancel")

    def __init__(self, title: str, current: str) -> None:
        super().__init__()
        self.title_text = title
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="when-box", classes="review-dialog") as box:
            box.border_title = "When"
            box.border_subtitle = "Enter saves · Esc cancels"
            yield Static(Content(_fits(self.title_text)), classes="dialog-context")
            yield Input(
                self.current, placeholder="2025-01-13, 2025-01, 2025 or START/END", id="when-input"
            )
            yield Label("", id="when-error", classes="dialog-error")

    @unless_closed
    def on_mount(self) -> None:
        self.query_one("#when-input", Input).focus()

    @on(Input.Submitted, "#when-input")
    def _submit(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if value:
            try:
                dates.parse_when(value)
            except dates.DateFormatError as error:
                self.query_one("#when-error", Label).update(Content(str(error)))
                self.app.bell()
                return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True, slots=True)
class NewActor:
    name: str
    kind: str
    role: str | None


@dataclass(frozen=True, slots=True)
class NewQuote:
    text: str
    kind: str
    speaker: str
    meeting: str | None


class AddActorScreen(ModalScreen[NewActor | None]):
    """A new actor whose evidence is the selected sentence: name, kind, role. Enter adds."""

    CSS_PATH = "review.tcss"

    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings("dialog.cancel")

    def __init__(self, evidence: str, name: str = "") -> None:
        super().__init__()
        self.evidence = evidence
        self.name_text = name

    def compose(self) -> ComposeResult:
        with Vertical(id="actor-box", classes="review-dialog") as box:
            box.border_title = "New actor"
            box.border_subtitle = "Enter adds · Esc cancels"
            yield Static(Content(_fits(self.evidence)), classes="dialog-context")
            yield Input(
                self.name_text, placeholder="name, as the article writes it", id="actor-name"
            )
            yield Select(
                [(kind, kind) for kind in ACTOR_KINDS],
                value="person",
                allow_blank=False,
                id="actor-kind",
            )
            yield Input(placeholder="role (optional)", id="actor-role")
            yield Label("", id="actor-error", classes="dialog-error")

    @unless_closed
    def on_mount(self) -> None:
        self.query_one("#actor-name", Input).focus()

    @on(Input.Submitted)
    def _submit(self) -> None:
        name = self.query_one("#actor-name", Input).value.strip()
        if not name:
            self.query_one("#actor-error", Label).update("An actor needs a name.")
            self.app.bell()
            return
        kind = self.query_one("#actor-kind", Select).value
        role = self.query_one("#actor-role", Input).value.strip() or None
        self.dismiss(NewActor(name, str(kind), role))

    def action_cancel(self) -> None:
        self.dismiss(None)


class AddQuoteScreen(ModalScreen[NewQuote | None]):
    """A new quote whose evidence is the selected sentence: its words (cut a direct quote down
    to what is inside the quotation marks), kind, speaker, meeting. Enter adds."""

    CSS_PATH = "review.tcss"

    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings("dialog.cancel")

    def __init__(
        self,
        evidence: str,
        speakers: list[Choice],
        meetings: list[Choice],
        *,
        speaker: str | None = None,
    ) -> None:
        super().__init__()
        self.evidence = evidence
        self.speakers = speakers
        self.meetings = meetings
        self.speaker = speaker

    def compose(self) -> ComposeResult:
        with Vertical(id="quote-box", classes="review-dialog") as box:
            box.border_title = "New quote"
            box.border_subtitle = "Enter adds · Esc cancels"
            yield Input(_fits(self.evidence, 10_000), id="quote-text")
            yield Select(
                [(kind, kind) for kind in QUOTE_KINDS],
                value="reported",
                allow_blank=False,
                id="quote-kind",
            )
            values = [value for value, _ in self.speakers]
            yield Select(
                [(Content(_fits(label, 60)), value) for value, label in self.speakers],
                value=self.speaker if self.speaker in values else values[0],
                allow_blank=False,
                id="quote-speaker",
            )
            yield Select(
                [(Content(_fits(label, 60)), value) for value, label in self.meetings],
                prompt="no meeting",
                id="quote-meeting",
            )
            yield Label("", id="quote-error", classes="dialog-error")

    @unless_closed
    def on_mount(self) -> None:
        self.query_one("#quote-text", Input).focus()

    @on(Input.Submitted)
    def _submit(self) -> None:
        text = self.query_one("#quote-text", Input).value.strip()
        if not text:
            self.query_one("#quote-error", Label).update("A quote needs its words.")
            self.app.bell()
            return
        meeting = self.query_one("#quote-meeting", Select).value
        self.dismiss(
            NewQuote(
                text=text,
                kind=str(self.query_one("#quote-kind", Select).value),
                speaker=str(self.query_one("#quote-speaker", Select).value),
                meeting=meeting if isinstance(meeting, str) else None,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)

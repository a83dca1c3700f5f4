"""The help screen: every key, generated from the keymap (`explorer/keymap.py`).

The screen the user came from names its places (`HELP_CONTEXTS`): their keys come first,
under "On this screen"; the rest follow. `/` opens a line that narrows the list as you type
(keys, words of the help, headings), as lazygit's keybinding menu does; j k g G scroll. The
keys shown are the user's own when `config.toml` remaps them. One `Static` of text: no
Markdown to parse, so it opens at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static

from explorer import keymap
from explorer.screens.closing import unless_closed
from explorer.widgets.hints import TruthfulHints, typing_into_line

KEY_WIDTH = 14


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


class HelpScreen(TruthfulHints, Screen[None]):
    """A screen of its own (a modal would redraw the dimmed panes under it on every frame); Esc, ? or F1 closes it."""

    CSS_PATH = "help.tcss"

    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings(
        *("help.close", "help.search", "help.down", "help.up", "help.first", "help.last"),
    )
    HELP_CONTEXTS: ClassVar[tuple[str, ...]] = ("help",)

    def __init__(
        self,
        first: Iterable[str] = (),
        places: Iterable[str] | None = None,
        remapped: dict[str, str] | None = None,
    ) -> None:
        """`first`: the places of the screen below; `places`: every place this app has."""
        super().__init__()
        everywhere = list(keymap.CONTEXTS) if places is None else list(places)
        self.first = [place for place in first if place in everywhere]
        self.rest = [place for place in everywhere if place not in self.first]
        self.remapped = remapped or {}
        self.query_text = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box") as box:
            box.border_title = "Help"
            box.border_subtitle = "/ searches · j k g G scroll · Esc closes"
            with VerticalScroll(id="help-body"):
                # The first frame holds this screen's keys; the rest follow a frame later.
                yield Static(self.render_keys(first_only=bool(self.first)), id="help-text")

    @unless_closed
    def on_mount(self) -> None:
        self.query_one("#help-body", VerticalScroll).focus()
        if self.first:
            self.call_after_refresh(self._show_all)

    def _show_all(self) -> None:
        if self.is_attached and not self.query_text:
            self.query_one("#help-text", Static).update(self.render_keys())

    # -- the text -------------------------------------------------------------------------

    def sections(
        self, first_only: bool = False
    ) -> list[tuple[str, str, list[tuple[str, str]], tuple[str, ...]]]:
        """(place, heading, [(keys, help)], notes) in the order shown."""
        found = []
        places = self.first if first_only else [*self.first, *self.rest]
        for index, place in enumerate(places):
            heading = keymap.CONTEXTS[place]
            if index == 0 and self.first:
                heading = f"On this screen: {heading}"
            rows = [
                (keymap.shown_keys(entry, self.remapped), entry.help)
                for entry in keymap.in_context(place)
            ]
            found.append((place, heading, rows, keymap.CONTEXT_NOTES.get(place, ())))
        return found

    def render_keys(self, first_only: bool = False) -> Content:
        """The help as one text, narrowed to the rows that hold every word of the query."""
        words = _fold(self.query_text).split()
        parts: list[Content] = []
        for _place, heading, rows, notes in self.sections(first_only):
            in_heading = all(word in _fold(heading) for word in words)
            kept = [
                (keys, text)
                for keys, text in rows
                if in_heading or all(word in _fold(f"{keys} {text}") for word in words)
            ]
            kept_notes = [n for n in notes if not words or all(w in _fold(n) for w in words)]
            if not kept and not kept_notes:
                continue
            if parts:
                parts.append(Content("\n"))
            parts.append(Content.styled(heading, "bold $text-accent"))
            for keys, text in kept:
                pad = " " * max(KEY_WIDTH - len(keys), 1)
                parts.append(Content.assemble("\n  ", (keys, "bold"), pad, text))
            for note in kept_notes:
                parts.append(Content.assemble("\n  ", (note, "dim italic")))
        if not parts:
            return Content.assemble(
                "No key matches ", (self.query_text.strip(), "bold"), " — Esc clears the search"
            )
        return Content.assemble(*parts)

    # -- keys -----------------------------------------------------------------------------

    def action_close(self) -> None:
        # Esc in the search line clears it (Enter keeps what it found).
        field = self.query("#help-search").first(Input) if self.query("#help-search") else None
        if field is not None and field.has_focus:
            field.value = ""
            field.remove_class("-shown")
            self.query_one("#help-body", VerticalScroll).focus()
            return
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "search" and typing_into_line(self):
            return False
        return super().check_action(action, parameters)

    async def action_search(self) -> None:
        # The line is made when first asked for: the first frame does not wait for it.
        found = self.query("#help-search")
        if found:
            field = found.first(Input)
        else:
            field = Input(placeholder="type to narrow the keys", id="help-search")
            await self.query_one("#help-box").mount(field, before=0)
        field.add_class("-shown")
        self.set_focus(field)  # at once: the letters after `/` are already on their way

    @on(Input.Changed, "#help-search")
    def _narrow(self, event: Input.Changed) -> None:
        event.stop()
        self.query_text = event.value
        self.query_one("#help-text", Static).update(self.render_keys())
        self.query_one("#help-body", VerticalScroll).scroll_home(animate=False)

    @on(Input.Submitted, "#help-search")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#help-body", VerticalScroll).focus()

    def action_scroll(self, lines: int) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_scroll_to(self, where: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        if where == "top":
            body.scroll_home(animate=False)
        else:
            body.scroll_end(animate=False)

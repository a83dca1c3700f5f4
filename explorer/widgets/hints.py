"""Footers that tell the truth: no hint for a key that would type into the focused line.

While an `Input` or a `TextArea` has the focus, a printable key (`?`, `[`, `x`) types a
character there instead of running the binding the footer would name. `TruthfulHints` is a
screen mixin (list it before `Screen`) whose `active_bindings` (what the footer and the help
read; key dispatch does not use it) leaves those out: priority bindings and the focused
widget's own still show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Unpack

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.screen import Screen
from textual.widgets import Footer, Input, TextArea

# Textual's private footer API, used here and nowhere else. Textual 8.2 has no public class
# for a footer's key (FooterKey, in the private `_footer` module), no public state for a dimmed
# key (FooterKey keeps `_disabled`, apart from Widget.disabled) and no public way to let a
# Footer compose before its screen first announces the bindings (`Footer._bindings_ready`).
# tests/test_footer_truth.py guards the keys (each shown acts or is dimmed as it says, and is
# relabelled in place as when composed anew), tests/test_serve_browser.py the footer's keys
# on the first screen of a page not yet focused: after an upgrade of Textual, mend them here.
from textual.widgets._footer import FooterKey

from explorer.widgets.options import WidgetOptions

if TYPE_CHECKING:  # a mixin of screens: typed as one, a plain class at run time
    _ScreenMixin = Screen[Any]
else:
    _ScreenMixin = object


def _dimmed(key: FooterKey) -> bool:
    """Whether a footer key is shown dimmed: its action would not run now."""
    return key._disabled


def _set_dimmed(key: FooterKey, dimmed: bool) -> None:
    key._disabled = dimmed
    key.set_class(dimmed, "-disabled")


def _let_compose(footer: Footer) -> None:
    """Let Textual's footer compose its keys, without waiting for the screen to announce them."""
    footer.set_reactive(Footer._bindings_ready, True)


def types_text(display: str) -> bool:
    """Whether a key shown as `display` types a character into a line that has the focus."""
    return len(display) == 1 and display.isprintable()


def typing_into_line(screen: Screen[object]) -> bool:
    """Whether the focused widget takes printable keys as text.

    The keys that open a line (`/`) are priority bindings, run as the key arrives, so that
    the letters typed or pasted right after them reach the line and not the panes; while a
    line has the focus they must stand aside and type.
    """
    return isinstance(screen.focused, Input | TextArea)


class TruthfulHints(_ScreenMixin):
    """Screen mixin: the active bindings minus those a focused line would take as typing."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        bindings = super().active_bindings
        focused = self.focused
        if not isinstance(focused, Input | TextArea):
            return bindings
        app = self.app
        return {
            key: active
            for key, active in bindings.items()
            if active.binding.priority
            or active.node is focused
            or not types_text(app.get_key_display(active.binding))
        }


# Classes a footer key takes from its state or its footer, not from what it is.
_STATES = frozenset({"-compact", "-disabled"})


class FittedFooter(Footer):
    """Textual's footer, compact, showing whole keys only: keys that do not fit the width are
    left out (the focused widget's and the screen's come first, the app's after, the
    palette's last), never cut mid-word."""

    def __init__(self, **kwargs: Unpack[WidgetOptions]) -> None:
        super().__init__(compact=True, **kwargs)
        self._fitted_width = 0
        self._shown: tuple[object, ...] | None = None  # the keys composed, as `_keys` says

    def _keys(self) -> tuple[object, ...]:
        """What the footer would show now: its keys, their labels and whether they act."""
        app = self.app
        return tuple(
            (binding.key, app.get_key_display(binding), binding.description, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    async def _recompose_if_changed(self) -> None:
        # A focus change or a cursor move announces the bindings again; most leave the keys
        # as they were, and composing the footer anew was a good part of such a key's time.
        # The footer of a screen not on top (the panes under the timeline or a dialog, a
        # screen being closed) is left as it is: the app's checks answer for the screen on
        # top ("t" is hidden on the timeline), so its keys would be composed wrong, then
        # composed again when it is back on top (its return announces its bindings).
        if not self.is_attached or not self.screen.is_active:
            return
        if self._keys() != self._shown and not await self._update_in_place():
            await self.recompose()

    async def _update_in_place(self) -> bool:
        """Show the keys of now in the footer's keys as they are: each one given the key,
        label, action and state of the key now in its place, the keys that come shown again
        (kept hidden when they went) or mounted after them (before the palette's, at the
        right), those that go hidden (Tab between a list and the detail: Enter "Links" or
        "Follow"; `/`: the keys a line would type give way to Esc and Tab, and come back on
        Esc). False, changing nothing, when the keys are of other kinds (a group's label).
        Removing every key and mounting new ones, each styled anew, was most of such a key's
        time; mounting and styling the keys back on Esc out of the search was a third of it."""
        wanted = list(self.compose())  # the keys that fit now; sets what `_keys` shows
        shown = list(self.children)
        if not all(isinstance(key, FooterKey) for key in (*wanted, *shown)):
            return False
        keys = [key for key in wanted if not key.has_class("-command-palette")]
        palette = [key for key in wanted if key.has_class("-command-palette")]
        old_keys = [key for key in shown if not key.has_class("-command-palette")]
        old_palette = [key for key in shown if key.has_class("-command-palette")]
        pairs = [*zip(keys, old_keys, strict=False), *zip(palette, old_palette, strict=False)]
        if len(palette) != len(old_palette) or not all(
            new.classes - _STATES == old.classes - _STATES for new, old in pairs
        ):
            return False
        for new, old in pairs:
            assert isinstance(new, FooterKey) and isinstance(old, FooterKey)
            if (new.key, new.key_display, new.description, new.action) != (
                old.key,
                old.key_display,
                old.description,
                old.action,
            ):
                wider = (len(new.key_display), len(new.description)) != (
                    len(old.key_display),
                    len(old.description),
                )
                old.key, old.key_display = new.key, new.key_display
                old.description, old.action = new.description, new.action
                old.refresh(layout=wider)
            if _dimmed(new) != _dimmed(old):
                _set_dimmed(old, _dimmed(new))
            if new.tooltip != old.tooltip:
                old.tooltip = new.tooltip
            if not old.display:
                old.display = True
        for spare in old_keys[len(keys) :]:
            if spare.display:
                spare.display = False  # kept for when it is wanted again
        if len(keys) > len(old_keys):
            more = keys[len(old_keys) :]
            if old_palette:
                await self.mount_all(more, before=old_palette[0])
            else:
                await self.mount_all(more)
        return True

    def compose(self) -> ComposeResult:
        # Textual's footer draws nothing until the screen's keys are first announced, a frame
        # or more after the screen shows (seconds, in a browser under load): the screen's and
        # the app's keys are known from the start, so show them in the first frame.
        _let_compose(self)
        width = self.size.width
        self._fitted_width = width
        self._shown = self._keys()
        used = 0
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # Compact: "key description", then a margin of one.
                needed = cell_len(widget.key_display) + 1 + cell_len(widget.description) + 1
                if width and used + needed > width:
                    continue
                used += needed
            yield widget

    def on_resize(self) -> None:
        if self.size.width != self._fitted_width:
            self.call_after_refresh(self.recompose)

    def bindings_changed(self, screen: Screen) -> None:
        # Textual's footer waits for the terminal to have the focus before it first shows
        # its keys: in a browser tab not yet clicked, the first screen's footer stays blank.
        _let_compose(self)
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

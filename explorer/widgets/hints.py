"""Footers that tell the truth: no hint for a key that would type into the focused line.

While an `Input` or a `TextArea` has the focus, a printable key (`?`, `[`, `x`) types a
character there instead of running the binding the footer would name. `TruthfulHints` is a
screen mixin (list it before `Screen`) whose `active_bindings` (what the footer and the help
read; key dispatch does not use it) leaves those out: priority bindings and the focused
widget's own still show.
"""

from __future__ import annotations

from textual.binding import ActiveBinding
from textual.widgets import Input, TextArea


def types_text(display: str) -> bool:
    """Whether a key shown as `display` types a character into a line that has the focus."""
    return len(display) == 1 and display.isprintable()


class TruthfulHints:
    """Screen mixin: the active bindings minus those a focused line would take as typing."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        bindings: dict[str, ActiveBinding] = super().active_bindings  # type: ignore[misc]
        focused = self.focused  # type: ignore[attr-defined]
        if not isinstance(focused, Input | TextArea):
            return bindings
        app = self.app  # type: ignore[attr-defined]
        return {
            key: active
            for key, active in bindings.items()
            if active.binding.priority
            or active.node is focused
            or not types_text(app.get_key_display(active.binding))
        }

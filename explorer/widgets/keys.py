"""Key bindings shared by every list: vim's j/k/g/G beside the arrows and Home/End."""

from __future__ import annotations

from textual.binding import Binding

LIST_KEYS: list[Binding] = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
    Binding("g", "first", "First", show=False),
    Binding("G", "last", "Last", show=False),
]

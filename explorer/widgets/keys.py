"""Key bindings shared by every list: vim's j/k/g/G beside the arrows and Home/End."""

from __future__ import annotations

from textual.binding import BindingType

from explorer import keymap

LIST_KEYS: list[BindingType] = keymap.bindings("list.down", "list.up", "list.first", "list.last")

"""`Input` for the lines that narrow a list as each key is typed (the quote search, the
article picker, the timeline's filter).

Textual's `Input` makes its scrollable width the width of its text, plus one for the cursor,
so each letter typed changes it; a change of a widget's scrollable size lays the whole screen
out again, and that was a good part of each typed letter's time. A line whose own width is
set by its container (not `width: auto`) keeps at least its own width as its scrollable one:
while the text fits it, a letter redraws the line and what it narrows, nothing else. A text
longer than the line scrolls as before.
"""

from __future__ import annotations

from textual.widgets import Input


class TypedLine(Input):
    """An `Input` whose letters do not lay the screen out while its text fits the line."""

    @property
    def content_width(self) -> int:
        width = super().content_width
        if self.styles.auto_dimensions or not self.is_mounted:
            return width
        return max(width, self.content_size.width)

"""`OptionList` whose page keys do nothing while the list is not drawn.

Textual's `OptionList` computes its lines only once it has a size; PageDown/PageUp on a list
that has none yet (hidden, in a terminal too small for it, or typed before its screen has
drawn) look up a line that is not there and raise `KeyError`. With no area there is no page
to move by, so the key does nothing.
"""

from __future__ import annotations

from textual.widgets import OptionList


def can_page(listing: OptionList) -> bool:
    """Whether `listing` is drawn with options, so a page move has lines to move over."""
    return bool(listing.scrollable_content_region) and listing.option_count > 0


class PagedOptionList(OptionList):
    """The base of every option list in the app (see the module's docstring)."""

    def action_page_down(self) -> None:
        if can_page(self):
            super().action_page_down()

    def action_page_up(self) -> None:
        if can_page(self):
            super().action_page_up()

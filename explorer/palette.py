"""The command palette: its provider (jump to any actor, meeting or quote by name or text),
and the palette screen itself.

Textual's `Matcher.highlight` parses the candidate as markup, which would let a name such as
`[@click=app.quit]` act; the match is highlighted here on a plain `Content` instead.

`Palette` is Textual's `CommandPalette` made safe against fast typing: PageUp/PageDown
before its list has drawn move nothing (instead of failing on lines not yet computed), and
its search worker stops as soon as the palette is dismissed, before its list is removed, and
when the palette is closed another way a late result finds no list and is dropped.
"""

from __future__ import annotations

from functools import partial
from typing import Any, ClassVar

from textual.await_complete import AwaitComplete
from textual.binding import BindingType
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from explorer import keymap
from explorer.data import Ref
from explorer.data.models import ITEM_KINDS
from explorer.services import CorpusBrowser
from explorer.widgets.option_list import can_page
from explorer.widgets.rows import KIND_NAMES, literal, ref_label

# The start of a long quote is enough to find it, and fuzzy matching stays fast.
CANDIDATE_CHARS = 120


def highlight(matcher: Matcher, candidate: str) -> Content:
    """`candidate` as literal text with the characters that matched the query emphasised."""
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if not score:
        return content
    for offset in offsets:
        if not candidate[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ItemCommands(Provider):
    """Every item of the corpus as a palette command that selects it in its pane."""

    _found: list[tuple[str, Ref, str]] | None = None

    async def startup(self) -> None:
        self._found = self._candidates()

    def _candidates(self) -> list[tuple[str, Ref, str]]:
        """(searchable text, item, help) for every item, built once per palette opening."""
        if self._found is not None:
            return self._found
        app = self.app
        if not isinstance(app, CorpusBrowser):
            return []
        corpus = app.corpus
        found = []
        for kind in ITEM_KINDS:
            for item in corpus.all(kind):
                text = ref_label(corpus, item.ref, CANDIDATE_CHARS)
                found.append((text, item.ref, self._help(item.ref)))
        return found

    def _help(self, ref: Ref) -> str:
        # Shown by the palette as markup; only fixed words go in it.
        return f"Go to this {KIND_NAMES[ref.kind]}"

    def _jump(self, ref: Ref) -> None:
        app = self.app
        if isinstance(app, CorpusBrowser):
            app.goto(ref)

    async def discover(self) -> Hits:
        for text, ref, help_text in self._candidates():
            yield DiscoveryHit(
                Content.assemble((f"{KIND_NAMES[ref.kind]:<8}", "dim"), literal(text)),
                partial(self._jump, ref),
                text=text,
                help=help_text,
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, ref, help_text in self._candidates():
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    Content.assemble(
                        (f"{KIND_NAMES[ref.kind]:<8}", "dim"), highlight(matcher, text)
                    ),
                    partial(self._jump, ref),
                    text=text,
                    help=help_text,
                )


class Palette(CommandPalette):
    """Textual's command palette, safe against keys typed before it draws or as it closes."""

    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings(
        "palette.next_page", "palette.previous_page"
    )

    def action_page(self, direction: int) -> None:
        listing = self.query_one(CommandList)
        if not can_page(listing):  # not drawn yet: no page to move by
            return
        if direction > 0:
            listing.action_page_down()
        else:
            listing.action_page_up()

    def _watch__list_visible(self) -> None:
        # Set by the search worker, which may run on after the palette's list is gone when
        # something other than its own keys closed it (a pane key typed at once, a jump).
        if self.query(CommandList):
            super()._watch__list_visible()

    def on_unmount(self) -> None:
        self.workers.cancel_node(self)

    def dismiss(self, result: Any = None) -> AwaitComplete:
        # The search worker looks its list up as it goes; once closing, there is none.
        self.workers.cancel_node(self)
        return super().dismiss(result)

"""Review a drafted file: the article with every drafted item marked, a list of the items and
their state, and keys that accept, reject and correct them. Every change is written at once
(`explorer.review.ReviewSession`); the file always passes `explorer check`."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from explorer import keymap
from explorer.data import Corpus
from explorer.data.models import MEETING_STATUSES, QUOTE_KINDS
from explorer.data.text import visible
from explorer.review import (
    Draft,
    ReviewError,
    ReviewItem,
    ReviewSession,
    accept,
    add_actor,
    add_quote,
    merge_actors,
    reject,
    set_quote_kind,
    set_speaker,
    set_status,
    set_when,
)
from explorer.review.edits import describe_referrers
from explorer.screens.closing import unless_closed
from explorer.screens.confirm import ConfirmScreen
from explorer.screens.review_dialogs import (
    AddActorScreen,
    AddQuoteScreen,
    NewActor,
    NewQuote,
    PickerScreen,
    WhenScreen,
)
from explorer.widgets.article_view import ArticleView
from explorer.widgets.hints import FittedFooter
from explorer.widgets.review_view import ReviewView

ItemKey = tuple[str, str]
"""(kind, id) of a review item; kind "article" for the article itself."""

STATE_MARKS = {"drafted": ("◌", "$text-warning"), "accepted": ("✓", "$text-success")}
KIND_SHORT = {"article": "article", "actor": "actor", "meeting": "meeting", "quote": "quote"}
LIST_LABEL_CHARS = 60


def item_line(item: ReviewItem) -> Content:
    """One row of the items list: state mark, kind, label (literal text, never markup)."""
    mark, style = STATE_MARKS[item.state]
    label = " ".join(item.label.split())
    if len(label) > LIST_LABEL_CHARS:
        label = label[: LIST_LABEL_CHARS - 1] + "…"
    return Content.assemble((mark, f"bold {style}"), " ", (f"{item.kind:<7}", "dim"), " ", label)


class ReviewScreen(Screen[None]):
    """The drafted article and its items; the item under the list's cursor is the one acted on."""

    CSS_PATH = "review.tcss"

    # Textual declares this `ClassVar[...] | None`, which mypy reads as an instance variable.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [  # type: ignore[misc]
        (0, "-narrow"),
        (90, "-wide"),
    ]

    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings(
        *("review.accept", "review.reject", "review.speaker", "review.kind", "review.when"),
        *("review.status", "review.merge", "review.add_actor", "review.add_quote"),
        *("review.next_drafted", "review.undo", "review.switch"),
    )
    HELP_CONTEXTS: ClassVar[tuple[str, ...]] = ("review",)

    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session
        self.current: ItemKey | None = None
        self._message: Content = Content("")

    @property
    def draft(self) -> Draft:
        return self.session.draft

    @property
    def view(self) -> ReviewView:
        return self.query_one(ReviewView)

    @property
    def item_list(self) -> OptionList:
        return self.query_one("#review-items", OptionList)

    # -- building -------------------------------------------------------------------------

    def _new_view(self) -> ReviewView:
        draft = self.draft
        corpus = Corpus(draft.loaded)
        return ReviewView(
            draft.article,
            corpus.spans_in(draft.article.id),
            draft.drafted(),
            id="review-article",
        )

    def compose(self) -> ComposeResult:
        with Horizontal(id="review-body"):
            yield self._new_view()
            yield OptionList(id="review-items")
        yield Static(id="review-status")
        yield FittedFooter()

    @unless_closed
    def on_mount(self) -> None:
        self.item_list.border_title = "Items"
        self._fill_list()
        first = next((i for i in self._items if i.state == "drafted"), None)
        self._select_item((first or self._items[0]) if self._items else None)
        self.view.focus()

    def _fill_list(self) -> None:
        self._items = self.draft.items()
        options = self.item_list
        options.clear_options()
        options.add_options(
            Option(item_line(item), id=f"{item.kind}:{item.id}") for item in self._items
        )
        left = sum(1 for item in self._items if item.state == "drafted")
        options.border_subtitle = f"{left} drafted · {len(self._items) - left} accepted"

    def _index_of(self, key: ItemKey | None) -> int | None:
        for index, item in enumerate(self._items):
            if (item.kind, item.id) == key:
                return index
        return None

    def _select_item(
        self, item: ReviewItem | None, *, show: bool = True, keep_message: bool = False
    ) -> None:
        """Make `item` the one acted on: the list's cursor, and its first mention shown."""
        if not keep_message:
            self._message = Content("")
        self.current = None if item is None else (item.kind, item.id)
        index = self._index_of(self.current)
        if index is not None and self.item_list.highlighted != index:
            self.item_list.highlighted = index
        if show and item is not None and item.ref is not None:
            highlight = self.view.current_highlight
            if highlight is None or highlight.ref != item.ref:
                self.view.show(item.ref)
        self._show_status()

    @property
    def current_item(self) -> ReviewItem | None:
        index = self._index_of(self.current)
        return None if index is None else self._items[index]

    # -- keeping the list and the text in step --------------------------------------------

    @on(OptionList.OptionHighlighted, "#review-items")
    def _list_moved(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index != self.item_list.highlighted:
            return  # stale: the cursor has moved on since (the list was refilled, or set)
        if 0 <= event.option_index < len(self._items):
            item = self._items[event.option_index]
            if (item.kind, item.id) != self.current:
                self._select_item(item)

    @on(OptionList.OptionSelected, "#review-items")
    def _list_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.view.focus()

    def on_article_view_highlighted(self, message: ArticleView.Highlighted) -> None:
        message.stop()
        highlight = message.highlight
        if message.view is not self.view or highlight != self.view.current_highlight:
            return  # stale: from a view since rebuilt, or a highlight since left
        if highlight is not None:
            index = self._index_of((highlight.ref.kind, highlight.ref.id))
            if index is not None and (highlight.ref.kind, highlight.ref.id) != self.current:
                self._select_item(self._items[index], show=False)
                return
        self._show_status()

    def on_review_view_selection_changed(self, message: ReviewView.SelectionChanged) -> None:
        message.stop()
        self._show_status()

    def on_article_view_chosen(self, message: ArticleView.Chosen) -> None:
        """Enter (or a second click) on a highlight: its item in the list."""
        message.stop()
        index = self._index_of((message.highlight.ref.kind, message.highlight.ref.id))
        if index is not None:
            self._select_item(self._items[index], show=False)
            self.action_switch()

    def _show_status(self) -> None:
        status = self.query_one("#review-status", Static)
        item = self.current_item
        if item is None:
            line = Content("No items in this file.")
        else:
            mark, style = STATE_MARKS[item.state]
            parts: list[Content | str | tuple[str, str]] = [
                (f"{mark} {item.state}", f"bold {style}"),
                f" {item.kind} ",
                (item.id, "bold"),
            ]
            if item.guesses:
                parts += [" · guessed: ", "; ".join(item.guesses)]
            line = Content.assemble(*parts)
        selected = self.view.selected_text()
        chosen = Content.assemble(("selected: ", "dim"), " ".join(selected.split()) or "none")
        status.update(Content("\n").join([line, self._message or chosen]))

    def _say(self, message: str, *, error: bool = False) -> None:
        # A message may name the file, whose name can hold control codes: shown, not obeyed.
        shown = visible(message)
        self._message = Content.styled(shown, "bold $text-error" if error else "$text-success")
        if error:
            self.app.bell()
        self._show_status()

    # -- applying an edit -----------------------------------------------------------------

    async def _apply(
        self, edit: Callable[[Draft], Draft], done: str, select: ItemKey | None = None
    ) -> bool:
        """Make an edit, write the file, redraw; on failure say why and change nothing."""
        before = self._index_of(self.current) or 0
        try:
            self.session.apply(edit)
        except ReviewError as failure:
            self._say(str(failure), error=True)
            return False
        await self._rebuild(select or self.current, before)
        self._say(f"{done} · saved {self.session.path.name}")
        return True

    async def _rebuild(self, key: ItemKey | None, fallback: int) -> None:
        old = self.view
        place = old.current_highlight
        sentence = old.selected
        had_focus = old.has_focus
        scroll = old.scroll_y
        new = self._new_view()
        await old.remove()
        await self.query_one("#review-body", Horizontal).mount(new, before=0)
        self._fill_list()
        index = self._index_of(key)
        if index is None and self._items:
            index = min(fallback, len(self._items) - 1)
        item = None if index is None else self._items[index]
        new.scroll_to(y=scroll, animate=False, immediate=True)
        if place is not None and item is not None and place.ref == item.ref:
            found = new.index_of(place.start, place.end, place.ref)
            if found is not None:
                new.select(found)
        elif sentence is not None and item is not None and item.ref is None:
            new.select_sentence(sentence)
        self._select_item(item)
        if had_focus:
            new.focus()

    # -- the keys -------------------------------------------------------------------------

    def _need(self, *kinds: str) -> ReviewItem | None:
        item = self.current_item
        if item is None or item.kind not in kinds:
            what = " or ".join(kinds)
            self._say(f"select {'an' if what[0] in 'aeiou' else 'a'} {what} first", error=True)
            return None
        return item

    async def action_accept(self) -> None:
        item = self._need("article", "actor", "meeting", "quote")
        if item is None:
            return
        if await self._apply(
            lambda d: accept(d, item.kind, item.id), f"accepted {item.kind} {item.id}"
        ):
            self.action_next_drafted(quiet=True)

    async def action_reject(self) -> None:
        item = self._need("actor", "meeting", "quote")
        if item is None:
            return
        referrers = self.draft.referrers(item.kind, item.id)
        if referrers and not any(field == "speaker" for _, field in referrers):
            question = (
                f"Reject {item.kind} {item.id}? It is referred to by "
                f"{describe_referrers(referrers)}; those references go too."
            )

            async def reject_if_confirmed(yes: bool | None) -> None:
                if yes:
                    await self._reject(item, drop=True)

            self.app.push_screen(ConfirmScreen(question, yes="Reject"), reject_if_confirmed)
            return
        await self._reject(item, drop=False)

    async def _reject(self, item: ReviewItem, *, drop: bool) -> None:
        await self._apply(
            lambda d: reject(d, item.kind, item.id, drop_references=drop),
            f"rejected {item.kind} {item.id}",
        )

    def _actor_choices(self, exclude: str | None = None) -> list[tuple[str, str]]:
        return [
            (actor.id, f"{actor.name} ({actor.kind})")
            for actor in self.draft.loaded.actors
            if actor.id != exclude
        ]

    def action_speaker(self) -> None:
        item = self._need("quote")
        if item is None:
            return
        quote = self.draft.quotes[item.id]

        async def chosen(speaker: str | None) -> None:
            if speaker is not None and speaker != quote.speaker:
                await self._apply(
                    lambda d: set_speaker(d, item.id, speaker), f"speaker of {item.id}: {speaker}"
                )

        self.app.push_screen(
            PickerScreen(f"Speaker of “{quote.text}”", self._actor_choices(), quote.speaker),
            chosen,
        )

    def action_kind(self) -> None:
        item = self._need("quote")
        if item is None:
            return
        quote = self.draft.quotes[item.id]

        async def chosen(kind: str | None) -> None:
            if kind is not None and kind != quote.kind:
                await self._apply(
                    lambda d: set_quote_kind(d, item.id, kind), f"{item.id} is now {kind}"
                )

        choices = [(kind, kind) for kind in QUOTE_KINDS]
        self.app.push_screen(PickerScreen("Kind of quote", choices, quote.kind), chosen)

    def action_when(self) -> None:
        item = self._need("meeting")
        if item is None:
            return
        meeting = self.draft.meetings[item.id]

        async def chosen(when: str | None) -> None:
            current = meeting.when.iso() if meeting.when else ""
            if when is not None and when != current:
                await self._apply(
                    lambda d: set_when(d, item.id, when),
                    f"{item.id}: {'when ' + when if when else 'no date'}",
                )

        self.app.push_screen(
            WhenScreen(meeting.title, meeting.when.iso() if meeting.when else ""), chosen
        )

    def action_status(self) -> None:
        item = self._need("meeting")
        if item is None:
            return
        meeting = self.draft.meetings[item.id]

        async def chosen(status: str | None) -> None:
            if status is not None and status != meeting.status:
                await self._apply(lambda d: set_status(d, item.id, status), f"{item.id}: {status}")

        choices = [(status, status) for status in MEETING_STATUSES]
        self.app.push_screen(PickerScreen("Status", choices, meeting.status), chosen)

    def action_merge(self) -> None:
        item = self._need("actor")
        if item is None:
            return
        actor = self.draft.actors[item.id]

        async def chosen(target: str | None) -> None:
            if target is not None:
                await self._apply(
                    lambda d: merge_actors(d, item.id, target),
                    f"merged {item.id} into {target}",
                    select=("actor", target),
                )

        self.app.push_screen(
            PickerScreen(f"Merge {actor.name} into…", self._actor_choices(exclude=item.id)),
            chosen,
        )

    def _evidence(self) -> str | None:
        text = self.view.selected_text()
        if not text:
            self._say(
                "select a sentence first: Tab to a highlight, or ( ) between sentences", error=True
            )
            return None
        return text

    def action_add_actor(self) -> None:
        evidence = self._evidence()
        if evidence is None:
            return

        async def chosen(new: NewActor | None) -> None:
            if new is None:
                return
            made: list[str] = []

            def edit(draft: Draft) -> Draft:
                result, ident = add_actor(draft, new.name, new.kind, evidence, role=new.role)
                made.append(ident)
                return result

            if await self._apply(edit, f"added actor {new.name}"):
                index = self._index_of(("actor", made[0]))
                if index is not None:
                    self._select_item(self._items[index], keep_message=True)

        self.app.push_screen(AddActorScreen(evidence), chosen)

    def action_add_quote(self) -> None:
        evidence = self._evidence()
        if evidence is None:
            return
        speakers = self._actor_choices()
        if not speakers:
            self._say(
                "add the speaker first (A): a quote needs one of the file's actors", error=True
            )
            return
        item = self.current_item
        speaker = None
        if item is not None and item.kind == "actor":
            speaker = item.id
        elif item is not None and item.kind == "quote":
            speaker = self.draft.quotes[item.id].speaker
        meetings = [(m.id, m.title) for m in self.draft.loaded.meetings]

        async def chosen(new: NewQuote | None) -> None:
            if new is None:
                return
            made: list[str] = []

            def edit(draft: Draft) -> Draft:
                result, ident = add_quote(
                    draft, new.text, new.speaker, new.kind, evidence, meeting=new.meeting
                )
                made.append(ident)
                return result

            if await self._apply(edit, "added a quote"):
                index = self._index_of(("quote", made[0]))
                if index is not None:
                    self._select_item(self._items[index], keep_message=True)

        self.app.push_screen(AddQuoteScreen(evidence, speakers, meetings, speaker=speaker), chosen)

    def action_next_drafted(self, quiet: bool = False) -> None:
        """Go to the next item still drafted, after the current one, round the end."""
        if not self._items:
            return
        start = self._index_of(self.current)
        start = -1 if start is None else start
        count = len(self._items)
        for step in range(1, count + 1):
            item = self._items[(start + step) % count]
            if item.state == "drafted":
                if (item.kind, item.id) != self.current:
                    self._select_item(item, keep_message=quiet)
                return
        if not quiet:
            self._say("every item is accepted: nothing left to review")

    async def action_undo(self) -> None:
        before = self._index_of(self.current) or 0
        try:
            self.session.undo()
        except ReviewError as failure:
            self._say(str(failure), error=True)
            return
        await self._rebuild(self.current, before)
        self._say(f"undone · saved {self.session.path.name}")

    def action_switch(self) -> None:
        """Focus the items list or the text (at narrow sizes, show one or the other)."""
        if self.item_list.has_focus:
            self.remove_class("-list")
            self.view.focus()
        else:
            self.add_class("-list")
            self.item_list.focus()

    def key_escape(self) -> None:
        if self.item_list.has_focus:
            self.action_switch()


__all__ = ["ReviewScreen", "item_line"]

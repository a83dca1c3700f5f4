"""Everything about one item: its fields, every relation as a link, its sentences in the article.

One `OptionList`: text lines are disabled options (the cursor skips them), links are enabled
ones, so arrows move from link to link, Enter or a click follows one, and long text wraps and
scrolls like any list.
"""

from __future__ import annotations

from typing import ClassVar, Unpack

from textual.binding import BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from explorer import keymap
from explorer.data import Article, Corpus, Ref, Span
from explorer.describe import describe_fields, item_title, sentence_text
from explorer.services import NoteLookup
from explorer.widgets.keys import LIST_KEYS
from explorer.widgets.note_marks import note_section
from explorer.widgets.option_list import PagedOptionList
from explorer.widgets.options import WidgetOptions
from explorer.widgets.provenance import OpenSentence
from explorer.widgets.rows import KIND_NAMES, literal, ref_labels

LINK_PREFIX = "link:"
SENTENCE_PREFIX = "sentence:"
MORE_PREFIX = "more:"
# An actor of many articles has thousands of links and sentences; measuring them all would
# make every move onto it take seconds. The pane shows a page of each, and a "more" line
# (Enter or a click) that shows the next page. A page is a screenful or two of a tall
# terminal: each line of it is measured on every move onto the item (100 links and 50
# sentences were a fifth of a move onto an actor of 10,000 articles).
LINKS_PAGE = 50
SENTENCES_PAGE = 25
# An actor of many articles lists thousands of ids (hundreds of wrapped lines, measured again
# on every move onto it); the detail names the first few and says how many (the reader and
# `explorer show` list them all).
ARTICLES_SHOWN = 12


def _text(value: str) -> str:
    """Data shown in full (wrapped), but without control codes."""
    return literal(value) if "\n" not in value else "\n".join(literal(p) for p in value.split("\n"))


class DetailPane(PagedOptionList):
    """The item under the cursor: fields, links (Enter follows) and supporting sentences."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *LIST_KEYS,
        keymap.binding("detail.follow"),
    ]

    # Its height is the layout's (1fr), never its lines': a new item's length changes only
    # what it scrolls over, so no layout of the whole screen (a scrollbar that appears or
    # goes still asks for one). Textual's default lays out the screen on every move.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    class Follow(Message):
        """The user chose a link to another item."""

        def __init__(self, ref: Ref) -> None:
            super().__init__()
            self.ref = ref

    def __init__(
        self, corpus: Corpus, notes: NoteLookup | None = None, **kwargs: Unpack[WidgetOptions]
    ) -> None:
        super().__init__(markup=False, **kwargs)
        self.corpus = corpus
        self.notes = notes  # the user's notes, for the note section (None: none shown)
        self.ref: Ref | None = None
        self.links: list[Ref] = []
        self.sentences: list[tuple[Article, Span]] = []
        self.limits = {"links": LINKS_PAGE, "sentences": SENTENCES_PAGE}

    def show(self, ref: Ref | None) -> None:
        """Describe an item (or nothing); the cursor waits until the pane is focused."""
        if ref != self.ref:
            self.limits = {"links": LINKS_PAGE, "sentences": SENTENCES_PAGE}
        self.ref = ref
        self.links = []
        self.sentences = []
        options: list[Option | None] = []
        item = self.corpus.get(ref) if ref is not None else None
        if ref is None or item is None:
            self.border_title = "Detail"
            self.set_options(
                [Option(Content.styled("Nothing selected", "dim italic"), disabled=True)]
            )
            return
        self.border_title = Content.assemble("Detail: ", (KIND_NAMES[ref.kind], "bold"))
        options.append(self._line(Content.styled(_text(item_title(item)), "bold")))
        for label, value in describe_fields(self.corpus, item, articles_shown=ARTICLES_SHOWN):
            options.append(self._line(Content.assemble((f"{label}: ", "dim"), _text(value))))
        options += note_section(self.notes, ref)  # the user's note and bookmark
        options += self.link_section(ref)
        options += self.article_section(ref)
        self.set_options(options)
        self.highlighted = self._first_link() if self.has_focus else None
        self.scroll_home(animate=False, immediate=True)

    def link_section(self, ref: Ref) -> list[Option | None]:
        """Every relation of the item, one link each (a page of them: only that page is read,
        and the count, for an actor of thousands)."""
        limit = self.limits["links"]
        groups = self.corpus.relation_groups(ref, limit)
        total = sum(group.total for group in groups)
        shown = [(group.label, target) for group in groups for target in group.targets][:limit]
        options: list[Option | None] = [self._heading(f"Links ({total})")]
        if not total:
            options.append(self._line(Content.styled("no related items", "dim italic")))
        self.links = [target for _, target in shown]
        width = max((len(label) for label, _ in shown), default=0)
        labels = ref_labels(self.corpus, self.links, 200)
        for index, ((relation, target), label) in enumerate(zip(shown, labels, strict=True)):
            prompt = Content.assemble(
                ("→ ", "$accent"),
                (f"{relation:<{width}}  ", "dim"),
                (label, "underline"),
                (f"  {KIND_NAMES[target.kind]}", "dim italic"),
            )
            options.append(Option(prompt, id=f"{LINK_PREFIX}{index}"))
        if total > len(shown):
            options.append(self._more("links", total - len(shown), LINKS_PAGE))
        return options

    def article_section(self, ref: Ref) -> list[Option | None]:
        """The sentences of the article that support the item, each a link into the reader."""
        # Only the sentences shown are read (an actor of many articles has thousands).
        shown = self.corpus.sentences(ref, self.limits["sentences"])
        total = len(shown) if len(shown) < self.limits["sentences"] else None
        if total is None:
            total = self.corpus.sentence_count(ref)
        options: list[Option | None] = [self._heading("In the article")]
        if not shown:
            options.append(self._line(Content.styled("no supporting sentence", "dim italic")))
        self.sentences = shown
        for index, (article, span) in enumerate(shown):
            sentence = Content.from_rich_text(sentence_text(article, span, style="bold underline"))
            prompt = Content.assemble(("› ", "$accent"), sentence)
            options.append(Option(prompt, id=f"{SENTENCE_PREFIX}{index}"))
        if total > len(shown):
            options.append(self._more("sentences", total - len(shown), SENTENCES_PAGE))
        return options

    def _more(self, section: str, left: int, page: int) -> Option:
        label = "link" if section == "links" else "sentence"
        return Option(
            Content.assemble(
                ("+ ", "$accent"),
                (f"{left:,} more {label}{'s' if left != 1 else ''}", "italic"),
                (f"  (Enter shows {min(left, page)} more)", "dim"),
            ),
            id=f"{MORE_PREFIX}{section}",
        )

    def show_more(self, section: str) -> None:
        """Show the next page of a section, the cursor on its first new line."""
        if self.ref is None or section not in self.limits:
            return
        page = LINKS_PAGE if section == "links" else SENTENCES_PAGE
        first_new = self.limits[section]
        self.limits[section] += page
        scroll = self.scroll_y
        self.show(self.ref)
        prefix = LINK_PREFIX if section == "links" else SENTENCE_PREFIX
        target = f"{prefix}{first_new}"
        for index, option in enumerate(self.options):
            if option.id == target:
                self.highlighted = index
                break
        self.scroll_to(y=scroll, animate=False, immediate=True)
        self.scroll_to_highlight()

    def link_at(self, index: int) -> Ref | None:
        """The item that option `index` links to, if it is a link."""
        option_id = self.options[index].id or ""
        if option_id.startswith(LINK_PREFIX):
            return self.links[int(option_id[len(LINK_PREFIX) :])]
        return None

    def line_of(self, index: int) -> int:
        """The first line (in the scrolled content) of option `index`, for pointing at it."""
        self._update_lines()
        return self._index_to_line[index]

    def _line(self, content: Content) -> Option:
        return Option(content, disabled=True)

    def _heading(self, title: str) -> Option:
        return Option(Content.assemble("\n", (title, "bold $text-accent")), disabled=True)

    def _first_link(self) -> int | None:
        for index, option in enumerate(self.options):
            if not option.disabled:
                return index
        return None

    def focus_on_item(self) -> None:
        """Focus the pane with the item's own lines in view (a search result's words), the
        cursor on the first link even when a short pane cannot show that link as well."""
        if self.has_focus:
            self.scroll_home(animate=False, immediate=True)
            return
        self._keep_top = True
        self.focus()

    _keep_top = False

    def on_focus(self) -> None:
        if self.highlighted is None:
            first = self._first_link()
            if first is not None:
                self.highlighted = first
        if self._keep_top:
            self._keep_top = False
            self.scroll_home(animate=False, immediate=True)

    def action_cursor_up(self) -> None:
        """Above the first link there is only text: show it from the top."""
        if self.highlighted is None or self.highlighted == self._first_link():
            self.scroll_home(animate=False)
            return
        super().action_cursor_up()

    def action_cursor_down(self) -> None:
        if self._first_link() is None:
            self.scroll_down(animate=False)
            return
        super().action_cursor_down()

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self.link_at(event.option_index)
        if target is not None:
            self.post_message(self.Follow(target))
        option_id = event.option.id or ""
        if option_id.startswith(MORE_PREFIX):
            self.show_more(option_id[len(MORE_PREFIX) :])
        if option_id.startswith(SENTENCE_PREFIX) and self.ref is not None:
            article, span = self.sentences[int(option_id[len(SENTENCE_PREFIX) :])]
            self.post_message(OpenSentence(self.ref, article, span))

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

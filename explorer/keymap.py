"""Every key of explorer, as data: one table that the bindings, the help and the config use.

Each entry of `KEYMAP` names a binding (`id`, Textual's binding id: what a user's
`config.toml` remaps), its default keys, the action it runs, its footer label and its help
line, and the place it works (`context`). A class takes its bindings with
`bindings("context")`; the help screen lists the table, the current screen's places first;
`explorer.settings` checks a user's remapping against `binding_ids()`.

One key means one thing wherever it works: `n`/`N` next/previous (search result, highlight),
`/` search or narrow the list on screen, `g`/`G` first/last, `r` related items only, `e` a
note, `y` yes and Esc no in every question, Esc closes, Ctrl+C quits (as `q` and Ctrl+Q do).
Entries with `binding=False` are keys a widget handles itself (Enter in a search line, a
click): they are listed in the help but bind nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

from explorer.settings import Settings, load_settings

if TYPE_CHECKING:
    from textual.app import App


@dataclass(frozen=True, slots=True)
class Key:
    """One key (or a few keys for one action) in one place."""

    id: str
    keys: str
    action: str
    label: str  # short: the footer's
    help: str  # the help screen's line
    context: str
    show: bool = False
    display: str | None = None
    priority: bool = False
    binding: bool = True


# The places keys work, in the order the help lists them, with their headings.
CONTEXTS: dict[str, str] = {
    "list": "Moving in a list",
    "panes": "Panes",
    "history": "History",
    "search": "Quote search",
    "reader": "Article reader",
    "timeline": "Timeline",
    "network": "Who met whom",
    "expectations": "Expectations followed up",
    "notes": "Notes and bookmarks",
    "editor": "Writing a note",
    "articles": "Many articles",
    "dialog": "Questions and dialogs",
    "help": "This help",
    "app": "Everywhere",
    "review": "Review (explorer review FILE)",
}

# A few lines said under a heading, for what keys alone do not tell.
CONTEXT_NOTES: dict[str, tuple[str, ...]] = {
    "panes": (
        "Moving in one pane shows, in the others, what relates to the item under the cursor: "
        "● directly, ◦ through a member (a country's ministers, an organisation's units). A "
        'pane\'s title counts them ("Meetings 3 of 9").',
    ),
    "history": (
        "Every jump (a link followed, a palette choice, the reader, the timeline) is "
        "recorded; a new jump after going back drops the forward entries, as in a browser.",
    ),
    "search": (
        "Words must all match, in any order; case and accents are ignored; the last word also "
        'matches as a prefix. "exact phrase": side by side; -word: without it; speaker:NAME, '
        "meeting:NAME, article:ID, kind:direct|paraphrase|reported.",
        "Nothing matches? Near matches one typo away show, labelled; else the line says which "
        "part found nothing.",
    ),
    "reader": (
        "Actor mentions in bold colour, quotes in italics on one tint, evidence on another; "
        "the current highlight is marked and its sentence underlined.",
    ),
    "timeline": (
        "Every meeting in date order, at its precision, with its status (● happened, "
        "◐ ongoing, ○ planned, ◌ expected, ◇ postponed, ✕ cancelled). Opened from an item, the cursor is on its first "
        "meeting and its meetings are marked.",
        "A meeting some article expected shows what became of it under its status: "
        "✓ fulfilled, ↷ changed, … open, ! overdue (p lists them).",
    ),
    "expectations": (
        "Every meeting an article calls planned or expected, by what the later articles say "
        "of it: ✓ fulfilled (reported held), ↷ changed (another date, postponed, cancelled), "
        "… open (nothing since), ! overdue (open, and its date had passed by the newest "
        "article). Each shows the sentence that expected it, and the one that followed it up.",
    ),
    "network": (
        "The actors the item under the cursor met at shared meetings (a country: through its "
        "members), most meetings first, each with the meetings that link it; then whom they "
        "met, two steps away. Long lists are cut and say how many more there are "
        "(explorer export --format dot --actor ID writes the whole network).",
    ),
    "notes": (
        "Notes live in their own file, never in the database: re-importing the articles "
        "keeps them; a note whose item is gone is kept and marked orphaned.",
    ),
    "app": (
        "Keys are remapped, and the theme chosen, in config.toml (see the README): "
        '[keys] "app.note" = "ctrl+n".',
    ),
}

# A table, one key a line (left as written by the formatter).
# fmt: off
KEYMAP: tuple[Key, ...] = (
    # -- everywhere (the app's own bindings) ----------------------------------------------
    Key("app.help", "question_mark,f1", "help", "Help", "this help, the current screen's keys first", "app", show=True, display="?"),
    Key("app.quit", "q", "quit", "Quit", "quit (asking first about a note being written)", "app"),
    Key("app.quit_ctrl", "ctrl+c", "quit", "Quit", "quit too, from anywhere, also from a search line", "app", display="^c", priority=True),
    Key("app.palette", "ctrl+p", "command_palette", "Palette", "command palette: jump to any item by name; themes", "app", display="^p", binding=False),
    Key("app.reader", "a", "reader", "Article", "read the article where it names the item under the cursor", "app", show=True),
    Key("app.timeline", "t", "timeline", "Timeline", "the timeline, placed on the meetings of the item under the cursor", "app", show=True),
    Key("app.network", "w", "network", "Network", "who met whom: the actors the item under the cursor met, one and two steps away", "app", show=True),
    Key("app.bookmark", "m", "bookmark", "Bookmark", "bookmark the item under the cursor, or remove its bookmark (★)", "notes"),
    Key("app.note", "e", "note", "Note", "write or edit your note on the item under the cursor (✎)", "notes"),
    Key("app.notes", "b", "notes", "Notes", "every note and bookmark, newest first", "notes"),
    Key("app.articles", "f", "filter_articles", "Articles", "show the items of one article in every pane, or all again", "articles"),
    Key("app.export", "ctrl+e", "export", "Export", "export what is shown as JSON, CSV, Markdown or DOT", "articles", display="^e"),
    Key("app.back", "left_square_bracket,backspace,alt+left", "back", "Back", "back (also Backspace, Alt+←)", "history", show=True, display="["),
    Key("app.forward", "right_square_bracket,alt+right", "forward", "Fwd", "forward (also Alt+→)", "history", show=True, display="]"),
    Key("history.crumb", "click", "", "", "a click on a crumb of the path (top line) goes back to it", "history", display="Click", binding=False),
    # -- the main screen's panes ----------------------------------------------------------
    Key("app.pane_actors", "1", "focus_pane(0)", "Actors", "focus the Actors pane", "panes", display="1"),
    Key("app.pane_meetings", "2", "focus_pane(1)", "Meetings", "focus the Meetings pane", "panes", display="2"),
    Key("app.pane_quotes", "3", "focus_pane(2)", "Quotes", "focus the Quotes pane", "panes", display="3"),
    Key("app.pane_detail", "4", "focus_pane(3)", "Detail", "focus the detail pane: fields, links, sentences", "panes", display="4"),
    Key("main.next_pane", "tab", "cycle_pane(1)", "Next pane", "next pane", "panes", display="Tab"),
    Key("main.previous_pane", "shift+tab", "cycle_pane(-1)", "Previous pane", "previous pane", "panes", display="Shift+Tab"),
    Key("main.related", "r", "toggle_related", "Related", "related items first and marked, or only them", "panes", show=True),
    Key("pane.open", "enter", "open", "Links", "in a list: to the links of the item (the detail pane)", "panes", show=True, display="Enter"),
    Key("detail.follow", "enter", "select", "Follow", "in the detail pane: follow the link; on a sentence: read it", "panes", show=True, display="Enter"),
    # -- moving in any list ---------------------------------------------------------------
    Key("list.down", "j,down", "cursor_down", "Down", "next item (in the detail pane: link)", "list", display="j ↓"),
    Key("list.up", "k,up", "cursor_up", "Up", "previous item", "list", display="k ↑"),
    Key("list.first", "g,home", "first", "First", "first", "list", display="g Home"),
    Key("list.last", "G,end", "last", "Last", "last", "list", display="G End"),
    Key("list.page_down", "pagedown", "page_down", "Page down", "a page down", "list", display="PgDn"),
    Key("list.page_up", "pageup", "page_up", "Page up", "a page up", "list", display="PgUp"),
    Key("list.click", "click", "", "", "a click selects an item; a click on a link follows it", "list", display="Click", binding=False),
    # -- the quote search -----------------------------------------------------------------
    Key("main.search", "slash", "search", "Search", "search the quotes, from any pane: results narrow as you type", "search", show=True, display="/", priority=True),
    Key("search.go", "enter", "", "", "while typing: go to the result (the detail pane shows it)", "search", display="Enter", binding=False),
    Key("search.pick", "tab,ctrl+n", "pick(1)", "Next result", "while typing: pick the next result (also Ctrl+N)", "search", show=True, display="Tab"),
    Key("search.pick_previous", "shift+tab,ctrl+p", "pick(-1)", "Previous result", "while typing: the previous result (also Ctrl+P)", "search", display="Shift+Tab"),
    Key("search.recall", "up", "recall(-1)", "Earlier search", "while typing: an earlier search of the session", "search", display="↑"),
    Key("search.recall_later", "down", "recall(1)", "Later search", "while typing: a later search", "search", display="↓"),
    Key("search.cancel", "escape", "cancel", "Close", "while typing: close, back to what was shown before", "search", show=True, display="Esc"),
    Key("main.search_next", "n", "search_next", "Next", "after Enter: the next result, round the end", "search", show=True),
    Key("main.search_previous", "N", "search_previous", "Prev", "after Enter: the previous result", "search", show=True),
    Key("main.search_close", "escape", "search_close", "Close search", "after Enter: close the search", "search", show=True, display="Esc"),
    # -- the article reader ---------------------------------------------------------------
    Key("reader.close", "escape", "close", "Close", "back where you were", "reader", show=True, display="Esc"),
    Key("reader.next", "n,tab", "next_highlight", "Next", "next highlight (also Tab)", "reader", show=True, display="n"),
    Key("reader.previous", "N,shift+tab", "previous_highlight", "Prev", "previous highlight (also Shift+Tab)", "reader", show=True, display="N"),
    Key("reader.choose", "enter", "choose", "Go to item", "go to the highlight's item; a click selects, a second follows", "reader", show=True, display="Enter"),
    Key("reader.down", "j", "scroll_down", "Down", "scroll down", "reader", display="j"),
    Key("reader.up", "k", "scroll_up", "Up", "scroll up", "reader", display="k"),
    Key("reader.top", "g", "scroll_home", "Top", "the top", "reader", display="g"),
    Key("reader.bottom", "G", "scroll_end", "Bottom", "the end", "reader", display="G"),
    Key("reader.page", "space", "page_down", "Page", "a page down", "reader", display="Space"),
    # -- the timeline ---------------------------------------------------------------------
    Key("timeline.close", "escape", "close", "Close", "back where you were", "timeline", show=True, display="Esc"),
    Key("timeline.filter", "slash", "edit_filter", "Filter", "narrow to an actor as you type (name, alias, id)", "timeline", show=True, display="/", priority=True),
    Key("timeline.cancel_filter", "escape", "cancel_filter", "Cancel", "in the filter line: the filter as it was before /", "timeline", show=True, display="Esc"),
    Key("timeline.clear", "x", "clear_filter", "Clear", "clear the actor filter", "timeline", show=True),
    Key("timeline.related", "r", "toggle_related", "Only marked", "only the marked meetings (the item's), or all", "timeline", show=True),
    Key("timeline.go", "enter", "", "", "go to the meeting", "timeline", display="Enter", binding=False),
    Key("timeline.down", "j", "cursor('down')", "Down", "next meeting (also ↓)", "timeline", display="j"),
    Key("timeline.up", "k", "cursor('up')", "Up", "previous meeting (also ↑)", "timeline", display="k"),
    Key("timeline.first", "g", "cursor('first')", "First", "first meeting (also Home)", "timeline", display="g"),
    Key("timeline.last", "G", "cursor('last')", "Last", "last meeting (also End)", "timeline", display="G"),
    # -- who met whom ---------------------------------------------------------------------
    Key("network.close", "escape", "close", "Close", "back where you were", "network", show=True, display="Esc"),
    Key("network.go", "enter", "", "", "on an actor: its own network; on a meeting: the meeting, on the main screen", "network", display="Enter", binding=False),
    Key("network.down", "j", "cursor('down')", "Down", "next actor or meeting (also ↓)", "network", display="j"),
    Key("network.up", "k", "cursor('up')", "Up", "previous actor or meeting (also ↑)", "network", display="k"),
    Key("network.first", "g", "cursor('first')", "First", "first actor (also Home)", "network", display="g"),
    Key("network.last", "G", "cursor('last')", "Last", "last actor or meeting (also End)", "network", display="G"),
    # -- expectations followed up --------------------------------------------------------
    Key("app.expectations", "p", "expectations", "Expected", "planned and expected meetings: fulfilled, changed, open or overdue", "expectations"),
    Key("expectations.close", "escape", "close", "Close", "back where you were", "expectations", show=True, display="Esc"),
    Key("expectations.go", "enter", "", "", "go to the meeting (the main screen shows it)", "expectations", display="Enter", binding=False),
    # -- notes ----------------------------------------------------------------------------
    Key("notes.close", "escape", "close", "Back", "in the list of notes: back", "notes", show=True, display="Esc"),
    Key("notes.go", "enter", "select", "Go to item", "in the list of notes: go to the item", "notes", show=True, display="Enter"),
    Key("notes.edit", "e", "edit", "Edit note", "in the list of notes: edit the note", "notes", show=True),
    Key("notes.bookmark", "m", "bookmark", "Bookmark", "in the list of notes: toggle the bookmark", "notes", show=True),
    Key("notes.delete", "d,delete", "delete", "Delete", "in the list of notes: delete, after asking", "notes", show=True, display="d"),
    Key("editor.save", "ctrl+s", "save", "Save", "save the note", "editor", show=True, display="^s", priority=True),
    Key("editor.cancel", "escape", "cancel", "Cancel", "close, asking first if the text changed", "editor", show=True, display="Esc"),
    # -- questions and dialogs ------------------------------------------------------------
    Key("dialog.yes", "y", "answer(True)", "Yes", "yes (in every question)", "dialog", show=True),
    Key("dialog.no", "escape", "answer(False)", "No", "no (in every question)", "dialog", show=True, display="Esc"),
    Key("dialog.switch", "left,right", "app.focus_next", "Switch", "between the answers (Enter presses one)", "dialog", display="← →"),
    Key("dialog.cancel", "escape", "cancel", "Cancel", "cancel a dialog (a picker, the export)", "dialog", show=True, display="Esc"),
    Key("dialog.down", "down", "move(1)", "Down", "in a picker: the next entry (type to narrow the list)", "dialog", display="↓"),
    Key("dialog.up", "up", "move(-1)", "Up", "in a picker: the previous entry", "dialog", display="↑"),
    Key("palette.next_page", "pagedown", "page(1)", "Next page", "in the palette: the next page of items", "dialog", display="PgDn"),
    Key("palette.previous_page", "pageup", "page(-1)", "Previous page", "in the palette: the previous page", "dialog", display="PgUp"),
    # -- help -----------------------------------------------------------------------------
    Key("help.close", "escape,question_mark,f1", "close", "Close", "close the help (in the search line: leave it)", "help", show=True, display="Esc"),
    Key("help.search", "slash", "search", "Search", "narrow the keys as you type", "help", show=True, display="/", priority=True),
    Key("help.down", "j,down", "scroll(1)", "Down", "scroll down", "help", display="j"),
    Key("help.up", "k,up", "scroll(-1)", "Up", "scroll up", "help", display="k"),
    Key("help.first", "g,home", "scroll_to('top')", "Top", "the top", "help", display="g"),
    Key("help.last", "G,end", "scroll_to('bottom')", "Bottom", "the end", "help", display="G"),
    # -- review ---------------------------------------------------------------------------
    Key("review.next_drafted", "d", "next_drafted", "Next draft", "the next item still drafted (◌), round the end", "review", show=True),
    Key("review.accept", "a", "accept", "Accept", "accept the item: its # draft: guesses go", "review", show=True),
    Key("review.reject", "x", "reject", "Reject", "reject the item: it goes from the file (asking when others refer to it)", "review", show=True),
    Key("review.speaker", "s", "speaker", "Speaker", "a quote's speaker, picked from the file's actors", "review", show=True),
    Key("review.kind", "c", "kind", "Kind", "a quote's kind: direct, paraphrase or reported", "review", show=True),
    Key("review.when", "w", "when", "When", "a meeting's date (2025-01-13, 2025-01, 2025, START/END)", "review", show=True),
    Key("review.status", "S", "status", "Status", "a meeting's status", "review", show=True),
    Key("review.merge", "M", "merge", "Merge", "merge the actor into another", "review", show=True),
    Key("review.add_actor", "A", "add_actor", "+Actor", "a new actor with the selected sentence as evidence", "review", show=True),
    Key("review.add_quote", "Q", "add_quote", "+Quote", "a new quote from the selected sentence", "review", show=True),
    Key("review.undo", "u", "undo", "Undo", "undo the last change", "review", show=True),
    Key("review.switch", "l", "switch", "List/text", "the items list or the text (one at a time below 90 columns)", "review", show=True),
    Key("review.next", "n,tab", "next_highlight", "Next", "next highlight (also Tab)", "review", display="n"),
    Key("review.previous", "N,shift+tab", "previous_highlight", "Prev", "previous highlight (also Shift+Tab)", "review", display="N"),
    Key("review.choose", "enter", "choose", "In the list", "the highlight's item in the list", "review", display="Enter"),
    Key("review.next_sentence", "right_parenthesis", "next_sentence", "Next sentence", "select the next sentence (a click on words too)", "review", display=")"),
    Key("review.previous_sentence", "left_parenthesis", "previous_sentence", "Previous sentence", "select the previous sentence", "review", display="("),
    Key("review.help", "question_mark,f1", "help", "Help", "this help", "review", show=True, display="?"),
    Key("review.quit", "q", "quit", "Quit", "quit (every change is already written)", "review", show=True),
)
# fmt: on

_BY_ID: dict[str, Key] = {key.id: key for key in KEYMAP}


def key(binding_id: str) -> Key:
    """The entry of `binding_id` (a KeyError names a slip in the code, not the user's)."""
    return _BY_ID[binding_id]


def binding(binding_id: str) -> Binding:
    """The Textual binding of one entry, with its id so a keymap can remap it."""
    entry = _BY_ID[binding_id]
    return Binding(
        entry.keys,
        entry.action,
        entry.label,
        show=entry.show,
        key_display=entry.display,
        priority=entry.priority,
        tooltip=entry.help,
        id=entry.id,
    )


def bindings(*binding_ids: str) -> list[BindingType]:
    """The bindings of the entries named, in that order (a class's `BINDINGS`)."""
    return [binding(binding_id) for binding_id in binding_ids]


def binding_ids() -> frozenset[str]:
    """Every id a user's config may remap (keys the widgets handle themselves excluded)."""
    return frozenset(entry.id for entry in KEYMAP if entry.binding)


def in_context(context: str) -> list[Key]:
    return [entry for entry in KEYMAP if entry.context == context]


def _key_names() -> frozenset[str]:
    from textual.keys import Keys, _character_to_key

    names = {key.value.rsplit("+", 1)[-1] for key in Keys}
    names |= {"enter", "tab", "space", "backspace", "escape", "delete", "insert"}
    for code in range(33, 127):
        names.add(chr(code))
        names.add(_character_to_key(chr(code)))
    return frozenset(names)


MODIFIERS = ("ctrl", "shift", "alt", "super", "meta", "hyper")


def valid_key(name: str) -> bool:
    """Whether `name` is a key Textual can bind: "e", "G", "ctrl+n", "f2", "question_mark"."""
    *modifiers, base = name.split("+") if name != "+" else ["+"]
    return bool(base) and all(m in MODIFIERS for m in modifiers) and base in _key_names()


def themes() -> frozenset[str]:
    from textual.theme import BUILTIN_THEMES

    return frozenset(BUILTIN_THEMES)


def read_settings() -> Settings:
    """The user's config file, checked against this keymap (`SettingsError` if unusable)."""
    return load_settings(binding_ids=binding_ids(), valid_key=valid_key, themes=themes())


REMAPPED = "explorer_remapped_keys"  # the app attribute holding the user's keys, for the help


def apply_settings(app: App, settings: Settings) -> None:
    """Give `app` the user's keys and theme (before it runs)."""
    app.set_keymap(settings.keys)
    setattr(app, REMAPPED, dict(settings.keys))
    if settings.theme is not None:
        app.theme = settings.theme


def remapped(app: App) -> dict[str, str]:
    """The keys the user remapped in `app` (binding id -> keys), for the help."""
    return dict(getattr(app, REMAPPED, {}))


def shown_keys(entry: Key, remapped: dict[str, str]) -> str:
    """How the help shows an entry's keys: the user's, when remapped, else the default's."""
    keys = remapped.get(entry.id)
    if keys is None:
        if entry.display is not None:
            return entry.display
        keys = entry.keys
    from textual.keys import format_key

    shown = []
    for name in keys.split(","):
        *modifiers, base = name.split("+")
        base = format_key(base)
        if "ctrl" in modifiers:
            modifiers.remove("ctrl")
            base = f"^{base}"
        shown.append("+".join([*modifiers, base]))
    return " ".join(shown)

"""What every subcommand shares: consoles, the corpus to read, and the exit codes."""

from __future__ import annotations

import argparse
import difflib
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from explorer.console import EXIT_BAD_INPUT, EXIT_NOT_FOUND, EXIT_OK, error, stderr, stdout

# Only the errors and a function that imports on call: the data layer loads when a command
# runs, not when its arguments are declared (every subcommand is declared before the app's
# first frame).
from explorer.data.errors import ExplorerError
from explorer.data.loading import load_corpus

if TYPE_CHECKING:
    from explorer.data import Corpus
    from explorer.data.models import ItemKind


def note_if_stale(db: Path | None) -> None:
    """Say on stderr when the user's corpus (what a command opens without --db) was imported
    from article files that have changed since: what it shows is not what they say."""
    from explorer.data.locations import has_user_corpus, user_corpus_path

    if db is not None or not has_user_corpus():
        return
    from rich.text import Text

    from explorer.data.sources import stale_note

    note = stale_note(user_corpus_path())
    if note is not None:
        stderr().print(Text(note, style="yellow"))


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="FILE",
        type=Path,
        help="database to read (default: your corpus once `explorer import` has written it, "
        "else the embedded seed article; see `explorer --help`)",
    )


_RICH_STRIPS = re.compile("[\x07\x08\x0b\x0c\x0d]")  # what Text() takes out of a str


def is_plain(console: Console) -> bool:
    """True when `console` writes plain text (piped, no colour): what Rich writes there is
    each line's characters, tabs expanded, and nothing else."""
    return not (console.is_terminal or console.color_system is not None or console.record)


def print_lines(console: Console, lines: Sequence[Text | str]) -> None:
    """Print `lines` on `console`, one line each, in one print (Rich's cost is per call).

    Where the console `is_plain`, the lines' text is written as Rich would write it without
    Rich laying out every line, which at thousands of lines was most of a command's time (a
    str is then written as Text(str) would be: control codes taken out, tabs expanded)."""
    if not is_plain(console):
        texts = [line if isinstance(line, Text) else Text(line) for line in lines]
        console.print(Text("\n").join(texts), soft_wrap=not console.is_terminal)
        return
    from rich.control import strip_control_codes

    plain: list[str] = []
    for line in lines:
        if isinstance(line, Text):
            text = line.plain
        else:
            text = strip_control_codes(line) if _RICH_STRIPS.search(line) else line
        if "\t" in text:
            expanded = Text(text)
            expanded.expand_tabs(console.tab_size)
            text = expanded.plain
        plain.append(text)
    plain.append("")
    console.file.write("\n".join(plain))
    console.file.flush()


# More than any list holds: a larger --limit is read as this one, which SQLite can still bind
# (with one added) where a number past 64 bits would raise OverflowError.
LIMIT_CAP = 1 << 40


def positive_number(value: str) -> int:
    """An option's whole number of 1 or more (`--limit N`), else a usage error naming it; a
    number beyond `LIMIT_CAP` is that cap, as good as no limit."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {value!r}")
    return min(number, LIMIT_CAP)


_NOT_SLUG = re.compile(r"[^a-z0-9]+")
SUGGESTIONS = 3


def _as_slug(text: str) -> str:
    """ "Yoshimasa Hayashi" -> "yoshimasa-hayashi": the id a name would have."""
    ascii_text = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore")
    return _NOT_SLUG.sub("-", ascii_text.decode()).strip("-")


def suggest_ids(corpus: Corpus, text: str) -> list[str]:
    """Ids a user who typed `text` (a name, an alias, a word of an id, a typo) may have meant.

    Only asked when `text` named no item. Each step asks the corpus for ids (a persisted
    index answers from its ids and names, never reading the items themselves)."""
    from explorer.data.models import Ref

    kind, separator, rest = text.partition(":")
    kinds: tuple[ItemKind, ...] = ("actor", "meeting", "quote")
    if separator and kind in kinds:
        text, kinds = rest, (kind,)
    folded = " ".join(text.casefold().split())
    slug = _as_slug(text)
    found: dict[str, None] = {}
    if slug and corpus.present(Ref(k, slug) for k in kinds):
        found[slug] = None

    def same_name(name: str) -> bool:
        return " ".join(name.casefold().split()) == folded

    for named_kind in ("actor", "meeting"):
        if named_kind in kinds:
            found.update(dict.fromkeys(corpus.named(named_kind, text, same_name)))
    if not found and slug:
        words = slug.split("-")
        for table in kinds:
            found.update(
                dict.fromkeys(corpus.ids_with_parts(table, words, SUGGESTIONS - len(found)))
            )
    if not found and slug:
        found.update(dict.fromkeys(corpus.close_ids(kinds, slug, SUGGESTIONS)))
    if not found and slug and "-" not in slug:
        # One mistyped word ("hayshi"): the words of actor and meeting ids, one typo away.
        named_kinds = [k for k in kinds if k in ("actor", "meeting")]
        id_words = {w for k in named_kinds for w in "-".join(corpus.ids_of(k)).split("-")}
        for word in difflib.get_close_matches(slug, list(id_words), n=SUGGESTIONS, cutoff=0.8):
            for table in named_kinds:
                found.update(dict.fromkeys(corpus.ids_with_parts(table, [word], SUGGESTIONS)))
    return list(found)[:SUGGESTIONS]


def not_found_message(corpus: Corpus, text: str) -> str:
    """ "no actor, meeting or quote with id 'hayashi' (did you mean yoshimasa-hayashi?)"."""
    close = suggest_ids(corpus, text)
    hint = f" (did you mean {' or '.join(close)}?)" if close else ""
    return f"no actor, meeting or quote with id {text!r}{hint}"


__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_NOT_FOUND",
    "EXIT_OK",
    "ExplorerError",
    "add_db_option",
    "error",
    "is_plain",
    "load_corpus",
    "not_found_message",
    "positive_number",
    "print_lines",
    "stderr",
    "stdout",
    "suggest_ids",
]

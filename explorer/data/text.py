"""Text hygiene and the loose-but-exact matching used to locate excerpts in article bodies."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

# C0 controls but tab and newline, DEL, C1 controls, and the bidi embeddings, overrides and
# isolates that can make a terminal show text other than what it holds.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def plural(count: int, word: str, many: str | None = None) -> str:
    """ "1 file", "2 files", "0 files": a count with its noun agreeing."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def clean_text(text: str) -> str:
    """Remove every character that could reach a terminal as a control sequence."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _UNSAFE.sub("", text)


def visible(text: str) -> str:
    """Text with each control character written as its escape ("\\x1b"), for a message that
    must show a value exactly (a file's name) without the terminal acting on it."""
    return _UNSAFE.sub(lambda match: ascii(match.group())[1:-1], text)


_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)
_SPACE = re.compile(r"\s+")


_QUOTE_CHARS = re.compile("[" + re.escape("".join(chr(c) for c in _FOLD)) + "]")
_FOLDED_CHAR = {chr(c): folded for c, folded in _FOLD.items()}
_RUN = re.compile(r"\s{2,}")


def fold_quotes(text: str) -> str:
    """Typographic quotes and apostrophes as their straight forms (only where there are any)."""
    return _QUOTE_CHARS.sub(lambda match: _FOLDED_CHAR[match.group()], text)


class FoldedText:
    """A body with quotes folded and white space collapsed, mapped back to the original.

    `find` locates an excerpt under the same folding and answers in the original's offsets,
    so a curator may type straight quotes or re-wrap lines and still point at the sentence.
    Folding a quote keeps the length; only runs of two or more white-space characters shift
    the offsets, so the map back is a short list of those shifts rather than one entry a
    character (import speed on large corpora depends on it).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        source = fold_quotes(text)
        self.folded = _SPACE.sub(" ", source)
        # _breaks[i]: the first folded index that _shifts[i] applies to (it is after a run).
        breaks = [0]
        shifts = [0]
        shift = 0
        for run in _RUN.finditer(source):
            shift += run.end() - run.start() - 1
            breaks.append(run.end() - shift)
            shifts.append(shift)
        self._breaks = breaks
        self._shifts = shifts

    def _original(self, folded_index: int) -> int:
        return folded_index + self._shifts[bisect.bisect_right(self._breaks, folded_index) - 1]

    def _to_original(self, folded_start: int, folded_end: int) -> tuple[int, int]:
        start = self._original(folded_start)
        last = self._original(folded_end - 1)
        if self.text[last].isspace():
            run = _SPACE.match(self.text, last)
            return start, run.end() if run else last + 1
        return start, last + 1

    def find_all(self, excerpt: str, *, whole_words: bool = False) -> Iterator[tuple[int, int]]:
        """Every place `excerpt` occurs, as (start, end) in the original text."""
        needle = _SPACE.sub(" ", fold_quotes(excerpt)).strip()
        if not needle:
            return
        haystack = self.folded
        position = haystack.find(needle)
        while position != -1:
            end = position + len(needle)
            if not whole_words or (
                _is_boundary(haystack, position - 1, needle[0])
                and _is_boundary(haystack, end, needle[-1])
            ):
                yield self._to_original(position, end)
            position = haystack.find(needle, position + 1)

    def find(self, excerpt: str) -> tuple[int, int] | None:
        return next(self.find_all(excerpt), None)

    def first_difference(self, excerpt: str, words: int = 5) -> tuple[str, str, str]:
        """Where `excerpt` stops matching the text, for a message a curator can act on:
        (the last words both share, the text's next words there, the excerpt's next words).

        The shared part is the longest start of the excerpt that occurs anywhere, cut back to
        a whole word; when not even the first word occurs, the shared part is empty and the
        text's words are empty too. Compared as `find` compares (quotes folded, white space
        collapsed); the text's words are given as the text has them.
        """
        needle = _SPACE.sub(" ", fold_quotes(excerpt)).strip()
        haystack = self.folded
        low, high = 0, len(needle)  # needle[:low] occurs; needle[:high + 1] does not
        while low < high:
            middle = (low + high + 1) // 2
            if needle[:middle] in haystack:
                low = middle
            else:
                high = middle - 1
        cut = low
        if cut < len(needle):
            while cut > 0 and needle[cut - 1] != " ":
                cut -= 1
        mine = " ".join(needle[cut:].split()[:words])
        if cut == 0:
            return "", "", mine
        shared = " ".join(needle[:cut].split()[-words:])
        start = self._original(haystack.find(needle[:cut]) + cut)
        paragraph = self.text[start : start + 40 * words].split("\n", 1)[0]
        theirs = " ".join(paragraph.split()[:words])
        return shared, theirs, mine


def _is_boundary(text: str, index: int, edge: str) -> bool:
    """True where `text[index]` does not continue the word that `edge` begins or ends."""
    if index < 0 or index >= len(text) or not edge.isalnum():
        return True
    return not text[index].isalnum()


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*(?=\s+[\"'\u201c\u2018(]?[A-Z0-9])")


def sentence_bounds(body: str) -> list[tuple[int, int]]:
    """The (start, end) of every sentence; a paragraph or heading line is never crossed."""
    bounds: list[tuple[int, int]] = []
    for paragraph in re.finditer(r"[^\n]+", body):
        start = paragraph.start()
        text = paragraph.group()
        cursor = 0
        for match in _SENTENCE_END.finditer(text):
            end = match.end()
            _append_trimmed(bounds, body, start + cursor, start + end)
            cursor = end
        _append_trimmed(bounds, body, start + cursor, paragraph.end())
    return bounds


def _append_trimmed(bounds: list[tuple[int, int]], body: str, start: int, end: int) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if start < end:
        bounds.append((start, end))


class Sentences:
    """Sentence lookup for one body: which sentence holds a given span."""

    def __init__(self, body: str) -> None:
        self.bounds = sentence_bounds(body)
        self._starts = [start for start, _ in self.bounds]

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The smallest run of whole sentences that covers [start, end)."""
        if not self.bounds:
            return (start, end)
        first = max(bisect.bisect_right(self._starts, start) - 1, 0)
        last = max(bisect.bisect_right(self._starts, max(end - 1, start)) - 1, first)
        return (min(self.bounds[first][0], start), max(self.bounds[last][1], end))

"""The body's sentences, from pysbd (a rule-based splitter that knows "U.S.", "Mr." and
initials), one paragraph at a time so that no sentence crosses a paragraph; a short line
without closing punctuation is a sub-heading and a sentence of its own."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from explorer.draft.model import Sentence

if TYPE_CHECKING:  # imported when first used
    import pysbd

_CLOSING = re.compile(r"[.!?:;\"'”’)…\]]$")
# Titles whose full stop ends no sentence ("the Rt. Hon. Keith Mitchell", "Gov. Eric Holcomb").
_TITLE_STOP = re.compile(
    r"\b(?:Rt|Hon|Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|Adm|Maj|Cmdr|Supt|Insp|Det|Prof|Dr|Mr|Mrs|"
    r"Ms|Rev|Fr|Amb|Pres)\.$"
)
_WORD = re.compile(r"\w+")
_CLOCK_STOP = re.compile(r"\b\d{1,2}(?::\d\d)?\s*[ap]\.m\.$", re.IGNORECASE)
_TIME_WORD = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tomorrow|tonight|"
    r"yesterday|local|GMT|UTC|ET|EST|EDT|PST|PDT|CET|BST|IST|JST)\b|[a-z]"
)


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def is_heading(paragraph: str, index: int, count: int) -> bool:
    """A sub-heading: a short line, not the last, with no closing punctuation, capitalised."""
    words = _WORD.findall(paragraph)
    return (
        0 < len(words) <= 14
        and index < count - 1
        and not _CLOSING.search(paragraph)
        and paragraph[:1].isupper()
        and not paragraph.startswith(("“", '"', "‘", "'"))
    )


def split(body: str) -> tuple[list[Sentence], list[str]]:
    """Every sentence of `body` with its offsets, and the paragraphs that are sub-headings."""
    sentences: list[Sentence] = []
    headings: list[str] = []
    paragraphs = [m for m in re.finditer(r"[^\n]+", body)]
    for number, match in enumerate(paragraphs):
        text = match.group()
        base = match.start()
        if is_heading(text, number, len(paragraphs)) and number > 0:
            headings.append(text)
            sentences.append(
                Sentence(len(sentences), base, match.end(), text, number, heading=True)
            )
            continue
        for span in _spans(text):
            start, end = span
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                sentences.append(
                    Sentence(len(sentences), base + start, base + end, text[start:end], number)
                )
    return sentences, headings


def _spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans in one paragraph; pysbd's, kept to the paragraph's own characters."""
    try:
        spans = [(s.start, s.end) for s in _segmenter().segment(text)]
    except Exception:  # pysbd on pathological input: the paragraph is one sentence
        return [(0, len(text))]
    spans = _merge_quote_openers(text, spans)
    if not spans or spans[-1][1] < len(text):
        last = spans[-1][1] if spans else 0
        spans.append((last, len(text)))
    return spans


def _merge_quote_openers(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a split that leaves a lone closing quote or a tiny fragment at a sentence start,
    or that follows a title's full stop."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        piece = text[start:end].strip()
        previous = text[merged[-1][0] : merged[-1][1]].rstrip() if merged else ""
        if merged and (
            not _WORD.search(piece)
            or piece[:1] in "”’),;"
            or (_TITLE_STOP.search(previous) and piece[:1].isupper())
            # "‘we survived,’” Montoya-Lewis said": a comma inside the marks goes on.
            or re.search(r",[’'\"”]+$", previous)
            # "at 9 a.m. Monday", "5 p.m. Tuesday, officials said": the time goes on.
            or (_CLOCK_STOP.search(previous) and _TIME_WORD.match(piece))
        ):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged

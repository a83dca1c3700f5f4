"""Ids for drafted items: slugs of their names, never one the corpus or the draft has used."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_STOP = {"the", "a", "an", "of", "and", "to", "in", "on", "for", "with", "at", "by", "is"}


def slug(text: str, *, max_words: int = 8, drop_stopwords: bool = False) -> str:
    """Lowercase ASCII words joined by hyphens ("People’s Liberation Army" → peoples-…)."""
    text = text.replace("’", "").replace("'", "")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = [w for w in _NON_SLUG.split(ascii_text.lower()) if w]
    if drop_stopwords:
        kept = [w for w in words if w not in _STOP]
        words = kept or words
    return "-".join(words[:max_words])


class IdMaker:
    """Hands out ids unique within a kind and unused by the corpus."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.taken = set(taken)

    def make(self, text: str, fallback: str, **options: object) -> str:
        base = slug(text, **options) or fallback  # type: ignore[arg-type]
        candidate = base
        number = 2
        while candidate in self.taken:
            candidate = f"{base}-{number}"
            number += 1
        self.taken.add(candidate)
        return candidate

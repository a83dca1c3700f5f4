"""Drafting a format-v1 file from a news story as published: rules and offline libraries only.

Pure logic (no Textual, no Rich): `explorer draft` and the quality benchmark call it.
"""

from __future__ import annotations

from explorer.draft.known import Known, from_corpus
from explorer.draft.pipeline import DraftError, draft
from explorer.draft.source import Source, SourceError, read_source
from explorer.draft.writer import render

__all__ = [
    "DraftError",
    "Known",
    "Source",
    "SourceError",
    "draft",
    "from_corpus",
    "read_source",
    "render",
]

"""Reviewing a drafted article file: its items, their guesses, and the reviewer's edits.

Pure logic (no Textual): `explorer review` and its screen drive it, and tests call it directly.
"""

from explorer.review.edits import (
    Draft,
    ReviewError,
    ReviewItem,
    ReviewState,
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
from explorer.review.session import ReviewSession

__all__ = [
    "Draft",
    "ReviewError",
    "ReviewItem",
    "ReviewSession",
    "ReviewState",
    "accept",
    "add_actor",
    "add_quote",
    "merge_actors",
    "reject",
    "set_quote_kind",
    "set_speaker",
    "set_status",
    "set_when",
]

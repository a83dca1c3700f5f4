"""Any text drafts to a file that `explorer check` accepts, or to one clear error."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.data import load_files
from explorer.draft import DraftError, draft, render
from explorer.draft.source import paragraphs_of

WORDS = st.sampled_from(
    [
        "said",
        "met",
        "visited",
        "will",
        "meet",
        "on",
        "Monday",
        "in",
        "November",
        "next",
        "month",
        "Minister",
        "President",
        "Wang",
        "Yi",
        "Hayashi",
        "Japan",
        "China",
        "the",
        "delegation",
        "talks",
        "“",
        "”",
        '"',
        ",",
        ".",
        "told",
        "reporters",
        "according",
        "to",
        "Mr",
        "U.S.",
        "[bold]",
        "\x1b[31m",
        "😀",
        "東京",
        "\u2028",
        "\t",
        "\n",
        "\n\n",
        "emphasised",
        "that",
        "Ministry",
        "of",
        "Defence",
        "NATO",
        "—",
        "'s",
        "’s",
        "2019",
    ]
)
TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(WORDS, max_size=120).map(" ".join),
    st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=80).map("".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, published=st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_any_text_drafts_to_a_checked_file_or_one_clear_error(text: str, published: date) -> None:
    paragraphs, _ = paragraphs_of(text)
    try:
        result = draft(paragraphs, published)
    except DraftError as failure:
        assert str(failure) and not paragraphs
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "draft.yaml"
        path.write_text(render(result), encoding="utf-8")
        loaded = load_files([path])  # raises DataError if the file would not pass check
    assert len(loaded.actors) == len(result.actors)
    assert len(loaded.quotes) == len(result.quotes)
    assert len(loaded.meetings) == len(result.meetings)

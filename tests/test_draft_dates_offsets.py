"""Dates told relative to another event ("a day after the swap", "one night after the win
over …", "two days after the final on Sunday") and "this week" in the past tense, read
against a fixed publication date (Tuesday 14 January 2025)."""

from __future__ import annotations

from datetime import date

import pytest

from explorer.draft.when import when_of
from tests.drafting import draft_text

PUBLISHED = date(2025, 1, 14)  # a Tuesday


def meetings(text: str) -> list[tuple[set[str], str | None, str]]:
    result = draft_text(text, PUBLISHED)
    return [({a.name for a in m.participants}, m.when, m.status) for m in result.meetings]


def test_this_week_in_the_past_is_its_days_up_to_publication() -> None:
    assert when_of("This week, the senator visited Iowa.", PUBLISHED)[0] == (
        "2025-01-13/2025-01-14"
    )
    # In the present, a schedule: the whole week.
    assert when_of("The leaders hold talks in Paris this week.", PUBLISHED)[0] == (
        "2025-01-13/2025-01-19"
    )


def test_an_event_a_day_before_news_told_in_the_present_is_the_day_before_publication() -> None:
    text = (
        "The Taliban and the Afghan government are old enemies.\n"
        "The crash comes a day after the Taliban swapped two Western hostages for three of its "
        "commanders held by the Afghan government, raising hopes of a thaw."
    )
    [(participants, when, status)] = meetings(text)
    assert "Taliban" in participants
    assert (when, status) == ("2025-01-13", "happened")


def test_an_event_one_night_before_a_dated_game_is_the_night_before() -> None:
    text = (
        "The Los Angeles Lakers beat the Oklahoma City Thunder 112-107 on Monday night.\n"
        "One night after the Thunder barely missed an upset win over the Clippers, Oklahoma "
        "City couldn't quite catch up to the Lakers."
    )
    found = {frozenset(p): when for p, when, _ in meetings(text)}
    assert found[frozenset({"Los Angeles Lakers", "Oklahoma City Thunder"})] == "2025-01-13"
    assert found[frozenset({"Oklahoma City Thunder", "Clippers"})] == "2025-01-12"


def test_a_meeting_two_days_after_a_dated_event_is_two_days_later() -> None:
    text = (
        "Japanese Foreign Minister Takeshi Iwaya and Chinese Foreign Minister Wang Yi spoke.\n"
        "Two days after the election on Friday, Iwaya met Wang Yi in Beijing."
    )
    [(participants, when, status)] = meetings(text)
    assert participants == {"Takeshi Iwaya", "Wang Yi"}
    assert (when, status) == ("2025-01-12", "happened")


@pytest.mark.parametrize("words", ["a day after", "hours after"])
def test_no_anchor_no_date(words: str) -> None:
    """With no date, no dated meeting of the same actors and no news of the day, the offset
    dates nothing."""
    text = (
        "Japanese Foreign Minister Takeshi Iwaya and Chinese Foreign Minister Wang Yi spoke.\n"
        f"Iwaya left Tokyo {words} he met Wang Yi."
    )
    assert all(when is None for _, when, _ in meetings(text))

"""Relative dates a news story uses beyond the weekday and the month, read against a fixed
publication date (Tuesday 14 January 2025): weeks, weekends, "ago", parts of the day, a
weekday beside its date, and "May" the month beside "may" the modal."""

from __future__ import annotations

from datetime import date

import pytest

from explorer.draft.when import is_future, status_of, when_of
from tests.drafting import draft_text

PUBLISHED = date(2025, 1, 14)  # a Tuesday


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("The ministers met last week.", "2025-01-06/2025-01-12"),
        ("The two sides met earlier this week.", "2025-01-13/2025-01-14"),
        ("The leaders hold talks in Paris this week.", "2025-01-13/2025-01-19"),
        ("The ministers will meet later this week.", "2025-01-15/2025-01-19"),
        ("The ministers will meet next week.", "2025-01-20/2025-01-26"),
        ("The ministers will meet in the coming week.", "2025-01-20/2025-01-26"),
        ("The two teams met over the weekend.", "2025-01-11/2025-01-12"),
        ("The two teams met last weekend.", "2025-01-11/2025-01-12"),
        ("The two teams will meet this weekend.", "2025-01-18/2025-01-19"),
        ("The envoys met two days ago.", "2025-01-12"),
        ("The envoys met a week ago.", "2025-01-07"),
        ("The envoy reached Pakistan last night.", "2025-01-13"),
        ("The envoy met the king this morning.", "2025-01-14"),
        ("The leaders met on Monday, January 6.", "2025-01-06"),
        ("The visit, which began on Monday, runs until Friday.", "2025-01-13/2025-01-17"),
    ],
)
def test_week_weekend_ago_and_parts_of_the_day(clause: str, expected: str) -> None:
    assert when_of(clause, PUBLISHED)[0] == expected


def test_a_written_day_beats_the_weekday_beside_it() -> None:
    # "Monday, January 6": the weekday names the same day; a weekday read by the tense
    # alone would be the 13th.
    assert when_of("The leaders met on Monday, January 6.", PUBLISHED)[0] == "2025-01-06"


@pytest.mark.parametrize(
    ("clause", "status"),
    [
        ("The ministers met earlier this week.", "happened"),
        ("It comes after five jet sales earlier this week.", "happened"),
        ("The ministers will meet later this week.", "planned"),
        ("The visit commenced on Monday and will conclude on Friday.", "ongoing"),
        ("Ukraine and Russia held peace talks in Istanbul on May 16, 2022.", "happened"),
        ("The talks were held in May.", "happened"),
        ("The ministers may meet in Geneva.", "expected"),
    ],
)
def test_status_of_relative_dates(clause: str, status: str) -> None:
    when, _ = when_of(clause, PUBLISHED)
    assert status_of(clause, when, PUBLISHED)[0] == status


def test_a_meeting_without_a_date_takes_the_date_of_the_sentence_before_it() -> None:
    result = draft_text(
        "Serbia's Novak Djokovic and Britain's Andy Murray will make their first appearance "
        "on Wednesday. Serbia takes on Japan and Britain plays the Netherlands.",
        PUBLISHED,
    )
    tied = {frozenset(a.name for a in m.participants): (m.when, m.status) for m in result.meetings}
    assert tied[frozenset({"Serbia", "Japan"})] == ("2025-01-15", "planned")
    assert any("sentence before" in g for m in result.meetings for g in m.guesses)


def test_a_neighbour_in_another_tense_or_paragraph_gives_no_date() -> None:
    result = draft_text(
        "The Sixers lost on Monday.\nThe Sixers will face the Knicks.\n"
        "Iwaya visited Beijing in the spring. Japanese Foreign Minister Takeshi Iwaya will "
        "meet Chinese Foreign Minister Wang Yi.",
        PUBLISHED,
    )
    assert result.meetings
    assert all(m.when is None for m in result.meetings)


def test_the_present_of_a_schedule_reads_a_weekday_ahead_from_today() -> None:
    # Published on a Tuesday: "holds a hearing Tuesday" is today's, still ahead.
    clause = "The commission holds a public hearing Tuesday with the executives."
    when, _ = when_of(clause, PUBLISHED)
    assert when == "2025-01-14"
    assert status_of(clause, when, PUBLISHED)[0] == "planned"
    later = "The commission holds a public hearing Thursday."
    assert when_of(later, PUBLISHED)[0] == "2025-01-16"
    # The past tense still reads back.
    assert when_of("The commission held a hearing Thursday.", PUBLISHED)[0] == "2025-01-09"


def test_not_met_since_a_year_dates_the_last_meeting_and_since_alone_does_not() -> None:
    assert when_of("The two teams had not met since 1965.", PUBLISHED)[0] == "1965"
    assert when_of("The two teams have met every year since 2011.", PUBLISHED)[0] is None


def test_a_plan_named_as_a_thing_is_no_future() -> None:
    assert not is_future("A plan to close the port has failed after the vote on Monday.")
    assert is_future("The minister plans to close the port on Monday.")


def test_a_date_ahead_makes_a_progressive_clause_planned() -> None:
    clause = "The trip is being seen as a gesture ahead of the summit on January 20."
    assert status_of(clause, when_of(clause, PUBLISHED)[0], PUBLISHED)[0] == "planned"
    # Without a date ahead the progressive is still the present.
    assert status_of("The delegation is touring the port.", None, PUBLISHED)[0] == "ongoing"

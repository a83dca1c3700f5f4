"""Relative dates against a fixed publication date (Tuesday 14 January 2025)."""

from __future__ import annotations

from datetime import date

import pytest

from explorer.draft.when import status_of, when_of
from tests.drafting import draft_text

PUBLISHED = date(2025, 1, 14)  # a Tuesday


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("The delegation reached Japan on Monday.", "2025-01-13"),
        ("The ministers met on Tuesday.", "2025-01-14"),
        ("The ministers will meet on Friday.", "2025-01-17"),
        # the day of the paper's own weekday is that day; a week on is "next Tuesday"
        ("The ministers will meet on Tuesday.", "2025-01-14"),
        ("The ministers will meet next Tuesday.", "2025-01-21"),
        ("The two met in November in Laos.", "2024-11"),
        ("The two will meet in November.", "2025-11"),
        ("Iwaya visited Wang Yi in December of last year.", "2024-12"),
        ("Tokyo is expected to invite Wang Yi to Japan next month.", "2025-02"),
        ("They met last year.", "2024"),
        ("They met last month.", "2024-12"),
        ("Xi visited Osaka for the 2019 G20 summit.", "2019"),
        ("The inauguration ceremony on January 20 is a week away.", "2025-01-20"),
        ("The leaders met on 3 March 2023.", "2023-03-03"),
        ("The leaders met on December 28.", "2024-12-28"),
        ("The leaders met yesterday.", "2025-01-13"),
    ],
)
def test_dates_resolve_at_the_precision_the_text_gives(clause: str, expected: str) -> None:
    assert when_of(clause, PUBLISHED)[0] == expected


def test_from_monday_to_friday_is_an_interval() -> None:
    when, guess = when_of("The visit commenced on Monday and will conclude on Friday.", PUBLISHED)
    assert when == "2025-01-13/2025-01-17"
    assert guess and "Monday" in guess


def test_a_date_from_the_tense_is_a_guess_and_says_why() -> None:
    when, guess = when_of("The ministers met on Monday.", PUBLISHED)
    assert when == "2025-01-13"
    assert guess == 'when "Monday" read as 2025-01-13 (past tense, published 2025-01-14)'


def test_no_date_gives_no_when() -> None:
    assert when_of("The ministers met in Laos.", PUBLISHED) == (None, None)


@pytest.mark.parametrize(
    ("clause", "when", "status"),
    [
        ("The ministers met in Laos.", None, "happened"),
        ("The ministers will meet in Laos.", None, "planned"),
        ("Tokyo is expected to invite Wang Yi.", "2025-02", "expected"),
        (
            "The visit commenced on Monday and will conclude on Friday.",
            "2025-01-13/2025-01-17",
            "ongoing",
        ),
        ("A delegation is in Japan on a rare visit.", None, "ongoing"),
    ],
)
def test_status_from_tense_and_modality(clause: str, when: str | None, status: str) -> None:
    assert status_of(clause, when, PUBLISHED)[0] == status


def test_a_drafted_meeting_carries_the_resolved_date_and_its_guess() -> None:
    result = draft_text(
        "Japanese Foreign Minister Takeshi Iwaya met Wang Yi on Monday in Beijing.", PUBLISHED
    )
    [meeting] = result.meetings
    assert meeting.when == "2025-01-13"
    assert meeting.status == "happened"
    assert any("2025-01-13" in guess for guess in meeting.guesses)


def test_a_past_weekday_the_day_after_publication_is_that_day_in_a_later_time_zone() -> None:
    clause = "The match ended close to 2 a.m. local time on Wednesday."
    when, guess = when_of(clause, PUBLISHED)
    assert when == "2025-01-15"
    assert guess and "day after publication" in guess
    assert status_of(clause, when, PUBLISHED)[0] == "happened"
    # Two days back is still the past week's day.
    assert when_of("The ministers met on Sunday.", PUBLISHED)[0] == "2025-01-12"


def test_the_date_in_the_meeting_words_own_part_of_the_sentence_wins() -> None:
    clause = (
        "In addition to its order of 30 jets Thursday, it announced an order of 50 "
        "A350 jets on Monday."
    )
    assert when_of(clause, PUBLISHED)[0] == "2025-01-09"  # the first date, alone
    assert when_of(clause, PUBLISHED, clause.find("an order"))[0] == "2025-01-13"


def test_will_the_noun_is_no_future() -> None:
    """ "to impose its will", "the will of the people": no tense in it."""
    from explorer.draft.when import is_future

    assert not is_future("Esper accused China of using coercion to impose its will in the sea.")
    assert not is_future("The vote went against the will of the people.")
    assert is_future("The minister will visit Hanoi.")


def test_a_time_of_day_alone_in_a_schedule_is_the_day_of_publication() -> None:
    """ "hosts a conference call at 9 a.m. ET" (TimeML: a bare time is of the document's
    date); in the past tense it may be the evening before a morning paper, so no date; beside
    a date, the date."""
    published = PUBLISHED
    assert when_of("Acme hosts a conference call at 9 a.m. ET with analysts.", published)[0] == (
        "2025-01-14"
    )
    assert when_of("Strikers will hold a 12 p.m. rally outside the airport.", published)[0] == (
        "2025-01-14"
    )
    assert when_of("Police arrived at 9 p.m. and arrested him.", published)[0] is None
    assert when_of("Join our panel discussion on Jan. 20 at 6 pm.", published)[0] == "2025-01-20"
    assert when_of("The vote is set for noon on Friday.", published)[0] == "2025-01-17"


@pytest.mark.parametrize(
    "clause",
    [
        "Widodo laid a wreath at the memorial on Thursday.",
        "The president felt unwell on Thursday.",
        "Police shot a suspect on Thursday.",
        "The committee found against him on Thursday.",
    ],
)
def test_irregular_pasts_read_a_weekday_back(clause: str) -> None:
    """ "laid", "felt", "shot", "found": the past tense, so Thursday is the one before."""
    assert when_of(clause, PUBLISHED)[0] == "2025-01-09"


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("Between 2000 and 2013, the group helped purchase national treasures.", "2000/2013"),
        ("The two sides held talks from 2019 to 2021.", "2019/2021"),
        ("The two sides held talks in 2019 and 2021.", "2019"),
    ],
)
def test_a_span_of_years_is_the_years_from_one_to_the_other(clause: str, expected: str) -> None:
    """ "between 2000 and 2013" (a TIMEX duration anchored at both ends); two years side by
    side are two dates, not a span."""
    assert when_of(clause, PUBLISHED)[0] == expected

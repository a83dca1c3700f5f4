"""A date the meeting is counted from is not the meeting's: "his second visit since becoming
Prime Minister in August 2018", "a losing streak dating to 2007"; "they had not met since
the summit in 2018" still dates their last meeting."""

from __future__ import annotations

from datetime import date

import pytest

from explorer.draft.when import when_of
from tests.drafting import draft_text

PUBLISHED = date(2020, 2, 4)  # a Tuesday


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (
            "On his second visit to Malaysia since becoming Prime Minister in August 2018, "
            "Khan is leading a delegation.",
            None,
        ),
        ("The Eagles snapped a losing streak to the Huskies dating to 2007.", None),
        ("It is their third meeting since he took office in 2019.", None),
        ("The two leaders had not met since the summit in 2018.", "2018"),
        ("The two leaders had not met since 1965.", "1965"),
    ],
)
def test_a_date_counted_from_is_not_the_meetings(clause: str, expected: str | None) -> None:
    assert when_of(clause, PUBLISHED)[0] == expected


def test_a_streak_ended_does_not_date_the_game_to_its_start() -> None:
    result = draft_text(
        "The Eagles snapped an 11-game losing streak to the Huskies dating to 2007 and ended "
        "the title hopes of Northern Illinois in the Mid-American Conference.",
        PUBLISHED,
    )
    assert result.meetings
    assert all(m.when != "2007" for m in result.meetings)


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (
            "The summit is their first meeting since Xi assumed the presidency in March.",
            None,
        ),
        (
            "Two hostages held by the Taliban since 2016 were released Tuesday in a swap.",
            "2020-02-04",
        ),
    ],
)
def test_a_since_clause_with_its_own_verb_ends_before_the_main_verb(
    clause: str, expected: str | None
) -> None:
    assert when_of(clause, PUBLISHED)[0] == expected


def test_a_visit_paid_is_told_in_the_past() -> None:
    result = draft_text(
        "President Xi Jinping paid state visits to Trinidad and Tobago, Costa Rica and Mexico "
        "from January 20 to January 26.",
        PUBLISHED,
    )
    [meeting] = result.meetings
    assert (meeting.when, meeting.status) == ("2020-01-20/2020-01-26", "happened")

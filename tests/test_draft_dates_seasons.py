"""A season dates a meeting to its year ("last summer", "over the summer", "this autumn"), and
the days of an event are counted from its first ("on day two of the summit")."""

from __future__ import annotations

from datetime import date

import pytest

from tests.drafting import draft_text

PEOPLE = "President Ana Torres of Chile and President Luis Vega of Peru spoke.\n"


def when_of_meeting(sentence: str, published: date) -> str | None:
    result = draft_text(PEOPLE + sentence, published)
    [meeting] = result.meetings
    return meeting.when


@pytest.mark.parametrize(
    ("sentence", "published", "when"),
    [
        # summer is over by November: last summer is this year's, in May last year's
        ("Torres met Vega in Paris last summer.", date(2024, 11, 20), "2024"),
        ("Torres met Vega in Paris last summer.", date(2024, 5, 12), "2023"),
        ("Torres held talks with Vega over the summer.", date(2024, 11, 20), "2024"),
        ("Torres had a summertime phone call with Vega.", date(2024, 11, 20), "2024"),
        # told of what is to come: the next one not yet over
        ("Torres will meet Vega in the spring.", date(2024, 11, 20), "2025"),
        ("Torres will visit Vega this autumn.", date(2024, 5, 12), "2024"),
        # a year written beside the season is the year
        ("Torres met Vega in the winter of 2018.", date(2024, 5, 12), "2018"),
    ],
)
def test_a_season_is_read_as_its_year(sentence: str, published: date, when: str) -> None:
    assert when_of_meeting(sentence, published) == when


def test_fall_and_spring_as_words_are_no_season() -> None:
    result = draft_text(
        PEOPLE + "Torres met Vega after prices began to fall and new shops spring up.",
        date(2024, 5, 12),
    )
    assert [m.when for m in result.meetings] == [None]


def test_days_of_a_dated_event_are_counted_from_its_first_day() -> None:
    result = draft_text(
        PEOPLE + "Torres and Vega will attend a summit, scheduled for June 13 to 17, in Lima.\n"
        "On days four and five of the summit, Torres will meet Vega at his farm.\n"
        "On day one of the summit, Torres will hold talks with Vega on trade.",
        date(2024, 5, 12),
    )
    whens = {m.trigger: m.when for m in result.meetings}
    assert whens["meet"] == "2024-06-16/2024-06-17"
    assert whens["hold talks"] == "2024-06-13"

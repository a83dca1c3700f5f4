"""Dates of meetings told beside other dates: a contract's term ("until the end of the
2026/27 season") is not the date of the deal; a press conference after a match is on the
match's day; a meeting named with its year and then given its days ("The conference, which is
scheduled for March 3 to 5") takes the days and the status they tell."""

from __future__ import annotations

from datetime import date

from explorer.draft.when import when_of
from tests.drafting import draft_text

PUBLISHED = date(2025, 1, 14)  # a Tuesday


def meetings(text: str) -> list[tuple[set[str], str | None, str]]:
    result = draft_text(text, PUBLISHED)
    return [({a.name for a in m.participants}, m.when, m.status) for m in result.meetings]


def test_the_end_of_a_contract_term_is_not_the_date_of_the_deal() -> None:
    text = "Carlo Ancelotti has agreed a deal with Real Madrid until the end of the 2026/27 season."
    assert meetings(text) == [({"Carlo Ancelotti", "Real Madrid"}, None, "happened")]


def test_a_term_through_a_year_is_not_the_date_of_the_deal() -> None:
    assert when_of("Toyota signed a contract with Panasonic through 2030.", PUBLISHED) == (
        None,
        None,
    )
    assert when_of("The club signed him until 2027.", PUBLISHED) == (None, None)


def test_a_post_match_press_conference_is_on_the_day_of_the_match() -> None:
    """Not the neighbour's date: the sentence before, without a date, is about the match."""
    match = "Inter Milan defeated AC Milan 2-1 on Sunday.\nLautaro Martinez scored twice.\n"
    for after in (
        "Speaking at the post-match press conference, Simone Inzaghi said that his side had "
        "earned the win.",
        "Speaking after the game, Simone Inzaghi told reporters that his side had earned it.",
    ):
        assert meetings(match + after) == [
            ({"Inter Milan", "AC Milan"}, "2025-01-12", "happened"),
            ({"Simone Inzaghi"}, "2025-01-12", "happened"),
        ]


def test_a_meeting_named_with_its_year_takes_the_days_given_after() -> None:
    text = (
        "The World Trade Organization will host its Global Conference 2025 in Geneva.\n"
        "The conference, which is scheduled for March 3 to 5, will take place at the Palais des "
        "Nations."
    )
    found = meetings(text)
    assert [(when, status) for _, when, status in found] == [("2025-03-03/2025-03-05", "planned")]


def test_a_relative_clause_that_starts_a_visit_dates_it() -> None:
    """ "a four-day visit to Malaysia, which started on Oct 8": the days from that start, even
    past the visit's destination, and under way at publication."""
    published = date(2023, 10, 10)
    for text in (
        "Singapore's Minister Desmond Lee is on a four-day visit to Malaysia, which started on "
        "Oct 8.",
        "Singapore's Minister Desmond Lee is on a four-day visit, which began on Oct 8.",
    ):
        result = draft_text(text, published)
        assert [(m.when, m.status) for m in result.meetings] == [
            ("2023-10-08/2023-10-11", "ongoing")
        ], text

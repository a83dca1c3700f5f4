"""A meeting's status from tense and modality where a modal is not the writer's guess: the
future of a past report ("they were told X would be stopping by") is decided by its date and
the report's tense; "presidential hopeful" names a candidate, not a hope; a pact is a meeting
when someone makes it; talks called off "in September" keep no date of their end."""

from __future__ import annotations

from datetime import date

import pytest

from explorer.draft.when import status_of
from tests.drafting import draft_text

PUBLISHED = date(2025, 1, 14)  # a Tuesday


def test_the_future_of_a_past_report_that_came_true_today_happened() -> None:
    clause = (
        "Business owners were gathered in a shared workspace on Tuesday night for a networking "
        "event when they were told the newest presidential hopeful, Deval Patrick, would be "
        "stopping by."
    )
    assert status_of(clause, "2025-01-14", PUBLISHED)[0] == "happened"


def test_the_future_of_a_past_report_still_ahead_is_planned() -> None:
    clause = "The envoys were told the ministers would meet on Friday."
    assert status_of(clause, "2025-01-17", PUBLISHED)[0] == "planned"


def test_a_would_of_the_writers_own_is_still_a_guess_at_what_may_come() -> None:
    assert status_of("The ministers would meet if the talks resume.", None, PUBLISHED)[0] == (
        "expected"
    )
    assert status_of("Both sides were hopeful the swap could lead to talks.", None, PUBLISHED)[
        0
    ] == ("expected")


def test_a_hopeful_who_is_a_candidate_makes_nothing_expected() -> None:
    clause = "The Democratic presidential hopeful met voters in Columbia on Monday."
    assert status_of(clause, "2025-01-13", PUBLISHED)[0] == "happened"


# Pacts and meetings called off, drafted from whole texts.
PEOPLE = (
    "Japanese Foreign Minister Takeshi Iwaya and Chinese Foreign Minister Wang Yi spoke. "
    "Iwaya and Wang Yi have known each other for years.\n"
)


def meetings(text: str) -> list[tuple[set[str], str | None, str]]:
    result = draft_text(text, PUBLISHED)
    return [({a.name for a in m.participants}, m.when, m.status) for m in result.meetings]


def test_a_pact_someone_makes_is_a_meeting_and_one_only_named_is_not() -> None:
    [(participants, when, _)] = meetings(PEOPLE + "Iwaya and Wang Yi signed a deal on Monday.")
    assert (participants, when) == ({"Takeshi Iwaya", "Wang Yi"}, "2025-01-13")
    assert meetings(PEOPLE + "Iwaya said the move undermined the footing for a peace deal.") == []
    assert meetings(PEOPLE + "Iwaya and Wang Yi were on the verge of a deal last year.") == []


def test_talks_called_off_keep_no_date_of_their_end() -> None:
    text = (
        PEOPLE + "Iwaya and Wang Yi had been holding talks on fishing rights.\n"
        "Iwaya scuttled the talks in September."
    )
    [(participants, when, status)] = meetings(text)
    assert participants == {"Takeshi Iwaya", "Wang Yi"}
    assert (when, status) == (None, "happened")


def test_support_for_a_forum_makes_it_expected() -> None:
    clause = "Keith Mitchell has voiced his support for an annual US-Caribbean Banking Forum."
    assert status_of(clause, None, PUBLISHED)[0] == "expected"
    assert status_of("Mitchell suggested a policymakers’ event in Washington.", None, PUBLISHED)[
        0
    ] == ("expected")


def test_a_state_told_in_the_present_with_no_date_holds_at_publication() -> None:
    assert status_of("Its codeshare with American Airlines includes new routes.", None, PUBLISHED)[
        0
    ] == ("ongoing")
    # With a date, the present is a schedule or a headline's past, as before.
    assert status_of("The leaders hold talks on Friday.", "2025-01-17", PUBLISHED)[0] == "planned"


def test_state_visits_named_after_a_return_are_visits_that_happened() -> None:
    result = draft_text(
        "Chinese President Xi Jinping returned to Beijing on Sunday evening after state visits "
        "to Trinidad and Tobago, Costa Rica and Mexico.",
        date(2013, 6, 10),
    )
    statuses = [m.status for m in result.meetings if m.trigger == "visit"]
    assert statuses and all(status == "happened" for status in statuses)


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials confirmed, however, that President Lula would visit Pretoria in August.",
        "The ministry announced that Ruto would travel to Kigali in August.",
        "The president said he would visit Pretoria in August.",
    ],
)
def test_a_reported_will_of_a_schedule_is_planned(sentence: str) -> None:
    """The backshifted "will" of reported speech: what was confirmed or announced is fixed."""
    assert status_of(sentence, "2025-08", PUBLISHED)[0] == "planned"


def test_a_reported_wish_stays_expected() -> None:
    clause = "Officials said that Lula would like to visit Pretoria in August."
    assert status_of(clause, "2025-08", PUBLISHED)[0] == "expected"

"""Encounters of local politics and sport told by their outcome: a body deciding a measure in
session ("The Senate defeated the opposition motion", "unanimously approved the contract"), a
hearing "on the proposal" that was held (the proposal is its matter, not a meeting proposed),
the result verbs of a game report ("held off", "rallied past", "lost at home to"), and a
rally (its place after "rallied at")."""

from __future__ import annotations

from datetime import date

import pytest

from explorer.draft.when import status_of
from tests.drafting import draft_text

PUBLISHED = date(2019, 11, 20)  # a Wednesday


def meetings(text: str) -> list[tuple[set[str], str | None, str]]:
    result = draft_text(text, PUBLISHED)
    return [({a.name for a in m.participants}, m.when, m.status) for m in result.meetings]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Napa County Board of Supervisors unanimously approved the contract on Tuesday.",
        "The Indiana House Education Committee rejected a proposal on Tuesday.",
        "The Oregon Senate defeated the opposition motion on Tuesday.",
        "The Oregon Senate passed the bill on Tuesday.",
    ],
)
def test_a_body_deciding_a_measure_is_in_session(sentence: str) -> None:
    found = meetings(sentence)
    assert len(found) == 1
    assert found[0][1:] == ("2019-11-19", "happened")
    assert len(found[0][0]) == 1


def test_a_body_named_beside_a_measure_it_did_not_decide_is_no_session() -> None:
    assert meetings("The Oregon Senate building approved for repairs stands empty.") == []


def test_a_hearing_on_a_proposal_was_held_not_proposed() -> None:
    text = "The Indiana House Education Committee held a hearing on the proposal on Tuesday."
    assert meetings(text) == [({"Indiana House Education Committee"}, "2019-11-19", "happened")]
    assert status_of("The council approved the proposed budget.", None, PUBLISHED)[0] == "happened"
    # A meeting proposed is still one proposed.
    assert status_of("The annual forum was proposed by the minister.", None, PUBLISHED)[0] == (
        "expected"
    )


@pytest.mark.parametrize(
    "verb", ["held off", "rallied past", "topped", "blanked", "lost at home to"]
)
def test_the_result_verbs_of_a_game_report_tell_a_match(verb: str) -> None:
    found = meetings(f"The Lakers {verb} the Clippers 112-102 on Friday night.")
    assert found == [({"Lakers", "Clippers"}, "2019-11-15", "happened")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Lakers held off on signing Anthony Davis last week.",
        "The Lakers topped the league in scoring last season.",
    ],
)
def test_the_same_verbs_without_an_opponent_tell_none(sentence: str) -> None:
    assert meetings(sentence) == []


def test_a_fixture_at_home_to_a_side_is_a_match_to_come() -> None:
    found = meetings("The Lakers are at home to the Clippers on Friday.")
    assert found == [({"Lakers", "Clippers"}, "2019-11-22", "planned")]


def test_a_rally_is_a_meeting_of_those_who_rallied_at_its_place() -> None:
    """The name after "rallied at" is the place, not a participant."""
    result = draft_text(
        "The Indiana State Teachers Association rallied at the Statehouse on Tuesday.", PUBLISHED
    )
    assert [
        ({a.name for a in m.participants}, m.where, m.when, m.status) for m in result.meetings
    ] == [({"Indiana State Teachers Association"}, "Statehouse", "2019-11-19", "happened")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Alibaba shares rallied at the open in Hong Kong on Tuesday.",
        "Republicans rallied behind the bill last week.",
    ],
)
def test_a_market_rally_or_rallying_behind_a_bill_is_no_meeting(sentence: str) -> None:
    assert meetings(sentence) == []

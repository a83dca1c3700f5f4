"""Meeting rules of general news: CAMEO's consult and cooperate families (gather, convene,
phone calls, press conferences, deals), a deliberative body's vote as its session, sport
results with their scores, pronoun subjects and unnamed people met."""

from __future__ import annotations

from datetime import date

import pytest

from tests.drafting import draft_text

PUBLISHED = date(2025, 1, 14)  # a Tuesday
PEOPLE = (
    "Japanese Foreign Minister Takeshi Iwaya and Chinese Foreign Minister Wang Yi spoke. "
    "Iwaya and Wang Yi have known each other for years.\n"
)


def meetings(text: str) -> list[tuple[set[str], str | None, str]]:
    result = draft_text(text, PUBLISHED)
    return [({a.name for a in m.participants}, m.when, m.status) for m in result.meetings]


@pytest.mark.parametrize(
    "clause",
    [
        "Iwaya and Wang Yi talked on the phone on Monday.",
        "Iwaya and Wang Yi convened in Geneva on Monday.",
        "Iwaya and Wang Yi gathered in Geneva on Monday.",
        "Iwaya and Wang Yi held a video call on Monday.",
        "Iwaya and Wang Yi held a phone conversation on Monday.",
    ],
)
def test_calls_and_gatherings_are_meetings(clause: str) -> None:
    [(participants, when, status)] = meetings(PEOPLE + clause)
    assert participants == {"Takeshi Iwaya", "Wang Yi"}
    assert (when, status) == ("2025-01-13", "happened")


def test_a_councils_vote_is_its_session_and_a_voters_vote_is_not() -> None:
    [(participants, when, status)] = meetings(
        "The Springfield City Council voted 7-2 on Monday to approve the budget."
    )
    assert participants == {"Springfield City Council"}
    assert (when, status) == ("2025-01-13", "happened")
    assert meetings("Voters in Springfield voted on Monday. Springfield is a city.") == []


@pytest.mark.parametrize(
    ("clause", "sides"),
    [
        (
            "Manchester United drew 2-2 with Liverpool at Old Trafford on Saturday.",
            {"Manchester United", "Liverpool"},
        ),
        ("The Los Angeles Lakers lost 110-102 to the Warriors on Monday.", None),
    ],
)
def test_a_score_inside_a_match_verb_still_makes_the_match(
    clause: str, sides: set[str] | None
) -> None:
    found = meetings(clause)
    assert len(found) == 1
    participants, when, status = found[0]
    assert len(participants) == 2
    if sides:
        assert participants == sides
    assert status == "happened"
    assert when in ("2025-01-11", "2025-01-13")


def test_a_pronoun_subject_is_the_person_it_stands_for() -> None:
    [(participants, when, status)] = meetings(
        PEOPLE + "Iwaya flew to Beijing. On Monday, he held talks with Wang Yi."
    )
    assert participants == {"Takeshi Iwaya", "Wang Yi"}
    assert (when, status) == ("2025-01-13", "happened")


def test_an_unnamed_person_met_makes_a_meeting_of_the_subject() -> None:
    [(participants, when, status)] = meetings(
        PEOPLE + "Iwaya is also expected to meet the Iranian foreign minister next month, "
        "according to a ministry statement."
    )
    assert participants == {"Takeshi Iwaya"}
    assert (when, status) == ("2025-02", "expected")


def test_an_attribution_closing_the_sentence_is_no_participant() -> None:
    [(participants, _, _)] = meetings(
        PEOPLE + "Iwaya met Wang Yi in Beijing, the Foreign Office said in a statement."
    )
    assert participants == {"Takeshi Iwaya", "Wang Yi"}


def test_a_month_is_neither_a_place_nor_a_participant() -> None:
    result = draft_text(
        "Lawmakers questioned Meta chief executive Mark Zuckerberg at a Senate hearing in "
        "January. Ukraine and Russia held peace talks in Istanbul on May 16, 2022.",
        PUBLISHED,
    )
    assert result.meetings
    for meeting in result.meetings:
        assert meeting.where not in ("January", "May")
        assert not {a.name for a in meeting.participants} & {"January", "May"}
    talks = result.meetings[-1]
    assert (talks.when, talks.status, talks.where) == ("2022-05-16", "happened", "Istanbul")


def test_a_modal_in_a_purpose_clause_does_not_make_the_meeting_expected() -> None:
    [(participants, when, status)] = meetings(
        PEOPLE + "Iwaya asked to get the documents ahead of a Jan. 29 meeting with Wang Yi so "
        "staff could review them."
    )
    assert participants == {"Takeshi Iwaya", "Wang Yi"}
    assert (when, status) == ("2025-01-29", "planned")


def test_an_order_that_counts_what_is_bought_is_a_deal_and_a_command_is_not() -> None:
    deals = meetings(
        "Qantas Airways placed an order of 30 Boeing 787 jets with Boeing on Monday. "
        "Qantas Airways said Boeing was a partner."
    )
    assert [(p, w) for p, w, _ in deals] == [({"Qantas Airways", "Boeing"}, "2025-01-13")]
    commands = (
        "President Yoon Suk Yeol ordered the arrest of Lee Jae-myung on Monday. "
        "Yoon Suk Yeol also signed an executive order on Friday. Sales of arms to the "
        "rebels are banned."
    )
    assert meetings(commands) == []


def test_an_opponent_past_a_comma_is_not_the_opponent() -> None:
    found = meetings(
        "LeBron James of the Los Angeles Lakers has a triple-double against every team in the "
        "league, and Anthony Davis scored 34 points during the Lakers’ fifth straight "
        "victory, 112-107 over the Oklahoma City Thunder on Tuesday night."
    )
    assert [p for p, _, _ in found] == [{"Los Angeles Lakers", "Oklahoma City Thunder"}]
    assert found[0][1:] == ("2025-01-14", "happened")


def test_calling_for_someone_is_a_demand_not_a_call() -> None:
    assert meetings(PEOPLE + "Protesters have called for Iwaya’s resignation.") == []


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (
            "Iwaya briefed Wang Yi on Monday.",
            ({"Takeshi Iwaya", "Wang Yi"}, "2025-01-13", "happened"),
        ),
        (
            "Iwaya and Wang Yi agreed to a prisoner swap on Monday.",
            ({"Takeshi Iwaya", "Wang Yi"}, "2025-01-13", "happened"),
        ),
        (
            "Iwaya and Wang Yi meet again in Tokyo in three days.",
            ({"Takeshi Iwaya", "Wang Yi"}, "2025-01-17", "planned"),
        ),
        (
            "A meeting of Iwaya and Wang Yi has been postponed.",
            ({"Takeshi Iwaya", "Wang Yi"}, None, "expected"),
        ),
    ],
)
def test_briefings_swaps_and_postponements(
    clause: str, expected: tuple[set[str], str | None, str]
) -> None:
    assert meetings(PEOPLE + clause) == [expected]


def test_a_sentence_that_tells_talks_to_come_is_theirs_not_the_swaps_it_names() -> None:
    result = draft_text(
        PEOPLE + "Iwaya and Wang Yi agreed to a prisoner swap on Monday.\n"
        "Both sides were hopeful the swap could bring Wang Yi to the negotiating table with "
        "Iwaya.",
        PUBLISHED,
    )
    swap, talks = result.meetings
    assert (swap.when, swap.status, len(swap.evidence)) == ("2025-01-13", "happened", 1)
    assert talks.status == "expected"
    assert {a.name for a in talks.participants} == {"Takeshi Iwaya", "Wang Yi"}


def test_the_subject_of_the_sentence_is_the_side_before_a_later_match_word() -> None:
    [(participants, when, status)] = meetings(
        "Bhubaneswar: FC Goa emerged as champions of the Super Cup after defeating "
        "Chennaiyin FC 2-1 in a tense final at the Kalinga Stadium on Saturday."
    )
    assert participants == {"FC Goa", "Chennaiyin FC"}
    # The clause "after defeating … on Saturday" has no tense of its own: the sentence's.
    assert (when, status) == ("2025-01-11", "happened")


def test_a_roundtable_named_again_is_the_one_attended() -> None:
    result = draft_text(
        PEOPLE + "Iwaya attended the roundtable co-hosted by Wang Yi on Monday.\n"
        "The Asian Financial Access Roundtable was held against the backdrop of a banking "
        "crisis in the United States.",
        PUBLISHED,
    )
    [meeting] = result.meetings
    assert {a.name for a in meeting.participants} == {"Takeshi Iwaya", "Wang Yi"}
    assert (meeting.when, len(meeting.evidence)) == ("2025-01-13", 2)


def test_a_meeting_opening_a_paragraph_takes_the_date_of_the_paragraph_before() -> None:
    # "A plan to …" names a plan, not a future: the opening sentence is in the past, as the
    # meeting told in the next paragraph is.
    result = draft_text(
        "TOKYO — A plan to rename the island has failed after Japanese Foreign Minister "
        "Takeshi Iwaya walked out of parliament on Monday.\n\n"
        "Iwaya held talks with Chinese Foreign Minister Wang Yi about the island.",
        PUBLISHED,
    )
    [meeting] = result.meetings
    assert {a.name for a in meeting.participants} == {"Takeshi Iwaya", "Wang Yi"}
    assert (meeting.when, meeting.status) == ("2025-01-13", "happened")


@pytest.mark.parametrize(
    "clause",
    [
        "Iwaya had spoken with Wang Yi on Monday.",
        "Iwaya has spoken with Wang Yi on Monday.",
        "Iwaya consulted with Wang Yi on Monday.",
        "Iwaya was warmly greeted by Wang Yi on Monday.",
    ],
)
def test_perfects_welcomes_and_consultations_are_meetings(clause: str) -> None:
    [(participants, when, status)] = meetings(PEOPLE + clause)
    assert participants == {"Takeshi Iwaya", "Wang Yi"}
    assert (when, status) == ("2025-01-13", "happened")


def test_a_bodys_vote_is_a_meeting_and_a_noun_modifying_another_is_not() -> None:
    [(participants, when, _)] = meetings(
        "Members of the National Assembly left the chamber on Saturday ahead of the planned vote."
    )
    assert "National Assembly" in participants
    assert when == "2025-01-11"
    assert meetings("Artcurial, the auction house, set auction records in Paris.") == []


def test_he_in_a_relative_clause_is_the_one_the_clause_is_of() -> None:
    """ "the source, who said he had spoken to …": not the last person named before."""
    text = (
        "Ministers Jonathan Moyo and Saviour Kasukuwere fled to the compound, the source, who "
        "said he had spoken to people inside the compound, told Reuters."
    )
    assert all("Saviour Kasukuwere" not in participants for participants, _, _ in meetings(text))


def test_the_date_of_a_report_is_not_the_date_of_what_it_reports() -> None:
    [(participants, when, _)] = meetings(
        PEOPLE + "Officials divulged on Monday that Iwaya had met Wang Yi twice."
    )
    assert {"Takeshi Iwaya", "Wang Yi"} <= participants
    assert when is None
    [(_, when, _)] = meetings(PEOPLE + "Officials said Monday that Iwaya met Wang Yi on Sunday.")
    assert when == "2025-01-12"


def test_two_orders_in_one_clause_are_two_deals_and_one_told_again_is_the_first() -> None:
    text = (
        "Dubai's flagship carrier Emirates Airline finalized a deal to purchase 30 of Boeing's "
        "787-9 Dreamliner jets, executives of both companies announced Tuesday.\n"
        "The order is crucial for Boeing, the American plane-maker.\n"
        "In addition to its order of 30 Boeing jets Tuesday, Emirates announced an order of 50 "
        "Airbus A350-900 jets on Monday."
    )
    deals = meetings(text)
    assert len(deals) == 2
    assert "Boeing" in deals[0][0] and deals[0][1] == "2025-01-14"
    assert "Airbus" in deals[1][0] and "Boeing" not in deals[1][0]
    assert deals[1][1] == "2025-01-13"


def test_a_named_event_beside_a_deal_is_a_meeting_of_its_own() -> None:
    text = (
        "Emirates Airline finalized a deal to purchase 30 Boeing jets, executives of both "
        "companies announced Tuesday at the Dubai Air Show.\n"
        "Boeing is an American plane-maker."
    )
    found = meetings(text)
    assert len(found) == 2
    assert all(when == "2025-01-14" for _, when, _ in found)


def test_a_sale_split_among_buyers_is_one_sale_to_each() -> None:
    text = (
        "Boeing is an American plane-maker. Biman Bangladesh Airlines is a carrier.\n"
        "Boeing announced five 787 Dreamliner sales on Monday: two to Biman Bangladesh Airlines "
        "and three to the Ghanaian government."
    )
    sales = meetings(text)
    assert len(sales) == 2
    assert all("Boeing" in p and when == "2025-01-13" for p, when, _ in sales)
    assert any("Biman Bangladesh Airlines" in p for p, _, _ in sales)

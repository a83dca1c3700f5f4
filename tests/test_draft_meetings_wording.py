"""Meeting rules about how a clause names its meeting: a possessive before the noun ("his
first match") names a participant, a kind of an event noun ("an emergency meeting") is an
event, and a condition ("if talks resume") ends with its aside's dash."""

from __future__ import annotations

from datetime import date

from tests.drafting import draft_text

PUBLISHED = date(2025, 1, 14)  # a Tuesday


def meetings(text: str) -> list[tuple[set[str], str | None, str]]:
    result = draft_text(text, PUBLISHED)
    return [({a.name for a in m.participants}, m.when, m.status) for m in result.meetings]


def test_a_possessive_before_a_meeting_noun_is_a_participant() -> None:
    text = (
        "Ajax Amsterdam appointed coach Erik Sorensen on Monday. "
        "His first match in charge will be away to Feyenoord Rotterdam FC on Saturday."
    )
    found = meetings(text)
    assert ({"Erik Sorensen", "Feyenoord Rotterdam FC"}, "2025-01-18", "planned") in found


def test_a_kind_of_meeting_is_a_meeting() -> None:
    [(participants, when, status)] = meetings(
        "Lebanon's foreign ministry called for an emergency meeting of the Arab League."
    )
    assert "Arab League" in participants
    assert (when, status) == (None, "expected")


def test_a_condition_ends_at_the_dash_closing_its_aside() -> None:
    text = (
        "Takeshi Iwaya and Wang Yi spoke. Iwaya would welcome talks if the truce holds - "
        "and he met Wang Yi in Geneva on Monday."
    )
    assert ({"Takeshi Iwaya", "Wang Yi"}, "2025-01-13", "happened") in meetings(text)


def test_a_pronoun_subject_before_its_auxiliaries_is_a_participant() -> None:
    found = meetings(
        "Chancellor Olaf Brenner arrived in Lisbon on Monday evening, where he is scheduled "
        "to meet the Portuguese president, Marta Sousa."
    )
    assert ({"Olaf Brenner", "Marta Sousa"}, None, "planned") in found


def test_an_opening_clause_is_a_meeting_of_its_own_and_its_pronoun_points_ahead() -> None:
    found = meetings(
        "Marta Sousa won the vote. Olaf Brenner praised it. "
        "After she meets with Brenner, Sousa will travel to Madrid to attend a summit "
        "alongside Pedro Alvarez, according to her office."
    )
    assert ({"Marta Sousa", "Olaf Brenner"}, None, "planned") in found
    assert ({"Marta Sousa", "Pedro Alvarez"}, None, "planned") in found


def test_a_meeting_to_come_told_twice_is_one_meeting() -> None:
    found = meetings(
        "Olaf Brenner is scheduled to meet Marta Sousa in Lisbon. Sousa visited Madrid on "
        "Friday. Brenner will meet Sousa to discuss fishing."
    )
    assert [p for p, _, _ in found].count({"Olaf Brenner", "Marta Sousa"}) == 1


def test_music_played_by_a_band_is_no_match() -> None:
    found = meetings("The anthems of Portugal and Germany were played by the Portuguese Army band.")
    assert found == []
    assert meetings("Portugal played Germany in Lisbon on Monday.") != []


def test_an_opportunity_to_meet_is_expected_and_an_agreement_to_meet_is_planned() -> None:
    [(_, _, status)] = meetings(
        "Olaf Brenner and Marta Sousa spoke. The forum will be an opportunity for Brenner "
        "to meet with Sousa."
    )
    assert status == "expected"
    [(_, _, status)] = meetings('Olaf Brenner and Marta Sousa have agreed to meet "soon".')
    assert status == "planned"


def test_a_visit_of_some_days_lasts_them_and_an_arrival_is_a_stay_under_way() -> None:
    [(participants, when, status)] = meetings(
        "Chancellor Olaf Brenner arrived in Lisbon on Monday for a three-day state visit "
        "at the invitation of President Marta Sousa."
    )
    assert participants == {"Olaf Brenner", "Marta Sousa"}
    assert (when, status) == ("2025-01-13/2025-01-15", "ongoing")
    [(_, when, status)] = meetings("Chancellor Olaf Brenner arrived in Lisbon on Monday.")
    assert (when, status) == ("2025-01-13", "ongoing")
    [(_, when, status)] = meetings("Chancellor Olaf Brenner arrived in Lisbon on Friday.")
    assert (when, status) == ("2025-01-10", "happened")


def test_a_title_does_not_repeat_its_preposition() -> None:
    result = draft_text("Chancellor Olaf Brenner arrived in Lisbon on Monday.", PUBLISHED)
    assert [m.title for m in result.meetings] == ["Olaf Brenner: arrived in Lisbon"]


def test_talks_on_a_possible_deal_are_under_way_and_have_no_day() -> None:
    [(participants, when, status)] = meetings(
        "Siemens AG and Alstom SA have said they are in talks on a possible merger."
    )
    assert participants == {"Siemens AG", "Alstom SA"}
    assert (when, status) == (None, "ongoing")


def test_a_meeting_told_as_part_of_the_one_before_takes_its_days() -> None:
    found = meetings(
        "Mayor Ana Ruiz met with President Marta Sousa in Lisbon last week. "
        "At the summit, Ruiz joined Mayor Pedro Alvarez to talk about housing."
    )
    assert ({"Ana Ruiz", "Pedro Alvarez"}, "2025-01-06/2025-01-12", "happened") in found


def test_a_meeting_one_arrives_for_is_under_way() -> None:
    [(_, when, status)] = meetings(
        "“We are ready,” Marta Sousa told reporters as she arrived for a meeting of EU "
        "foreign ministers in Brussels."
    )
    assert (when, status) == ("2025-01-14", "ongoing")


def test_a_call_on_someone_is_a_visit_and_a_call_on_someone_to_act_is_none() -> None:
    assert meetings("Olaf Brenner will call on President Marta Sousa on Friday.") == [
        ({"Olaf Brenner", "Marta Sousa"}, "2025-01-17", "planned")
    ]
    assert meetings("Olaf Brenner called on President Marta Sousa to resign.") == []
    assert meetings("The new company will be called Lusitania Holdings.") == []


def test_the_players_of_a_match_are_not_the_countries_they_are_from() -> None:
    [(participants, _, _)] = meetings("Marta Sousa of Portugal beat Germany's Anna Weber 6-3, 6-4.")
    assert participants == {"Marta Sousa", "Anna Weber"}


def test_a_second_verb_of_a_match_report_is_its_subjects() -> None:
    found = meetings(
        "Marta Sousa beat Anna Weber 6-3, 6-0, and will play top-seeded Clara Ruiz on Thursday."
    )
    assert ({"Marta Sousa", "Anna Weber"}, None, "happened") in found
    assert ({"Marta Sousa", "Clara Ruiz"}, "2025-01-16", "planned") in found


def test_a_subject_before_a_relative_clause_is_the_one_who_meets() -> None:
    found = meetings(
        "Chancellor Olaf Brenner, who arrived in Lisbon on Monday, is set to meet his "
        "counterpart Marta Sousa on Wednesday."
    )
    assert ({"Olaf Brenner"}, "2025-01-13", "ongoing") in found
    assert ({"Olaf Brenner", "Marta Sousa"}, "2025-01-15", "planned") in found


def test_the_two_leaders_are_the_two_people_named() -> None:
    [(participants, when, _)] = meetings(
        "The two leaders talked on the phone on Monday after Olaf Brenner dialled "
        "President Marta Sousa."
    )
    assert participants == {"Olaf Brenner", "Marta Sousa"}
    assert when == "2025-01-13"


def test_a_result_told_with_a_participle_is_a_match() -> None:
    [(participants, _, status)] = meetings(
        "Marta Sousa reached the quarterfinals by upsetting seventh-seeded Anna Weber 7-6, 6-4."
    )
    assert (participants, status) == ({"Marta Sousa", "Anna Weber"}, "happened")
    assert meetings("Greece's government announced sweeping reforms to its pensions.") == []


def test_a_meeting_of_a_visits_programme_is_on_the_visits_day() -> None:
    found = meetings(
        "Foreign Secretary Olaf Brenner will visit Portugal tomorrow at the invitation of "
        "Foreign Minister Marta Sousa. Brenner will also hold talks with Prime Minister "
        "Ana Costa."
    )
    assert ({"Olaf Brenner", "Ana Costa"}, "2025-01-15", "planned") in found
    assert all(when == "2025-01-15" for _, when, _ in found)


def test_words_ending_in_ed_that_are_no_past_leave_a_fixture_to_come() -> None:
    [(_, _, status)] = meetings("Top-seeded Marta Sousa takes on the United States' Anna Weber.")
    assert status == "planned"


def test_a_while_clause_shares_the_day_of_the_clause_beside_it() -> None:
    found = meetings(
        "Marta Sousa, who received a bye, is set to play Anna Weber on Wednesday night, while "
        "Clara Ruiz takes on Ines Costa in the final match of the night."
    )
    assert ({"Marta Sousa", "Anna Weber"}, "2025-01-15", "planned") in found
    assert ({"Clara Ruiz", "Ines Costa"}, "2025-01-15", "planned") in found


def test_talks_and_a_press_conference_of_the_same_people_are_two_meetings() -> None:
    found = meetings(
        "Olaf Brenner and Marta Sousa were expected to hold talks on trade. "
        "Brenner and Sousa were expected to address a press conference."
    )
    assert len(found) == 2


def test_the_one_who_visited_before_arriving_is_the_sentences_subject() -> None:
    found = meetings("Chancellor Olaf Brenner arrived on Friday after visiting Spain and Italy.")
    assert any("Olaf Brenner" in p and when is None for p, when, _ in found)


def test_talks_told_with_no_one_are_of_the_sides_just_told() -> None:
    found = meetings(
        "Earlier this month, Portugal and Spain reached an agreement in Madrid on fishing. "
        "The agreement comes after two years of backroom talks."
    )
    assert ({"Portugal", "Spain"}, None, "happened") in found
    assert ({"Portugal", "Spain"}, "2025-01", "happened") in found


def test_by_press_time_is_the_day_of_publication() -> None:
    [(_, when, status)] = meetings(
        "By press time, Olaf Brenner and Marta Sousa were expected to hold talks."
    )
    assert (when, status) == ("2025-01-14", "expected")


def test_an_event_of_days_covering_the_day_of_publication_is_under_way() -> None:
    [(_, when, status)] = meetings(
        "Lusitania Airways announced an order of 30 jets on Tuesday at the Lisbon Air Show."
    )[-1:]
    assert (when, status) == ("2025-01-14", "ongoing")
    [(_, when, status)] = meetings("This week, Marta Sousa launched a tour of northern towns.")
    assert (when, status) == ("2025-01-13/2025-01-14", "ongoing")


def test_a_participle_after_its_noun_does_not_make_the_clause_past() -> None:
    [(_, when, status)] = meetings(
        "It is the result of a partnership between Lusitania Airways and Iberia Express, "
        "a carrier founded by Spanish investors."
    )
    assert (when, status) == (None, "ongoing")


def test_a_meeting_one_was_due_to_hold_is_planned() -> None:
    [(participants, _, status)] = meetings(
        "Olaf Brenner arrived in Lisbon. He was due to meet with President Marta Sousa."
    )[-1:]
    assert (participants, status) == ({"Olaf Brenner", "Marta Sousa"}, "planned")


def test_diplomatic_names_of_a_meeting_are_meetings() -> None:
    """A tête-à-tête of two leaders, a courtesy call, a ceremonial welcome (CAMEO 040/042),
    as reports of state visits name them."""
    assert meetings(
        "President William Ruto will hold a tête-à-tête with his counterpart, Yoweri Museveni."
    ) == [({"William Ruto", "Yoweri Museveni"}, None, "planned")]
    assert meetings(
        "Prime Minister Christopher Luxon paid a courtesy call on President Droupadi Murmu."
    ) == [({"Christopher Luxon", "Droupadi Murmu"}, None, "happened")]
    [(participants, _, status)] = meetings(
        "President Cyril Ramaphosa was accorded a ceremonial welcome at the State House."
    )
    assert "Cyril Ramaphosa" in participants and status == "happened"

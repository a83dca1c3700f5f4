"""Someone speaking to an audience met is a meeting (CAMEO 010, a statement to those
present): a speech, a pep talk, a seminar; meeting a community or families unnamed is a
meeting of the one who meets them; telling reporters is one too when the sentence also
tells of another meeting ("told reporters … after interviews with seven witnesses")."""

from __future__ import annotations

from datetime import date

from tests.drafting import draft_text

PUBLISHED = date(2019, 11, 20)  # a Wednesday


def meetings(text: str) -> list[tuple[set[str], str | None, str]]:
    result = draft_text(text, PUBLISHED)
    return [({a.name for a in m.participants}, m.when, m.status) for m in result.meetings]


def test_a_speech_given_is_a_meeting_of_the_speaker() -> None:
    [(participants, when, status)] = meetings(
        "U.S. Defense Secretary Mark Esper gave a speech at the Diplomatic Academy in Hanoi "
        "on Wednesday."
    )
    assert "Mark Esper" in participants
    assert (when, status) == ("2019-11-20", "happened")


def test_a_pep_talk_to_players_is_a_meeting_of_the_coach() -> None:
    found = meetings("Coach Bruce Boudreau gave his players a pep talk Tuesday before practice.")
    assert [(when, status) for _, when, status in found] == [("2019-11-19", "happened")]
    assert "Bruce Boudreau" in found[0][0]


def test_meeting_a_community_unnamed_is_a_meeting_to_come_of_the_visitor() -> None:
    found = meetings(
        "Prime Minister Sitiveni Rabuka arrived in Port Moresby on Tuesday.\n"
        "Rabuka will also meet the Fijian community, where he will give an update."
    )
    assert ({"Sitiveni Rabuka"}, None, "planned") in found


def test_telling_reporters_is_a_meeting_beside_the_one_it_tells() -> None:
    found = meetings(
        "Prosecutor Eva-Marie Persson told reporters the decision had been taken after "
        "interviews with seven witnesses in the case."
    )
    assert len(found) == 2
    assert any(participants == {"Eva-Marie Persson"} for participants, _, _ in found)


def test_a_meeting_told_before_the_press_leaves_it_one_meeting() -> None:
    found = meetings(
        "After meeting Foreign Minister Wang Yi on Tuesday, Secretary Antony Blinken "
        "praised the talks."
    )
    assert len(found) == 1

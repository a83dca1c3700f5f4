"""A sitting put off to a later day ("adjourned the trial until September 5") is two
meetings: the session that adjourned, which happened, and the one it resumes at, to come;
"the Tour is set to resume on Tuesday" is the resumption, not a new date for the stage."""

from __future__ import annotations

from datetime import date

from tests.drafting import draft_text

PUBLISHED = date(2011, 8, 14)  # a Sunday


def meetings(text: str) -> list[tuple[str, str | None, str]]:
    result = draft_text(text, PUBLISHED)
    return [(m.title, m.when, m.status) for m in result.meetings]


def test_an_adjourned_trial_is_the_session_that_happened_and_its_resumption_to_come() -> None:
    found = meetings(
        "Judge Ahmed Rifaat adjourned the trial of Minister Habib Adly until September 5 "
        "after a commotion caused by the lawyers."
    )
    assert [(when, status) for _, when, status in found] == [
        (None, "happened"),
        ("2011-09-05", "planned"),
    ]
    assert found[1][0].endswith("trial resumes")


def test_a_postponed_hearing_is_one_meeting_to_come_on_its_new_day() -> None:
    found = meetings(
        "On Friday the court postponed the hearing of Sheikh Omar Bakri to August 22 "
        "at the request of the defence."
    )
    assert [(when, status) for _, when, status in found] == [("2011-08-22", "expected")]


def test_a_meeting_put_off_to_a_month_is_read_ahead_of_publication() -> None:
    [(_, when, status)] = meetings(
        "President Lula and President Mbeki rescheduled the summit for March."
    )
    assert (when, status) == ("2012-03", "planned")


def test_a_race_set_to_resume_is_a_meeting_to_come_not_the_stage_redated() -> None:
    found = meetings(
        "Jasper Philipsen won stage 15 of the Tour de France as Jonas Vingegaard crashed.\n"
        "Vingegaard lost two teammates after they exited the tour following injuries.\n"
        "The Tour is set to resume on Tuesday following a rest day tomorrow."
    )
    assert len(found) == 2
    (_, stage_when, stage_status), (title, when, status) = found
    assert stage_when != "2011-08-16" and stage_status == "happened"
    assert title.endswith("resumes") and (when, status) == ("2011-08-16", "planned")


def test_an_agreement_to_resume_ties_is_no_resumed_meeting() -> None:
    found = meetings(
        "Saudi Arabia and Iran held talks in Baghdad in 2021 before the agreement to resume "
        "ties was announced in Beijing."
    )
    assert not any(title.endswith("resumes") for title, _, _ in found)

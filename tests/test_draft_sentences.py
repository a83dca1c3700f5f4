"""The splitter's mends to pysbd: a sentence goes on after a comma inside closing marks and
after a clock time, and a clock time's zone is no actor."""

from __future__ import annotations

from datetime import date

from explorer.draft.sentences import split
from tests.drafting import draft_text, quotes_of

PUBLISHED = date(2020, 1, 7)


def texts(body: str) -> list[str]:
    return [s.text for s in split(body + "\n")[0]]


def test_a_comma_inside_nested_closing_marks_does_not_end_the_sentence() -> None:
    assert texts("“My father reminded me often ‘we survived,’” Montoya-Lewis said. “Yes.”") == [
        "“My father reminded me often ‘we survived,’” Montoya-Lewis said.",
        "“Yes.”",
    ]


def test_a_clock_time_before_its_day_or_zone_does_not_end_the_sentence() -> None:
    assert texts("The talks start at 9 a.m. Monday in Geneva.") == [
        "The talks start at 9 a.m. Monday in Geneva."
    ]
    assert texts("He left at 5 p.m. Tuesday, officials said.") == [
        "He left at 5 p.m. Tuesday, officials said."
    ]
    assert texts("They met at 9 a.m. The talks ended at noon.") == [
        "They met at 9 a.m.",
        "The talks ended at noon.",
    ]


def test_the_speaker_after_nested_marks_and_after_herself_is_found() -> None:
    result = draft_text(
        "Rabbi Seth Goldstein gave a benediction. Raquel Montoya-Lewis was sworn in.\n"
        "Goldstein tweeted he was “honored” to offer the benediction:\n"
        "“I was raised to remember that I come from those who survived, and as my father "
        "reminded me often ‘we survived,’” Montoya-Lewis said after her appointment.\n"
        "As Montoya-Lewis herself said, “The most important thing is that I not be the last.”",
        PUBLISHED,
    )
    speakers = {text[:12]: speaker for text, speaker in quotes_of(result, "direct")}
    assert speakers == {
        "I was raised": "Raquel Montoya-Lewis",
        "The most imp": "Raquel Montoya-Lewis",
    }


def test_a_time_zone_is_no_organisation() -> None:
    result = draft_text(
        "Home Depot management hosts a conference call at 9 a.m. ET to discuss results.",
        PUBLISHED,
    )
    assert "ET" not in [a.name for a in result.actors]

"""A named person or body speaking to a named outlet ("told KXAN", "told Rappler.com", "told
VOA correspondent Ana Ruiz") is an interview, a meeting of the two; an anonymous source or
a group speaking to a wire ("sources told Reuters") meets no one the story names."""

from __future__ import annotations

from datetime import date

import pytest

from tests.drafting import draft_text

PUBLISHED = date(2025, 1, 14)  # a Tuesday


def meetings(text: str) -> list[tuple[set[str], str | None, str]]:
    result = draft_text(text, PUBLISHED)
    return [({a.name for a in m.participants}, m.when, m.status) for m in result.meetings]


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        ("Harbour master Tomas Ilves told WKRP the ferry would run again in March.", "WKRP"),
        ("Harbour master Tomas Ilves told Rappler.com that the ferry would run again.", None),
        ("Harbour master Tomas Ilves told Reuters the ferry would run again in March.", None),
    ],
)
def test_telling_a_named_outlet_is_an_interview(sentence: str, outlet: str | None) -> None:
    [(participants, _, status)] = meetings(sentence)
    assert "Tomas Ilves" in participants
    assert len(participants) == 2
    if outlet is not None:
        assert outlet in participants
    assert status == "happened"


def test_the_date_of_the_interview_is_that_of_its_clause() -> None:
    [(_, when, _)] = meetings("Harbour master Tomas Ilves told WKRP on Monday the ferry was safe.")
    assert when == "2025-01-13"


def test_the_outlet_s_reporter_named_after_it_takes_part() -> None:
    text = "Captain Lena Ortiz told VOA correspondent Ana Ruiz that the port was closed."
    [(participants, _, _)] = meetings(text)
    assert {"Lena Ortiz", "Ana Ruiz"} <= participants


@pytest.mark.parametrize(
    "sentence",
    [
        "Port officials told Reuters the ferry would not run again before March.",
        "The ferry will not run again before March, a senior port source told Reuters.",
    ],
)
def test_an_unnamed_source_speaking_to_a_wire_is_no_meeting(sentence: str) -> None:
    assert meetings(sentence) == []

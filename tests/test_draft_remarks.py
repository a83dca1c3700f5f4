"""Quotations attributed without a verb of saying proper: a verb of remarking right after
the quotation, or a clause with its subject ended by a colon right before it. Sentences
written for these tests."""

from __future__ import annotations

from datetime import date

from tests.drafting import draft_text, quotes_of

PUBLISHED = date(2025, 6, 4)


def _direct(text: str) -> list[tuple[str, str]]:
    return quotes_of(draft_text(text, PUBLISHED), "direct")


def test_a_verb_of_remarking_after_the_quotation_names_its_speaker() -> None:
    found = _direct(
        "Tom Berg, the chief engineer, led the work on the bridge.\n"
        "“It took ten years and twice the money,” Mayor Ann Lutz shared.\n"
        "“Nobody believed we would finish it on time,” mused Berg."
    )
    assert found == [
        ("It took ten years and twice the money", "Ann Lutz"),
        ("Nobody believed we would finish it on time", "Tom Berg"),
    ]


def test_a_subject_and_a_colon_before_the_quotation_name_its_speaker() -> None:
    found = _direct(
        "Tom Berg, the chief engineer, led the work on the bridge.\n"
        "Mayor Ann Lutz put it simply: “It took ten years and twice the money.”"
    )
    assert found == [("It took ten years and twice the money.", "Ann Lutz")]


def test_remarking_verbs_elsewhere_attribute_nothing() -> None:
    result = draft_text(
        "Mayor Ann Lutz shared the prize with the engineers.\n"
        "Tom Berg, the chief engineer, laughed at the idea of a second bridge.",
        PUBLISHED,
    )
    assert result.quotes == []


def test_said_and_added_that_are_two_claims_of_the_speaker() -> None:
    result = draft_text(
        "Prime Minister Rishi Sunak said the strike was unfair and added that talks would "
        "resume on Monday.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("The strike was unfair.", "Rishi Sunak"),
        ("Talks would resume on Monday.", "Rishi Sunak"),
    ]


def test_a_short_sentence_in_marks_after_its_speaker_is_speech() -> None:
    found = _direct(
        "“We defended well all night,” said coach Maria Lind, whose side is unbeaten. "
        "“We were patient.”"
    )
    assert found == [
        ("We defended well all night", "Maria Lind"),
        ("We were patient.", "Maria Lind"),
    ]


def test_a_quotation_after_a_described_person_is_theirs() -> None:
    found = _direct(
        "Coach Maria Lind praised her team. Her rival, Dan Webb, was less happy.\n"
        "“We gave it away in the last ten minutes.”"
    )
    assert found == [("We gave it away in the last ten minutes.", "Dan Webb")]

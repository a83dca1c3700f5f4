"""Who "he" or "she" is when it speaks: the speaker of the sentence just before goes on
speaking, whoever else was named since. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from tests.drafting import draft_text, quotes_of

PUBLISHED = date(2025, 6, 4)


def test_he_goes_on_with_a_speaker_named_by_a_description() -> None:
    result = draft_text(
        "Lawyer David Brandt argued the petition before Judge Samuel Okonkwo on Monday.\n"
        "The judge said the road closures had not been explained to the court.\n"
        "Traders in the old market had lost a week of sales, he said.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported")[-1] == (
        "Traders in the old market had lost a week of sales.",
        "Samuel Okonkwo",
    )


def test_she_goes_on_with_the_last_speaker_not_a_person_named_in_passing() -> None:
    result = draft_text(
        "“I came to hear him out,” said Ines Valcourt, who also likes Sasha Hallam and "
        "Robin Reyes.\n"
        "She said the candidate would need more time in the state.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("The candidate would need more time in the state.", "Ines Valcourt")
    ]


def test_a_person_named_before_the_pronoun_in_its_own_sentence_is_not_passed_over() -> None:
    result = draft_text(
        "“The budget is balanced,” Finance Minister Aiko Tanabe said.\n"
        "Asked about Tanabe's figures, opposition leader Marco Ferri laughed, and he said "
        "the deficit was hidden.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported")[-1][1] == "Marco Ferri"

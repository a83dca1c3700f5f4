"""A speaker named in apposition to a description: the description first, then the
person's name, before or after the verb. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from tests.drafting import draft_text, quotes_of

PUBLISHED = date(2025, 6, 4)


def _reported(text: str) -> list[tuple[str, str]]:
    return quotes_of(draft_text(text, PUBLISHED), "reported")


def test_a_description_after_the_verb_then_the_name_is_the_named_person() -> None:
    found = _reported(
        "The bridge will not open before 2027, said another member of the council, "
        "former city engineer Lucia Ferrante."
    )
    assert found == [("The bridge will not open before 2027.", "Lucia Ferrante")]


def test_an_owner_and_a_role_in_lower_case_before_the_name_need_no_comma() -> None:
    found = _reported(
        "Store openings will slow next year, said Harbor Retail's newly appointed chief "
        "executive Ana Whitfield in a letter to staff."
    )
    assert found == [("Store openings will slow next year.", "Ana Whitfield")]


def test_a_description_set_off_before_a_name_makes_the_name_the_speaker() -> None:
    found = _reported(
        "At the hearing on Tuesday, a doctor in the audience, Priya Natarajan, said the "
        "clinic had been closed for a month."
    )
    assert found == [("The clinic had been closed for a month.", "Priya Natarajan")]


def test_a_remark_in_brackets_inside_the_role_leaves_the_name_the_speaker() -> None:
    found = _reported(
        "Managing Director (Interim) of the Port Authority of Lagos, Ngozi Adeyemi, said the "
        "new berths would open in March."
    )
    assert found == [("The new berths would open in March.", "Ngozi Adeyemi")]

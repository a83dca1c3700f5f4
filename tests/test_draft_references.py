"""Short references to a named person and quotations whose speaker stands in another
sentence: a surname of two words, a name held inside a long name, an Arabic article joined
to a surname, a speaker introduced by a colon before the quotation's paragraph."""

from __future__ import annotations

from datetime import date

from tests.drafting import actor_named, draft_text, quotes_of

PUBLISHED = date(2025, 3, 10)


def test_a_two_word_surname_is_the_person_named_in_full_before() -> None:
    result = draft_text(
        "Peruvian President Rosa Elena Quispe Mamani opened the new port on Friday.\n"
        "“This is a port for all Peruvians,” Quispe Mamani said.",
        PUBLISHED,
    )
    quispe = actor_named(result, "Rosa Elena Quispe Mamani")
    assert "Quispe Mamani" in quispe.aliases
    assert quotes_of(result, "direct") == [
        ("This is a port for all Peruvians", "Rosa Elena Quispe Mamani")
    ]
    assert [a.name for a in result.actors if a.kind == "person"] == ["Rosa Elena Quispe Mamani"]


def test_a_name_held_inside_a_long_name_is_that_person() -> None:
    result = draft_text(
        "Former President Joaquim Bento Tavares da Cunha returned to Lisbon on Sunday.\n"
        "Tavares told supporters that he would run again.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("He would run again.", "Joaquim Bento Tavares da Cunha")
    ]
    assert "Tavares" in actor_named(result, "Joaquim Bento Tavares da Cunha").aliases
    assert "Tavares" not in [a.name for a in result.actors]


def test_an_arabic_article_joined_to_a_surname_stays_in_the_name() -> None:
    result = draft_text(
        "Interior Minister Khalid Omar al-Farsi visited the border post on Monday.\n"
        "Al-Farsi said the crossing would reopen next week.",
        PUBLISHED,
    )
    farsi = actor_named(result, "Khalid Omar al-Farsi")
    assert farsi.kind == "person"
    assert "Khalid Omar" not in [a.name for a in result.actors]
    assert quotes_of(result, "reported") == [
        ("The crossing would reopen next week.", "Khalid Omar al-Farsi")
    ]


def test_a_speaker_introduced_by_a_colon_speaks_the_next_paragraph() -> None:
    result = draft_text(
        "The regional assembly approved the budget on Thursday.\n"
        "Deputy Marta Linde, who chairs the finance committee, said:\n"
        "“Nobody got everything they wanted. But the hospitals will get their money.”\n"
        "Deputy Paul Okafor voted against it.",
        PUBLISHED,
    )
    assert quotes_of(result, "direct") == [
        (
            "Nobody got everything they wanted. But the hospitals will get their money.",
            "Marta Linde",
        )
    ]

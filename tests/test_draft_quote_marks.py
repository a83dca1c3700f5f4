"""Quotation marks as real copy types them: mixed straight and curly marks, and a curly
opening mark typed where the closing one belongs. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from tests.drafting import draft_text, quotes_of

PUBLISHED = date(2025, 6, 4)


def _direct(text: str) -> list[tuple[str, str]]:
    return quotes_of(draft_text(text, PUBLISHED), "direct")


def test_a_straight_opening_mark_closed_by_a_curly_one_ends_there() -> None:
    found = _direct(
        "Marta Lindqvist chaired the inquiry for two years.\n"
        '"So I asked, who signed the order?” said Lindqvist, who retired in May. '
        '"Nobody could tell me."'
    )
    assert found == [
        ("So I asked, who signed the order?", "Marta Lindqvist"),
        ("Nobody could tell me.", "Marta Lindqvist"),
    ]


def test_a_curly_opening_mark_after_the_last_word_closes_the_quotation() -> None:
    found = _direct(
        "Coach Daniel Okafor was blunt after the defeat.\n"
        "“We gave away two goals from corners. That cannot happen at this level,“ he said. "
        "The club is bottom of the table."
    )
    assert found == [
        (
            "We gave away two goals from corners. That cannot happen at this level",
            "Daniel Okafor",
        )
    ]


def test_single_marks_quote_in_a_paragraph_without_double_ones() -> None:
    found = _direct(
        "Mayor Ann Lutz opened the bridge on Monday.\n"
        "‘It took us ten years, and the players’ union never gave up,’ Lutz said. "
        "‘We didn’t stop believing in it.’"
    )
    assert found == [
        ("It took us ten years, and the players’ union never gave up", "Ann Lutz"),
        ("We didn’t stop believing in it.", "Ann Lutz"),
    ]


def test_apostrophes_alone_quote_nothing() -> None:
    found = _direct(
        "Mayor Ann Lutz said the city’s ’90s bridge was closed.\n"
        "Lutz’s deputy, Tom Berg, said the engineers’ report was late."
    )
    assert found == []

"""Money given, paid or put up is a deal between the giver and the one given to (CAMEO 07x,
and the gold set's deals): "will provide 500,000 euros", "put up 43 million euros to acquire …
for the Musée d'Orsay", "receiving help in the form of 15 million euros from LVMH"; a word of
giving without a sum is none. A when-clause is dated by its main clause, and an absolute
phrase's date (", with the painting classified … in 2020") is its own."""

from __future__ import annotations

from datetime import date

from tests.drafting import draft_text

PUBLISHED = date(2023, 11, 8)
LOUVRE = "The Louvre is a museum in Paris. LVMH is a luxury group led by Bernard Arnault.\n"


def meetings(text: str) -> list[tuple[set[str], str | None, str]]:
    result = draft_text(text, PUBLISHED)
    return [({a.name for a in m.participants}, m.when, m.status) for m in result.meetings]


def test_a_sum_given_is_a_deal_of_the_giver() -> None:
    [(participants, _, status)] = meetings(
        LOUVRE + "The patrons group Société des Amis du Louvre will provide 500,000 euros."
    )
    assert "Société des Amis du Louvre" in participants
    assert status == "planned"


def test_a_sum_received_from_someone_is_a_deal_of_both() -> None:
    [(participants, _, _)] = meetings(
        LOUVRE + "Now, the Louvre is receiving help in the form of 15 million euros from LVMH."
    )
    assert {"Louvre", "LVMH"} <= participants


def test_giving_without_a_sum_is_no_deal() -> None:
    assert meetings(LOUVRE + "LVMH provided support and contributed ideas to the Louvre.") == []


def test_a_when_clause_takes_its_main_clauses_date_not_an_absolute_phrases() -> None:
    [(participants, when, status)] = meetings(
        LOUVRE + "LVMH made headlines earlier this year when it put up 43 million euros to "
        "acquire a painting for the Musée d’Orsay, with the painting classified as a national "
        "treasure in 2020."
    )
    assert "LVMH" in participants
    assert (when, status) == ("2023", "happened")


def test_a_sale_for_a_price_is_a_deal() -> None:
    [(participants, when, status)] = meetings(
        LOUVRE + "LVMH sold the painting to the Louvre for 24.4 million euros last March."
    )
    assert {"LVMH", "Louvre"} <= participants
    assert (when, status) == ("2023-03", "happened")
    [(participants, _, _)] = meetings(LOUVRE + "LVMH sold it for 24.4 million euros last March.")
    assert "LVMH" in participants

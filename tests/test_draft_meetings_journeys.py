"""A traveller is on one journey at a time: later words of a visit, its trip or its arrival,
with no other day, place or side of now, are of the visit told before; a visit of another
time ("Earlier, …") or to another country is another journey."""

from __future__ import annotations

from datetime import date

from tests.drafting import draft_text

PUBLISHED = date(2025, 3, 12)  # a Wednesday
VISIT = (
    "Japanese Foreign Minister Takeshi Iwaya visited Vietnam on Tuesday.\n"
    "In Beijing, Chinese Premier Li Qiang met Thai Prime Minister Paetongtarn Shinawatra.\n"
)


def visits(text: str) -> list[tuple[str, str | None, str, list[int]]]:
    result = draft_text(text, PUBLISHED)
    return [
        (m.trigger, m.when, m.status, [s.index for s in m.evidence])
        for m in result.meetings
        if "Takeshi Iwaya" in {a.name for a in m.participants}
    ]


def test_a_later_word_of_the_visit_is_that_visit() -> None:
    text = VISIT + "Iwaya's visit comes as tensions rise over the disputed islands.\n"
    [(trigger, when, status, evidence)] = visits(text)
    assert (trigger, when, status) == ("visited", "2025-03-11", "happened")
    assert evidence == [0, 2]


def test_a_visit_to_another_country_is_another_journey() -> None:
    text = VISIT + "Iwaya's visit to Phnom Penh comes as tensions rise in the South China Sea.\n"
    assert len(visits(text)) == 2


def test_a_visit_of_another_time_is_another_journey() -> None:
    text = VISIT + "Earlier, Iwaya's visit to Vietnam had been called off over the typhoon.\n"
    assert len(visits(text)) == 2

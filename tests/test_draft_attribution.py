"""Attribution patterns: who said a quote, and which sentences report or paraphrase speech."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.drafting import actor_named, draft_text, quotes_of, written

PUBLISHED = date(2025, 3, 12)
INTRO = "Finance Minister Maria Lopez and central bank governor Peter Hahn met on Monday.\n"


def test_quote_then_x_said() -> None:
    result = draft_text(INTRO + "“We will not raise taxes this year,” Lopez said.", PUBLISHED)
    assert quotes_of(result, "direct") == [("We will not raise taxes this year", "Maria Lopez")]


def test_quote_then_said_x() -> None:
    result = draft_text(INTRO + "“Inflation is falling,” said Peter Hahn, the governor.", PUBLISHED)
    assert quotes_of(result, "direct") == [("Inflation is falling", "Peter Hahn")]


def test_x_said_colon_quote() -> None:
    result = draft_text(INTRO + "Hahn said: “Rates will stay where they are for now.”", PUBLISHED)
    assert quotes_of(result, "direct") == [
        ("Rates will stay where they are for now.", "Peter Hahn")
    ]


def test_x_told_reporters_quote() -> None:
    result = draft_text(
        INTRO + "Lopez told reporters “the budget is balanced for the first time”.", PUBLISHED
    )
    assert ("the budget is balanced for the first time", "Maria Lopez") in quotes_of(
        result, "direct"
    )


def test_pronoun_speaker_resolved_to_the_last_person() -> None:
    result = draft_text(
        INTRO + "Lopez spoke after the meeting. “We have a plan for growth,” she said.", PUBLISHED
    )
    assert quotes_of(result, "direct") == [("We have a plan for growth", "Maria Lopez")]


def test_quote_across_sentences_is_one_quote() -> None:
    result = draft_text(
        INTRO + "“The economy is strong. Jobs are up. Wages are rising,” Lopez said.", PUBLISHED
    )
    assert quotes_of(result, "direct") == [
        ("The economy is strong. Jobs are up. Wages are rising", "Maria Lopez")
    ]


def test_unattributed_quote_continues_the_paragraph_speaker() -> None:
    result = draft_text(
        INTRO + "“Growth will return,” Lopez said. “We are confident of that outcome.”", PUBLISHED
    )
    direct = [q for q in result.quotes if q.kind == "direct"]
    assert [q.speaker.name for q in direct] == ["Maria Lopez", "Maria Lopez"]
    assert direct[1].guesses, "the carried-over speaker is marked as a guess"


def test_reported_statement_comma_x_said() -> None:
    result = draft_text(INTRO + "The deficit will shrink next year, Lopez said.", PUBLISHED)
    assert quotes_of(result, "reported") == [("The deficit will shrink next year.", "Maria Lopez")]


def test_reported_statement_x_said_that() -> None:
    result = draft_text(INTRO + "Hahn said that rates would stay on hold until June.", PUBLISHED)
    assert quotes_of(result, "reported") == [("Rates would stay on hold until June.", "Peter Hahn")]


def test_according_to_x() -> None:
    result = draft_text(
        INTRO + "According to Hahn, the bank will publish its forecast in April.", PUBLISHED
    )
    assert quotes_of(result, "reported") == [
        ("The bank will publish its forecast in April.", "Peter Hahn")
    ]


def test_emphasised_is_a_paraphrase() -> None:
    result = draft_text(
        INTRO + "Lopez emphasised that the reforms would protect pensions.", PUBLISHED
    )
    assert quotes_of(result, "paraphrase") == [
        ("The reforms would protect pensions.", "Maria Lopez")
    ]


def test_a_report_with_a_partial_quote_gives_both(tmp_path: Path) -> None:
    result = draft_text(
        INTRO + "The talks were “frank and useful” and will continue in May, Hahn said.",
        PUBLISHED,
    )
    assert quotes_of(result, "direct") == [("frank and useful", "Peter Hahn")]
    assert [speaker for _, speaker in quotes_of(result, "reported")] == ["Peter Hahn"]
    _, loaded = written(result, tmp_path)
    assert {q.kind for q in loaded.quotes} == {"direct", "reported"}


def test_scare_quotes_are_not_quotes() -> None:
    result = draft_text(INTRO + "The plan, dubbed “Project Eagle”, was shelved.", PUBLISHED)
    assert quotes_of(result, "direct") == []


def test_unnamed_speakers_get_a_descriptive_actor() -> None:
    result = draft_text(
        "The priest is acting as a middle-man between the two sides, a senior political "
        "source told Reuters.\n"
        "A spokesperson for the British Foreign Office reiterated that settlements are illegal.",
        PUBLISHED,
    )
    speakers = [q.speaker.name for q in result.quotes]
    assert speakers == ["Senior political source", "British Foreign Office spokesperson"]
    assert all(q.speaker.guesses for q in result.quotes), "an unnamed speaker is a guess"


def test_joint_subject_gives_one_statement_each() -> None:
    result = draft_text(
        "Egypt and Jordan also sharply criticised the policy shift announced by Washington.",
        PUBLISHED,
    )
    assert sorted(q.speaker.name for q in result.quotes) == ["Egypt", "Jordan"]


def test_an_act_statement_names_each_speaker_keeps_its_adverb_and_drops_a_with_clause() -> None:
    result = draft_text(
        "Egypt and Jordan also sharply criticised the policy shift, with Jordanian Foreign "
        "Minister Ayman Safadi warning of “dangerous consequences”.",
        PUBLISHED,
    )
    assert sorted(quotes_of(result, "paraphrase")) == [
        ("Egypt sharply criticised the policy shift.", "Egypt"),
        ("Jordan sharply criticised the policy shift.", "Jordan"),
    ]


def test_called_it_a_quoted_phrase_is_a_reported_statement() -> None:
    result = draft_text(
        "The league announced the move on Monday.\n"
        "The Arab League called it an “extremely adverse development”.",
        PUBLISHED,
    )
    assert ("It is an extremely adverse development.", "Arab League") in quotes_of(
        result, "reported"
    )
    assert ("extremely adverse development", "Arab League") in quotes_of(result, "direct")


def test_a_court_ruled_that_is_reported() -> None:
    result = draft_text("The Supreme Court ruled that the tax must be repaid by March.", PUBLISHED)
    assert quotes_of(result, "reported") == [("The tax must be repaid by March.", "Supreme Court")]


def test_said_before_a_clause_is_not_an_inverted_subject() -> None:
    result = draft_text(
        "Prime Minister Benjamin Netanyahu welcomed the decision.\n"
        "Israeli settlers, who mostly back Netanyahu's party, said the US policy change paved "
        "the way for annexation.",
        PUBLISHED,
    )
    assert "United States" not in [speaker for _, speaker in quotes_of(result, "reported")]


def test_told_x_at_the_end_has_its_subject_before_it_not_after() -> None:
    result = draft_text(
        "Robert Mugabe is under house arrest, a source said.\n"
        "The figures are ministers Jonathan Moyo and Saviour Kasukuwere, who fled to the "
        "compound after their homes were attacked, the source, who said he had spoken to "
        "people inside the compound, told Reuters.",
        date(2017, 11, 16),
    )
    speakers = {speaker for _, speaker in quotes_of(result, "reported")}
    assert speakers == {"Source"}, "neither Reuters (told's object) nor a name in an aside"


def test_a_national_group_with_an_aside_speaks_for_its_claim() -> None:
    result = draft_text(
        "Prime Minister Benjamin Netanyahu welcomed the decision.\n"
        "Israeli settlers, who mostly back Netanyahu's party, said the US policy change paved "
        "the way for annexation.",
        PUBLISHED,
    )
    assert ("The US policy change paved the way for annexation.", "Israeli settlers") in (
        quotes_of(result, "reported")
    )


def test_a_cited_outlet_or_reporter_is_an_actor_and_no_statement() -> None:
    result = draft_text(
        "Coach Dan Moreno spoke after the game.\n"
        '"We let that one slip," Moreno said, via Karen Lyle of the Riverton Gazette-Herald.\n'
        "Moreno, via Pine State Radio, said the team would appeal.\n"
        "The club did not respond to The Ledger's request for comment.",
        date(2024, 5, 15),
    )
    assert actor_named(result, "Karen Lyle").kind == "person"
    for outlet in ("Riverton Gazette-Herald", "Pine State Radio", "The Ledger"):
        assert actor_named(result, outlet).kind == "organisation"
    assert all(not text.lower().startswith("via") for text, _ in quotes_of(result, "reported"))
    assert ("We let that one slip", "Dan Moreno") in quotes_of(result, "direct")


def test_continued_to_do_is_not_speech() -> None:
    result = draft_text(INTRO + "Rebels continued to commit abuses in the north.", PUBLISHED)
    assert result.quotes == []


def test_continued_after_a_quote_is_speech() -> None:
    result = draft_text(INTRO + "“Rates will stay where they are,” Hahn continued.", PUBLISHED)
    assert quotes_of(result, "direct") == [("Rates will stay where they are", "Peter Hahn")]


def test_and_he_noted_that_is_a_second_claim_of_the_same_speaker() -> None:
    result = draft_text(
        INTRO + "Hahn said that prices rose sharply in the spring, and he noted that wages "
        "fell behind them.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("Prices rose sharply in the spring.", "Peter Hahn"),
        ("Wages fell behind them.", "Peter Hahn"),
    ]

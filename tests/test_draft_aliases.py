"""Alias grouping: every way the body names an actor is one actor, with its role and kind."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from explorer.draft import from_corpus
from tests.drafting import SEED_STORY, actor_named, draft_text, written

PUBLISHED = date(2025, 1, 14)


def test_title_and_name_give_a_person_with_a_role_and_aliases() -> None:
    result = draft_text(
        "Japanese Foreign Minister Takeshi Iwaya visited Beijing on Monday.\n"
        "Iwaya said the talks were useful.",
        PUBLISHED,
    )
    iwaya = actor_named(result, "Takeshi Iwaya")
    assert iwaya.kind == "person"
    assert iwaya.role == "Japanese Foreign Minister"
    assert {"Iwaya", "Japanese Foreign Minister Takeshi Iwaya"} <= set(iwaya.aliases)
    assert [a.name for a in result.actors].count("Takeshi Iwaya") == 1


def test_apposition_gives_role_and_alias() -> None:
    result = draft_text(
        "The visit was confirmed by Japan’s top government spokesman, Yoshimasa Hayashi.\n"
        "Hayashi said it would help.",
        PUBLISHED,
    )
    hayashi = actor_named(result, "Yoshimasa Hayashi")
    assert hayashi.role == "Japan’s top government spokesman"
    assert "Japan’s top government spokesman" in hayashi.aliases
    assert "Hayashi" in hayashi.aliases


def test_shorter_forms_of_an_organisation_are_one_actor() -> None:
    result = draft_text(
        "Members of the Eastern Theater Command of the Chinese People’s Liberation Army arrived.\n"
        "The People’s Liberation Army’s Eastern Command said the visit went well.",
        PUBLISHED,
    )
    command = actor_named(result, "Eastern Theater Command")
    assert command.kind == "organisation"
    assert "People’s Liberation Army’s Eastern Command" in command.aliases
    army = actor_named(result, "People’s Liberation Army")
    assert army in command.member_of


def test_initials_name_the_organisation() -> None:
    result = draft_text(
        "The North Atlantic Treaty Organization met in Brussels.\nNATO said it would grow.",
        PUBLISHED,
    )
    nato = actor_named(result, "North Atlantic Treaty Organization")
    assert "NATO" in nato.aliases


def test_a_country_named_only_as_a_place_is_not_an_actor() -> None:
    result = draft_text(
        "Japan and China have been working to improve relations.\n"
        "Their defence ministers met in Laos in November.",
        PUBLISHED,
    )
    names = {a.name for a in result.actors}
    assert {"Japan", "China"} <= names
    assert "Laos" not in names


def test_capital_acting_is_its_government() -> None:
    result = draft_text("Tokyo is expected to invite Wang Yi to Japan next month.", PUBLISHED)
    government = actor_named(result, "Government of Japan")
    assert "Tokyo" in government.aliases
    assert government.guesses


def test_corpus_actors_are_reused_by_a_known_name(seed_corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    known = from_corpus(seed_corpus)
    text = SEED_STORY.read_text(encoding="utf-8")
    result = draft_text(text, PUBLISHED, known=known)
    hayashi = actor_named(result, "Yoshimasa Hayashi")
    assert hayashi.id == "yoshimasa-hayashi"
    assert result.id not in seed_corpus.articles
    assert not {q.id for q in result.quotes} & set(seed_corpus.quotes)
    assert not {m.id for m in result.meetings} & set(seed_corpus.meetings)
    written(result, tmp_path)


def test_abbreviated_titles_keep_their_name_and_give_the_role() -> None:
    result = draft_text(
        "Gov. Eric Holcomb met teachers on Monday.\nMr. Holcomb said the budget was fair.",
        PUBLISHED,
    )
    holcomb = actor_named(result, "Eric Holcomb")
    assert holcomb.role == "Governor"
    assert {"Gov. Eric Holcomb", "Mr. Holcomb"} <= set(holcomb.aliases)


def test_places_and_events_are_not_actors() -> None:
    result = draft_text(
        "Alaska Airlines flies from Los Angeles (LAX) to London Heathrow (LHR).\n"
        "The Davis Cup Finals began in Group A at the “Caja Magica” on Monday.",
        PUBLISHED,
    )
    assert [a.name for a in result.actors] == ["Alaska Airlines"]


def test_apposition_with_a_portfolio_and_honorifics_gives_the_role() -> None:
    result = draft_text(
        "Ruritania’s Prime Minister and Chairman of the Harbour Authority, Dr the Rt. Hon. "
        "Anton Varga has backed the plan.\n"
        "Dr Varga spoke at the meeting.",
        PUBLISHED,
    )
    varga = actor_named(result, "Anton Varga")
    assert varga.role == "Ruritania’s Prime Minister and Chairman of the Harbour Authority"


def test_a_title_alone_names_the_person_given_that_role_earlier() -> None:
    result = draft_text(
        "Ruritania’s Prime Minister and Chairman of the Harbour Authority, Dr the Rt. Hon. "
        "Anton Varga has backed the plan.\n"
        "Dr Varga spoke at the meeting.\n"
        "The Prime Minister said, “We will not wait for anyone.”",
        PUBLISHED,
    )
    assert [q.speaker.name for q in result.quotes if q.kind == "direct"] == ["Anton Varga"]
    assert "Prime Minister" not in [a.name for a in result.actors]


def test_single_names_kept_by_what_surrounds_them_even_when_seen_once() -> None:
    result = draft_text(
        "The carrier announced an order of 50 Airbus A350-900 jets on Monday.\n"
        "The deal was brokered by Kosmos, a group co-founded by Barcelona soccer player "
        "Gerard Pique.\n"
        "The minister and two figures from her G40 political faction were arrested.",
        PUBLISHED,
    )
    names = {a.name: a for a in result.actors}
    assert names["Airbus"].kind == "organisation"
    assert "maker named before a model" in " ".join(names["Airbus"].guesses)
    assert names["Barcelona"].kind == "organisation"
    assert names["G40"].kind == "organisation"
    assert "A350-900" not in " ".join(names)


def test_numbers_after_other_words_make_no_maker() -> None:
    result = draft_text(
        "The council adopted Resolution 2334 in December.\n"
        "The convoy took Route 66 after the draw.",
        PUBLISHED,
    )
    assert not {"Resolution", "Route"} & {a.name for a in result.actors}


def test_where_a_person_works_is_an_organisation_even_with_an_event_word() -> None:
    result = draft_text(
        "“The tax is fair,” said Avi Bell, senior fellow at the right-wing Kohelet Policy "
        "Forum in Israel.\n"
        "Delegates attended the Davos Economic Forum last year.",
        PUBLISHED,
    )
    names = {a.name: a.kind for a in result.actors}
    assert names.get("Kohelet Policy Forum") == "organisation"
    assert "Davos Economic Forum" not in names, "an event is not an actor"


def test_a_numeral_after_a_name_ends_it_before_the_next_sentence() -> None:
    result = draft_text(
        "LVMH helped buy the Book of Hours of King Francois I. Between 2000 and 2013, it "
        "also helped the Musée Guimet.",
        date(2023, 11, 8),
    )
    assert not any("Between" in actor.name for actor in result.actors)


def test_an_organisation_named_first_without_its_initials_is_the_longer_one() -> None:
    result = draft_text(
        "The Security Council will meet on Friday.\n"
        "The UN Security Council has called the settlements illegal.",
        date(2019, 11, 19),
    )
    council = actor_named(result, "UN Security Council")
    assert "Security Council" in council.aliases
    assert [a.name for a in result.actors].count("Security Council") == 0


def test_two_countries_bodies_of_one_name_stay_apart() -> None:
    result = draft_text(
        "The Foreign Ministry said talks would go on.\n"
        "The Chinese Foreign Ministry and the Japanese Foreign Ministry both issued "
        "statements.",
        date(2019, 11, 19),
    )
    names = [a.name for a in result.actors]
    assert "Chinese Foreign Ministry" in names and "Japanese Foreign Ministry" in names

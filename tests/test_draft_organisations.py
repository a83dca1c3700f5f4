"""Organisation and group detection: the shapes organisations' names take in news English."""

from __future__ import annotations

from datetime import date

from tests.drafting import actor_named, draft_text, quotes_of

PUBLISHED = date(2024, 5, 15)


def names(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.name for a in result.actors]


def test_acronym_in_brackets_is_the_organisations_alias() -> None:
    result = draft_text(
        "The Serious Fraud Office (SFO), which brought the case, welcomed the sentence.\n"
        "The SFO said the sentence sent a clear message to fraudsters.",
        PUBLISHED,
    )
    sfo = actor_named(result, "Serious Fraud Office")
    assert sfo.kind == "organisation"
    assert "SFO" in sfo.aliases
    assert names(result).count("Serious Fraud Office") == 1
    assert quotes_of(result, "reported") == [
        ("The sentence sent a clear message to fraudsters.", "Serious Fraud Office")
    ]


def test_and_inside_an_organisations_name() -> None:
    result = draft_text(
        "The Food and Drug Administration approved the drug on Friday.\n"
        "Wafula Chebukati chairs the Independent Electoral and Boundaries Commission.\n"
        "The Africa Centres for Disease Control and Prevention declared an emergency.",
        PUBLISHED,
    )
    for name in (
        "Food and Drug Administration",
        "Independent Electoral and Boundaries Commission",
        "Africa Centres for Disease Control and Prevention",
    ):
        assert actor_named(result, name).kind == "organisation"
    assert "Disease Control" not in names(result)


def test_and_between_two_names_keeps_them_apart() -> None:
    result = draft_text(
        "The United Nations and European Union both said the move was illegal.", PUBLISHED
    )
    assert {"United Nations", "European Union"} <= set(names(result))


def test_a_portfolio_or_place_after_of_stays_in_the_name() -> None:
    result = draft_text(
        "The plan needs approval from the Department of Transportation, officials said.\n"
        "Members of the Eastern Theater Command of the People’s Liberation Army arrived.",
        PUBLISHED,
    )
    assert actor_named(result, "Department of Transportation").kind == "organisation"
    assert "Department" not in names(result)
    command = actor_named(result, "Eastern Theater Command")
    assert actor_named(result, "People’s Liberation Army") in command.member_of


def test_a_plural_owner_inside_a_name_is_part_of_it() -> None:
    result = draft_text(
        "The Ontario Secondary School Teachers' Federation (OSSTF) said its members would "
        "strike for smaller classes.",
        PUBLISHED,
    )
    union = actor_named(result, "Ontario Secondary School Teachers' Federation")
    assert "OSSTF" in union.aliases
    assert quotes_of(result, "reported")[0][1] == union.name


def test_a_department_named_first_in_its_sentence() -> None:
    result = draft_text(
        "The state news agency reported the visit.\n"
        "State Department spokesman Ned Price said the United States supported the talks.",
        PUBLISHED,
    )
    department = actor_named(result, "State Department")
    price = actor_named(result, "Ned Price")
    assert price.role == "State Department spokesman"
    assert department in price.member_of


def test_known_as_gives_a_short_name() -> None:
    result = draft_text(
        "The European Consumer Organisation, known as BEUC, said no company was above the law.",
        PUBLISHED,
    )
    assert "BEUC" in actor_named(result, "European Consumer Organisation").aliases


def test_an_embassy_is_an_organisation_that_speaks() -> None:
    result = draft_text(
        "In a statement, the US Embassy in Nairobi said Kenyans should resolve disputes in court.",
        PUBLISHED,
    )
    assert actor_named(result, "US Embassy").kind == "organisation"
    assert quotes_of(result, "reported") == [
        ("Kenyans should resolve disputes in court.", "US Embassy")
    ]


def test_an_apposition_with_an_organisation_noun_makes_an_organisation() -> None:
    result = draft_text(
        "Shares rose on Monday.\n"
        "Alphabet, Google's parent company, said it would consider an appeal.\n"
        "Bavarian Nordic, the Danish drugmaker that makes a vaccine, said it could supply "
        "10 million doses.",
        PUBLISHED,
    )
    assert actor_named(result, "Alphabet").kind == "organisation"
    assert actor_named(result, "Bavarian Nordic").kind == "organisation"
    speakers = {speaker for _, speaker in quotes_of(result, "reported")}
    assert speakers == {"Alphabet", "Bavarian Nordic"}


def test_an_organisation_noun_after_a_name_makes_an_organisation() -> None:
    result = draft_text(
        "Raila Odinga lost the vote.\n"
        "Odinga's Azimio la Umoja coalition said it would challenge the result in court.",
        PUBLISHED,
    )
    assert actor_named(result, "Azimio la Umoja").kind == "organisation"


def test_a_club_named_by_its_city_is_no_person_and_a_given_name_is() -> None:
    result = draft_text(
        "Real Madrid beat Bayern Munich 2-1 on Sunday.\n"
        "Carlo Ancelotti praised his players after the match.",
        PUBLISHED,
    )
    assert actor_named(result, "Real Madrid").kind == "organisation"
    assert actor_named(result, "Bayern Munich").kind == "organisation"
    ancelotti = actor_named(result, "Carlo Ancelotti")
    assert ancelotti.kind == "person"
    assert not any(g.startswith("kind inferred") for g in ancelotti.guesses)


def test_a_body_named_after_its_country_is_an_organisation() -> None:
    result = draft_text(
        "India beat Australia by six wickets in the first Test on Saturday.\n"
        "Cricket Australia said fast bowler Josh Hazlewood would miss the second Test.",
        PUBLISHED,
    )
    body = actor_named(result, "Cricket Australia")
    assert body.kind == "organisation"
    assert actor_named(result, "Australia").kind == "country"
    assert "Test" not in names(result)


def test_where_a_person_works_is_an_organisation_and_part_of_the_role() -> None:
    result = draft_text(
        "“Microsoft is paying a full price,” said Michael Pachter, an analyst at Wedbush "
        "Securities.",
        PUBLISHED,
    )
    pachter = actor_named(result, "Michael Pachter")
    assert pachter.role == "analyst at Wedbush Securities"
    assert actor_named(result, "Wedbush Securities") in pachter.member_of


def test_a_weekday_after_a_name_is_not_part_of_it() -> None:
    result = draft_text(
        "Senators grilled the head of the Federal Aviation Administration on Wednesday.\n"
        "The United Nations Security Council on Monday demanded a ceasefire.",
        PUBLISHED,
    )
    assert {"Federal Aviation Administration", "United Nations Security Council"} <= set(
        names(result)
    )


def test_a_place_after_a_mayor_is_no_person() -> None:
    result = draft_text(
        "Andy Burnham, the Mayor of Greater Manchester, said he was shocked by the violence.",
        PUBLISHED,
    )
    assert names(result) == ["Andy Burnham"]
    assert actor_named(result, "Andy Burnham").role == "Mayor of Greater Manchester"


def test_a_title_owner_inside_a_name_and_of_without_the_keep_one_name() -> None:
    result = draft_text(
        "The California Governor's Office of Emergency Services said the companies' "
        "engagement was unacceptable.",
        PUBLISHED,
    )
    office = actor_named(result, "California Governor's Office of Emergency Services")
    assert office.kind == "organisation"
    assert names(result) == ["California Governor's Office of Emergency Services"]


def test_a_region_of_a_place_is_no_actor() -> None:
    result = draft_text(
        "The northern Sierra Nevada has seen little rain, and the San Francisco Bay Area "
        "none, said Scott Strenfel, a meteorologist.",
        PUBLISHED,
    )
    assert names(result) == ["Scott Strenfel"]


def test_bodies_named_by_a_party_word_a_network_or_a_two_word_demonym() -> None:
    result = draft_text(
        "Grace Mugabe rose through the ranks of Mugabe's ruling Zanu-PF.\n"
        "The hostages were held by the Haqqani network.\n"
        "South Korean police raided the office on Friday.",
        PUBLISHED,
    )
    assert actor_named(result, "Zanu-PF").kind == "organisation"
    assert actor_named(result, "Haqqani network").kind == "organisation"
    assert actor_named(result, "South Korean police").kind == "organisation"


def test_officials_of_an_organisation_with_an_ampersand_speak_as_a_group() -> None:
    result = draft_text(
        "Pacific Gas & Electric Co. began shutting off power.\n"
        "Winds could fling branches into power lines, PG&E officials said.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("Winds could fling branches into power lines.", "PG&E officials")
    ]
    assert actor_named(result, "PG&E officials").kind == "group"
    assert "PG&E" in actor_named(result, "Pacific Gas & Electric Co").aliases


def test_countries_named_as_places_in_lists_and_beside_cities_are_no_actors() -> None:
    result = draft_text(
        "Panama hosted the talks on migration.\n"
        "Citizens from El Salvador, Guatemala, Haiti and Honduras were detained at the border.\n"
        "The prisoners were released in Doha, Qatar, on Tuesday.\n"
        "Sudan will stop supporting rebels in neighboring South Sudan.\n"
        "Brazil star Neymar watched the match.",
        PUBLISHED,
    )
    for place in ("Guatemala", "Haiti", "Honduras", "Qatar", "South Sudan", "Brazil"):
        assert place not in names(result), place


def test_a_middle_initial_is_the_same_person() -> None:
    result = draft_text(
        "President-elect Donald Trump will take office on Friday.\n"
        "Officials said they had briefed President-elect Donald J. Trump’s transition team.",
        PUBLISHED,
    )
    assert [a.name for a in result.actors if a.kind == "person"] == ["Donald Trump"]
    assert "President-elect Donald J. Trump" in actor_named(result, "Donald Trump").aliases


def test_a_group_that_acts_is_an_actor_and_a_quantity_is_not() -> None:
    result = draft_text(
        "The council approved the plan on Tuesday.\n"
        "Local business owners welcomed the decision.\n"
        "Businesses and residents also have complained of poor communication.\n"
        "All countries have complained of the delays.",
        PUBLISHED,
    )
    groups = {a.name for a in result.actors if a.kind == "group"}
    assert {"Local business owners", "Businesses"} <= groups
    assert "All countries" not in groups


def test_museums_trusts_and_french_names_are_organisations() -> None:
    result = draft_text(
        "The painting was bought by the Kimbell Art Museum last year.\n"
        "The patrons group Société des Amis du Louvre will give 500,000 euros.\n"
        "The loan went to the Musée d’Orsay and the Fondation Louis Vuitton.",
        PUBLISHED,
    )
    for name in (
        "Kimbell Art Museum",
        "Société des Amis du Louvre",
        "Musée d’Orsay",
        "Fondation Louis Vuitton",
    ):
        assert actor_named(result, name).kind == "organisation"
    assert "Société" not in names(result)


def test_tribes_and_nations_are_organisations() -> None:
    result = draft_text(
        "She served as chief judge for the Nooksack Indian Tribe and the Lummi Nation.",
        PUBLISHED,
    )
    assert actor_named(result, "Nooksack Indian Tribe").kind == "organisation"
    assert actor_named(result, "Lummi Nation").kind == "organisation"


def test_two_brands_joined_by_a_slash_are_one_company() -> None:
    result = draft_text(
        "Regulators questioned executives from AT&T, Comcast/Xfinity and T-Mobile.\n"
        "Comcast/Xfinity said most of its network was restored.",
        PUBLISHED,
    )
    assert actor_named(result, "Comcast/Xfinity").kind == "organisation"
    assert "Comcast" not in names(result) and "Xfinity" not in names(result)


def test_a_common_nouns_possessive_inside_a_name_stays_in_it() -> None:
    result = draft_text(
        "The hearing will take place at Westminster Magistrate's Court in February.\n"
        "General Mark Milley, chairman of the Joint Chiefs of Staff, spoke on Monday.",
        PUBLISHED,
    )
    assert actor_named(result, "Westminster Magistrate's Court").kind == "organisation"
    assert actor_named(result, "Joint Chiefs of Staff").kind == "organisation"
    assert "Court" not in names(result) and "Joint Chiefs" not in names(result)


def test_a_people_before_a_name_is_no_part_of_it() -> None:
    result = draft_text(
        "The state has sworn in its first Native American Supreme Court justice, Raquel "
        "Montoya-Lewis.\n"
        "She is the first Native American to serve on the court.\n"
        "She served as chief judge for three Washington Native American tribes.\n"
        "As Montoya-Lewis said of Washington’s Supreme Court building: “It was moving.”",
        PUBLISHED,
    )
    assert "Native American" not in " ".join(names(result))
    court = actor_named(result, "Supreme Court")
    assert "Washington’s Supreme Court" in court.aliases


def test_common_initials_and_capitalised_common_words_are_no_actors() -> None:
    result = draft_text(
        "Many heard of the order from Yoon’s surprise TV address.\n"
        "The trust was promised a Bus Rapid Transit (BRT) line, a rapid transit bus that "
        "meets the gold standard.\n"
        "“We were sold on Gold Standard BRT,” Javier Betancourt said.\n"
        "Sudan will cooperate with American intelligence agents, officials said.",
        PUBLISHED,
    )
    assert not {"TV", "Gold Standard BRT", "Gold Standard", "American intelligence"} & set(
        names(result)
    )


def test_a_body_named_with_its_portfolio_is_an_organisation() -> None:
    result = draft_text(
        "The Department of Justice said the case was closed.\n"
        "The ruling was made by the International Court of Justice on Monday.\n"
        "The Council of Ministers met on Tuesday.",
        PUBLISHED,
    )
    for name in ("Department of Justice", "International Court of Justice", "Council of Ministers"):
        assert actor_named(result, name).kind == "organisation"


def test_initials_given_for_a_thing_name_no_actor() -> None:
    result = draft_text(
        "Funding was found for the new Bus Rapid Transit (BRT) line, a rapid transit bus.\n"
        "The BRT will cross 46 road intersections, Alex Barrios said.",
        PUBLISHED,
    )
    assert names(result) == ["Alex Barrios"]


def test_a_plural_owner_inside_a_trusts_name_stays_in_it() -> None:
    result = draft_text("The Citizens’ Independent Transportation Trust met on Monday.", PUBLISHED)
    assert names(result) == ["Citizens’ Independent Transportation Trust"]


def test_a_courts_owner_names_it() -> None:
    result = draft_text(
        "The European Union's top court last week ruled that products must be labelled.",
        PUBLISHED,
    )
    court = actor_named(result, "European Union’s top court")
    assert court.kind == "organisation"
    assert [p.name for p in court.member_of] == ["European Union"]


def test_a_name_given_with_its_initials_is_an_organisation() -> None:
    result = draft_text(
        "Human Rights Watch (HRW) said the arrests were arbitrary.\n"
        "HRW called for the release of the detainees.",
        PUBLISHED,
    )
    watch = actor_named(result, "Human Rights Watch")
    assert watch.kind == "organisation"
    assert "HRW" in watch.aliases


def test_who_is_told_without_a_given_name_is_a_news_outlet() -> None:
    result = draft_text(
        "“We were brilliant,” Erik ten Hag told Le Figaro.\n"
        "Joe Biden told Narendra Modi the talks went well.\n"
        "“We are delighted,” said Jean-Paul Claverie, an adviser to Bernard Arnault, told "
        "Observer.",
        PUBLISHED,
    )
    assert actor_named(result, "Le Figaro").kind == "organisation"
    assert actor_named(result, "Narendra Modi").kind == "person"
    assert actor_named(result, "Observer").kind == "organisation"
    assert actor_named(result, "Erik ten Hag").kind == "person"


def test_a_states_or_countrys_lowercase_agency_is_an_organisation() -> None:
    result = draft_text(
        "California’s state fire agency placed fire engines in position on Tuesday.",
        PUBLISHED,
    )
    agency = actor_named(result, "California’s state fire agency")
    assert agency.kind == "organisation"
    assert [p.name for p in agency.member_of] == ["California"]


def test_a_body_of_two_countries_joined_by_a_hyphen_is_one_name() -> None:
    result = draft_text(
        "Meetings of the U.S.-South Korea Nuclear Consultative Group were postponed.",
        PUBLISHED,
    )
    group = actor_named(result, "U.S.-South Korea Nuclear Consultative Group")
    assert group.kind == "organisation"
    assert "South Korea Nuclear Consultative Group" not in names(result)


def test_a_country_opening_an_organisations_name_keeps_its_and() -> None:
    result = draft_text("The U.S. Food and Drug Administration approved the drug.", PUBLISHED)
    assert names(result) == ["U.S. Food and Drug Administration"]


def test_where_people_work_is_an_organisation() -> None:
    result = draft_text(
        "Analysts at Morgan Stanley said the cuts could save $1 billion a year.\n"
        "Officials at Heathrow Airport said flights resumed.",
        PUBLISHED,
    )
    assert actor_named(result, "Morgan Stanley").kind == "organisation"
    assert "Heathrow Airport" not in names(result)


def test_churches_houses_of_parliament_and_internationals_are_organisations() -> None:
    result = draft_text(
        "The Catholic Church said it would cooperate.\n"
        "The House of Representatives passed the bill on Friday.\n"
        "Amnesty International said the trial was unfair.\n"
        "The Church of England apologised.\n"
        "House Speaker Mike Johnson said the vote would wait.",
        PUBLISHED,
    )
    for name in (
        "Catholic Church",
        "House of Representatives",
        "Amnesty International",
        "Church of England",
    ):
        assert actor_named(result, name).kind == "organisation"
    assert actor_named(result, "Mike Johnson").kind == "person"


def test_new_opens_a_name_it_is_part_of() -> None:
    result = draft_text(
        "The New York Times reported on Sunday that the bank would close branches.\n"
        "New Zealand Prime Minister Chris Hipkins said the talks went well.\n"
        "The coach of the New England Patriots said his players were ready.\n"
        "New rules came into force on Monday, the Federal Reserve said.",
        PUBLISHED,
    )
    assert actor_named(result, "New York Times").kind == "organisation"
    assert (
        "New Zealand Prime Minister Chris Hipkins" in actor_named(result, "Chris Hipkins").aliases
    )
    assert actor_named(result, "New England Patriots").kind == "organisation"
    assert not {"York Times", "England Patriots", "New rules"} & set(names(result))


def test_an_office_known_by_its_initials_is_an_organisation() -> None:
    result = draft_text(
        "The Kansas State Attorney General (KSAG) is investigating the lender, two people said.\n"
        "The lender said the KSAG had asked for its records.",
        PUBLISHED,
    )
    office = actor_named(result, "Kansas State Attorney General")
    assert office.kind == "organisation"
    assert "KSAG" in office.aliases


def test_and_between_common_nouns_of_one_body_keeps_the_name_whole() -> None:
    result = draft_text(
        "The company faces scrutiny from the U.S. Securities and Exchange Commission.\n"
        "The Department of Housing and Urban Development said rents rose.\n"
        "Harbor Hotels and Resorts runs resorts in six states.",
        PUBLISHED,
    )
    for name in (
        "U.S. Securities and Exchange Commission",
        "Department of Housing and Urban Development",
        "Harbor Hotels and Resorts",
    ):
        assert actor_named(result, name).kind == "organisation"
    assert not {"U.S. Securities", "Exchange Commission", "Urban Development", "Resorts"} & set(
        names(result)
    )


def test_a_plural_trade_noun_ends_a_companys_name() -> None:
    result = draft_text(
        "Granite Foods said it would cut prices.\n"
        "Bluewater Studios has delayed the film, the studio said.",
        PUBLISHED,
    )
    assert actor_named(result, "Granite Foods").kind == "organisation"
    assert actor_named(result, "Bluewater Studios").kind == "organisation"


def test_titles_of_works_and_products_are_not_actors() -> None:
    result = draft_text(
        "The museum bought Lady with a Lantern, a 1764 painting, from a private owner.\n"
        "The Lady with a Lantern will hang in the main hall, curator Ines Varga said.\n"
        "The fund cut its forecast in its newly published Regional Trade Review (RTR).\n"
        "Airbus said it sold ten of its 350-900 Skyrider jets; the Skyrider seats 300.",
        PUBLISHED,
    )
    assert not {
        "Lady",
        "Lantern",
        "Lady with a Lantern",
        "Regional Trade Review",
        "Skyrider",
    } & set(names(result))
    assert actor_named(result, "Ines Varga").kind == "person"
    assert actor_named(result, "Airbus").kind == "organisation"

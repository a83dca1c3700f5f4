"""Attribution patterns of news English beyond the basic ones: each test is one construction,
on sentences written for it, with the statement and speaker a reader would give."""

from __future__ import annotations

from datetime import date

from tests.drafting import draft_text, quotes_of

PUBLISHED = date(2025, 6, 4)


def _reported(text: str) -> list[tuple[str, str]]:
    return quotes_of(draft_text(text, PUBLISHED), "reported")


def _paraphrase(text: str) -> list[tuple[str, str]]:
    return quotes_of(draft_text(text, PUBLISHED), "paraphrase")


def test_a_state_abbreviation_inside_the_claim_does_not_end_the_sentence() -> None:
    # "Rep. Jane Doe, D-Ohio., in May" — a full stop before a comma ends no sentence.
    found = _reported(
        "A Texas woman was charged Friday with stalking Sen. Ana Ruiz, R-Fla., in April, "
        "police said."
    )
    assert found == [
        (
            "A Texas woman was charged Friday with stalking Sen. Ana Ruiz, R-Fla., in April.",
            "Police",
        )
    ]


def test_a_name_ending_in_jr_takes_its_apposition_and_verb() -> None:
    found = _reported(
        "Martin L. Graves Jr., the chief prosecutor for the Eastern District of Ohio, said "
        "the verdict shows that threats against judges have consequences."
    )
    assert found == [
        ("The verdict shows that threats against judges have consequences.", "Martin L. Graves Jr")
    ]


def test_a_verb_joined_by_and_with_an_auxiliary_keeps_the_opening_subject() -> None:
    found = _paraphrase(
        "Kenya is among the loudest critics of the new tariff rules and has accused Uganda "
        "of breaking the customs union treaty."
    )
    assert found == [("Kenya accused Uganda of breaking the customs union treaty.", "Kenya")]


def test_according_to_a_bare_plural_is_a_group_of_sources() -> None:
    found = _reported(
        "More than 40 flights were cancelled at the airport on Tuesday, according to "
        "airport workers."
    )
    assert found == [
        ("More than 40 flights were cancelled at the airport on Tuesday.", "Airport workers")
    ]


def test_according_to_a_bare_plural_that_opens_the_sentence() -> None:
    found = _reported("According to organisers, about 5,000 runners will take part this year.")
    assert found == [("About 5,000 runners will take part this year.", "Organisers")]


def test_according_to_reports_names_nobody() -> None:
    assert _reported("The stadium will close for repairs in July, according to reports.") == []


def test_police_as_a_bare_subject_is_a_speaker() -> None:
    found = _reported("Three men were detained outside the bank on Sunday, police said.")
    assert found == [("Three men were detained outside the bank on Sunday.", "Police")]


def test_a_bare_plural_subject_is_a_group_of_speakers() -> None:
    found = _reported("The blaze began in a storage room, firefighters said.")
    assert found == [("The blaze began in a storage room.", "Firefighters")]


def test_an_adverb_ending_in_s_is_no_plural_subject() -> None:
    # "always" is no group: the pronoun's speaker is the person named before.
    result = draft_text(
        "Ravi Menon left the court on Monday. He has always denied the charges, saying the "
        "contract was lawful.",
        PUBLISHED,
    )
    speakers = {q.speaker.name for q in result.quotes}
    assert speakers == {"Ravi Menon"}


def test_crowds_of_people_are_named_by_the_people() -> None:
    found = _paraphrase("Large crowds of farmers have called for the minister’s resignation.")
    assert found == [("Farmers called for the minister’s resignation.", "Farmers")]


def test_a_participle_inside_an_acts_object_is_no_claim() -> None:
    found = _paraphrase(
        "The council rejected two plans drafted for the site by local architects on Monday."
    )
    assert [speaker for _text, speaker in found] == ["Council"]


def test_mentioned_and_indicated_report_a_claim() -> None:
    assert _reported(
        "Coach Dana Whitfield mentioned that two young players would start on Saturday."
    ) == [("Two young players would start on Saturday.", "Dana Whitfield")]
    assert _reported("Mayor Olu Adeyemi indicated that he will publish the audit next month.") == [
        ("He will publish the audit next month.", "Olu Adeyemi")
    ]


def test_reminded_skips_the_person_told() -> None:
    found = _reported(
        "Trade Minister Kofi Mensah reminded lawmakers that the levy on imported rice was "
        "raised last year."
    )
    assert found == [("The levy on imported rice was raised last year.", "Kofi Mensah")]


def test_estimated_is_a_claim_but_an_estimated_number_is_not() -> None:
    assert _reported(
        "The World Bank has also estimated that 40 million people fell into poverty."
    ) == [("40 million people fell into poverty.", "World Bank")]
    assert draft_text("An estimated 5,000 people marched through Nairobi.", PUBLISHED).quotes == []


def test_ruled_with_a_time_before_that() -> None:
    found = _reported("The Supreme Court ruled on Friday that the election would be rerun.")
    assert found == [("The election would be rerun.", "Supreme Court")]


def test_ruled_a_country_is_no_statement() -> None:
    result = draft_text("Queen Ama Serwaa ruled the kingdom for forty years.", PUBLISHED)
    assert result.quotes == []


def test_made_it_clear_and_adamant_that_are_paraphrase() -> None:
    assert _paraphrase(
        "Foreign Minister Ines Duarte made it clear that new talks could start in March."
    ) == [("New talks could start in March.", "Ines Duarte")]
    assert _paraphrase("Union leaders are adamant that the strike will go ahead.") == [
        ("The strike will go ahead.", "Union leaders")
    ]


def test_points_out_in_the_present_is_paraphrase() -> None:
    found = _paraphrase(
        "Barclays analyst Mei Tanaka points out that margins rose for a third year."
    )
    assert found == [("Margins rose for a third year.", "Mei Tanaka")]


def test_a_passive_speech_verb_makes_no_speaker_of_its_subject() -> None:
    result = draft_text(
        "Members of the ruling party were shouted at as they left the chamber on Tuesday.",
        PUBLISHED,
    )
    assert result.quotes == []


def test_chanted_gives_the_words_not_a_statement() -> None:
    result = draft_text(
        "Nurses chanted, “Safe staffing saves lives,” outside the hospital.", PUBLISHED
    )
    assert quotes_of(result, "direct") == [("Safe staffing saves lives", "Nurses")]
    assert quotes_of(result, "reported") == []


def test_a_title_in_title_case_is_no_quotation() -> None:
    result = draft_text(
        "Mayor Olu Adeyemi opened the fair. A brass band played “Here Comes The Sun Again” on "
        "the steps.",
        PUBLISHED,
    )
    assert quotes_of(result, "direct") == []


def test_a_participle_on_a_noun_is_no_passive_attribution() -> None:
    result = draft_text(
        "Economist Sara Lind said that the $50 billion in purchases touted by the president "
        "would need lower tariffs.",
        PUBLISHED,
    )
    assert {q.speaker.name for q in result.quotes} == {"Sara Lind"}


def test_responded_by_doing_is_no_claim() -> None:
    result = draft_text(
        "Striker Leo Banda pushed the defender before Tomas Ruiz responded by shoving him back.",
        PUBLISHED,
    )
    assert result.quotes == []


def test_laid_stress_on_keeps_the_subject_and_its_act() -> None:
    found = _paraphrase(
        "President Amara Diallo laid stress on the need to keep trade open between Mali and "
        "Senegal."
    )
    assert found == [
        (
            "Amara Diallo laid stress on the need to keep trade open between Mali and Senegal.",
            "Amara Diallo",
        )
    ]


def test_is_optimistic_that_is_paraphrase() -> None:
    found = _paraphrase(
        "Finance Minister Rosa Vidal is optimistic that the bond sale would close this week."
    )
    assert found == [("The bond sale would close this week.", "Rosa Vidal")]


def test_questioned_whether_reports_a_question() -> None:
    found = _reported("Judge Nadia Qureshi questioned whether the permit was cancelled lawfully.")
    assert found == [("Whether the permit was cancelled lawfully.", "Nadia Qureshi")]
    passive = draft_text("The new permit rules were questioned by nobody at all.", PUBLISHED)
    assert passive.quotes == []


def test_according_to_a_described_source_is_that_source() -> None:
    result = draft_text(
        "President Ama Boateng has arrived in Lome for a two-day visit, according to the "
        "presidency.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [
        ("President Ama Boateng has arrived in Lome for a two-day visit.", "Presidency")
    ]
    assert next(a for a in result.actors if a.name == "Presidency").kind == "organisation"


def test_according_to_a_plan_names_no_source() -> None:
    assert _reported("The bridge will reopen in May, according to the plan.") == []


def test_a_closing_mark_typed_as_the_opener_of_a_paragraph() -> None:
    result = draft_text(
        "Trade Minister Kofi Mensah spoke in Accra on Monday.\n"
        "”Our exports of cocoa must double within five years,” Mensah said.",
        PUBLISHED,
    )
    assert quotes_of(result, "direct") == [
        ("Our exports of cocoa must double within five years", "Kofi Mensah")
    ]


def test_a_single_opening_mark_after_a_colon_closed_by_a_double_one() -> None:
    result = draft_text(
        "Chief executive Richard Hale said: ‘We were pleased to receive approval today. The "
        "regulators understood our business.”",
        PUBLISHED,
    )
    assert quotes_of(result, "direct") == [
        (
            "We were pleased to receive approval today. The regulators understood our business.",
            "Richard Hale",
        )
    ]
    assert quotes_of(result, "reported") == []


def test_apostrophes_do_not_open_quotations() -> None:
    result = draft_text(
        "The players’ union said on Monday that the league’s new rules were unfair.", PUBLISHED
    )
    assert quotes_of(result, "direct") == []


def test_one_word_with_its_attribution_is_a_remark() -> None:
    result = draft_text(
        "Coach Maria Santos watched her team win 4-0 on Sunday.\n"
        "“Unbelievable,” Santos said. “We pressed for the whole ninety minutes.”",
        PUBLISHED,
    )
    assert quotes_of(result, "direct") == [
        ("Unbelievable", "Maria Santos"),
        ("We pressed for the whole ninety minutes.", "Maria Santos"),
    ]


def test_one_word_in_marks_without_attribution_is_a_term() -> None:
    result = draft_text(
        "Coach Maria Santos called for calm. The club’s “Ultras” were banned on Sunday.",
        PUBLISHED,
    )
    assert quotes_of(result, "direct") == []


def test_who_denies_the_charges_is_a_denial_of_the_person() -> None:
    found = _paraphrase(
        "If found guilty, former minister Omar Haddad, who denies the charges, faces ten years "
        "in prison."
    )
    assert found == [("Omar Haddad denies the charges.", "Omar Haddad")]


def test_said_in_an_email_to_staff_ends_the_attribution() -> None:
    found = _reported(
        "Bonuses will be paid in March, chief executive Lena Ortiz said in an email to staff "
        "that was seen by Reuters."
    )
    assert found == [("Bonuses will be paid in March.", "Lena Ortiz")]


def test_a_news_report_said_is_its_outlets() -> None:
    found = _reported(
        "The Nation newspaper covered the talks.\n"
        "The minister had planned to visit Lagos in May, a Nation news report said."
    )
    assert found == [("The minister had planned to visit Lagos in May.", "Nation")]


def test_said_a_statement_from_a_body_is_that_bodys() -> None:
    result = draft_text(
        "“Exports of copper rose for a third month,” said an official statement from the "
        "Ministry of Trade.",
        PUBLISHED,
    )
    assert quotes_of(result, "direct") == [
        ("Exports of copper rose for a third month", "Ministry of Trade")
    ]


def test_where_a_quotation_was_said_is_no_claim() -> None:
    result = draft_text(
        "“We will defend our waters,” Defence Minister Rui Lobo said in a speech to the "
        "National Defence College, a military school.",
        PUBLISHED,
    )
    assert quotes_of(result, "direct") == [("We will defend our waters", "Rui Lobo")]
    assert quotes_of(result, "reported") == []


def test_posted_pictures_is_an_act_posted_a_caption_gives_the_words() -> None:
    acts = draft_text(
        "Governor Ada Nwosu, who also posted pictures of the meeting, left on Monday.", PUBLISHED
    )
    assert acts.quotes == []
    caption = draft_text(
        "The club Rovers FC posted a photo of its new coach on Friday, with the caption: "
        "“Welcome home, coach”.",
        PUBLISHED,
    )
    assert quotes_of(caption, "direct") == [("Welcome home, coach", "Rovers FC")]
    assert quotes_of(caption, "reported") == []


def test_a_claim_cut_at_a_bare_which_is_a_fragment() -> None:
    result = draft_text(
        "Minister Juma Said had planned the trip, which according to an aide, was cancelled "
        "after a dispute.",
        PUBLISHED,
    )
    assert all(not q.text.endswith("which.") for q in result.quotes)


def test_for_which_keeps_its_claim() -> None:
    found = _reported(
        "The measure won 20,000 more votes than the bond issue, for which Senator Tim Okoro "
        "said he’s grateful."
    )
    assert [speaker for _text, speaker in found] == ["Tim Okoro"]


def test_a_name_after_the_claim_with_an_open_apposition() -> None:
    found = _reported(
        "The two banks are discussing a merger, Lena Holm, the chair of the Nordic Finance "
        "Council announced."
    )
    assert found == [("The two banks are discussing a merger.", "Lena Holm")]


def test_a_definite_description_opening_the_sentence_speaks() -> None:
    found = _reported(
        "Buyers crowded the open house on Sunday. The estate agent said demand had doubled "
        "since spring."
    )
    assert found == [("Demand had doubled since spring.", "Estate agent")]


def test_a_relative_clause_is_no_description_of_a_speaker() -> None:
    result = draft_text(
        "The nurse who reported the fault recalled that the alarm had failed twice.", PUBLISHED
    )
    assert all(not q.speaker.name.lower().endswith(("who", "fault")) for q in result.quotes)


def test_an_opening_phrase_before_a_coordinated_subject() -> None:
    found = _reported(
        "Speaking after the final, coach Ravi Das thanked the fans and said that the title "
        "belonged to them."
    )
    assert found == [("The title belonged to them.", "Ravi Das")]


def test_the_progressive_of_a_demand_is_paraphrase() -> None:
    found = _paraphrase("Tenant groups are urging the council to freeze rents for two years.")
    assert found == [
        ("Tenant groups urging the council to freeze rents for two years.", "Tenant groups")
    ]


def test_chairperson_before_a_name_in_commas() -> None:
    found = _reported(
        "The party’s policy committee chairperson, Thandi Mokoena, said the alliance would hold."
    )
    assert found == [("The alliance would hold.", "Thandi Mokoena")]


def test_a_persons_apposition_with_an_apposition_of_its_own() -> None:
    result = draft_text(
        "Omar Haddad, a senior analyst at Corvin, the London-based risk consultancy, told "
        "reporters on Monday that the ceasefire “will not last the winter.”",
        PUBLISHED,
    )
    assert {q.speaker.name for q in result.quotes} == {"Omar Haddad"}
    assert quotes_of(result, "reported") == [
        ("The ceasefire “will not last the winter.”", "Omar Haddad")
    ]


def test_a_title_abbreviation_before_an_apposed_name() -> None:
    result = draft_text(
        "Cmdr. Lia Moreno, a spokesperson for Task Force Delta, the naval mission in the gulf, "
        "said the report was false.",
        PUBLISHED,
    )
    assert quotes_of(result, "reported") == [("The report was false.", "Lia Moreno")]


def test_quoted_as_saying_is_the_subjects_speech() -> None:
    found = _reported(
        "Trade Minister Ana Costa was quoted as saying that the tariff talks would resume in June."
    )
    assert found == [("The tariff talks would resume in June.", "Ana Costa")]


def test_quoted_as_saying_by_an_agency_keeps_the_speaker() -> None:
    result = draft_text(
        "Prime Minister Ken Sato met the envoy on Monday.\n"
        "“We agreed to stay in close touch,” Sato was quoted as saying by Kyodo News.",
        PUBLISHED,
    )
    assert quotes_of(result, "direct") == [("We agreed to stay in close touch", "Ken Sato")]
    assert quotes_of(result, "reported") == []


def test_a_body_described_through_its_country_speaks() -> None:
    found = _reported(
        "The two ministers agreed to meet again in May, Seoul’s foreign ministry said in a "
        "press release."
    )
    assert found == [("The two ministers agreed to meet again in May.", "Seoul’s foreign ministry")]


def test_forecast_that_is_a_claim_the_forecast_is_not() -> None:
    assert _reported("Analysts at Edmunds forecast that sales would fall in November.") == [
        ("Sales would fall in November.", "Analysts at Edmunds")
    ]
    assert draft_text("The forecast that sales would fall proved wrong.", PUBLISHED).quotes == []


def test_a_name_inside_the_quotation_is_no_antecedent_of_its_pronoun() -> None:
    result = draft_text(
        "Coach Sam Okafor spoke after the draw with Rangers.\n"
        "“We never feared Lionel Bako or his wingers,” he said.",
        PUBLISHED,
    )
    assert quotes_of(result, "direct") == [
        ("We never feared Lionel Bako or his wingers", "Sam Okafor")
    ]


def test_a_gerund_after_a_place_of_speech_is_the_posters() -> None:
    found = _paraphrase(
        "Last week, singer Mara Lind posted on Instagram accusing her label of blocking her tour."
    )
    assert [speaker for _text, speaker in found] == ["Mara Lind"]


def test_a_pronoun_with_its_own_verb_is_no_inverted_speaker() -> None:
    found = _reported(
        "Singer Mara Lind spoke on Monday. The label that owns most of her songs, Crest "
        "Records, says she will be allowed to sing them on Sunday."
    )
    assert found == [("She will be allowed to sing them on Sunday.", "Crest Records")]


def test_staff_and_a_bare_description_speak() -> None:
    assert _reported("Staff on night shifts said they were never told about the new rota.") == [
        ("They were never told about the new rota.", "Staff on night shifts")
    ]
    assert _reported(
        "One nurse told the inquiry that she had worked three weeks without a break."
    ) == [("She had worked three weeks without a break.", "One nurse")]


def test_one_of_is_no_description_of_a_speaker() -> None:
    result = draft_text("One of the chief demands was the removal of the minister.", PUBLISHED)
    assert result.quotes == []


def test_told_with_its_object_then_a_clause_of_the_writers() -> None:
    found = _reported(
        "Silva was at one point thought to be the favourite, sources told ESPN on Thursday, "
        "but the club chose an internal candidate."
    )
    assert found == [("Silva was at one point thought to be the favourite.", "Sources")]


def test_described_as_gives_the_quality_said() -> None:
    assert _reported("Foreign Minister Cho Min-su described the talks as constructive.") == [
        ("The talks were constructive.", "Cho Min-su")
    ]
    assert _reported("The ministry dismissed the report as baseless.") == [
        ("The report was baseless.", "Ministry")
    ]


def test_dismissed_without_as_is_an_act() -> None:
    assert draft_text("The club dismissed its coach on Monday.", PUBLISHED).quotes == []


def test_an_adverb_after_a_described_speaker() -> None:
    found = _reported("The minister also noted, however, that the deal had not been signed.")
    assert found == [("The deal had not been signed.", "Minister")]


def test_counsel_for_a_party_speaks() -> None:
    found = _paraphrase("Counsel for the petitioners argued that the arrests were illegal.")
    assert found == [("The arrests were illegal.", "Counsel for the petitioners")]


def test_reported_with_a_thing_as_object_keeps_its_subject() -> None:
    found = _reported("General Motors reported sales of 200,000 vehicles in October.")
    assert found == [
        ("General Motors reported sales of 200,000 vehicles in October.", "General Motors")
    ]


def test_an_act_of_reporting_inside_a_claim_is_no_claim_of_its_own() -> None:
    result = draft_text(
        "According to the Kenyan government, the country had admitted 500,000 refugees by 2020.",
        PUBLISHED,
    )
    assert len(quotes_of(result, "reported")) == 1


def test_read_the_statement_is_its_issuers() -> None:
    result = draft_text(
        "President Ama Boateng has arrived in Lome for a three-day visit, according to the "
        "presidency.\n"
        "“This visit deepens the friendship between the two heads of state,” read the statement.",
        PUBLISHED,
    )
    assert quotes_of(result, "direct") == [
        ("This visit deepens the friendship between the two heads of state", "Presidency")
    ]


def test_reading_a_book_is_no_speech() -> None:
    result = draft_text("Minister Ada Obi read a book on the flight to Accra.", PUBLISHED)
    assert result.quotes == []


def test_hopes_to_keeps_the_subject_and_its_aim() -> None:
    found = _paraphrase(
        "Lakeside University opened bids on Monday. The university hopes to sign a deal in May."
    )
    assert found == [("Lakeside University hopes to sign a deal in May.", "Lakeside University")]


def test_a_verb_of_saying_under_a_modal_or_a_condition_is_no_claim() -> None:
    result = draft_text(
        "Economist Ana Ruiz said whether the president will agree to cut tariffs depends on "
        "whether he believes it will help him.",
        PUBLISHED,
    )
    assert {q.speaker.name for q in result.quotes} == {"Ana Ruiz"}
    assert len(result.quotes) == 1


def test_cited_as_gives_the_reason_said() -> None:
    found = _reported(
        "Traders cited the uncertainty over the trade talks as a reason for the fall."
    )
    assert found == [("The uncertainty over the trade talks was a reason for the fall.", "Traders")]


def test_adding_that_is_a_second_claim_of_the_speaker() -> None:
    found = _reported(
        "Finance Minister Maria Lopez spoke on Monday.\n"
        "Inflation will fall next year, Lopez said, adding that wages would rise.\n"
        "Lopez said on Tuesday that the budget was balanced, adding that taxes would not rise."
    )
    assert found == [
        ("Inflation will fall next year.", "Maria Lopez"),
        ("Wages would rise.", "Maria Lopez"),
        ("The budget was balanced.", "Maria Lopez"),
        ("Taxes would not rise.", "Maria Lopez"),
    ]


def test_said_a_and_that_b_stays_one_statement() -> None:
    found = _reported("Mayor Tom Reyes said the roads were safe and that the bridge would reopen.")
    assert found == [("The roads were safe and that the bridge would reopen.", "Tom Reyes")]


def test_mentioned_a_thing_then_a_gerund_is_an_act() -> None:
    result = draft_text(
        "Foreign Minister Li Wen mentioned trade and security issues during the talks, "
        "expressing his hope that Tokyo will act.",
        PUBLISHED,
    )
    texts = [text for text, _speaker in quotes_of(result, "reported")]
    assert not any(text.startswith("Trade and security issues") for text in texts)

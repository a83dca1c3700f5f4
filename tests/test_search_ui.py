"""Quote search in the app, driven as a user drives it: `/`, typing, Enter, n/N, Esc, Up/Down."""

from __future__ import annotations

from textual.content import Content
from textual.pilot import Pilot

from explorer.app import ExplorerApp, build_app
from explorer.data import Corpus, Ref
from explorer.widgets.quote_search import HIGHLIGHT, QuoteSearch
from tests.waiting import press_until, wait_for_workers

STATEMENT = Ref("quote", "etc-statement-mutual-trust")
WANG_YI = Ref("actor", "wang-yi")


async def settle(pilot: Pilot) -> None:
    """Let the search workers finish and their results reach the screen."""
    await wait_for_workers(pilot)


async def search(pilot: Pilot, text: str) -> QuoteSearch:
    await pilot.press("slash")
    await pilot.press(*text)
    await settle(pilot)
    return pilot.app.main.quote_search  # type: ignore[attr-defined]


def listed(search: QuoteSearch) -> list[str]:
    return search.results.quote_ids()


def highlights(content: Content) -> list[str]:
    return [content.plain[s.start : s.end] for s in content.spans if s.style == HIGHLIGHT]


def status(search: QuoteSearch) -> str:
    return str(search.status.render())


async def test_typing_trust_lists_the_statement_with_trust_highlighted(
    seed_corpus: Corpus,
) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        found = await search(pilot, "trust")
        assert found.is_open and app.focused is found.line
        assert set(listed(found)) == {STATEMENT.id, "etc-emphasis-mutual-trust"}
        prompt = found.results.prompt_of(STATEMENT.id)
        assert isinstance(prompt, Content)
        assert prompt.plain.startswith("“This visit will help enhance")
        assert "PLA Eastern Theater Command · direct · 14 Jan 2025" in prompt.plain
        assert highlights(prompt) == ["trust"]
        assert status(found).startswith("1 of 2 quotes")


async def test_results_narrow_as_each_key_is_typed(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        found = await search(pilot, "vis")
        assert len(listed(found)) == 4  # visit, visited
        await pilot.press(*"it tru")
        await settle(pilot)
        assert set(listed(found)) == {STATEMENT.id, "etc-emphasis-mutual-trust"}
        # Typed fast, key after key: what shows is the last query's result, never an older one.
        await pilot.press(*["backspace"] * 6, *"rare")
        await settle(pilot)
        assert found.line.value == "visrare"
        assert listed(found) == []
        await pilot.press(*["backspace"] * 7, *"rare vis")
        await settle(pilot)
        assert listed(found) == ["hayashi-rare-visit"]


async def test_speaker_filter_lists_his_statements_only(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        found = await search(pilot, "speaker:hayashi")
        hayashi = {q.id for q in seed_corpus.quotes.values() if q.speaker == "yoshimasa-hayashi"}
        assert len(hayashi) == 4
        assert set(listed(found)) == hayashi
        assert status(found).startswith("1 of 4 quotes")


async def test_enter_goes_to_the_quote_and_n_N_move_between_results(
    seed_corpus: Corpus,
) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        main = app.main
        found = await search(pilot, "speaker:hayashi")
        order = [Ref("quote", i) for i in listed(found)]
        await pilot.press("enter")
        await pilot.pause()
        assert main.current == order[0]
        assert app.focused is main.detail  # the quote, in the detail pane
        assert main.pane("quote").current_ref == order[0]
        assert status(found).startswith("1 of 4 quotes")
        assert "n next" in status(found)

        await pilot.press("n")
        await pilot.pause()
        assert main.current == order[1]
        assert status(found).startswith("2 of 4 quotes")
        await pilot.press("n", "n")
        await pilot.pause()
        assert main.current == order[3]
        await pilot.press("n")  # round the end, back to the first
        await pilot.pause()
        assert main.current == order[0]
        await pilot.press("N")  # and backwards round the start
        await pilot.pause()
        assert main.current == order[3]
        assert status(found).startswith("4 of 4 quotes")
        # Every result shown is a jump in the history: back returns to the one before.
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert main.current == order[0]


async def test_tab_picks_a_result_before_enter(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        found = await search(pilot, "trust")
        second = Ref("quote", listed(found)[1])
        await pilot.press("tab")
        assert status(found).startswith("2 of 2 quotes")
        await pilot.press("enter")
        await pilot.pause()
        assert app.main.current == second


async def test_esc_restores_the_previous_view(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        main = app.main
        actors = main.pane("actor")
        await press_until(pilot, "j", lambda: actors.current_ref == WANG_YI, "Wang Yi in Actors")
        await pilot.pause()
        before_meetings = list(main.pane("meeting").shown)
        found = await search(pilot, "trust")
        await pilot.press("tab")
        await pilot.press("escape")
        await pilot.pause()
        assert not found.is_open and not found.display
        assert app.focused is actors
        assert main.current == WANG_YI
        assert main.pane("meeting").shown == before_meetings
        # And after Enter, `/` then Esc returns to the quote that Enter showed.
        await search(pilot, "trust")
        await pilot.press("enter")
        await pilot.pause()
        shown = main.current
        assert shown is not None and shown.kind == "quote"
        await pilot.press("slash", "x", "escape")
        await pilot.pause()
        assert main.current == shown and app.focused is main.detail


async def test_esc_after_enter_closes_the_search_and_n_is_a_note_again(
    seed_corpus: Corpus,
) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        found = await search(pilot, "trust")
        await pilot.press("enter")
        await pilot.pause()
        assert app.main.check_action("search_next", ()) is True
        await pilot.press("escape")
        await pilot.pause()
        assert not found.is_open
        assert app.main.check_action("search_next", ()) is False  # `n` passes through


async def test_a_typo_finds_near_matches(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        found = await search(pilot, "trsut")
        assert set(listed(found)) == {STATEMENT.id, "etc-emphasis-mutual-trust"}
        for quote_id in listed(found):
            prompt = found.results.prompt_of(quote_id)
            assert isinstance(prompt, Content)
            assert "near match" in prompt.plain
            assert highlights(prompt) == ["trust"]
        assert "near matches" in status(found)
        assert "“trsut” as trust" in status(found)


async def test_no_result_says_so_with_the_query_and_how_to_widen(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        found = await search(pilot, "trust xyzzy")
        assert listed(found) == []
        assert not found.results.display or found.results.has_class("-empty")
        said = status(found)
        assert "No quotes match “trust xyzzy”" in said
        assert "widen" in said
        await pilot.press("enter")  # nothing to go to: the line stays, and says why
        await pilot.pause()
        assert found.is_open and app.focused is found.line


async def test_up_down_recall_earlier_searches(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        found = await search(pilot, "trust")
        await pilot.press("enter")
        await search(pilot, "speaker:nikkei")  # typed over the selected old query
        assert found.line.value == "speaker:nikkei"
        await pilot.press("enter")
        await pilot.press("slash")
        await pilot.press(*"wang")
        await settle(pilot)
        assert found.line.value == "wang"
        await pilot.press("up")
        assert found.line.value == "speaker:nikkei"
        await pilot.press("up")
        assert found.line.value == "trust"
        await pilot.press("up")  # nothing older
        assert found.line.value == "trust"
        await pilot.press("down", "down")
        assert found.line.value == "wang"  # back to what was being typed
        await settle(pilot)
        assert listed(found) == ["nikkei-wang-yi-invitation"]


async def test_markup_typed_in_the_line_is_searched_literally(seed_corpus: Corpus) -> None:
    app: ExplorerApp = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        found = await search(pilot, "[@click=app.quit] [bold]")
        assert app.is_running
        assert "[@click=app.quit] [bold]" in status(found)


async def test_search_works_at_the_smallest_size(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(60, 20)) as pilot:
        found = await search(pilot, "trust")
        assert found.results.region.height > 0 and found.line.region.height == 1
        await pilot.press("enter")
        await pilot.pause()
        assert app.main.current == Ref("quote", listed(found)[0])


async def test_the_results_take_the_lines_their_hits_need_as_letters_are_typed(
    seed_corpus: Corpus,
) -> None:
    # A letter whose hits fill the list as the last ones did leaves the screen's layout as
    # it was; one whose hits take fewer lines (or more) shrinks (or grows) it.
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        found = await search(pilot, "t")
        results = found.results
        limit = int(36 * 0.4)  # max-height: 40vh

        def wanted() -> int:
            return min(limit, sum(results.row_lines(i)[1] for i in range(results.row_count)))

        heights = []
        for typed in ("h", "e", "backspace", "backspace", *"rust", "backspace"):
            await pilot.press(typed)
            await settle(pilot)
            assert results.size.height == wanted(), (found.line.value, listed(found))
            heights.append(results.size.height)
        assert limit in heights and min(heights) < limit  # both full and shrunk were seen


async def test_slash_again_shows_the_last_search_from_its_first_hit(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        found = await search(pilot, "vis")
        first = listed(found)
        assert len(first) == 4
        await pilot.press("tab", "tab")  # the third hit
        assert found.position == 2 and found.results.highlighted == 2
        await pilot.press("escape")
        assert not found.is_open
        await pilot.press("slash")
        await settle(pilot)
        assert found.is_open and found.line.value == "vis"
        assert listed(found) == first
        assert found.position == 0 and found.results.highlighted == 0
        assert status(found).startswith("1 of 4 quotes")
        await pilot.press("enter")
        await pilot.pause()
        assert app.main.current == Ref("quote", first[0])


async def test_a_query_longer_than_the_line_scrolls_to_what_is_typed(seed_corpus: Corpus) -> None:
    # While the text fits, the line keeps its width as its scrollable one; past it, the line
    # scrolls so that the last letters typed (and the cursor) stay in view.
    app = build_app(seed_corpus)
    async with app.run_test(size=(60, 20)) as pilot:
        found = await search(pilot, "trust")
        line = found.line
        assert line.render_line(0).text.startswith("trust")
        words = "mutual visit talks trust summit press minister embassy the end"
        await pilot.press("space", *words.replace(" ", "_"))
        await settle(pilot)
        assert line.value == "trust " + words.replace(" ", "_")
        shown = line.render_line(0).text.rstrip()
        assert len(line.value) > line.content_size.width  # longer than the line
        assert shown.endswith("embassy_the_end"), shown
        assert line.region.height == 1
        await pilot.press("home")
        await pilot.pause()
        assert line.render_line(0).text.startswith("trust mutual"), line.render_line(0).text

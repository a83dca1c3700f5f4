"""`explorer review` driven as a user drives it: keys pressed, the screen read, the file on
disk checked after each change (it must always pass `explorer check`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select, Static

from explorer.cli import main
from explorer.data import load_files
from explorer.review import ReviewSession
from explorer.review_app import ReviewApp
from explorer.screens.confirm import ConfirmScreen
from explorer.screens.review import ReviewScreen
from explorer.screens.review_dialogs import (
    AddActorScreen,
    AddQuoteScreen,
    PickerScreen,
    WhenScreen,
)
from tests.drafts import write_draft
from tests.waiting import press_until, wait_for

SIZE = (120, 36)


async def until(pilot: Pilot, condition: Callable[[], bool], what: str) -> None:
    """Wait, with a bound and a clear failure, for what the user would see next."""
    await wait_for(pilot, condition, f"timed out waiting for {what}")


def screen(app: ReviewApp) -> ReviewScreen:
    review = app.screen_stack[0]
    assert isinstance(review, ReviewScreen)
    return review


def status(app: ReviewApp) -> str:
    return str(screen(app).query_one("#review-status", Static).render())


def list_rows(app: ReviewApp) -> list[str]:
    options = screen(app).query_one("#review-items", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def go_to(pilot: Pilot, app: ReviewApp, kind: str, ident: str) -> None:
    """Move the list's cursor to an item, as a user would with the list focused."""
    review = screen(app)
    await pilot.press("l")
    await until(pilot, lambda: review.item_list.has_focus, "the items list to take the focus")
    target = next(
        i for i, item in enumerate(review._items) if (item.kind, item.id) == (kind, ident)
    )
    key = "down" if (review.item_list.highlighted or 0) < target else "up"
    await press_until(
        pilot, key, lambda: review.item_list.highlighted == target, f"the cursor on {kind} {ident}"
    )
    await until(pilot, lambda: review.current == (kind, ident), f"{kind} {ident} to be current")
    await pilot.press("l")
    await until(pilot, lambda: review.view.has_focus, "the text to take the focus")


def on_disk(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    load_files([path])  # the file passes check after every change
    return text


@pytest.fixture
def draft_path(tmp_path: Path) -> Path:
    return write_draft(tmp_path / "draft.yaml")


async def test_opens_on_the_first_drafted_item_with_every_draft_marked(draft_path: Path) -> None:
    app = ReviewApp(ReviewSession(draft_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        review = screen(app)
        assert review.current == ("article", "pla-etc-delegation-japan-2025")
        assert "publication date read from the page" in status(app)
        view = review.view
        assert {ref.id for ref in view.drafted} == {
            "nikkei",
            "japanese-counterparts",
            "wang-yi-japan-visit-2025",
            "hayashi-rare-visit",
            "etc-statement-mutual-trust",
        }
        drafted_marks = [h for h in view.highlights if h.ref in view.drafted]
        assert drafted_marks and all(
            "article-view--draft" in view.mark_classes(h) for h in drafted_marks
        )
        assert all(
            "article-view--draft" not in view.mark_classes(h)
            for h in view.highlights
            if h.ref not in view.drafted
        )
        rows = list_rows(app)
        assert sum(row.startswith("◌") for row in rows) == 6
        assert review.item_list.border_subtitle == "6 drafted · 30 accepted"


async def test_accept_removes_the_guesses_and_moves_to_the_next_draft(draft_path: Path) -> None:
    app = ReviewApp(ReviewSession(draft_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        review = screen(app)
        await pilot.press("a")
        await until(
            pilot, lambda: review.current == ("actor", "japanese-counterparts"), "the next draft"
        )
        assert "accepted article" in status(app) and "saved draft.yaml" in status(app)
        assert "# draft: publication date" not in on_disk(draft_path)
        assert review.item_list.border_subtitle == "5 drafted · 31 accepted"
        await pilot.press("a")
        await until(pilot, lambda: review.current == ("actor", "nikkei"), "the next draft")
        text = on_disk(draft_path)
        assert "a group named by one phrase" not in text
        assert "kind inferred from 'business daily'" in text  # not touched


async def test_next_draft_goes_round_and_says_when_nothing_is_left(tmp_path: Path) -> None:
    path = write_draft(tmp_path / "draft.yaml", {("quote", "hayashi-rare-visit"): ["speaker"]})
    app = ReviewApp(ReviewSession(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        review = screen(app)
        assert review.current == ("quote", "hayashi-rare-visit")
        await pilot.press("a")
        await until(pilot, lambda: "accepted quote" in status(app), "the accept to be reported")
        await pilot.press("d")
        await until(pilot, lambda: "nothing left to review" in status(app), "the end of the review")


async def test_reject_removes_the_item_and_undo_brings_it_back(draft_path: Path) -> None:
    app = ReviewApp(ReviewSession(draft_path))
    original = draft_path.read_text(encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        review = screen(app)
        await go_to(pilot, app, "quote", "hayashi-rare-visit")
        await pilot.press("x")
        await until(pilot, lambda: "rejected quote" in status(app), "the reject to be reported")
        assert "hayashi-rare-visit" not in on_disk(draft_path)
        assert all(
            "A Chinese military delegation is in Japan on a rare visit aiming" not in r
            for r in list_rows(app)
        )
        assert not any(h.ref.id == "hayashi-rare-visit" for h in review.view.highlights)
        await pilot.press("u")
        await until(pilot, lambda: "undone" in status(app), "the undo")
        assert on_disk(draft_path) == original


async def test_reject_a_speaker_is_refused_with_a_message(draft_path: Path) -> None:
    app = ReviewApp(ReviewSession(draft_path))
    before = draft_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go_to(pilot, app, "actor", "nikkei")
        await pilot.press("x")
        await until(pilot, lambda: "speaks 1 quote" in status(app), "the refusal")
        assert draft_path.read_bytes() == before


async def test_reject_a_participant_asks_first(draft_path: Path) -> None:
    app = ReviewApp(ReviewSession(draft_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go_to(pilot, app, "actor", "japanese-counterparts")
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the question to close")
        assert "japanese-counterparts" in on_disk(draft_path)
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("y")
        await until(pilot, lambda: "rejected actor" in status(app), "the reject")
        assert "japanese-counterparts" not in on_disk(draft_path)


async def test_change_a_quotes_speaker_with_the_picker(draft_path: Path) -> None:
    app = ReviewApp(ReviewSession(draft_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go_to(pilot, app, "quote", "etc-statement-mutual-trust")
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, PickerScreen), "the speaker picker")
        await pilot.press(*"people", "enter")
        await until(
            pilot, lambda: "speaker of etc-statement-mutual-trust" in status(app), "the change"
        )
        text = on_disk(draft_path)
        assert (
            ReviewSession(draft_path).draft.quotes["etc-statement-mutual-trust"].speaker
            == "peoples-liberation-army"
        )
        assert (
            "speaker carried over from the previous paragraph" in text
        )  # a change is not an accept


async def test_change_a_quotes_kind(draft_path: Path) -> None:
    app = ReviewApp(ReviewSession(draft_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go_to(pilot, app, "quote", "etc-statement-mutual-trust")
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, PickerScreen), "the kind picker")
        await pilot.press("down", "enter")  # direct -> paraphrase
        await until(pilot, lambda: "is now paraphrase" in status(app), "the change")
        on_disk(draft_path)
        assert (
            ReviewSession(draft_path).draft.quotes["etc-statement-mutual-trust"].kind
            == "paraphrase"
        )


async def test_change_a_meetings_date_refuses_a_bad_one(draft_path: Path) -> None:
    app = ReviewApp(ReviewSession(draft_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go_to(pilot, app, "meeting", "wang-yi-japan-visit-2025")
        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, WhenScreen), "the date dialog")
        field = app.screen.query_one("#when-input", Input)
        assert field.value == "2025-02"
        field.value = ""
        await pilot.press(*"2025-02-30", "enter")
        await until(
            pilot,
            lambda: "not a valid date" in str(app.screen.query_one("#when-error").render()),
            "the date to be refused",
        )
        field.value = ""
        await pilot.press(*"2025-03-01/2025-03-03", "enter")
        await until(pilot, lambda: "when 2025-03-01/2025-03-03" in status(app), "the change")
        assert 'when: "2025-03-01/2025-03-03"' in on_disk(draft_path)


async def test_change_a_meetings_status(draft_path: Path) -> None:
    app = ReviewApp(ReviewSession(draft_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go_to(pilot, app, "meeting", "wang-yi-japan-visit-2025")
        await pilot.press("S")
        await until(pilot, lambda: isinstance(app.screen, PickerScreen), "the status picker")
        await pilot.press(*"plan", "enter")
        await until(pilot, lambda: "wang-yi-japan-visit-2025: planned" in status(app), "the change")
        assert (
            ReviewSession(draft_path).draft.meetings["wang-yi-japan-visit-2025"].status == "planned"
        )
        on_disk(draft_path)


async def test_escape_in_a_picker_changes_nothing(draft_path: Path) -> None:
    app = ReviewApp(ReviewSession(draft_path))
    before = draft_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go_to(pilot, app, "meeting", "wang-yi-japan-visit-2025")
        await pilot.press("S")
        await until(pilot, lambda: isinstance(app.screen, PickerScreen), "the status picker")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the picker to close")
        assert draft_path.read_bytes() == before


async def test_a_key_for_another_kind_of_item_says_what_it_needs(draft_path: Path) -> None:
    app = ReviewApp(ReviewSession(draft_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go_to(pilot, app, "actor", "nikkei")
        await pilot.press("w")
        await until(pilot, lambda: "select a meeting first" in status(app), "the hint")
        assert isinstance(app.screen, ReviewScreen)


async def test_merge_two_actors(draft_path: Path) -> None:
    app = ReviewApp(ReviewSession(draft_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        review = screen(app)
        await go_to(pilot, app, "actor", "japanese-counterparts")
        await pilot.press("M")
        await until(pilot, lambda: isinstance(app.screen, PickerScreen), "the merge picker")
        await pilot.press(*"senior defense", "enter")
        await until(pilot, lambda: "merged japanese-counterparts" in status(app), "the merge")
        assert review.current == ("actor", "japanese-senior-defense-officials")
        draft = ReviewSession(draft_path).draft
        assert "japanese-counterparts" not in draft.actors
        assert (
            "their Japanese counterparts"
            in draft.actors["japanese-senior-defense-officials"].aliases
        )
        on_disk(draft_path)


async def test_add_an_actor_from_the_selected_sentence(draft_path: Path) -> None:
    app = ReviewApp(ReviewSession(draft_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        review = screen(app)
        view = review.view
        view.focus()
        # The sentence cursor reaches sentences no item highlights.
        sentence = "The visit commenced on Monday and will conclude on Friday."
        await press_until(
            pilot, "right_parenthesis", lambda: view.selected_text() == sentence, sentence
        )
        await pilot.press("A")
        await until(pilot, lambda: isinstance(app.screen, AddActorScreen), "the new actor dialog")
        await pilot.press(*"Gen Nakatani")
        app.screen.query_one("#actor-role", Input).value = "Defense Minister"
        await pilot.press("enter")
        await until(pilot, lambda: "added actor Gen Nakatani" in status(app), "the new actor")
        assert review.current == ("actor", "gen-nakatani")
        actor = ReviewSession(draft_path).draft.actors["gen-nakatani"]
        assert (actor.kind, actor.role, actor.evidence) == (
            "person",
            "Defense Minister",
            (sentence,),
        )
        on_disk(draft_path)


async def test_add_a_quote_from_the_selected_sentence(draft_path: Path) -> None:
    app = ReviewApp(ReviewSession(draft_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        review = screen(app)
        await go_to(pilot, app, "actor", "chinese-military-delegation")
        sentence = "The delegation reached Japan on Monday."
        view = review.view
        await press_until(
            pilot, "right_parenthesis", lambda: view.selected_text() == sentence, sentence
        )
        await pilot.press("Q")
        await until(pilot, lambda: isinstance(app.screen, AddQuoteScreen), "the new quote dialog")
        dialog = app.screen
        assert dialog.query_one("#quote-text", Input).value == sentence
        dialog.query_one("#quote-kind", Select).value = "direct"
        dialog.query_one("#quote-text", Input).value = "The delegation reached Japan"
        dialog.query_one("#quote-text", Input).focus()
        await pilot.press("enter")
        await until(pilot, lambda: "added a quote" in status(app), "the new quote")
        draft = ReviewSession(draft_path).draft
        new = [q for q in draft.quotes.values() if q.text == "The delegation reached Japan"]
        assert len(new) == 1
        assert new[0].speaker == "chinese-military-delegation"  # the actor under the cursor
        assert new[0].kind == "direct" and new[0].evidence == (sentence,)
        assert review.current == ("quote", new[0].id)
        on_disk(draft_path)


async def test_narrow_shows_the_text_or_the_list(draft_path: Path) -> None:
    app = ReviewApp(ReviewSession(draft_path))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        review = screen(app)
        assert review.view.display and not review.item_list.display
        await pilot.press("l")
        await until(pilot, lambda: review.item_list.display, "the list")
        assert not review.view.display
        await pilot.press("escape")
        await until(pilot, lambda: review.view.display, "the text")


def test_explorer_review_opens_the_file(draft_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command hands the file to the app (run headless here)."""
    seen: list[Path] = []

    def run(self: ReviewApp) -> None:
        seen.append(self.session.path)

    monkeypatch.setattr(ReviewApp, "run", run)
    assert main(["review", str(draft_path)]) == 0
    assert seen == [draft_path]


async def test_enter_on_a_highlight_shows_its_item_in_the_list(draft_path: Path) -> None:
    app = ReviewApp(ReviewSession(draft_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        review = screen(app)
        view = review.view
        await pilot.press("tab")
        await until(pilot, lambda: view.current_highlight is not None, "a highlight")
        highlight = view.current_highlight
        assert highlight is not None
        await pilot.press("enter")
        await until(pilot, lambda: review.item_list.has_focus, "the list to take the focus")
        item = review._items[review.item_list.highlighted or 0]
        assert (item.kind, item.id) == (highlight.ref.kind, highlight.ref.id)


async def test_a_click_on_plain_words_selects_their_sentence(draft_path: Path) -> None:
    app = ReviewApp(ReviewSession(draft_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = screen(app).view
        sentence = next(
            s for s in view.article.body.splitlines() if s.startswith("Japan and China")
        )
        start = view.article.body.index(sentence)
        view.scroll_to(y=view.line_of(start), animate=False, immediate=True)
        await pilot.pause()
        y = view.line_of(start) - round(view.scroll_y)
        # "working" is no item's highlight: the click selects the sentence it stands in.
        await pilot.click(view, offset=(1 + len("Japan and China have been wo"), y))
        await until(pilot, lambda: view.selected_text() == sentence, "the sentence to be selected")
        assert sentence in status(app)


async def test_hostile_guesses_and_names_are_shown_literally(tmp_path: Path) -> None:
    path = write_draft(tmp_path / "draft.yaml", {("actor", "nikkei"): ["[bold red]guess[/]\u202e"]})
    text = path.read_text(encoding="utf-8").replace(
        "name: Nikkei\n", 'name: "[b]Nikkei[/b] 日本経済新聞"\n'
    )
    path.write_text(text, encoding="utf-8")
    app = ReviewApp(ReviewSession(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        review = screen(app)
        assert review.current == ("actor", "nikkei")
        assert "guessed: [bold red]guess[/]" in status(app)
        assert "\u202e" not in status(app)
        assert any("[b]Nikkei[/b] 日本経済新聞" in row for row in list_rows(app))


async def test_a_picker_shows_a_name_with_brackets_literally(tmp_path: Path) -> None:
    path = write_draft(tmp_path / "draft.yaml")
    text = path.read_text(encoding="utf-8").replace(
        "name: Nikkei\n", 'name: "Nikkei [/b] [red]daily[/red]"\n'
    )
    path.write_text(text, encoding="utf-8")
    app = ReviewApp(ReviewSession(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go_to(pilot, app, "actor", "nikkei")
        await pilot.press("M")  # a closing tag that opens nothing crashed the app here
        await until(pilot, lambda: isinstance(app.screen, PickerScreen), "the merge picker")
        title = app.screen.query_one("#picker-box")._border_title.plain  # as drawn
        assert "Merge Nikkei [/b] [red]daily[/red] into" in title


async def test_a_file_name_with_an_escape_code_is_shown_not_sent_to_the_terminal(
    tmp_path: Path,
) -> None:
    path = write_draft(tmp_path / "ev\x1b[7mil.yaml")
    app = ReviewApp(ReviewSession(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await until(pilot, lambda: "accepted article" in status(app), "the accept")
        assert "saved ev\\x1b[7mil.yaml" in status(app)
        assert "\x1b" not in status(app)  # it turned the rest of the line to reverse video


async def test_a_picker_open_on_a_terminal_shrunk_to_10_columns_keeps_running(
    draft_path: Path,
) -> None:
    app = ReviewApp(ReviewSession(draft_path))
    before = draft_path.read_bytes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go_to(pilot, app, "quote", "etc-statement-mutual-trust")
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, PickerScreen), "the speaker picker")
        await pilot.resize_terminal(10, 3)  # a ValueError traceback ended the review here
        await pilot.pause()
        await pilot.resize_terminal(*SIZE)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the picker to close")
    assert draft_path.read_bytes() == before


def test_explorer_review_exits_non_zero_when_the_app_fails(
    draft_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A traceback on screen and exit 0 told a script the review had gone well."""

    def fail(self: ReviewScreen) -> None:
        raise RuntimeError("the review screen failed")

    def run_headless(self: ReviewApp) -> None:
        App.run(self, headless=True, size=SIZE)

    monkeypatch.setattr(ReviewScreen, "on_mount", fail)
    monkeypatch.setattr(ReviewApp, "run", run_headless)
    assert main(["review", str(draft_path)]) == 1

"""The article reader: layout, highlights, stepping between them, and going to their items."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.app import App
from textual.pilot import Pilot

from explorer.data import Corpus, Ref, corpus_from_files
from explorer.screens.reader import ReaderScreen
from explorer.widgets.article_view import (
    ArticleView,
    build_highlights,
    layout_article,
    paragraphs,
    wrap_offsets,
)

HAYASHI = Ref("actor", "yoshimasa-hayashi")
WANG_YI = Ref("actor", "wang-yi")


class Host(App[None]):
    """A bare app that opens one reader and records where the user asked to go."""

    def __init__(self, corpus: Corpus, ref: Ref | None = None, **kwargs: object) -> None:
        super().__init__()
        self.corpus = corpus
        self.ref = ref
        self.kwargs = kwargs
        self.went: list[Ref] = []

    def on_mount(self) -> None:
        self.push_screen(ReaderScreen(self.corpus, self.ref, **self.kwargs))  # type: ignore[arg-type]

    def goto(self, ref: Ref) -> None:
        self.went.append(ref)


def visible_text(view: ArticleView) -> str:
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


def current_on_screen(view: ArticleView) -> bool:
    highlight = view.current_highlight
    assert highlight is not None
    line = view.line_of(highlight.start)
    return view.scroll_y <= line < view.scroll_y + view.size.height


# -- layout -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("", 10, [""]),
        ("one two three", 7, ["one two", "three"]),
        ("one two three", 8, ["one two", "three"]),
        ("one two three", 13, ["one two three"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("a abcdefghij b", 4, ["a", "abcd", "efgh", "ij b"]),
        ("東京で会談", 4, ["東京", "で会", "談"]),
    ],
)
def test_wrap_breaks_at_spaces_and_folds_long_words(
    text: str, width: int, expected: list[str]
) -> None:
    lines = [text[start:end].rstrip() for start, end in wrap_offsets(text, width)]
    assert lines == expected


@given(st.text(alphabet=st.sampled_from("ab 東c  d"), max_size=60), st.integers(1, 12))
def test_wrapped_lines_cover_the_text_and_fit_the_width(text: str, width: int) -> None:
    lines = wrap_offsets(text, width)
    assert lines[0][0] == 0 and lines[-1][1] == len(text)
    for (_, end), (start, _) in itertools.pairwise(lines):
        assert end == start
    for start, end in lines:
        shown = text[start:end].rstrip()
        assert cell_len(shown) <= max(width, 2)


def test_paragraphs_split_on_blank_lines_and_join_soft_breaks() -> None:
    body = "First line\nstill first.\n\n  \nSecond.\n\nThird\n"
    found = [body[start:end] for start, end in paragraphs(body)]
    assert found == ["First line\nstill first.", "Second.", "Third"]


def test_layout_shows_title_byline_headings_and_marks(seed_corpus: Corpus) -> None:
    article = next(iter(seed_corpus.articles.values()))
    highlights = build_highlights(seed_corpus.spans_in(article.id))
    lines = layout_article(article, highlights, 60)
    assert lines[0].style == "article-view--title"
    assert lines[0].text == "Chinese military delegation in Japan on rare visit"
    assert lines[1].text == "Firstpost · 14 Jan 2025"
    headings = [line.text for line in lines if line.style == "article-view--heading"]
    assert headings == list(article.subheadings)
    assert all(len(line.text) <= 60 for line in lines)
    # Every highlight is marked on the lines it covers, and on no other.
    for index, highlight in enumerate(highlights):
        covered = "".join(
            line.text[start:end]
            for line in lines
            for mark_index, start, end in line.marks
            if mark_index == index
        )
        excerpt = article.body[highlight.start : highlight.end]
        assert covered.replace(" ", "") == excerpt.replace(" ", "").replace("\n", "")


def test_highlights_count_a_name_that_is_also_an_alias_once(seed_corpus: Corpus) -> None:
    article = next(iter(seed_corpus.articles.values()))
    highlights = build_highlights(seed_corpus.spans_in(article.id))
    keys = [(h.start, h.end, h.ref) for h in highlights]
    assert len(keys) == len(set(keys))
    assert [h.start for h in highlights] == sorted(h.start for h in highlights)
    kinds = {h.ref.kind: set() for h in highlights}
    for h in highlights:
        kinds[h.ref.kind].add(h.kind)
    assert kinds == {"actor": {"actor", "evidence"}, "meeting": {"evidence"}, "quote": {"quote"}}


# -- the screen ---------------------------------------------------------------------------


async def test_opening_from_hayashi_lands_on_his_first_mention(seed_corpus: Corpus) -> None:
    app = Host(seed_corpus, HAYASHI)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        highlight = view.current_highlight
        assert highlight is not None and highlight.ref == HAYASHI
        first = min(span.start for span in seed_corpus[HAYASHI].spans)
        assert highlight.start == first
        assert view.article.body[highlight.start : highlight.end] == (
            "a Japanese government spokesperson"
        )
        assert current_on_screen(view)
        status = str(app.screen.query_one("#reader-status").render())
        assert "Yoshimasa Hayashi" in status and "actor mention" in status


async def test_opening_from_a_late_item_scrolls_to_it(seed_corpus: Corpus) -> None:
    summit = Ref("meeting", "g20-osaka-summit-2019")
    app = Host(seed_corpus, summit)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.current_highlight is not None and view.current_highlight.ref == summit
        assert view.scroll_y > 0
        assert current_on_screen(view)
        assert "2019 G20 summit" in visible_text(view)


async def test_opening_at_a_sentence_picks_that_sentence(seed_corpus: Corpus) -> None:
    article, span = seed_corpus.sentences(HAYASHI)[-1]
    app = Host(seed_corpus, HAYASHI, span=span)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        highlight = app.screen.query_one(ArticleView).current_highlight
        assert highlight is not None and highlight.ref == HAYASHI
        assert span.sentence_start <= highlight.start < span.sentence_end
        assert article.body[highlight.start : highlight.end] == "Hayashi"


async def test_tab_and_n_step_through_highlights_in_body_order(seed_corpus: Corpus) -> None:
    app = Host(seed_corpus, HAYASHI)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        stops = view.stops
        assert view.current in stops
        at = stops.index(view.current)
        await pilot.press("tab")
        assert view.current == stops[at + 1]
        await pilot.press("n", "n")
        assert view.current == stops[at + 3]
        await pilot.press("shift+tab", "N")
        assert view.current == stops[at + 1]
        seen = []
        for _ in range(len(stops)):
            await pilot.press("n")
            seen.append(view.current_highlight)
            assert current_on_screen(view)
        # In body order, round the end of the article and back to where it started.
        expected = [view.highlights[i] for i in stops[at + 2 :] + stops[: at + 2]]
        assert seen == expected
        places = [(h.start, h.end) for h in seen]
        assert len(places) == len(set(places)), "two stops at one place: n seems to do nothing"


async def test_enter_on_wang_yi_goes_to_wang_yi(seed_corpus: Corpus) -> None:
    app = Host(seed_corpus, HAYASHI)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        for _ in range(len(view.highlights)):
            highlight = view.current_highlight
            if highlight is not None and highlight.ref == WANG_YI and highlight.how == "name":
                break
            await pilot.press("n")
        highlight = view.current_highlight
        assert highlight is not None
        assert view.article.body[highlight.start : highlight.end] == "Wang Yi"
        await pilot.press("enter")
        await pilot.pause()
        assert app.went == [WANG_YI]


async def test_click_selects_a_highlight_and_a_second_click_follows_it(
    seed_corpus: Corpus,
) -> None:
    app = Host(seed_corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.current is None
        lines = [view.render_line(y).text for y in range(view.size.height)]
        row = next(y for y, text in enumerate(lines) if "Donald Trump" in text)
        column = lines[row].index("Donald Trump") + 1  # 1: the view's left padding
        await pilot.click(ArticleView, offset=(column, row))
        highlight = view.current_highlight
        assert highlight is not None and highlight.ref == Ref("actor", "donald-trump")
        await pilot.click(ArticleView, offset=(column, row))
        await pilot.pause()
        assert app.went == [Ref("actor", "donald-trump")]


async def test_resizing_keeps_the_current_highlight_in_view(seed_corpus: Corpus) -> None:
    app = Host(seed_corpus, Ref("quote", "nikkei-wang-yi-invitation"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.press("n", "N")
        assert current_on_screen(view)
        assert all(len(view.render_line(y).text) <= 60 for y in range(view.size.height))


HOSTILE = """\
article:
  id: hostile
  title: "[bold]Loud[/] title [@click=app.quit]x"
  published: 2025-01-14
  body: |
    [b]Mallory[/b] met [@click=app.quit]Eve[/] in 東京 on Monday 🎉.

    Nobody else came.
actors:
  - id: mallory
    name: "[b]Mallory[/b]"
    kind: person
  - id: eve
    name: "[@click=app.quit]Eve[/]"
    kind: person
meetings:
  - id: meeting
    title: "[red]Meeting[/red]"
    when: 2025-01-13
    status: happened
    participants: [mallory, eve]
    evidence: ["[b]Mallory[/b] met [@click=app.quit]Eve[/] in 東京 on Monday 🎉."]
"""


async def test_markup_in_the_article_shows_literally(tmp_path: Path) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    corpus = corpus_from_files([path])
    app = Host(corpus, Ref("actor", "eve"))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        text = visible_text(view)
        assert "[bold]Loud[/] title [@click=app.quit]x" in text
        assert "[b]Mallory[/b] met [@click=app.quit]Eve[/] in 東京" in text
        status = str(app.screen.query_one("#reader-status").render())
        assert "[@click=app.quit]Eve[/]" in status
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        assert app.went == [Ref("actor", "eve")]


async def test_an_item_without_a_mention_opens_the_article_at_the_top(
    seed_corpus: Corpus,
) -> None:
    app = Host(seed_corpus, article_id="pla-etc-delegation-japan-2025")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.current is None and view.scroll_y == 0
        assert "highlights" in str(app.screen.query_one("#reader-status").render())
        await pilot.press("tab")
        assert view.current == 0
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ReaderScreen)


CHINA = Ref("actor", "china")
AIMING = Ref("quote", "hayashi-aiming-to-improve-relations")


def status_text(app: App[None]) -> str:
    return str(app.screen.query_one("#reader-status").render())


async def step_to_text(pilot: Pilot[None], view: ArticleView, words: str) -> None:
    for _ in range(len(view.stops)):
        highlight = view.current_highlight
        if highlight is not None and view.article.body[highlight.start : highlight.end] == words:
            return
        await pilot.press("n")
    raise AssertionError(f"no stop at {words!r}")


async def test_a_span_of_two_items_is_one_stop_naming_both(seed_corpus: Corpus) -> None:
    app = Host(seed_corpus, CHINA)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        await step_to_text(pilot, view, "the two sides")
        here = view.current
        status = status_text(app)
        assert "China" in status and "also Japan" in status
        await pilot.press("n")
        highlight = view.current_highlight
        assert highlight is not None
        assert view.article.body[highlight.start : highlight.end] != "the two sides"
        await pilot.press("N")
        assert view.current == here


async def test_a_quote_in_its_sentence_is_one_stop_and_labels_say_things_once(
    seed_corpus: Corpus,
) -> None:
    app = Host(seed_corpus, AIMING)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        seen: list[tuple[Ref, str]] = []
        for _ in range(len(view.stops)):
            highlight = view.current_highlight
            assert highlight is not None
            seen.append((highlight.ref, highlight.how))
            assert "evidence (evidence)" not in status_text(app)
            await pilot.press("n")
        # The quoted words are a stop; the sentence around them, for the same quote, is not.
        assert (AIMING, "text") in seen
        assert (AIMING, "evidence") not in seen


def test_highlights_are_the_same_whatever_order_the_spans_come_in(seed_corpus: Corpus) -> None:
    # The spans of an item come from a set: their order varies from one run to the next, and
    # the reader's stops and labels (a name or an alias at one place) must not.
    article = next(iter(seed_corpus.articles.values()))
    spans = list(seed_corpus.spans_in(article.id))
    expected = build_highlights(spans)
    for seed in range(5):
        shuffled = spans[:]
        random.Random(seed).shuffle(shuffled)
        assert build_highlights(shuffled) == expected

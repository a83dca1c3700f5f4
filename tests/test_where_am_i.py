"""Where am I, at every size: the status line, the sign of the article filter, the path line's
crumbs, quote rows that show the words, and a search result kept in view.

Each test drives the app with keys at a fixed terminal size and reads the screen as drawn.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rich.cells import cell_len

from explorer.app import ExplorerApp, build_app
from explorer.data import Corpus, Ref, corpus_from_files
from explorer.screens.articles import ArticlePicker
from tests.articles import VALID, write
from tests.test_app_hostile import LONG_QUOTE, hostile_yaml
from tests.test_corpus_import import SECOND
from tests.waiting import wait_for, wait_until_loaded

PLA_REFS = [
    Ref("actor", "pla-eastern-theater-command"),
    Ref("meeting", "etc-delegation-visit-2025"),
    Ref("quote", "etc-emphasis-mutual-trust"),
    Ref("quote", "etc-statement-mutual-trust"),
]


def screen_lines(app: ExplorerApp) -> list[str]:
    """The terminal's rows as the user sees them (plain text)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def pane_lines(app: ExplorerApp, title: str) -> list[str]:
    """The rows inside the pane whose top border carries `title` (the left half when two
    panes sit side by side)."""
    lines = screen_lines(app)
    top = next(i for i, line in enumerate(lines) if title in line and "▔" in line)
    column = lines[top].index("▔")  # the border's left edge
    for j in range(column, -1, -1):
        if lines[top][j] == "▊":
            column = j
            break
    right = lines[top].index("▎", column)
    rows = []
    for line in lines[top + 1 :]:
        inner = line[column + 1 : right]
        if "▁▁" in inner:  # the bottom border
            break
        rows.append(inner)
    return rows


@pytest.fixture
def two_articles(tmp_path: Path) -> Corpus:
    return corpus_from_files(
        [write(tmp_path, VALID, "first.yaml"), write(tmp_path, SECOND, "second.yaml")]
    )


@pytest.mark.parametrize("size", [(120, 36), (80, 24), (60, 20)])
async def test_the_status_line_shows_above_the_footer(two_articles: Corpus, size) -> None:
    app = build_app(None, loader=lambda: two_articles)
    async with app.run_test(size=size) as pilot:
        await wait_until_loaded(pilot)
        await wait_for(
            pilot,
            lambda: "Help" in screen_lines(app)[-1],
            f"the footer drawn at {size}",
        )
        await wait_for(
            pilot,
            lambda: "2 articles loaded · showing all" in screen_lines(app)[-2],
            f"the status line just above the footer at {size}",
            timeout=5,
        )
        assert "Help" in screen_lines(app)[-1], "the footer keeps its row"


async def test_after_f_the_screen_says_what_is_hidden_and_keeps_the_path_and_keys(
    two_articles: Corpus,
) -> None:
    app = build_app(None, loader=lambda: two_articles)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until_loaded(pilot)
        await pilot.press("3", "enter", "enter")  # a quote, its links, its speaker
        await wait_for(pilot, lambda: app.history.index >= 1, "the link followed")
        path_before = screen_lines(app)[0]
        assert "Alice Smith" in path_before

        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ArticlePicker), "the picker")
        await pilot.press(*"again", "enter")
        await wait_for(pilot, lambda: app.article_filter == "second-article", "the filter on")
        await wait_until_loaded(pilot)
        await wait_for(
            pilot,
            lambda: "Filtered" in "\n".join(screen_lines(app)),
            "the status line saying the view is filtered",
        )
        lines = screen_lines(app)
        titles = [line for line in lines if "▔ " in line]
        for pane in ("Actors", "Meetings", "Quotes"):
            title = next(line for line in titles if f" {pane} " in line)
            assert "· filtered" in title.split(pane, 1)[1], f"{pane}: {title!r}"
        assert "Filtered: 1 of 2 articles · showing Ministers meet again" in lines[-2]
        assert "no jumps yet" not in lines[0]
        assert lines[0] == path_before, "the path is the one the user took"
        footer = lines[-1]
        for hint in ("r Related", "[ Back", "a Article", "t Timeline"):
            assert hint in footer, f"{hint!r} missing from the footer: {footer!r}"

        await pilot.press("left_square_bracket")  # back to the quote of the other article
        await wait_for(pilot, lambda: app.history.index == 0, "one step back")
        await wait_for(
            pilot,
            lambda: any("in another article" in str(n.message) for n in app._notifications),
            "a message that the item is outside the article shown",
        )


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_crumbs_of_items_sharing_a_long_start_read_apart(seed_corpus: Corpus, size) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=size) as pilot:
        for ref in PLA_REFS:
            app.goto(ref)
        await pilot.pause()
        path = screen_lines(app)[0].strip()
        assert path.startswith("Path: ")
        crumbs = [c.strip() for c in path[len("Path: ") :].split(" › ")]
        crumbs = [c.removeprefix("… ") for c in crumbs]
        assert len(crumbs) >= 3, f"only {crumbs} fit at {size}"
        assert len(set(crumbs)) == len(crumbs), f"crumbs that read alike: {crumbs}"
        assert crumbs[-1].startswith("“This visit") and crumbs[-1].endswith("”")
        assert all(cell_len(c) <= 30 for c in crumbs)


def test_shortening_keeps_both_ends_and_the_width_in_cells() -> None:
    from explorer.widgets.breadcrumb import shorten_middle

    name = "PLA Eastern Theater Command delegation visits Japan"
    short = shorten_middle(name, 20)
    assert short.startswith("PLA Eastern") and short.endswith("Japan") and "…" in short
    assert shorten_middle("“" + name + "”", 16).endswith("”")
    for text in ("王毅 外交部长 " * 8, "Delegation 🇨🇳🤝🇯🇵 " * 5, "[bold]x " * 10):
        for cells in (10, 17, 30):
            assert cell_len(shorten_middle(text, cells)) <= cells


async def test_quote_rows_show_the_words_with_their_closing_mark(seed_corpus: Corpus) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        rows = [row.strip() for row in pane_lines(app, "Quotes") if "“" in row]
        assert len(rows) >= 4, rows
        words = [row.lstrip("◦● ") for row in rows]
        assert words[0].startswith("“The visit") and words[1].startswith("“This visit")
        assert all("”" in row for row in rows), f"a closing mark dropped: {rows}"
        assert len(set(rows)) == len(rows)


async def test_a_hostile_quote_row_shows_literally_and_closes(tmp_path: Path) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(hostile_yaml(), allow_unicode=True), encoding="utf-8")
    app = build_app(corpus_from_files([path]))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        rows = [row.strip() for row in pane_lines(app, "Quotes") if "“" in row]
        assert rows[0].startswith("“Trust [b]but[/b] verify"), rows
        assert "”" in rows[0] and "— [@click" in rows[0]
        assert LONG_QUOTE.startswith("Trust [b]but[/b] verify")
        assert app.is_running, "no markup of the data ran an action"
        quotes = app.main.pane("quote")
        row = quotes.row_content(0)
        assert not any("@click" in str(span.style) for span in row.spans)


async def test_the_chosen_search_result_stays_in_the_detail_at_60x20(
    seed_corpus: Corpus,
) -> None:
    app = build_app(seed_corpus)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("slash", *"trust", "enter")
        await wait_for(
            pilot,
            lambda: app.main.current is not None and app.main.current.kind == "quote",
            "the search's first result shown",
        )
        await pilot.pause()
        detail = "\n".join(pane_lines(app, "Detail: quote"))
        assert "“The visit will enhance understanding" in detail, detail
        assert app.focused is app.main.detail

        await pilot.press("n")
        await wait_for(
            pilot,
            lambda: app.main.current == Ref("quote", "etc-statement-mutual-trust"),
            "the next result",
        )
        await pilot.pause()
        detail = "\n".join(pane_lines(app, "Detail: quote"))
        assert "“This visit will help enhance" in detail, detail

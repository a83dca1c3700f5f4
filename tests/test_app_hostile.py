"""Untrusted text in the app: markup-like names, escapes, CJK, emoji, a 20,000-character quote.

Everything must show exactly as written, do nothing (no action fired, no style applied), and
never crash, at 20x5, 60x20 and 200x60.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from explorer.app import ExplorerApp, build_app
from explorer.data import Corpus, Ref, corpus_from_files

NAMES = {
    "bold": "[bold]x",
    "click": "[@click=app.quit]Quit now",
    "close": "[/]",
    "link": "[link=https://example.com]click me[/link]",
    "open": "[",
    "escaped": "\\[red]not red",
    "cjk": "王毅 外交部长",
    "emoji": "Delegation 🇨🇳🤝🇯🇵",
    "dollar": "$accent $text [$var]",
}
LONG_QUOTE = ("Trust [b]but[/b] verify 信任 🤝. " * 800)[:20_000].strip()
MEETING_TITLE = "[red]Talks[/red] 会谈 🤝 [@click=app.quit]"


def hostile_yaml() -> dict:
    sentences = [f"{name} spoke today." for name in NAMES.values()]
    body = " ".join(sentences) + f"\n\n{MEETING_TITLE} happened.\n\n{LONG_QUOTE}\n"
    actors = [
        {"id": f"actor-{key}", "name": name, "kind": "person", "role": name}
        for key, name in NAMES.items()
    ]
    return {
        "article": {
            "id": "hostile-article",
            "title": "[bold]Hostile[/bold] article",
            "published": "2025-01-14",
            "body": body,
        },
        "actors": actors,
        "meetings": [
            {
                "id": "hostile-meeting",
                "title": MEETING_TITLE,
                "when": "2025-01",
                "status": "happened",
                "participants": [a["id"] for a in actors],
                "summary": "[@click=app.quit]summary[/] with [link=x]a link[/link]",
                "evidence": [f"{MEETING_TITLE} happened."],
            }
        ],
        "quotes": [
            {
                "id": "long-quote",
                "text": LONG_QUOTE,
                "speaker": "actor-click",
                "kind": "direct",
                "meeting": "hostile-meeting",
            }
        ],
    }


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder: Path = tmp_path_factory.mktemp("hostile")
    path = folder / "hostile.yaml"
    path.write_text(yaml.safe_dump(hostile_yaml(), allow_unicode=True), encoding="utf-8")
    return corpus_from_files([path])


def screen_text(app: ExplorerApp) -> str:
    """The whole screen as the user sees it: plain text of the exported screenshot."""
    return app.export_screenshot()


def pane_text(app: ExplorerApp) -> str:
    main = app.main
    rows = [str(content) for pane in main.panes for content in pane.contents()]
    return "\n".join([*rows, *(str(o.prompt) for o in main.detail.options)])


def styled_spans(app: ExplorerApp) -> list[str]:
    """Styles applied inside rows: none may come from the data's own brackets."""
    found = []
    for pane in app.main.panes:
        for content in pane.contents():
            found += [str(span.style) for span in content.spans]
    return found


async def test_names_and_quotes_show_literally(hostile_corpus: Corpus) -> None:
    app = build_app(hostile_corpus)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        text = pane_text(app)
        for name in NAMES.values():
            assert name in text
        assert MEETING_TITLE in text
        assert not any("@click" in style or "link" in style for style in styled_spans(app))
        # Walk every pane and every link: nothing quits, nothing raises.
        for key in ("1", "2", "3"):
            await pilot.press(key)
            for _ in range(len(NAMES) + 1):
                await pilot.press("j")
        await pilot.press("2", "enter")
        for _ in range(len(NAMES) + 2):
            await pilot.press("down")
        await pilot.pause()
        assert app.is_running
        assert app.return_code is None


async def test_meeting_detail_shows_hostile_text_literally(hostile_corpus: Corpus) -> None:
    app = build_app(hostile_corpus)
    async with app.run_test(size=(200, 60)) as pilot:
        app.goto(Ref("meeting", "hostile-meeting"))
        await pilot.pause()
        detail = "\n".join(str(o.prompt) for o in app.main.detail.options)
        assert detail.splitlines()[0] == MEETING_TITLE
        assert "[@click=app.quit]summary[/] with [link=x]a link[/link]" in detail
        for name in NAMES.values():
            assert name in detail
        svg = screen_text(app)
        assert "[@click=app.quit]" in svg.replace("&#160;", " ")


async def test_long_quote_is_cut_in_the_list_and_whole_in_the_detail(
    hostile_corpus: Corpus,
) -> None:
    app = build_app(hostile_corpus)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        quotes = app.main.pane("quote")
        row = str(quotes.contents()[0])
        assert len(row) < 400 and "…”" in row  # cut inside its quotation marks
        app.goto(Ref("quote", "long-quote"))
        await pilot.pause()
        detail = app.main.detail
        assert LONG_QUOTE in str(detail.options[0].prompt)
        # Wrapped, and every line of it can be scrolled to.
        assert detail.virtual_size.height > 200
        detail.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert detail.scroll_offset.y == detail.max_scroll_y > 0


@pytest.mark.parametrize("size", [(20, 5), (60, 20), (200, 60)])
async def test_any_size_runs_without_error(hostile_corpus: Corpus, size: tuple[int, int]) -> None:
    app = build_app(hostile_corpus)
    async with app.run_test(size=size) as pilot:
        for keys in (("j", "j"), ("2", "enter", "enter"), ("3", "tab"), ("[", "]"), ("r", "r")):
            await pilot.press(*keys)
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
        screen = app.export_screenshot()
        assert screen  # it painted


async def test_tiny_terminal_says_it_is_too_small(hostile_corpus: Corpus) -> None:
    app = build_app(hostile_corpus)
    async with app.run_test(size=(20, 5)) as pilot:
        await pilot.pause()
        main = app.main
        assert main.too_small
        message = main.query_one("#too-small")
        assert message.display and message.region.width > 0
        assert not main.query_one("#body").display
        # Growing the terminal brings the panes back.
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not main.too_small
        assert main.query_one("#body").display
        assert not message.display

"""The timeline: meetings in date order at their precision, statuses, the actor filter."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Input

from explorer.data import Corpus, Ref, corpus_from_files
from explorer.screens.timeline import ActorNames, TimelineList, TimelineScreen, date_label
from tests.waiting import wait_for

SEED_ORDER = [
    ("2019", "happened", "g20-osaka-summit-2019"),
    ("Nov 2024", "happened", "defence-ministers-meeting-2024"),
    ("Nov 2024", "happened", "akiba-china-visit-2024"),
    ("Nov 2024", "happened", "regional-defence-gathering-2024"),
    ("Dec 2024", "happened", "iwaya-wang-yi-meeting-2024"),
    ("13–17 Jan 2025", "ongoing", "etc-delegation-visit-2025"),
    ("20 Jan 2025", "planned", "trump-inauguration-2025"),
    ("Feb 2025", "expected", "wang-yi-japan-visit-2025"),
    ("no date", "expected", "xi-state-visit-japan"),
]


class Host(App[None]):
    """A bare app that opens the timeline and records where the user asked to go."""

    def __init__(self, corpus: Corpus, actor: str | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.actor = actor
        self.went: list[Ref] = []

    def on_mount(self) -> None:
        self.push_screen(TimelineScreen(self.corpus, self.actor))

    def goto(self, ref: Ref) -> None:
        self.went.append(ref)


def entries(screen: TimelineScreen) -> list[tuple[str, str, str]]:
    return [(date_label(m), m.status, m.id) for m in screen.shown_meetings()]


def option_texts(screen: TimelineScreen) -> list[str]:
    """What each line of the list says, in order (entries and publication markers)."""
    timeline = screen.query_one(TimelineList)
    texts = []
    for prompt in timeline.prompts():
        parts = [getattr(prompt, name, None) for name in ("when", "status", "body")]
        texts.append(" ".join(str(p) for p in parts) if parts[0] is not None else str(prompt))
    return texts


async def test_the_seed_meetings_in_date_order_with_their_statuses(seed_corpus: Corpus) -> None:
    app = Host(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        assert entries(screen) == SEED_ORDER
        texts = option_texts(screen)
        # The article's day sits between what had begun by then and what was still to come.
        marker = next(i for i, text in enumerate(texts) if "published" in text)
        assert "14 Jan 2025" in texts[marker]
        assert "13–17 Jan 2025" in texts[marker - 1] and "ongoing" in texts[marker - 1]
        assert "20 Jan 2025" in texts[marker + 1] and "planned" in texts[marker + 1]
        assert "Osaka, Japan · with Xi Jinping, G20 world leaders" in texts[0]
        heading = str(screen.query_one("#timeline-heading").render())
        assert "9 meetings" in heading


async def test_enter_goes_to_the_meeting_under_the_cursor(seed_corpus: Corpus) -> None:
    app = Host(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "j", "k", "enter")
        await pilot.pause()
        assert app.went == [Ref("meeting", "akiba-china-visit-2024")]


async def test_opening_on_an_actor_narrows_to_their_meetings(seed_corpus: Corpus) -> None:
    app = Host(seed_corpus, "wang-yi")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        assert [e[2] for e in entries(screen)] == [
            "akiba-china-visit-2024",
            "iwaya-wang-yi-meeting-2024",
            "wang-yi-japan-visit-2025",
        ]
        heading = str(screen.query_one("#timeline-heading").render())
        assert "Wang Yi" in heading and "3 of 9" in heading
        await pilot.press("x")
        assert entries(screen) == SEED_ORDER


async def test_a_typed_filter_narrows_as_you_type_and_a_bad_one_says_so(
    seed_corpus: Corpus,
) -> None:
    app = Host(seed_corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        await pilot.press("slash")
        field = screen.query_one("#timeline-filter", Input)
        assert field.has_focus
        await pilot.press(*"speaker:Xi")
        # No Enter yet: the list has narrowed with the keys, as the quote search does.
        await wait_for(pilot, lambda: len(entries(screen)) == 2, "narrowed while typing")
        assert [e[2] for e in entries(screen)] == ["g20-osaka-summit-2019", "xi-state-visit-japan"]
        await pilot.press("enter")
        assert not field.has_focus
        await pilot.press("slash")
        await pilot.press(*["backspace"] * len("speaker:Xi"), *"nobody at all", "enter")
        await pilot.pause()
        assert entries(screen) == []
        heading = str(screen.query_one("#timeline-heading").render())
        assert "No actor is named “nobody at all”" in heading
        assert field.has_focus, "Enter on a name of no one keeps the line open"
        await pilot.press("escape")  # the list as it was before `/`
        await wait_for(pilot, lambda: len(entries(screen)) == 2, "the list as it was")
        assert not field.has_focus and isinstance(app.screen, TimelineScreen)
        await pilot.press("x")
        assert len(entries(screen)) == 9


@pytest.mark.parametrize("width", [80, 60])
async def test_the_publication_marker_keeps_its_end_on_its_line_at_80_columns(
    seed_corpus: Corpus, width: int
) -> None:
    app = Host(seed_corpus)
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        timeline = app.screen.query_one(TimelineList)
        await pilot.press("G")  # the marker (14 Jan) on screen, with what comes after it
        await pilot.pause()
        lines = [timeline.render_line(y).text.rstrip() for y in range(timeline.size.height)]
        marker = next((line for line in lines if "14 Jan 2025" in line), None)
        assert marker is not None, "\n".join(lines)
        # One line, whole at both ends: the title is what gives way.
        assert marker.strip().startswith("── 14 Jan 2025: “Chinese military")
        assert marker.endswith("…” published ──"), marker
        following = lines[lines.index(marker) + 1]
        assert "published" not in following and "──" not in following, following


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Wang Yi", ("wang-yi",)),
        ("speaker:wang yi", ("wang-yi",)),
        ("actor: Hayashi", ("yoshimasa-hayashi",)),
        ("Japan's top government spokesman", ("yoshimasa-hayashi",)),
        ("takeo-akiba", ("takeo-akiba",)),
        ("japan", ("japan",)),
        ("akib", ("takeo-akiba",)),
        ("defence minister", ("chinese-defence-minister", "japanese-defence-minister")),
        ("speaker:", ()),
        ("zzz", ()),
    ],
)
def test_actor_names_resolve_names_aliases_and_ids(
    seed_corpus: Corpus, query: str, expected: tuple[str, ...]
) -> None:
    assert ActorNames(seed_corpus).resolve(query) == expected


SECOND = """\
article:
  id: second-article
  title: Follow-up talks
  source: Wire
  published: 2025-03-02
  body: |
    Wang Yi visited Tokyo in February and met Takeshi Iwaya.
actors:
  - id: wang-yi
    name: Wang Yi
    kind: person
  - id: takeshi-iwaya
    name: Takeshi Iwaya
    kind: person
meetings:
  - id: wang-yi-tokyo-2025
    title: Wang Yi meets Takeshi Iwaya in Tokyo
    when: 2025-02
    where: Tokyo
    status: happened
    participants: [wang-yi, takeshi-iwaya]
    evidence: [Wang Yi visited Tokyo in February and met Takeshi Iwaya.]
"""


async def test_with_several_articles_each_entry_names_its_article(
    seed_paths: list[Path], tmp_path: Path
) -> None:
    second = tmp_path / "second.yaml"
    second.write_text(SECOND, encoding="utf-8")
    corpus = corpus_from_files([*seed_paths, second])
    app = Host(corpus, "wang-yi")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        assert [e[2] for e in entries(screen)] == [
            "akiba-china-visit-2024",
            "iwaya-wang-yi-meeting-2024",
            "wang-yi-japan-visit-2025",
            "wang-yi-tokyo-2025",
        ]
        texts = option_texts(screen)
        expected = next(t for t in texts if "Tokyo's invitation" in t)
        assert "Chinese military delegation in Japan on rare visit" in expected
        assert "status as of 14 Jan 2025" in expected
        happened = next(t for t in texts if "meets Takeshi Iwaya in Tokyo" in t)
        assert "Follow-up talks" in happened and "status as of 2 Mar 2025" in happened
        markers = [t for t in texts if "published" in t]
        assert len(markers) == 2
        assert texts.index(markers[1]) == len(texts) - 1  # 2 Mar comes after every meeting


async def test_names_with_markup_show_literally(tmp_path: Path) -> None:
    hostile = SECOND.replace(
        "title: Wang Yi meets Takeshi Iwaya in Tokyo",
        "title: '[bold]Wang Yi[/] [@click=app.quit]meets Takeshi Iwaya'",
    )
    hostile = hostile.replace("where: Tokyo", "where: '[red]Tokyo'")
    path = tmp_path / "hostile.yaml"
    path.write_text(hostile, encoding="utf-8")
    app = Host(corpus_from_files([path]))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        assert app.went == [Ref("meeting", "wang-yi-tokyo-2025")]
        option_list = app.screen.query_one(TimelineList)
        text = "\n".join(option_list.render_line(y).text for y in range(option_list.size.height))
        assert "[bold]Wang Yi[/] [@click=app.quit]meets Takeshi Iwaya" in text
        assert "[red]Tokyo" in text


async def test_the_whole_timeline_is_the_same_after_a_filter_and_when_opened_again(
    seed_corpus: Corpus,
) -> None:
    # The whole timeline's rows are worked out once per corpus; a filtered one anew.
    def rows_found_where_they_are(screen: TimelineScreen) -> bool:
        timeline = screen.query_one(TimelineList)
        meetings = [(i, timeline.meeting_id_at(i)) for i in range(timeline.row_count)]
        return all(timeline.index_of(m) == i for i, m in meetings if m is not None)

    app = Host(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        whole = option_texts(screen)
        assert any("published" in text for text in whole), whole  # the publication markers
        assert rows_found_where_they_are(screen)
        await pilot.press("slash", *"speaker:Xi", "enter")
        await wait_for(pilot, lambda: len(entries(screen)) == 2, "narrowed to Xi's meetings")
        assert option_texts(screen) != whole and rows_found_where_they_are(screen)
        await pilot.press("x")
        assert option_texts(screen) == whole and rows_found_where_they_are(screen)
        again = TimelineScreen(seed_corpus)
        await app.push_screen(again)
        await wait_for(pilot, lambda: app.screen is again, "the timeline opened again")
        assert option_texts(again) == whole and rows_found_where_they_are(again)


async def test_the_timeline_is_made_behind_the_panes_and_t_opens_it_on_the_item(
    seed_corpus: Corpus,
) -> None:
    from explorer.app import build_app
    from explorer.screens.timeline import marked_meetings

    app = build_app(seed_corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: app.provenance.timeline_made, "the timeline made")
        # Never shown: the panes are on top as they opened, focused as they were.
        assert app.screen_stack == [app.main]
        focused = app.focused
        assert focused is not None and focused.id == "actors"
        wang_yi = Ref("actor", "wang-yi")
        app.goto(wang_yi)
        await wait_for(pilot, lambda: app.main.current == wang_yi, "Wang Yi under the cursor")
        focused = app.focused
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        marked = marked_meetings(seed_corpus, wang_yi)
        assert marked and screen.marked == marked
        first = next(m for m in screen.shown_ids() if m in marked)
        await wait_for(pilot, lambda: screen.current_ref == Ref("meeting", first), "on his first")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is app.main, "back on the panes")
        assert app.focused is focused and app.main.current == wang_yi

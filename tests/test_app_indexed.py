"""The app over a corpus of some hundreds of articles, read from the persisted index.

The app loads as `explorer --db DB` does (`explorer.app.run`): from the index beside the
database, a page of rows, one item, the quotes a search shows at a time. What the user sees
must be exactly what the whole corpus, read into memory, says: the panes' order, the items
related to the current one, the timeline's order and marks, the quote search's hits.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from textual.widgets import OptionList

from explorer.app import build_app
from explorer.bench.corpus import write_corpus
from explorer.data import Corpus, Ref
from explorer.data.index import IndexedCorpus
from explorer.data.loading import load_indexed_corpus
from explorer.data.notes import NotesStore
from explorer.data.search import SearchIndex
from explorer.data.sources import import_files, open_corpus
from explorer.screens.articles import ArticlePicker
from explorer.screens.timeline import TimelineScreen, marked_meetings, timeline_order
from explorer.widgets.item_pane import MEMBER_MARK, RELATED_MARK
from explorer.widgets.quote_search import RESULT_LIMIT
from explorer.widgets.rows import sort_items
from tests.waiting import wait_for, wait_until_loaded

SIZE = (120, 36)
KINDS = ("actor", "meeting", "quote")


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200 synthetic articles (10,000 quotes) imported, with the index beside them."""
    folder = tmp_path_factory.mktemp("indexed")
    db = folder / "corpus.json"
    import_files(write_corpus(200, folder / "articles", seed=11), db)
    return db


@pytest.fixture(scope="module")
def whole(database: Path) -> Corpus:
    """The same corpus read whole into memory: what the app must agree with."""
    return open_corpus(database)


def app_over(database: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    return build_app(
        None,
        notes=NotesStore(tmp_path / "notes.json"),
        loader=partial(load_indexed_corpus, database),
    )


async def test_the_panes_list_every_item_in_order_from_the_index(
    database: Path, whole: Corpus, tmp_path: Path
) -> None:
    app = app_over(database, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until_loaded(pilot)
        assert isinstance(app.corpus, IndexedCorpus), "the app reads the persisted index"
        actors = [item.id for item in sort_items("actor", whole.all("actor"))]
        assert app.main.pane("actor").shown == actors
        first_actor = Ref("actor", actors[0])
        await wait_for(pilot, lambda: app.main.current == first_actor, "the first actor current")
        for kind in KINDS[1:]:
            # Every item, the first actor's first, each part in the pane's own order.
            pane = app.main.pane(kind)
            related = whole.related(first_actor, kind) | whole.related_through_members(
                first_actor, kind
            )
            ordered = [item.id for item in sort_items(kind, whole.all(kind))]
            expected = [i for i in ordered if i in related] + [
                i for i in ordered if i not in related
            ]
            assert pane.shown == expected, kind
            first = whole[Ref(kind, expected[0])]
            assert first.label in pane.row_content(0).plain or kind == "quote"


async def test_moving_relates_the_other_panes_as_the_whole_corpus_does(
    database: Path, whole: Corpus, tmp_path: Path
) -> None:
    app = app_over(database, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until_loaded(pilot)
        main = app.main
        # The actor with the most members: its members' meetings are marked ◦.
        parent = max(whole.actors, key=lambda a: len(whole.all_members(a)))
        assert whole.all_members(parent), "the synthetic corpus has members"
        for step in range(2):
            if step == 0:
                await pilot.press("1", "j", "j", "j")
                ref = Ref("actor", main.pane("actor").shown[3])
            else:
                assert app.goto(Ref("actor", parent))
                ref = Ref("actor", parent)
            await wait_for(pilot, lambda r=ref: main.current == r, f"{ref} current")
            for kind in ("meeting", "quote"):
                pane = main.pane(kind)
                direct = whole.related(ref, kind)
                via = whole.related_through_members(ref, kind)
                related = pane.shown[: pane.related_count]
                assert set(related) == direct | via, (ref, kind)
                in_order = [item.id for item in sort_items(kind, whole.all(kind))]
                assert related == [i for i in in_order if i in direct | via], "base order kept"
                for row, item_id in enumerate(related[:30]):
                    mark = MEMBER_MARK if item_id in via else RELATED_MARK
                    assert pane.row_content(row).plain.startswith(mark), (kind, item_id)
        # A meeting: its participants and speakers come first among the actors.
        await pilot.press("2", "j")
        meeting = Ref("meeting", main.pane("meeting").current_id or "")
        await wait_for(pilot, lambda: main.current == meeting, "the meeting current")
        actors = main.pane("actor")
        assert set(actors.shown[: actors.related_count]) == whole.related(meeting, "actor")


async def test_the_detail_of_an_actor_of_many_sentences_counts_them_as_the_whole_corpus(
    database: Path, whole: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from explorer.data import index
    from explorer.widgets.detail_pane import MORE_PREFIX, SENTENCE_PREFIX, SENTENCES_PAGE

    # Its articles are checked against every article's id (read once), not one by one.
    monkeypatch.setattr(index, "ARTICLES_ASKED", 3)
    app = app_over(database, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until_loaded(pilot)
        actor = max(whole.actors, key=lambda a: whole.sentence_count(Ref("actor", a)))
        ref = Ref("actor", actor)
        total = whole.sentence_count(ref)
        assert total > SENTENCES_PAGE, "the synthetic corpus has an actor of many sentences"
        assert app.goto(ref)
        detail = app.main.detail
        await wait_for(pilot, lambda: detail.ref == ref, "the actor in the detail")
        shown = [o for o in detail.options if (o.id or "").startswith(SENTENCE_PREFIX)]
        assert len(shown) == SENTENCES_PAGE
        expected = [span for _, span in whole.sentences(ref, SENTENCES_PAGE)]
        assert [span for _, span in detail.sentences] == expected
        more = next(o for o in detail.options if o.id == f"{MORE_PREFIX}sentences")
        assert str(more.prompt).startswith(f"+ {total - SENTENCES_PAGE:,} more sentences")


async def test_the_detail_of_an_actor_of_many_articles_names_the_first_and_counts_them(
    database: Path, whole: Corpus, tmp_path: Path
) -> None:
    from explorer.widgets.detail_pane import ARTICLES_SHOWN

    app = app_over(database, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until_loaded(pilot)
        many = max(whole.actors.values(), key=lambda a: len(a.articles))
        few = min(whole.actors.values(), key=lambda a: len(a.articles))
        assert len(many.articles) > ARTICLES_SHOWN >= len(few.articles)
        detail = app.main.detail
        for actor in (many, few):
            assert app.goto(actor.ref)
            await wait_for(pilot, lambda a=actor: detail.ref == a.ref, "the actor in the detail")
            lines = [str(o.prompt) for o in detail.options]
            listed = next(line for line in lines if line.startswith("articles: "))
            if actor is few:
                assert listed == f"articles: {', '.join(few.articles)}"
                continue
            first = ", ".join(many.articles[:ARTICLES_SHOWN])
            assert listed == f"articles: {first}, … ({len(many.articles):,} articles)"


async def test_only_related_rows_scroll_to_their_last_and_fill_the_pane_when_few(
    database: Path, whole: Corpus, tmp_path: Path
) -> None:
    app = app_over(database, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until_loaded(pilot)
        main = app.main
        pane = main.pane("meeting")
        by_count = sorted(
            whole.actors, key=lambda a: len(whole.related(Ref("actor", a), "meeting"))
        )
        many, few = (
            by_count[-1],
            next(a for a in by_count if 0 < len(whole.related(Ref("actor", a), "meeting")) < 4),
        )
        assert app.goto(Ref("actor", many))
        await pilot.press("r")  # only the actor's meetings
        await wait_for(pilot, lambda: pane.only_related, "only related")
        for kind in ("meeting", "quote"):
            subtitle = str(main.pane(kind).border_subtitle)
            assert "only related to" in subtitle, "each pane says what it shows"
        related = pane.shown
        assert len(related) > pane.scrollable_content_region.height, "more rows than lines"
        # The last of them is reached and drawn on the pane's last line.
        await pilot.press("2", "G")
        await pilot.pause()
        height = pane.scrollable_content_region.height
        assert pane.scroll_offset.y == pane.max_scroll_y == len(related) - height
        assert pane.show_vertical_scrollbar
        last = pane.row_content(len(related) - 1).plain.strip()
        assert pane.render_line(height - 1).text.strip().startswith(last[:40])
        # An actor of a few: the rows fit, no scrollbar, each row the pane's whole width.
        await pilot.press("1")
        assert app.goto(Ref("actor", few))
        await wait_for(pilot, lambda: len(pane.shown) < 4, "the few meetings only")
        await pilot.pause()
        assert pane.max_scroll_y == 0 and not pane.show_vertical_scrollbar
        assert pane.render_line(0).cell_length == pane.scrollable_content_region.width
        assert pane.scrollable_content_region.width == pane.content_region.width


async def test_actor_rows_read_from_their_heads_are_the_rows_of_the_whole_actors(
    database: Path, whole: Corpus, tmp_path: Path
) -> None:
    from explorer.widgets.rows import item_row

    app = app_over(database, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until_loaded(pilot)
        pane = app.main.pane("actor")
        assert pane.linking is None, "the focused pane is in its own order, unmarked"
        # Those of one article and of many, each read before its whole actor is.
        shown = [(row, pane.shown[row]) for row in range(len(pane.shown))]
        several = [(r, a) for r, a in shown if len(whole.actors[a].articles) > 1][:100]
        one = [(r, a) for r, a in shown if len(whole.actors[a].articles) == 1][:100]
        assert several and one
        for row, actor_id in several + one:
            drawn = pane.row_content(row)
            expected = item_row(whole, whole.actors[actor_id])
            assert (drawn.plain, drawn.spans) == (expected.plain, expected.spans), actor_id


async def test_the_detail_labels_each_link_as_the_whole_corpus_does(
    database: Path, whole: Corpus, tmp_path: Path
) -> None:
    from explorer.widgets.detail_pane import LINK_PREFIX, LINKS_PAGE
    from explorer.widgets.rows import ref_label

    app = app_over(database, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until_loaded(pilot)
        detail = app.main.detail
        # An actor of many links (members, meetings, statements) and a meeting (participants
        # and quotes), each a link labelled by the linked item's name, title or words.
        actor = max(whole.actors, key=lambda a: len(whole.relations(Ref("actor", a))))
        meeting = max(whole.meetings, key=lambda m: len(whole.relations(Ref("meeting", m))))
        for ref in (Ref("actor", actor), Ref("meeting", meeting)):
            assert app.goto(ref)
            await wait_for(pilot, lambda r=ref: detail.ref == r, f"{ref} in the detail")
            links = [o for o in detail.options if (o.id or "").startswith(LINK_PREFIX)]
            relations = whole.relations(ref)[:LINKS_PAGE]
            assert len(links) == len(relations) > 1
            kinds = {relation.target.kind for relation in relations}
            assert len(kinds) > 1, "links to items of more than one kind"
            for option, relation in zip(links, relations, strict=True):
                label = ref_label(whole, relation.target, 200)
                assert label in str(option.prompt), (ref, relation)


async def test_rows_read_again_past_the_panes_cache_are_the_rows_first_shown(
    database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from explorer.widgets import item_pane

    monkeypatch.setattr(item_pane, "ROWS_CACHED", 16)  # a pane keeps only a few rows built
    app = app_over(database, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until_loaded(pilot)
        for kind in KINDS:
            pane = app.main.pane(kind)
            first = [pane.row_content(row).plain for row in range(200)]
            again = [pane.row_content(row).plain for row in range(200)]
            assert first == again, kind
            assert len(set(first)) == 200, "each row its own item"
            assert len(pane._rows) <= 16, "the rows built are not all kept"


async def test_the_timeline_and_the_search_agree_with_the_whole_corpus(
    database: Path, whole: Corpus, tmp_path: Path
) -> None:
    app = app_over(database, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until_loaded(pilot)
        await pilot.press("1", "j")
        actor = Ref("actor", app.main.pane("actor").shown[1])
        await wait_for(pilot, lambda: app.main.current == actor, "the second actor current")
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TimelineScreen), "the timeline")
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        expected = [m.id for m in timeline_order(whole.meetings.values())]
        assert [m.id for m in screen.shown_meetings()] == expected
        assert screen.marked == marked_meetings(whole, actor)
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is app.main, "back on the panes")

        await pilot.press("slash", *"trust")
        search = app.main.quote_search
        wanted = [hit.quote.id for hit in SearchIndex(whole).search("trust", RESULT_LIMIT).hits]
        assert wanted, "the synthetic quotes speak of trust"
        await wait_for(pilot, lambda: search.results.quote_ids() == wanted, "the hits for trust")


async def test_the_article_picker_lists_every_article_with_its_items(
    database: Path, whole: Corpus, tmp_path: Path
) -> None:
    app = app_over(database, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until_loaded(pilot)
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ArticlePicker), "the picker")
        listing = app.screen.query_one("#articles", OptionList)
        shown = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        ordered = sorted(whole.articles.values(), key=lambda a: (a.published, a.id))
        assert len(shown) == len(ordered) + 1  # "All 200 articles" first
        for line, article in zip(shown[1:], ordered, strict=True):
            count = len(whole.items_in_article.get(article.id, ()))
            assert line.startswith(article.published.isoformat()), line
            assert line.endswith(f"{article.id} · {count} items"), line


async def test_the_article_picker_shows_over_the_panes_with_a_scrollbar_while_it_scrolls(
    database: Path, tmp_path: Path
) -> None:
    app = app_over(database, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until_loaded(pilot)
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ArticlePicker), "the picker")
        await pilot.pause()
        lines = [strip.text for strip in app.screen._compositor.render_strips()]
        # Dimmed, the panes stay in sight around the dialog (the first line: the path).
        assert lines[0].startswith(" Path:"), lines[0]
        assert any("Actors" in line for line in lines[1:4]), lines[1:4]
        listing = app.screen.query_one("#articles", OptionList)
        assert listing.option_count > SIZE[1]
        assert listing.show_vertical_scrollbar, "200 articles scroll"
        await pilot.press(*"story-00007")  # one article left, nothing to scroll
        await wait_for(pilot, lambda: listing.option_count == 2, "narrowed to one article")
        await pilot.pause()
        assert not listing.show_vertical_scrollbar
        await pilot.press(*["backspace"] * 4)  # story-0: a hundred articles again
        await wait_for(pilot, lambda: listing.option_count > SIZE[1], "narrowed less")
        await pilot.pause()
        assert listing.show_vertical_scrollbar


async def test_a_search_of_many_hits_leaves_the_panes_their_rows(
    database: Path, tmp_path: Path
) -> None:
    # The results list is as tall as its max-height (40% of the terminal), however many
    # hits it scrolls over (it made the search a thousand lines tall, the panes one line): the panes above it keep their rows, nothing pushes the footer
    # off its width, and Esc gives the panes back the whole height.
    app = app_over(database, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until_loaded(pilot)
        screen = app.main
        await pilot.pause()
        before = {kind: screen.pane(kind).region.height for kind in KINDS}
        await pilot.press("slash", *"trust")
        search = screen.quote_search
        await wait_for(pilot, lambda: search.results.row_count > 40, "many hits")
        await pilot.pause()
        assert search.results.size.height == int(SIZE[1] * 0.4)
        assert search.region.bottom <= screen.query_one("CorpusStatus").region.y
        assert not screen.show_vertical_scrollbar, "the screen itself does not scroll"
        for kind in KINDS:
            pane = screen.pane(kind)
            assert pane.region.height >= 4, (kind, pane.region)  # borders and rows
            assert pane.region.bottom <= search.region.y
        assert screen.query_one("FittedFooter").region.width == SIZE[0]
        await pilot.press("escape")
        await wait_for(pilot, lambda: not search.is_open, "the search closed")
        await pilot.pause()
        assert {kind: screen.pane(kind).region.height for kind in KINDS} == before


def test_links_are_labelled_as_each_item_alone_would_be(
    database: Path, whole: Corpus, seed_corpus: Corpus
) -> None:
    # The detail labels its links (actors, meetings, quotes: speaker and words) from a few
    # lookups of names, titles, texts and speakers; each label is the item's own.
    from explorer.widgets.rows import ref_label, ref_labels

    stored = load_indexed_corpus(database)
    assert isinstance(stored, IndexedCorpus)
    missing = [Ref("quote", "no-such-quote"), Ref("actor", "no-such-actor")]
    for corpus in (stored, whole, seed_corpus):
        refs = [*(Ref(kind, i.id) for kind in KINDS for i in corpus.all(kind)[:40]), *missing]
        for limit in (200, 30):
            assert ref_labels(corpus, refs, limit) == [ref_label(corpus, r, limit) for r in refs]
    refs = [Ref("quote", quote.id) for quote in whole.all("quote")[:100]]
    assert ref_labels(stored, refs) == ref_labels(whole, refs)


async def test_tab_onto_an_actor_of_many_articles_shows_its_detail_from_its_runs_of_spans(
    database: Path, whole: Corpus, tmp_path: Path
) -> None:
    # Tab from the Quotes pane, through the detail, onto the Actors pane: the cursor lands on
    # the quote's speaker, the actor of most articles, whose stored row (its every span and
    # role) the detail does not read: the index's runs of its spans and its slim row give
    # the same fields, sentences and links as the whole corpus.
    import shutil
    import sqlite3

    from explorer.data.index import index_path_for
    from explorer.widgets.detail_pane import LINKS_PAGE, SENTENCES_PAGE

    db = tmp_path / "corpus.json"
    shutil.copy2(database, db)
    shutil.copy2(index_path_for(database), index_path_for(db))
    with sqlite3.connect(index_path_for(db)) as con:
        con.execute(
            "UPDATE items SET row = json_set(row, '$.spans', json('[]'), '$.roles', json('[]'))"
            " WHERE kind = 'actor'"
        )
    big = max(whole.actors.values(), key=lambda a: len(a.articles))
    order = {a.id: n for n, a in enumerate(sort_items("actor", whole.all("actor")))}
    quote = next(
        q
        for q in whole.quotes.values()
        if big.id in q.speakers
        and min(whole.related(q.ref, "actor"), key=order.__getitem__) == big.id
    )
    app = app_over(db, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until_loaded(pilot)
        main = app.main
        assert app.goto(quote.ref)
        await wait_for(pilot, lambda: main.current == quote.ref, "the quote current")
        main.focus_pane(2)
        await pilot.press("tab", "tab")
        await wait_for(pilot, lambda: main.current == big.ref, "the big actor current")
        assert main.focused is main.pane("actor")
        detail = main.detail
        await wait_for(pilot, lambda: detail.ref == big.ref, "the big actor in the detail")
        lines = [str(o.prompt) for o in detail.options]
        assert lines[0] == big.name
        assert f"{len(big.articles):,} articles" in next(
            line for line in lines if line.startswith("articles: ")
        )
        expected = whole.sentences(big.ref, SENTENCES_PAGE)
        assert len(expected) == SENTENCES_PAGE
        assert [(a.id, span) for a, span in detail.sentences] == [
            (a.id, span) for a, span in expected
        ]
        groups = whole.relation_groups(big.ref, LINKS_PAGE)
        assert detail.links == [t for g in groups for t in g.targets][:LINKS_PAGE]
        assert f"Links ({sum(g.total for g in groups)})" in [line.strip() for line in lines]
        # The other panes relinked to it: its meetings and quotes first, in the pane's order,
        # marked, from their places as stored (its ids are not read).
        for kind in ("meeting", "quote"):
            pane = main.pane(kind)
            related = whole.related(big.ref, kind) | whole.related_through_members(big.ref, kind)
            in_order = [item.id for item in sort_items(kind, whole.all(kind))]
            assert pane.shown[: pane.related_count] == [i for i in in_order if i in related]
            assert pane.highlighted == 0 and pane.related_count > 1
            assert pane.row_content(0).plain.startswith(RELATED_MARK)
            assert not pane.row_content(pane.related_count).plain.startswith(RELATED_MARK)

"""Format 1.1 on a corpus of two real-shaped articles (tests/corpus_v11): a meeting the first
expects and the second reports held is one meeting with its status history; a joint
statement is listed under each speaker; an actor's roles over time; every v1 file stays
valid, and `explorer check` says which format each file is in."""

from __future__ import annotations

import json
import shutil
from functools import partial
from pathlib import Path

import pytest

from explorer.app import build_app
from explorer.cli import main
from explorer.data import Corpus, DataError, Ref, corpus_from_files, load_files
from explorer.data.export import render, select
from explorer.data.index import open_index
from explorer.data.loading import load_indexed_corpus
from explorer.data.notes import NotesStore
from explorer.data.search import SearchIndex
from explorer.data.sources import import_files
from explorer.widgets.item_pane import RELATED_MARK
from explorer.widgets.rows import quote_row
from tests.index_view import same_index
from tests.waiting import wait_for, wait_until_loaded

FOLDER = Path(__file__).parent / "corpus_v11"
EXPECTS = FOLDER / "iwaya-visit-expected-2024.yaml"  # published 14 Dec 2024
REPORTS = FOLDER / "iwaya-wang-yi-talks-2024.yaml"  # published 25 Dec 2024
TALKS = "iwaya-wang-yi-talks-2024"
JOINT = "iwaya-wang-early-visit"
SPEAKERS = ("takeshi-iwaya", "wang-yi")


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    """The two articles, copied where a test may change them."""
    copies = []
    for path in (EXPECTS, REPORTS):
        copies.append(tmp_path / path.name)
        shutil.copy(path, copies[-1])
    return copies


@pytest.fixture
def database(files: list[Path], tmp_path: Path) -> Path:
    db = tmp_path / "corpus.json"
    import_files(files, db)
    return db


def test_a_meeting_two_articles_report_is_one_meeting_with_its_history() -> None:
    loaded = load_files([EXPECTS, REPORTS])
    talks = [m for m in loaded.meetings if m.id == TALKS]
    assert len(talks) == 1
    meeting = talks[0]
    assert meeting.articles == ("iwaya-visit-expected-2024", "iwaya-wang-yi-talks-2024")
    assert [(r.article, r.published.isoformat(), r.status) for r in meeting.reports] == [
        ("iwaya-visit-expected-2024", "2024-12-14", "expected"),
        ("iwaya-wang-yi-talks-2024", "2024-12-25", "happened"),
    ]
    # The current status is the newest article's, whatever order the files come in.
    assert meeting.status == "happened"
    assert meeting.when is not None and meeting.when.iso() == "2024-12-25"
    assert meeting.participants == SPEAKERS
    # Each article's own evidence stays with its report, and supports the meeting there.
    assert "is expected to visit Beijing" in meeting.reports[0].evidence[0]
    assert "held talks with Wang Yi" in meeting.reports[1].evidence[0]
    assert {s.article for s in meeting.spans} == set(meeting.articles)
    assert load_files([REPORTS, EXPECTS]).meetings[0].reports == meeting.reports


def test_show_meeting_json_lists_both_articles_and_the_status_history(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", TALKS, "--db", str(database), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["articles"] == ["iwaya-visit-expected-2024", "iwaya-wang-yi-talks-2024"]
    assert shown["status"] == "happened"
    assert [(r["article"], r["published"], r["status"], r["when"]) for r in shown["reports"]] == [
        ("iwaya-visit-expected-2024", "2024-12-14", "expected", "2024-12-25"),
        ("iwaya-wang-yi-talks-2024", "2024-12-25", "happened", "2024-12-25"),
    ]
    assert all(r["evidence"] for r in shown["reports"])
    assert main(["show", TALKS, "--db", str(database)]) == 0
    out = capsys.readouterr().out
    assert "status history: expected, 14 Dec 2024 → happened, 25 Dec 2024" in out
    assert "articles: iwaya-visit-expected-2024, iwaya-wang-yi-talks-2024" in out


def test_a_single_article_meeting_still_lists_its_article(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", "preparatory-talks-tokyo-2024", "--db", str(database), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["articles"] == ["iwaya-visit-expected-2024"]
    assert [(r["status"], r["when"]) for r in shown["reports"]] == [("expected", "2024-12-18")]


async def test_the_timeline_shows_the_meeting_once() -> None:
    from tests.test_timeline import Host

    corpus = corpus_from_files([EXPECTS, REPORTS])
    app = Host(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        shown = [m.id for m in screen.shown_meetings()]  # type: ignore[attr-defined]
        assert shown.count(TALKS) == 1
        assert sorted(shown) == sorted(corpus.meetings)
        # Its status is the newest article's, and the row names that article and its day.
        from tests.test_timeline import option_texts

        [talks] = [t for t in option_texts(screen) if "Iwaya–Wang Yi talks in Beijing" in t]
        assert "happened" in talks
        assert "in Iwaya and Wang Yi hold talks in Beijing, status as of 25 Dec 2024" in talks


def test_a_joint_statement_is_listed_under_each_speaker(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for speaker in SPEAKERS:
        assert main(["show", speaker, "--db", str(database)]) == 0
        out = capsys.readouterr().out
        assert "statement: “The two sides will work towards an early visit" in out, speaker
    assert main(["show", JOINT, "--db", str(database)]) == 0
    out = capsys.readouterr().out
    assert "speakers: Takeshi Iwaya, Wang Yi" in out
    assert "speaker: Takeshi Iwaya" in out and "speaker: Wang Yi" in out
    assert main(["show", JOINT, "--db", str(database), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["speaker"] == list(SPEAKERS)


@pytest.mark.parametrize("query", ["speaker:iwaya", "speaker:wang", "speaker:wang-yi"])
def test_speaker_search_finds_a_joint_statement_by_any_speaker(
    query: str, database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = corpus_from_files([EXPECTS, REPORTS])
    assert JOINT in {h.quote.id for h in SearchIndex(corpus).search(query).hits}
    stored = open_index(database)
    assert JOINT in {h.quote.id for h in stored.search(query).hits}
    stored.close()
    assert main(["search", query, "--db", str(database), "--json"]) == 0
    assert JOINT in capsys.readouterr().out
    # Only quotes of that speaker: a joint statement of others is not among them.
    hits = {h.quote.id for h in SearchIndex(corpus).search(query).hits}
    assert "ishiba-xi-strategic-relationship" not in hits


@pytest.mark.parametrize("indexed", [False, True])
async def test_the_app_relates_a_joint_statement_to_each_speaker(
    indexed: bool, database: Path, tmp_path: Path
) -> None:
    if indexed:
        app = build_app(
            None,
            notes=NotesStore(tmp_path / "notes.json"),
            loader=partial(load_indexed_corpus, database),
        )
    else:
        app = build_app(corpus_from_files([EXPECTS, REPORTS]))
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_until_loaded(pilot)
        main_screen = app.main
        quotes = main_screen.pane("quote")
        for speaker in SPEAKERS:
            ref = Ref("actor", speaker)
            assert app.goto(ref)
            await wait_for(pilot, lambda r=ref: main_screen.current == r, f"{speaker} current")
            related = quotes.shown[: quotes.related_count]
            assert JOINT in related, speaker
            row = related.index(JOINT)
            assert quotes.row_content(row).plain.startswith(RELATED_MARK)
        # Its row names both speakers (cut to the pane's width here; whole when room allows).
        joint = app.corpus.quotes[JOINT]
        assert str(quote_row(app.corpus, joint)).endswith("— Takeshi Iwaya, Wang Yi")
        # The quote's detail names both speakers, each a link.
        assert app.goto(Ref("quote", JOINT))
        await wait_for(pilot, lambda: main_screen.current == Ref("quote", JOINT), "quote")
        detail = "\n".join(str(o.prompt) for o in main_screen.detail.options)
        assert "speakers: Takeshi Iwaya, Wang Yi" in detail
        assert {Ref("actor", s) for s in SPEAKERS} <= set(main_screen.detail.links)


def test_roles_over_time_in_show_and_the_newest_role_is_current(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for order in ([EXPECTS, REPORTS], [REPORTS, EXPECTS]):
        wang = next(a for a in load_files(order).actors if a.id == "wang-yi")
        assert wang.role == "China's top diplomat"  # the newest article's, not the first file's
        assert wang.note == "Iwaya's Chinese counterpart."  # the only one given
        assert [(r.article, r.role) for r in wang.roles] == [
            ("iwaya-visit-expected-2024", "Chinese Foreign Minister"),
            ("iwaya-wang-yi-talks-2024", "China's top diplomat"),
        ]
    assert main(["show", "wang-yi", "--db", str(database)]) == 0
    out = capsys.readouterr().out
    assert (
        "roles over time: Chinese Foreign Minister (14 Dec 2024) → China's top diplomat "
        "(25 Dec 2024)"
    ) in out
    assert main(["show", "wang-yi", "--db", str(database), "--json"]) == 0
    roles = json.loads(capsys.readouterr().out)["roles"]
    assert [(r["published"], r["role"]) for r in roles] == [
        ("2024-12-14", "Chinese Foreign Minister"),
        ("2024-12-25", "China's top diplomat"),
    ]


async def test_the_detail_pane_shows_roles_over_time_and_the_status_history() -> None:
    app = build_app(corpus_from_files([EXPECTS, REPORTS]))
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_until_loaded(pilot)
        for ref, wanted in (
            (Ref("actor", "wang-yi"), "roles over time: Chinese Foreign Minister (14 Dec 2024)"),
            (Ref("meeting", TALKS), "status history: expected, 14 Dec 2024 → happened, 25 Dec"),
        ):
            assert app.goto(ref)
            await wait_for(pilot, lambda r=ref: app.main.current == r, f"{ref} current")
            detail = "\n".join(str(o.prompt) for o in app.main.detail.options)
            assert wanted in detail
        # Its row in the Meetings pane says it comes from both articles.
        meetings = app.main.pane("meeting")
        assert "in 2 articles" in meetings.row_content(meetings.shown.index(TALKS)).plain


@pytest.mark.parametrize(
    ("field", "old", "new"),
    [
        ("title", "title: Iwaya–Wang Yi talks in Beijing", "title: Iwaya in Beijing"),
        ("where", "where: Beijing\n    status: happened", "where: Shanghai\n    status: happened"),
    ],
)
def test_a_different_title_or_place_is_a_conflict_naming_both_files_and_lines(
    field: str, old: str, new: str, files: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = files
    text = second.read_text(encoding="utf-8")
    assert old in text
    second.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as failure:
        load_files(files)
    [problem] = failure.value.problems
    line_here = next(
        n for n, line in enumerate(second.read_text().splitlines(), 1) if new.split("\n")[0] in line
    )
    line_there = next(
        n
        for n, line in enumerate(first.read_text().splitlines(), 1)
        if line.strip().startswith(f"{field}:") and n > 40
    )
    message = str(problem)
    assert message.startswith(f"{second}:{line_here}:")
    assert f"meeting {TALKS!r}: {field}" in message
    assert f"{first}:{line_there}:" in message
    assert main(["check", *map(str, files)]) != 0
    assert f"{first}:{line_there}:" in capsys.readouterr().err


def test_a_different_name_is_still_an_error(files: list[Path]) -> None:
    second = files[1]
    text = second.read_text(encoding="utf-8")
    second.write_text(text.replace("name: Wang Yi", "name: Wang I", 1), encoding="utf-8")
    with pytest.raises(DataError, match="actor 'wang-yi': name 'Wang I' conflicts"):
        load_files(files)


def test_check_says_which_format_each_file_uses(
    files: list[Path], seed_paths: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", *map(str, files), *map(str, seed_paths)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("3 files OK: 3 articles,")
    assert f"{files[1]}: format 1.1 (declared; joint statements; a meeting that" in out
    assert f"{seed_paths[0]}: format 1\n" in out
    # Undeclared, the format is inferred from what a file uses.
    plain = tmp_path / "plain"
    plain.mkdir()
    for path in files:
        text = path.read_text(encoding="utf-8").replace('format: "1.1"\n', "")
        (plain / path.name).write_text(text, encoding="utf-8")
    assert main(["check", str(plain / EXPECTS.name)]) == 0
    assert f"{plain / EXPECTS.name}: format 1\n" in capsys.readouterr().out
    assert main(["check", *(str(plain / p.name) for p in files)]) == 0
    out = capsys.readouterr().out
    assert f"{plain / EXPECTS.name}: format 1.1 (a meeting that {plain / REPORTS.name}" in out
    assert f"{plain / REPORTS.name}: format 1.1 (joint statements; a meeting" in out


def test_check_shows_a_file_name_that_looks_like_markup_as_it_is(
    seed_paths: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "a[" / "b]"  # the path reads "a[/b]": a closing tag to Rich
    folder.mkdir(parents=True)
    odd = folder / "[red]seed.yaml"
    shutil.copy(seed_paths[0], odd)
    assert main(["check", str(odd)]) == 0
    captured = capsys.readouterr()
    assert f"  {odd}: format 1\n" in captured.out
    assert "Traceback" not in captured.err


def test_a_file_that_declares_format_1_cannot_list_speakers(
    files: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    second = files[1]
    second.write_text(
        second.read_text(encoding="utf-8").replace('format: "1.1"', "format: 1"), encoding="utf-8"
    )
    assert main(["check", str(files[0]), str(second)]) != 0
    err = capsys.readouterr().err
    assert "a list of speakers (a joint statement) is format 1.1" in err
    second.write_text(
        second.read_text(encoding="utf-8").replace("format: 1", "format: 2"), encoding="utf-8"
    )
    assert main(["check", str(files[0]), str(second)]) != 0
    assert "'2' is not one of" in capsys.readouterr().err


def test_the_json_export_round_trips_format_1_1(database: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    assert main(["export", "--format", "json", "--db", str(database), "--out", str(out)]) == 0
    original = load_files([EXPECTS, REPORTS])
    again = load_files([out])
    assert again.meetings == original.meetings
    assert [m.reports for m in again.meetings] == [m.reports for m in original.meetings]
    assert [m.spans for m in again.meetings] == [m.spans for m in original.meetings]
    assert again.actors == original.actors
    assert [a.roles for a in again.actors] == [a.roles for a in original.actors]
    assert again.quotes == original.quotes
    documents = json.loads(out.read_text(encoding="utf-8"))["articles"]
    assert [d.get("format") for d in documents] == ["1.1", "1.1"]
    # Imported again, the export gives the same database as the files.
    db = tmp_path / "again.json"
    assert main(["import", str(out), "--db", str(db)]) == 0
    assert open_index(db).meetings[TALKS].reports == original.meetings[0].reports


def test_one_articles_export_keeps_its_own_account(database: Path, tmp_path: Path) -> None:
    from explorer.data.sources import open_corpus

    corpus = open_corpus(database)
    documents = json.loads(render(select(corpus, article="iwaya-visit-expected-2024"), "json"))
    [document] = documents["articles"]
    talks = next(m for m in document["meetings"] if m["id"] == TALKS)
    assert talks["status"] == "expected"
    wang = next(a for a in document["actors"] if a["id"] == "wang-yi")
    assert wang["role"] == "Chinese Foreign Minister"


def test_the_briefing_has_roles_over_time_and_the_status_history(database: Path) -> None:
    from explorer.data.sources import open_corpus

    text = render(select(open_corpus(database)), "markdown")
    assert "roles over time: Chinese Foreign Minister (14 Dec 2024) → China's top diplomat" in text
    assert "expected, 14 Dec 2024 → happened, 25 Dec 2024" in text
    assert "— Takeshi Iwaya and Wang Yi, paraphrase" in text


def test_an_incremental_reimport_of_a_changed_file_equals_a_fresh_import(
    files: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kept.json"
    assert main(["import", *map(str, files), "--db", str(db)]) == 0
    # The first article now gives Wang Yi another role and the talks another date.
    first = files[0]
    text = first.read_text(encoding="utf-8")
    text = text.replace("role: Chinese Foreign Minister", "role: Foreign Minister of China")
    text = text.replace('when: "2024-12-25"', 'when: "2024-12"')
    first.write_text(text, encoding="utf-8")
    assert main(["import", *map(str, files), "--db", str(db)]) == 0
    assert "1 file parsed" in capsys.readouterr().out
    fresh = tmp_path / "fresh.json"
    assert main(["import", *map(str, files), "--db", str(fresh), "--no-cache"]) == 0
    assert db.read_bytes() == fresh.read_bytes()
    same_index(db, fresh)
    corpus: Corpus = open_index(db)
    assert [r.when.iso() for r in corpus.meetings[TALKS].reports if r.when] == [
        "2024-12",
        "2024-12-25",
    ]
    assert corpus.actors["wang-yi"].roles[0].role == "Foreign Minister of China"


def test_a_database_of_the_earlier_layout_asks_for_an_import(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A database written before format 1.1 lacks its reports and roles: it is refused with
    one message (never read as if it had none)."""
    data = database.read_bytes()
    first_line = data.index(b"\n")
    meta = json.loads(data[9 : first_line - 1])
    meta["1"]["format"] = 1
    database.write_bytes(b'{"meta": ' + json.dumps(meta).encode() + b",\n" + data[first_line + 1 :])
    assert main(["show", TALKS, "--db", str(database)]) != 0
    err = capsys.readouterr().err
    assert "database format 1, expected 2; rebuild it with `explorer import`" in err


def test_a_conflict_between_cached_files_names_both_files_and_lines(
    files: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Through `explorer import`'s parse cache: the unchanged file is read from the cache,
    the changed one parsed, and the conflict still names both files and lines."""
    db = tmp_path / "corpus.json"
    assert main(["import", *map(str, files), "--db", str(db)]) == 0
    before = db.read_bytes()
    first, second = files
    text = second.read_text(encoding="utf-8")
    second.write_text(text.replace("where: Beijing", "where: Shanghai", 1), encoding="utf-8")
    capsys.readouterr()
    assert main(["import", *map(str, files), "--db", str(db)]) != 0
    err = capsys.readouterr().err
    line_here = next(
        n for n, line in enumerate(second.read_text().splitlines(), 1) if "Shanghai" in line
    )
    line_there = next(
        n for n, line in enumerate(first.read_text().splitlines(), 1) if "where: Beijing" in line
    )
    assert f"{second}:{line_here}:" in err
    assert (
        f"meeting {TALKS!r}: where 'Shanghai' conflicts with 'Beijing' at {first}:{line_there}:"
        in err
    )
    assert db.read_bytes() == before  # the database is left as it was

"""Many articles in one database: shared actors merge, conflicts are located in both files,
re-import parses only what changed, and the fast path writes what the plain importer would."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.cli import main
from explorer.data import DataError, load_files, open_corpus
from explorer.data import incremental as incremental_module
from explorer.data.incremental import cache_path_for, import_corpus
from explorer.data.sources import fingerprint
from explorer.data.store import load_database, load_database_file, open_database, serialize
from explorer.data.text import _FOLD, _SPACE, FoldedText
from tests.articles import VALID, write

SECOND = """\
article:
  id: second-article
  title: Ministers meet again
  published: 2025-03-02
  body: |
    Alice Smith met Carol White in Rome on Friday.

    "It went well," said Carol White.
actors:
  - id: alice-smith
    name: Alice Smith
    kind: person
    role: Minister
  - id: carol-white
    name: Carol White
    kind: person
meetings:
  - id: rome-talks
    title: Talks in Rome
    when: 2025-02-28
    status: happened
    participants: [alice-smith, carol-white]
    evidence: [Alice Smith met Carol White in Rome on Friday.]
quotes:
  - id: carol-well
    text: It went well,
    speaker: carol-white
    kind: direct
    meeting: rome-talks
  - id: alice-agreed-again
    text: We agreed again.
    speaker: alice-smith
    kind: paraphrase
    evidence: [Alice Smith met Carol White in Rome on Friday.]
"""


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


@pytest.fixture
def two(tmp_path: Path) -> list[Path]:
    return [write(tmp_path, VALID, "first.yaml"), write(tmp_path, SECOND, "second.yaml")]


def test_two_articles_sharing_an_actor_give_one_actor_with_everything_of_both(
    two: list[Path], tmp_path: Path, capsys
) -> None:
    db = tmp_path / "corpus.json"
    assert main(["import", *map(str, two), "--db", str(db)]) == 0
    assert "imported 2 articles" in capsys.readouterr().out
    corpus = open_corpus(db)
    assert set(corpus.articles) == {"test-article", "second-article"}
    alice = corpus.actors["alice-smith"]
    assert [a for a in corpus.actors if a == "alice-smith"] == ["alice-smith"]
    assert alice.articles == ("test-article", "second-article")
    assert alice.role == "Minister", "a field only the second article gives is kept"
    assert alice.member_of == ("ministry",)
    assert set(corpus.meetings_of_actor["alice-smith"]) == {"paris-talks", "rome-talks"}
    assert set(corpus.quotes_by_actor["alice-smith"]) == {"alice-agreed", "alice-agreed-again"}
    assert {span.article for span in alice.spans} == {"test-article", "second-article"}
    # Her mentions in each article point into that article's own body.
    for span in alice.spans:
        body = corpus.articles[span.article].body
        assert body[span.start : span.end] == "Alice Smith"


@pytest.mark.parametrize(
    ("field", "old", "new"),
    [("name", "Alice Smith", "Alice Smyth"), ("kind", "person", "group")],
)
def test_a_conflicting_field_is_reported_with_both_files_lines_and_values(
    field: str, old: str, new: str, two: list[Path], tmp_path: Path, capsys
) -> None:
    first, _ = two
    anchor = "  - id: alice-smith\n    name: Alice Smith\n    kind: person\n    role: Minister"
    changed = SECOND.replace(anchor, anchor.replace(f"{field}: {old}", f"{field}: {new}"))
    assert changed != SECOND
    second = write(tmp_path, changed, "second.yaml")
    db = tmp_path / "corpus.json"
    db.write_text("previous", encoding="utf-8")

    assert main(["import", str(first), str(second), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    mine = line_of(changed, f"{field}: {new}")
    theirs = line_of(VALID, f"{field}: {old}")
    assert f"{second}:{mine}:" in err
    assert f"{first}:{theirs}:" in err
    assert f"{field} {new!r} conflicts with {old!r}" in err
    assert "Traceback" not in err
    assert db.read_text(encoding="utf-8") == "previous", "nothing is written on a problem"


def broken_corpora(tmp_path: Path) -> dict[str, list[Path]]:
    """Corpora each wrong in one way that only shows across files (or in one file)."""
    valid = write(tmp_path, VALID, "valid.yaml")
    second = write(tmp_path, SECOND, "second.yaml")
    return {
        "same article id": [
            valid,
            write(tmp_path, SECOND.replace("id: second-article", "id: test-article"), "a.yaml"),
        ],
        "same meeting id": [
            valid,
            write(tmp_path, SECOND.replace("id: rome-talks", "id: paris-talks"), "b.yaml"),
        ],
        "same quote id": [
            valid,
            write(tmp_path, SECOND.replace("id: carol-well", "id: alice-agreed"), "c.yaml"),
        ],
        "unknown speaker": [
            valid,
            write(tmp_path, SECOND.replace("speaker: carol-white", "speaker: nobody"), "d.yaml"),
        ],
        "bad file among good": [
            valid,
            write(tmp_path, SECOND.replace("status: happened", "status: maybe"), "e.yaml"),
            second,
        ],
        "unreadable": [valid, tmp_path / "missing.yaml", second],
        "name conflict": [
            valid,
            write(tmp_path, SECOND.replace("name: Alice Smith", "name: A. Smith"), "f.yaml"),
            write(tmp_path, SECOND.replace("second-article", "third-article"), "g.yaml"),
        ],
    }


def test_every_problem_is_the_one_the_plain_importer_reports(tmp_path: Path) -> None:
    for case, paths in broken_corpora(tmp_path).items():
        with pytest.raises(DataError) as expected:
            load_files(paths)
        db = tmp_path / f"{case}.json"
        # Twice: once parsing everything, once with the valid files' results cached.
        for _ in range(2):
            with pytest.raises(DataError) as found:
                import_corpus(paths, db)
            assert found.value.problems == expected.value.problems, case
        assert not db.exists()


def test_reimport_parses_only_files_that_changed(two: list[Path], tmp_path: Path) -> None:
    db = tmp_path / "corpus.json"
    first = import_corpus(two, db)
    assert (first.parsed, first.reused) == (2, 0)
    again = import_corpus(two, db)
    assert (again.parsed, again.reused) == (0, 2)
    assert open_corpus(db).articles["second-article"].title == "Ministers meet again"

    two[1].write_text(SECOND.replace("Ministers meet again", "Ministers meet twice"), "utf-8")
    changed = import_corpus(two, db)
    assert (changed.parsed, changed.reused) == (1, 1)
    assert open_corpus(db).articles["second-article"].title == "Ministers meet twice"


def test_reimport_through_the_command_says_what_it_skipped(
    two: list[Path], tmp_path: Path, capsys
) -> None:
    db = tmp_path / "corpus.json"
    assert main(["import", *map(str, two), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["import", *map(str, two), "--db", str(db)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "0 files parsed, 2 unchanged since the last import" in out
    assert main(["import", *map(str, two), "--db", str(db), "--no-cache"]) == 0
    assert "2 files parsed" in capsys.readouterr().out


def test_a_damaged_or_foreign_cache_is_ignored(two: list[Path], tmp_path: Path) -> None:
    db = tmp_path / "corpus.json"
    import_corpus(two, db)
    entries = sorted(cache_path_for(db).iterdir())
    assert len(entries) == 2
    entries[0].write_bytes(entries[0].read_bytes()[:-10])  # torn
    entries[1].write_bytes(b"12 4\n{not json at all")
    summary = import_corpus(two, db)
    assert summary.parsed == 2
    assert set(open_corpus(db).articles) == {"test-article", "second-article"}


def test_a_changed_validation_rule_misses_the_cache(
    two: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "corpus.json"
    import_corpus(two, db)
    monkeypatch.setattr(incremental_module, "_code_version", lambda: "other code")
    assert import_corpus(two, db).parsed == 2
    assert len(list(cache_path_for(db).iterdir())) == 2, "old entries are pruned"


def test_the_fast_path_writes_what_the_plain_importer_writes(
    tmp_path: Path, seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from explorer.bench.corpus import write_corpus

    paths = [*write_corpus(6, tmp_path / "corpus"), *seed_paths]
    expected = json.loads(serialize(load_files(paths), fingerprint(paths)))
    monkeypatch.setattr(incremental_module, "PARALLEL_THRESHOLD", 2)
    for jobs in (1, 2):
        db = tmp_path / f"fast-{jobs}.json"
        import_corpus(paths, db, jobs=jobs)
        assert json.loads(db.read_bytes()) == expected
        import_corpus(paths, db, jobs=jobs)  # from the cache
        assert json.loads(db.read_bytes()) == expected


def test_the_line_reader_gives_the_same_models_as_reading_the_whole_file(
    two: list[Path], tmp_path: Path
) -> None:
    db = tmp_path / "corpus.json"
    import_corpus(two, db)
    whole = load_database(open_database(db), str(db))
    assert load_database_file(db) == whole
    assert [a.spans for a in load_database_file(db).actors] == [a.spans for a in whole.actors]
    # The same document on one line (as a person or another tool may write it) still loads.
    single = tmp_path / "single.json"
    single.write_text(json.dumps(json.loads(db.read_bytes())), encoding="utf-8")
    assert load_database_file(single) == whole


def test_a_truncated_line_database_is_a_clear_error(two: list[Path], tmp_path: Path) -> None:
    db = tmp_path / "corpus.json"
    import_corpus(two, db)
    lines = db.read_bytes().splitlines(keepends=True)
    db.write_bytes(b"".join(lines[: len(lines) // 2]))
    with pytest.raises(Exception, match="not an explorer database"):
        open_corpus(db)


def _reference_fold(text: str) -> tuple[str, list[int], dict[int, int]]:
    """The straightforward one-entry-a-character map the fast FoldedText must agree with."""
    source = text.translate(_FOLD)
    folded, offsets, index = [], [], 0
    for match in _SPACE.finditer(source):
        folded.append(source[index : match.start()])
        offsets.extend(range(index, match.start()))
        folded.append(" ")
        offsets.append(match.start())
        index = match.end()
    folded.append(source[index:])
    offsets.extend(range(index, len(source)))
    return "".join(folded), offsets, {m.start(): m.end() for m in _SPACE.finditer(source)}


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(list("ab c\n\t’“”'\" \u00a0.")), max_size=30))
def test_folded_text_maps_every_excerpt_back_like_the_reference(text: str) -> None:
    folded, offsets, space_ends = _reference_fold(text)
    fast = FoldedText(text)
    assert fast.folded == folded
    for start in range(len(folded)):
        for end in range(start + 1, len(folded) + 1):
            last = offsets[end - 1]
            assert fast._to_original(start, end) == (offsets[start], space_ends.get(last, last + 1))


def test_import_of_a_generated_corpus_reports_its_size(tmp_path: Path, capsys) -> None:
    from explorer.bench.corpus import write_corpus

    paths = write_corpus(3, tmp_path / "corpus", seed=7)
    db = tmp_path / "corpus.json"
    assert main(["import", *map(str, paths), "--db", str(db)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    found = re.search(r"imported 3 articles: (\d+) actors, 24 meetings, 150 quotes", out)
    assert found, out
    assert len(open_corpus(db).actors) == int(found.group(1))

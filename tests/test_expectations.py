"""Expectations followed up: each planned or expected meeting is fulfilled, changed, open or
overdue, from the articles' reports, the same from the index as from memory."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from explorer.data import Corpus, PartialDate, When, corpus_from_files, import_files
from explorer.data.dates import parse_when
from explorer.data.expectations import (
    Expectations,
    expectation_kinds,
    expectations,
    expectations_among,
    find_expectations,
    follow_up,
)
from explorer.data.index import IndexedCorpus, open_indexed
from explorer.data.models import MeetingReport as Report
from tests.articles import write


def day(text: str) -> date:
    return date.fromisoformat(text)


def when(text: str) -> When:
    return parse_when(text)


EXPECTED = Report("a", day("2024-12-10"), "expected", when("2024-12-25"))


# -- each kind, from the reports ---------------------------------------------------------


def test_a_later_report_that_it_happened_fulfils_it() -> None:
    held = Report("b", day("2024-12-27"), "happened", when("2024-12-25"))
    found = follow_up([EXPECTED, held], day("2024-12-27"))
    assert found is not None
    assert (found.kind, found.expected, found.outcome) == ("fulfilled", EXPECTED, held)


def test_under_way_counts_as_fulfilled() -> None:
    ongoing = Report("b", day("2024-12-26"), "ongoing")
    found = follow_up([EXPECTED, ongoing], day("2024-12-26"))
    assert found is not None and found.kind == "fulfilled"


def test_another_date_changes_it() -> None:
    moved = Report("b", day("2024-12-20"), "planned", when("2025-01-15"))
    found = follow_up([EXPECTED, moved], day("2024-12-20"))
    assert found is not None
    assert (found.kind, found.outcome, found.change) == ("changed", moved, "new date")
    assert found.due == when("2025-01-15")


@pytest.mark.parametrize("status", ["postponed", "cancelled"])
def test_postponed_or_cancelled_changes_it(status: str) -> None:
    called_off = Report("b", day("2024-12-20"), status)
    found = follow_up([EXPECTED, called_off], day("2024-12-20"))
    assert found is not None and (found.kind, found.change) == ("changed", status)


def test_a_date_told_more_precisely_is_no_change() -> None:
    vague = Report("a", day("2024-12-01"), "expected", when("2024-12"))
    precise = Report("b", day("2024-12-10"), "expected", when("2024-12-25"))
    found = follow_up([vague, precise], day("2024-12-10"))
    assert found is not None
    assert (found.kind, found.due, found.expected) == ("open", when("2024-12-25"), vague)


def test_changed_then_held_is_fulfilled() -> None:
    moved = Report("b", day("2024-12-20"), "planned", when("2025-01-15"))
    held = Report("c", day("2025-01-16"), "happened", when("2025-01-15"))
    found = follow_up([EXPECTED, moved, held], day("2025-01-16"))
    assert found is not None and (found.kind, found.outcome) == ("fulfilled", held)


def test_no_later_report_is_open_until_its_date_has_passed() -> None:
    open_ = follow_up([EXPECTED], day("2024-12-25"))  # the day itself has not passed
    overdue = follow_up([EXPECTED], day("2024-12-26"))
    assert open_ is not None and open_.kind == "open"
    assert overdue is not None and overdue.kind == "overdue"


def test_a_month_is_overdue_only_once_it_is_over() -> None:
    december = Report("a", day("2024-11-01"), "expected", when("2024-12"))
    assert follow_up([december], day("2024-12-31")).kind == "open"  # type: ignore[union-attr]
    assert follow_up([december], day("2025-01-01")).kind == "overdue"  # type: ignore[union-attr]


def test_undated_is_never_overdue() -> None:
    undated = Report("a", day("2020-01-01"), "expected")
    found = follow_up([undated], day("2025-01-01"))
    assert found is not None and found.kind == "open"


def test_a_meeting_never_expected_is_no_expectation() -> None:
    assert follow_up([Report("a", day("2024-12-10"), "happened")], day("2025-01-01")) is None


def test_an_expectation_after_the_meeting_was_held_is_followed_from_there() -> None:
    held = Report("a", day("2024-01-10"), "happened", when("2024-01-09"))
    again = Report("b", day("2024-12-10"), "expected", when("2025-06"))
    found = follow_up([held, again], day("2024-12-10"))
    assert found is not None and (found.kind, found.expected) == ("open", again)


# -- a corpus of two articles (format 1.0: each meeting in one article) ------------------

ANNOUNCED = """\
article:
  id: summit-announced
  title: Leaders to meet
  published: 2024-12-10
  body: |
    Alice Smith will meet Bob Jones in Paris on 20 December.

    A visit to Rome is expected in March.

    A state visit is expected, officials said.
actors:
  - id: alice-smith
    name: Alice Smith
    kind: person
  - id: bob-jones
    name: Bob Jones
    kind: person
meetings:
  - id: paris-summit
    title: Paris summit
    when: 2024-12-20
    where: Paris
    status: planned
    participants: [alice-smith, bob-jones]
    evidence: [Alice Smith will meet Bob Jones in Paris on 20 December.]
  - id: rome-visit
    title: Visit to Rome
    when: 2025-03
    status: expected
    participants: [alice-smith]
    evidence: [A visit to Rome is expected in March.]
  - id: state-visit
    title: A state visit
    status: expected
    participants: [bob-jones]
    evidence: [A state visit is expected, officials said.]
"""

LATER = """\
article:
  id: later-news
  title: Ministers talk
  published: 2025-01-05
  body: |
    Alice Smith spoke to Bob Jones by phone on Friday.
actors:
  - id: alice-smith
    name: Alice Smith
    kind: person
  - id: bob-jones
    name: Bob Jones
    kind: person
meetings:
  - id: phone-call
    title: Planned
    when: 2025-01-03
    status: happened
    participants: [alice-smith, bob-jones]
    evidence: [Alice Smith spoke to Bob Jones by phone on Friday.]
"""


@pytest.fixture(scope="module")
def two_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("two")
    return [write(folder, ANNOUNCED, "announced.yaml"), write(folder, LATER, "later.yaml")]


@pytest.fixture(scope="module")
def two_db(tmp_path_factory: pytest.TempPathFactory, two_files: list[Path]) -> Path:
    db = tmp_path_factory.mktemp("two-db") / "corpus.json"
    import_files(two_files, db)
    return db


def test_each_planned_or_expected_meeting_is_listed_by_kind(two_files: list[Path]) -> None:
    found = find_expectations(corpus_from_files(two_files))
    assert found.as_of == day("2025-01-05")  # the newest article's publication
    assert [(e.meeting, e.kind) for e in found.items] == [
        ("rome-visit", "open"),
        ("state-visit", "open"),
        ("paris-summit", "overdue"),  # 20 Dec had passed by 5 Jan, and nothing since
    ]
    assert found.counts() == {"fulfilled": 0, "changed": 0, "open": 2, "overdue": 1}
    summit = found.items[2]
    assert summit.expected.sentence == "Alice Smith will meet Bob Jones in Paris on 20 December."
    assert (summit.expected.article_title, summit.expected.status) == ("Leaders to meet", "planned")
    assert summit.due == When(PartialDate(2024, 12, 20)) and summit.outcome is None


def test_the_index_gives_the_same_reading_only_the_expected_meetings(
    two_db: Path, two_files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    indexed = open_indexed(two_db)
    assert isinstance(indexed, IndexedCorpus)
    # Only the meetings whose rows hold "planned" or "expected" are read (the happened
    # one titled "Planned" is let through by the filter, and dropped by the check).
    read = [m.id for m in indexed.meetings_holding(["planned", "expected"])]
    assert sorted(read) == ["paris-summit", "phone-call", "rome-visit", "state-visit"]
    monkeypatch.setattr(type(indexed.meetings), "values", lambda self: pytest.fail("scanned"))
    memory = find_expectations(corpus_from_files(two_files))
    assert find_expectations(indexed) == memory
    assert expectation_kinds(indexed) == memory.kinds()


def test_the_index_reads_the_v11_reports_as_memory_does(tmp_path: Path) -> None:
    files = sorted(V11.glob("*.yaml"))
    import_files(files, tmp_path / "corpus.json")
    indexed = open_indexed(tmp_path / "corpus.json")
    assert isinstance(indexed, IndexedCorpus)
    memory = find_expectations(corpus_from_files(files))
    assert find_expectations(indexed) == memory
    assert (
        expectation_kinds(indexed)
        == memory.kinds()
        == {
            "iwaya-wang-yi-talks-2024": "fulfilled",
            "preparatory-talks-tokyo-2024": "overdue",
        }
    )


def test_worked_out_once_per_corpus(two_files: list[Path]) -> None:
    corpus = corpus_from_files(two_files)
    assert expectations(corpus) is expectations(corpus)


def test_the_seed_expects_three_meetings_none_overdue(seed_corpus: Corpus) -> None:
    found = expectations(seed_corpus)
    assert {e.meeting: e.kind for e in found.items} == {
        "trump-inauguration-2025": "open",
        "wang-yi-japan-visit-2025": "open",
        "xi-state-visit-japan": "open",
    }


# -- format 1.1: one meeting, reported by several articles -------------------------------

V11 = Path(__file__).resolve().parent / "corpus_v11"

MOVED = """\
article:
  id: summit-moved
  title: Paris summit moved to January
  published: 2024-12-18
  body: |
    Alice Smith and Bob Jones will now meet in Paris on 15 January, officials said.
actors:
  - id: alice-smith
    name: Alice Smith
    kind: person
  - id: bob-jones
    name: Bob Jones
    kind: person
meetings:
  - id: paris-summit
    title: Paris summit
    when: 2025-01-15
    where: Paris
    status: planned
    participants: [alice-smith, bob-jones]
    evidence: [Alice Smith and Bob Jones will now meet in Paris on 15 January, officials said.]
"""

HELD = """\
article:
  id: summit-held
  title: Leaders met in Paris
  published: 2024-12-21
  body: |
    Alice Smith met Bob Jones in Paris on Friday.
actors:
  - id: alice-smith
    name: Alice Smith
    kind: person
  - id: bob-jones
    name: Bob Jones
    kind: person
meetings:
  - id: paris-summit
    title: Paris summit
    when: 2024-12-20
    where: Paris
    status: happened
    participants: [alice-smith, bob-jones]
    evidence: [Alice Smith met Bob Jones in Paris on Friday.]
"""


def test_the_v11_corpus_fulfils_the_talks_and_the_third_meeting_is_overdue() -> None:
    found = find_expectations(corpus_from_files(sorted(V11.glob("*.yaml"))))
    assert found.as_of == day("2024-12-25")
    assert [(e.meeting, e.kind) for e in found.items] == [
        ("iwaya-wang-yi-talks-2024", "fulfilled"),
        ("preparatory-talks-tokyo-2024", "overdue"),  # 18 Dec, and nothing by 25 Dec
    ]
    talks = found.items[0]
    assert talks.outcome is not None
    # Both sentences: the article that expected the talks, and the one that reports them.
    assert (talks.expected.article, talks.expected.said) == (
        "iwaya-visit-expected-2024",
        "expected for 25 Dec 2024",
    )
    assert talks.expected.sentence is not None
    assert talks.expected.sentence.startswith("Japanese Foreign Minister Takeshi Iwaya is expected")
    assert (talks.outcome.article, talks.outcome.said) == (
        "iwaya-wang-yi-talks-2024",
        "happened on 25 Dec 2024",
    )
    assert talks.outcome.sentence is not None
    assert talks.outcome.sentence.startswith("Japanese Foreign Minister Takeshi Iwaya held talks")


def test_a_later_article_that_reports_it_held_fulfils_it(tmp_path: Path) -> None:
    files = [write(tmp_path, ANNOUNCED, "a.yaml"), write(tmp_path, HELD, "b.yaml")]
    found = find_expectations(corpus_from_files(files))
    summit = next(e for e in found.items if e.meeting == "paris-summit")
    assert summit.kind == "fulfilled" and summit.outcome is not None
    assert summit.expected.sentence == "Alice Smith will meet Bob Jones in Paris on 20 December."
    assert summit.outcome.sentence == "Alice Smith met Bob Jones in Paris on Friday."


def test_a_later_article_with_another_date_changes_it(tmp_path: Path) -> None:
    files = [write(tmp_path, ANNOUNCED, "a.yaml"), write(tmp_path, MOVED, "b.yaml")]
    corpus = corpus_from_files(files)
    found = find_expectations(corpus)
    summit = next(e for e in found.items if e.meeting == "paris-summit")
    assert (summit.kind, summit.change, summit.due) == ("changed", "new date", when("2025-01-15"))
    assert summit.outcome is not None and summit.outcome.article == "summit-moved"
    assert summit.outcome.sentence is not None and "15 January" in summit.outcome.sentence
    # The timeline's marks are the same kinds, worked out without the sentences.
    assert expectation_kinds(corpus) == found.kinds()


CALLED_OFF = """\
article:
  id: summit-off
  title: Paris summit off
  published: 2024-12-16
  body: |
    The Paris summit of Alice Smith and Bob Jones has been STATUS, officials said.
actors:
  - id: alice-smith
    name: Alice Smith
    kind: person
  - id: bob-jones
    name: Bob Jones
    kind: person
meetings:
  - id: paris-summit
    title: Paris summit
    where: Paris
    status: STATUS
    participants: [alice-smith, bob-jones]
    evidence: [The Paris summit of Alice Smith and Bob Jones has been STATUS, officials said.]
"""


@pytest.mark.parametrize("status", ["postponed", "cancelled"])
def test_a_later_article_that_calls_it_off_changes_it(
    tmp_path: Path, status: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from explorer.cli import main

    later = write(tmp_path, CALLED_OFF.replace("STATUS", status), "b.yaml")
    files = [write(tmp_path, ANNOUNCED, "a.yaml"), later]
    found = find_expectations(corpus_from_files(files))
    summit = next(e for e in found.items if e.meeting == "paris-summit")
    assert (summit.kind, summit.change) == ("changed", status)
    assert summit.outcome is not None and summit.outcome.status == status
    # Through the database and the command, with the sentence that says so.
    target = tmp_path / "corpus.json"
    import_files(files, target)
    assert main(["expectations", "--db", str(target)]) == 0
    out = capsys.readouterr().out
    changed = out[out.index("Changed") : out.index("Open")]
    assert "Paris summit  (paris-summit)" in changed
    assert f"has been {status}, officials said." in changed
    # The later file is format 1.1 for it, and says so; one that declares format 1 may not.
    assert main(["check", str(later)]) == 0
    assert "format 1.1 (postponed or cancelled meetings)" in capsys.readouterr().out
    old = write(tmp_path, "format: 1\n" + CALLED_OFF.replace("STATUS", status), "c.yaml")
    assert main(["check", str(old)]) != 0
    err = capsys.readouterr().err
    assert f"status {status!r} is format 1.1, and this file declares format 1" in err
    assert "c.yaml" in err and "Traceback" not in err


def test_the_briefing_says_what_became_of_each_expected_meeting(tmp_path: Path) -> None:
    from explorer.data.export import render, select

    corpus = corpus_from_files(sorted(V11.glob("*.yaml")))
    text = render(select(corpus), "markdown")
    section = text[text.index("## Expectations") : text.index("## Quotes")]
    assert "As of 2024-12-25 (the newest article): 1 fulfilled, 0 changed, 0 open, 1 overdue." in (
        section
    )
    assert (
        "- ✓ fulfilled: **Iwaya–Wang Yi talks in Beijing** (`iwaya-wang-yi-talks-2024`), "
        "due 25 Dec 2024"
    ) in section
    assert "  - happened on 25 Dec 2024, in *Iwaya and Wang Yi hold talks in Beijing*" in section
    assert "- ! overdue: **Preparatory talks of the two foreign ministries**" in section
    # One article's briefing lists its own expected meetings only.
    lone = render(select(corpus, article="iwaya-wang-yi-talks-2024"), "markdown")
    lone_section = lone[lone.index("## Expectations") : lone.index("## Quotes")]
    assert "Preparatory talks" not in lone_section and "Iwaya–Wang Yi talks" in lone_section


def test_the_expectations_of_some_meetings_are_those_of_the_whole_corpus(tmp_path: Path) -> None:
    """Asked about a few meetings, the same items come in the same order as from the whole
    corpus, in memory and from the index; an unknown id is left out."""
    files = sorted(V11.glob("*.yaml"))
    import_files(files, tmp_path / "corpus.json")
    indexed = open_indexed(tmp_path / "corpus.json")
    memory = corpus_from_files(files)
    whole = find_expectations(memory)
    ids = [item.meeting for item in whole.items]
    for chosen in ([*reversed(ids), "no-such-meeting", ids[0]], ids[1:], []):
        wanted = Expectations(whole.as_of, tuple(i for i in whole.items if i.meeting in chosen))
        assert expectations_among(memory, chosen) == wanted
        assert expectations_among(indexed, chosen) == wanted
    assert expectations_among(indexed, ids).items != ()

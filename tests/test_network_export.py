"""Who met whom, as data and as `explorer export --format dot --actor ID --depth N`: the
actors an actor met at shared meetings, one and two steps away, read from the relation
indexes; the DOT graph is valid for Graphviz, names in it are literal; bad ids and depths
are one clear message and a non-zero exit."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from explorer.bench.corpus import write_corpus
from explorer.cli import main
from explorer.data import Corpus, corpus_from_files
from explorer.data.incremental import import_corpus
from explorer.data.network import BadDepth, UnknownActor, actor_for, neighbourhood
from tests.articles import mutate, write

needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None and not os.environ.get("EXPLORER_REQUIRE_DOT"),
    reason="Graphviz's dot is not installed (CI installs it and sets EXPLORER_REQUIRE_DOT)",
)
HOSTILE_NAME = 'Bob "B\\ob" [bold]x[/bold] {y} -- }'


def parsed(text: str) -> dict:
    """The graph as Graphviz reads it (dot -Tjson), failing on any complaint."""
    result = subprocess.run(
        ["dot", "-Tjson"], input=text, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr
    return json.loads(result.stdout)


def unescaped(label: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), label)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return corpus_from_files(write_corpus(30, tmp_path_factory.mktemp("many"), seed=7))


def test_wang_yi_met_three_actors_each_at_one_meeting(seed_corpus: Corpus) -> None:
    network = neighbourhood(seed_corpus, "wang-yi")
    met = {c.actor: c.meetings for c in network.ring(1)}
    assert met == {
        "takeshi-iwaya": ("iwaya-wang-yi-meeting-2024",),
        "takeo-akiba": ("akiba-china-visit-2024",),
        "government-of-japan": ("wang-yi-japan-visit-2025",),
    }
    assert network.ring(2) == ()  # they met no one else in the seed
    assert network.complete


def test_two_steps_away_through_whom_and_where(seed_corpus: Corpus) -> None:
    """Japan (through its members) met Xi Jinping, who met the G20 leaders at Osaka."""
    network = neighbourhood(seed_corpus, "japan")
    assert "wang-yi" in {c.actor for c in network.ring(1)}
    assert "takeshi-iwaya" in network.group, "a member's meetings count as the country's"
    (g20,) = network.ring(2)
    assert (g20.actor, g20.via, g20.meetings) == (
        "g20-world-leaders",
        ("xi-jinping",),
        ("g20-osaka-summit-2019",),
    )


def test_every_contact_shares_the_meetings_it_is_listed_with(many: Corpus) -> None:
    actor = max(many.meetings_of_actor, key=lambda a: len(many.meetings_of_actor[a]))
    network = neighbourhood(many, actor, 2)
    assert network.ring(1) and network.ring(2)
    seen: set[str] = set(network.group)
    for step in (1, 2):
        for contact in network.ring(step):
            assert contact.actor not in seen, "each actor at its nearest step only"
            for meeting, via in contact.links:
                participants = many.meetings[meeting].participants
                assert contact.actor in participants and via in participants
                inner = network.group if step == 1 else {c.actor for c in network.ring(1)}
                assert via in inner
        seen |= {c.actor for c in network.ring(step)}


def test_a_budget_stops_the_walk_and_says_so(many: Corpus) -> None:
    actor = max(many.meetings_of_actor, key=lambda a: len(many.meetings_of_actor[a]))
    network = neighbourhood(many, actor, 2, budget=3)
    assert not network.complete
    assert network.meetings_read == 3


def test_an_item_stands_for_an_actor(seed_corpus: Corpus) -> None:
    assert actor_for(seed_corpus, "actor", "wang-yi") == "wang-yi"
    assert actor_for(seed_corpus, "meeting", "iwaya-wang-yi-meeting-2024") == "takeshi-iwaya"
    quote = next(iter(seed_corpus.quotes.values()))
    assert actor_for(seed_corpus, "quote", quote.id) == quote.speaker
    assert actor_for(seed_corpus, "actor", "nobody") is None


def test_unknown_actor_and_bad_depth_raise_clear_errors(seed_corpus: Corpus) -> None:
    with pytest.raises(UnknownActor, match="nobody"):
        neighbourhood(seed_corpus, "nobody")
    with pytest.raises(BadDepth):
        neighbourhood(seed_corpus, "wang-yi", 0)


# -- the command ---------------------------------------------------------------------------


@pytest.fixture
def database(tmp_path: Path, seed_paths: list[Path]) -> Path:
    db = tmp_path / "corpus.json"
    import_corpus([*seed_paths, *write_corpus(3, tmp_path / "generated", seed=11)], db)
    return db


@needs_dot
def test_the_dot_export_of_a_network_is_valid_graphviz(database: Path, capsys) -> None:
    assert (
        main(
            ["export", "--format", "dot", "--actor", "japan", "--depth", "2", "--db", str(database)]
        )
        == 0
    )
    graph = parsed(capsys.readouterr().out)
    names = {unescaped(node["label"]) for node in graph["objects"]}
    assert {"Japan", "Wang Yi", "Xi Jinping", "G20 world leaders"} <= names
    assert "Donald Trump" not in names  # met no one of Japan's
    edges = {unescaped(edge["label"]) for edge in graph["edges"]}
    assert any(label.startswith("G20 Summit") or "Osaka" in label for label in edges), edges
    assert "member of" in edges


def test_depth_one_leaves_out_the_second_step(database: Path, capsys) -> None:
    assert (
        main(
            ["export", "--format", "dot", "--actor", "japan", "--depth", "1", "--db", str(database)]
        )
        == 0
    )
    text = capsys.readouterr().out
    assert '"actor:xi-jinping"' in text and '"actor:g20-world-leaders"' not in text


@needs_dot
def test_hostile_names_reach_graphviz_literally(tmp_path: Path, capsys) -> None:
    text = mutate("name: Bob Jones", f"name: '{HOSTILE_NAME.replace(chr(39), chr(39) * 2)}'")
    db = tmp_path / "hostile.json"
    import_corpus([write(tmp_path, text, "hostile.yaml")], db)
    assert main(["export", "--format", "dot", "--actor", "bob-jones", "--db", str(db)]) == 0
    graph = parsed(capsys.readouterr().out)
    assert HOSTILE_NAME in {unescaped(node["label"]) for node in graph["objects"]}


def test_the_export_to_a_file_says_what_it_wrote(database: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "wang.dot"
    assert (
        main(
            [
                "export",
                "--format",
                "dot",
                "--actor",
                "wang-yi",
                "--out",
                str(out),
                "--db",
                str(database),
            ]
        )
        == 0
    )
    said = capsys.readouterr().out
    assert "network of wang-yi to 2 steps (4 actors, 3 meetings)" in said
    assert out.read_text(encoding="utf-8").startswith("graph network {")


@pytest.mark.parametrize(
    ("arguments", "message", "code"),
    [
        (["--actor", "wangyi"], "no actor with id 'wangyi' (did you mean wang-yi?)", 1),
        (["--actor", "wang-yi", "--depth", "0"], "--depth 0", 2),
        (["--actor", "wang-yi", "--depth", "-3"], "--depth -3", 2),
        (["--depth", "2"], "--depth goes with --actor", 2),
    ],
)
def test_bad_actor_or_depth_is_one_message_and_no_file(
    arguments: list[str], message: str, code: int, database: Path, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "never.dot"
    command = ["export", "--format", "dot", *arguments, "--out", str(out), "--db", str(database)]
    assert main(command) == code
    captured = capsys.readouterr()
    assert message in captured.err
    assert len(captured.err.strip().splitlines()) == 1, captured.err
    assert "Traceback" not in captured.err and not out.exists()


def test_actor_is_a_dot_export_only(database: Path, capsys) -> None:
    assert main(["export", "--format", "json", "--actor", "wang-yi", "--db", str(database)]) == 2
    assert "--format dot" in capsys.readouterr().err

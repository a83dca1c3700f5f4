"""`explorer note` and `explorer notes`: what a user types, sees, and gets back as exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.data.models import Ref
from explorer.data.notes import NotesStore

ARTICLE = """\
article:
  id: tiny
  title: Tiny
  published: 2025-01-14
  body: |
    Alice met Bob in Paris.
actors:
  - id: alice
    name: Alice
    kind: person
"""
BOB = """\
  - id: bob
    name: Bob
    kind: person
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def notes_file(tmp_path: Path) -> Path:
    return tmp_path / "notes.json"


def test_note_then_notes_lists_it(capsys: pytest.CaptureFixture[str], notes_file: Path):
    code, out, _ = run(capsys, "note", "wang-yi", "Met Iwaya", "--notes", str(notes_file))
    assert code == 0
    assert "actor:wang-yi" in out and "Wang Yi" in out and str(notes_file) in out
    code, out, _ = run(capsys, "notes", "--notes", str(notes_file))
    assert code == 0
    assert "actor:wang-yi" in out and "Wang Yi" in out and "Met Iwaya" in out
    assert "orphaned" not in out


def test_a_second_note_on_an_item_adds_a_paragraph(
    capsys: pytest.CaptureFixture[str], notes_file: Path
):
    run(capsys, "note", "actor:wang-yi", "first", "--notes", str(notes_file))
    run(capsys, "note", "actor:wang-yi", "second", "--notes", str(notes_file))
    assert NotesStore(notes_file).notes()[0].text == "first\n\nsecond"
    run(capsys, "note", "wang-yi", "only this", "--replace", "--notes", str(notes_file))
    assert NotesStore(notes_file).notes()[0].text == "only this"


def test_note_reads_standard_input(
    capsys: pytest.CaptureFixture[str], notes_file: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr("sys.stdin", io.StringIO("from a pipe\nsecond line\n"))
    code, _, _ = run(capsys, "note", "etc-delegation-visit-2025", "-", "--notes", str(notes_file))
    assert code == 0
    note = NotesStore(notes_file).get(Ref("meeting", "etc-delegation-visit-2025"))
    assert note is not None and note.text == "from a pipe\nsecond line"


def test_markup_in_a_note_is_printed_literally(
    capsys: pytest.CaptureFixture[str], notes_file: Path
):
    text = "[bold]not bold[/] [@click=app.quit]x[/]"
    run(capsys, "note", "wang-yi", text, "--notes", str(notes_file))
    _, out, _ = run(capsys, "notes", "--notes", str(notes_file))
    assert text in out


def test_without_notes_option_the_environment_file_is_used(
    capsys: pytest.CaptureFixture[str], private_notes: Path
):
    assert run(capsys, "note", "wang-yi", "default place")[0] == 0
    assert NotesStore(private_notes).notes()[0].text == "default place"


def test_an_unknown_id_saves_nothing(capsys: pytest.CaptureFixture[str], notes_file: Path):
    code, _, err = run(capsys, "note", "nobody-at-all", "text", "--notes", str(notes_file))
    assert code == 1
    assert "nobody-at-all" in err and "nothing saved" in err
    assert not notes_file.exists()


def test_an_empty_note_is_refused(capsys: pytest.CaptureFixture[str], notes_file: Path):
    code, _, err = run(capsys, "note", "wang-yi", "   ", "--notes", str(notes_file))
    assert code == 2 and "empty" in err
    assert not notes_file.exists()


def test_notes_json(capsys: pytest.CaptureFixture[str], notes_file: Path):
    run(capsys, "note", "wang-yi", "text", "--notes", str(notes_file))
    NotesStore(notes_file).set_bookmark(Ref("meeting", "etc-delegation-visit-2025"), True)
    code, out, _ = run(capsys, "notes", "--json", "--notes", str(notes_file))
    assert code == 0
    rows = {row["id"]: row for row in json.loads(out)}
    assert rows["wang-yi"]["text"] == "text" and rows["wang-yi"]["label"] == "Wang Yi"
    visit = rows["etc-delegation-visit-2025"]
    assert visit["bookmark"] is True and visit["text"] == "" and visit["orphaned"] is False


def test_no_notes_yet(capsys: pytest.CaptureFixture[str], notes_file: Path):
    code, out, _ = run(capsys, "notes", "--notes", str(notes_file))
    assert code == 0 and "no notes" in out
    code, out, _ = run(capsys, "notes", "--json", "--notes", str(notes_file))
    assert code == 0 and json.loads(out) == []


def test_a_note_survives_a_reimport_that_drops_its_item_and_shows_as_orphaned(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, notes_file: Path
):
    source, db = tmp_path / "tiny.yaml", tmp_path / "tiny.json"
    source.write_text(ARTICLE + BOB)
    assert run(capsys, "import", str(source), "--db", str(db))[0] == 0
    run(capsys, "note", "bob", "watch Bob", "--db", str(db), "--notes", str(notes_file))
    run(capsys, "note", "alice", "Alice too", "--db", str(db), "--notes", str(notes_file))

    source.write_text(ARTICLE)  # Bob is gone from the article
    assert run(capsys, "import", str(source), "--db", str(db))[0] == 0
    code, out, _ = run(capsys, "notes", "--db", str(db), "--notes", str(notes_file))
    assert code == 0
    bob_block = out[out.index("actor:bob") :]
    assert "Bob" in bob_block and "orphaned" in bob_block.splitlines()[0]
    assert "watch Bob" in bob_block
    alice_line = next(line for line in out.splitlines() if "actor:alice" in line)
    assert "orphaned" not in alice_line
    _, out, _ = run(capsys, "notes", "--json", "--db", str(db), "--notes", str(notes_file))
    rows = {row["id"]: row for row in json.loads(out)}
    assert rows["bob"]["orphaned"] is True and rows["bob"]["label"] == "Bob"
    assert rows["alice"]["orphaned"] is False


def test_a_damaged_notes_file_is_reported_and_left_alone(
    capsys: pytest.CaptureFixture[str], notes_file: Path
):
    notes_file.write_text('{"notes": {"1": {"kind": "actor", "id": "wang')
    before = notes_file.read_bytes()
    code, _, err = run(capsys, "notes", "--notes", str(notes_file))
    assert code == 2
    assert str(notes_file) in " ".join(err.split()) and "mv " in err
    code, _, err = run(capsys, "note", "wang-yi", "new", "--notes", str(notes_file))
    assert code == 2 and "not saved" in err
    assert notes_file.read_bytes() == before


def test_an_unwritable_notes_path_is_a_clear_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run(capsys, "note", "wang-yi", "text", "--notes", str(blocker / "notes.json"))
    assert code == 2
    flat = " ".join(err.split())
    assert "cannot save notes" in flat and "not saved" in flat
    assert "Traceback" not in err


def test_the_app_takes_a_notes_file_too(monkeypatch: pytest.MonkeyPatch, notes_file: Path) -> None:
    opened: list[tuple[Path | None, Path | None]] = []
    monkeypatch.setattr("explorer.app.run", lambda db, notes=None: opened.append((db, notes)) or 0)
    assert main(["--notes", str(notes_file)]) == 0
    assert opened == [(None, notes_file)]


# -- notes are untrusted text -----------------------------------------------------------------

TITLE = "\x1b]0;pwned\x1b\\"  # sets the terminal's title (OSC 0)
CSI_C1 = "\x9b31m"  # a C1 control sequence introducer
BIDI = "\u202e"  # right-to-left override: shows text other than what it holds
HOSTILE = f"watch {TITLE}this{CSI_C1} and {BIDI}that\x07\x00"
UNSAFE = ("\x1b", "\x9b", "\u202e", "\x07", "\x00")


def hostile_notes_file(path: Path) -> None:
    """A notes file written by another tool (or user): the text was never cleaned."""
    record = {
        "kind": "actor",
        "id": "wang-yi",
        "text": HOSTILE + "\nsecond line",
        "bookmark": True,
        "label": f"Wang {TITLE}Yi",
        "created": "2025-01-14T00:00:00.000+00:00",
        "updated": "2025-01-14T00:00:00.000+00:00",
    }
    orphan = dict(record, id=f"gone{BIDI}", label=f"gone {CSI_C1}item")
    data = {"meta": {"1": {"format": 1}}, "notes": {"1": record, "2": orphan}}
    path.write_text(json.dumps(data), encoding="utf-8")  # JSON escapes: the file is ASCII


def test_notes_prints_no_control_code_from_a_hostile_notes_file(
    capsys: pytest.CaptureFixture[str], notes_file: Path
):
    hostile_notes_file(notes_file)
    code, out, err = run(capsys, "notes", "--notes", str(notes_file))
    assert code == 0, err
    assert not [c for c in UNSAFE if c in out], repr(out)
    assert "watch ]0;pwned\\this31m and that" in out, "the harmless rest is kept"
    assert "second line" in out and "gone" in out


def test_notes_json_prints_no_raw_control_code(
    capsys: pytest.CaptureFixture[str], notes_file: Path
):
    hostile_notes_file(notes_file)
    code, out, err = run(capsys, "notes", "--json", "--notes", str(notes_file))
    assert code == 0, err
    assert not [c for c in UNSAFE if c in out], repr(out)
    notes = {note["id"]: note for note in json.loads(out)}
    assert notes["wang-yi"]["text"] == "watch ]0;pwned\\this31m and that\nsecond line"
    assert notes["gone"]["label"] == "gone 31mitem" and notes["gone"]["orphaned"]


def test_a_note_given_with_control_codes_is_saved_clean(
    capsys: pytest.CaptureFixture[str], notes_file: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr("sys.stdin", io.StringIO(HOSTILE + "\r\nline two\n"))
    code, _, err = run(capsys, "note", "wang-yi", "-", "--notes", str(notes_file))
    assert code == 0, err
    raw = notes_file.read_text("utf-8")
    assert not [c for c in UNSAFE if c in raw], "the file holds the note as cleaned"
    note = NotesStore(notes_file).get(Ref("actor", "wang-yi"))
    assert note is not None and note.text == "watch ]0;pwned\\this31m and that\nline two"


def test_a_deeply_nested_notes_file_is_a_clear_message(
    capsys: pytest.CaptureFixture[str], notes_file: Path
):
    notes_file.write_text("[" * 100_000 + "]" * 100_000)
    code, _, err = run(capsys, "notes", "--notes", str(notes_file))
    assert code == 2
    assert str(notes_file) in err and "nested too deeply" in err and "Traceback" not in err

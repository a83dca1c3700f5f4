"""The review edits (explorer/review): each keeps the file valid for `explorer check`, changes
only the lines of the items it touches, and refuses what would break the file."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.cli import main
from explorer.data import DataError, load_files
from explorer.data.importer import load_text
from explorer.review import (
    Draft,
    ReviewError,
    ReviewSession,
    accept,
    add_actor,
    add_quote,
    merge_actors,
    reject,
    set_quote_kind,
    set_speaker,
    set_status,
    set_when,
)
from explorer.review.layout import read_layout
from tests.drafts import GUESSES, drafted_text, write_draft


@pytest.fixture
def draft() -> Draft:
    return Draft.from_text(drafted_text(), "draft.yaml")


def changed_lines(before: Draft, after: Draft) -> tuple[list[str], list[str]]:
    """Lines removed and lines added, as a diff of the two texts shows them."""
    removed, added = [], []
    for line in difflib.ndiff(before.text.splitlines(), after.text.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def passes_check(draft: Draft, tmp_path: Path) -> None:
    path = tmp_path / "out.yaml"
    path.write_text(draft.text, encoding="utf-8")
    load_files([path])  # raises DataError with every problem


# -- reading the draft -------------------------------------------------------------------


def test_items_carry_the_drafters_guesses(draft: Draft) -> None:
    items = {(item.kind, item.id if item.kind != "article" else ""): item for item in draft.items()}
    for key, guesses in GUESSES.items():
        assert items[key].guesses == tuple(guesses)
        assert items[key].state == "drafted"
    assert items[("actor", "china")].state == "accepted"
    assert len(items) == 1 + 19 + 9 + 7


def test_a_hash_inside_a_block_scalar_is_text_not_a_guess() -> None:
    text = drafted_text({}).replace(
        "    summary: >-\n      A hoped-for",
        "    summary: |-\n      # draft: not a comment\n      A hoped-for",
    )
    layout = read_layout(Draft.from_text(text, "x.yaml").text)
    assert layout.blocks[("meeting", "xi-state-visit-japan")].guesses == ()


def test_guesses_are_read_above_the_item_only() -> None:
    """A comment above an item belongs to it, not to the item before it."""
    draft = Draft.from_text(drafted_text({("actor", "japan"): ["kind guessed"]}), "x.yaml")
    blocks = draft.layout.blocks
    assert blocks[("actor", "japan")].guesses == ("kind guessed",)
    assert blocks[("actor", "china")].guesses == ()


# -- accept and reject -------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(GUESSES))
def test_accept_removes_only_that_items_guess_comments(
    draft: Draft, key: tuple[str, str], tmp_path: Path
) -> None:
    kind, ident = key
    after = accept(draft, kind, ident or draft.article.id)
    removed, added = changed_lines(draft, after)
    assert added == []
    assert [line.strip() for line in removed] == [f"# draft: {g}" for g in GUESSES[key]]
    left = {(i.kind, i.id) for i in after.items() if i.state == "drafted"}
    assert (kind, ident or draft.article.id) not in left
    assert len(left) == len(GUESSES) - 1
    passes_check(after, tmp_path)


def test_accept_an_item_without_guesses_says_so(draft: Draft) -> None:
    with pytest.raises(ReviewError, match="no guesses"):
        accept(draft, "actor", "china")


@pytest.mark.parametrize(
    ("kind", "ident"),
    [
        ("quote", "hayashi-rare-visit"),
        ("actor", "g20-world-leaders"),
        ("meeting", "g20-osaka-summit-2019"),
    ],
)
def test_reject_removes_the_item_and_its_comments(
    draft: Draft, kind: str, ident: str, tmp_path: Path
) -> None:
    after = reject(draft, kind, ident, drop_references=True)
    removed, _ = changed_lines(draft, after)
    assert all(f"- id: {ident}" not in line for line in after.text.splitlines())
    assert any(line.strip() == f"- id: {ident}" for line in removed)
    ids = {(i.kind, i.id) for i in after.items()}
    assert (kind, ident) not in ids
    assert len(ids) == len(draft.items()) - 1 or kind == "actor"
    passes_check(after, tmp_path)
    # The other items' guesses are all still there.
    assert sum(len(i.guesses) for i in after.items()) == sum(
        len(i.guesses) for i in draft.items() if i.id != ident
    )


def test_reject_an_actor_who_speaks_is_refused_with_the_way_out(draft: Draft) -> None:
    with pytest.raises(ReviewError, match=r"speaks 1 quote.*nikkei-wang-yi-invitation.*merge"):
        reject(draft, "actor", "nikkei")


def test_reject_an_actor_referred_to_asks_before_dropping_references(
    draft: Draft, tmp_path: Path
) -> None:
    with pytest.raises(ReviewError, match=r"1 meeting \(participants\)"):
        reject(draft, "actor", "japanese-counterparts")
    after = reject(draft, "actor", "japanese-counterparts", drop_references=True)
    assert "japanese-counterparts" not in after.meetings["etc-delegation-visit-2025"].participants
    passes_check(after, tmp_path)


def test_reject_a_meeting_drops_the_quotes_link_to_it(draft: Draft) -> None:
    after = reject(draft, "meeting", "wang-yi-japan-visit-2025", drop_references=True)
    quote = after.quotes["nikkei-wang-yi-invitation"]
    assert quote.meeting is None
    assert quote.text == draft.quotes["nikkei-wang-yi-invitation"].text


def test_reject_the_only_participant_is_refused(draft: Draft) -> None:
    with pytest.raises(ReviewError, match="only participant"):
        reject(draft, "actor", "donald-trump", drop_references=True)


def test_reject_the_last_quote_leaves_an_empty_list(tmp_path: Path) -> None:
    draft = Draft.from_text(drafted_text({}), "x.yaml")
    for quote in list(draft.quotes):
        draft = reject(draft, "quote", quote)
    assert "quotes: []" in draft.text
    passes_check(draft, tmp_path)
    draft, _ = add_quote(
        draft,
        "The delegation reached Japan",
        "china",
        "direct",
        "The delegation reached Japan on Monday.",
    )
    assert list(draft.quotes) == ["china-the-delegation-reached-japan"]
    passes_check(draft, tmp_path)


# -- corrections -------------------------------------------------------------------------


def test_set_speaker_changes_one_line_and_keeps_the_guess(draft: Draft) -> None:
    after = set_speaker(draft, "hayashi-rare-visit", "japan")
    removed, added = changed_lines(draft, after)
    assert [r.strip() for r in removed] == ["speaker: yoshimasa-hayashi"]
    assert [a.strip() for a in added] == ["speaker: japan"]
    assert after.quotes["hayashi-rare-visit"].speaker == "japan"


def test_set_speaker_to_an_unknown_actor_is_refused(draft: Draft) -> None:
    with pytest.raises(ReviewError, match="no actor"):
        set_speaker(draft, "hayashi-rare-visit", "nobody")


@pytest.mark.parametrize(
    ("quote", "kind"),
    [
        ("etc-statement-mutual-trust", "reported"),  # has evidence already: kept as it is
        ("etc-statement-mutual-trust", "paraphrase"),
        ("hayashi-rare-visit", "paraphrase"),
    ],
)
def test_set_kind(draft: Draft, quote: str, kind: str, tmp_path: Path) -> None:
    after = set_quote_kind(draft, quote, kind)
    assert after.quotes[quote].kind == kind
    assert after.quotes[quote].evidence == draft.quotes[quote].evidence
    passes_check(after, tmp_path)


def test_a_direct_quote_made_reported_gets_its_sentence_as_evidence(tmp_path: Path) -> None:
    draft = Draft.from_text(drafted_text({}), "x.yaml")
    draft, ident = add_quote(
        draft,
        "The visit commenced on Monday",
        "china",
        "direct",
        "The visit commenced on Monday and will conclude on Friday.",
    )
    # Drop the evidence by hand to get a direct quote that has none.
    bare = draft.text.replace(
        '    evidence:\n      - "The visit commenced on Monday and will conclude on Friday."\n', ""
    )
    draft = Draft.from_text(bare, "x.yaml")
    assert draft.quotes[ident].evidence == ()
    after = set_quote_kind(draft, ident, "reported")
    assert after.quotes[ident].evidence == (
        "The visit commenced on Monday and will conclude on Friday.",
    )
    passes_check(after, tmp_path)


def test_making_a_paraphrase_direct_needs_verbatim_text(draft: Draft) -> None:
    with pytest.raises(ReviewError, match="verbatim"):
        set_quote_kind(draft, "hayashi-rare-visit", "direct")


@pytest.mark.parametrize(
    ("when", "expected"),
    [("2025-03", "2025-03"), ("2025-01-13/2025-01-17", "2025-01-13/2025-01-17"), ("2025", "2025")],
)
def test_set_when(draft: Draft, when: str, expected: str, tmp_path: Path) -> None:
    after = set_when(draft, "wang-yi-japan-visit-2025", when)
    meeting = after.meetings["wang-yi-japan-visit-2025"]
    assert meeting.when is not None and meeting.when.iso() == expected
    _, added = changed_lines(draft, after)
    assert [a.strip() for a in added] == [f'when: "{expected}"']
    passes_check(after, tmp_path)


def test_set_when_on_a_meeting_without_a_date_adds_it_after_the_title(draft: Draft) -> None:
    after = set_when(draft, "xi-state-visit-japan", "2025-06")
    block = after.layout.blocks[("meeting", "xi-state-visit-japan")]
    lines = [line.strip() for line in after.layout.lines[block.start : block.end]]
    assert lines[1].startswith("title:") and lines[2] == 'when: "2025-06"'


def test_set_when_empty_removes_the_date(draft: Draft) -> None:
    assert (
        set_when(draft, "wang-yi-japan-visit-2025", "").meetings["wang-yi-japan-visit-2025"].when
        is None
    )


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ("next month", "not a date"),
        ("2025-13", "not a valid date"),
        ("2025-02-01/2025-01-01", "ends before it starts"),
        ("2025-02-30", "not a valid date"),
    ],
)
def test_set_when_refuses_what_format_v1_refuses(draft: Draft, when: str, message: str) -> None:
    with pytest.raises(ReviewError, match=message):
        set_when(draft, "wang-yi-japan-visit-2025", when)


@pytest.mark.parametrize(
    "status", ["happened", "ongoing", "planned", "expected", "postponed", "cancelled"]
)
def test_set_status(draft: Draft, status: str) -> None:
    after = set_status(draft, "wang-yi-japan-visit-2025", status)
    assert after.meetings["wang-yi-japan-visit-2025"].status == status


def test_set_status_refuses_another_word(draft: Draft) -> None:
    with pytest.raises(ReviewError, match="not a status"):
        set_status(draft, "wang-yi-japan-visit-2025", "rescheduled")


# -- merge -------------------------------------------------------------------------------


def test_merge_unites_aliases_and_rewrites_every_reference(draft: Draft, tmp_path: Path) -> None:
    after = merge_actors(draft, "nikkei", "government-of-japan")
    assert "nikkei" not in after.actors
    kept = after.actors["government-of-japan"]
    assert {"Nikkei", "the Nikkei business daily", "Nikkei business daily"} <= set(kept.aliases)
    assert after.quotes["nikkei-wang-yi-invitation"].speaker == "government-of-japan"
    assert kept.note == draft.actors["nikkei"].note  # it had none of its own
    passes_check(after, tmp_path)
    # The kept actor's lines and the quote's speaker changed; the rest did not.
    removed, _ = changed_lines(draft, after)
    assert sum("- id:" in line for line in removed) == 1
    assert "# draft: kind inferred from 'business daily'" in [r.strip() for r in removed]


def test_merge_dedupes_participants_and_groups(draft: Draft, tmp_path: Path) -> None:
    after = merge_actors(draft, "japanese-counterparts", "japanese-senior-defense-officials")
    participants = after.meetings["etc-delegation-visit-2025"].participants
    assert participants.count("japanese-senior-defense-officials") == 1
    assert "japanese-counterparts" not in participants
    passes_check(after, tmp_path)


def test_merge_into_a_group_it_was_member_of_drops_the_self_reference(
    draft: Draft, tmp_path: Path
) -> None:
    after = merge_actors(draft, "chinese-military-delegation", "pla-eastern-theater-command")
    kept = after.actors["pla-eastern-theater-command"]
    assert "pla-eastern-theater-command" not in kept.member_of
    assert "chinese-military-delegation" not in kept.member_of
    passes_check(after, tmp_path)


def test_merge_an_actor_into_itself_is_refused(draft: Draft) -> None:
    with pytest.raises(ReviewError, match="itself"):
        merge_actors(draft, "china", "china")


# -- new items ---------------------------------------------------------------------------


def test_add_actor_from_a_sentence(draft: Draft, tmp_path: Path) -> None:
    sentence = "Tokyo is expected to invite Wang Yi to Japan next month, the Nikkei business daily reported last week."
    after, ident = add_actor(
        draft, "Nikkei Asia [bold]", "organisation", sentence, role="newspaper"
    )
    actor = after.actors[ident]
    assert ident == "nikkei-asia-bold"
    assert actor.name == "Nikkei Asia [bold]" and actor.evidence == (sentence,)
    assert actor.role == "newspaper"
    passes_check(after, tmp_path)


def test_add_actor_refuses_a_name_already_taken(draft: Draft) -> None:
    with pytest.raises(ReviewError, match="already named"):
        add_actor(draft, "wang yi", "person", "The delegation reached Japan on Monday.")


def test_add_actor_needs_evidence_from_the_body(draft: Draft) -> None:
    with pytest.raises(ReviewError, match="verbatim"):
        add_actor(draft, "Someone", "person", "A sentence that is not in the article.")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The visit commenced on Monday", "direct"),
        ("The visit runs from Monday to Friday.", "paraphrase"),
        ("The visit runs from Monday to Friday.", "reported"),
    ],
)
def test_add_quote(draft: Draft, text: str, kind: str, tmp_path: Path) -> None:
    sentence = "The visit commenced on Monday and will conclude on Friday."
    after, ident = add_quote(
        draft, text, "yoshimasa-hayashi", kind, sentence, meeting="etc-delegation-visit-2025"
    )
    quote = after.quotes[ident]
    assert (quote.text, quote.kind, quote.evidence) == (text, kind, (sentence,))
    assert quote.meeting == "etc-delegation-visit-2025"
    passes_check(after, tmp_path)


def test_add_a_direct_quote_not_in_the_body_is_refused(draft: Draft) -> None:
    with pytest.raises(ReviewError, match="verbatim"):
        add_quote(
            draft,
            "Words nobody wrote",
            "china",
            "direct",
            "The delegation reached Japan on Monday.",
        )


def test_new_ids_never_collide(draft: Draft) -> None:
    sentence = "The delegation reached Japan on Monday."
    first, a = add_actor(draft, "China Daily", "organisation", sentence)
    _, b = add_actor(first, "China: Daily!", "organisation", sentence)
    assert a == "china-daily" and b == "china-daily-2"


# -- the session: writing the file -------------------------------------------------------


def test_every_edit_is_written_and_undo_writes_the_text_before(tmp_path: Path) -> None:
    path = write_draft(tmp_path / "draft.yaml")
    original = path.read_text(encoding="utf-8")
    session = ReviewSession(path)
    session.apply(lambda d: accept(d, "quote", "hayashi-rare-visit"))
    on_disk = path.read_text(encoding="utf-8")
    assert "speaker resolved from" not in on_disk
    assert main(["check", str(path)]) == 0
    session.undo()
    assert path.read_text(encoding="utf-8") == original
    with pytest.raises(ReviewError, match="nothing to undo"):
        session.undo()


def test_a_file_with_crlf_line_ends_keeps_them_on_every_line_it_rewrites(
    tmp_path: Path,
) -> None:
    path = tmp_path / "draft.yaml"
    path.write_bytes(drafted_text().replace("\n", "\r\n").encode("utf-8"))
    session = ReviewSession(path)
    sentence = "Japan and China have been working to improve relations"
    session.apply(lambda d: set_speaker(d, "hayashi-rare-visit", "wang-yi"))
    session.apply(lambda d: add_actor(d, "Akiba", "person", "Takeo Akiba")[0])
    session.apply(lambda d: add_quote(d, sentence, "wang-yi", "reported", sentence)[0])
    session.apply(lambda d: merge_actors(d, "japanese-counterparts", "nikkei"))
    session.apply(lambda d: reject(d, "quote", "etc-statement-mutual-trust"))
    raw = path.read_bytes()
    bare = [n for n, line in enumerate(raw.split(b"\r\n")) if b"\n" in line]
    assert bare == []  # they were LF alone, so the file mixed two line ends
    assert main(["check", str(path)]) == 0


def test_a_refused_edit_leaves_the_file_alone(tmp_path: Path) -> None:
    path = write_draft(tmp_path / "draft.yaml")
    before = path.read_bytes()
    session = ReviewSession(path)
    with pytest.raises(ReviewError):
        session.apply(lambda d: reject(d, "actor", "nikkei"))
    assert path.read_bytes() == before
    assert session.changes == 0


def test_a_file_changed_on_disk_is_not_overwritten(tmp_path: Path) -> None:
    path = write_draft(tmp_path / "draft.yaml")
    session = ReviewSession(path)
    edited = path.read_text(encoding="utf-8").replace("Firstpost", "First Post")
    path.write_text(edited, encoding="utf-8")
    with pytest.raises(ReviewError, match="changed on disk"):
        session.apply(lambda d: accept(d, "quote", "hayashi-rare-visit"))
    assert path.read_text(encoding="utf-8") == edited


def test_a_write_that_fails_keeps_the_file_and_the_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_draft(tmp_path / "draft.yaml")
    before = path.read_bytes()
    session = ReviewSession(path)

    def full_disk(target: object, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("explorer.review.session.atomic_write_bytes", full_disk)
    with pytest.raises(ReviewError, match="No space left"):
        session.apply(lambda d: accept(d, "quote", "hayashi-rare-visit"))
    assert path.read_bytes() == before
    assert session.draft.text == before.decode("utf-8")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("article: [unclosed\n", "invalid YAML"),
        ("article:\n  id: x\n", "missing required field"),
        (b"\xff\xfe", "not UTF-8"),
    ],
)
def test_a_bad_file_is_one_clear_error(tmp_path: Path, content: object, message: str) -> None:
    path = tmp_path / "draft.yaml"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(DataError, match=message):
        ReviewSession(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), ("article: [unclosed\n", "invalid YAML"), ("quotes: {}\n", "")],
)
def test_explorer_review_reports_a_bad_file_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str
) -> None:
    path = tmp_path / "draft.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["review", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and message in err
    assert "Traceback" not in err


def test_an_error_names_a_file_with_an_escape_code_without_sending_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "no\x1b[7mpe.yaml"
    assert main(["review", str(path)]) == 2
    err = capsys.readouterr().err
    assert "no\\x1b[7mpe.yaml: no such file" in err
    assert "\x1b" not in err  # the rest of the line was in reverse video


# -- on what `explorer draft` writes ------------------------------------------------------


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Draft:
    """The seed story as `explorer draft` drafts it (against the embedded seed corpus)."""
    from tests.drafting import SEED_STORY

    out = tmp_path_factory.mktemp("drafted") / "seed-draft.yaml"
    assert main(["draft", str(SEED_STORY), "--published", "2025-01-14", "--out", str(out)]) == 0
    return ReviewSession(out).draft


def block_texts(draft: Draft) -> dict[tuple[str, str], str]:
    layout = draft.layout
    return {
        key: "".join(layout.lines[block.lead_start : block.end])
        for key, block in layout.blocks.items()
    }


def test_the_drafters_guesses_are_all_read(drafted: Draft) -> None:
    marked = sum(line.lstrip().startswith("# draft:") for line in drafted.text.splitlines())
    assert marked > 0
    assert sum(len(item.guesses) for item in drafted.items()) == marked


def test_accepting_every_drafted_item_of_a_real_draft_leaves_no_guess(
    drafted: Draft, tmp_path: Path
) -> None:
    draft = drafted
    for item in drafted.items():
        if item.guesses:
            draft = accept(draft, item.kind, item.id)
    assert "# draft:" not in draft.text
    assert all(item.state == "accepted" for item in draft.items())
    passes_check(draft, tmp_path)


def test_each_edit_of_a_real_draft_keeps_every_other_item_as_written(drafted: Draft) -> None:
    """Reject each item in turn (or be refused with a reason): the items it does not touch
    keep their lines, comments included, byte for byte."""
    before = block_texts(drafted)
    refused = 0
    for item in drafted.items():
        if item.kind == "article":
            continue
        try:
            after = reject(drafted, item.kind, item.id, drop_references=True)
        except ReviewError:
            refused += 1
            continue
        touched = {(item.kind, item.id)} | {
            (ref.kind, ref.id) for ref, _ in drafted.referrers(item.kind, item.id)
        }
        texts = block_texts(after)
        assert (item.kind, item.id) not in texts
        for key, text in before.items():
            if key not in touched:
                assert texts[key] == text, f"rejecting {item.kind} {item.id} changed {key}"
    assert refused < len(drafted.items()) - 1  # most items can go


def test_a_guess_among_an_items_own_lines_is_its_guess_too(tmp_path: Path) -> None:
    text = drafted_text({}).replace(
        "  - id: nikkei\n    name: Nikkei\n",
        "  - id: nikkei\n    # draft: the name's spelling\n    name: Nikkei\n",
    )
    draft = Draft.from_text(text, "x.yaml")
    assert draft.layout.blocks[("actor", "nikkei")].guesses == ("the name's spelling",)
    after = accept(draft, "actor", "nikkei")
    assert "# draft:" not in after.text
    passes_check(after, tmp_path)


def test_a_guess_with_control_codes_or_markup_is_read_as_plain_text() -> None:
    """YAML refuses C0 controls even in comments; bidi overrides it allows, and they go."""
    text = drafted_text({("actor", "nikkei"): ["\u202e[bold]reversed\u202c ok"]})
    draft = Draft.from_text(text, "x.yaml")
    assert draft.layout.blocks[("actor", "nikkei")].guesses == ("[bold]reversed ok",)


# -- any sequence of edits ---------------------------------------------------------------

_SEED_DRAFT = Draft.from_text(drafted_text(), "draft.yaml")
_ITEMS = [(i.kind, i.id) for i in _SEED_DRAFT.items()]
_ACTORS = sorted(_SEED_DRAFT.actors)
_SENTENCES = [
    "The delegation reached Japan on Monday.",
    "The visit commenced on Monday and will conclude on Friday.",
    "Not a sentence of the article.",
]


@st.composite
def _edits(draw: st.DrawFn) -> tuple[str, tuple[str, ...]]:
    kind, ident = draw(st.sampled_from(_ITEMS))
    op = draw(
        st.sampled_from(
            ["accept", "reject", "speaker", "kind", "when", "status", "merge", "actor", "quote"]
        )
    )
    actor = draw(st.sampled_from(_ACTORS))
    if op == "kind":
        return op, (ident, draw(st.sampled_from(["direct", "paraphrase", "reported", "other"])))
    if op == "when":
        return op, (ident, draw(st.sampled_from(["2025", "2025-02-29", "2024-02-29", "", "x"])))
    if op == "status":
        return op, (ident, draw(st.sampled_from(["happened", "planned", "soon"])))
    if op in ("actor", "quote"):
        words = draw(st.text(min_size=0, max_size=12))
        return op, (words, actor, draw(st.sampled_from(_SENTENCES)))
    return op, (kind, ident, actor)


def _run(draft: Draft, op: str, args: tuple[str, ...]) -> Draft:
    if op == "accept":
        return accept(draft, args[0], args[1])
    if op == "reject":
        return reject(draft, args[0], args[1], drop_references=True)
    if op == "speaker":
        return set_speaker(draft, args[1], args[2])
    if op == "kind":
        return set_quote_kind(draft, *args)
    if op == "when":
        return set_when(draft, *args)
    if op == "status":
        return set_status(draft, *args)
    if op == "merge":
        return merge_actors(draft, args[1], args[2])
    if op == "actor":
        return add_actor(draft, args[0], "group", args[2])[0]
    return add_quote(draft, args[0] or "x", args[1], "reported", args[2])[0]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_edits(), min_size=1, max_size=6))
def test_any_sequence_of_edits_gives_a_file_check_accepts_or_a_clear_refusal(
    edits: list[tuple[str, tuple[str, ...]]],
) -> None:
    draft = _SEED_DRAFT
    for op, args in edits:
        try:
            draft = _run(draft, op, args)
        except ReviewError as refusal:
            assert str(refusal)  # a reason, never an empty message
            continue
        load_text(draft.text, "edited.yaml")  # what check would say of the file written


def test_merge_rewrites_a_joint_statements_speakers_once(tmp_path: Path) -> None:
    """A format-1.1 file: merging one speaker of a joint statement into the other leaves the
    other once; rejecting a joint speaker is refused like any speaker's."""
    path = Path(__file__).parent / "corpus_v11" / "iwaya-wang-yi-talks-2024.yaml"
    draft = Draft.from_text(path.read_text(encoding="utf-8"), "talks.yaml")
    with pytest.raises(ReviewError, match="speaks"):
        reject(draft, "actor", "wang-yi")
    after = merge_actors(draft, "wang-yi", "takeshi-iwaya")
    assert after.quotes["iwaya-wang-early-visit"].speakers == ("takeshi-iwaya",)
    after = merge_actors(draft, "xi-jinping", "takeshi-iwaya")
    assert after.quotes["ishiba-xi-strategic-relationship"].speakers == (
        "shigeru-ishiba",
        "takeshi-iwaya",
    )
    passes_check(after, tmp_path)

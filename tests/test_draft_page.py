"""Page extraction, and `explorer draft` end to end: its files pass `explorer check`."""

from __future__ import annotations

import html
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.draft import read_source
from tests.drafting import SEED_STORY

REPO = Path(__file__).resolve().parents[1]
CHROME = (
    "Home",
    "World",
    "Sports",
    "Subscribe to our newsletter",
    "Impact Shorts",
    "More Shorts",
    "Share on Facebook",
    "Share on X",
    "Copy link",
    "Trump signs order on tariffs",
    "© 2025 Firstpost. All rights reserved.",
    "Privacy policy",
)


def seed_paragraphs() -> list[str]:
    """The seed story's paragraphs as an editor wrote them (without the copied furniture)."""
    lines = [line.strip() for line in SEED_STORY.read_text(encoding="utf-8").splitlines()]
    out = []
    for line in lines:
        if line in ("Impact Shorts", ")") or not line:
            continue
        out.append(line.removeprefix("More Shorts"))
    return out


def seed_page() -> str:
    """The seed story inside a news site's chrome: menus, a shorts box, share bar, footer."""
    paragraphs = seed_paragraphs()
    body = []
    for paragraph in paragraphs:
        if paragraph in (
            "Visit to enhance understanding, trust",
            "High-level engagement on both sides",
        ):
            body.append(f"<h2>{html.escape(paragraph)}</h2>")
        else:
            body.append(f"<p>{html.escape(paragraph)}</p>")
        if paragraph.startswith("Japan and China have been working"):
            body.append(
                '<aside class="impact-shorts"><h3>Impact Shorts</h3><ul>'
                '<li><a href="/s/1">Trump signs order on tariffs</a></li>'
                '<li><a href="/s/2">Markets rally in Asia</a></li></ul>'
                '<a href="/shorts">More Shorts</a></aside>'
            )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Chinese military delegation in Japan on rare visit - Firstpost</title>
<meta property="og:title" content="Chinese military delegation in Japan on rare visit">
<meta property="og:site_name" content="Firstpost">
<meta property="article:published_time" content="2025-01-14T10:30:00+05:30">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sports">Sports</a></li></ul></nav>
<div class="newsletter">Subscribe to our newsletter</div></header>
<main><article>
<h1>Chinese military delegation in Japan on rare visit</h1>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a>
<a href="#">Copy link</a></div>
{chr(10).join(body)}
</article></main>
<footer><p>© 2025 Firstpost. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def run_explorer(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "explorer", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_page_extraction_keeps_the_story_and_drops_the_chrome(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(seed_page(), encoding="utf-8")
    source = read_source(page)
    body = source.body
    for paragraph in seed_paragraphs():
        assert paragraph in body, f"the story lost {paragraph[:50]!r}"
    for chrome in CHROME:
        assert chrome not in body, f"the body kept the page's {chrome!r}"
    assert source.title == "Chinese military delegation in Japan on rare visit"
    assert source.site == "Firstpost"
    assert str(source.published) == "2025-01-14"


def test_plain_text_drops_copied_furniture_lines() -> None:
    source = read_source(SEED_STORY)
    assert "Impact Shorts" not in source.body and "More Shorts" not in source.body
    assert "High-level engagement on both sides" in source.paragraphs
    assert "Impact Shorts" in source.dropped


@pytest.mark.parametrize("kind", ["text", "page"])
def test_explorer_draft_output_passes_check_alone_and_with_the_corpus(
    kind: str, tmp_path: Path
) -> None:
    if kind == "page":
        story = tmp_path / "story.html"
        story.write_text(seed_page(), encoding="utf-8")
        extra: tuple[str, ...] = ()
    else:
        story = SEED_STORY
        extra = ("--published", "2025-01-14")
    out = tmp_path / "draft.yaml"
    drafted = run_explorer("draft", str(story), *extra, "--out", str(out), cwd=tmp_path)
    assert drafted.returncode == 0, drafted.stderr
    assert "actors" in drafted.stderr and "guesses" in drafted.stderr
    text = out.read_text(encoding="utf-8")
    assert "# draft:" in text
    alone = run_explorer("check", str(out), cwd=tmp_path)
    assert alone.returncode == 0, alone.stderr
    seed = REPO / "data" / "pla-etc-delegation-japan-2025.yaml"
    together = run_explorer("check", str(out), str(seed), cwd=tmp_path)
    assert together.returncode == 0, together.stderr
    if kind == "page":
        for chrome in CHROME:
            assert chrome not in text


def test_guess_comments_stand_right_above_the_item_id(tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    drafted = run_explorer(
        "draft", str(SEED_STORY), "--published", "2025-01-14", "--out", str(out), cwd=tmp_path
    )
    assert drafted.returncode == 0, drafted.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    comments = [i for i, line in enumerate(lines) if line.lstrip().startswith("# draft:")]
    assert comments
    for index in comments:
        following = next(line for line in lines[index + 1 :] if not line.lstrip().startswith("#"))
        indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
        if indent:
            assert following.startswith(f"{indent}- id: "), (lines[index], following)
        else:
            assert following == "article:"


def test_no_publication_date_asks_for_published(tmp_path: Path) -> None:
    result = run_explorer("draft", str(SEED_STORY), cwd=tmp_path)
    assert result.returncode == 2
    assert "--published" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("missing.txt", "--published", "2025-01-14"), "no such file"),
        (("story.txt", "--published", "14/01/2025"), "is not a date"),
        (("story.txt", "--published", "2025-01-14", "--id", "Not An Id"), "is not an id"),
        (("empty.txt", "--published", "2025-01-14"), "no article text"),
        (("binary.txt", "--published", "2025-01-14"), "not UTF-8"),
        (("story.txt", "--published", "2025-01-14", "--out", "nodir/x.yaml"), "cannot be written"),
    ],
)
def test_bad_input_is_one_clear_message(
    args: tuple[str, ...], message: str, tmp_path: Path
) -> None:
    (tmp_path / "story.txt").write_text("Iwaya met Wang Yi on Monday.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("\n  \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\xff\xfe\x00abc")
    result = run_explorer("draft", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_out_never_replaces_a_file_unless_forced(tmp_path: Path) -> None:
    """A reviewed draft was lost to `explorer draft story.txt --out story.yaml` run again."""
    (tmp_path / "story.txt").write_text("Iwaya met Wang Yi on Monday.\n", encoding="utf-8")
    reviewed = tmp_path / "story.yaml"
    reviewed.write_text("# reviewed by hand\n", encoding="utf-8")
    args = ("draft", "story.txt", "--published", "2025-01-14", "--out", "story.yaml")
    refused = run_explorer(*args, cwd=tmp_path)
    assert refused.returncode == 2
    assert "story.yaml: already exists" in refused.stderr and "--force" in refused.stderr
    assert reviewed.read_text(encoding="utf-8") == "# reviewed by hand\n"
    forced = run_explorer(*args, "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert "Wang Yi" in reviewed.read_text(encoding="utf-8")

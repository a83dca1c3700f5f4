"""From a file as saved (plain text or a web page) to an article body, title, date and site.

A page goes through trafilatura, which keeps the article's text and drops navigation, share
bars and "Read more"-style boxes, and htmldate, which finds the publication date in the
page's metadata and markup. Text is taken as given, only normalised so that it can be written
as a YAML block and quoted verbatim: one paragraph a line or blank-line-separated block, white
space collapsed, characters a YAML file cannot hold removed, and lines that are page furniture
copied along with the story ("Impact Shorts", "Read more") dropped and reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from explorer.draft.lexicon import CHROME_LINES

MAX_BYTES = 8 * 1024 * 1024
HTML_SUFFIXES = (".html", ".htm", ".xhtml")

# What a YAML block cannot hold: C0/C1 controls but tab and newline, lone surrogates, BOM,
# non-characters; and the bidi controls that could make a terminal show other text.
_UNWRITABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff"
    "\u202a-\u202e\u2066-\u2069\u200b-\u200f]"
)
_LINE_BREAKS = re.compile("\r\n|[\r\x85\u2028\u2029]")
_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_LETTER_OR_DIGIT = re.compile(r"\w")


class SourceError(ValueError):
    """A file that cannot be drafted from; the message names the file and why."""


@dataclass
class Source:
    """The article as found: body paragraphs and whatever metadata the file gave."""

    paragraphs: list[str]
    title: str | None = None
    published: date | None = None
    site: str | None = None
    url: str | None = None
    dropped: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs) + "\n"


def clean_line(line: str) -> str:
    line = _UNWRITABLE.sub("", line)
    return _SPACE.sub(" ", line).strip()


def _strip_chrome(line: str) -> tuple[str, str | None]:
    """The line without page furniture at its start; what was dropped, if anything."""
    lowered = line.lower()
    for chrome in CHROME_LINES:
        if lowered == chrome or lowered.rstrip(":») ›>") == chrome:
            return "", line
        if lowered.startswith(chrome) and len(line) > len(chrome):
            rest = line[len(chrome) :]
            # Glued on without a space ("More ShortsHigh-level …"): furniture then text.
            if rest[:1].isupper() and chrome in ("impact shorts", "more shorts"):
                return rest.strip(), line[: len(chrome)]
    return line, None


def paragraphs_of(text: str) -> tuple[list[str], list[str]]:
    """Paragraphs of a plain text, and the furniture lines dropped from it."""
    text = _LINE_BREAKS.sub("\n", text)
    blocks = re.split(r"\n[ \t]*\n", text)
    raw = [" ".join(block.split("\n")) for block in blocks] if len(blocks) > 1 else text.split("\n")
    paragraphs: list[str] = []
    dropped: list[str] = []
    for line in raw:
        line = clean_line(line)
        if not line:
            continue
        line, chrome = _strip_chrome(line)
        if chrome is not None:
            dropped.append(chrome)
        if not line:
            continue
        if not _LETTER_OR_DIGIT.search(line):
            dropped.append(line)
            continue
        paragraphs.append(line)
    return paragraphs, dropped


def read_source(path: Path) -> Source:
    """Read FILE as a page (by its suffix, or markup at its start) or as plain text."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise SourceError(f"{path}: is a directory, not an article file") from None
    except OSError as failure:
        raise SourceError(f"{path}: cannot be read: {failure.strerror or failure}") from None
    if len(raw) > MAX_BYTES:
        raise SourceError(f"{path}: is larger than {MAX_BYTES // (1024 * 1024)} MiB")
    if path.suffix.lower() in HTML_SUFFIXES or _looks_like_html(raw):
        return read_page(raw, path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as failure:
        raise SourceError(
            f"{path}: is not UTF-8 text (byte 0x{raw[failure.start]:02x} at offset {failure.start})"
        ) from None
    paragraphs, dropped = paragraphs_of(text)
    if not paragraphs:
        raise SourceError(f"{path}: holds no article text")
    return Source(paragraphs, dropped=dropped)


def _looks_like_html(raw: bytes) -> bool:
    head = raw[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def read_page(raw: bytes, path: Path) -> Source:
    """The article of a saved web page: trafilatura for text and metadata, htmldate for the date."""
    import lxml.html
    import trafilatura
    from htmldate import find_date

    try:
        tree = lxml.html.fromstring(raw)
    except (ValueError, lxml.etree.ParserError) as failure:
        raise SourceError(f"{path}: is not a readable web page ({failure})") from None
    document = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        deduplicate=True,
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text:
        raise SourceError(f"{path}: no article text found in the page")
    paragraphs, dropped = paragraphs_of(text)
    if not paragraphs:
        raise SourceError(f"{path}: no article text found in the page")
    published = None
    found = find_date(tree, extensive_search=True, original_date=True, outputformat="%Y-%m-%d")
    if found:
        try:
            published = date.fromisoformat(found)
        except ValueError:
            published = None
    title = clean_line(getattr(document, "title", None) or "") or None
    if title and len(paragraphs) > 1 and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # the headline, which is the title, not the body
    site = clean_line(getattr(document, "sitename", None) or "") or None
    url = clean_line(getattr(document, "url", None) or "") or None
    return Source(paragraphs, title, published, site, url, dropped)

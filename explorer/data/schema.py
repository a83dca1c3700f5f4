"""Format v1: which keys each record has, and what each must hold."""

from __future__ import annotations

import re
from dataclasses import dataclass

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
FORMAT_VERSION = 1
# Names, aliases, titles and ids are shown on one line and indexed word by word for search:
# a longer one is a mistake (a body pasted into a name), and would make the index quadratic.
MAX_NAME_LENGTH = 300


@dataclass(frozen=True, slots=True)
class FieldSpec:
    kind: str  # "str", "slug", "list", "slugs", "date", "when", "enum"
    required: bool = False
    choices: tuple[str, ...] = ()
    max_length: int | None = None  # characters, after cleaning; for a list, of each item


TOP_LEVEL = {
    "article": FieldSpec("mapping", required=True),
    "actors": FieldSpec("records"),
    "meetings": FieldSpec("records"),
    "quotes": FieldSpec("records"),
}

ARTICLE = {
    "id": FieldSpec("slug", required=True, max_length=MAX_NAME_LENGTH),
    "title": FieldSpec("str", required=True, max_length=MAX_NAME_LENGTH),
    "source": FieldSpec("str"),
    "url": FieldSpec("str"),
    "published": FieldSpec("date", required=True),
    "body": FieldSpec("str", required=True),
    "subheadings": FieldSpec("list"),
}

ACTOR = {
    "id": FieldSpec("slug", required=True, max_length=MAX_NAME_LENGTH),
    "name": FieldSpec("str", required=True, max_length=MAX_NAME_LENGTH),
    "kind": FieldSpec(
        "enum", required=True, choices=("person", "organisation", "country", "group")
    ),
    "role": FieldSpec("str"),
    "member_of": FieldSpec("slugs", max_length=MAX_NAME_LENGTH),
    "aliases": FieldSpec("list", max_length=MAX_NAME_LENGTH),
    "evidence": FieldSpec("list"),
    "note": FieldSpec("str"),
}

MEETING = {
    "id": FieldSpec("slug", required=True, max_length=MAX_NAME_LENGTH),
    "title": FieldSpec("str", required=True, max_length=MAX_NAME_LENGTH),
    "when": FieldSpec("when"),
    "where": FieldSpec("str"),
    "status": FieldSpec(
        "enum", required=True, choices=("happened", "ongoing", "planned", "expected")
    ),
    "participants": FieldSpec("slugs", required=True, max_length=MAX_NAME_LENGTH),
    "summary": FieldSpec("str"),
    "evidence": FieldSpec("list", required=True),
    "note": FieldSpec("str"),
}

QUOTE = {
    "id": FieldSpec("slug", required=True, max_length=MAX_NAME_LENGTH),
    "text": FieldSpec("str", required=True),
    "speaker": FieldSpec("slug", required=True, max_length=MAX_NAME_LENGTH),
    "kind": FieldSpec("enum", required=True, choices=("direct", "paraphrase", "reported")),
    "meeting": FieldSpec("slug", max_length=MAX_NAME_LENGTH),
    "evidence": FieldSpec("list"),
    "note": FieldSpec("str"),
}

"""Format v1: which keys each record has, and what each must hold."""

from __future__ import annotations

import re
from dataclasses import dataclass

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class FieldSpec:
    kind: str  # "str", "slug", "list", "slugs", "date", "when", "enum"
    required: bool = False
    choices: tuple[str, ...] = ()


TOP_LEVEL = {
    "article": FieldSpec("mapping", required=True),
    "actors": FieldSpec("records"),
    "meetings": FieldSpec("records"),
    "quotes": FieldSpec("records"),
}

ARTICLE = {
    "id": FieldSpec("slug", required=True),
    "title": FieldSpec("str", required=True),
    "source": FieldSpec("str"),
    "url": FieldSpec("str"),
    "published": FieldSpec("date", required=True),
    "body": FieldSpec("str", required=True),
    "subheadings": FieldSpec("list"),
}

ACTOR = {
    "id": FieldSpec("slug", required=True),
    "name": FieldSpec("str", required=True),
    "kind": FieldSpec(
        "enum", required=True, choices=("person", "organisation", "country", "group")
    ),
    "role": FieldSpec("str"),
    "member_of": FieldSpec("slugs"),
    "aliases": FieldSpec("list"),
    "evidence": FieldSpec("list"),
    "note": FieldSpec("str"),
}

MEETING = {
    "id": FieldSpec("slug", required=True),
    "title": FieldSpec("str", required=True),
    "when": FieldSpec("when"),
    "where": FieldSpec("str"),
    "status": FieldSpec(
        "enum", required=True, choices=("happened", "ongoing", "planned", "expected")
    ),
    "participants": FieldSpec("slugs", required=True),
    "summary": FieldSpec("str"),
    "evidence": FieldSpec("list", required=True),
    "note": FieldSpec("str"),
}

QUOTE = {
    "id": FieldSpec("slug", required=True),
    "text": FieldSpec("str", required=True),
    "speaker": FieldSpec("slug", required=True),
    "kind": FieldSpec("enum", required=True, choices=("direct", "paraphrase", "reported")),
    "meeting": FieldSpec("slug"),
    "evidence": FieldSpec("list"),
    "note": FieldSpec("str"),
}

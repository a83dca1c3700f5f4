"""Format v1.1: which keys each record has, and what each must hold.

Format 1.1 adds to format 1, whose every file stays valid: a top-level `format` key
("1" or "1.1"; without it a file's version is inferred from what it uses), a quote's
`speaker` as a list of actor ids (a joint statement), a meeting id that several articles
report (each with its own `when`, `status` and evidence: see the importer's merge), and the
statuses `postponed` and `cancelled`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# The database's own layout, which every format-1.x file is stored in. 2: a meeting's reports,
# an actor's roles and a joint statement's speakers (format 1.1). A database of an earlier
# layout is refused with a message to import again; the seed's cache is rebuilt.
FORMAT_VERSION = 2
# The article file formats this explorer reads, as the `format` key gives them.
FILE_FORMATS = ("1", "1.1")
# Names, aliases, titles and ids are shown on one line and indexed word by word for search:
# a longer one is a mistake (a body pasted into a name), and would make the index quadratic.
MAX_NAME_LENGTH = 300


@dataclass(frozen=True, slots=True)
class FieldSpec:
    kind: str  # "str", "slug", "list", "slugs", "speakers", "date", "when", "enum"
    required: bool = False
    choices: tuple[str, ...] = ()
    max_length: int | None = None  # characters, after cleaning; for a list, of each item


TOP_LEVEL = {
    "format": FieldSpec("enum", choices=("1", "1.0", "1.1")),
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
        "enum",
        required=True,
        choices=("happened", "ongoing", "planned", "expected", "postponed", "cancelled"),
    ),
    "participants": FieldSpec("slugs", required=True, max_length=MAX_NAME_LENGTH),
    "summary": FieldSpec("str"),
    "evidence": FieldSpec("list", required=True),
    "note": FieldSpec("str"),
}

QUOTE = {
    "id": FieldSpec("slug", required=True, max_length=MAX_NAME_LENGTH),
    "text": FieldSpec("str", required=True),
    # One actor id, or (format 1.1) a list of them: a joint statement.
    "speaker": FieldSpec("speakers", required=True, max_length=MAX_NAME_LENGTH),
    "kind": FieldSpec("enum", required=True, choices=("direct", "paraphrase", "reported")),
    "meeting": FieldSpec("slug", max_length=MAX_NAME_LENGTH),
    "evidence": FieldSpec("list"),
    "note": FieldSpec("str"),
}

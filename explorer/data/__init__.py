"""The data layer: models, YAML import, validation, store, indexes. It knows nothing of Textual."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

# Each name loads its module when first used: the app's first frame must not wait for the
# YAML reader, the store or the importer, which only `explorer import` and the loading
# worker need. `from explorer.data import Ref` loads the models alone.
_HOMES = {
    "Corpus": "corpus",
    "Relation": "corpus",
    "DataError": "errors",
    "ExplorerError": "errors",
    "Problem": "errors",
    "StoreError": "errors",
    "Loaded": "models",
    "load_files": "importer",
    "parse_file": "importer",
    "Actor": "models",
    "Article": "models",
    "Item": "models",
    "ItemKind": "models",
    "Meeting": "models",
    "PartialDate": "models",
    "Precision": "models",
    "Quote": "models",
    "Ref": "models",
    "Span": "models",
    "When": "models",
    "corpus_from_files": "sources",
    "default_corpus_path": "sources",
    "default_database_path": "sources",
    "default_import_path": "sources",
    "import_files": "sources",
    "open_corpus": "sources",
    "open_default_corpus": "sources",
    "seed_files": "sources",
}

if TYPE_CHECKING:
    from explorer.data.corpus import Corpus, Relation
    from explorer.data.errors import DataError, ExplorerError, Problem, StoreError
    from explorer.data.importer import load_files, parse_file
    from explorer.data.models import (
        Actor,
        Article,
        Item,
        ItemKind,
        Loaded,
        Meeting,
        PartialDate,
        Precision,
        Quote,
        Ref,
        Span,
        When,
    )
    from explorer.data.sources import (
        corpus_from_files,
        default_corpus_path,
        default_database_path,
        default_import_path,
        import_files,
        open_corpus,
        open_default_corpus,
        seed_files,
    )


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'explorer.data' has no attribute {name!r}")
    value = getattr(import_module(f"explorer.data.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])


__all__ = [
    "Actor",
    "Article",
    "Corpus",
    "DataError",
    "ExplorerError",
    "Item",
    "ItemKind",
    "Loaded",
    "Meeting",
    "PartialDate",
    "Precision",
    "Problem",
    "Quote",
    "Ref",
    "Relation",
    "Span",
    "StoreError",
    "When",
    "corpus_from_files",
    "default_corpus_path",
    "default_database_path",
    "default_import_path",
    "import_files",
    "load_files",
    "open_corpus",
    "open_default_corpus",
    "parse_file",
    "seed_files",
]

"""The data layer: models, YAML import, validation, store, indexes. It knows nothing of Textual."""

from explorer.data.corpus import Corpus, Relation
from explorer.data.errors import DataError, ExplorerError, Problem, StoreError
from explorer.data.importer import Loaded, load_files, parse_file
from explorer.data.models import (
    Actor,
    Article,
    Item,
    ItemKind,
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
    default_database_path,
    import_files,
    open_corpus,
    open_default_corpus,
    seed_files,
)

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
    "default_database_path",
    "import_files",
    "load_files",
    "open_corpus",
    "open_default_corpus",
    "parse_file",
    "seed_files",
]

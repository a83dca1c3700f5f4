"""Opening the corpus a user means: the database named, or the default one.

Kept apart from `sources` so that naming it costs nothing: the app's first frame imports this
module, and the data layer's modules load only when a corpus is actually read.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from explorer.data.corpus import Corpus


def load_corpus(db: Path | None) -> Corpus:
    """The corpus in `db`, or the default one (the user's corpus once imported, else the
    seed); raises ExplorerError on bad input. The app and the commands both load through it."""
    from explorer.data.sources import open_corpus, open_default_corpus

    return open_corpus(db) if db is not None else open_default_corpus()


def load_indexed_corpus(db: Path | None) -> Corpus:
    """As `load_corpus`, but answered from the persisted index beside the database (built
    first when missing or stale): the app reads a page of rows, one item, the quotes a search
    shows, never every record. Raises ExplorerError on bad input, as `load_corpus` does."""
    from explorer.data.sources import open_indexed_corpus

    return open_indexed_corpus(db)

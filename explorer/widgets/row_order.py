"""The order of a pane's rows, "related first" (or "only related"), without copying the list.

A pane over a thousand articles holds tens of thousands of ids. Moving the cursor elsewhere
changes which of them are related, on every key; re-sorting or even copying the whole list
each time is what made the panes slow. `RowOrder` keeps the pane's base order as it is and
describes the new order by the sorted base positions of the related ids only: building it
costs O(r log r) for r related ids, and finding the row at an index, or the index of an id,
costs a few binary searches. Nothing here imports Textual.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import cast


class RowOrder(Sequence[str]):
    """Ids in display order: the related ones first (in base order), then the rest, if shown.

    `base` is every id in the pane's own order and `position` maps each id to its index in
    `base` (both built once per pane). `related` ids missing from `base` are ignored.
    """

    __slots__ = ("_base", "_position", "_related", "only_related")

    def __init__(
        self,
        base: Sequence[str],
        position: Mapping[str, int],
        related: Collection[str] = (),
        only_related: bool = False,
        *,
        places: Sequence[int] | None = None,
    ) -> None:
        self._base = base
        self._position = position
        self.only_related = only_related
        if places is not None:
            # The related ids' base positions, sorted, as stored: nothing to look up or sort
            # (a pane relinked to an actor of 36,000 statements spent 30-50 ms on them).
            self._related = list(places)
            return
        # Looked up and sorted in C: a pane relinked to an actor of 16,000 statements maps
        # that many ids on the key that moves onto it.
        found = list(map(position.get, related))
        places = cast(
            "list[int]", found if None not in found else [p for p in found if p is not None]
        )
        places.sort()
        self._related = places

    @property
    def related_count(self) -> int:
        """How many rows are related (they come first)."""
        return len(self._related)

    @property
    def rest_count(self) -> int:
        """How many rows follow the related ones (none when only related ones show)."""
        return 0 if self.only_related else len(self._base) - len(self._related)

    def __len__(self) -> int:
        return self.related_count + self.rest_count

    def _rest_position(self, k: int) -> int:
        """The base position of the k-th id that is not related (binary search)."""
        related = self._related
        # Unrelated ids in base[0..j] = j + 1 - (related positions <= j), nondecreasing in j;
        # the first j where it reaches k + 1 is the k-th unrelated position.
        low, high = k, k + len(related)
        while low < high:
            middle = (low + high) // 2
            if middle + 1 - bisect_right(related, middle) >= k + 1:
                high = middle
            else:
                low = middle + 1
        return low

    def __getitem__(self, index: int) -> str:  # type: ignore[override]
        if not isinstance(index, int):
            raise TypeError("RowOrder indexes are integers")
        count = len(self)
        if index < 0:
            index += count
        if not 0 <= index < count:
            raise IndexError(index)
        if index < self.related_count:
            return self._base[self._related[index]]
        return self._base[self._rest_position(index - self.related_count)]

    def index(self, item_id: object, start: int = 0, stop: int | None = None) -> int:
        """The row of `item_id`; ValueError when it is not shown."""
        position = self._position.get(item_id) if isinstance(item_id, str) else None
        if position is None:
            raise ValueError(f"{item_id!r} is not shown")
        before = bisect_left(self._related, position)
        if before < len(self._related) and self._related[before] == position:
            row = before
        elif self.only_related:
            raise ValueError(f"{item_id!r} is not shown")
        else:
            row = self.related_count + position - before
        if row < start or (stop is not None and row >= stop):
            raise ValueError(f"{item_id!r} is not shown")
        return row

    def is_related(self, item_id: str) -> bool:
        position = self._position.get(item_id)
        if position is None:
            return False
        before = bisect_left(self._related, position)
        return before < len(self._related) and self._related[before] == position

    def __contains__(self, item_id: object) -> bool:
        try:
            self.index(item_id)
        except ValueError:
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        base = self._base
        for position in self._related:
            yield base[position]
        if not self.only_related:
            related = iter(self._related)
            skip = next(related, None)
            for position, item_id in enumerate(base):
                if position == skip:
                    skip = next(related, None)
                    continue
                yield item_id

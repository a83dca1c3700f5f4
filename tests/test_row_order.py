"""The order of a pane's rows: related first (or only), read without copying the list."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from explorer.widgets.row_order import RowOrder


def naive(base: list[str], related: set[str], only: bool) -> list[str]:
    first = [i for i in base if i in related]
    return first if only else first + [i for i in base if i not in related]


@given(
    size=st.integers(0, 60),
    picks=st.sets(st.integers(0, 80)),
    only=st.booleans(),
)
def test_rows_are_related_first_then_the_rest_in_pane_order(
    size: int, picks: set[int], only: bool
) -> None:
    base = [f"item-{n:03d}" for n in range(size)]
    position = {item_id: n for n, item_id in enumerate(base)}
    related = {f"item-{n:03d}" for n in picks}  # some beyond the list: ignored
    order = RowOrder(base, position, related, only)
    expected = naive(base, related, only)
    assert list(order) == expected
    assert len(order) == len(expected)
    assert [order[i] for i in range(len(order))] == expected
    assert order.related_count == len(related & set(base))
    for row, item_id in enumerate(expected):
        assert order.index(item_id) == row
        assert item_id in order
    for item_id in set(base) - set(expected):
        assert item_id not in order


def test_an_unknown_id_is_not_shown() -> None:
    order = RowOrder(["a", "b"], {"a": 0, "b": 1}, {"b"})
    assert "zz" not in order
    assert order[-1] == "a"
    assert order.is_related("b") and not order.is_related("a")

"""The History model: bounded, back/forward say whether they moved, a new visit drops forward."""

from __future__ import annotations

import pytest

from explorer.data import Ref
from explorer.history import History, Visit


def v(name: str) -> Visit:
    return Visit(Ref("actor", name))


def refs(history: History) -> list[str]:
    return [visit.ref.id for visit in history if visit.ref]


def test_empty_history_cannot_move() -> None:
    history = History()
    assert history.current is None
    assert history.back() is False
    assert history.forward() is False
    assert history.index == -1


def test_back_and_forward_move_and_report() -> None:
    history = History()
    for name in "abc":
        history.visit(v(name))
    assert history.current == v("c")
    assert history.back() is True and history.current == v("b")
    assert history.back() is True and history.current == v("a")
    assert history.back() is False and history.current == v("a")
    assert history.forward() is True and history.current == v("b")
    assert history.forward() is True and history.current == v("c")
    assert history.forward() is False and history.current == v("c")


def test_new_visit_drops_forward_entries() -> None:
    history = History()
    for name in "abcd":
        history.visit(v(name))
    history.back()
    history.back()
    history.visit(v("x"))
    assert refs(history) == ["a", "b", "x"]
    assert history.can_forward is False


def test_visiting_the_current_entry_again_records_nothing() -> None:
    history = History()
    assert history.visit(v("a")) is True
    assert history.visit(v("a")) is False
    assert len(history) == 1


@pytest.mark.parametrize(("size", "visits", "kept"), [(1, 3, 1), (3, 5, 3), (5, 2, 2)])
def test_history_is_bounded_and_keeps_the_newest(size: int, visits: int, kept: int) -> None:
    history = History(size)
    names = [f"item-{i}" for i in range(visits)]
    for name in names:
        history.visit(v(name))
    assert refs(history) == names[-kept:]
    assert history.current == v(names[-1])
    assert history.index == kept - 1


def test_go_jumps_to_an_entry_and_keeps_the_rest() -> None:
    history = History()
    for name in "abc":
        history.visit(v(name))
    assert history.go(0) is True and history.current == v("a")
    assert refs(history) == ["a", "b", "c"]
    assert history.go(0) is False
    assert history.go(7) is False
    assert history.forward() is True and history.current == v("b")


def test_screen_visits_are_entries_too() -> None:
    history = History()
    history.visit(v("a"))
    history.visit(Visit(Ref("actor", "a"), screen="reader"))
    assert len(history) == 2
    history.back()
    assert history.current is not None and history.current.screen == "main"


def test_a_history_holds_at_least_one_visit() -> None:
    with pytest.raises(ValueError):
        History(0)

"""The keywords every Textual widget takes, for the app's widgets to pass on typed."""

from __future__ import annotations

from typing import TypedDict


class WidgetOptions(TypedDict, total=False):
    """`name`, `id`, `classes` and `disabled`, as Textual's `Widget` takes them."""

    name: str | None
    id: str | None
    classes: str | None
    disabled: bool

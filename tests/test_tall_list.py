"""TallList: a cursor far down a long list shows its row whole, and the rows around it as
they are, however the heights of the rows above it were guessed."""

from __future__ import annotations

from itertools import pairwise

from textual.app import App, ComposeResult
from textual.content import Content

from explorer.widgets.tall_list import TallList

ROWS = 2000


def lines_of(index: int) -> int:
    return 1 + index % 3


class Rows(TallList):
    def __init__(self) -> None:
        super().__init__(id="rows")
        self.set_rows(ROWS)

    def row_visual(self, index: int) -> Content:
        return Content("\n".join(f"row {index} line {n}" for n in range(lines_of(index))))


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield Rows()


def screen_lines(rows: Rows) -> list[str]:
    return [rows.render_line(y).text.strip() for y in range(rows.scrollable_content_region.height)]


def check_consistent(rows: Rows) -> None:
    """Every line drawn is the line of the row that should be there, in order."""
    drawn = [line for line in screen_lines(rows) if line]
    for above, below in pairwise(drawn):
        a_row, a_line = int(above.split()[1]), int(above.split()[3])
        b_row, b_line = int(below.split()[1]), int(below.split()[3])
        if a_row == b_row:
            assert b_line == a_line + 1, (above, below)
        else:
            assert b_row == a_row + 1 and b_line == 0 and a_line == lines_of(a_row) - 1, (
                above,
                below,
            )


async def test_end_then_up_draws_every_row_whole_and_in_order() -> None:
    app = Host()
    async with app.run_test(size=(60, 20)) as pilot:
        rows = app.query_one(Rows)
        rows.focus()
        rows.highlighted = 0
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()
        assert rows.highlighted == ROWS - 1
        text = screen_lines(rows)
        assert f"row {ROWS - 1} line {lines_of(ROWS - 1) - 1}" in text  # the last row whole
        check_consistent(rows)
        for _ in range(150):  # up into the rows whose heights were guessed
            await pilot.press("k")
        await pilot.pause()
        assert rows.highlighted == ROWS - 151
        text = screen_lines(rows)
        for line in range(lines_of(ROWS - 151)):
            assert f"row {ROWS - 151} line {line}" in text
        check_consistent(rows)
        await pilot.press("pageup", "pageup", "pageup")
        await pilot.pause()
        check_consistent(rows)
        await pilot.press("home")
        await pilot.pause()
        assert screen_lines(rows)[0] == "row 0 line 0"
        check_consistent(rows)

"""What the command line and the app's launcher share: exit codes and the error line.

Neither Textual nor the commands: `explorer.commands` and the app both import this, so the app
never reaches into the command line for them.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from explorer.data.text import visible

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_BAD_INPUT = 2


def stdout() -> Console:
    """Standard output: wrapped to the terminal's width on a terminal, never wrapped when
    piped (a script or grep reads each line whole)."""
    console = Console(highlight=False)
    console.soft_wrap = not console.is_terminal
    return console


def stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def error(message: str) -> None:
    """One line on stderr; the message is shown literally, never parsed as markup, and a
    control character in it (a file's name may hold one) as its escape, never obeyed."""
    line = Text("explorer: ", style="bold red")
    line.append(visible(message))
    stderr().print(line)

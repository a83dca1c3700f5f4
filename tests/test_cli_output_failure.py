"""A command whose output cannot be written (a full disk under `>`) says so in one line.

It fails with exit 2 and no traceback (1 would read as "nothing found" to a script), instead of a Python traceback, or of Python's own
"Exception ignored" at exit with the output silently lost.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "command",
    [
        ["search", "trust"],
        ["search", "trust", "--json"],
        ["show", "takeshi-iwaya"],
        ["show", "takeshi-iwaya", "--json"],
        ["export", "--format", "json"],
    ],
)
def test_output_to_a_full_disk_is_one_clear_error(tmp_path: Path, command: list[str]) -> None:
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    env.pop("EXPLORER_DATA_DIR", None)
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "explorer", *command],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=REPO,
            check=False,
        )
    assert result.returncode == 2
    assert result.stderr == "explorer: cannot write the output: No space left on device\n"

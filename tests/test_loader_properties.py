"""On any input the loader returns a valid model or raises the project's own error type."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.data import DataError, load_files
from explorer.data.safe_yaml import parse_yaml
from tests.conftest import SEED_FILE

SEED_TEXT = SEED_FILE.read_text(encoding="utf-8")


def _load_text(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            loaded = load_files([path])
        except DataError as error:
            assert error.problems, "a DataError must carry at least one problem"
            for problem in error.problems:
                assert problem.file == str(path)
                assert problem.message
            return
        assert loaded.articles, "a file that loads has its article"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text_parses_or_raises_data_error(text: str) -> None:
    with contextlib.suppress(DataError):
        parse_yaml(text, "fuzz")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#\n ?,%@`\t")), max_size=200))
def test_yaml_punctuation_soup_parses_or_raises_data_error(text: str) -> None:
    _load_text(text)


@st.composite
def seed_mutations(draw: st.DrawFn) -> str:
    """The seed file with a few random cuts, insertions or swaps of characters and lines."""
    text = SEED_TEXT
    for _ in range(draw(st.integers(1, 4))):
        operation = draw(st.sampled_from(["delete", "insert", "swap-lines", "dup-line"]))
        position = draw(st.integers(0, len(text)))
        if operation == "delete":
            length = draw(st.integers(1, 40))
            text = text[:position] + text[position + length :]
        elif operation == "insert":
            piece = draw(
                st.sampled_from(
                    [
                        "\n",
                        ": ",
                        "- ",
                        "[",
                        "]",
                        "&a ",
                        "*a",
                        "!!python/name:os.system ",
                        "\t",
                        "'",
                        '"',
                        "  ",
                        "id: x\n",
                        "~",
                        "\x1b[31m",
                        "2024-02-30",
                        "{",
                        "}",
                        "#",
                    ]
                )
            )
            text = text[:position] + piece + text[position:]
        else:
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            j = draw(st.integers(0, len(lines) - 1))
            if operation == "swap-lines":
                lines[i], lines[j] = lines[j], lines[i]
            else:
                lines.insert(j, lines[i])
            text = "\n".join(lines)
    return text


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed_mutations())
def test_mutated_seed_loads_or_raises_data_error(text: str) -> None:
    _load_text(text)

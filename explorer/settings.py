"""The user's settings: `config.toml` in the platform's config folder, read once at start.

    theme = "textual-light"

    [keys]
    "app.note" = "ctrl+n"            # a binding id (see `?`, or explorer/keymap.py) = keys
    "main.search_next" = "n,ctrl+j"  # several keys: comma-separated

The folder is `platformdirs.user_config_dir("explorer")` (`~/.config/explorer/` on Linux), or
`$EXPLORER_CONFIG_DIR`. A missing file means the defaults. A file that cannot be read, is not
TOML, or names an unknown setting, binding id, key or theme is refused as a whole with one
message naming the file, the line and the value (`SettingsError`): the command exits 2 and
says so, as for any other bad input, rather than start with keys the user did not ask for.

This module knows no Textual: what counts as a binding id, a key name or a theme is given.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

from explorer.data.errors import ExplorerError

CONFIG_VARIABLE = "EXPLORER_CONFIG_DIR"
CONFIG_NAME = "config.toml"
SETTINGS = ("theme", "keys")


class SettingsError(ExplorerError):
    """The config file cannot be used: the message names the file, line and value."""


@dataclass(frozen=True, slots=True)
class Settings:
    """What the user chose: a theme (None: the default) and keys by binding id."""

    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    path: Path | None = None


def config_path() -> Path:
    """Where the config file is (it need not exist)."""
    folder = os.environ.get(CONFIG_VARIABLE)
    if folder:
        return Path(folder).expanduser() / CONFIG_NAME
    from platformdirs import user_config_dir

    return Path(user_config_dir("explorer")) / CONFIG_NAME


def _line_of(text: str, name: str) -> int:
    """The line where `name` is set (bare or quoted before `=`), 1-based; 1 if not found."""
    pattern = re.compile(
        rf"""^\s*(?:{re.escape(name)}|"{re.escape(name)}"|'{re.escape(name)}')\s*="""
    )
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return 1


def load_settings(
    *,
    binding_ids: Collection[str],
    valid_key: Callable[[str], bool],
    themes: Collection[str],
    path: Path | None = None,
) -> Settings:
    """The settings of the config file at `path` (default: `config_path()`), checked."""
    path = path if path is not None else config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as failure:
        raise SettingsError(f"{path}: cannot be read: {failure.strerror or failure}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as failure:
        line = raw[: failure.start].count(b"\n") + 1
        raise SettingsError(f"{path}:{line}: not UTF-8 text") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as failure:
        # tomllib says "... (at line 3, column 7)": put the place first, as every message does.
        message = str(failure)
        found = re.search(r"\(at line (\d+), column (\d+)\)$", message)
        if found:
            message = message[: found.start()].rstrip()
            raise SettingsError(
                f"{path}:{found[1]}:{found[2]}: not valid TOML: {message}"
            ) from None
        raise SettingsError(f"{path}: not valid TOML: {message}") from None

    def fail(name: str, message: str) -> SettingsError:
        return SettingsError(f"{path}:{_line_of(text, name)}: {message}")

    for name in data:
        if name not in SETTINGS:
            raise fail(name, f"unknown setting {name!r} (known: {', '.join(SETTINGS)})")
    theme = data.get("theme")
    if theme is not None and (not isinstance(theme, str) or theme not in themes):
        raise fail("theme", f"unknown theme {theme!r} (one of: {', '.join(sorted(themes))})")
    table = data.get("keys", {})
    if not isinstance(table, dict):
        raise fail("keys", 'keys must be a table: [keys] then lines like "app.note" = "e"')
    keys: dict[str, str] = {}
    for binding_id, value in table.items():
        if binding_id not in binding_ids:
            near = [b for b in sorted(binding_ids) if b.split(".")[-1] == binding_id.split(".")[-1]]
            hint = f" (did you mean {near[0]}?)" if near else " (the help, ?, lists every id)"
            raise fail(binding_id, f"unknown binding id {binding_id!r}{hint}")
        if not isinstance(value, str) or not value.strip():
            raise fail(binding_id, f"{binding_id}: keys must be a non-empty string, not {value!r}")
        names = [name.strip() for name in value.split(",")]
        for name in names:
            if not valid_key(name):
                raise fail(
                    binding_id,
                    f'{binding_id}: {name!r} is not a key name (e.g. "e", "ctrl+n", "f2", "question_mark")',
                )
        keys[binding_id] = ",".join(names)
    return Settings(theme=theme, keys=keys, path=path)

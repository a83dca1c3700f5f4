"""`explorer serve`: the command line, the page it serves, and a clean stop on Ctrl+C.

The browser end to end test is in test_serve_browser.py; it reuses `serving()` from here.
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.commands import serve

START_TIMEOUT = 20.0  # seconds for the server to answer its first request
STOP_TIMEOUT = 10.0  # seconds for it to exit after Ctrl+C


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Served:
    """A running `explorer serve` process and where its output goes."""

    process: subprocess.Popen[bytes]
    url: str
    stdout_path: Path
    stderr_path: Path

    @property
    def link(self) -> str:
        """The link `serve` printed: the page, with this run's token."""
        found = re.search(r"explorer is served at (\S+)", self.stdout)
        assert found, f"serve printed no link: {self.stdout!r}"
        return found.group(1)

    @property
    def token(self) -> str:
        return self.link.rsplit("token=", 1)[1]

    @property
    def stdout(self) -> str:
        return self.stdout_path.read_text(encoding="utf-8", errors="replace")

    @property
    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def ctrl_c(self) -> int:
        """Press Ctrl+C as a terminal does (SIGINT to the whole process group); the exit code."""
        os.killpg(self.process.pid, signal.SIGINT)
        return self.process.wait(timeout=STOP_TIMEOUT)

    def group_gone(self, timeout: float = STOP_TIMEOUT) -> bool:
        """Whether every process of the server's group (its apps too) has exited."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                os.killpg(self.process.pid, 0)
            except ProcessLookupError:
                return True
            time.sleep(0.05)
        return False

    def kill(self) -> None:
        """Stop the server and every app it started, whatever state they are in."""
        if self.process.poll() is None:
            with suppress(subprocess.TimeoutExpired):
                self.ctrl_c()
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=STOP_TIMEOUT)


def get(url: str, timeout: float = 5.0) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


@contextmanager
def serving(
    folder: Path, *args: str, env: dict[str, str] | None = None, port: int | None = None
) -> Iterator[Served]:
    """Run `explorer serve` on a free loopback port until the block ends, even on failure.

    The server gets its own process group, so stopping it also stops the app processes it
    started for browser tabs.
    """
    port = port or free_port()
    stdout_path, stderr_path = folder / "serve.stdout", folder / "serve.stderr"
    command = [sys.executable, "-m", "explorer", "serve", "--port", str(port), *args]
    with stdout_path.open("wb") as out, stderr_path.open("wb") as err:
        process = subprocess.Popen(
            command,
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            env={**os.environ, **(env or {})},
            start_new_session=True,
        )
    served = Served(process, f"http://127.0.0.1:{port}", stdout_path, stderr_path)
    try:
        wait_until_serving(served)
        yield served
    finally:
        served.kill()


def wait_until_serving(served: Served) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if served.process.poll() is not None:
            pytest.fail(f"explorer serve exited with {served.process.returncode}: {served.stderr}")
        try:
            if "served at" not in served.stdout:
                raise ConnectionError("no link printed yet")
            get(served.link, timeout=1.0)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
        else:
            return
    pytest.fail(f"explorer serve did not answer within {START_TIMEOUT} s: {served.stderr}")


# -- the command line ---------------------------------------------------------------------


def test_app_command_runs_this_python_on_the_given_database(tmp_path: Path) -> None:
    db = tmp_path / 'it\'s a "db" $HOME' / "news.json"
    argv = shlex.split(serve.app_command(db))
    assert argv == [sys.executable, "-m", "explorer", "--db", str(db.resolve())]
    assert shlex.split(serve.app_command(None)) == [sys.executable, "-m", "explorer"]


@pytest.mark.parametrize(
    ("host", "url"),
    [
        ("127.0.0.1", "http://127.0.0.1:8000"),
        ("localhost", "http://localhost:8000"),
        ("::1", "http://[::1]:8000"),
        ("0.0.0.0", f"http://{socket.gethostname()}:8000"),
        ("::", f"http://{socket.gethostname()}:8000"),
    ],
)
def test_public_url_is_one_a_browser_can_open(host: str, url: str) -> None:
    assert serve.public_url(host, 8000) == url


@pytest.mark.parametrize("port", ["0", "65536", "http", "-1"])
def test_a_bad_port_is_a_usage_error(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--port", port])
    assert exit_.value.code == 2
    assert "--port" in capsys.readouterr().err


class RecordingServer:
    """Stands in for textual-serve's server: records what it was asked to serve."""

    def __init__(self, command: str, host: str, port: int, url: str) -> None:
        self.command, self.host, self.port, self.url = command, host, port, url
        self.served = False

    def serve(self) -> None:
        self.served = True


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> list[RecordingServer]:
    servers: list[RecordingServer] = []

    def build(command: str, host: str, port: int, url: str, **options: object) -> RecordingServer:
        servers.append(RecordingServer(command, host, port, url))
        return servers[-1]

    monkeypatch.setattr(serve, "build_server", build)
    # Nor bind anything: these tests are about what the command asks for, not the network.
    monkeypatch.setattr(serve, "check_can_listen", lambda host, port: None)
    return servers


def test_binds_to_loopback_by_default_without_warning(
    recorded: list[RecordingServer], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve"]) == 0
    [server] = recorded
    assert (server.host, server.port, server.url) == ("127.0.0.1", 8000, "http://127.0.0.1:8000")
    assert server.served
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("host", ["0.0.0.0", "::"])
def test_warns_when_told_to_listen_on_every_interface(
    host: str, recorded: list[RecordingServer], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--host", host, "--port", "8123"]) == 0
    err = capsys.readouterr().err
    assert "warning" in err
    assert "all network interfaces" in err
    assert "8123" in err
    assert recorded[0].host == host


def test_public_url_option_is_what_the_page_announces(recorded: list[RecordingServer]) -> None:
    assert main(["serve", "--public-url", "https://news.example/explorer"]) == 0
    assert recorded[0].url == "https://news.example/explorer"


def test_a_missing_database_is_one_message_and_no_server(
    tmp_path: Path, recorded: list[RecordingServer], capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.json"
    assert main(["serve", "--db", str(missing)]) == 2
    err = capsys.readouterr().err
    assert "nowhere.json" in err
    assert "Traceback" not in err
    assert recorded == []


# -- the running server -------------------------------------------------------------------


def test_serves_the_page_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    with serving(tmp_path) as served:
        page = get(served.link)
        # The page tells the browser where the app's websocket is, and names the app.
        assert (
            f'data-session-websocket-url="ws://127.0.0.1:{served.url.rsplit(":", 1)[1]}/ws"' in page
        )
        assert "<div>explorer</div>" in page
        # ... and gives the terminal the keyboard as soon as it exists.
        assert serve.FOCUS_SCRIPT in page
        assert page.index(serve.FOCUS_SCRIPT) < page.index("</body>")
        assert served.link == f"{served.url}/?token={served.token}"
        assert len(served.token) >= 32
        get(f"{served.url}/static/css/xterm.css")
        assert served.ctrl_c() == 0
        assert served.group_gone()
    assert "Traceback" not in served.stderr + served.stdout
    # Requests are not logged unless asked for.
    assert "GET" not in served.stdout + served.stderr


def test_access_log_prints_one_whole_line_a_request(tmp_path: Path) -> None:
    with serving(tmp_path, "--access-log") as served:
        get(f"{served.url}/static/css/xterm.css?{'long' * 40}")
        assert served.ctrl_c() == 0
    requests = [line for line in served.stdout.splitlines() if '"GET' in line]
    # The server's own check that it answers, then the style sheet, each one unwrapped line.
    assert any("/?token=" in line and " 200 " in line for line in requests)
    assert any(f'/static/css/xterm.css?{"long" * 40} HTTP/1.1" 200' in line for line in requests)
    assert served.token not in served.stderr


def test_a_port_in_use_is_one_message(tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "explorer", "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT,
        )
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "served at" not in result.stdout
    assert "Traceback" not in result.stderr + result.stdout

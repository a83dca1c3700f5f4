"""End to end: `explorer serve`, opened in headless Chromium, driven by keys typed in the page.

textual-serve draws the terminal on a canvas, so the page holds no text to read. The served app
is asked (EXPLORER_SCREENSHOT_DIR) to save its screen as SVG after each key; the test reads that
text, which proves the keys typed in the browser reached the app and changed what it shows.

Chromium is Debian's `chromium` package, driven by Playwright without a browser download. Where
it is missing the test is skipped, except where EXPLORER_REQUIRE_BROWSER or CI is set (.ci/run
sets it): there a missing browser is a failure.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.etree import ElementTree

import pytest

from explorer.screen_capture import SCREENSHOT_DIR_VARIABLE, SCREENSHOT_NAME
from tests.test_serve import Served, serving

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VIEWPORT = {"width": 1280, "height": 800}
PAGE_TIMEOUT_MS = 60_000  # page load, selectors, key presses (a bound: CI runs slow)
SCREEN_TIMEOUT = 40.0  # a bound: seconds for the screen to show what a key changed


def require_browser() -> None:
    """Skip without Chromium or Playwright, unless this run must exercise the browser."""
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("playwright (pip install -e '.[test]')")
    if not missing:
        return
    reason = "browser test needs " + " and ".join(missing)
    if os.environ.get("EXPLORER_REQUIRE_BROWSER") or os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


# -- reading the app's own screen ---------------------------------------------------------

SVG = "{http://www.w3.org/2000/svg}"
LINE_ID = re.compile(r"line-(\d+)\)")


def screen_lines(svg: str) -> list[str]:
    """The text of a Textual SVG screenshot, one string per terminal row, columns kept."""
    root = ElementTree.fromstring(svg)
    cells: dict[int, dict[int, str]] = {}
    texts = []
    for element in root.iter(f"{SVG}text"):
        match = LINE_ID.search(element.get("clip-path", ""))
        text = (element.text or "").replace("\xa0", " ").rstrip("\n")
        if match and text:
            texts.append((int(match.group(1)), float(element.get("x", 0)), element, text))
    if not texts:
        return []  # saved before anything was drawn
    # Every cell is as wide as the narrowest run's cells (a run is `textLength` wide).
    cell = min(float(element.get("textLength")) / len(text) for _, _, element, text in texts)
    for row, x, _, text in texts:
        column = round(x / cell)
        line = cells.setdefault(row, {})
        for offset, char in enumerate(text):
            line[column + offset] = char
    lines = []
    for row in range(max(cells, default=-1) + 1):
        line = cells.get(row, {})
        width = max(line, default=-1) + 1
        lines.append("".join(line.get(column, " ") for column in range(width)).rstrip())
    return lines


def detail_title(lines: list[str]) -> str | None:
    """The first line inside the Detail pane: the name of the item under the cursor."""
    for row, line in enumerate(lines[:-1]):
        heading = line.find("Detail:")
        if heading >= 0:
            left = line.rfind("▊", 0, heading)
            return lines[row + 1][left + 1 :].strip(" ▊▎") or None
    return None


class AppScreen:
    """What the served app last saved of its screen."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / SCREENSHOT_NAME

    def lines(self) -> list[str]:
        try:
            return screen_lines(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []

    def wait_for(self, what: str, shows: Callable[[list[str]], bool]) -> list[str]:
        """Poll the saved screen until `shows(lines)` holds; fail with the last screen if not."""
        deadline = time.monotonic() + SCREEN_TIMEOUT
        lines = self.lines()
        while not shows(lines):
            if time.monotonic() > deadline:
                pytest.fail(
                    f"the app's screen did not show {what} within {SCREEN_TIMEOUT} s; "
                    "it shows:\n" + "\n".join(lines)
                )
            time.sleep(0.1)
            lines = self.lines()
        return lines


# -- fixtures -----------------------------------------------------------------------------


@pytest.fixture
def screens(tmp_path: Path) -> Path:
    folder = tmp_path / "screens"
    folder.mkdir()
    return folder


@pytest.fixture
def served(tmp_path: Path, screens: Path) -> Iterator[Served]:
    """`explorer serve` on a free loopback port; stopped (with its apps) however the test ends."""
    require_browser()
    with serving(tmp_path, env={SCREENSHOT_DIR_VARIABLE: str(screens)}) as server:
        yield server


@pytest.fixture
def page(tmp_path: Path) -> Iterator[object]:
    """A page in headless Chromium with a fresh profile, allowed to reach loopback only."""
    require_browser()
    from playwright.sync_api import Route, sync_playwright

    def loopback_only(route: Route) -> None:
        # The page asks for a web font from the internet; the test must not depend on it.
        if route.request.url.startswith(("http://127.0.0.", "ws://127.0.0.")):
            route.continue_()
        else:
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport=VIEWPORT,
            timeout=PAGE_TIMEOUT_MS,
        )
        try:
            tab = browser.pages[0] if browser.pages else browser.new_page()
            tab.set_default_timeout(PAGE_TIMEOUT_MS)
            tab.route("**/*", loopback_only)
            yield tab
        finally:
            browser.close()


# -- the test -----------------------------------------------------------------------------


def test_keys_typed_in_the_browser_reach_the_app(
    served: Served, page, screens: Path, tmp_path: Path
) -> None:
    screen = AppScreen(screens)
    page.goto(served.link)
    # The page marks its body once the app's first bytes arrive over the websocket.
    page.wait_for_selector("body.-first-byte")
    first = screen.wait_for("the main screen", lambda lines: detail_title(lines) is not None)
    assert detail_title(first) == "China"  # the first actor, under the cursor at start
    # The footer row holds the keys from the first screen on.
    screen.wait_for("the footer's keys", lambda lines: "? Help" in lines[-1])

    # No click first: the page gives the terminal the keyboard when it opens.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    moved = screen.wait_for(
        "the third actor in the Detail pane",
        lambda lines: detail_title(lines) == "Chinese military delegation",
    )
    assert any("kind: group" in line for line in moved)

    # Quote search: `/`, then the words, each key narrowing the results.
    page.keyboard.press("/")
    page.keyboard.type("trust", delay=20)
    found = screen.wait_for("the two quotes about trust", lambda lines: counts(lines, 2))
    assert sum("mutual trust" in line for line in found) >= 2
    page.screenshot(path=str(tmp_path / "search.png"))

    page.keyboard.press("Enter")  # to the first result, in the Quotes pane and the detail
    chosen = screen.wait_for(
        "the first quote found in the Detail pane",
        lambda lines: "mutual trust" in (detail_title(lines) or ""),
    )
    assert any("Detail: quote" in line for line in chosen)
    assert any("speaker: PLA Eastern Theater Command" in line for line in chosen)

    page.screenshot(path=str(tmp_path / "explorer-in-chromium.png"))
    assert (tmp_path / "explorer-in-chromium.png").stat().st_size > 10_000
    # A browser tab names no file to write on the served machine.
    page.keyboard.press("Control+e")
    screen.wait_for(
        "export refused in the browser",
        lambda lines: any("Export is off in the browser" in line for line in lines),
    )
    # Ctrl+C stops the server and the explorer behind the open tab, with nothing to report.
    assert served.ctrl_c() == 0
    assert served.group_gone()
    assert served.stderr == ""
    assert "Traceback" not in served.stdout
    # Only the link and how to stop: no line for each request the page made.
    assert "GET" not in served.stdout


def counts(lines: list[str], quotes: int) -> bool:
    """Whether the search line reports `quotes` quotes found ("1 of 2 quotes")."""
    return any(re.search(rf"\b{quotes} quotes?\b", line) for line in lines)


# -- another site's page ------------------------------------------------------------------

HOSTILE_PAGE = """<!doctype html><title>waiting</title><script>
function attempt(name, url) {
  return new Promise((done) => {
    const socket = new WebSocket(url);
    socket.onopen = () => { socket.close(); done(name + ":opened"); };
    socket.onerror = () => done(name + ":refused");
  });
}
Promise.all([
  attempt("plain", "WS/ws?width=80&height=24"),
  attempt("guessed-token", "WS/ws?width=80&height=24&token=guess"),
]).then((results) => { document.title = results.join(" "); });
</script>"""


@contextmanager
def hostile_site(websocket_base: str) -> Iterator[str]:
    """A page on another loopback address (another origin) that tries explorer's websocket."""
    body = HOSTILE_PAGE.replace("WS", websocket_base).encode("utf-8")

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.2", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.2:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_a_page_of_another_origin_cannot_open_the_apps_websocket(
    served: Served, page, screens: Path
) -> None:
    # The user opened explorer's link in this browser: it holds explorer's cookie.
    page.goto(served.link)
    page.wait_for_selector("body.-first-byte")
    AppScreen(screens).wait_for("the main screen", lambda lines: detail_title(lines) is not None)
    # Then a page of another site, in the same browser, tries to drive explorer.
    with hostile_site(served.url.replace("http:", "ws:")) as address:
        page.goto(address)
        page.wait_for_function("document.title.includes(':')")
        assert page.title() == "plain:refused guessed-token:refused"
    assert served.ctrl_c() == 0

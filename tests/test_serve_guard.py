"""`explorer serve` answers only the link it printed, from the address it names.

A page of any other site the user visits while explorer is served must not read the screen or
type keys over the websocket; a browser tab must not write files on the served machine.
"""

from __future__ import annotations

import asyncio
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from explorer import SERVED_VARIABLE
from explorer.app import build_app
from explorer.data import corpus_from_files
from explorer.data.notes import NotesStore
from explorer.screens.articles import ExportDialog
from tests.articles import VALID, write
from tests.test_serve import Served, serving
from tests.waiting import wait_for, wait_until_loaded

HANDSHAKE_TIMEOUT = 20.0


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with serving(tmp_path_factory.mktemp("serve")) as server:
        yield server


def status_of(url: str, headers: dict[str, str] | None = None) -> tuple[int, str, str]:
    """HTTP status, body and Set-Cookie of a GET."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=HANDSHAKE_TIMEOUT) as response:
            body = response.read().decode("utf-8")
            return response.status, body, response.headers.get("Set-Cookie", "")
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read().decode("utf-8"), ""


def websocket_status(served: Served, *, origin: str | None, cookie: bool, token: bool) -> int:
    """The status of a websocket handshake made as a page would (101 when it opened)."""
    url = served.url.replace("http:", "ws:") + "/ws?width=80&height=24"
    if token:
        url += f"&token={served.token}"
    headers = {"Origin": origin} if origin is not None else {}
    port = served.url.rsplit(":", 1)[1]
    if cookie:
        headers["Cookie"] = f"explorer-token-{port}={served.token}"

    async def handshake() -> int:
        async with aiohttp.ClientSession() as session:
            try:
                async with session.ws_connect(
                    url, headers=headers, timeout=aiohttp.ClientWSTimeout(ws_close=5)
                ) as socket:
                    await socket.close()
                    return 101
            except aiohttp.WSServerHandshakeError as refused:
                return refused.status

    return asyncio.run(asyncio.wait_for(handshake(), HANDSHAKE_TIMEOUT))


def test_the_printed_link_holds_a_secret_token_and_opens_the_page(served: Served) -> None:
    status, page, cookie = status_of(served.link)
    assert status == 200
    assert "data-session-websocket-url" in page
    # The page's later requests (its websocket) carry the token as a cookie only this site gets.
    assert served.token in cookie
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


@pytest.mark.parametrize("query", ["/", "/?token=", "/?token=guess", "/download/anything"])
def test_the_page_without_the_token_is_refused(served: Served, query: str) -> None:
    status, body, cookie = status_of(served.url + query)
    assert status == 403
    assert "Open the link that `explorer serve` printed" in body
    assert cookie == ""


def test_the_page_from_another_origin_is_refused_even_with_the_token(served: Served) -> None:
    other = served.url.replace("127.0.0.1", "127.0.0.2")
    assert status_of(served.link, {"Origin": other})[0] == 403
    assert status_of(served.link, {"Origin": served.url})[0] == 200


@pytest.mark.parametrize(
    ("origin", "cookie", "token", "expected"),
    [
        # A page of another site: refused whatever it holds (the cookie is per host, not port).
        ("http://127.0.0.2:{port}", True, True, 403),
        ("http://127.0.0.1:1", True, False, 403),
        ("https://news.example", True, False, 403),
        ("null", True, False, 403),
        # No origin named: no browser opens a websocket so; refused.
        (None, True, True, 403),
        # The served page's own origin, without the token: refused.
        ("{url}", False, False, 403),
        ("{url}", False, True, 101),
        ("{url}", True, False, 101),
    ],
)
def test_the_websocket_opens_only_for_the_served_page_with_the_token(
    served: Served, origin: str | None, cookie: bool, token: bool, expected: int
) -> None:
    port = served.url.rsplit(":", 1)[1]
    if origin is not None:
        origin = origin.format(port=port, url=served.url)
    assert websocket_status(served, origin=origin, cookie=cookie, token=token) == expected


async def test_a_served_session_exports_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A browser tab could name any path of the served machine: export is a terminal's job."""
    monkeypatch.setenv(SERVED_VARIABLE, "1")
    monkeypatch.chdir(tmp_path)
    corpus = corpus_from_files([write(tmp_path, VALID)])
    app = build_app(corpus, notes=NotesStore(tmp_path / "notes.json"))
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_until_loaded(pilot)
        await pilot.press("ctrl+e")
        await wait_for(
            pilot,
            lambda: any(
                "Export is off in the browser" in str(n.message) for n in app._notifications
            ),
            "the refusal said",
        )
        assert not isinstance(app.screen, ExportDialog)
        await pilot.press("enter")
    assert not list(tmp_path.glob("explorer-export*")), "no file written"

"""`explorer serve`: the same app in a web browser, for readers who will not open a terminal.

textual-serve runs one `python -m explorer` process per browser tab and relays the terminal to
a canvas in the page. It binds to loopback unless told otherwise. Every request must carry the
secret token of this run (in the printed link, then a cookie) and, when a browser says where it
comes from, come from the served address: a page of any other site the user visits must not
read the screen or type keys (textual-serve itself checks neither). Served sessions do not
export to files, so a browser never chooses a path on this machine to write.
"""

from __future__ import annotations

import argparse
import hmac
import logging
import os
import secrets
import shlex
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text

from explorer import SERVED_VARIABLE
from explorer.commands.common import EXIT_BAD_INPUT, EXIT_OK, error, load_corpus, stderr, stdout

if TYPE_CHECKING:
    from aiohttp import web
    from textual_serve.server import Server

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
ALL_INTERFACES = frozenset({"0.0.0.0", "::", "[::]", ""})
SHUTDOWN_SECONDS = 5.0  # for the explorers of open tabs to quit on Ctrl+C
EXIT_NOTICE_SECONDS = 0.1  # for their exits to reach the event loop before it closes
TOKEN_PARAMETER = "token"
# aiohttp's logger of every HTTP request: quiet unless `--access-log` asks for it.
ACCESS_LOGGER = "aiohttp.access"
# Put in the page before </body>: xterm.js takes keys only while its hidden textarea has the
# focus, which it gets on a click; without this, keys typed after the page opens are lost.
FOCUS_SCRIPT = """<script>
(function () {
  function focusTerminal() {
    var input = document.querySelector("#terminal .xterm-helper-textarea");
    if (input && document.activeElement !== input) { input.focus(); }
    return input !== null;
  }
  if (!focusTerminal()) {
    new MutationObserver(function (changes, watcher) {
      if (focusTerminal()) { watcher.disconnect(); }
    }).observe(document.body, { childList: true, subtree: true });
  }
  window.addEventListener("focus", focusTerminal);
})();
</script>
"""
REFUSED = (
    "explorer: refused. Open the link that `explorer serve` printed (it holds this run's "
    "token), from the address it names.\n"
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the app to web browsers",
        description="Serve explorer to web browsers: every tab runs its own explorer.",
    )
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"address to listen on (default: {DEFAULT_HOST}, this machine only; "
        "0.0.0.0 or :: opens it to the network)",
    )
    parser.add_argument(
        "--port",
        type=port_number,
        default=DEFAULT_PORT,
        help=f"TCP port to listen on (default: {DEFAULT_PORT})",
    )
    parser.add_argument(
        "--public-url",
        metavar="URL",
        help="address browsers use to reach the server, when it is not http://HOST:PORT "
        "(behind a proxy, or when listening on all interfaces)",
    )
    parser.add_argument(
        "--db",
        metavar="FILE",
        type=Path,
        help="database each browser tab opens (default: your corpus once imported, else the "
        "embedded seed article)",
    )
    parser.add_argument(
        "--access-log",
        action="store_true",
        help="print a line for every HTTP request the server answers (default: only problems)",
    )
    parser.set_defaults(handler=run)


def port_number(text: str) -> int:
    """argparse type: a TCP port a server can listen on."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port must be between 1 and 65535, not {port}")
    return port


def app_command(db: Path | None) -> str:
    """The shell command textual-serve runs for each browser tab: this Python, this package."""
    argv = [sys.executable, "-m", "explorer"]
    if db is not None:
        argv += ["--db", str(db.resolve())]
    return shlex.join(argv)


def listens_everywhere(host: str) -> bool:
    return host.strip() in ALL_INTERFACES


def public_url(host: str, port: int) -> str:
    """The URL a browser opens; the page also tells the browser where to open its websocket."""
    if listens_everywhere(host):
        # 0.0.0.0 is not an address a browser elsewhere can reach; the machine's name may be.
        host = socket.gethostname() or "localhost"
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"  # an IPv6 literal
    return f"http://{host}:{port}"


def origin_of(url: str) -> str:
    """scheme://host[:port] of a URL, as a browser sends it in an Origin header."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def link_with_token(url: str, token: str) -> str:
    """The link `serve` prints: the page, with this run's token."""
    return f"{url.rstrip('/')}/?{TOKEN_PARAMETER}={token}"


def warn(message: str) -> None:
    """One line on stderr, shown literally."""
    line = Text("explorer: warning: ", style="bold yellow")
    line.append(message)
    stderr().print(line)


def run(args: argparse.Namespace) -> int:
    # Open the database once here, so a bad --db is one clear message now rather than a
    # broken page in every browser tab later.
    load_corpus(args.db)
    url = args.public_url or public_url(args.host, args.port)
    if listens_everywhere(args.host):
        warn(
            f"listening on all network interfaces: anyone who can reach this machine on port "
            f"{args.port} can use explorer"
        )
    try:
        # Checked first so that a port in use is one message, not a URL then an error; the
        # server's own bind can still lose a race, hence the second `except`.
        check_can_listen(args.host, args.port)
        server = build_server(
            app_command(args.db), args.host, args.port, url, access_log=args.access_log
        )
        server.serve()
    except OSError as failure:
        error(f"cannot listen on {args.host}:{args.port}: {failure.strerror or failure}")
        return EXIT_BAD_INPUT
    return EXIT_OK


def check_can_listen(host: str, port: int) -> None:
    """Bind (and release) every address the server will bind; raises OSError if one fails."""
    addresses = socket.getaddrinfo(
        host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )
    for family, kind, proto, _, address in addresses:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                probe.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            probe.bind(address)


def with_focus_script(page: str) -> str:
    """The app's page, made to give the terminal the keyboard as soon as it exists."""
    end = page.rfind("</body>")
    if end < 0:
        return page + FOCUS_SCRIPT
    return page[:end] + FOCUS_SCRIPT + page[end:]


def build_server(
    command: str,
    host: str,
    port: int,
    url: str,
    token: str | None = None,
    access_log: bool = False,
) -> Server:
    """textual-serve's server, guarded by a token and an origin check, announcing itself in
    explorer's words, quiet about each request unless asked, focusing the terminal when the
    page opens, and ending its browser sessions before it stops.

    Imported here, not at the top: every `explorer` command imports this module, and only
    `serve` needs the web stack.
    """
    import asyncio

    from aiohttp import web
    from textual_serve.server import Server

    secret = token or secrets.token_urlsafe(32)
    allowed_origin = origin_of(url)
    # Cookies are kept per host, not per port: one name per port keeps two servers apart.
    cookie = f"explorer-token-{port}"

    def authorised(request: web.Request) -> bool:
        origin = request.headers.get("Origin")
        is_websocket = request.headers.get("Upgrade", "").lower() == "websocket"
        if origin is not None and origin.lower() != allowed_origin:
            return False
        if is_websocket and origin is None:
            return False  # every browser names the page that opens a websocket
        given = request.query.get(TOKEN_PARAMETER) or request.cookies.get(cookie) or ""
        return hmac.compare_digest(given.encode(), secret.encode())

    def refused() -> web.Response:
        return web.Response(status=403, text=REFUSED)

    class ExplorerServer(Server):
        """Guards the page, the websocket and downloads; the static files are textual-serve's
        own scripts and styles, the same for everyone."""

        sessions: set[asyncio.Task[object]]

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            if not authorised(request):
                return refused()
            response = await super().handle_index(request)
            if isinstance(response, web.Response) and response.text is not None:
                response.text = with_focus_script(response.text)
            # The page's own later requests (the websocket, downloads) carry the cookie.
            response.set_cookie(cookie, secret, httponly=True, samesite="Strict", path="/")
            return response

        async def handle_download(self, request: web.Request) -> web.StreamResponse:
            if not authorised(request):
                return refused()
            return await super().handle_download(request)

        def initialize_logging(self) -> None:
            super().initialize_logging()
            requests = logging.getLogger(ACCESS_LOGGER)
            if not access_log:
                requests.setLevel(logging.WARNING)
                return
            # One plain line a request, never wrapped to the terminal's width as Rich would.
            handler = logging.StreamHandler(sys.stdout)
            handler.setFormatter(logging.Formatter("%(message)s"))
            requests.addHandler(handler)
            requests.propagate = False
            requests.setLevel(logging.INFO)

        async def on_startup(self, app: web.Application) -> None:
            self.sessions = set()
            os.environ[SERVED_VARIABLE] = "1"  # inherited by every tab's explorer
            console = stdout()
            line = Text("explorer is served at ")
            line.append(link_with_token(self.public_url, secret), style="bold")
            console.print(line)
            console.print("Open it in a browser; press Ctrl+C to stop.")

        # aiohttp takes any response from a handler (a refusal is a plain 403); textual-serve
        # annotates this one narrower than the routes it serves.
        async def handle_websocket(  # type: ignore[override]
            self, request: web.Request
        ) -> web.StreamResponse:
            """One browser tab and the explorer process behind it."""
            if not authorised(request):
                return refused()
            session = asyncio.current_task()
            assert session is not None
            self.sessions.add(session)
            try:
                return await super().handle_websocket(request)
            finally:
                self.sessions.discard(session)

        async def on_shutdown(self, app: web.Application) -> None:
            # Ask every tab's explorer to quit and wait until it has: the event loop must
            # outlive those processes, or Python reports their exit to a closed loop.
            sessions = list(self.sessions)
            for session in sessions:
                session.cancel()
            if sessions:
                await asyncio.wait(sessions, timeout=SHUTDOWN_SECONDS)
                await asyncio.sleep(EXIT_NOTICE_SECONDS)

    return ExplorerServer(command, host=host, port=port, title="explorer", public_url=url)

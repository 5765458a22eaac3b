"""The aiohttp side of `kunderejse serve`: every route checks its token first.

A subclass of textual-serve's ``Server`` that keeps its download handling and
its websocket message loop, and replaces the rest:

- ``/{token}/``: our page (``page.py``); ``/{token}/static/...``: the terminal's
  script, stylesheet and font; ``/{token}/ws/{sid}``: the tab's app process;
  ``/{token}/state/{sid}``: is that process still there (the page asks after a
  dropped link). The role (editor or viewer) comes from the token, never from the
  request, so a viewer link cannot be turned into an editor link.
- ``/download/{key}``: an export on its way to the browser; textual.js builds
  that address without the token, so the token comes in a cookie the page set.
- Anything else, or a wrong token: 403, and no process is started.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import secrets
import socket
from collections.abc import Callable

from aiohttp import web
from textual_serve.server import Server, to_int

from kunderejse_tui.journey.i18n import t
from kunderejse_tui.serve import page
from kunderejse_tui.serve.processes import AppProcesses
from kunderejse_tui.serve.tokens import Role, Tokens

log = logging.getLogger("kunderejse.serve")

COOKIE = "kunderejse_token"
SID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
LOOPBACK = {"127.0.0.1", "::1", "localhost"}


def is_loopback(host: str) -> bool:
    return host in LOOPBACK or host.startswith("127.")


class WorkshopServer(Server):
    def __init__(
        self,
        *,
        tokens: Tokens,
        argv: Callable[[Role], list[str]],
        host: str,
        port: int,
        lang: str,
        public_url: str | None,
        max_sessions: int,
        grace: float,
        say: Callable[[str], None],
    ) -> None:
        super().__init__("kunderejse", host=host, port=port, public_url=public_url)
        self.tokens = tokens
        self.lang = lang
        self.public_base = public_url.rstrip("/") if public_url else None
        self.say = say
        self.processes = AppProcesses(
            limit=max_sessions, grace=grace, argv=argv, download_manager=self.download_manager
        )
        self.bound_port = port
        self._said_full = False

    # ---- the routes

    async def _make_app(self) -> web.Application:
        app = web.Application()
        app.add_routes(
            [
                web.get("/download/{key}", self.handle_download_checked),
                web.get("/{token}", self.handle_bare_token),
                web.get("/{token}/", self.handle_index),
                web.get("/{token}/ws/{sid}", self.handle_websocket),
                web.get("/{token}/state/{sid}", self.handle_state),
                web.get("/{token}/static/{path:.+}", self.handle_static),
                web.route("*", "/{tail:.*}", self.handle_forbidden),
            ]
        )
        return app

    def _role(self, request: web.Request) -> Role:
        role = self.tokens.role(request.match_info.get("token", ""))
        if role is None:
            raise self._forbidden()
        return role

    def _forbidden(self) -> web.HTTPForbidden:
        return web.HTTPForbidden(text=t(self.lang, "serve.forbidden"))

    async def handle_forbidden(self, request: web.Request) -> web.StreamResponse:
        raise self._forbidden()

    async def handle_bare_token(self, request: web.Request) -> web.StreamResponse:
        self._role(request)
        raise web.HTTPFound(request.path + "/")

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        role = self._role(request)
        ws_base = None
        if self.public_base is not None:
            scheme, rest = self.public_base.split(":", 1)
            ws_base = ("wss:" if scheme == "https" else "ws:") + rest
            ws_base += f"/{self.tokens.of(role)}/"
        body = page.render(
            lang=self.lang,
            role=role,
            fresh_sid=secrets.token_urlsafe(18),
            ws_base=ws_base,
            limit=self.processes.limit,
            font_size=to_int(request.query.get("fontsize", "16"), 16),
        )
        response = web.Response(text=body, content_type="text/html")
        response.headers["Cache-Control"] = "no-store"
        # Nothing on the page may come from elsewhere (see page.py); the browser holds it to that.
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            "style-src 'self' 'unsafe-inline'; connect-src 'self' ws: wss:; img-src 'self' data:"
        )
        response.set_cookie(
            COOKIE, self.tokens.of(role), path="/", httponly=True, samesite="Strict"
        )
        return response

    async def handle_static(self, request: web.Request) -> web.StreamResponse:
        self._role(request)
        root = self.statics_path.resolve()
        wanted = (root / request.match_info["path"]).resolve()
        if not wanted.is_relative_to(root) or not wanted.is_file():
            raise web.HTTPNotFound()
        return web.FileResponse(wanted)

    async def handle_state(self, request: web.Request) -> web.StreamResponse:
        role = self._role(request)
        proc = self.processes.find(request.match_info["sid"])
        if proc is not None and proc.role == role:
            state = "alive"
        elif self.processes.full():
            state = "full"
        else:
            state = "ended"
        return web.json_response({"state": state}, headers={"Cache-Control": "no-store"})

    async def handle_download_checked(self, request: web.Request) -> web.StreamResponse:
        if self.tokens.role(request.cookies.get(COOKIE, "")) is None:
            raise self._forbidden()
        return await self.handle_download(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        role = self._role(request)
        sid = request.match_info["sid"]
        if not SID.match(sid):
            raise web.HTTPBadRequest()
        width = max(10, min(to_int(request.query.get("width", "80"), 80), 1000))
        height = max(5, min(to_int(request.query.get("height", "24"), 24), 500))
        processes = self.processes
        proc = processes.find(sid)
        if proc is not None and proc.role != role:
            raise self._forbidden()  # a viewer's tab never reaches an editor's app
        fresh = proc is None
        if proc is None:
            proc = processes.reserve(role, sid)
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        if proc is None:
            if not self._said_full:
                self.say(t(self.lang, "serve.limit_reached", n=processes.count()))
                self._said_full = True
            await websocket.close(code=4001, message=b"full")
            return websocket
        self._said_full = False
        old = proc.attach(websocket)
        processes.attached(proc)
        if old is not None and not old.closed:
            await old.close()
        try:
            if fresh:
                log.info("starting %s app process for %s", role, request.remote)
                await proc.start(width, height)
            else:
                log.info("reconnected %s to app process %s", request.remote, proc.pid)
                await proc.redraw(width, height)
            await self._process_messages(websocket, proc)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a broken browser message must not end the server
            log.warning("websocket of app process %s: %r", proc.pid, exc)
        finally:
            processes.detached(proc, websocket)
            if fresh and proc.pid is None:
                processes.forget(proc)
        return websocket

    # ---- running

    async def run(self, ready: Callable[[int], None]) -> None:
        """Serve until SIGINT or SIGTERM; then end every app process and stop."""
        import signal

        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        runner = web.AppRunner(await self._make_app(), handle_signals=False, access_log=None)
        await runner.setup()
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((self.host, self.port))
        except OSError:
            sock.close()
            await runner.cleanup()
            raise
        self.bound_port = sock.getsockname()[1]
        site = web.SockSite(runner, sock)
        await site.start()
        ready(self.bound_port)
        try:
            await stop.wait()
        finally:
            count = self.processes.count()
            if count:
                self.say(t(self.lang, "serve.stopping", n=count))
            await self.processes.end_all()
            with contextlib.suppress(Exception):
                await runner.cleanup()
            self.say(t(self.lang, "serve.stopped"))

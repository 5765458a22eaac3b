"""The app processes of a served workshop: one per browser tab.

textual-serve starts a process per websocket and ends it with a "quit" message
when the websocket closes. Here a process outlives its websocket for a grace
period, so a tab whose link dropped (wifi, a tunnel's hiccup) comes back to the
same app, with its unsaved edits and its place, instead of a fresh one that
greets it with "recovery copy found". A process is ended with SIGTERM (the app
writes its recovery copies on SIGTERM), never with "quit", which would skip
them; one that does not end in time, or that was stopped (SIGSTOP), gets
SIGCONT and then SIGKILL.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
from asyncio.subprocess import PIPE, Process
from collections.abc import Callable

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from kunderejse_tui.serve.tokens import Role

log = logging.getLogger("kunderejse.serve")

# SIGTERM first: the app writes its recovery copies and leaves (it gives itself
# three seconds). After this many seconds a process still there is killed.
TERM_TIMEOUT = 5.0


class AppProcess(AppService):
    """One app process; the websocket that shows it may change (a reconnect)."""

    def __init__(
        self,
        argv: list[str],
        role: Role,
        sid: str,
        download_manager: DownloadManager,
    ) -> None:
        super().__init__(
            " ".join(argv),
            write_bytes=self._to_browser_bytes,
            write_str=self._to_browser_str,
            close=self._app_exited,
            download_manager=download_manager,
        )
        self.argv = argv
        self.role: Role = role
        self.sid = sid
        self.websocket: web.WebSocketResponse | None = None
        self.ended = asyncio.Event()

    # ---- the process

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        # Started without a shell (textual-serve uses one): the process we hold is
        # the app itself, so a signal sent to it reaches the app and nothing else.
        env = self._build_environment(width=width, height=height)
        process = await asyncio.create_subprocess_exec(
            *self.argv, stdin=PIPE, stdout=PIPE, stderr=PIPE, env=env
        )
        self._process = process
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    @property
    def running(self) -> bool:
        return not self.ended.is_set()

    async def start(self, width: int, height: int) -> None:
        try:
            await super().start(width, height)
        except OSError:
            self.ended.set()
            raise
        asyncio.get_running_loop().create_task(self._watch())

    async def _watch(self) -> None:
        process = self._process
        assert process is not None
        await process.wait()
        if self._task is not None:
            with contextlib.suppress(Exception):
                await self._task
        self.ended.set()
        await self._close_websocket()

    async def terminate(self, timeout: float = TERM_TIMEOUT) -> None:
        """End the process: SIGTERM (after SIGCONT, should it be stopped), then SIGKILL."""
        process = self._process
        if process is None or process.returncode is not None:
            self.ended.set()
            return
        with contextlib.suppress(ProcessLookupError):
            # A stopped process keeps SIGTERM pending until it runs again.
            os.kill(process.pid, signal.SIGCONT)
            process.terminate()
        try:
            await asyncio.wait_for(process.wait(), timeout)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.ended.wait(), 1.0)

    # ---- the browser side

    def attach(self, websocket: web.WebSocketResponse) -> web.WebSocketResponse | None:
        """Show the app in ``websocket`` from now on; returns the one it replaces."""
        old, self.websocket = self.websocket, websocket
        return old

    def detach(self, websocket: web.WebSocketResponse) -> bool:
        """``websocket`` closed; True when it was the one showing the app."""
        if self.websocket is websocket:
            self.websocket = None
            return True
        return False

    async def redraw(self, width: int, height: int) -> None:
        """A reconnected page starts blank: make the app draw all of itself again.

        Textual ignores a resize to the size it has, so the app is sent one row
        less first; two real size changes are two full layouts.
        """
        await self.set_terminal_size(width, max(1, height - 1))
        await asyncio.sleep(0.05)
        await self.set_terminal_size(width, height)

    async def _to_browser_bytes(self, data: bytes) -> None:
        ws = self.websocket
        if ws is not None and not ws.closed:
            with contextlib.suppress(ConnectionError, RuntimeError):
                await ws.send_bytes(data)

    async def _to_browser_str(self, data: str) -> None:
        ws = self.websocket
        if ws is not None and not ws.closed:
            with contextlib.suppress(ConnectionError, RuntimeError):
                await ws.send_str(data)

    async def _app_exited(self) -> None:
        await self._close_websocket()

    async def _close_websocket(self) -> None:
        ws = self.websocket
        if ws is not None and not ws.closed:
            with contextlib.suppress(ConnectionError, RuntimeError):
                await ws.close()


class AppProcesses:
    """Every app process of the server, by the browser tab's session id."""

    def __init__(
        self,
        *,
        limit: int,
        grace: float,
        argv: Callable[[Role], list[str]],
        download_manager: DownloadManager,
    ) -> None:
        self.limit = limit
        self.grace = grace
        self._argv = argv
        self._downloads = download_manager
        self._by_sid: dict[str, AppProcess] = {}
        self._expiry: dict[str, asyncio.TimerHandle] = {}

    def count(self) -> int:
        return sum(1 for p in self._by_sid.values() if p.running)

    def full(self) -> bool:
        return self.count() >= self.limit

    def find(self, sid: str) -> AppProcess | None:
        proc = self._by_sid.get(sid)
        return proc if proc is not None and proc.running else None

    def reserve(self, role: Role, sid: str) -> AppProcess | None:
        """A new, not yet started process for ``sid``; None when the limit is reached.

        Synchronous on purpose: counting and claiming the place happen with no
        await between them, so two tabs arriving together cannot both take the last one.
        """
        if self.full():
            return None
        proc = AppProcess(self._argv(role), role, sid, self._downloads)
        self._by_sid[sid] = proc
        return proc

    def forget(self, proc: AppProcess) -> None:
        if self._by_sid.get(proc.sid) is proc:
            del self._by_sid[proc.sid]
        handle = self._expiry.pop(proc.sid, None)
        if handle is not None:
            handle.cancel()

    def attached(self, proc: AppProcess) -> None:
        handle = self._expiry.pop(proc.sid, None)
        if handle is not None:
            handle.cancel()

    def detached(self, proc: AppProcess, websocket: web.WebSocketResponse) -> None:
        """The tab's websocket closed: end the app after the grace period, unless it returns."""
        if not proc.detach(websocket):
            return  # another websocket (the reconnected tab) shows it already
        if not proc.running:
            self.forget(proc)
            return
        loop = asyncio.get_running_loop()
        old = self._expiry.pop(proc.sid, None)
        if old is not None:
            old.cancel()
        self._expiry[proc.sid] = loop.call_later(
            self.grace, lambda: loop.create_task(self._expire(proc))
        )

    async def _expire(self, proc: AppProcess) -> None:
        self._expiry.pop(proc.sid, None)
        if proc.websocket is None:
            log.info("no reconnect within %.0f s: ending app process %s", self.grace, proc.pid)
            await proc.terminate()
            self.forget(proc)

    def pids(self) -> list[int]:
        return [p.pid for p in self._by_sid.values() if p.running and p.pid is not None]

    async def end_all(self) -> None:
        for handle in self._expiry.values():
            handle.cancel()
        self._expiry.clear()
        procs = [p for p in self._by_sid.values() if p.running]
        await asyncio.gather(*(p.terminate() for p in procs), return_exceptions=True)
        self._by_sid.clear()

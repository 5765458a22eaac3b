"""`kunderejse serve` from the outside: HTTP and websockets on 127.0.0.1, the app
processes counted from /proc."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest

from tests.processes import process_state
from tests.serve.harness import ROOT, serve, wait_until

SERVE = [sys.executable, "-m", "kunderejse_tui", "serve", str(ROOT / "sample_journeys")]
# d a x enter delete ctrl+z c L ctrl+s ctrl+t F5 F6
KEYS_THAT_EDIT = ["d", "a", "x", "\r", "\x1b[3~", "\x1a", "c", "L", "\x13", "\x14", "\x1b[15~"]
KEYS_THAT_EDIT += ["\x1b[17~"]
# What the viewer's presentation shows in plain text (the stage's name is drawn in
# large block letters, which no text search finds).
PRESENTED = "Fase 1 af 5"


async def drain(ws: aiohttp.ClientWebSocketResponse, seconds: float) -> bytes:
    """What the app drew during ``seconds`` (the terminal's bytes)."""
    got = bytearray()
    loop = asyncio.get_running_loop()
    end = loop.time() + seconds
    while (left := end - loop.time()) > 0:
        try:
            msg = await asyncio.wait_for(ws.receive(), left)
        except TimeoutError:
            break
        if msg.type == aiohttp.WSMsgType.BINARY:
            got += msg.data
        elif msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
            break
    return bytes(got)


async def drawn(ws: aiohttp.ClientWebSocketResponse, text: str, timeout: float = 30) -> bytes:
    """Read until ``text`` shows in what the app drew (ANSI codes may split it: compared
    on the bytes with escape sequences removed)."""
    got = bytearray()
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        got += await drain(ws, 0.5)
        if text in plain(bytes(got)):
            return bytes(got)
    raise AssertionError(f"{text!r} never drawn; drew {plain(bytes(got))[-2000:]!r}")


def plain(raw: bytes) -> str:
    return re.sub(r"\x1b\[[0-9;?<>]*[A-Za-z]|\x1b[()][A-Z0-9]", "", raw.decode("utf-8", "replace"))


def sid(n: int) -> str:
    return f"test-session-{n:04d}-abcdef"


async def keys(ws: aiohttp.ClientWebSocketResponse, *typed: str) -> None:
    for key in typed:
        await ws.send_json(["stdin", key])
        await asyncio.sleep(0.05)


def test_the_page_loads_with_a_token_and_nothing_without_one(tmp_path: Path) -> None:
    with serve(tmp_path) as s:

        async def check() -> None:
            async with aiohttp.ClientSession() as http:
                for url in (s.editor, s.viewer):
                    async with http.get(url) as r:
                        assert r.status == 200
                        page = await r.text()
                        csp = r.headers["Content-Security-Policy"]
                    assert "default-src 'self'" in csp
                    # Everything the page loads is its own, relative to the token's path,
                    # and there: no font or script from elsewhere.
                    refs = re.findall(r'(?:src|href)="([^"]+)"|url\("([^"]+)"\)', page)
                    refs_flat = [a or b for a, b in refs]
                    assert refs_flat, page
                    assert not re.search(r"https?://|//[a-z]", page), page
                    for ref in refs_flat:
                        async with http.get(url + ref) as r:
                            assert r.status == 200, ref
                            if ref.endswith(".css"):
                                css = await r.text()
                                assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import", css)
                bad_token = s.editor[:-3] + "x/"
                for url in (
                    s.base + "/",
                    s.base + "/favicon.ico",
                    bad_token,
                    bad_token + "static/js/textual.js",
                    bad_token + f"state/{sid(1)}",
                    s.base + "/download/anything",
                ):
                    async with http.get(url) as r:
                        assert r.status == 403, url
                # A websocket with a wrong token: refused before any process starts.
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await http.ws_connect(s.ws(bad_token, sid(1)))
                assert refused.value.status == 403

        asyncio.run(check())
        assert s.children() == []
        assert "starting" not in s.read_output()


def test_the_viewer_cannot_edit_save_or_take_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kunderejse_tui.journey.locks import lock_file

    with serve(tmp_path) as s:
        monkeypatch.setenv("KUNDEREJSE_STATE_DIR", str(s.state))
        lock = lock_file(s.journey)
        before = s.journey.read_bytes()

        async def check() -> tuple[bytes, bytes]:
            async with aiohttp.ClientSession() as http:
                editor = await http.ws_connect(s.ws(s.editor, sid(1)))
                await drawn(editor, "Tiltræk")
                assert wait_until(lock.exists)
                lock_before = lock.read_bytes()
                viewer = await http.ws_connect(s.ws(s.viewer, sid(2)))
                # The viewer presents the journey: its title and personas, the stage's
                # number; not the map (whose key bar offers F5 for presenting).
                shown = plain(await drawn(viewer, PRESENTED))
                assert "Privatkunder køber ny bil" in shown and "Personaer:" in shown
                assert "Præsentation" not in shown
                # ctrl+s reaches the viewer's app, which says why it does nothing.
                await keys(viewer, "\x13")
                await drawn(viewer, "tilskuer")
                await keys(viewer, *KEYS_THAT_EDIT)
                await drain(viewer, 2.0)
                assert s.journey.read_bytes() == before
                assert lock.read_bytes() == lock_before
                # The same keys in the editor's app do edit and save: the test can fail.
                await keys(editor, "d", "x", "\x13")
                assert wait_until(lambda: s.journey.read_bytes() != before, timeout=20)
                return lock_before, lock.read_bytes()

        lock_before, lock_after = asyncio.run(check())
        assert lock_after == lock_before
        assert len(s.children()) == 2


def test_the_session_limit_holds_and_says_so(tmp_path: Path) -> None:
    with serve(tmp_path, "--max-sessions", "2") as s:

        async def check() -> None:
            async with aiohttp.ClientSession() as http:
                first = await http.ws_connect(s.ws(s.editor, sid(1)))
                second = await http.ws_connect(s.ws(s.viewer, sid(2)))
                await drawn(first, "Tiltræk")
                await drawn(second, PRESENTED)
                third = await http.ws_connect(s.ws(s.viewer, sid(3)))
                msg = await third.receive(timeout=10)
                assert msg.type == aiohttp.WSMsgType.CLOSE
                assert third.close_code == 4001
                async with http.get(s.viewer + f"state/{sid(3)}") as r:
                    assert (await r.json()) == {"state": "full"}
                async with http.get(s.editor + f"state/{sid(1)}") as r:
                    assert (await r.json()) == {"state": "alive"}
                # The viewer's token does not reach the editor's session.
                async with http.get(s.viewer + f"state/{sid(1)}") as r:
                    assert (await r.json()) == {"state": "full"}
                assert len(s.children()) == 2

        asyncio.run(check())
        assert len(s.children()) == 2
        assert "Grænsen er nået: 2 app-processer" in s.read_output()


def test_ctrl_c_ends_every_app_process_also_a_stopped_one(tmp_path: Path) -> None:
    with serve(tmp_path) as s:

        async def start_two() -> None:
            async with aiohttp.ClientSession() as http:
                a = await http.ws_connect(s.ws(s.editor, sid(1)))
                b = await http.ws_connect(s.ws(s.viewer, sid(2)))
                await drawn(a, "Tiltræk")
                await drawn(b, PRESENTED)
                # The sockets close here; the apps wait for their tabs (grace period).

        asyncio.run(start_two())
        kids = s.children()
        assert len(kids) == 2
        os.kill(kids[0], signal.SIGSTOP)
        assert wait_until(lambda: process_state(kids[0]) == "T")
        s.process.send_signal(signal.SIGINT)
        assert s.process.wait(30) == 0
        for pid in kids:
            assert process_state(pid) is None, f"app process {pid} left behind"
        assert "Stopper 2 app-processer" in s.read_output()


def test_a_dropped_link_comes_back_to_the_same_app(tmp_path: Path) -> None:
    with serve(tmp_path, "--reconnect-grace", "60") as s:

        async def check() -> None:
            async with aiohttp.ClientSession() as http:
                ws = await http.ws_connect(s.ws(s.editor, sid(1)))
                await drawn(ws, "Tiltræk")
                await keys(ws, "d", "x")  # an unsaved edit: the title gets its mark
                await drawn(ws, "●")
                pid = s.children()
                await ws.close()
                # The viewer's link cannot pick up the editor's app.
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await http.ws_connect(s.ws(s.viewer, sid(1)))
                assert refused.value.status == 403
                again = await http.ws_connect(s.ws(s.editor, sid(1), width=90, height=28))
                # The same app draws itself whole again, with the unsaved edit.
                redrawn = plain(await drawn(again, "●"))
                assert "Interesse" in redrawn  # "d" deleted the first stage
                assert s.children() == pid
                assert "Ikke-gemte ændringer fundet" not in redrawn
                async with http.get(s.editor + f"state/{sid(1)}") as r:
                    assert (await r.json()) == {"state": "alive"}

        asyncio.run(check())


def test_an_app_whose_tab_does_not_return_ends_after_the_grace_period(tmp_path: Path) -> None:
    with serve(tmp_path, "--reconnect-grace", "1") as s:

        async def check() -> None:
            async with aiohttp.ClientSession() as http:
                ws = await http.ws_connect(s.ws(s.editor, sid(1)))
                await drawn(ws, "Tiltræk")
                assert len(s.children()) == 1
                await ws.close()
                # SIGTERM, then SIGKILL after a few seconds: a minute only on a loaded machine.
                assert await asyncio.to_thread(wait_until, lambda: s.children() == [], 60)
                async with http.get(s.editor + f"state/{sid(1)}") as r:
                    assert (await r.json()) == {"state": "ended"}

        asyncio.run(check())


def test_no_token_is_refused_off_loopback(tmp_path: Path) -> None:
    proc = subprocess.run(
        [*SERVE, "--no-token", "--host", "0.0.0.0", "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "KUNDEREJSE_STATE_DIR": str(tmp_path / "state")},
    )
    assert proc.returncode == 2
    assert "--no-token" in proc.stderr and "0.0.0.0" in proc.stderr
    assert "http://" not in proc.stdout


def test_links_and_websocket_address_follow_public_url(tmp_path: Path) -> None:
    import socket
    import urllib.request

    with socket.socket() as probe:  # a free port on loopback, for the page to be fetched from
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen(
        [*SERVE, "--port", str(port), "--public-url", "https://workshop.example/"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "KUNDEREJSE_STATE_DIR": str(tmp_path / "state")},
    )
    try:
        assert proc.stdout is not None
        links: list[str] = []
        while len(links) < 2:
            line = proc.stdout.readline()
            assert line, "serve ended early"
            links += re.findall(r"https://workshop\.example/([A-Za-z0-9_-]+)/", line)
        editor, viewer = links
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/{viewer}/") as r:
            page = r.read().decode()
        config = json.loads(re.search(r'id="serve-config">(.*?)</script>', page).group(1))  # type: ignore[union-attr]
        assert config["ws_base"] == f"wss://workshop.example/{viewer}/"
        assert config["role"] == "viewer"
        assert editor != viewer
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(20)

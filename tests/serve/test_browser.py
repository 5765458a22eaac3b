"""A real browser: headless Chromium on the viewer's link sees the journey change on
disk, and asks nothing of any server but ours."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.serve.harness import serve, wait_until

BROWSE = Path(__file__).with_name("browse.mjs")
TOOLS = Path(os.environ.get("KUNDEREJSE_TOOLS", Path(__file__).resolve().parents[2] / ".tools"))
# The first stage's goal, in plain text near the top of the presentation (its
# touchpoints may be below the fold of a 1200x700 page).
OLD_GOAL = "Finde ud af, om den gamle bil skal skiftes, og hvad der findes."
NEW_GOAL = "Finde en bil med plads til hele familien."
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))


def require_browser() -> None:
    missing = []
    if shutil.which("node") is None:
        missing.append("node")
    if not (TOOLS / "node_modules" / "puppeteer" / "package.json").exists():
        missing.append(f"puppeteer in {TOOLS}")
    if not CHROMIUM.exists():
        missing.append(f"a browser at {CHROMIUM}")
    if missing:
        message = f"missing {', '.join(missing)}; install with: bash .ci/install-render-tools"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {message}", pytrace=False)
        pytest.skip(message)


def test_the_viewer_in_a_browser_follows_the_file(tmp_path: Path) -> None:
    require_browser()
    before, after = tmp_path / "before.png", tmp_path / "after.png"
    shots = os.environ.get("KUNDEREJSE_SERVE_SHOTS")  # keep them to look at
    with serve(tmp_path) as s:
        browser = subprocess.Popen(
            # The presentation shows the stage's name in block letters; its number
            # and its goal are text in the websocket frames.
            ["node", str(BROWSE), s.viewer, str(before), str(after), "Fase 1 af 5", NEW_GOAL],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "KUNDEREJSE_TOOLS": str(TOOLS), "CHROMIUM": str(CHROMIUM)},
        )
        assert browser.stdout is not None
        ready = browser.stdout.readline()
        assert ready == "READY\n", ready + (browser.stderr.read() if browser.stderr else "")
        assert len(s.children()) == 1  # the viewer's app process
        # Someone saves the journey elsewhere (the editor, git pull): a new goal for
        # the first stage.
        text = s.journey.read_text(encoding="utf-8")
        assert OLD_GOAL in text
        changed_at = time.monotonic()
        s.journey.write_text(text.replace(OLD_GOAL, NEW_GOAL), encoding="utf-8")
        seen = browser.stdout.readline()
        latency = time.monotonic() - changed_at
        assert seen == "SEEN\n", seen + (browser.stderr.read() if browser.stderr else "")
        report = json.loads(browser.stdout.readline())
        assert browser.wait(60) == 0
    print(f"viewer showed the change {latency:.2f} s after the write")
    if shots:
        shutil.copyfile(before, Path(shots) / "viewer-before.png")
        shutil.copyfile(after, Path(shots) / "viewer-after.png")
    # What the browser shows changed with it: the canvas, not only the websocket.
    assert before.read_bytes() != after.read_bytes()
    assert before.stat().st_size > 10_000 and after.stat().st_size > 10_000
    origin = s.viewer.split("/", 3)[2]  # 127.0.0.1:PORT
    assert report["requests"], report
    for address in report["requests"]:
        assert address.split("/", 3)[2] == origin, f"the page asked elsewhere: {address}"


def browse(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["node", str(BROWSE), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "KUNDEREJSE_TOOLS": str(TOOLS), "CHROMIUM": str(CHROMIUM)},
    )


def lock_holder(state: Path) -> int | None:
    """The process that holds the served journey's lock (the only lock there is)."""
    locks = list((state / "locks").glob("*.json"))
    assert len(locks) <= 1, locks
    return int(json.loads(locks[0].read_text())["pid"]) if locks else None


def test_a_second_editor_in_a_browser_takes_over_with_f9(tmp_path: Path) -> None:
    """A browser never passes ctrl+t to the page (it opens a tab): the second editor
    takes the journey over with F9, the key its read-only notices name there.
    That a browser keeps ctrl+t is not tested here: this shows that F9 gets through
    the page to the app and moves the lock."""
    require_browser()
    with serve(tmp_path) as s:
        # The first editor opens the map and holds the lock; its app process outlives
        # the closed tab (the reconnect grace), and so does its lock. F5 reaches the
        # app (the page keeps the browser from reloading): the presentation shows.
        first = browse(
            s.editor,
            str(tmp_path / "a1.png"),
            str(tmp_path / "a2.png"),
            "Tiltræk",
            "",
            "F5,@Fase 1 af 5",
        )
        assert first.returncode == 0, first.stderr
        assert wait_until(lambda: lock_holder(s.state) is not None)
        holder = lock_holder(s.state)
        assert holder in s.children()
        # The second opens read-only (r), waits for the key bar to offer taking over,
        # presses F9 and waits for the notice that it did.
        second = browse(
            s.editor,
            str(tmp_path / "b1.png"),
            str(tmp_path / "b2.png"),
            "Rejsen er åben et andet sted",
            "",
            "r,@Overtag rejsen,F9,@Du har overtaget rejsen.",
        )
        assert second.returncode == 0, second.stderr
        assert second.stdout.startswith("READY\n"), second.stdout
        assert wait_until(lambda: lock_holder(s.state) not in (None, holder))
        taker = lock_holder(s.state)
        assert taker in s.children() and len(s.children()) == 2

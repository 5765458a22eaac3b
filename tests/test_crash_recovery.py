"""The real app in a real terminal (tmux), killed the ways a workshop laptop kills it.

kill -9 (nothing can be caught: the copy written a moment after the edit must
be there), SIGTERM and SIGHUP (the terminal closes; the signal handlers must
write the copy, so the periodic copy is switched off for those runs). Each
time a second app on the same journey offers the edit back, restores it and
saves exactly the journey the first app had.
"""

from __future__ import annotations

import datetime
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kunderejse_tui.journey.fileio import _same
from kunderejse_tui.journey.locks import lock_file, process_alive
from kunderejse_tui.journey.recovery import find_recovery
from kunderejse_tui.journey.yamlio import load_file

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_journeys" / "bilkoeb-privat.journey.yaml"
TIMEOUT = 60.0  # seconds for any one step; a loaded CI machine is slow, a hang is not

if shutil.which("tmux") is None:
    if os.environ.get("CI") == "true":
        raise RuntimeError("tmux is needed for the crash tests (apt-get install tmux)")
    pytest.skip("tmux is not installed", allow_module_level=True)


def wait_until(what: str, check: Callable[[], Any], timeout: float = TIMEOUT) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


class TmuxApp:
    """``kunderejse FILE`` in a 120x40 tmux pane, driven by keys and read off the screen."""

    def __init__(self, journey: Path, state: Path, copy_delay: float) -> None:
        self.name = f"kunderejse-test-{uuid.uuid4().hex[:8]}"
        env = {
            "PYTHONPATH": str(ROOT),
            "KUNDEREJSE_STATE_DIR": str(state),
            "KUNDEREJSE_RECOVERY_DELAY": str(copy_delay),
        }
        exports = " ".join(f"{k}={v!s}" for k, v in env.items())
        # exec: the pane's process is the app itself, so its pid is the one to kill.
        command = f"exec env {exports} {sys.executable} -m kunderejse_tui {journey} --lang en"
        # A tmux server of its own (-L): tests run in parallel, and one test's last
        # session ending must not stop the server another test is starting a session on.
        self.tmux = ["tmux", "-L", self.name]
        subprocess.run(
            [*self.tmux, "new-session", "-d", "-s", self.name, "-x", "120", "-y", "40", command],
            check=True,
        )
        self.pid = int(self._tmux("display-message", "-p", "-t", self.name, "#{pane_pid}"))

    def _tmux(self, *args: str) -> str:
        done = subprocess.run([*self.tmux, *args], capture_output=True, text=True, check=False)
        return done.stdout.strip()

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, text: str) -> None:
        try:
            wait_until(repr(text), lambda: text in self.screen())
        except AssertionError:
            raise AssertionError(f"{text!r} never showed; the screen:\n{self.screen()}") from None

    def keys(self, *keys: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, *keys], check=True)

    def alive(self) -> bool:
        return process_alive(self.pid)

    def wait_gone(self) -> None:
        wait_until("the app to end", lambda: not self.alive())

    def close_terminal(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], check=False)

    def stop(self) -> None:
        if self.alive():
            os.kill(self.pid, signal.SIGKILL)
        self.close_terminal()


def open_and_delete_the_first_stage(
    apps: list[TmuxApp], journey: Path, state: Path, copy_delay: float
) -> tuple[TmuxApp, dict[str, Any]]:
    """Start the app, delete the first stage (the focused item), wait until it shows as unsaved."""
    expected = load_file(journey).data
    first = expected["stages"].pop(0)
    app = TmuxApp(journey, state, copy_delay)
    apps.append(app)
    app.wait_for(first["name"])
    wait_until("the session lock", lock_file(journey).exists)
    app.keys("d")
    app.wait_for("Delete [x]")  # a stage that holds anything asks first (issue 16)
    app.keys("x")
    app.wait_for("● Privatkunder")
    return app, expected


def restore_in_a_new_app(
    apps: list[TmuxApp], journey: Path, state: Path, expected: dict[str, Any]
) -> None:
    """A second app offers the copy; Restore, save, quit: the file is exactly the lost edit."""
    app = TmuxApp(journey, state, 0.3)
    apps.append(app)
    app.wait_for("Unsaved changes found")
    app.keys("r")
    app.wait_for("● Privatkunder")
    before = journey.read_bytes()
    app.keys("C-s")
    wait_until("the save", lambda: journey.read_bytes() != before)
    # The save dates the restored change (updated: today).
    today = datetime.date.today().isoformat()
    assert _same(load_file(journey).data, {**expected, "updated": today})
    wait_until("the copy to go after the clean save", lambda: find_recovery(journey) is None)
    app.keys("C-q")
    app.wait_gone()
    assert not lock_file(journey).exists()


def test_kill_9_loses_nothing(apps: list[TmuxApp], journey: Path, state: Path) -> None:
    original = journey.read_bytes()
    app, expected = open_and_delete_the_first_stage(apps, journey, state, copy_delay=0.3)
    copy = wait_until("the recovery copy", lambda: find_recovery(journey))
    assert _same(copy.data, expected)
    os.kill(app.pid, signal.SIGKILL)
    app.wait_gone()
    app.close_terminal()
    assert journey.read_bytes() == original
    restore_in_a_new_app(apps, journey, state, expected)


@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP", "terminal-closed"])
def test_signals_write_the_copy_before_the_app_ends(
    apps: list[TmuxApp], journey: Path, state: Path, how: str
) -> None:
    original = journey.read_bytes()
    # No periodic copy within the test: only the signal handler can have written it.
    app, expected = open_and_delete_the_first_stage(apps, journey, state, copy_delay=3600)
    assert find_recovery(journey) is None
    if how == "terminal-closed":
        app.close_terminal()  # the kernel sends SIGHUP, as when a terminal window closes
    else:
        os.kill(app.pid, getattr(signal, how))
    app.wait_gone()
    app.close_terminal()
    copy = find_recovery(journey)
    assert copy is not None, f"no recovery copy after {how}"
    assert _same(copy.data, expected)
    assert journey.read_bytes() == original
    restore_in_a_new_app(apps, journey, state, expected)

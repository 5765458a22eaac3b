"""The real app (or the CLI) in a real terminal: a tmux pane of its own, driven by keys,
read off the screen, and ended the ways a workshop laptop ends it (signals, a closed
terminal). Each instance runs its own tmux server (-L), so tests may run in parallel.

The pane stays after its process ends (remain-on-exit), so a test can read the exit
status the shell would have seen."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from kunderejse_tui.journey.locks import process_alive
from tests.processes import children_of

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 60.0  # seconds for any one step; a loaded machine is slow, a hang is not

if shutil.which("tmux") is None:  # pragma: no cover - CI installs tmux
    if os.environ.get("CI") == "true":
        raise RuntimeError("tmux is needed for the crash tests (apt-get install tmux)")
    pytest.skip("tmux is not installed", allow_module_level=True)


def wait_until(what: str, check: Callable[[], Any], timeout: float = TIMEOUT) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def _read(path: Path) -> str:
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        return ""


class TmuxApp:
    """``kunderejse ARGS`` (or any ``argv``) in a tmux pane of ``size``."""

    def __init__(
        self,
        args: Sequence[str | Path],
        state: Path,
        copy_delay: float = 0.3,
        *,
        size: tuple[int, int] = (120, 40),
        lang: str = "en",
        argv: Sequence[str] | None = None,
        cwd: Path | None = None,
        keep_status: bool = False,
    ) -> None:
        """``keep_status``: run the app under a shell that writes its exit status to a
        file. tmux 3.3 sometimes marks a pane dead without its status (when the pty
        closes before the process is reaped), so tests of the status itself use this."""
        self.name = f"kr-{uuid.uuid4().hex[:10]}"
        self.status_file: Path | None = (
            state.parent / f"{self.name}.status" if keep_status else None
        )
        env = {
            "PYTHONPATH": str(ROOT),
            "KUNDEREJSE_STATE_DIR": str(state),
            "KUNDEREJSE_RECOVERY_DELAY": str(copy_delay),
        }
        exports = " ".join(f"{k}={v!s}" for k, v in env.items())
        if argv is None:
            argv = [sys.executable, "-m", "kunderejse_tui", *map(str, args), "--lang", lang]
        quoted = " ".join(f"'{a}'" for a in argv)
        # exec: the pane's process is the app itself, so its pid is the one to signal.
        command = f"cd '{cwd or ROOT}' && exec env {exports} {quoted}"
        if self.status_file is not None:
            # No exec: the shell waits for the app and writes what $? says (128+N).
            command = (
                f"cd '{cwd or ROOT}' && env {exports} {quoted}; echo $? > '{self.status_file}'"
            )
        self.tmux = ["tmux", "-L", self.name]
        subprocess.run(
            [
                *self.tmux, "new-session", "-d", "-s", self.name,
                "-x", str(size[0]), "-y", str(size[1]), command,
                ";", "set-option", "-w", "remain-on-exit", "on",
            ],
            check=True,
        )  # fmt: skip
        self.pid = int(self._tmux("display-message", "-p", "-t", self.name, "#{pane_pid}"))
        if self.status_file is not None:
            shell = self.pid
            self.pid = int(
                wait_until("the app under the shell", lambda: next(iter(children_of(shell)), None))
            )

    def _tmux(self, *args: str) -> str:
        done = subprocess.run([*self.tmux, *args], capture_output=True, text=True, check=False)
        return done.stdout.strip()

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, text: str, timeout: float = TIMEOUT) -> None:
        try:
            wait_until(repr(text), lambda: text in self.screen(), timeout)
        except AssertionError:
            raise AssertionError(f"{text!r} never showed; the screen:\n{self.screen()}") from None

    def keys(self, *keys: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, *keys], check=True)

    def delete_stage(self) -> None:
        """d on a stage that holds anything asks first; x answers Delete."""
        self.keys("d")
        self.wait_for("[x]")
        self.keys("x")

    def type(self, text: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-l", "-t", self.name, text], check=True)

    def alive(self) -> bool:
        return process_alive(self.pid)

    def wait_gone(self) -> None:
        wait_until("the app to end", lambda: not self.alive())

    def exit_status(self) -> int:
        """The status the process ended with (a shell's ``$?``: 128+N for signal N)."""
        self.wait_gone()
        if self.status_file is not None:
            status = self.status_file
            return int(wait_until("the exit status", lambda: _read(status)))
        fields = "#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}"
        shown = wait_until(
            "the exit status",
            lambda: (lambda s: s if s.startswith("1:") and s != "1::" else "")(
                self._tmux("display-message", "-p", "-t", self.name, fields)
            ),
        )
        _, status, by_signal = shown.split(":")
        return int(status) if status else 128 + int(by_signal)

    def signal(self, signum: int) -> None:
        os.kill(self.pid, signum)

    def close_terminal(self) -> None:
        """The terminal goes away: the kernel sends the app SIGHUP."""
        subprocess.run([*self.tmux, "kill-server"], check=False)

    def stop(self) -> None:
        if self.alive():
            os.kill(self.pid, signal.SIGKILL)
        self.close_terminal()

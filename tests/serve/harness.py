"""Starting `kunderejse serve` in a test: its own folder, state folder and free port,
on 127.0.0.1 only; counting the app processes it started, from /proc."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.processes import children_of, process_state

ROOT = Path(__file__).resolve().parents[2]
FUNNEL = ROOT / "sample_journeys" / "bilkoeb-privat.journey.yaml"
URL = re.compile(r"(http://127\.0\.0\.1:\d+/[A-Za-z0-9_-]+/)")


@dataclass
class Served:
    process: subprocess.Popen[str]
    editor: str
    viewer: str
    journey: Path
    state: Path
    output: list[str]

    @property
    def base(self) -> str:
        return self.editor.rsplit("/", 2)[0]

    def ws(self, url: str, sid: str, width: int = 100, height: int = 30) -> str:
        return url.replace("http://", "ws://") + f"ws/{sid}?width={width}&height={height}"

    def children(self) -> list[int]:
        return children_of(self.process.pid)

    def read_output(self) -> str:
        """What the server printed so far (stdout is read in a thread)."""
        return "".join(self.output)


def wait_until(predicate: object, timeout: float = 20.0, step: float = 0.05) -> bool:
    assert callable(predicate)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return bool(predicate())


@contextmanager
def serve(tmp_path: Path, *args: str, journey: Path = FUNNEL) -> Iterator[Served]:
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    target = work / journey.name
    shutil.copyfile(journey, target)
    state = tmp_path / "state"
    env = {**os.environ, "KUNDEREJSE_STATE_DIR": str(state), "PYTHONUNBUFFERED": "1"}
    env.pop("CI", None)  # nothing in the served app depends on it
    proc = subprocess.Popen(
        [sys.executable, "-m", "kunderejse_tui", "serve", str(target), "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    output: list[str] = []
    urls: list[str] = []
    assert proc.stdout is not None
    deadline = time.monotonic() + 30
    while len(urls) < 2 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        output.append(line)
        urls += URL.findall(line)
    assert len(urls) == 2, "".join(output)
    import threading

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            output.append(line)

    threading.Thread(target=pump, daemon=True).start()
    served = Served(proc, urls[0], urls[1], target, state, output)
    try:
        yield served
    finally:
        kids = served.children()
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        for pid in kids:  # never leave one behind, even when a test failed
            if process_state(pid) is not None:
                os.kill(pid, signal.SIGKILL)

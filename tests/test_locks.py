"""One session per journey: live sessions are respected, dead ones never lock anyone out."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kunderejse_tui.journey import locks, recovery
from kunderejse_tui.journey.locks import Lock, OtherSession, acquire, holder, lock_file, take_over

# A second app, reduced to what matters: it takes the journey and answers questions.
HOLDER = """
import sys
from kunderejse_tui.journey import locks
got = locks.acquire(sys.argv[1])
print(type(got).__name__, flush=True)
for line in sys.stdin:
    if line.strip() == "still":
        print(got.still_ours(), flush=True)
    elif line.strip() == "release":
        got.release()
        print("released", flush=True)
"""


@pytest.fixture(autouse=True)
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "state"
    monkeypatch.setenv(recovery.ENV_STATE_DIR, str(directory))
    return directory


@pytest.fixture
def journey(tmp_path: Path) -> Path:
    path = tmp_path / "bil.journey.yaml"
    path.write_text("format: kunderejse/1\n")
    return path


class Holder:
    def __init__(self, journey: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(journey)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=os.environ,
        )
        self.first = self.ask(None)

    def ask(self, command: str | None) -> str:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        if command is not None:
            self.proc.stdin.write(command + "\n")
            self.proc.stdin.flush()
        return self.proc.stdout.readline().strip()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()


@pytest.fixture
def other(journey: Path) -> Iterator[Holder]:
    h = Holder(journey)
    assert h.first == "Lock"
    yield h
    h.stop()


def test_the_first_session_gets_the_journey_and_says_who_it_is(journey: Path) -> None:
    got = acquire(journey)
    assert isinstance(got, Lock)
    rec = json.loads(lock_file(journey).read_text())
    assert rec["pid"] == os.getpid()
    assert rec["hostname"] == socket.gethostname()
    assert rec["path"] == str(journey.resolve())
    assert holder(journey) is not None
    got.release()
    assert not lock_file(journey).exists()
    assert holder(journey) is None


def test_a_second_session_is_told_who_has_it(journey: Path, other: Holder) -> None:
    got = acquire(journey)
    assert isinstance(got, OtherSession)
    assert got.info.pid == other.proc.pid
    assert got.verified
    # Asking again changes nothing: the live session keeps the journey.
    assert isinstance(acquire(journey), OtherSession)
    assert other.ask("still") == "True"


def test_the_same_process_may_open_its_journey_again(journey: Path) -> None:
    first = acquire(journey)
    again = acquire(journey)
    assert isinstance(first, Lock) and isinstance(again, Lock)
    assert again.info.token == first.info.token


def test_a_killed_session_does_not_lock_anyone_out(journey: Path, other: Holder) -> None:
    other.proc.send_signal(signal.SIGKILL)
    other.proc.wait()
    got = acquire(journey)
    assert isinstance(got, Lock)
    assert json.loads(lock_file(journey).read_text())["pid"] == os.getpid()


def test_a_killed_but_unreaped_session_counts_as_dead(journey: Path, other: Holder) -> None:
    # kill -9 without wait(): the pid still exists as a zombie and kill(pid, 0) succeeds.
    other.proc.send_signal(signal.SIGKILL)
    deadline = time.monotonic() + 10
    while locks.process_alive(other.proc.pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(other.proc.pid, 0)  # still there, as a zombie
    assert isinstance(acquire(journey), Lock)


def test_a_reused_pid_is_not_the_old_session(journey: Path) -> None:
    # A session file naming a live pid (our parent) with another start time: the
    # old session died and some other program got its number.
    parent = os.getppid()
    lock_file(journey).parent.mkdir(parents=True, exist_ok=True)
    lock_file(journey).write_text(
        json.dumps(
            {
                "path": str(journey.resolve()),
                "pid": parent,
                "hostname": socket.gethostname(),
                "started": "1",
                "time": 0.0,
                "token": "old",
            }
        )
    )
    assert locks.process_start(parent) not in (None, "1")
    assert isinstance(acquire(journey), Lock)


def test_a_session_on_another_host_counts_but_is_marked_unverified(journey: Path) -> None:
    lock_file(journey).parent.mkdir(parents=True, exist_ok=True)
    lock_file(journey).write_text(
        json.dumps(
            {
                "path": str(journey.resolve()),
                "pid": 1,
                "hostname": "some-other-laptop",
                "started": None,
                "time": 0.0,
                "token": "theirs",
            }
        )
    )
    got = acquire(journey)
    assert isinstance(got, OtherSession) and not got.verified


def test_an_unreadable_session_file_is_taken_over(journey: Path) -> None:
    lock_file(journey).parent.mkdir(parents=True, exist_ok=True)
    lock_file(journey).write_text("{half a rec")
    assert isinstance(acquire(journey), Lock)


def test_taking_over_moves_the_journey_and_the_old_session_learns_it(
    journey: Path, other: Holder
) -> None:
    seen = acquire(journey)
    assert isinstance(seen, OtherSession)
    mine = seen.take_over()
    assert mine.still_ours()
    assert other.ask("still") == "False"
    # The old session closing does not remove the new owner's claim.
    assert other.ask("release") == "released"
    assert lock_file(journey).exists()
    assert mine.still_ours()
    assert isinstance(acquire(journey), Lock)


def test_take_over_works_without_looking_first(journey: Path, other: Holder) -> None:
    mine = take_over(journey)
    assert mine.still_ours()
    assert other.ask("still") == "False"


RACER = """
import sys, time
from kunderejse_tui.journey import locks
real_write = locks._write
def slow_write(file, info):
    time.sleep(0.3)  # a slow disk between looking and claiming
    real_write(file, info)
locks._write = slow_write
got = locks.acquire(sys.argv[1])
print(type(got).__name__, flush=True)
sys.stdin.read()
"""


def test_two_sessions_starting_together_cannot_both_get_the_journey(journey: Path) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(journey)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=os.environ,
        )
        for _ in range(3)
    ]
    try:
        answers = sorted(p.stdout.readline().strip() for p in procs if p.stdout)
    finally:
        for p in procs:
            p.kill()
            p.wait()
    assert answers == ["Lock", "OtherSession", "OtherSession"]

"""One editing session per journey: a session file says who has it open.

A second app opening the same journey is told another session has it and opens
it read-only unless the user takes over. A session counts only while its
process is alive, so a crashed or ``kill -9``-ed app never locks anyone out:
its leftover file is simply taken over by the next session.

"Alive" means more than ``kill(pid, 0)``: a killed process that nobody reaped
yet is a zombie, and after a while the pid may belong to some other program.
On Linux the process's start time is recorded and compared, which catches both.
A session on another host (a shared home directory) cannot be checked; it counts
as alive, and the user may still take over.

Session files live in the user's state directory next to the recovery copies
(never in the workshop folder, which is often a git work tree). Acquiring,
taking over and releasing are serialised with ``flock`` on a guard file, so two
apps started at the same moment cannot both believe they own a journey.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kunderejse_tui.journey.fileio import write_bytes_atomic
from kunderejse_tui.journey.recovery import absolute, path_key, private_dir, state_dir

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: best effort without the guard
    fcntl = None  # type: ignore[assignment]

__all__ = [
    "Lock",
    "OtherSession",
    "SessionInfo",
    "acquire",
    "holder",
    "lock_file",
    "process_alive",
    "take_over",
]


def lock_file(path: Path | str) -> Path:
    return state_dir() / "locks" / f"{path_key(path)}.json"


def process_start(pid: int) -> str | None:
    """The kernel's start time of ``pid`` (Linux), to tell a reused pid from the original."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            stat = fh.read().decode("ascii", "replace")
    except OSError:
        return None
    # The command name (field 2) may hold spaces and parentheses: split after the last ')'.
    fields = stat[stat.rfind(")") + 2 :].split()
    return fields[19] if len(fields) > 19 else None


def _is_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            stat = fh.read().decode("ascii", "replace")
    except OSError:
        return False
    state = stat[stat.rfind(")") + 2 : stat.rfind(")") + 3]
    return state in ("Z", "X")


def process_alive(pid: int, started: str | None = None) -> bool:
    """Whether ``pid`` runs on this host (and, if ``started`` is known, is the same process)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # another user's process: it exists
    except OSError:
        return False
    if _is_zombie(pid):
        return False
    if started is not None:
        now = process_start(pid)
        if now is not None and now != started:
            return False
    return True


@dataclass(frozen=True)
class SessionInfo:
    path: str
    pid: int
    hostname: str
    started: str | None
    time: float
    token: str

    @classmethod
    def mine(cls, path: Path) -> SessionInfo:
        pid = os.getpid()
        return cls(
            path=str(path),
            pid=pid,
            hostname=socket.gethostname(),
            started=process_start(pid),
            time=time.time(),
            token=uuid.uuid4().hex,
        )

    def is_this_process(self) -> bool:
        return self.hostname == socket.gethostname() and self.pid == os.getpid()

    def alive(self) -> bool:
        """False only when we can tell the session is gone (same host, process dead or reused)."""
        if self.hostname != socket.gethostname():
            return True
        return process_alive(self.pid, self.started)


@dataclass(frozen=True)
class Lock:
    """This session holds the journey. Check ``still_ours`` before saving."""

    path: Path
    file: Path
    info: SessionInfo

    def still_ours(self) -> bool:
        """False once another session has taken over (it then owns the saves)."""
        current = _read(self.file)
        return current is not None and current.token == self.info.token

    def release(self) -> None:
        """Give the journey up (on close); a session that took over keeps it."""
        with _guard():
            if self.still_ours():
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(self.file)


@dataclass(frozen=True)
class OtherSession:
    """Another live session has the journey open: open read-only, or take over."""

    path: Path
    info: SessionInfo
    verified: bool  # False: on another host, so we could not check that it is alive

    def take_over(self) -> Lock:
        return take_over(self.path)


def _read(file: Path) -> SessionInfo | None:
    try:
        rec = json.loads(file.read_bytes())
        return SessionInfo(
            path=str(rec["path"]),
            pid=int(rec["pid"]),
            hostname=str(rec["hostname"]),
            started=None if rec.get("started") is None else str(rec["started"]),
            time=float(rec.get("time", 0.0)),
            token=str(rec["token"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write(file: Path, info: SessionInfo) -> None:
    private_dir(file.parent)
    payload = json.dumps(info.__dict__, ensure_ascii=True).encode("ascii")
    write_bytes_atomic(file, payload, mode=0o600)


@contextlib.contextmanager
def _guard() -> Iterator[None]:
    if fcntl is None:  # pragma: no cover
        yield
        return
    directory = private_dir(state_dir() / "locks")
    fd = os.open(directory / ".guard", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing drops the flock


def holder(path: Path | str) -> SessionInfo | None:
    """The live session that has ``path`` open, if any (for the home screen)."""
    info = _read(lock_file(path))
    return info if info is not None and info.alive() else None


def acquire(path: Path | str) -> Lock | OtherSession:
    """Claim ``path`` for this session, unless another live session has it.

    A session file left by a dead process, or one that cannot be read, is
    taken over without asking: its owner cannot save any more.
    """
    journey = absolute(path)
    file = lock_file(journey)
    with _guard():
        current = _read(file)
        if current is not None and current.is_this_process():
            return Lock(journey, file, current)
        if current is not None and current.alive():
            verified = current.hostname == socket.gethostname()
            return OtherSession(journey, current, verified)
        info = SessionInfo.mine(journey)
        _write(file, info)
        return Lock(journey, file, info)


def take_over(path: Path | str) -> Lock:
    """Claim ``path`` even from a live session; that session's ``still_ours`` turns False."""
    journey = absolute(path)
    file = lock_file(journey)
    with _guard():
        info = SessionInfo.mine(journey)
        _write(file, info)
        return Lock(journey, file, info)

"""Atomic, verified writes: a journey on disk is either the old one or the new one.

A save writes a temp file in the same directory, fsyncs it, keeps the file's
mode, and renames it over the original; a crash at any point leaves the
original intact. Journey text is re-read and compared with the data before it
may replace anything, so an emitter bug can never corrupt a workshop.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import socket
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

# ".NAME~PID@HOST~RANDOM.tmp": who wrote a temp file, so that a later open can
# tell a save in progress from the leftover of a process that was killed.
_TEMP = re.compile(r"^\.(?P<name>.+)~(?P<pid>\d+)@(?P<host>[^~/]*)~[^~]+\.tmp$")


def _host() -> str:
    return re.sub(r"[~/]", "-", socket.gethostname())


def temp_owner(name: str) -> tuple[int, str] | None:
    """(pid, host) of the process that wrote temp file ``name``; None for other names."""
    m = _TEMP.match(name)
    return (int(m["pid"]), m["host"]) if m else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def remove_stale_temps(journey: Path) -> list[Path]:
    """Remove the temp files a killed save of ``journey`` left in its folder; the removed.

    Only temp files of processes on this host that are gone: a live process may
    be writing right now, and another host's pids mean nothing here.
    """
    journey = Path(journey)
    if journey.is_symlink():
        journey = Path(os.path.realpath(journey))
    directory = journey.parent if str(journey.parent) else Path(".")
    prefix = f".{journey.name}~"
    removed: list[Path] = []
    try:
        names = [n for n in os.listdir(directory) if n.startswith(prefix)]
    except OSError:
        return removed
    host = _host()
    for name in names:
        owner = temp_owner(name)
        if owner is None or owner[1] != host or owner[0] == os.getpid() or _alive(owner[0]):
            continue
        with contextlib.suppress(OSError):
            os.unlink(directory / name)
            removed.append(directory / name)
    return removed


class SaveError(Exception):
    """A save did not happen; the original file is untouched."""


class ChangedOnDiskError(SaveError):
    """The file changed on disk while the save was being prepared; nothing was written."""


def _same(a: Any, b: Any) -> bool:
    """Equality that also compares types (True != 1, 1 != 1.0) and NaN to itself."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(v, b[k]) for k, v in a.items())
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def encode(text: str, newline: str = "\n", bom: bool = False) -> bytes:
    if newline != "\n":
        text = text.replace("\n", newline)
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def write_bytes_atomic(
    path: Path,
    payload: bytes,
    mode: int | None = None,
    precondition: Callable[[], None] | None = None,
) -> None:
    """Replace ``path`` with ``payload`` atomically; raises OSError and leaves the original.

    A symlink stays a symlink: the text goes to its final target, through a temp
    file in the target's own folder (a rename never crosses filesystems).
    ``precondition`` runs immediately before the rename; whatever it raises stops
    the write (a big save checks there that nobody changed the file meanwhile).
    """
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        st = path.stat()
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        # -o /dev/null or a named pipe: a rename would replace the device itself
        # (as root it can), so such targets are written in place.
        with path.open("wb") as fh:
            fh.write(payload)
        return
    directory = path.parent if str(path.parent) else Path(".")
    if mode is None:
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
    owner = f".{path.name}~{os.getpid()}@{_host()}~"
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=owner, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if precondition is not None:
            precondition()
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    # The rename itself is only durable once the directory entry is on disk.
    with contextlib.suppress(OSError):
        dir_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def write_text_atomic(path: Path, text: str, newline: str = "\n", bom: bool = False) -> None:
    write_bytes_atomic(Path(path), encode(text, newline, bom))


def render_journey(data: dict[str, Any], schema_line: str | None = None) -> str:
    """Canonical text for ``data``, verified to read back as exactly ``data``."""
    from kunderejse_tui.journey.dump import dump
    from kunderejse_tui.journey.problems import JourneyLoadError
    from kunderejse_tui.journey.yamlio import load_text

    text = dump(data, schema_line)
    try:
        back = load_text(text, "<verify>").data
    except JourneyLoadError as exc:
        raise SaveError(f"internal error: the written text does not read back ({exc})") from exc
    if not _same(back, data):
        raise SaveError("internal error: the written text reads back differently; nothing saved")
    return text


def save_journey(
    path: Path,
    data: dict[str, Any],
    *,
    schema_line: str | None = None,
    newline: str = "\n",
    bom: bool = False,
    precondition: Callable[[], None] | None = None,
) -> bytes:
    """Write ``data`` canonically and atomically; returns the bytes written.

    Raises SaveError (verification, or ``precondition``'s ChangedOnDiskError) or
    OSError (disk); in every case the file on disk is the one that was there before.
    """
    payload = encode(render_journey(data, schema_line), newline, bom)
    write_bytes_atomic(Path(path), payload, precondition=precondition)
    return payload

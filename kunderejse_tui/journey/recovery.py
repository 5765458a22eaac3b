"""Recovery copies: unsaved edits that survive a closed terminal, a kill or a dead laptop.

While a journey has unsaved changes the app writes a copy of its data here
every few seconds and from its signal handlers. The next time that journey is
opened, the copy is offered back (restore, show the difference, discard); a
clean save or an explicit discard removes it.

Copies live in the user's state directory, never next to the journey: a
workshop folder is often a git work tree, and a stray file there would end up
in a commit. ``KUNDEREJSE_STATE_DIR`` moves the directory (tests, portable use).

One copy per journey and session, named by a hash of the absolute path and the
session's id: two sessions on one journey (one took over from the other) never
overwrite or delete each other's copy, and every copy waiting for a file is
found with one ``glob`` of its hash (issue 15, item 2). The record is JSON: it round-trips every value a journey can
hold (including NaN and infinities, which Python's JSON writes and reads back),
needs no YAML emitter that could itself be the bug being recovered from, and is
written atomically with mode 0600 because workshop notes are often confidential.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from kunderejse_tui.journey.disk import fingerprint
from kunderejse_tui.journey.fileio import save_journey, write_bytes_atomic
from kunderejse_tui.journey.journey_path import resolved_journey_path

__all__ = [
    "Recovery",
    "discard_recovery",
    "find_recoveries",
    "find_recovery",
    "list_recoveries",
    "recovery_file",
    "state_dir",
    "write_recovery",
]

RECORD_VERSION = 1
ENV_STATE_DIR = "KUNDEREJSE_STATE_DIR"
# The session of callers that name none (the CLI, tests): one per process.
PROCESS_SESSION = uuid.uuid4().hex[:12]


def new_session_id() -> str:
    return uuid.uuid4().hex[:12]


def state_dir() -> Path:
    """Where recovery copies and session locks live (subfolders are made on first write)."""
    override = os.environ.get(ENV_STATE_DIR)
    return Path(override) if override else Path(platformdirs.user_state_dir("kunderejse"))


def private_dir(path: Path) -> Path:
    """Make ``path`` (mode 0700: other users on the machine must not read the notes)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def absolute(path: Path | str) -> Path:
    """THE key path of a journey: locks and recovery copies are keyed by it (only here).

    The one spelling of a journey's path that every session agrees on.

    ``resolve`` follows symlinks, so ``./x.journey.yaml`` and a link to it share a
    copy; a path that does not exist yet still resolves (strict=False).
    """
    return resolved_journey_path(path)


def path_key(path: Path | str) -> str:
    return hashlib.sha256(os.fsencode(absolute(path))).hexdigest()[:32]


def recovery_file(path: Path | str, session: str = PROCESS_SESSION) -> Path:
    return state_dir() / "recovery" / f"{path_key(path)}-{session}.json"


@dataclass(frozen=True)
class Recovery:
    """A recovery copy waiting for a journey."""

    path: Path  # the journey, absolute
    base_hash: str | None  # sha256 of the file the edits started from; None if it did not exist
    pid: int
    hostname: str
    time: float  # seconds since the epoch
    data: dict[str, Any]
    record: Path = field(compare=False)
    session: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def changes(self) -> int | None:
        """How many changes the copy holds, as its session counted them (None: not counted)."""
        changes = self.extra.get("changes")
        return changes if isinstance(changes, int) and not isinstance(changes, bool) else None

    def write_to(self, target: Path) -> bytes:
        """Write the copy as a journey at ``target``, atomically, with the file's own
        schema line, newlines and BOM; returns the bytes. SaveError or OSError as
        ``save_journey`` raises them."""
        schema_line = self.extra.get("schema_line")
        newline = self.extra.get("newline")
        return save_journey(
            target,
            self.data,
            schema_line=schema_line if isinstance(schema_line, str) else None,
            newline=newline if newline in ("\n", "\r\n") else "\n",
            bom=self.extra.get("bom") is True,
        )

    def base_on_disk(self) -> bool:
        """Whether the journey on disk is still the version the edits started from.

        If not (a ``git pull`` since), restoring means the disk and the copy both
        changed: the app offers a merge instead of a plain overwrite.
        """
        now = fingerprint(self.path)
        if now is None:
            return self.base_hash is None
        return now.sha256 == self.base_hash

    def writer_alive(self) -> bool:
        """Whether the session that wrote the copy is still running (it is then not orphaned)."""
        from kunderejse_tui.journey.locks import process_alive

        return self.hostname == socket.gethostname() and process_alive(self.pid)


def write_recovery(
    path: Path | str,
    data: dict[str, Any],
    base_hash: str | None,
    *,
    extra: dict[str, Any] | None = None,
    session: str = PROCESS_SESSION,
) -> Path:
    """Write (or replace) the recovery copy of ``path``; returns the record's path.

    Raises OSError when the state directory cannot be written: the caller
    decides how loudly to say so, the edits are still in memory either way.
    ``extra`` carries what a restore needs besides the data (schema line,
    newline, BOM); it must be JSON-serialisable.
    """
    target = recovery_file(path, session)
    private_dir(target.parent)
    record = {
        "kunderejse-recovery": RECORD_VERSION,
        "path": str(absolute(path)),
        "session": session,
        "base_sha256": base_hash,
        "pid": os.getpid(),
        "hostname": socket.gethostname(),
        "time": time.time(),
        "extra": extra or {},
        "data": data,
    }
    # ensure_ascii keeps lone surrogates (an edit could type one) as \ud800 escapes
    # instead of failing to encode; the file is for machines, not people.
    payload = json.dumps(record, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    write_bytes_atomic(target, payload, mode=0o600)
    return target


def _read(record_path: Path) -> Recovery | None:
    try:
        raw = record_path.read_bytes()
        rec = json.loads(raw)
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(rec, dict) or rec.get("kunderejse-recovery") != RECORD_VERSION:
        return None
    data, path, pid = rec.get("data"), rec.get("path"), rec.get("pid")
    base = rec.get("base_sha256")
    if not (isinstance(data, dict) and isinstance(path, str) and isinstance(pid, int)):
        return None
    if base is not None and not isinstance(base, str):
        return None
    extra = rec.get("extra")
    return Recovery(
        path=Path(path),
        base_hash=base,
        pid=pid,
        hostname=str(rec.get("hostname", "")),
        time=float(rec.get("time", 0.0)),
        data=data,
        record=record_path,
        extra=extra if isinstance(extra, dict) else {},
        session=str(rec.get("session", "")),
    )


def find_recoveries(path: Path | str) -> list[Recovery]:
    """Every readable copy waiting for ``path`` (all sessions), newest first.

    A record that cannot be read is left where it is (a person may still want
    it) and reported as absent, so a damaged copy never stops a journey opening.
    """
    journey = absolute(path)
    try:
        names = sorted((state_dir() / "recovery").glob(f"{path_key(journey)}*.json"))
    except OSError:
        return []
    found = [rec for rec in map(_read, names) if rec is not None and rec.path == journey]
    return sorted(found, key=lambda r: r.time, reverse=True)


def find_recovery(path: Path | str) -> Recovery | None:
    """The newest copy waiting for ``path``, or None."""
    found = find_recoveries(path)
    return found[0] if found else None


def discard_recovery(path: Path | str, session: str = PROCESS_SESSION) -> None:
    """Remove ``session``'s copy of ``path``; no copy is not an error."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(recovery_file(path, session))


def list_recoveries() -> list[Recovery]:
    """Every readable recovery copy, newest first (for the home screen)."""
    directory = state_dir() / "recovery"
    try:
        names = sorted(directory.glob("*.json"))
    except OSError:
        return []
    found = [rec for rec in map(_read, names) if rec is not None]
    return sorted(found, key=lambda r: r.time, reverse=True)

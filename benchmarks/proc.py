"""Running whole processes the way a user does, and timing them fairly.

Every measured child runs with bytecode allowed (``PYTHONDONTWRITEBYTECODE``
removed, the package precompiled), because an installed package has its
``.pyc`` files. Several commands are compared by running them in alternating
rounds (A B C, B C A, C A B, ...), so that whatever else the machine does at
the moment affects every side alike; figures are medians, and ratios are the
medians of the per-round ratios.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
PYTHON = sys.executable
BIN = Path(PYTHON).parent


def child_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a measured child: as a user has it, bytecode allowed."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    env.pop("PYTHONTRACEMALLOC", None)
    env.setdefault("PYTHONUNBUFFERED", "1")
    env.update(extra or {})
    return env


def precompile() -> None:
    """Write the ``.pyc`` files an installed package would have."""
    subprocess.run(
        [PYTHON, "-m", "compileall", "-q", "kunderejse_tui", "benchmarks"],
        cwd=ROOT,
        env=child_env(),
        check=True,
    )


def missing_bytecode(
    packages: Sequence[str] = ("yaml", "textual", "rich", "jsonschema"),
) -> list[str]:
    """Installed packages whose modules lack ``.pyc`` files (the figures would be too slow)."""
    import importlib.util

    missing = []
    for name in packages:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            continue
        cached = importlib.util.cache_from_source(spec.origin)
        if not Path(cached).exists():
            missing.append(name)
    return missing


@dataclass(frozen=True)
class Case:
    """One command to measure."""

    name: str
    argv: tuple[str, ...]
    env: Mapping[str, str] = field(default_factory=dict)
    tty: bool = False  # run inside a pseudo-terminal (for the Textual apps)
    ok_codes: tuple[int, ...] = (0,)
    # With tty: text whose first appearance on the terminal is the moment measured
    # ("the map is on screen"), besides the process's whole lifetime.
    marker: str | None = None


@dataclass(frozen=True)
class Run:
    """One finished process: wall time, CPU time (user + system) and peak memory."""

    wall: float
    cpu: float
    maxrss_mb: float
    returncode: int
    output: bytes = b""
    shown: float = float("nan")  # seconds until the case's marker reached the terminal

    @property
    def to_screen(self) -> float:
        """Until the marker was on screen (the whole run when there is no marker)."""
        return self.wall if self.shown != self.shown else self.shown


class CaseFailed(RuntimeError):
    pass


TTY_COLUMNS, TTY_LINES = 160, 48


def _spawn_plain(
    case: Case, env: dict[str, str], capture: bool
) -> tuple[subprocess.Popen[bytes], bytes]:
    # Discarding stdout is what a CI job does with a valid file's (empty) report;
    # stderr is kept once, to explain a failure.
    proc = subprocess.Popen(
        case.argv,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE if capture else subprocess.DEVNULL,
    )
    out = b""
    if capture and proc.stderr is not None:
        out = proc.stderr.read()
        proc.stderr.close()
    return proc, out


def _set_winsize(fd: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", TTY_LINES, TTY_COLUMNS, 0, 0))


def _spawn_tty(
    case: Case, env: dict[str, str], start: float
) -> tuple[subprocess.Popen[bytes], bytes, float]:
    """Run ``case`` on a pseudo-terminal of 160x48 and read everything it draws.

    Also returns when (seconds after ``start``) the marker first reached the terminal.
    """
    master, slave = pty.openpty()
    _set_winsize(slave)

    def _controlling_tty() -> None:  # pragma: no cover - runs in the child
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    env = {**env, "TERM": env.get("TERM_BENCH", "xterm-256color"), "COLORTERM": "truecolor"}
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    proc = subprocess.Popen(
        case.argv,
        cwd=ROOT,
        env=env,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        preexec_fn=_controlling_tty,
        close_fds=True,
    )
    os.close(slave)
    chunks = []
    marker = case.marker.encode("utf-8") if case.marker else None
    shown = float("nan")
    tail = b""
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 60)
            if not ready:
                proc.kill()
                raise CaseFailed(f"{case.name}: no output for 60 s")
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal (it has exited)
                break
            if not data:
                break
            chunks.append(data)
            if marker is not None and shown != shown:
                window = tail + data
                if marker in window:
                    shown = time.perf_counter() - start
                tail = window[-len(marker) :]
    finally:
        os.close(master)
    return proc, b"".join(chunks), shown


def run_once(case: Case, capture: bool = False) -> Run:
    """Start ``case``, wait for it, and return its figures."""
    env = child_env(case.env)
    start = time.perf_counter()
    shown = float("nan")
    if case.tty:
        proc, output, shown = _spawn_tty(case, env, start)
    else:
        proc, output = _spawn_plain(case, env, capture)
    # wait4 rather than Popen.wait: it also gives the child's CPU time and peak RSS.
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code  # reaped here; Popen must not wait for it again
    return Run(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        maxrss_mb=usage.ru_maxrss / 1024,  # KiB on Linux
        returncode=code,
        output=output,
        shown=shown,
    )


def check(case: Case) -> Run:
    """One untimed run that must succeed (it also warms the page cache)."""
    run = run_once(case, capture=True)
    if run.returncode not in case.ok_codes:
        tail = run.output.decode("utf-8", "replace")[-2000:]
        raise CaseFailed(f"{case.name} exited with {run.returncode}:\n{tail}")
    if case.marker and run.shown != run.shown:
        raise CaseFailed(f"{case.name}: {case.marker!r} never appeared on the terminal")
    return run


def alternate(cases: Sequence[Case], rounds: int, progress: bool = True) -> dict[str, list[Run]]:
    """Run every case once per round, starting each round one case further on."""
    results: dict[str, list[Run]] = {c.name: [] for c in cases}
    for case in cases:
        check(case)
    for r in range(rounds):
        shift = r % len(cases)
        for case in [*cases[shift:], *cases[:shift]]:
            run = run_once(case)
            if run.returncode not in case.ok_codes:
                raise CaseFailed(f"{case.name} exited with {run.returncode}")
            if case.marker and run.shown != run.shown:
                raise CaseFailed(f"{case.name}: {case.marker!r} never appeared on the terminal")
            results[case.name].append(run)
        if progress:
            print(".", end="", file=sys.stderr, flush=True)
    return results


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def paired_ratio(a: Sequence[Run], b: Sequence[Run], attr: str = "wall") -> float:
    """Median over rounds of a/b: each round's two runs saw the same machine load.

    ``attr`` is a Run attribute: "wall", "cpu" or "to_screen".
    """
    ratios = [getattr(x, attr) / getattr(y, attr) for x, y in zip(a, b, strict=True)]
    return median(ratios)

"""An unwritable state folder (read-only, or full) must not stop a workshop, and the
process's exit status tells the truth: 128+N after signal N, non-zero after a crash.
(Issue 15, item 7.) The app runs in tmux; the read-only folder is a real one."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.tmux_app import ROOT, TmuxApp, wait_until

SAMPLE = ROOT / "sample_journeys" / "bilkoeb-privat.journey.yaml"
UNAVAILABLE = "Recovery copies"  # "... and locks are unavailable", wrapped in a toast


@pytest.fixture
def read_only_state(tmp_path: Path) -> Iterator[Path]:
    """A state folder nobody can write: a read-only mount for root (who ignores modes),
    mode 0500 for everyone else."""
    directory = tmp_path / "state"
    directory.mkdir()
    if os.geteuid() == 0:
        subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(directory)],
                       check=True)  # fmt: skip
        yield directory
        subprocess.run(["umount", "-l", str(directory)], check=False)
    else:
        directory.chmod(0o500)
        yield directory
        directory.chmod(0o700)


def test_a_read_only_state_folder_says_so_once_and_the_app_works(
    apps: list[TmuxApp], journey: Path, read_only_state: Path
) -> None:
    probe = read_only_state / "probe"
    with pytest.raises(OSError) as refused:
        probe.write_text("x")
    assert refused.value.errno in (errno.EROFS, errno.EACCES)
    app = TmuxApp([journey], read_only_state, 0.2, keep_status=True)
    apps.append(app)
    app.wait_for(UNAVAILABLE)
    assert "Traceback" not in app.screen()
    app.delete_stage()
    app.wait_for("● Privatkunder")
    app.keys("C-s")
    wait_until("the save", lambda: journey.read_bytes() != SAMPLE.read_bytes())
    app.delete_stage()
    app.wait_for("● Privatkunder")
    # Said once: later copy rounds fail silently.
    wait_until("the notice to go", lambda: UNAVAILABLE not in app.screen(), timeout=30)
    app.keys("C-q")
    app.wait_for("Quit")
    assert UNAVAILABLE not in app.screen()
    assert app.alive()
    app.signal(signal.SIGTERM)
    assert app.exit_status() == 128 + signal.SIGTERM


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_signals_end_the_app_with_128_plus_the_signal(
    apps: list[TmuxApp], journey: Path, tmp_path: Path, signum: int
) -> None:
    app = TmuxApp([journey], tmp_path / "state", 0.2, keep_status=True)
    apps.append(app)
    app.wait_for("Privatkunder")
    app.delete_stage()
    app.wait_for("● Privatkunder")
    app.signal(signum)
    assert app.exit_status() == 128 + signum


@pytest.mark.parametrize(
    ("module", "where"),
    [
        ("kunderejse_tui.tui.recovery_service", "JourneyGuard.claim"),  # in a worker
    ],
)
def test_a_crash_ends_the_app_with_a_non_zero_status(
    apps: list[TmuxApp], journey: Path, tmp_path: Path, module: str, where: str
) -> None:
    # A bug, planted. The app must not report success.
    cls, method = where.split(".")
    crash = (
        "import sys, importlib\n"
        f"m = importlib.import_module({module!r})\n"
        "def boom(self): raise RuntimeError('planted bug')\n"
        f"setattr(getattr(m, {cls!r}), {method!r}, boom)\n"
        "from kunderejse_tui.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    argv = [sys.executable, "-c", crash, str(journey), "--lang", "en"]
    app = TmuxApp([], tmp_path / "state", argv=argv, keep_status=True)
    apps.append(app)
    assert app.exit_status() != 0

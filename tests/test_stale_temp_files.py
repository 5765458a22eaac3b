"""A save killed in its fsync leaves a temp file; the next open cleans it up (issue 15, item 10).

The temp file's name says which process (and host) wrote it, so a later open
of the journey (or a listing of its folder) removes the temp files of
processes that are gone, keeps those of live ones, and never lists one as a
journey.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from kunderejse_tui.cli import main
from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.tui.journey_files import find_journeys

ROOT = Path(__file__).resolve().parents[1]
BILKOEB = ROOT / "sample_journeys" / "bilkoeb-privat.journey.yaml"

# A save whose fsync takes forever: the parent kills it there, as a power cut would.
SLOW_SAVE = """
import os, sys, time
from pathlib import Path
from kunderejse_tui.journey import fileio
def slow_fsync(fd):
    print("in fsync", flush=True)
    time.sleep(60)
fileio.os.fsync = slow_fsync
fileio.write_bytes_atomic(Path(sys.argv[1]), Path(sys.argv[1]).read_bytes() + b"# x\\n")
"""


def _killed_in_fsync(journey: Path) -> list[Path]:
    child = subprocess.Popen(
        [sys.executable, "-c", SLOW_SAVE, str(journey)],
        stdout=subprocess.PIPE,
        cwd=ROOT,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "in fsync\n"
    child.send_signal(signal.SIGKILL)
    assert child.wait() == -signal.SIGKILL
    return sorted(p for p in journey.parent.iterdir() if p.name.endswith(".tmp"))


def test_the_next_open_removes_a_dead_save_s_temp_file(tmp_path: Path) -> None:
    journey = tmp_path / "j.journey.yaml"
    shutil.copyfile(BILKOEB, journey)
    left = _killed_in_fsync(journey)
    assert len(left) == 1, "the killed save left its temp file"
    assert journey.read_bytes() == BILKOEB.read_bytes()
    assert find_journeys(tmp_path) == [journey]
    assert main(["validate", str(tmp_path)]) == 0

    JourneyDocument.load(journey)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["j.journey.yaml"]


def test_a_live_save_s_temp_file_is_kept(tmp_path: Path) -> None:
    """Another live process may be writing right now: its temp file stays."""
    journey = tmp_path / "j.journey.yaml"
    shutil.copyfile(BILKOEB, journey)
    left = _killed_in_fsync(journey)
    assert len(left) == 1
    live = left[0].name.replace(
        _pid_in(left[0].name), str(os.getpid())
    )  # the same name, of a live process
    (tmp_path / live).write_bytes(b"half")
    left[0].unlink()
    JourneyDocument.load(journey)
    assert (tmp_path / live).exists()


def _pid_in(name: str) -> str:
    from kunderejse_tui.journey.fileio import temp_owner

    owner = temp_owner(name)
    assert owner is not None, f"{name} does not say who wrote it"
    return str(owner[0])

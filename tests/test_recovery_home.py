"""Edits stranded by a renamed folder are found and restored from the home screen of the
next start (issue 15, item 6), for real: the folder is renamed under a running app that
has edits, the app is killed (-9), and the next app, started on the renamed folder, lists
the copy, restores it as a journey in that folder and leaves the old file alone."""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

import pytest

from kunderejse_tui.journey.fileio import _same
from kunderejse_tui.journey.locks import lock_file
from kunderejse_tui.journey.recovery import list_recoveries
from kunderejse_tui.journey.yamlio import load_file
from tests.tmux_app import ROOT, TmuxApp, wait_until

SAMPLE = ROOT / "sample_journeys" / "bilkoeb-privat.journey.yaml"
TITLE = "Privatkunder"


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_a_copy_stranded_by_a_renamed_folder_is_restored_from_the_home_screen(
    apps: list[TmuxApp], tmp_path: Path, state: Path, size: tuple[int, int]
) -> None:
    work = tmp_path / "workshop"
    work.mkdir()
    journey = work / SAMPLE.name
    shutil.copyfile(SAMPLE, journey)
    original = journey.read_bytes()
    expected = load_file(journey).data
    expected["stages"].pop(0)
    first = TmuxApp([journey], state, 0.3, size=size)
    apps.append(first)
    wait_until("the session lock", lock_file(journey).exists)
    first.keys("d")
    first.wait_for("Delete?")
    first.keys("x")
    first.wait_for(f"● {TITLE}")
    wait_until("the recovery copy", list_recoveries)
    renamed = tmp_path / "workshop-renamed"
    work.rename(renamed)  # under the running app, which still has the edits
    first.signal(signal.SIGKILL)
    first.wait_gone()
    # The next start, on the folder under its new name.
    home = TmuxApp([renamed], state, 0.3, size=size)
    apps.append(home)
    home.wait_for("Recovery copies waiting")
    home.wait_for("(gone)")
    home.keys("Enter")
    home.wait_for("Restore")
    home.keys("r")
    home.wait_for("File name")
    home.keys("Enter")
    home.wait_for("Interesse")  # the restored journey is open on its map

    def new_files() -> list[Path]:
        return [p for p in renamed.glob("*.journey.yaml") if p.name != SAMPLE.name]

    restored = wait_until("the restored journey", new_files)
    assert len(restored) == 1
    assert _same(load_file(restored[0]).data, expected)
    assert (renamed / SAMPLE.name).read_bytes() == original
    wait_until("the copy to go", lambda: not list_recoveries())
    home.keys("C-q")
    home.wait_gone()

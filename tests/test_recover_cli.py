"""``kunderejse recover``: every waiting recovery copy is reachable from the command line,
also after the journey's folder was renamed (issue 15, item 6). The copy is made by the
real app, killed with -9, and the folder is renamed for real."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kunderejse_tui.journey.fileio import _same
from kunderejse_tui.journey.locks import lock_file
from kunderejse_tui.journey.recovery import list_recoveries
from kunderejse_tui.journey.yamlio import load_file
from tests.tmux_app import ROOT, TmuxApp, wait_until

SAMPLE = ROOT / "sample_journeys" / "bilkoeb-privat.journey.yaml"


def recover(*args: str, state: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KUNDEREJSE_STATE_DIR": str(state), "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "kunderejse_tui", "recover", *args],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip


@pytest.fixture
def stranded(apps: list[TmuxApp], tmp_path: Path, state: Path) -> tuple[Path, dict[str, Any]]:
    """Edits whose app was killed, and whose folder was renamed since."""
    journey = tmp_path / "work" / SAMPLE.name
    journey.parent.mkdir()
    shutil.copyfile(SAMPLE, journey)
    expected = load_file(journey).data
    expected["stages"].pop(0)
    app = TmuxApp([journey], state, 0.3)
    apps.append(app)
    wait_until("the session lock", lock_file(journey).exists)
    app.delete_stage()
    app.wait_for("● Privatkunder")
    wait_until("the copy", lambda: any(_same(r.data, expected) for r in list_recoveries()))
    app.signal(signal.SIGKILL)
    app.wait_gone()
    journey.parent.rename(tmp_path / "work-renamed")
    return journey, expected


def test_recover_lists_restores_and_discards_a_stranded_copy(
    stranded: tuple[Path, dict[str, Any]], state: Path, tmp_path: Path
) -> None:
    journey, expected = stranded
    listed = recover(state=state)
    assert listed.returncode == 0, listed.stderr
    (rec,) = list_recoveries()
    ident = rec.session
    assert ident and ident in listed.stdout
    assert str(journey) in listed.stdout
    assert "missing" in listed.stdout  # the folder is gone
    assert "1 change, " in listed.stdout and "changed lines" in listed.stdout  # steps and lines

    # Into the folder that is gone: refused with the reason and what to do, in words
    # for a command (nothing is "still open here"), and the copy stays.
    nowhere = recover("--restore", ident, state=state)
    assert nowhere.returncode == 2
    assert "the folder no longer exists" in nowhere.stderr and "-o FILE" in nowhere.stderr
    assert "still open here" not in nowhere.stderr
    assert [r.session for r in list_recoveries()] == [ident]

    out = tmp_path / "back.journey.yaml"
    done = recover("--restore", ident, "-o", str(out), state=state)
    assert done.returncode == 0, done.stderr
    assert _same(load_file(out).data, expected)
    assert [r.session for r in list_recoveries()] == [ident]  # kept until discarded

    refused = recover("--restore", ident, "-o", str(out), state=state)
    assert refused.returncode == 2 and str(out) in refused.stderr  # never overwrites

    unknown = recover("--discard", "nosuchcopy", state=state)
    assert unknown.returncode == 2 and "nosuchcopy" in unknown.stderr

    gone = recover("--discard", ident, state=state)
    assert gone.returncode == 0, gone.stderr
    assert list_recoveries() == []
    assert "No recovery copies" in recover(state=state).stdout

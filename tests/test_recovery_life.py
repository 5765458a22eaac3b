"""A recovery copy's life in the real app (tmux, real signals): it disappears only after
Restore-and-save or an explicit Discard, and each session's edits have a copy of their own.
(Issue 15, items 1, 2 and 12.)"""

from __future__ import annotations

import shutil
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kunderejse_tui.journey import recovery
from kunderejse_tui.journey.fileio import _same
from kunderejse_tui.journey.locks import lock_file
from kunderejse_tui.journey.recovery import list_recoveries
from kunderejse_tui.journey.yamlio import load_file
from tests.tmux_app import ROOT, TmuxApp, wait_until

SAMPLE = ROOT / "sample_journeys" / "bilkoeb-privat.journey.yaml"
TITLE = "Privatkunder"  # in the map's title, after the unsaved mark "● "


@pytest.fixture
def apps() -> Iterator[list[TmuxApp]]:
    started: list[TmuxApp] = []
    yield started
    for app in started:
        app.stop()


@pytest.fixture
def journey(tmp_path: Path) -> Path:
    path = tmp_path / "work" / SAMPLE.name
    path.parent.mkdir()
    shutil.copyfile(SAMPLE, path)
    return path


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "state"
    monkeypatch.setenv(recovery.ENV_STATE_DIR, str(directory))
    return directory


def start(apps: list[TmuxApp], journey: Path, state: Path, delay: float = 0.3) -> TmuxApp:
    app = TmuxApp([journey], state, delay)
    apps.append(app)
    return app


def copies_holding(data: dict[str, Any]) -> list[recovery.Recovery]:
    return [rec for rec in list_recoveries() if _same(rec.data, data)]


def crash_with_an_edit(apps: list[TmuxApp], journey: Path, state: Path) -> dict[str, Any]:
    """An app deletes the first stage, its copy is written, and it is killed (-9)."""
    expected = load_file(journey).data
    first = expected["stages"].pop(0)
    app = start(apps, journey, state)
    app.wait_for(first["name"])
    wait_until("the session lock", lock_file(journey).exists)
    app.keys("d")
    app.wait_for(f"● {TITLE}")
    wait_until("the recovery copy", lambda: copies_holding(expected))
    app.signal(signal.SIGKILL)
    app.wait_gone()
    return expected


# ---- item 1: leaving while "unsaved changes found" is up keeps the copy


@pytest.mark.parametrize("how", ["ctrl+q", "SIGHUP", "terminal-closed", "SIGTERM"])
def test_leaving_while_the_copy_is_offered_keeps_it(
    apps: list[TmuxApp], journey: Path, state: Path, how: str
) -> None:
    original = journey.read_bytes()
    expected = crash_with_an_edit(apps, journey, state)
    app = start(apps, journey, state)
    app.wait_for("Unsaved changes found")
    if how == "ctrl+q":
        app.keys("C-q")
    elif how == "terminal-closed":
        app.close_terminal()
    else:
        app.signal(getattr(signal, how))
    app.wait_gone()
    assert journey.read_bytes() == original
    assert copies_holding(expected), f"the copy is gone after {how}"
    # And it is still offered: restore, save, and the edit is in the file.
    again = start(apps, journey, state)
    again.wait_for("Unsaved changes found")
    again.keys("r")
    again.wait_for(f"● {TITLE}")
    again.keys("C-s")
    wait_until("the save", lambda: journey.read_bytes() != original)
    assert _same(load_file(journey).data, expected)
    wait_until("the copy to go after the save", lambda: not list_recoveries())
    again.keys("C-q")
    again.wait_gone()

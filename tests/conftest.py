"""Fixtures the crash, recovery and lock tests share (a module may define its own).

``journey``: the sample journey copied into a folder of its own; ``state``: a state
directory for locks and recovery copies, for this test and the apps it starts;
``apps``: the tmux apps a test starts (tests/tmux_app.py), killed when it ends.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kunderejse_tui.journey import recovery

if TYPE_CHECKING:
    # Not at run time: tests/tmux_app.py skips (or, on CI, fails) a module without tmux.
    from tests.tmux_app import TmuxApp

SAMPLE = Path(__file__).resolve().parents[1] / "sample_journeys" / "bilkoeb-privat.journey.yaml"


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

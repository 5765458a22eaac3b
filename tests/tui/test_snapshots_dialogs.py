"""Snapshots of every dialog at 80x24, 120x40 and 200x50, and of every form at 80x24
(issue 16). Each dialog is shown over a bare app with the app's styles (tests/tui/modals.py).

Update after a deliberate change with ``--snapshot-update`` on the test ids concerned,
and look at the SVGs before committing them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.tui.modals import DIALOGS, FORMS, Dialogs, host

Snap = Callable[..., bool]
SIZES = {"80x24": (80, 24), "120x40": (120, 40), "200x50": (200, 50)}


@pytest.fixture
def dialogs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    # Paths on screen relative to a fixed folder; the recovery copy's time in UTC.
    folder = tmp_path / "rejser"
    folder.mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    return Dialogs(folder)


async def _shown(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", list(DIALOGS))
def test_dialog(name: str, size: str, dialogs: Dialogs, snap_compare: Snap) -> None:
    app = host(dialogs, name)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=_shown)


@pytest.mark.parametrize("name", list(FORMS))
def test_form_at_80x24(name: str, dialogs: Dialogs, snap_compare: Snap) -> None:
    app = host(dialogs, name)
    assert snap_compare(app, terminal_size=SIZES["80x24"], run_before=_shown)

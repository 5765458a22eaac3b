"""Snapshots of the layout at three sizes (issue 16): the map, the fit-all overview and
presentation mode at 80x24, 120x40 and 200x50; home, help, export and interview at 80x24.

``pytest --snapshot-update tests/tui/test_snapshots_layout.py`` after an intended
change, and look at the SVGs. Runs from the repository (paths on screen are relative).
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from kunderejse_tui.tui.app import KunderejseApp
from kunderejse_tui.tui.screens.interview_start import InterviewStartScreen
from tests.tui.helpers import FUNNEL, LIFECYCLE, REPO, settle, the_document

SIZES = [(80, 24), (120, 40), (200, 50)]
SIZE_IDS = ["80x24", "120x40", "200x50"]


@pytest.fixture(autouse=True)
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def keys(*presses: str) -> Any:
    async def run(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        if presses:
            await pilot.press(*presses)
        await settle(pilot)
        await pilot.pause()

    return run


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_map(snap_compare: Any, size: tuple[int, int]) -> None:
    app = KunderejseApp(FUNNEL.relative_to(REPO))
    assert snap_compare(app, terminal_size=size, run_before=keys("down", "down", "down"))


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_fit_all_overview(snap_compare: Any, size: tuple[int, int]) -> None:
    app = KunderejseApp(LIFECYCLE.relative_to(REPO))
    assert snap_compare(app, terminal_size=size, run_before=keys("right", "right", "z"))


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_presentation(snap_compare: Any, size: tuple[int, int]) -> None:
    app = KunderejseApp(FUNNEL.relative_to(REPO))
    assert snap_compare(app, terminal_size=size, run_before=keys("right", "f5"))


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_presentation_overview(snap_compare: Any, size: tuple[int, int]) -> None:
    app = KunderejseApp(LIFECYCLE.relative_to(REPO))
    assert snap_compare(app, terminal_size=size, run_before=keys("f5", "o"))


def test_map_with_the_curve_at_80x24(snap_compare: Any) -> None:
    app = KunderejseApp(FUNNEL.relative_to(REPO))
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("g"))


def test_home_at_80x24(snap_compare: Any) -> None:
    app = KunderejseApp(Path("sample_journeys"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys())


def test_help_at_80x24(snap_compare: Any) -> None:
    app = KunderejseApp(FUNNEL.relative_to(REPO))
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("f1"))


def test_export_at_80x24(
    snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copyfile(FUNNEL, tmp_path / FUNNEL.name)
    monkeypatch.chdir(tmp_path)
    app = KunderejseApp(Path(FUNNEL.name))
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("e"))


def test_interview_at_80x24(
    snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copyfile(FUNNEL, tmp_path / FUNNEL.name)
    monkeypatch.chdir(tmp_path)
    app = KunderejseApp(Path(FUNNEL.name))

    async def run(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        # A fixed "today": the form's date field starts on it.
        today = datetime.date(2026, 11, 24)
        pilot.app.push_screen(InterviewStartScreen(the_document(pilot.app), today=lambda: today))
        await settle(pilot)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run)

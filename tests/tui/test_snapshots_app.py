"""Snapshots of the app shell (pytest-textual-snapshot): home, maps, problems, help, dialogs.

Run ``pytest --snapshot-update tests/tui/test_snapshots_app.py`` after an intended
change and look at the SVGs. Paths on screen are relative to the working
directory, so every test runs from a fixed one; no clock, no blinking cursor.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from kunderejse_tui.tui.app import KunderejseApp
from tests.tui.helpers import FUNNEL, LIFECYCLE, REPO, settle, the_document

MAP_SIZE = (140, 42)


@pytest.fixture(autouse=True)
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


async def steady(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await pilot.pause()


def keys(*presses: str) -> Any:
    async def run(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press(*presses)
        await steady(pilot)

    return run


def test_home_screen(snap_compare: Any) -> None:
    app = KunderejseApp(Path("sample_journeys"))
    assert snap_compare(app, terminal_size=(120, 30), run_before=steady)


def test_map_funnel_sample(snap_compare: Any) -> None:
    app = KunderejseApp(FUNNEL.relative_to(REPO))
    assert snap_compare(app, terminal_size=MAP_SIZE, run_before=keys("down", "down", "down"))


def test_map_funnel_sample_in_english(snap_compare: Any) -> None:
    app = KunderejseApp(FUNNEL.relative_to(REPO), lang="en")
    assert snap_compare(app, terminal_size=MAP_SIZE, run_before=steady)


def test_map_twelve_stages(snap_compare: Any) -> None:
    app = KunderejseApp(LIFECYCLE.relative_to(REPO))
    assert snap_compare(app, terminal_size=MAP_SIZE, run_before=steady)


def test_map_twelve_stages_scrolled_to_the_focused_last_stage(snap_compare: Any) -> None:
    app = KunderejseApp(LIFECYCLE.relative_to(REPO))
    assert snap_compare(app, terminal_size=MAP_SIZE, run_before=keys(*["right"] * 11))


def test_problems_panel(snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / FUNNEL.name
    text = FUNNEL.read_text(encoding="utf-8")
    text = text.replace("emotion: 3", "emotion: 8", 1).replace(
        "persona: kasper", "persona: kaspar", 1
    )
    target.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    app = KunderejseApp(Path(FUNNEL.name))
    assert snap_compare(app, terminal_size=MAP_SIZE, run_before=steady)


def test_help_screen_of_the_map(snap_compare: Any) -> None:
    app = KunderejseApp(FUNNEL.relative_to(REPO))
    assert snap_compare(app, terminal_size=MAP_SIZE, run_before=keys("f1"))


def test_help_screen_in_english(snap_compare: Any) -> None:
    app = KunderejseApp(FUNNEL.relative_to(REPO), lang="en")
    assert snap_compare(app, terminal_size=MAP_SIZE, run_before=keys("f1"))


def test_quit_dialog(snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copyfile(FUNNEL, tmp_path / FUNNEL.name)
    monkeypatch.chdir(tmp_path)
    app = KunderejseApp(Path(FUNNEL.name))

    async def run(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        the_document(pilot.app).editor.set(("title",), "Mette og Kasper køber bil")
        await pilot.press("ctrl+q")
        await steady(pilot)

    assert snap_compare(app, terminal_size=(120, 30), run_before=run)


def test_search(snap_compare: Any) -> None:
    app = KunderejseApp(FUNNEL.relative_to(REPO))
    assert snap_compare(app, terminal_size=MAP_SIZE, run_before=keys("slash", *"elbil"))


def test_load_error(snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "konflikt.journey.yaml"
    lines = FUNNEL.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[4:5] = ["<<<<<<< HEAD\n", "language: da\n", "=======\n", "language: en\n", ">>>>>>> x\n"]
    broken.write_text("".join(lines), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    app = KunderejseApp(Path(broken.name))
    assert snap_compare(app, terminal_size=(120, 30), run_before=steady)

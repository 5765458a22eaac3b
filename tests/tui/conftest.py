"""Shared helpers for the app's Pilot and snapshot tests.

``async def`` tests run under ``asyncio.run`` (the project has no async pytest
plugin); fixtures work as usual.
"""

from __future__ import annotations

import asyncio
import inspect
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.widget import Widget

from kunderejse_tui.journey.document import JourneyDocument
from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "sample_journeys"
FUNNEL = SAMPLES / "bilkoeb-privat.journey.yaml"
LIFECYCLE = SAMPLES / "energiraadgivning-livscyklus.journey.yaml"


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


async def settle(pilot: Pilot[Any], delay: float = 0.0, timeout: float = 20.0) -> None:
    """Let timers fire (the 0.3 s validation delay), workers finish and the screen redraw.

    A worker that waits for an answer in a dialog (the comments question, a
    recovery copy) never finishes by itself: once a modal screen is up and
    nothing else runs, the app is waiting for the user, and so is the test.
    """
    app = pilot.app
    if delay:
        await pilot.pause(delay)
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        await pilot.pause()
        if not any(w.is_running for w in app.workers) or isinstance(app.screen, ModalScreen):
            break
        await pilot.pause(0.02)
    await pilot.pause()


ScreenT = TypeVar("ScreenT")


async def shows(
    pilot: Pilot[Any],
    kind: type[ScreenT],
    ready: Callable[[ScreenT], object] = lambda screen: True,
    timeout: float = 20.0,
) -> ScreenT:
    """Wait until the app shows a screen of ``kind`` that is ``ready``, and return it.

    Not settle(): a worker may be waiting for the very dialog this waits for, and
    a big journey's map is up before its reading worker is done.
    """
    for _ in range(int(timeout / 0.02)):
        screen = pilot.app.screen
        if isinstance(screen, kind) and screen.is_mounted and ready(screen):
            await pilot.pause()  # its on_mount (texts) runs before the test reads it
            return screen
        await pilot.pause(0.02)
    raise AssertionError(f"{kind.__name__} never showed; the screen is {pilot.app.screen!r}")


@pytest.fixture
def settled() -> Callable[..., Awaitable[None]]:
    return settle


@pytest.fixture
def funnel(tmp_path: Path) -> Path:
    """A private copy of the funnel sample (the tests edit and save it), alone in its folder."""
    (tmp_path / "work").mkdir()
    target = tmp_path / "work" / FUNNEL.name
    shutil.copyfile(FUNNEL, target)
    return target


@pytest.fixture
def lifecycle(tmp_path: Path) -> Path:
    (tmp_path / "work").mkdir(exist_ok=True)
    target = tmp_path / "work" / LIFECYCLE.name
    shutil.copyfile(LIFECYCLE, target)
    return target


@pytest.fixture(autouse=True)
def private_state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Locks and recovery copies of app tests never touch the user's real state folder."""
    state = tmp_path / "kunderejse-state"
    monkeypatch.setenv("KUNDEREJSE_STATE_DIR", str(state))
    return state


@pytest.fixture
def big_journey(tmp_path: Path) -> Path:
    """The funnel sample with its interviews repeated 120 times (~0.4 MB): big enough
    for the map to show a preview while the interviews are read."""
    from kunderejse_tui.journey.dump import dump
    from kunderejse_tui.journey.yamlio import load_file

    loaded = load_file(FUNNEL)
    data = loaded.data
    data["interviews"] = [
        {**iv, "id": f"{iv['id']}-{n}"} for n in range(120) for iv in data["interviews"]
    ]
    (tmp_path / "work").mkdir(exist_ok=True)
    target = tmp_path / "work" / "stor.journey.yaml"
    target.write_text(dump(data, loaded.schema_line), encoding="utf-8")
    return target


def focused(app: App[Any]) -> Widget | None:
    """``app.focused`` read afresh: after ``assert app.focused is a`` mypy would take
    it to stay ``a`` across the key presses that move the focus."""
    return app.focused


def the_document(app: App[Any]) -> JourneyDocument:
    """The open journey's document (a journey must be open)."""
    screen = open_map(app)
    assert screen is not None, "no journey is open"
    return screen.document


def open_map(app: App[Any]) -> JourneyMapScreen | None:
    """The journey map in the app's screen stack, if a journey is open (tests only:
    the app itself reaches the open journey through ``app.journey``)."""
    for screen in reversed(app.screen_stack):
        if isinstance(screen, JourneyMapScreen):
            return screen
    return None

"""What the app's Pilot and snapshot tests share besides fixtures: sample paths,
waiting for the app to settle or show a screen, and reaching the open journey."""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

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


class StepClock:
    """A clock the test moves by hand (the map's stray-key guard reads it): no sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def step(self, seconds: float) -> None:
        self.now += seconds


def step_clock(app: App[Any]) -> StepClock:
    """Give the open map's stray-key guard a clock the test steps (key_guard.py)."""
    screen = open_map(app)
    assert screen is not None, "no journey is open"
    clock = StepClock()
    screen.key_guard.use_clock(clock)
    return clock


# Another session on a journey: a process that holds its lock and says, for each line
# it reads, whether the lock is still its own (the ``other_session`` fixture).
HOLDER = """
import sys
from kunderejse_tui.journey import locks
got = locks.acquire(sys.argv[1])
print(type(got).__name__, flush=True)
for line in sys.stdin:
    print(got.still_ours(), flush=True)
"""


def still_ours(proc: subprocess.Popen[str]) -> str:
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("?\n")
    proc.stdin.flush()
    return proc.stdout.readline().strip()

"""What the measured child processes run; the harness imports only the constants.

Kept apart from the harness so that a child imports no more than it needs:
the bare Textual app must not pay for the benchmark's own modules.

    python -c "from benchmarks.children import bare_main; bare_main()"
"""

from __future__ import annotations

import json
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App
    from textual.pilot import Pilot
    from textual.widgets import Input

HOOK_ENV = "KUNDEREJSE_BENCH_EXIT_AFTER_PAINT"
BARE_TEXT = "Kunderejse (bare Textual app)"
TERMINAL_SIZE = (160, 48)


def bare_main() -> None:
    """A Textual app that shows one line and exits once that line is painted."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static(BARE_TEXT)

        def on_mount(self) -> None:
            self.call_after_refresh(self.exit)

    Bare().run()


def launch_with_hook(argv: list[str]) -> None:
    """``kunderejse ARGV`` with the exit-after-paint hook added from outside.

    Only for an app that does not honour KUNDEREJSE_BENCH_EXIT_AFTER_PAINT yet.
    """
    from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen

    original = JourneyMapScreen.on_mount

    async def on_mount(self: Any) -> None:
        await original(self)
        self.call_after_refresh(self.app.exit)

    JourneyMapScreen.on_mount = on_mount  # type: ignore[method-assign]
    from kunderejse_tui.cli import main

    raise SystemExit(main(argv))


# ---------------------------------------------------------------------------
# Typing


def typing_main(path: str, keys: int, interval_ms: float, profile: str = "") -> None:
    """Type ``keys`` characters into a form field; print the figures as JSON.

    ``path`` is a journey (the name field of its first touchpoint's form), or
    "" for the baseline: a bare Textual app with one Input. With ``profile``,
    the UI thread is profiled (cProfile) while typing, into that file.
    """
    import asyncio
    import resource

    app, setup = _journey_form(Path(path)) if path else _bare_input()
    result = asyncio.run(_typing(app, setup, keys, interval_ms / 1000, profile))
    result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    json.dump(result, sys.stdout)


Setup = Callable[["App[Any]", "Pilot[Any]"], Awaitable["Input"]]


def _journey_form(path: Path) -> tuple[App[Any], Setup]:
    from textual.widgets import Input

    from kunderejse_tui.tui.app import KunderejseApp
    from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen

    async def setup(app: App[Any], pilot: Pilot[Any]) -> Input:
        import time

        deadline = time.monotonic() + 120
        while not isinstance(app.screen, JourneyMapScreen):
            if time.monotonic() > deadline:
                raise SystemExit("typing: the map did not open within 120 s")
            await pilot.pause(0.02)
        await pilot.pause(0.5)
        screen = app.screen
        assert isinstance(screen, JourneyMapScreen)
        screen.editing.open_editor(("stages", 0, "touchpoints", 0))
        await pilot.pause(0.5)
        focused = app.focused
        if not isinstance(focused, Input):
            raise SystemExit(f"typing: the touchpoint form focused {focused!r}, not an Input")
        return focused

    return KunderejseApp(path), setup


def _bare_input() -> tuple[App[Any], Setup]:
    from textual.app import App, ComposeResult
    from textual.widgets import Input

    class BareInput(App[None]):
        def compose(self) -> ComposeResult:
            yield Input("Annonce på Facebook")

    async def setup(app: App[Any], pilot: Pilot[Any]) -> Input:
        field = app.query_one(Input)
        field.focus()
        await pilot.pause(0.2)
        return field

    return BareInput(), setup


# A deterministic stream of letters without immediate repeats, so that each key
# changes the last two characters on screen (the bigram looked for in a frame).
_LETTERS = "kunderejsmtoplaigbfvhy"


def _typed_text(n: int) -> str:
    out: list[str] = []
    i = 0
    while len(out) < n:
        ch = _LETTERS[(i * 7 + i // len(_LETTERS)) % len(_LETTERS)]
        i += 1
        if out and out[-1] == ch:
            continue
        out.append(ch)
    return "".join(out)


async def _typing(
    app: App[Any], setup: Setup, keys: int, interval: float, profile: str = ""
) -> dict[str, Any]:
    import asyncio
    import cProfile
    import threading
    import time

    from textual import events
    from textual.drivers.headless_driver import HeadlessDriver

    frames: list[tuple[float, str]] = []

    class FrameDriver(HeadlessDriver):
        """Headless, but the app renders every frame to terminal text as usual."""

        @property
        def is_headless(self) -> bool:
            return False

        def write(self, data: str) -> None:
            frames.append((time.perf_counter(), data))

    async with app.run_test(size=TERMINAL_SIZE) as pilot:
        driver = app._driver
        assert driver is not None
        driver.__class__ = FrameDriver
        field = await setup(app, pilot)
        field.cursor_blink = False
        field.action_end()
        await pilot.pause(0.2)

        text = _typed_text(keys)
        previous = field.value[-1:] or " "
        sent: list[float] = []
        loop = asyncio.get_running_loop()
        done = asyncio.Event()

        def typist() -> None:
            # Like Textual's input thread: keys arrive from another thread while
            # the app runs its own timers and workers.
            for n, ch in enumerate(text):
                if n and n % 8 == 0:
                    time.sleep(0.4)  # a pause between words: debounced work may run
                sent.append(time.perf_counter())
                driver.send_message(events.Key(ch, ch))
                time.sleep(interval)
            loop.call_soon_threadsafe(done.set)

        first_frame = len(frames)
        profiler = cProfile.Profile() if profile else None
        if profiler is not None:
            profiler.enable()
        thread = threading.Thread(target=typist, daemon=True)
        thread.start()
        await done.wait()
        await pilot.pause(0.5)
        thread.join()
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(profile)
        typed_ok = field.value.endswith(text)

    # A key's latency: until the first frame written after it was sent that
    # shows the new last two characters.
    latencies: list[float] = []
    missing = 0
    shown = frames[first_frame:]
    for n, (t0, ch) in enumerate(zip(sent, text, strict=True)):
        bigram = (previous + text[:n])[-1] + ch
        hit = next((t for t, data in shown if t >= t0 and bigram in data), None)
        if hit is None:
            missing += 1
            continue
        latencies.append((hit - t0) * 1000)
    return {
        "keys": len(text),
        "latencies_ms": latencies,
        "missing": missing,
        "typed_ok": typed_ok,
        "frames": len(shown),
    }

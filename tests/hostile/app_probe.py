"""Open each file given on the command line in the app (headless) and report what it showed.

One JSON line per file: the screen the app settled on, the problems it listed,
and any exception. A file that hangs the app is reported as a hang after
PER_FILE seconds and the probe moves on; the process then ends with os._exit,
so a stuck reader thread cannot keep it alive. Run by test_hostile_app.py in a
subprocess, so a crash of the interpreter is a failed test, not a lost run.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

PER_FILE = 20.0


async def probe(path: Path) -> dict[str, object]:
    from textual.widgets import Static

    from kunderejse_tui.tui.app import KunderejseApp
    from kunderejse_tui.tui.screens.journey_map import JourneyMapScreen
    from kunderejse_tui.tui.screens.load_error import LoadErrorScreen

    def problems_shown() -> str:
        screen = app.screen
        if not isinstance(screen, LoadErrorScreen):
            return ""
        found = screen.query("#load-error-problems")
        return str(found.first(Static).render()) if found else ""

    app = KunderejseApp(path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(int(PER_FILE / 0.05)):
            if problems_shown() or isinstance(app.screen, JourneyMapScreen):
                break
            await pilot.pause(0.05)
        name, shown = type(app.screen).__name__, problems_shown()
        await pilot.press("ctrl+q")
    return {"screen": name, "shown": shown}


async def main(paths: list[Path]) -> None:
    for path in paths:
        try:
            result = await asyncio.wait_for(probe(path), PER_FILE + 10)
        except TimeoutError:
            result = {"screen": "HANG", "shown": ""}
        except Exception as exc:  # the probe reports; the test decides
            result = {"screen": "EXCEPTION", "shown": f"{type(exc).__name__}: {exc}"}
        result["file"] = str(path)
        print(json.dumps(result), flush=True)


if __name__ == "__main__":
    # A reader that never ends (/dev/zero) must fail here, not take the machine's memory.
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
    asyncio.run(main([Path(p) for p in sys.argv[1:]]))
    sys.stdout.flush()
    os._exit(0)

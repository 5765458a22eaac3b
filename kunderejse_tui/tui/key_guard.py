"""Keys typed just after a form closes are not map commands.

A consultant types fast: the end of a sentence meant for a form can arrive
after the form has closed (an Enter on the wrong button, a field that ended
sooner than thought), and on the map every letter is a command (``e`` opens the
export, ``a`` adds, ``d`` deletes). For ``WINDOW`` seconds after a form closes,
keys reaching the map are swallowed, and each swallowed key extends the window,
so a whole stray sentence goes nowhere; once the typing pauses, letters are
commands again. The clock is injectable: tests step it instead of sleeping.
"""

from __future__ import annotations

import time
from collections.abc import Callable

WINDOW = 0.5
"""Seconds after a form closes (or after the last swallowed key) that keys are ignored."""

Clock = Callable[[], float]


class StrayKeyGuard:
    """Remembers when a form closed and says whether a key now is stray typing."""

    def __init__(self, clock: Clock = time.monotonic, window: float = WINDOW) -> None:
        self._clock = clock
        self.window = window
        self._until = float("-inf")
        self.swallowed = 0
        """Keys swallowed since the guard was last armed."""

    def use_clock(self, clock: Clock) -> None:
        """Read the time from ``clock`` (tests: a clock they step by hand)."""
        self._clock = clock

    def arm(self) -> None:
        """A form (or a prompt) just closed: ignore keys for a moment."""
        self._until = self._clock() + self.window
        self.swallowed = 0

    @property
    def armed(self) -> bool:
        return self._clock() < self._until

    def swallow(self) -> bool:
        """True if a key pressed now is stray typing (and extends the window)."""
        now = self._clock()
        if now < self._until:
            self._until = now + self.window
            self.swallowed += 1
            return True
        return False

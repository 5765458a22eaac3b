"""Keys a browser keeps for itself, and the keys a served app offers in their place.

In a browser (`kunderejse serve`), Chrome and Firefox act on some keys before the
page sees them: ctrl+t opens a tab, ctrl+w closes this one (the workshop with it),
ctrl+n opens a window, ctrl+tab and ctrl+pageup/pagedown switch tabs, and Firefox
on Linux quits on ctrl+q. Each of the app's actions on such a key has a second key
that a browser passes on. F-keys do: textual-serve's page draws the app with
xterm.js, which sends an F-key to the app and cancels the browser's own use of it
(so F5 presents rather than reloads). F7 (caret browsing), F11 (full screen) and
F12 (developer tools) are left to the browser.

Both keys work everywhere (on a Mac, a browser leaves ctrl+t and ctrl+w alone). A
served app names the second key in its notices, help, key bar and palette; a
terminal names the usual one.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

# What Chrome and Firefox take before the page sees it (ctrl+q: Firefox on Linux).
TAKEN = frozenset(
    {
        "ctrl+t",
        "ctrl+w",
        "ctrl+n",
        "ctrl+q",
        "ctrl+tab",
        "ctrl+shift+tab",
        "ctrl+shift+t",
        "ctrl+shift+w",
        "ctrl+shift+n",
        "ctrl+pageup",
        "ctrl+pagedown",
    }
)


@dataclass(frozen=True)
class KeyPair:
    """An action's usual key and the one a browser passes on."""

    terminal: str
    browser: str

    @property
    def keys(self) -> str:
        """Both, as a ``Binding`` takes them (the usual key first)."""
        return f"{self.terminal},{self.browser}"

    def name(self, in_browser: bool) -> str:
        """The key to name in a message: "ctrl+t" in a terminal, "F9" in a browser."""
        return self.browser.upper() if in_browser else self.terminal


TAKE_OVER = KeyPair("ctrl+t", "f9")
CLOSE = KeyPair("ctrl+w", "f4")
QUIT = KeyPair("ctrl+q", "f10")
# Written "F9" where keys are shown, as the app's F1, F5 and F6 are.
SECOND_KEYS = frozenset(pair.browser for pair in (TAKE_OVER, CLOSE, QUIT))


def offered(bindings: list[tuple[str, Binding]], in_browser: bool) -> list[tuple[str, Binding]]:
    """The (key, binding) pairs worth naming: in a browser, none on a key it takes when
    the same action has another key (an action with only a taken key stays: it may
    still work, on a Mac)."""
    if not in_browser:
        return bindings
    others = {b.action for key, b in bindings if key not in TAKEN}
    return [(key, b) for key, b in bindings if key not in TAKEN or b.action not in others]

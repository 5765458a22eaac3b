"""Screens whose labels follow the UI language, switched at runtime.

BINDINGS carry string keys (``"key.save"``) as descriptions; each screen gets
translated copies when it mounts and whenever the language changes (see
``key_descriptions``). Everything else a screen shows is rebuilt by
``refresh_texts``.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual import events
from textual.screen import Screen, ScreenResultType

from kunderejse_tui.tui import key_descriptions
from kunderejse_tui.tui.i18n import tr

DEFAULT_LANG = "da"


@runtime_checkable
class Speaking(Protocol):
    """An app with a UI language: ``KunderejseApp``, or a test's host for one screen."""

    @property
    def lang(self) -> str: ...


class Localized(Screen[ScreenResultType]):
    """A screen with ``lang``, ``t()`` and a hook to redraw texts on a language switch."""

    @property
    def lang(self) -> str:
        app = self.app
        return app.lang if isinstance(app, Speaking) else DEFAULT_LANG

    def t(self, key: str, **kwargs: object) -> str:
        return tr(self.lang, key, **kwargs)

    def apply_language(self) -> None:
        key_descriptions.translate(self, self.lang)
        self.refresh_texts()
        self.refresh_bindings()

    def refresh_texts(self) -> None:
        """Set every visible text again in the current language (screens override this)."""

    def _on_mount(self, event: events.Mount) -> None:
        # Textual calls the handler of every class in the MRO, so screens keep their own on_mount.
        self.apply_language()

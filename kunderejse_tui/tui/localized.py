"""Screens whose labels follow the UI language, switched at runtime.

Textual reads a binding's description once, when the class is created, so
BINDINGS here carry string keys (``"key.save"``) as descriptions and each
screen swaps in translated copies when it mounts and whenever the language
changes. Everything else a screen shows is rebuilt by ``refresh_texts``.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from textual import events
from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from kunderejse_tui.tui.i18n import all_strings, tr

if TYPE_CHECKING:
    from kunderejse_tui.tui.app import KunderejseApp


def describe(lang: str, description: str) -> str:
    """A binding description in ``lang``: string keys are translated, other text kept."""
    return tr(lang, description) if description in all_strings() else description


def translate_bindings(node: DOMNode, lang: str) -> None:
    """Give ``node`` copies of its class bindings with descriptions in ``lang``."""
    original = type(node)._merged_bindings
    if original is None:
        return
    translated: dict[str, list[Binding]] = {}
    for key, bindings in original.key_to_bindings.items():
        translated[key] = [
            dataclasses.replace(b, description=describe(lang, b.description)) for b in bindings
        ]
    # Keys bound at runtime (the command palette key on the App) are kept as they are.
    for key, bindings in node._bindings.key_to_bindings.items():
        translated.setdefault(key, bindings)
    node._bindings = BindingsMap.from_keys(translated)


def documented_bindings(node: DOMNode) -> list[tuple[str, Binding]]:
    """``node``'s bindings whose description is a string key, as declared (untranslated)."""
    original = type(node)._merged_bindings
    if original is None:
        return []
    known = all_strings()
    return [(key, b) for key, b in original if b.description in known]


class Localized:
    """Mixin for screens: ``lang``, ``t()`` and a hook to redraw texts on a language switch."""

    app: Any

    @property
    def lang(self) -> str:
        app: KunderejseApp = self.app
        return app.lang

    def t(self, key: str, **kwargs: object) -> str:
        return tr(self.lang, key, **kwargs)

    def apply_language(self) -> None:
        assert isinstance(self, DOMNode)
        translate_bindings(self, self.lang)
        self.refresh_texts()
        self.refresh_bindings()

    def refresh_texts(self) -> None:
        """Set every visible text again in the current language (screens override this)."""

    def _on_mount(self, event: events.Mount) -> None:
        # Textual calls the handler of every class in the MRO, so screens keep their own on_mount.
        self.apply_language()

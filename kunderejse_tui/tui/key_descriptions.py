"""Key descriptions in the UI language: the one place that touches Textual's binding maps.

Textual's Footer, help panel and command palette read ``Binding.description``
as it is, and Textual 8 offers no public hook to translate it (``App.bind``
exists for the app only and is documented as possibly private). So BINDINGS
carry string keys (``"key.save"``) as descriptions, and ``translate`` gives a
node copies of its class bindings with the descriptions in the current
language. tests/tui/test_key_descriptions.py proves it still works with the
installed Textual: the footer of a screen reads its keys in both languages.
"""

from __future__ import annotations

import dataclasses

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from kunderejse_tui.tui.i18n import all_strings, tr


def describe(lang: str, description: str) -> str:
    """A binding description in ``lang``: string keys are translated, other text kept."""
    return tr(lang, description) if description in all_strings() else description


def translate(node: DOMNode, lang: str) -> None:
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


def declared(node: DOMNode) -> list[tuple[str, Binding]]:
    """``node``'s bindings whose description is a string key, as declared (untranslated)."""
    original = type(node)._merged_bindings
    if original is None:
        return []
    known = all_strings()
    return [(key, b) for key, b in original if b.description in known]


def shown(node: DOMNode) -> list[tuple[str, Binding]]:
    """``node``'s live bindings that the footer shows with a description."""
    return [(k, b) for k, b in node._bindings if b.show and b.description]

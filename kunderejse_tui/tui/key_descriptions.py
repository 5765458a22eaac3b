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

from kunderejse_tui.tui.browser_keys import TAKEN, offered
from kunderejse_tui.tui.i18n import all_strings, tr


def describe(lang: str, description: str) -> str:
    """A binding description in ``lang``: string keys are translated, other text kept."""
    return tr(lang, description) if description in all_strings() else description


def in_browser(node: DOMNode) -> bool:
    """Whether ``node``'s app is drawn in a browser (``KunderejseApp.in_browser``)."""
    return bool(getattr(node.app, "in_browser", False))


def translate(node: DOMNode, lang: str) -> None:
    """Give ``node`` copies of its class bindings with descriptions in ``lang``; in a
    browser, the key bar shows the second key of an action whose first the browser takes."""
    original = type(node)._merged_bindings
    if original is None:
        return
    kept = {id(b) for _, b in offered(list(original), in_browser(node))}
    translated: dict[str, list[Binding]] = {}
    for key, bindings in original.key_to_bindings.items():
        translated[key] = [
            dataclasses.replace(
                b,
                description=describe(lang, b.description),
                show=b.show and (key not in TAKEN or id(b) in kept),
            )
            for b in bindings
        ]
    # Keys bound at runtime (the command palette key on the App) are kept as they are.
    for key, bindings in node._bindings.key_to_bindings.items():
        translated.setdefault(key, bindings)
    node._bindings = BindingsMap.from_keys(translated)


def declared(node: DOMNode) -> list[tuple[str, Binding]]:
    """``node``'s bindings whose description is a string key, as declared (untranslated),
    less the keys a browser takes when the app runs in one (browser_keys.offered)."""
    original = type(node)._merged_bindings
    if original is None:
        return []
    known = all_strings()
    return offered([(key, b) for key, b in original if b.description in known], in_browser(node))


def shown(node: DOMNode) -> list[tuple[str, Binding]]:
    """``node``'s live bindings that the footer shows with a description."""
    return [(k, b) for k, b in node._bindings if b.show and b.description]

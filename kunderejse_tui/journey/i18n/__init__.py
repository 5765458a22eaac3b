"""Every word the program says, in Danish and English: one catalog of message ids.

The core, the CLI and the TUI all translate through ``t(lang, key, **args)``; a
``Message`` is the same id and arguments kept for later, for an error raised before
anyone knows which language will read it. The tables live in ``tables/``, one module
per area, and are imported on first use: a command that says nothing pays nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kunderejse_tui.journey.i18n.message import Message

if TYPE_CHECKING:
    from kunderejse_tui.journey.i18n.catalog import Entry, Lang, Plural, all_messages, t
    from kunderejse_tui.journey.i18n.numbers import decimal, integer

# The core makes Messages (``from kunderejse_tui.journey.i18n import Message``) while it
# loads and checks a journey; the catalog itself is imported by the first lookup.
_LAZY = {
    "Entry": "catalog",
    "Lang": "catalog",
    "Plural": "catalog",
    "all_messages": "catalog",
    "t": "catalog",
    "decimal": "numbers",
    "integer": "numbers",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = ["Entry", "Lang", "Message", "Plural", "all_messages", "decimal", "integer", "t"]

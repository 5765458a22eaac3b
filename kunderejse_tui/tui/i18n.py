"""The app's words: ``tr`` is the catalog's ``t`` (``kunderejse_tui.journey.i18n``).

The app's messages live in the catalog's ``ui_*`` tables next to the core's; screens
keep calling ``tr(lang, key, **kwargs)``.
"""

from __future__ import annotations

from kunderejse_tui.journey.i18n.catalog import Lang, t, ui_messages

tr = t
all_strings = ui_messages  # the app's messages (the core's tables are not included)

__all__ = ["Lang", "all_strings", "tr"]

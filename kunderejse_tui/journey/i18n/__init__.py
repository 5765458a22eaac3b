"""Every word the program says, in Danish and English: one catalog of message ids.

The core, the CLI and the TUI all translate through ``t(lang, key, **args)``; a
``Message`` is the same id and arguments kept for later, for an error raised before
anyone knows which language will read it. The tables live in ``tables/``, one module
per area, and are imported on first use: a command that says nothing pays nothing.
"""

from kunderejse_tui.journey.i18n.catalog import Entry, Lang, Plural, all_messages, t
from kunderejse_tui.journey.i18n.message import Message
from kunderejse_tui.journey.i18n.numbers import decimal, integer

__all__ = ["Entry", "Lang", "Message", "Plural", "all_messages", "decimal", "integer", "t"]

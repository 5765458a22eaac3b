"""The message catalog: a message id -> its Danish and English text.

A typed Python table rather than gettext .po files: the tables are checked by mypy
and by a test (both languages, the same placeholders), they need no build step, and
looking a message up costs a dict access. Babel would add plural rules and number
formats, but importing it costs a small journey's ``kunderejse validate`` most of
its start-up budget, and Danish and English need only "one" and "other" plurals and
two separators (see ``numbers``).
"""

from __future__ import annotations

import importlib
from functools import cache

# Every command reads messages, and typing is not otherwise loaded by export.
from typing import TYPE_CHECKING

from kunderejse_tui.journey.i18n.numbers import integer

if TYPE_CHECKING:
    from typing import Literal

    Lang = Literal["da", "en"]
else:
    Lang = str


class Plural:
    """A message that depends on a count ``n``: the form for one, and for any other.

    Both languages use the "one" form for exactly 1 ("1 felt", "1 field") and the
    "other" form for 0 and 2 and up ("0 felter", "2 fields").
    """

    __slots__ = ("da", "en")

    def __init__(self, da: tuple[str, str], en: tuple[str, str]) -> None:
        self.da = da
        self.en = en

    def form(self, lang: str, n: int) -> str:
        one, other = self.da if lang == "da" else self.en
        return one if n == 1 else other


Entry = tuple[str, str] | Plural
"""``(dansk, english)``, or a ``Plural`` for a message that counts something."""

# The first part of a core message's id (before the first dot) says which table holds
# it, so a command imports one small module, not the whole catalog. The app's messages
# are looked up in its tables together: a screen uses many areas at once.
CORE_AREAS: dict[str, str] = {
    "edit": "edits",
    "cli": "cli",
    "disk": "disk",
    "problem": "problems",
    "export": "export",
    "wording": "wording",
    "report": "report",
    "diff": "diff",
    "channel": "channels",
    "merge": "merge",
    "future": "future",
    "serve": "serve",
}
UI_TABLES = (
    "ui_app",
    "ui_compare",
    "ui_editors",
    "ui_export",
    "ui_interview",
    "ui_keys",
    "ui_layout",
    "ui_safety",
    "ui_serve",
)
TABLES: tuple[str, ...] = (*sorted(set(CORE_AREAS.values())), *UI_TABLES)

_loaded: dict[str, dict[str, Entry]] = {}


def table(name: str) -> dict[str, Entry]:
    """The messages of one table module (``tables/<name>.py``), imported once."""
    found = _loaded.get(name)
    if found is None:
        module = importlib.import_module(f"kunderejse_tui.journey.i18n.tables.{name}")
        found = _loaded[name] = module.MESSAGES
    return found


@cache
def ui_messages() -> dict[str, Entry]:
    """The app's messages, from all its tables (a key defined twice is an error)."""
    merged: dict[str, Entry] = {}
    for name in UI_TABLES:
        for key, value in table(name).items():
            if key in merged:
                raise ValueError(f"message {key!r} defined twice ({name})")
            merged[key] = value
    return merged


def entry(key: str) -> Entry:
    area = CORE_AREAS.get(key.partition(".")[0])
    return table(area)[key] if area is not None else ui_messages()[key]


def known(key: str) -> bool:
    """Whether ``key`` is in the catalog: for ids made from a user's value (an enum)."""
    try:
        entry(key)
    except KeyError:
        return False
    return True


def texts(key: str) -> tuple[str, str]:
    """A message's ``(dansk, english)`` text, for content kept in both languages."""
    found = entry(key)
    if isinstance(found, Plural):
        raise TypeError(f"{key} is a plural: it needs a count")
    return found


def all_messages() -> dict[str, Entry]:
    """Every message of every table (for tests and tools; lookups use ``entry``)."""
    merged: dict[str, Entry] = {}
    for name in TABLES:
        merged.update(table(name))
    return merged


def t(lang: str, key: str, /, **args: object) -> str:
    """The message ``key`` in ``lang`` ("da"; anything else reads English), filled in.

    A ``Plural`` picks its form by the argument ``n``, which is shown with the
    language's thousands separator. Arguments that are ``Message``s are translated
    into the same language.
    """
    found = entry(key)
    if isinstance(found, Plural):
        n = args["n"]
        assert isinstance(n, int)
        text = found.form(lang, n)
        args["n"] = integer(lang, n)
    else:
        text = found[0] if lang == "da" else found[1]
    if not args:
        return text
    for name, value in args.items():
        translate = getattr(value, "text", None)
        if translate is not None:
            args[name] = translate(lang)
    return text.format(**args)

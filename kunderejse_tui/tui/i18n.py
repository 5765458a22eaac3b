"""UI strings in Danish and English.

Each area of the UI keeps its strings in ``tui/strings/<area>.py`` as
``STRINGS = {"key": ("dansk", "english"), ...}``; ``tr`` looks them up. A test
checks that no key is missing a language, so no screen is half translated.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from kunderejse_tui.tui import strings as _strings_pkg

Lang = str  # "da" | "en"


@cache
def all_strings() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(_strings_pkg.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{_strings_pkg.__name__}.{info.name}")
        for key, value in module.STRINGS.items():
            if key in merged:
                raise ValueError(f"UI string {key!r} defined twice ({info.name})")
            merged[key] = value
    return merged


def tr(lang: Lang, key: str, **kwargs: object) -> str:
    """The UI string ``key`` in ``lang`` ("da" or "en"), formatted with ``kwargs``."""
    da, en = all_strings()[key]
    text = da if lang == "da" else en
    return text.format(**kwargs) if kwargs else text
